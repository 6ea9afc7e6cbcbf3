"""Recognise the standard tables in the text lines and grids of a document's pages.

The PDF and Excel readers (:mod:`govbudget.io.pdf`, :mod:`govbudget.io.excel`)
turn each page or worksheet into :class:`Page` blocks — text lines and grids
of cells, a merged cell kept once with its row and column span — in reading
order. :func:`recognize` is pure: it finds each table by its title, reads the
unit line, works out the header (merged header cells, several header rows,
类/款/项 code columns split into three or joined in one, a table printed in two
halves side by side), reads the rows (blank cells stay blank, 合计/总计 rows
are kept as printed), follows a table that continues over pages, and takes
"本表无数据" statements. Lines that belong to no table are the narrative.

>>> page = Page(1, (Line("支出决算表"), Line("单位：万元"), Grid.of(
...     ["科目编码", "科目名称", "本年支出合计", "基本支出"],
...     ["201", "一般公共服务支出", "10.00", ""])))
>>> table = recognize([page], source="a.pdf").tables[0]
>>> table.kind, table.columns[1].name, table.rows[0].values
(<TableKind.FINAL_EXPENDITURE: 'final.expenditure'>, '基本支出', (Money('100000.00', 'CNY'), None))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attrs import field, frozen

from govbudget.errors import DocumentError, GovBudgetError
from govbudget.model import Kind
from govbudget.money import Amount, Unit, amount, parse_decimal
from govbudget.page import Grid, GridCell, Line, Note, Page, Pages
from govbudget.precision import DEFAULT_PRECISION, Precision
from govbudget.table import Column, Row, Table
from govbudget.tables.specs import TableSpec, is_continued, match_title, normalize_text

__all__ = [
    "CellOrigin",
    "Grid",
    "GridCell",
    "Line",
    "Note",
    "Page",
    "Pages",
    "Recognition",
    "recognize",
]


def _notes(value: Sequence[Note]) -> tuple[Note, ...]:
    return tuple(value)


def _tables(value: Sequence[Table]) -> tuple[Table, ...]:
    return tuple(value)


@frozen
class CellOrigin:
    """Where the value of one table cell came from: ``tables[table].rows[row].values[column]``."""

    table: int
    row: int
    column: int
    origin: tuple[int, int]


def _origins(value: Sequence[CellOrigin]) -> tuple[CellOrigin, ...]:
    return tuple(value)


def _entries(value: Sequence[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(value)


@frozen
class Recognition:
    """What :func:`recognize` found: the tables, the narrative text, notes, and identity.

    ``narrative_pages`` says where each printed page's text starts in
    ``narrative``: ``(character offset, page number)`` pairs in order (empty for
    a workbook), what :func:`~govbudget.narrative.read_narrative` takes as ``pages``.
    ``contents`` are the entries of the table of contents, ``(entry as printed,
    page number)``, in order: lines ending in leader dots and a page number, kept
    out of the narrative and never taken for a table's title.
    """

    tables: tuple[Table, ...] = field(converter=_tables)
    narrative: str
    notes: tuple[Note, ...] = field(converter=_notes)
    department: str | None = None
    year: int | None = None
    kind: Kind | None = None
    narrative_pages: tuple[tuple[int, int], ...] = ()
    cells: tuple[CellOrigin, ...] = field(default=(), converter=_origins)
    contents: tuple[tuple[str, int], ...] = field(default=(), converter=_entries)


_UNIT: Final = re.compile(r"单位[:：]\s*(亿元|千元|万元|元)")
# A table of contents entry: its text, leader dots (folded: "……" is "......"), a page number.
_CONTENTS: Final = re.compile(r"^(.*[^.·•‧・])[.·•‧・]{4,}(\d{1,4})$")
_LEADER: Final = re.compile(r"(?:\s*[.．·•…‧・⋯]){2,}")
_WHITESPACE: Final = re.compile(r"\s+")
_NUMBER: Final = re.compile(r"^[-+−－]?[\d,，]*\d(?:\.\d+)?$")
_CODE: Final = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_AND_NAME: Final = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d\s].*)$")
_BLANKS: Final = frozenset({"", "-", "--", "—", "——", "－", "/", "—-", "–"})
_ELLIPSIS: Final = re.compile(r"^[.。…·\s]*$")
_NUMBERED: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_TOTAL: Final = re.compile(r"(合计|总计)$")
_EMPTY: Final = re.compile(r"本表无数据|本表为空|为空表|无数据")
_NOTE: Final = re.compile(r"^(注|备注)[:：]")
_HEADING: Final = re.compile(r"^(第[一二三四五六七八九十]+部分|目录$|[一二三四五六七八九十]+、)")
_IDENTITY: Final = re.compile(r"(\d{4})年度?[^，,。\d]{0,24}?(决算|预算)")
_PART: Final = re.compile(r"^第[一二三四五六七八九十]+部分")
_PERCENT_COLUMN: Final = re.compile(r"率|%|％|比例|百分比|占比")
_LABEL_NAMES: Final = frozenset({"项目", "科目", "项目名称", "单位名称", "功能分类", "经济分类"})
#: Columns that number the lines of the national template (行次, 栏次): neither label nor value.
_LINE_NUMBERS: Final = frozenset({"行次", "栏次"})
_PART_CODES: Final = ("类", "款", "项")
# An amount as most cells print it (ASCII digits, thousands grouped or not, at most six
# decimals); anything else goes through parse_decimal(), which reads every published form.
_PLAIN_AMOUNT: Final = re.compile(r"(-?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,24})(?:\.([0-9]{1,6}))?")


def _clean(text: str) -> str:
    """Cell text as compared: folded (full-width forms), no whitespace."""
    return normalize_text(text)


def _printed(text: str) -> str:
    """Cell text as printed, without the line breaks and spaces of wrapped cells."""
    return _WHITESPACE.sub("", text)


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(_clean(text)))


def _parse_unit(text: str) -> Unit | None:
    found = _UNIT.search(normalize_text(text).replace(":", "："))
    return None if found is None else Unit.parse(found.group(1))


def _decimals(text: str) -> int:
    cleaned = _clean(text)
    return len(cleaned.split(".", 1)[1]) if "." in cleaned else 0


class _Layout:
    """The header of a grid: how many header rows, and what each column holds."""

    def __init__(self, grid: Grid) -> None:
        self.width = grid.width
        self.owner = _owners(grid)
        self.cells = grid.cells
        # each cell's printed text once, by its place (a merged cell's text at each place it covers)
        printed = {
            (r, c): _printed(cell.text)
            for r, row in enumerate(grid.cells)
            for c, cell in enumerate(row)
            if cell is not None
        }
        self.texts = {place: printed[owner] for place, owner in self.owner.items()}
        self.header = _header_rows(grid, self.owner)
        self.paths = [self.path(c) for c in range(self.width)]
        self.roles = [self.role(c) for c in range(self.width)]
        self.blocks = _split_blocks(self.roles)
        self.mixed = (
            self.header - 1 if self.header and self.total_in_labels(self.header - 1) else None
        )

    def total_in_labels(self, r: int) -> bool:
        """A header row that is also the 合计 row (the template prints sub-headers beside it)."""
        labels = [c for c in range(self.width) if self.roles[c] in ("code", "name")]
        return bool(labels) and bool(_TOTAL.search(self.text(r, labels[0])))

    def text(self, r: int, c: int) -> str:
        if r >= len(self.cells) or c >= len(self.cells[r]):
            return ""
        return self.texts.get((r, c), "")

    def anchored(self, r: int, c: int) -> GridCell | None:
        """The cell at (r, c) if it starts there."""
        if r >= len(self.cells) or c >= len(self.cells[r]):
            return None
        return self.cells[r][c]

    def path(self, c: int) -> tuple[str, ...]:
        parts: list[str] = []
        last: tuple[int, int] | None = None
        for r in range(self.header):
            owner = self.owner.get((r, c))
            if owner is None or owner == last:
                continue
            last = owner
            text = self.text(r, c)
            if text and text not in parts:
                parts.append(text)
        return tuple(parts)

    def role(self, c: int) -> str:
        path = self.paths[c]
        leaf = path[-1] if path else ""
        if leaf in _PART_CODES:
            return "part:" + leaf
        if leaf in _LINE_NUMBERS:
            return "line"
        if any("编码" in p or "代码" in p for p in path):
            return "code"
        if any("名称" in p for p in path) or leaf in _LABEL_NAMES:
            return "name"
        if _PERCENT_COLUMN.search(leaf):
            return "percent"
        data = [self.text(r, c) for r in range(self.header, len(self.cells))]
        data = [d for d in data if d and not _ELLIPSIS.match(d)]
        if data and sum(bool(_CODE.match(d)) for d in data) * 2 > len(data) and not path:
            return "code"
        textual = [d for d in data if not _is_number(d) and d not in _BLANKS]
        if data and len(textual) * 2 > len(data):
            return "name"
        return "value"


def _owners(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if cell.rowspan <= 1 and cell.colspan <= 1:
                owner.setdefault((r, c), (r, c))
                continue
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    owner.setdefault((r + dr, c + dc), (r, c))
    return owner


def _is_data_row(grid: Grid, owner: dict[tuple[int, int], tuple[int, int]], r: int) -> bool:
    row = grid.cells[r]
    texts = [_clean(cell.text) for cell in row if cell is not None]
    if not texts:
        return False
    if all(t == "" for t in texts) and all(
        owner.get((r, c), (r, c))[0] == r for c in range(len(row))
    ):
        return True
    first = next((t for t in texts if t), "")
    if _CODE.match(first) or _CODE_AND_NAME.match(first):
        return True
    if r > 0 and (_NUMBERED.match(first) or (_TOTAL.search(first) and len(first) <= 12)):
        others = [t for t in texts if t and t != first]
        return all(
            _is_number(t) or _is_number(t.rstrip("%％")) or _NUMBERED.match(t) or _TOTAL.search(t)
            for t in others
        )
    return any(_is_number(t) for t in texts[1:])


def _header_rows(grid: Grid, owner: dict[tuple[int, int], tuple[int, int]]) -> int:
    for r in range(len(grid.cells)):
        if _is_data_row(grid, owner, r):
            return r
    return len(grid.cells)


def _split_blocks(roles: Sequence[str]) -> list[list[int]]:
    """Columns grouped into halves: a label column after a value column starts a new one."""
    blocks: list[list[int]] = [[]]
    seen_value = False
    for c, role in enumerate(roles):
        label = role in ("code", "name") or role.startswith("part:")
        if label and seen_value:
            blocks.append([])
            seen_value = False
        if role == "value":
            seen_value = True
        blocks[-1].append(c)
    return [b for b in blocks if b]


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


def _columns(
    layout: _Layout,
) -> tuple[tuple[Column, ...], list[list[tuple[int, int]]], list[str | None]]:
    """The value columns, and for each block the (grid column, table column) pairs."""
    blocks = layout.blocks
    names = [
        [_strip_side(layout.paths[c]) for c in b if layout.roles[c] == "value"] for b in blocks
    ]
    tops = [next((layout.paths[c][0] for c in b if layout.paths[c]), "") for b in blocks]
    paired = len(blocks) > 1 and all(n == names[0] for n in names)
    if paired or len(blocks) == 1:
        sides: list[str | None] = [None] * len(blocks)
    elif len(set(tops)) == len(tops) and all(tops):
        sides = list(tops)
    else:
        sides = [f"第{i + 1}栏" for i in range(len(blocks))]
    columns: list[Column] = []
    mapping: list[list[tuple[int, int]]] = []
    for index, block in enumerate(blocks):
        pairs: list[tuple[int, int]] = []
        values = [c for c in block if layout.roles[c] == "value"]
        labels = _banner_free([_strip_side(layout.paths[c], sides[index]) for c in values])
        for position, c in enumerate(values):
            if paired and index > 0:
                pairs.append((c, position))
                continue
            pairs.append((c, len(columns)))
            columns.append(Column("/".join(labels[position]) or f"列{c + 1}", sides[index]))
        mapping.append(pairs)
    return tuple(columns), mapping, sides


def _strip_side(path: tuple[str, ...], side: str | None = None) -> tuple[str, ...]:
    return path[1:] if side is not None and path and path[0] == side else path


def _banner_free(paths: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Paths without a first level that every column shares (a banner over the whole table)."""
    if len(paths) > 1 and all(len(p) > 1 for p in paths) and len({p[0] for p in paths}) == 1:
        return [p[1:] for p in paths]
    return paths


class _Reader:
    """The state of reading one document's pages in order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tables: list[Table] = []
        self.cells: list[CellOrigin] = []
        self.notes: list[Note] = []
        self.narrative: list[str] = []
        self.contents: list[tuple[str, int]] = []
        self.pending: tuple[TableSpec | None, str] | None = None
        self.pending_unit: str | None = None
        self.draft: _Draft | None = None
        self.last: _Draft | None = None
        self.page = Page(0, ())

    def place(self, page: Page | None = None) -> str:
        page = page or self.page
        if page.sheet is not None:
            return f"{self.source} sheet {page.sheet}"
        return f"{self.source} p. {page.number}"

    def note(self, zh: str, en: str) -> None:
        self.notes.append(Note(self.place(), zh, en))

    def finish(self) -> None:
        if self.draft is not None:
            index = len(self.tables)
            self.cells += [CellOrigin(index, r, c, o) for r, c, o in self.draft.origins]
            self.tables.append(self.draft.table(self.source))
            self.last = self.draft
            self.draft = None

    def line(self, text: str) -> None:
        clean = normalize_text(text)
        if not clean:
            return
        entry = _CONTENTS.match(clean)
        if entry is not None:
            self.contents.append((_LEADER.split(text.strip())[0].strip(), int(entry.group(2))))
            return
        spec = match_title(text)
        unit = _parse_unit(text)
        if spec is not None:
            if self.draft is not None and self.draft.spec is spec and is_continued(text):
                return
            self.finish()
            self.pending = (spec, text.strip())
            if unit is not None:
                self.pending_unit = text.strip()
            self.last = None
            return
        if unit is not None:
            # A unit line belongs to the next table, wherever it is printed before the grid.
            self.pending_unit = text.strip()
            return
        if self.pending is not None and _EMPTY.search(clean):
            self.empty_table(text.strip())
            return
        target = self.draft or self.last
        if target is not None and _EMPTY.search(clean):
            target.empty_statement = text.strip()
            return
        if target is not None and _NOTE.match(clean):
            return
        if _HEADING.match(clean) or "。" in clean:
            self.pending = None
            self.pending_unit = None
            if self.draft is not None:
                self.draft.closed = True
            self.finish()
            self.last = None
        self.narrative.append(text)

    def empty_table(self, statement: str) -> None:
        """A title followed by 本表无数据 and no grid: the table is there, stated empty."""
        assert self.pending is not None
        spec, title = self.pending
        unit = _parse_unit(self.pending_unit) if self.pending_unit else None
        self.tables.append(
            Table(
                title=title,
                kind=None if spec is None else spec.kind,
                precision=None if unit is None else Precision(unit, DEFAULT_PRECISION.decimals),
                unit_line=self.pending_unit,
                pages=(self.page.number,),
                sheet=self.page.sheet,
                empty_statement=statement,
                source=self.source,
            )
        )
        self.pending = None
        self.pending_unit = None

    def grid(self, grid: Grid) -> None:
        if not grid.cells or grid.width == 0:
            return
        if self.pending is not None:
            spec, title = self.pending
            self.finish()
            self.draft = _Draft(spec, title, self.pending_unit, _Layout(grid))
            self.pending = None
            self.pending_unit = None
            self.percent_columns(self.draft)
            self.rows(self.draft, grid, self.draft.layout.header)
            return
        draft = self.draft
        if draft is not None and not draft.closed and grid.width == draft.layout.width:
            layout = _Layout(grid)
            self.rows(draft, grid, _repeated_header(layout, draft), layout)
            return
        self.finish()
        first = next((c.text for row in grid.cells for c in row if c and c.text.strip()), "")
        self.note(
            f"表格（首格“{_clean(first)[:20]}”）前没有可识别的标准表标题，未读取",
            f"a grid (first cell {_clean(first)[:20]!r}) has no standard table title before it;"
            " not read",
        )

    def percent_columns(self, draft: _Draft) -> None:
        layout = draft.layout
        names = [
            "/".join(layout.paths[c]) for c in range(layout.width) if layout.roles[c] == "percent"
        ]
        if names:
            self.note(
                f"{draft.title}：百分比列（{'、'.join(names)}）不是金额，未作为金额读取",
                f"{draft.title}: the percent columns ({', '.join(names)}) are not amounts; not read as such",
            )

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


def _repeated_header(layout: _Layout, draft: _Draft) -> int:
    """How many rows at the top of a continuation grid repeat the table's header."""
    count = 0
    for r, expected in enumerate(draft.header_texts):
        if r >= len(layout.cells):
            break
        if [layout.text(r, c) for c in range(layout.width)] != expected:
            break
        count += 1
    return count


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


def _identity(lines: Sequence[str]) -> tuple[str | None, int | None, Kind | None]:
    for index, text in enumerate(lines):
        clean = normalize_text(text)
        found = _IDENTITY.search(clean)
        if found is None or "。" in clean or "，" in clean or len(clean) > 60:
            continue
        kind = Kind.FINAL if found.group(2) == "决算" else Kind.BUDGET
        department = _PART.sub("", clean[: found.start()]) or None
        if department is None and index > 0:
            department = normalize_text(lines[index - 1]) or None
        return department, int(found.group(1)), kind
    return None, None, None


def recognize(pages: Sequence[Page], *, source: str) -> Recognition:
    """The tables, narrative and notes of a document's pages, read in order."""
    reader = _Reader(source)
    all_lines: list[str] = []
    starts: list[tuple[int, int]] = []
    for page in pages:
        if page.sheet is None:
            starts.append((len(reader.narrative), page.number))
        reader.page = page
        if reader.draft is not None and page.sheet is not None:
            reader.finish()
        for block in page.blocks:
            if isinstance(block, Line):
                all_lines.append(block.text)
                reader.line(block.text)
            else:
                reader.grid(block)
        reader.narrative.append("")
    reader.finish()
    department, year, kind = _identity(all_lines)
    if kind is None and reader.tables:
        kinds = {t.kind.value.split(".")[0] for t in reader.tables if t.kind is not None}
        kind = Kind.FINAL if kinds == {"final"} else Kind.BUDGET if kinds == {"budget"} else None
    joined = "\n".join(reader.narrative)
    narrative = joined.strip("\n")
    return Recognition(
        reader.tables,
        narrative,
        reader.notes,
        department,
        year,
        kind,
        _page_offsets(reader.narrative, starts, len(joined) - len(joined.lstrip("\n")), narrative),
        cells=reader.cells,
        contents=reader.contents,
    )


def _page_offsets(
    lines: Sequence[str], starts: Sequence[tuple[int, int]], stripped: int, narrative: str
) -> tuple[tuple[int, int], ...]:
    """Where each page's lines start in the narrative (joined by "\\n", leading breaks stripped)."""
    offsets: list[tuple[int, int]] = []
    position, done = 0, 0
    for index, number in starts:
        position += sum(len(line) + 1 for line in lines[done:index])
        done = index
        offsets.append((min(max(position - stripped, 0), len(narrative)), number))
    return tuple(offsets)
