"""What reading a narrative gives: the budget, every number's fate, and warnings.

An :class:`Extraction` holds the :class:`~govbudget.model.DepartmentBudget`
built from the text (``None`` when the text names no department or year), one
:class:`NumberUse` for every number written in it — *mapped* to a figure (with
the figure's path), *context* (a date, an item number, a count in a
description …) or *not understood* (with the line, column and the words
around it) — the parts recognised, and :class:`QualityWarning` objects about
the disclosure itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from attrs import frozen

from govbudget.language import Language
from govbudget.model import DepartmentBudget
from govbudget.tree import Node

__all__ = [
    "CHECKED_BY",
    "CONTEXT_KINDS",
    "Disposition",
    "Extraction",
    "ExtractionSummary",
    "NumberUse",
    "QualityWarning",
    "SectionInfo",
    "value_at",
]


class Disposition(Enum):
    """What became of a number of the text."""

    MAPPED = "mapped"  # read into a figure of the budget
    CONTEXT = "context"  # not a budget figure: a date, an item number, a count …
    NOT_UNDERSTOOD = "not_understood"  # no pattern read it: listed for a person to look at


#: The kinds of context number, in Chinese and English.
CONTEXT_KINDS: Final[dict[str, tuple[str, str]]] = {
    "date": ("日期或年份", "a date or year"),
    "item-number": ("序号", "an item number"),
    "document-number": ("文号", "a document number"),
    "count": ("说明中的数量", "a count in a description"),
    "remark": ("备注中的数字", "a number in a remark"),
    "heading": ("标题中的数字", "a number in a heading"),
    "glossary": ("名词解释中的数字", "a number in the glossary"),
    "table-part": ("公开表部分的数字", "a number in the tables part"),
    "url": ("网址中的数字", "a number in a web address"),
    "measure": ("说明中的面积、长度等量", "a measure in a description (area, length …)"),
    "code": ("编码或标识中的数字", "a number in a code or identifier"),
    "approximate": ("约数（约、近、左右等）", "an approximate number (约, 近, 左右 …)"),
}


@frozen
class NumberUse:
    """One number of the text and what became of it.

    ``path`` is the figure it was read into (``/income/grand_total/amount``)
    when mapped; ``reason`` is the context kind (see :data:`CONTEXT_KINDS`) or,
    for a number not understood, why; ``around`` shows the words around it with
    the number in 【】.
    """

    text: str
    value: Decimal | None
    unit: str | None
    line: int
    column: int
    disposition: Disposition
    path: str | None
    reason: str | None
    around: str

    def describe(self, lang: Language = "zh") -> str:
        """One line for people: place, number, and what became of it."""
        where = f"{self.line}:{self.column}"
        number = self.text + (self.unit or "")
        if self.disposition is Disposition.MAPPED:
            return f"{where} {number} → {self.path}"
        if self.disposition is Disposition.CONTEXT:
            label = CONTEXT_KINDS.get(self.reason or "", (self.reason, self.reason))
            return f"{where} {number} ({label[0 if lang == 'zh' else 1]})"
        why = f" — {self.reason}" if self.reason else ""
        return f"{where} {number}: {self.around}{why}"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data with stable keys."""
        return {
            "text": self.text,
            "unit": self.unit,
            "line": self.line,
            "column": self.column,
            "disposition": self.disposition.value,
            "path": self.path,
            "reason": self.reason,
            "around": self.around,
        }


#: The warnings a rule of the catalogue also reports, by code: ``govbudget check``
#: shows the rule's finding (with the figures and the line) and not the warning.
CHECKED_BY: Final[Mapping[str, str]] = MappingProxyType(
    {
        "indicator-without-target": "PRF003",
        "indicator-without-unit": "PRF003",
        "no-department": "IDN001",
        "no-year": "IDN001",
    }
)


@frozen
class QualityWarning:
    """A weakness of the disclosure itself, found while reading it.

    ``code`` is one of ``copied-indicators``, ``indicator-without-target``,
    ``indicator-without-unit``, ``project-not-in-spending``, ``missing-section``,
    ``restated-differently``, ``no-department``, ``no-year``.
    """

    code: str
    message_zh: str
    message_en: str
    line: int | None = None
    column: int | None = None
    path: str | None = None

    @property
    def checked_by(self) -> str | None:
        """The id of the rule that reports the same weakness, if one does (see ``CHECKED_BY``)."""
        return CHECKED_BY.get(self.code)

    def message(self, lang: Language = "zh") -> str:
        """The warning in words, with its place."""
        where = f"{self.line}:{self.column} " if self.line is not None else ""
        return where + (self.message_zh if lang == "zh" else self.message_en)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data with stable keys."""
        return {
            "code": self.code,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


@frozen
class SectionInfo:
    """A part of the narrative as recognised: kind, title, line, and whether it states none."""

    kind: str
    title: str
    line: int
    stated_none: bool = False


@frozen
class ExtractionSummary:
    """Counts of the numbers of the text by what became of them."""

    found: int
    mapped: int
    context: int
    not_understood: int

    @property
    def accounted(self) -> Fraction:
        """The share of numbers mapped or classified as context (1 when there are none)."""
        if not self.found:
            return Fraction(1)
        return Fraction(self.mapped + self.context, self.found)

    def to_dict(self) -> dict[str, int]:
        """JSON-ready counts with stable keys."""
        return {
            "found": self.found,
            "mapped": self.mapped,
            "context": self.context,
            "not_understood": self.not_understood,
        }

    def text(self, lang: Language = "zh") -> str:
        """One line, e.g. "numbers: 243 found, 150 mapped, 93 context, 0 not understood"."""
        tenths = (self.accounted * 1000).__floor__()
        share = f"{tenths // 10}.{tenths % 10}%"
        if lang == "zh":
            return (
                f"文本中的数字：共 {self.found} 个，已读入 {self.mapped} 个，"
                f"属上下文 {self.context} 个，未能识别 {self.not_understood} 个（已说明 {share}）"
            )
        return (
            f"numbers in the text: {self.found} found, {self.mapped} mapped,"
            f" {self.context} context, {self.not_understood} not understood ({share} accounted for)"
        )


def _summary(numbers: Iterable[NumberUse]) -> ExtractionSummary:
    counts = dict.fromkeys(Disposition, 0)
    total = 0
    for number in numbers:
        counts[number.disposition] += 1
        total += 1
    return ExtractionSummary(
        found=total,
        mapped=counts[Disposition.MAPPED],
        context=counts[Disposition.CONTEXT],
        not_understood=counts[Disposition.NOT_UNDERSTOOD],
    )


@frozen
class Extraction:
    """The result of reading a narrative.

    ``budget`` is always there: one that names no unit or year when the text does
    not (``warnings`` say which, and IDN001 reports it); every number is in
    ``numbers`` whatever happened.
    """

    source: str
    budget: DepartmentBudget
    numbers: tuple[NumberUse, ...]
    sections: tuple[SectionInfo, ...]
    warnings: tuple[QualityWarning, ...]

    @property
    def summary(self) -> ExtractionSummary:
        """Counts of the numbers found, mapped, context and not understood."""
        return _summary(self.numbers)

    @property
    def not_understood(self) -> tuple[NumberUse, ...]:
        """The numbers no pattern read and no context explains."""
        return tuple(n for n in self.numbers if n.disposition is Disposition.NOT_UNDERSTOOD)

    def mapped_to(self, path: str) -> tuple[NumberUse, ...]:
        """The numbers read into the figure at ``path`` (a stated figure and its restatements)."""
        return tuple(n for n in self.numbers if n.path == path)

    def unchecked_warnings(self) -> tuple[QualityWarning, ...]:
        """The warnings no rule of the catalogue reports (see :attr:`QualityWarning.checked_by`)."""
        return tuple(w for w in self.warnings if w.checked_by is None)

    def render(self, lang: Language = "zh", *, omit_checked: bool = False) -> str:
        """The summary, the numbers not understood and the warnings, as text.

        With ``omit_checked``, the warnings a rule also reports are left out
        (for a report that shows that rule's findings).
        """
        zh = lang == "zh"
        lines = [self.summary.text(lang)]
        missing = self.not_understood
        if missing:
            lines.append("未能识别的数字：" if zh else "numbers not understood:")
            lines.extend(f"  {n.describe(lang)}" for n in missing)
        warnings = self.unchecked_warnings() if omit_checked else self.warnings
        if warnings:
            lines.append("公开质量提示：" if zh else "quality of the disclosure:")
            lines.extend(f"  [{w.code}] {w.message(lang)}" for w in warnings)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data with stable keys (the budget is not included: see ``govbudget.dumps``)."""
        return {
            "source": self.source,
            "summary": self.summary.to_dict(),
            "sections": [
                {"kind": x.kind, "title": x.title, "line": x.line, "stated_none": x.stated_none}
                for x in self.sections
            ],
            "numbers": [n.to_dict() for n in self.numbers],
            "warnings": [w.to_dict() for w in self.warnings],
        }


def value_at(budget: DepartmentBudget, path: str) -> object:
    """The value at a path of :attr:`NumberUse.path` (``/income/grand_total/amount``).

    A path names fields by name, classification lines and named parts by their
    key (code, or name where there is none) and other list items by position.
    Raises ``KeyError`` naming the path when nothing is there.

    >>> from govbudget import load
    >>> b = load("examples/zengdu-xinfang-2025/budget.json")
    >>> value_at(b, "/expenditure/by_economic/301/30101/amount")
    Money('555800.00', 'CNY')
    >>> value_at(b, "/staffing/in_service_parts/3/unit")
    '名'
    """
    current: object = budget
    for key in path.strip("/").split("/"):
        current = _step(current, key, path)
    return current


def _step(current: object, key: str, path: str) -> object:
    if isinstance(current, tuple):
        if current and all(isinstance(item, Node) for item in current):
            found = next((item for item in current if item.key == key), None)
            if found is not None:
                return found
        if key.isdigit() and int(key) < len(current):
            return current[int(key)]
        raise KeyError(f"{path}: nothing at {key!r}")
    if isinstance(current, Node) and not hasattr(current, key):
        if key == current.key and not any(c.key == key for c in current.children):
            return current  # a statement's path names it after its place: /statements/0/会议费
        return _step(current.children, key, path)
    if current is None or not hasattr(current, key):
        raise KeyError(f"{path}: nothing at {key!r}")
    return getattr(current, key)
