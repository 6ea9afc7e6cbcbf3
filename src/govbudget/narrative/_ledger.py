"""The reader's record of one reading: figures stated so far and every number's fate.

Internal to :mod:`govbudget.narrative`. A ledger lives for one call of
:func:`~govbudget.narrative.read_narrative` and is thrown away after it; it is
the one place where the reader writes, so the parts stay plain functions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar

from govbudget.errors import GovBudgetError
from govbudget.figure import (
    WRITTEN_COLUMNS,
    Figure,
    Restatement,
    StatedChange,
    StatedPercent,
    Written,
)
from govbudget.money import Amount, Unit, amount
from govbudget.narrative.extraction import Disposition, QualityWarning
from govbudget.narrative.numbers import Number
from govbudget.narrative.patterns import numbers_in
from govbudget.narrative.text import Text
from govbudget.paths import figure_columns
from govbudget.precision import Precision
from govbudget.tree import Node

#: Words before an amount that make it a rate per head or per day, in 元 by nature.
_PER_HEAD: Final = re.compile(r"人均|平均|每人|每天|每次|标准")
#: Words that make a number approximate: "约20万元", "近2万元", "增长5%左右", "100万元以上".
_ROUGHLY_BEFORE: Final = re.compile(r"(?:大约|约为|约|将近|接近|近|逾|超过|不到|不足)$")
_ROUGHLY_AFTER: Final = re.compile(r"左右|上下|以上|以下|有余")


class Ledger:
    """Figures by path, each number's use, warnings, and the spans of remarks."""

    def __init__(
        self,
        text: Text,
        numbers: Sequence[Number],
        source: str,
        unit: Unit,
        pages: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.page_starts = [offset for offset, _ in pages]
        self.page_numbers = [number for _, number in pages]
        self.numbers = numbers
        self.source = source
        self.unit = unit
        self.uses: dict[int, tuple[Disposition, str | None, str | None]] = {}
        self.slots: dict[str, dict[str, object]] = {}
        self.places: dict[str, int] = {}
        self.warnings: list[QualityWarning] = []
        self.remarks: set[int] = set()  # the starts of the numbers within remarks
        # The document declares no precision: it is published to the most decimals any
        # of its amounts in the document's unit is written with ("10 万元" beside
        # "425.23 万元" is 10.00), two when it writes no amount.
        written = [n.decimals for n in numbers if n.money is unit]
        self.decimals = min(max(written), 8) if written else 2

    # -- places -----------------------------------------------------------------
    def where(self, offset: int) -> str:
        """``source p. N`` (the text's pages known) or ``source:line:column`` of an offset."""
        if self.page_starts:
            index = bisect_right(self.page_starts, self.text.origin(offset)) - 1
            return f"{self.source} p. {self.page_numbers[max(index, 0)]}"
        line, column = self.text.position(offset)
        return f"{self.source}:{line}:{column}"

    def warn(self, code: str, zh: str, en: str, offset: int | None, path: str | None) -> None:
        """Record a quality warning at ``offset``."""
        line, column = self.text.position(offset) if offset is not None else (None, None)
        self.warnings.append(QualityWarning(code, zh, en, line, column, path))

    # -- numbers ----------------------------------------------------------------
    def is_used(self, number: Number) -> bool:
        """Whether a pattern already decided what ``number`` is."""
        return number.start in self.uses

    def is_unread(self, number: Number) -> bool:
        """Whether a pattern saw ``number`` and could not use it."""
        use = self.uses.get(number.start)
        return use is not None and use[0] is Disposition.NOT_UNDERSTOOD

    def mark(self, number: Number, path: str) -> None:
        """``number`` was read into the value at ``path`` (also after a pattern gave up on it)."""
        if self.is_unread(number):
            del self.uses[number.start]
        self.uses.setdefault(number.start, (Disposition.MAPPED, path, None))

    def renumber(self, prefix: str, places: dict[int, int]) -> None:
        """The numbers read into ``{prefix}{old}/…`` read into ``{prefix}{new}/…`` for each
        ``old: new`` of ``places`` (the list items at ``prefix`` kept, in their new places)."""
        for start, (disposition, path, reason) in list(self.uses.items()):
            if path is None or not path.startswith(prefix):
                continue
            index, slash, rest = path[len(prefix) :].partition("/")
            if index.isdigit() and int(index) in places and int(index) != places[int(index)]:
                moved = f"{prefix}{places[int(index)]}{slash}{rest}"
                self.uses[start] = (disposition, moved, reason)

    def context(self, number: Number, reason: str) -> None:
        """``number`` is part of the wording, not a figure."""
        self.uses.setdefault(number.start, (Disposition.CONTEXT, None, reason))

    def unread(self, number: Number, reason: str) -> None:
        """``number`` was seen by a pattern that could not use it."""
        self.uses.setdefault(number.start, (Disposition.NOT_UNDERSTOOD, None, reason))

    def remark(self, start: int, end: int) -> None:
        """``text[start:end]`` is a remark kept as a note: its numbers are context."""
        self.remarks.update(n.start for n in numbers_in(self.numbers, start, end))

    # -- values -----------------------------------------------------------------
    def money(self, number: Number) -> tuple[Amount, Unit] | None:
        """The amount a money number states, or ``None`` (and it is marked) if it cannot be one."""
        unit = number.money
        if unit is None or number.value is None:
            return None
        try:
            return amount(number.value, unit), unit
        except GovBudgetError as error:
            self.unread(number, str(error))
            return None

    def approximate(self, number: Number) -> bool:
        """Whether the text says ``number`` is approximate ("约20万元", "增长5%左右")."""
        text = self.text.text
        return bool(
            _ROUGHLY_BEFORE.search(text, max(0, number.start - 2), number.start)
            or _ROUGHLY_AFTER.match(text, number.unit_end)
        )

    def put(self, path: str, name: str, value: object, number: Number | None, offset: int) -> bool:
        """Set field ``name`` of the figure at ``path``; a restatement must agree.

        Returns whether the value was taken (first statement or an equal restatement). An
        approximate number ("约20万元") is taken as the wording's, not as a value to check.
        """
        if number is not None and self.approximate(number):
            return self._roughly(path, number, offset)
        slot = self.slots.setdefault(path, {})
        self.places.setdefault(path, offset)
        old = slot.get(name)
        if old is None or old == value:
            slot[name] = value
            if number is not None:
                self.mark(number, f"{path}/{name}")
            return True
        if number is not None:
            first = _show(old, self.unit)
            self.unread(number, f"restates {path}/{name} differently (first stated {first})")
        self.warn(
            "restated-differently",
            f"{path}/{name} 前后两处数字不一致：先为 {_show(old, self.unit)}，后为 {_show(value, self.unit)}",
            f"{path}/{name} is stated twice with different values:"
            f" {_show(old, self.unit)}, then {_show(value, self.unit)}",
            offset,
            f"{path}/{name}",
        )
        return False

    def _roughly(self, path: str, number: Number, offset: int) -> bool:
        """An approximate number said of the figure at ``path``: the figure is stated, the
        number is the wording's."""
        self.slots.setdefault(path, {})
        self.places.setdefault(path, offset)
        self.context(number, "approximate")
        return True

    def put_amount(self, path: str, name: str, number: Number) -> bool:
        """Set an amount field from a money number, with the figure's own unit if it differs."""
        if self.approximate(number):
            return self._roughly(path, number, number.start)
        parsed = self.money(number)
        if parsed is None:
            return False
        value, unit = parsed
        if self._unit_slip(number, unit):
            # "项目支出29.36元" beside "8396.48万元": 29.36 yuan means nothing there; the
            # document's 万元 was meant. Read so, and said.
            value, unit = amount(number.value or 0, self.unit), self.unit
            self.warn(
                "unit-slip",
                f"“{number.text}元”似应为“{number.text}{self.unit.label}”（同句其他金额均以{self.unit.label}计）",
                f"“{number.text} 元” is most likely {number.text} {self.unit.label}: the"
                f" sentence's other amounts are in {self.unit.label}",
                number.start,
                f"{path}/{name}",
            )
        taken = self.put(path, name, value, number, number.start)
        if taken and unit is not self.unit and name == "amount":
            self.slots[path].setdefault("precision", Precision(unit, max(2, number.decimals)))
        if taken and unit is self.unit and value.fen and number.decimals < self.decimals:
            # "1万元" beside "0.53万元": read as 1.00, but perhaps rounded to what is written.
            written = self.slots[path].setdefault("written", {})
            if isinstance(written, dict) and name in WRITTEN_COLUMNS:
                written[name] = number.decimals
        return taken

    def _unit_slip(self, number: Number, unit: Unit) -> bool:
        """Whether a 元 amount stands among 万元 ones where only 万元 makes sense: under 1,000
        yuan (a trifle beside 万元 budget lines) in a sentence whose other amounts are all
        in the document's 万元."""
        if unit is not Unit.YUAN or self.unit is not Unit.WAN or number.value is None:
            return False
        if number.value >= 1000 or number.decimals > 2:
            return False
        text = self.text.text
        if _PER_HEAD.search(text, max(0, number.start - 8), number.start):
            return False  # 人均 70 元, 每人每天 100 元: rates are in 元 by nature
        start = max(text.rfind("。", 0, number.start), text.rfind("\n", 0, number.start)) + 1
        ends = [i for i in (text.find("。", number.end), text.find("\n", number.end)) if i >= 0]
        end = min(ends) if ends else len(text)
        others = [
            n
            for n in numbers_in(
                self.numbers, max(start, number.start - 200), min(end, number.end + 200)
            )
            if n.money is not None and n.start != number.start
        ]
        return bool(others) and all(n.money is Unit.WAN for n in others)

    def put_change(self, path: str, number: Number | None, word: str, name: str = "change") -> bool:
        """Set the stated change (a word alone when ``number`` is ``None``); ``name`` is
        ``change`` (against the year before) or ``budget_change`` (against the budget)."""
        if number is None:
            offset = self.places.get(path, 0)
            return self.put(path, name, StatedChange(None, word), None, offset)
        if self.approximate(number):  # "减少近2万元": the direction is stated, not the amount
            self.context(number, "approximate")
            return self.put(path, name, StatedChange(None, word), None, number.start)
        parsed = self.money(number)
        if parsed is None:
            return False
        return self.put(path, name, StatedChange(parsed[0], word), number, number.start)

    def put_percent(self, path: str, name: str, number: Number, word: str | None) -> bool:
        """Set a percent field (``percent``, ``share`` or ``completion``)."""
        if number.value is None:
            self.unread(number, "too many digits for a percent")
            return False
        return self.put(path, name, StatedPercent(number.value, word), number, number.start)

    def restate(self, path: str, number: Number, again: Restatement) -> None:
        """The figure at ``path`` stated again as ``number``, with another amount."""
        restated = self.slots.setdefault(path, {}).setdefault("restated", [])
        assert isinstance(restated, list)
        self.mark(number, f"{path}/restated/{len(restated)}")
        restated.append(again)

    def put_note(self, path: str, note: str, offset: int) -> None:
        """Set the figure's note unless it has one."""
        slot = self.slots.setdefault(path, {})
        slot.setdefault("note", note)
        self.places.setdefault(path, offset)

    def has(self, path: str, name: str = "amount") -> bool:
        """Whether the figure at ``path`` states ``name``."""
        return self.slots.get(path, {}).get(name) is not None

    def figure(self, path: str) -> Figure | None:
        """The figure stated at ``path``, or ``None`` if nothing was."""
        if not self.slots.get(path):
            return None
        return Figure(**self._fields(path))

    def node(
        self, path: str, *, code: str | None, name: str, children: Sequence[Node] = ()
    ) -> Node:
        """A classification line: the figure stated at ``path`` with its code and name."""
        return Node(code=code, name=name, children=tuple(children), **self._fields(path))

    def _fields(self, path: str) -> dict[str, Any]:
        """The figure stated at ``path`` as the keyword arguments of a :class:`Figure`: each
        of its fields (:func:`govbudget.paths.figure_columns`) as stated, if of its kind."""
        slot = self.slots.get(path, {})
        fields: dict[str, Any] = {name: _typed(slot, name, kind) for name, kind in _AS_STATED}
        fields["restated"] = tuple(
            r for r in _typed(slot, "restated", list) or () if isinstance(r, Restatement)
        )
        fields["written"] = tuple(
            Written(column, decimals)
            for column, decimals in sorted((_typed(slot, "written", dict) or {}).items())
        )
        fields["none_stated"] = slot.get("none_stated") is True
        fields["source"] = self.where(self.places[path]) if path in self.places else None
        return fields


#: The fields of a figure the reader keeps as they were stated; :meth:`Ledger._fields`
#: makes the others (the restatements, the decimals written, none stated, the source).
_AS_STATED: Final = tuple(
    (name, kind)
    for name, kind in figure_columns()
    if name not in {"restated", "written", "none_stated", "source"}
)

_T = TypeVar("_T")


def _typed(slot: dict[str, object], name: str, kind: type[_T]) -> _T | None:
    value = slot.get(name)
    return value if isinstance(value, kind) else None


def _show(value: object, unit: Unit) -> str:
    if isinstance(value, Amount):
        return f"{value.in_unit(unit).normalize():f}{unit.label}"
    if isinstance(value, StatedChange):
        return f"{value.word or ''}{'' if value.value is None else _show(value.value, unit)}"
    if isinstance(value, StatedPercent):
        return f"{value.word or ''}{value.value}%"
    if isinstance(value, Decimal):
        return str(value)
    return repr(value)
