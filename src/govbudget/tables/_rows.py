"""Reading a table's rows: a table being read (its draft), each row's code, name and values.

Internal to :mod:`govbudget.tables.recognize`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from govbudget.errors import DocumentError, GovBudgetError
from govbudget.money import Amount, Unit, amount, parse_decimal
from govbudget.page import Grid, Note, Page
from govbudget.precision import DEFAULT_PRECISION, Precision
from govbudget.table import Row, Table
from govbudget.tables._header import (
    _BLANKS,
    _CODE,
    _CODE_AND_NAME,
    _ELLIPSIS,
    _PART_CODES,
    _clean,
    _columns,
    _decimals,
    _is_number,
    _Layout,
    _parse_unit,
)
from govbudget.tables.specs import TableSpec

# An amount as most cells print it (ASCII digits, thousands grouped or not, at most six
# decimals); anything else goes through parse_decimal(), which reads every published form.
_PLAIN_AMOUNT: Final = re.compile(r"(-?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,24})(?:\.([0-9]{1,6}))?")


class _Draft:
    """A table being read, possibly over several pages."""

    def __init__(
        self, spec: TableSpec | None, title: str, unit_line: str | None, layout: _Layout
    ) -> None:
        self.spec = spec
        self.title = title
        self.unit_line = unit_line
        self.unit = _parse_unit(unit_line) if unit_line else None
        self.layout = layout
        self.header_texts = [
            [layout.text(r, c) for c in range(layout.width)] for r in range(layout.header)
        ]
        self.columns, self.mapping, self.sides = _columns(layout)
        self.rows: list[Row] = []
        self.pages: list[int] = []
        self.sheet: str | None = None
        self.empty_statement: str | None = None
        self.decimals = 0
        self.closed = False
        # (row index, column index, origin) of each value read from a cell with an origin
        self.origins: list[tuple[int, int, tuple[int, int]]] = []

    def table(self, source: str) -> Table:
        precision = None
        if self.unit is not None or self.decimals > DEFAULT_PRECISION.decimals:
            precision = Precision(
                self.unit or DEFAULT_PRECISION.unit, max(DEFAULT_PRECISION.decimals, self.decimals)
            )
        return Table(
            title=self.title,
            kind=None if self.spec is None else self.spec.kind,
            precision=precision,
            unit_line=self.unit_line,
            columns=self.columns,
            rows=self.rows,
            pages=self.pages,
            sheet=self.sheet,
            empty_statement=self.empty_statement,
            source=source,
        )


class _Reading:
    """Reading the rows of a document's grids into tables: the page being read, and notes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[Note] = []
        self.page = Page(0, ())

    def place(self, page: Page | None = None) -> str:
        page = page or self.page
        if page.sheet is not None:
            return f"{self.source} sheet {page.sheet}"
        return f"{self.source} p. {page.number}"

    def note(self, zh: str, en: str) -> None:
        self.notes.append(Note(self.place(), zh, en))

    def rows(self, draft: _Draft, grid: Grid, start: int, layout: _Layout | None = None) -> None:
        """The rows of ``grid`` from ``start``, read with the draft's columns (``layout`` is the
        grid's own, for a grid continuing the draft's table)."""
        layout = layout or draft.layout
        if self.page.number not in draft.pages:
            draft.pages.append(self.page.number)
        draft.sheet = self.page.sheet
        if layout.mixed is not None and start == layout.header:
            start = layout.mixed
        for index, block in enumerate(draft.layout.blocks):
            for r in range(start, len(grid.cells)):
                row = self.row(draft, layout, r, block, index)
                if row is not None:
                    draft.rows.append(row)

    def row(
        self, draft: _Draft, layout: _Layout, r: int, block: list[int], index: int
    ) -> Row | None:
        roles = draft.layout.roles
        code, name = _label(layout, r, block, roles, draft)
        values: list[Amount | None] = [None] * len(draft.columns)
        refs: list[str | None] = [None] * len(draft.columns)
        for c, position in draft.mapping[index]:
            anchor = layout.anchored(r, c)
            refs[position] = None if anchor is None else anchor.ref
            text = layout.text(r, c) if anchor is not None else ""
            if r == layout.mixed and not _is_number(text):
                text = ""  # a sub-header printed in the 合计 row
            if anchor is not None and anchor.colspan > 1 and _is_number(text):
                raise DocumentError(
                    f"{draft.title}: the value {text} of row {name or code} is one cell merged"
                    f" across {anchor.colspan} value columns; which column it belongs to cannot"
                    " be told",
                    source=self.place(),
                )
            values[position] = self.value(draft, text, name or code or "?", position)
            if values[position] is not None and anchor is not None and anchor.origin is not None:
                draft.origins.append((len(draft.rows), position, anchor.origin))
        labelled = any(roles[c] != "value" for c in block)
        # a row with no label (or only "…") and no value is spacing, or the template's "…" rows
        if labelled and not code and _ELLIPSIS.match(name) and all(v is None for v in values):
            return None
        return Row(
            name=name or (code or ""),
            code=code,
            values=values,
            side=draft.sides[index],
            page=self.page.number,
            cells=refs if any(refs) else (),
        )

    def value(self, draft: _Draft, text: str, row: str, position: int) -> Amount | None:
        if text in _BLANKS or _ELLIPSIS.match(text):
            return None
        unit = draft.unit or DEFAULT_PRECISION.unit
        plain = plain_amount(text, unit)
        if plain is not None:
            draft.decimals = max(draft.decimals, plain[1])
            return plain[0]
        try:
            number = parse_decimal(text.replace("，", ","))
            result = amount(number, unit)
        except GovBudgetError:
            column = draft.columns[position].name
            self.note(
                f"{draft.title}：{row} 行 {column} 列的“{text[:20]}”不是金额，按空白处理",
                f"{draft.title}: {text[:20]!r} in row {row}, column {column} is not an amount;"
                " taken as blank",
            )
            return None
        draft.decimals = max(draft.decimals, _decimals(text))
        return result


def plain_amount(text: str, unit: Unit) -> tuple[Amount, int] | None:
    """The amount a cell prints the way most cells do ("1,234.56"), with its decimals, read
    straight into fen; ``None`` for any other text (:func:`~govbudget.money.parse_decimal`
    reads those, or refuses them).

    >>> plain_amount("1,234.56", Unit.WAN), plain_amount("１２", Unit.WAN)
    ((Money('12345600.00', 'CNY'), 2), None)
    """
    plain = _PLAIN_AMOUNT.fullmatch(text)
    if plain is None:
        return None
    sign, whole, decimals = plain.group(1), plain.group(2), plain.group(3) or ""
    fen, rest = divmod(int(whole.replace(",", "") + decimals) * unit.fen, 10 ** len(decimals))
    if rest:  # finer than a fen: refused by amount()
        return None
    return Amount.from_fen(-fen if sign else fen), len(decimals)


def _label(
    layout: _Layout, r: int, block: list[int], roles: Sequence[str], draft: _Draft
) -> tuple[str | None, str]:
    code_parts: list[str] = []
    split: dict[str, str] = {}
    names: list[str] = []
    seen: set[tuple[int, int]] = set()
    for c in block:
        role = roles[c]
        owner = layout.owner.get((r, c))
        if owner is None or owner in seen or role in ("value", "percent", "line"):
            continue
        seen.add(owner)
        text = layout.text(r, c)
        if role == "code":
            code_parts.append(_clean(text))
        elif role.startswith("part:"):
            split[role[5:]] = _clean(text)
        else:
            names.append(text)
    code = "".join(code_parts)
    name = "".join(names)
    if split:
        code = _join_split(split, draft, r)
    if code and not _CODE.match(code):
        matched = _CODE_AND_NAME.match(code)
        if matched:
            code, name = matched.group(1), name or matched.group(2)
        else:
            code, name = "", code + name
    if not code:
        matched = _CODE_AND_NAME.match(name)
        if matched:
            code, name = matched.group(1), matched.group(2)
    return (code or None), name


def _join_split(parts: dict[str, str], draft: _Draft, r: int) -> str:
    """A code from 类/款/项 columns; a 款 or 项 printed alone takes the class above it."""
    kind, section, item = (parts.get(p, "") for p in _PART_CODES)
    previous = next((row.code for row in reversed(draft.rows) if row.code), "") or ""
    if not kind and section:
        kind = previous[:3]
    if not kind and not section and item:
        kind, section = previous[:3], previous[3:5]
    elif kind and not section and item:
        section = previous[3:5] if previous.startswith(kind) else ""
    return kind + section + item
