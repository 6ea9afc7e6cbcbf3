"""Tables pasted into a narrative text, read into the same :class:`Table` the PDF reader fills.

Web pages and PDF extraction leave the standard tables in the 说明 text in a few
shapes, all read here:

- one cell per line, each cell ended by ``|`` (an empty cell is a line with
  ``|`` alone; a cell wrapped over two lines is joined) — or the ``|`` on a line
  of its own between the cells;
- one cell per line without separators, blank lines between the cells or not;
- one row per line, the cells ``|``-separated, or separated by runs of spaces
  (columns of spaces);
- a whole table flattened into one line, cells separated by spaces, amounts
  with thousands separators.

A table starts at a line that is a table title (:func:`~govbudget.tables.specs.match_title`,
or a “三公” table title such as "2024年“三公”经费预算表"; a title of no standard kind, such
as "2019年度资产负债情况表", above a grid of ``|`` cells; or, with no title at all, the first
cell of a ``|`` grid naming the “三公” items) and runs until the text becomes sentences again. A flat list of cells is given its rows back from the
header: the header cells are the ones before the first row label followed by
an amount; a first header row of cells with sub-columns (公务用车购置及运行费 over
小计 / 购置费 / 运行费) is rebuilt as merged cells, and the row width checked
against the data. Each table is then read by :func:`~govbudget.tables.recognize.recognize`,
the same way as a PDF page, so the table rules check it like any other.

:func:`find_pasted` is pure; it returns the tables, where each is in the text,
and where every value came from (the offsets of its cell), so the narrative
reader can account for every number of a pasted table as mapped to its cell.
A table's 增减 and 增减率 lines (rows or columns, against the rows or columns that
are the year's and the prior year's figures) become statements the rules check
like a sentence's (:class:`_Changes`); a rate is no amount, so a row of rates is
kept out of the table's rows and its numbers map to their statements.

>>> text = "“三公”经费支出预算表\\n单位：万元\\n项目 |\\n预算数 |\\n合计 |\\n3 |\\n公务接待费 |\\n3 |\\n"
>>> found = find_pasted(text)
>>> table = found.tables[0]
>>> table.kind, [r.name for r in table.rows], table.rows[1].values
(<TableKind.BUDGET_THREE_PUBLIC: 'budget.three_public'>, ['合计', '公务接待费'], (Money('30000.00', 'CNY'),))
>>> found.path_at(text.index("3 |"))
'/tables/0/rows/0/values/0'
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve, field, frozen

from govbudget.figure import StatedChange, StatedPercent
from govbudget.model import Kind
from govbudget.money import Amount
from govbudget.page import Grid, GridCell, Line, Page
from govbudget.precision import DEFAULT_PRECISION, Precision
from govbudget.table import Table, TableKind
from govbudget.tables.query import Measure, bare_year, measure_of, three_public_item
from govbudget.tables.recognize import CellOrigin, recognize
from govbudget.tables.specs import TableSpec, match_title, normalize_text, spec_of
from govbudget.tree import Node

__all__ = ["Pasted", "find_pasted"]

#: A folding of cell text (full-width forms, traditional characters …) before it is read.
Fold = Callable[[str], str]

_NUMBER: Final = re.compile(r"^[-+−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PERCENT: Final = re.compile(r"^[-+−－]?\d+(?:\.\d+)?[%％]$")
_HEADER_UNIT: Final = re.compile(r"[(（](亿元|万元|千元|元)[)）]")
_BLANK: Final = frozenset({"", "-", "--", "—", "——", "－", "/", "—-", "–", "…", "……"})
_UNIT: Final = re.compile(r"单位[:：]|金额单位")
_META: Final = re.compile(
    r"^(?:公开\d+表|部门[:：]|单位名称[:：]|编制单位[:：]|表[一二三四五六七八九十\d]+$)"
)
_LINE_NUMBER_LABEL: Final = frozenset({"行次", "栏次"})
_THREE_PUBLIC_HEADING: Final = re.compile(r"三公经费.{0,12}(?:预算|决算)(?:情况)?$")
#: Header words of two characters that are whole cells (others that short are a wrapped cell's first line).
_SHORT_HEADERS: Final = frozenset(
    {
        "项目",
        "科目",
        "合计",
        "小计",
        "总计",
        "收入",
        "支出",
        "金额",
        "行次",
        "栏次",
        "类",
        "款",
        "项",
        "年度",
        "年份",
        "类别",
        "单位",
    }
)
_SENTENCE_END: Final = re.compile(r"[。；;]$|。")
_PART_HEADING: Final = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十]+[)）、.]).{0,40}(?:说明|情况|概况)"
)
_SUBTOTAL: Final = re.compile(r"^(?:小计|合计)$")
#: A row (or column) of rates: 增减%, 增减率, 比上年增长（%）, 支出减少率 …
_RATE: Final = re.compile(
    r"(?:增减|增长|下降|减少|增加|变动|变化|增幅|降幅|对比|比较|同比).{0,8}(?:%|％|率|幅度)|[%％]$|百分比"
)
_DOWN: Final = re.compile(r"减少|下降|降低|节约|压减")
#: A line of completion rates (完成预算%, 预算执行率), or of shares (占比, 比重): no change rates.
_COMPLETION: Final = re.compile(r"完成|执行率|为预算")
_SHARE: Final = re.compile(r"占|比重|结构")
#: Header words of a table of counts (批次, 人次, 保有量 …), not of amounts.
_COUNTS: Final = re.compile(r"批次|人次|团组|保有量|数量|[(（](?:辆|人|个|次|批)[)）]")
#: Lines a “三公” table without a title is looked for in, from its first cell.
_LOOKAHEAD: Final = 40
#: The title of a table that is none of the standard ones (资产负债情况表, 收支预算执行情况表 …).
_OTHER_TITLE: Final = re.compile(
    r"^[^。，；,;：:|]{2,40}(?:表|情况表|明细表|统计表)(?:[(（][^)）]{1,12}[)）])?$"
)
#: A column of counts, not amounts: 数量, 人数, 面积 … (dropped from the table, its numbers context).
_COUNT_COLUMN: Final = re.compile(r"数量|人数|车辆数|面积|平方米|^(?:台|辆|人|个|套)$")
#: The spec a table that is none of the standard ones is recognised under (its kind then dropped).
_OTHER: Final = spec_of(TableKind.FINAL_EXPENDITURE)
#: The longest cell read as one (a row name, a header); longer text is narrative.
_MAX_CELL: Final = 60
#: Lines of a wrapped cell joined at most before the text is taken to be narrative again.
_MAX_WRAP: Final = 3
#: The longest first line of a wrapped cell, in characters.
_MAX_WRAPPED: Final = 12


def _identity(text: str) -> str:
    return text


@frozen
class _Cell:
    text: str  # as printed, without whitespace
    start: int  # offsets in the source text
    end: int

    @property
    def key(self) -> str:
        """The text as compared (full-width forms folded, no quote marks)."""
        return normalize_text(self.text)

    @property
    def blank(self) -> bool:
        return self.key in _BLANK

    @property
    def number(self) -> bool:
        return bool(_NUMBER.match(self.key))

    @property
    def percent(self) -> bool:
        return bool(_PERCENT.match(self.key))

    @property
    def label(self) -> bool:
        return not self.blank and not self.number and not self.percent


def _tables(value: Sequence[Table]) -> tuple[Table, ...]:
    return tuple(value)


def _spans(value: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(value)


def _cells(value: Sequence[CellOrigin]) -> tuple[CellOrigin, ...]:
    return tuple(value)


def _nodes(value: Sequence[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _rates(value: Sequence[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    return tuple(value)


@frozen
class Pasted:
    """The tables found in a text: each with its span, and the origin of every value read.

    ``spans[i]`` is the part of the text (start and end offsets) table ``i`` is
    printed in, title to last cell; ``cells`` says which offsets each value came from.
    ``statements`` are the changes and rates the tables print (an 增减 row or column,
    an 增减率 one), each a line with its current and prior figures, for the rules to check
    like a sentence's; ``rates`` are the offsets of each rate printed, with the
    statement it is the percent of (start, end, statement index).
    """

    tables: tuple[Table, ...] = field(converter=_tables)
    spans: tuple[tuple[int, int], ...] = field(converter=_spans)
    cells: tuple[CellOrigin, ...] = field(converter=_cells)
    statements: tuple[Node, ...] = field(default=(), converter=_nodes)
    rates: tuple[tuple[int, int, int], ...] = field(default=(), converter=_rates)
    bodies: tuple[tuple[int, int], ...] = field(default=(), converter=_spans)
    # the spans, cells and rates by their start, for looking up an offset in log time
    _ordered: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[CellOrigin, ...]] = (
        field(init=False, repr=False, eq=False)
    )

    @_ordered.default
    def _order(
        self,
    ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[CellOrigin, ...]]:
        cells = tuple(sorted(self.cells, key=lambda c: c.origin[0]))
        return (
            tuple(start for start, _ in self.spans),
            tuple(c.origin[0] for c in cells),
            tuple(start for start, _, _ in self.rates),
            cells,
        )

    def in_cells(self, line: int) -> bool:
        """Whether line ``line`` (1-based) of the text is among a table's cells (below its title)."""
        at = bisect_right([first for first, _ in self.bodies], line) - 1
        return at >= 0 and line <= self.bodies[at][1]

    def table_at(self, offset: int) -> int | None:
        """The index of the table printed at ``offset`` of the text, if any."""
        at = bisect_right(self._ordered[0], offset) - 1
        return at if at >= 0 and offset < self.spans[at][1] else None

    def path_at(self, offset: int, first: int = 0) -> str | None:
        """The path of the table cell whose value is printed at ``offset`` (tables from ``first``).

        ``None`` when no value read is there (a label, a header, a 行次 number, or
        outside every table).
        """
        at = bisect_right(self._ordered[1], offset) - 1
        if at < 0:
            return None
        cell = self._ordered[3][at]
        if offset >= cell.origin[1]:
            return None
        return f"/tables/{first + cell.table}/rows/{cell.row}/values/{cell.column}"

    def rate_at(self, offset: int, first: int = 0) -> str | None:
        """The path of the rate printed at ``offset``, its statement counted from ``first``."""
        at = bisect_right(self._ordered[2], offset) - 1
        if at < 0 or offset >= self.rates[at][1]:
            return None
        index = self.rates[at][2]
        statement = self.statements[index]
        what = "completion" if statement.completion is not None else "percent"
        return f"/statements/{first + index}/{statement.name}/{what}"


# -- lines and cells ----------------------------------------------------------------------------


@frozen
class _RawLine:
    text: str
    start: int
    number: int  # 1-based line number


def _lines(text: str) -> list[_RawLine]:
    lines: list[_RawLine] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        lines.append(_RawLine(body, offset, number))
        offset += len(line)
    return lines


def _parts(line: _RawLine) -> list[tuple[str, int, int]]:
    """The ``|``-separated parts of a line with their offsets; the empty part after a last ``|`` dropped."""
    parts: list[tuple[str, int, int]] = []
    position = 0
    for piece in line.text.split("|"):
        parts.append((piece, line.start + position, line.start + position + len(piece)))
        position += len(piece) + 1
    if len(parts) > 1 and not parts[-1][0].strip():
        parts.pop()
    return parts


def _is_row_line(line: _RawLine) -> bool:
    return "|" in line.text and sum(1 for p, _, _ in _parts(line) if p.strip()) >= 2


def _space_cells(line: _RawLine) -> list[tuple[str, int, int]]:
    """Cells separated by runs of spaces (or one space before or after an amount)."""
    cells: list[tuple[str, int, int]] = []
    for match in re.finditer(r"\S+(?:[ \u3000](?![ \u3000])(?=\S)\S+)*", line.text):
        piece = match.group(0)
        # A label and its amounts are separated by one space in flattened tables: split there.
        for sub in re.finditer(r"[^\s]+", piece) if _mixed(piece) else [match]:
            start = line.start + match.start() + (sub.start() if sub is not match else 0)
            cells.append((sub.group(0), start, start + len(sub.group(0))))
    return cells


def _mixed(piece: str) -> bool:
    words = piece.split()
    return len(words) > 1 and any(_NUMBER.match(w) or w.endswith("%") for w in words)


# -- finding the tables -----------------------------------------------------------------------


def _title(folded: str, document: Kind | None) -> TableSpec | None:
    """The spec of a title line; a “三公” table titled with neither 预算 nor 决算 takes the document's kind."""
    spec = match_title(folded)
    budget_three = spec is not None and spec.kind is TableKind.BUDGET_THREE_PUBLIC
    if budget_three and document is Kind.FINAL and "预算" not in folded:
        return spec_of(TableKind.FINAL_THREE_PUBLIC)
    return spec


def _ends_region(folded: str) -> bool:
    """A line that is narrative again: a sentence, a part heading, or too long for a cell."""
    clean = folded.replace("|", "")
    if not clean:
        return False
    return bool(len(clean) > _MAX_CELL or _SENTENCE_END.search(clean) or _PART_HEADING.match(clean))


class _Finder:
    def __init__(
        self, text: str, fold: Fold, document: Kind | None, year: int | None, source: str
    ) -> None:
        self.text = text
        self.fold = fold
        self.document = document
        self.year = year
        self.source = source
        self.statements: list[Node] = []
        self.delimited = False  # the table being read has its cells ended by ``|``
        self.rates: list[tuple[int, int, int]] = []
        self.lines = _lines(text)
        self.folded = [normalize_text(fold(line.text)).strip("|") for line in self.lines]

    def title(self, index: int) -> TableSpec | None:
        folded = self.folded[index]
        if not folded:
            return None
        spec = _title(folded, self.document)
        if spec is not None or not _THREE_PUBLIC_HEADING.search(folded) or len(folded) > 40:
            return spec
        # a “三公” heading without 表 ("2020年度全区“三公”经费决算情况") right above a pasted grid
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following is None or "|" not in following.text:
            return None
        final = "决算" in folded or (self.document is Kind.FINAL and "预算" not in folded)
        return spec_of(TableKind.FINAL_THREE_PUBLIC if final else TableKind.BUDGET_THREE_PUBLIC)

    def cell(self, raw: str, start: int, end: int) -> _Cell:
        return _Cell(re.sub(r"\s+", "", self.fold(raw)).replace("|", ""), start, end)

    def run(self) -> Pasted:
        tables: list[Table] = []
        spans: list[tuple[int, int]] = []
        bodies: list[tuple[int, int]] = []
        cells: list[CellOrigin] = []
        index = 0
        while index < len(self.lines):
            spec = self.title(index)
            head, printed = index, None
            other = False
            if spec is None:
                untitled = self.untitled(index)
                if untitled is not None:
                    head, spec, printed = untitled
                elif self.other(index):
                    spec, other = _OTHER, True
            if spec is None:
                index += 1
                continue
            found = self.read(head, spec, printed, other=other)
            if found is None:
                index += 1
                continue
            table, origins, last = found
            cells += [
                CellOrigin(len(tables), o.row, o.column, o.origin) for o in origins if o.table == 0
            ]
            line = self.lines[last]
            spans.append((self.lines[head].start, line.start + len(line.text)))
            first = (
                head if printed is not None and not _UNIT.search(self.folded[head]) else head + 1
            )
            bodies.append((self.lines[first].number, line.number))
            tables.append(table)
            index = last + 1
        return Pasted(tables, spans, cells, self.statements, sorted(self.rates), bodies)

    def cellish(self, index: int) -> bool:
        """A line that is a cell of a pasted grid: ended by ``|``, a row of ``|``, or before a ``|``."""
        if index >= len(self.lines):
            return False
        text = self.lines[index].text.strip()
        if text.endswith("|") or _is_row_line(self.lines[index]):
            return True
        following = index + 1 < len(self.lines) and self.lines[index + 1].text.strip() == "|"
        return bool(text) and following

    def space_row(self, index: int) -> bool:
        """A line of a grid of cells set apart by spaces ("公务接待费 3.00 3.50 -0.50"): no ``|``,
        no sentence, a name then amounts only (or, a header, names only)."""
        if index < 0 or index >= len(self.lines) or "|" in self.lines[index].text:
            return False
        folded = self.folded[index]
        sentence = _ends_region(folded) or re.search(r"[，。；：]", folded)
        if sentence and not folded.startswith("其中："):
            return False
        cells = [c for c, _, _ in _space_cells(self.lines[index])]
        if len(cells) < 3:
            return False
        numbers = [bool(_NUMBER.match(c) or c in _BLANK) for c in cells[1:]]
        return not _NUMBER.match(cells[0]) and (all(numbers) or not any(numbers))

    def other(self, index: int) -> bool:
        """A title of a table that is none of the standard ones, right above a grid of ``|`` cells."""
        if not _OTHER_TITLE.match(self.folded[index]) or "|" in self.lines[index].text:
            return False
        if re.match(r"第[一二三四五六七八九十]+部分", self.folded[index]):
            return False  # a part heading (第二部分 …决算表), the tables' own titles below it
        following = index + 1
        while following < len(self.lines) and not self.folded[following]:
            following += 1
        if following < len(self.lines) and self.title(following) is not None:
            return False
        return self.cellish(following) or self.lines[following - 1].text.strip() == "|"

    def untitled(self, index: int) -> tuple[int, TableSpec, str | None] | None:
        """A “三公” grid with no standard title: where it starts, its spec, its heading if any.

        A grid of ``|`` cells starting at ``index`` whose first cells name at least
        two “三公” items (出国, 接待, 公务用车) and hold amounts is the “三公” table of
        the document's kind; the short line above it, if any, is its heading.
        """
        spaced = self.space_row(index)
        if spaced:
            if index > 0 and self.space_row(index - 1):
                return None
        elif not self.cellish(index) or (index > 0 and self.cellish(index - 1)):
            return None
        items: set[str] = set()
        amounts = False
        for j in range(index, min(index + _LOOKAHEAD, len(self.lines))):
            folded = self.folded[j]
            if spaced and not self.space_row(j):
                break
            if _ends_region(folded) and not self.cellish(j):
                break
            parts = [c for c, _, _ in _space_cells(self.lines[j])] if spaced else folded.split("|")
            for part in parts:
                if _COUNTS.search(part):
                    return None
                item = three_public_item(part) if len(part) < 20 else None
                if item is not None and item != "total":
                    items.add("vehicles" if item.startswith("vehicle") else item)
                amounts = amounts or bool(_NUMBER.match(part.strip()))
        if len(items) < 2 or not amounts:
            return None
        final = self.document is Kind.FINAL
        spec = spec_of(TableKind.FINAL_THREE_PUBLIC if final else TableKind.BUDGET_THREE_PUBLIC)
        above = index - 1
        while above >= 0 and not self.folded[above]:
            above -= 1
        unit = (
            above >= 0 and bool(_UNIT.search(self.folded[above])) and len(self.folded[above]) < 30
        )
        if spaced and not unit and above > 0 and not re.search(r"[，。；：]", self.folded[above]):
            # A header of words set apart by single spaces reads as one cell: the unit's line
            # may be the one above it ("单位：万元" / "项目 2024年预算数 …" / "合计 12.00 …").
            upper = above - 1
            while upper >= 0 and not self.folded[upper]:
                upper -= 1
            if upper >= 0 and _UNIT.search(self.folded[upper]) and len(self.folded[upper]) < 30:
                above, unit = upper, True
        if unit:
            head = above - 1
            while head >= 0 and not self.folded[head]:
                head -= 1
        else:
            head = above
        if head >= 0 and len(self.folded[head]) <= 40 and not _ends_region(self.folded[head]):
            return head, spec, None
        return (above if unit else index), spec, spec.title

    def read(
        self, title: int, spec: TableSpec, printed: str | None = None, *, other: bool = False
    ) -> tuple[Table, tuple[CellOrigin, ...], int] | None:
        """The table whose title is line ``title`` (or, with ``printed``, whose grid starts there).

        ``other``: the title is none of the standard ones; the table is read without a kind.
        """
        unit_line: str | None = None
        cells_first = printed is not None and not _UNIT.search(self.folded[title])
        start = title if cells_first else title + 1
        # the unit line, on the title line itself or on the lines after it
        if _UNIT.search(self.folded[title]):
            unit_line = self.fold(self.lines[title].text).strip()
        while start < len(self.lines) and (
            not self.folded[start]
            or (_UNIT.search(self.folded[start]) and len(self.folded[start]) < 30)
            or (printed is None and match_title(self.folded[start]) is spec)
        ):
            # blank lines, the unit line, and the title printed again (a heading, then the table's)
            if _UNIT.search(self.folded[start]) and unit_line is None:
                unit_line = self.fold(self.lines[start].text).strip().strip("|").strip()
            start += 1
        end = start
        while end < len(self.lines) and not (
            _ends_region(self.folded[end])
            and not self.lines[end].text.rstrip().endswith("|")
            and not _is_row_line(self.lines[end])
        ):
            if end > start and self.title(end) is not None:
                break
            end += 1
        body = self.lines[start:end]
        if not any(line.text.strip() for line in body):
            return None
        rows, flat, last = self.tokens(body)
        if last is None:
            return None
        unit_cells = [c for c in flat if _UNIT.search(c.key)] if flat else []
        if unit_line is None and unit_cells:
            unit_line = unit_cells[0].text
        if unit_line is None:
            unit_line = _header_unit([*flat, *(c for row in rows for c in row)])
        grid = _grid(rows) if rows else _flat_grid(flat, delimited=self.delimited)
        if grid is None:
            return None
        grid, rate_rows = _without_rates(_without_counts(grid))
        # read under the spec's own title (the printed one may be a heading recognize does not know)
        blocks: list[Line | Grid] = [Line(spec.title)]
        if unit_line is not None:
            blocks.append(Line(unit_line))
        blocks.append(grid)
        recognition = recognize([Page(0, tuple(blocks))], source=self.source)
        if not recognition.tables:
            return None
        table = recognition.tables[0]
        if printed is None:
            printed = self.fold(self.lines[title].text).strip().strip("|").strip()
        table = evolve(table, kind=None if other else spec.kind, title=printed)
        starts: dict[int, int] = {}
        for cell in recognition.cells:
            if cell.table == 0:
                starts[cell.row] = min(starts.get(cell.row, cell.origin[0]), cell.origin[0])
        lines = {row: self.line_of(offset) for row, offset in starts.items()}
        table = _placed(table, self.lines[title].number, lines)
        origins = [c for c in recognition.cells if c.table == 0]
        for node, rate, where in _Changes(table, grid, rate_rows, origins, self.year).nodes():
            if rate is not None:
                self.rates.append((*rate, len(self.statements)))
            line, column = self.position(where)
            self.statements.append(evolve(node, source=f"{self.source}:{line}:{column}"))
        return table, recognition.cells, last + start

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column (1-based) of an offset."""
        number = self.line_of(offset)
        return number, offset - self.lines[number - 1].start + 1

    def line_of(self, offset: int) -> int:
        low, high = 0, len(self.lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return self.lines[low].number

    def tokens(self, body: Sequence[_RawLine]) -> tuple[list[list[_Cell]], list[_Cell], int | None]:
        """The rows (one per line) or the flat cells of the table's lines, and its last line."""
        self.delimited = False
        content = [line for line in body if line.text.strip()]
        piped = [line for line in content if "|" in line.text]
        row_lines = [line for line in content if _is_row_line(line)]
        if row_lines and len(row_lines) * 2 >= len(piped):
            return self.rows(body)
        if piped:
            flat, last = self.piped(body)
            self.delimited = True
            return [], flat, last
        spaced = [line for line in content if len(_space_cells(line)) >= 2]
        if spaced and len(spaced) * 2 >= len(content):
            return self.spaced(body)
        flat, last = self.bare(body)
        return [], flat, last

    def rows(self, body: Sequence[_RawLine]) -> tuple[list[list[_Cell]], list[_Cell], int | None]:
        rows: list[list[_Cell]] = []
        last: int | None = None
        for i, line in enumerate(body):
            parts = _parts(line) if "|" in line.text else []
            if not any(p.strip() for p, _, _ in parts):
                continue
            rows.append([self.cell(*p) for p in parts])
            last = i
        return rows, [], last

    def spaced(self, body: Sequence[_RawLine]) -> tuple[list[list[_Cell]], list[_Cell], int | None]:
        rows: list[list[_Cell]] = []
        last: int | None = None
        for i, line in enumerate(body):
            cells = _space_cells(line)
            if not cells:
                continue
            rows.append([self.cell(*c) for c in cells])
            last = i
        return rows, [], last

    def piped(self, body: Sequence[_RawLine]) -> tuple[list[_Cell], int | None]:
        """Cells each ended by ``|``; lines before the ``|`` are the cell's wrapped text."""
        cells: list[_Cell] = []
        pending: list[_RawLine] = []
        last: int | None = None
        for i, line in enumerate(body):
            stripped = line.text.rstrip()
            if not stripped.endswith("|"):
                if stripped:
                    pending.append(line)
                    # a wrapped cell's first lines are short; a longer line is a heading,
                    # unless its ``|`` is on the next line
                    closed = i + 1 < len(body) and body[i + 1].text.strip() == "|"
                    long = len(normalize_text(stripped)) > _MAX_WRAPPED and not closed
                    if len(pending) > _MAX_WRAP or long:
                        break
                continue
            if _is_row_line(line):
                break
            head = pending[0] if pending else line
            raw = "".join(p.text for p in pending) + stripped[:-1]
            cells.append(self.cell(raw, head.start, line.start + len(stripped) - 1))
            pending = []
            last = i
        return cells, last

    def bare(self, body: Sequence[_RawLine]) -> tuple[list[_Cell], int | None]:
        """One cell per line; with blank lines between the cells, an extra blank line is a blank cell."""
        content = [i for i, line in enumerate(body) if line.text.strip()]
        gaps = [b - a for a, b in itertools.pairwise(content)]
        spaced = bool(gaps) and sum(1 for g in gaps if g >= 2) * 5 >= len(gaps) * 4
        cells: list[_Cell] = []
        previous: int | None = None
        for i in content:
            line = body[i]
            if previous is not None and spaced:
                cells += [_Cell("", line.start, line.start)] * max(0, i - previous - 2)
            cells.append(self.cell(line.text, line.start, line.start + len(line.text)))
            previous = i
        return cells, (content[-1] if content else None)


def _header_unit(cells: Sequence[_Cell]) -> str | None:
    """A unit written in a column header ("2020年度支出（万元）"), as a unit line."""
    for cell in cells:
        found = _HEADER_UNIT.search(cell.key)
        if found is not None:
            return f"单位：{found.group(1)}"
    return None


def _placed(table: Table, line: int, lines: dict[int, int]) -> Table:
    """The table as read from text: its title's line and each row's, no pages."""
    rows = tuple(evolve(r, page=None, line=lines.get(i)) for i, r in enumerate(table.rows))
    return evolve(table, pages=(), line=line, rows=rows)


# -- rows back from a flat list of cells --------------------------------------------------------


def _grid(rows: Sequence[Sequence[_Cell]]) -> Grid | None:
    rows = [r for r in rows if not _is_meta_row(r)]
    if not rows:
        return None
    width = max(len(r) for r in rows)
    return Grid(
        [[_grid_cell(c) for c in row] + [GridCell("")] * (width - len(row)) for row in rows]
    )


def _is_meta_row(row: Sequence[_Cell]) -> bool:
    texts = [c.text for c in row if not c.blank]
    return bool(texts) and all(_UNIT.search(t) or _META.match(t) for t in texts)


def _grid_cell(cell: _Cell, rowspan: int = 1, colspan: int = 1) -> GridCell:
    origin = (cell.start, cell.end) if cell.number or cell.percent else None
    text = cell.key if cell.number else cell.text
    return GridCell(text, rowspan, colspan, origin)


def _flat_grid(cells: Sequence[_Cell], *, delimited: bool = False) -> Grid | None:
    """Rows from one cell per line: header from the labels before the data, width from the header.

    ``delimited``: each cell was ended by ``|``, so two short header cells in a row
    are two cells (购置, 运行), not one cell wrapped over two lines.
    """
    cells = [c for c in cells if not (_UNIT.search(c.key) or _META.match(c.key))]
    while cells and cells[0].blank:
        cells = cells[1:]
    first = _data_start(cells)
    numbers = [i for i, c in enumerate(cells) if c.number]
    if first is None or not any(c.label for c in cells[numbers[0] :]):
        return _values_only(cells, delimited)
    header = list(cells[:first]) if delimited else _unwrapped(cells[:first])
    data = list(cells[first:])
    measure = bool(data) and (measure_of(data[0].key, None) or data[0].key in ("金额", "数额"))
    if not header and measure and len(data) > 2 and data[1].number and data[2].label:
        # a value column's header, then its first value with no row name (the name cell
        # merged away), then named rows: the first row keeps a blank name
        header = [data[0]]
        data = [_Cell("", data[1].start, data[1].start), *data[1:]]
    line_numbers = 0
    numbered = bool(data) and data[0].key in _LINE_NUMBER_LABEL
    if numbered and len(data) > 1 and data[1].number:
        # a 行次 row numbering the value columns: its count is the number of value columns
        count = 1
        while count < len(data) and data[count].number:
            count += 1
        line_numbers = count - 1
        data = data[count:]
        numbered = False
    found = _width(header, data, line_numbers)
    if found is None:
        return None
    width, labels = found
    if numbered and all(c.key in _LINE_NUMBER_LABEL or not c.label for c in data[:width]):
        # the template's 栏次 row (栏次, blank, 1, 栏次, blank, 2 in a two-sided table)
        data = data[width:]
    head = _header(header, width)
    if head is None:
        return None
    return Grid([*head, *_data_rows(data, width, labels)])


def _unwrapped(header: Sequence[_Cell]) -> list[_Cell]:
    """Header cells with a wrapped cell's lines joined ("公务" then "接待费" is one cell)."""
    joined: list[_Cell] = []
    for cell in header:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label
            and cell.label
            and len(previous.key) <= 2
            and previous.key not in _SHORT_HEADERS
        ):
            joined[-1] = _Cell(previous.text + cell.text, previous.start, cell.end)
            continue
        joined.append(cell)
    return joined


def _data_start(cells: Sequence[_Cell]) -> int | None:
    """The first row label followed by an amount (or a 行次 number and an amount or blank)."""
    for i, cell in enumerate(cells[:-1]):
        if not cell.label:
            continue
        following = cells[i + 1]
        if following.number:
            return i
        # a label, blanks and an amount: a row whose first values are blank
        after = i + 1
        while after < min(len(cells), i + 5) and cells[after].blank:
            after += 1
        later = after < len(cells) and cells[after].number
        if following.blank and later and any(c.label for c in cells[:i]):
            return i
    return None


def _width(
    header: Sequence[_Cell], data: Sequence[_Cell], line_numbers: int
) -> tuple[int, frozenset[int]] | None:
    """The row width and where its labels are: from the 行次 row, else the header's leaf columns.

    Each candidate width is checked against the data: the rows it gives must
    begin with a label and hold labels only where most rows do.
    """
    options: list[int] = []
    if line_numbers:
        options.append(line_numbers + 1)
    leaves = _leaf_count(header)
    options += [w for w in leaves if w not in options]
    # the label column's header left out (a blank corner cell the page dropped)
    options += [w + 1 for w in leaves if w + 1 not in options]
    best: tuple[float, int, frozenset[int]] | None = None
    for width in options:
        if width < 2:
            continue
        score, labels = _alignment(data, width)
        if best is None or score > best[0]:
            best = (score, width, labels)
    if best is None or best[0] < 0.75:
        return None
    return best[1], best[2]


def _leaf_count(header: Sequence[_Cell]) -> list[int]:
    """The possible numbers of columns of a header: every split into a top row and sub-columns."""
    counts: list[int] = [len(header)]
    for split in range(1, len(header)):
        built = _two_levels(header, split)
        if built is not None:
            counts.append(sum(len(children) or 1 for _, children in built))
    return counts


def _two_levels(header: Sequence[_Cell], split: int) -> list[tuple[_Cell, list[_Cell]]] | None:
    """The header as top cells, each with its sub-columns (none for a cell spanning both rows)."""
    top, subs = list(header[:split]), list(header[split:])
    if not subs:
        return None
    groups = _groups(subs, len(top))
    if groups is None:
        return None
    owners = _owners(top, groups)
    if owners is None:
        return None
    return [(cell, groups[owners.index(i)] if i in owners else []) for i, cell in enumerate(top)]


def _groups(subs: list[_Cell], tops: int) -> list[list[_Cell]] | None:
    if any(_SUBTOTAL.match(c.key) for c in subs):
        groups: list[list[_Cell]] = []
        for cell in subs:
            if _SUBTOTAL.match(cell.key) or not groups:
                groups.append([])
            groups[-1].append(cell)
        return groups
    if tops > 1 and len(subs) % tops == 0:
        size = len(subs) // tops
        groups = [subs[i : i + size] for i in range(0, len(subs), size)]
        if all([c.text for c in g] == [c.text for c in groups[0]] for g in groups):
            return groups  # the same sub-columns under each top cell (收入 | 支出)
    return None


def _owners(top: list[_Cell], groups: list[list[_Cell]]) -> list[int] | None:
    """For each group of sub-columns, the top cell it is under, left to right."""
    if len(groups) == len(top):
        return list(range(len(top)))
    owners: list[int] = []
    for group in groups:
        after = owners[-1] + 1 if owners else 0
        candidates = [i for i in range(after, len(top)) if not _SUBTOTAL.match(top[i].key)]
        if not candidates:
            return None
        named = [i for i in candidates if _shares_words(top[i].text, group)]
        owners.append(named[0] if named else candidates[0])
    left = len(top) - 1 - owners[-1]
    return owners if left >= 0 else None


def _shares_words(parent: str, group: Sequence[_Cell]) -> bool:
    """Whether a sub-column names its parent: two characters in a row of both (车辆购置 under 公车购置费)."""
    text = normalize_text(parent)
    return any(
        not _SUBTOTAL.match(c.key) and any(c.key[i : i + 2] in text for i in range(len(c.key) - 1))
        for c in group
    )


def _alignment(data: Sequence[_Cell], width: int) -> tuple[float, frozenset[int]]:
    """The share of rows of ``width`` cells with labels only where most rows have them."""
    rows = [data[i : i + width] for i in range(0, len(data), width)]
    if not rows:
        return 0.0, frozenset()  # float-ok: a score, not money
    patterns: Counter[tuple[int, ...]] = Counter(
        tuple(i for i, c in enumerate(row) if c.label) for row in rows
    )
    ranked = sorted(patterns.items(), key=lambda item: (-item[1], len(item[0])))
    usual = frozenset(ranked[0][0])
    if 0 not in usual:
        return 0.0, usual  # float-ok: a score, not money
    good = sum(
        1
        for row in rows
        if not row[0].number and {i for i, c in enumerate(row) if c.label} <= usual
    )
    return good / len(rows), usual  # float-ok: a score, not money


def _header(header: Sequence[_Cell], width: int) -> list[list[GridCell | None]] | None:
    if len(header) == width:
        return [list[GridCell | None](_grid_cell(c) for c in header)]
    for split in range(1, len(header)):
        built = _two_levels(header, split)
        if built is None or sum(len(ch) or 1 for _, ch in built) != width:
            continue
        top: list[GridCell | None] = []
        bottom: list[GridCell | None] = []
        for cell, children in built:
            if not children:
                top.append(_grid_cell(cell, rowspan=2))
                bottom.append(None)
                continue
            top.append(_grid_cell(cell, colspan=len(children)))
            top += [None] * (len(children) - 1)
            bottom += [_grid_cell(c) for c in children]
        return [top, bottom]
    for split in range(1, len(header)):
        built = _two_levels(header, split)
        if built is None or sum(len(ch) or 1 for _, ch in built) != width - 1:
            continue
        # the label column's header left out: a 项目 cell over both rows
        rebuilt = _header(header, width - 1)
        if rebuilt is not None and len(rebuilt) == 2:
            return [[GridCell("项目", rowspan=2), *rebuilt[0]], [None, *rebuilt[1]]]
    if len(header) < width:
        # fewer header cells than columns: the label column's header left out
        row: list[GridCell | None] = [GridCell("项目"), *(_grid_cell(c) for c in header)]
        return [row[-width:]]
    return None


def _data_rows(
    data: Sequence[_Cell], width: int, labels: frozenset[int]
) -> list[list[GridCell | None]]:
    """Data cells in rows of ``width``; a row name where an amount belongs starts a new row.

    Mirror pages drop trailing blank cells, so a row may be short: a label at a
    position where rows hold amounts begins the next row.
    """
    rows: list[list[GridCell | None]] = []
    current: list[GridCell | None] = []
    for cell in data:
        misplaced = len(current) not in labels
        if current and cell.label and misplaced and len(current) < width and _starts_row(cell):
            rows.append(current + [GridCell("")] * (width - len(current)))
            current = []
        current.append(_grid_cell(cell))
        if len(current) == width:
            rows.append(current)
            current = []
    if current:
        rows.append(current + [GridCell("")] * (width - len(current)))
    return rows


def _starts_row(cell: _Cell) -> bool:
    """A label that cannot be a value: a row name (not a remark written in a value's place)."""
    return not re.search(r"\d", cell.key)


def _values_only(cells: Sequence[_Cell], delimited: bool = False) -> Grid | None:
    """A header of labels and one row of values without a row name (“三公” 合计 … 接待费)."""
    labels = [c for c in cells if c.label]
    labels = labels if delimited else _unwrapped(labels)
    values = [c for c in cells if not c.label]
    if not labels or not values:
        return None
    if any(c.label for c in cells[cells.index(values[0]) :]):
        return None
    width = len(values)
    head = _header(labels, width)
    if head is None:
        return None
    return Grid(
        [
            [GridCell("项目", rowspan=len(head)), *head[0]],
            *([None, *row] for row in head[1:]),
            [GridCell("金额"), *(_grid_cell(c) for c in values)],
        ]
    )


# -- the changes and rates a table prints -----------------------------------------------------

#: A rate as printed, with its origin: (value, start, end).
_Rate = tuple[Decimal, int, int]


def _rate_value(cell: GridCell | None) -> _Rate | None:
    """The percent a cell prints ("-12.84", "5.3%"), with the cell's offsets."""
    if cell is None or cell.origin is None:
        return None
    text = normalize_text(cell.text).rstrip("%％").replace("−", "-").replace("－", "-")
    if not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", text):
        return None
    return Decimal(text), cell.origin[0], cell.origin[1]


def _is_rate_row(row: Sequence[GridCell | None]) -> bool:
    cells = [c for c in row if c is not None]
    if not cells or not _RATE.search(normalize_text(cells[0].text)):
        return False
    rest = [c for c in cells[1:] if normalize_text(c.text) not in _BLANK]
    return bool(rest) and all(_rate_value(c) is not None for c in rest)


def _without_rates(grid: Grid) -> tuple[Grid, list[tuple[GridCell | None, ...]]]:
    """The grid without its rows of rates (增减%), and those rows: rates are not amounts."""
    rates = [row for row in grid.cells if _is_rate_row(row)]
    if not rates:
        return grid, []
    return Grid([row for row in grid.cells if not _is_rate_row(row)]), rates


def _says_down(label: str) -> bool:
    """A line of decreases (支出减少率, 下降额): its positive figures are decreases."""
    return bool(_DOWN.search(label)) and "增减" not in label


def _without_counts(grid: Grid) -> Grid:
    """The grid without its columns of counts (数量 over 年初数 / 年末数): they hold no amounts."""
    header = next(
        (r for r, row in enumerate(grid.cells) if any(c is not None and c.origin for c in row)),
        len(grid.cells),
    )
    owners: dict[tuple[int, int], GridCell] = {}
    for r, row in enumerate(grid.cells[:header]):
        for c, cell in enumerate(row):
            if cell is not None:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        owners.setdefault((r + dr, c + dc), cell)
    dropped = {
        c
        for c in range(1, grid.width)
        if any(
            _COUNT_COLUMN.search(normalize_text(cell.text))
            for r in range(header)
            if (cell := owners.get((r, c))) is not None
        )
    }
    if not dropped or len(dropped) >= grid.width - 1:
        return grid
    rows: list[list[GridCell | None]] = []
    for row in grid.cells:
        kept: list[GridCell | None] = []
        moved: GridCell | None = None  # a merged cell starting in a dropped column
        for c, cell in enumerate(row):
            merged = cell is not None and cell.colspan > 1
            if cell is not None and merged:
                span = sum(1 for k in range(c, c + cell.colspan) if k not in dropped)
                cell = evolve(cell, colspan=span) if span else None
            if c in dropped:
                moved = cell if merged else moved
                continue
            if cell is None and moved is not None:
                cell, moved = moved, None
            kept.append(cell)
        rows.append(kept)
    return Grid(rows)


def _decimals_of(text: str) -> int:
    clean = normalize_text(text)
    return len(clean.split(".", 1)[1]) if "." in clean else 0


class _Changes:
    """The 增减 and 增减率 lines of a table, each as a statement with its two figures.

    The lines are rows when the table's rows are measures (2015年 | 2016年 | 增减%,
    预算数 | 决算数 | 上年决算数 | 决算对比), columns when its columns are. The
    current line is the document's own (the year's 决算数 in a 决算, 预算数 in a 预算,
    or the row named by the year alone), the base the prior year's (or the budget,
    for a change the label says is against the 预算).
    """

    def __init__(
        self,
        table: Table,
        grid: Grid,
        rate_rows: Sequence[Sequence[GridCell | None]],
        origins: Sequence[CellOrigin],
        year: int | None,
    ) -> None:
        self.table = table
        self.grid = grid
        self.rate_rows = rate_rows
        at = {o.origin: (o.row, o.column) for o in origins}
        self.rows: dict[int, int] = {}  # grid row -> table row
        self.columns: dict[int, int] = {}  # grid column -> table column
        self.decimals: dict[tuple[int, int], int] = {}
        self.origins: dict[tuple[int, int], int] = {}  # where each cell's value starts
        for r, grid_row in enumerate(grid.cells):
            for c, cell in enumerate(grid_row):
                origin = None if cell is None else cell.origin
                found = None if origin is None else at.get(origin)
                if cell is None or origin is None or found is None:
                    continue
                self.rows[r], self.columns[c] = found
                self.decimals[found] = _decimals_of(cell.text)
                self.origins[found] = origin[0]
        names = [r.name for r in table.rows] + [c.name for c in table.columns]
        years = [int(y) for n in names for y in re.findall(r"((?:19|20)\d\d)年", n)]
        self.year = year if year is not None else (max(years) if years else None)
        final = table.kind is not None and table.kind.value.startswith("final")
        self.own: Measure = "final" if final else "budget"

    def measure(self, name: str) -> Measure | None:
        if bare_year(name, self.year):
            return self.own
        return measure_of(name, self.year)

    def nodes(self) -> list[tuple[Node, tuple[int, int] | None, int]]:
        """Each statement, the offsets of the rate it states (``None``: a change only), and
        where it is printed (its rate or its change)."""
        table = self.table
        if not table.rows or not table.columns:
            return []
        rows = [self.measure(r.name) for r in table.rows]
        columns = [self.measure(c.levels[-1]) for c in table.columns]
        if all(rows) and len(table.rows) > 1:
            return self.lines(rows, by_rows=True)
        if all(columns) and len(table.columns) > 1:
            return self.lines(columns, by_rows=False)
        return []

    def lines(
        self, measures: Sequence[Measure | None], *, by_rows: bool
    ) -> list[tuple[Node, tuple[int, int] | None, int]]:
        current = [i for i, m in enumerate(measures) if m == self.own]
        if len(current) != 1:
            return []
        now = current[0]
        names = (
            [r.name for r in self.table.rows] if by_rows else [c.name for c in self.table.columns]
        )
        changes = [i for i, m in enumerate(measures) if m == "change"]
        rates = self.rate_lines(by_rows)
        found: list[tuple[Node, tuple[int, int] | None, int]] = []
        across = len(self.table.columns) if by_rows else len(self.table.rows)
        for other in range(across):
            for label, change, rate in self.pairs(names, changes, rates, other, by_rows):
                base = self.base(measures, label)
                node = self.node(now, base, other, change, rate, label, by_rows)
                if node is None:
                    continue
                if rate is not None and (node.percent or node.completion) is not None:
                    found.append((node, (rate[1], rate[2]), rate[1]))
                elif change is not None:
                    cell = (change, other) if by_rows else (other, change)
                    found.append((node, None, self.origins.get(cell, 0)))
        return found

    def rate_lines(self, by_rows: bool) -> list[tuple[str, dict[int, _Rate]]]:
        """Each line of rates: its label and, by table column (or row), the rate printed."""
        lines: list[tuple[str, dict[int, _Rate]]] = []
        if by_rows:
            for row in self.rate_rows:
                label = next((c.text for c in row if c is not None), "")
                values = {
                    self.columns[c]: rate
                    for c, cell in enumerate(row)
                    if c in self.columns and (rate := _rate_value(cell)) is not None
                }
                lines.append((label, values))
            return lines
        header = min(self.rows, default=0)
        for c in range(self.grid.width):
            if c in self.columns:
                continue
            label = "".join(
                cell.text
                for row in self.grid.cells[:header]
                if c < len(row) and (cell := row[c]) is not None
            )
            if not _RATE.search(normalize_text(label)):
                continue
            values = {
                self.rows[r]: rate
                for r, row in enumerate(self.grid.cells)
                if r in self.rows and c < len(row) and (rate := _rate_value(row[c])) is not None
            }
            lines.append((label, values))
        return lines

    def pairs(
        self,
        names: Sequence[str],
        changes: Sequence[int],
        rates: Sequence[tuple[str, dict[int, _Rate]]],
        other: int,
        by_rows: bool,
    ) -> Iterator[tuple[str, int | None, _Rate | None]]:
        """(label, change line, rate) for one column (or row): a change and a rate paired."""
        rated = [(label, values[other]) for label, values in rates if other in values]
        for index, change in enumerate(changes):
            rate = rated[index][1] if index < len(rated) and len(changes) == len(rated) else None
            yield names[change], change, rate
        if len(changes) != len(rated):
            for label, rate in rated:
                yield label, None, rate

    def base(self, measures: Sequence[Measure | None], label: str) -> int | None:
        """The line a change or rate is against: the prior year's, or the budget's (完成预算%)."""
        against = "预算" in label or bool(_COMPLETION.search(label))
        wanted: Measure = "budget" if self.own == "final" and against else "prior"
        bases = [i for i, m in enumerate(measures) if m == wanted]
        return bases[0] if len(bases) == 1 else None

    def value(self, line: int, other: int, by_rows: bool) -> tuple[Amount | None, int]:
        row, column = (line, other) if by_rows else (other, line)
        return self.table.rows[row].values[column], self.decimals.get((row, column), 0)

    def node(
        self,
        now: int,
        base: int | None,
        other: int,
        change: int | None,
        rate: _Rate | None,
        label: str,
        by_rows: bool,
    ) -> Node | None:
        amount, decimals = self.value(now, other, by_rows)
        prior, prior_decimals = (None, 0) if base is None else self.value(base, other, by_rows)
        stated_change = None
        places = [decimals, prior_decimals]
        if change is not None:
            value, change_decimals = self.value(change, other, by_rows)
            if value is not None:
                down = (value.fen < 0) != _says_down(label)
                stated_change = StatedChange(
                    Amount.from_fen(abs(value.fen)), "减少" if down else None
                )
                places.append(change_decimals)
        percent = completion = None
        if rate is not None and _SHARE.search(label):
            rate = None  # a share of a whole the table does not name: not read as a change
        if rate is not None and _COMPLETION.search(label):
            if change is not None or self.own != "final" or prior is None or amount is None:
                return None
            completion = StatedPercent(abs(rate[0]))
            return self.named(other, by_rows, places, amount, completion=completion, budget=prior)
        if rate is not None:
            # as written: the digits, and the direction the sign (or the label) gives
            down = (rate[0] < 0) != _says_down(label)
            percent = StatedPercent(abs(rate[0]), "下降" if down else None)
        if amount is None or (stated_change is None and percent is None):
            return None
        if prior is None and (stated_change is None or percent is None):
            return None  # nothing to check it against
        return self.named(
            other, by_rows, places, amount, prior=prior, change=stated_change, percent=percent
        )

    def named(
        self,
        other: int,
        by_rows: bool,
        places: Sequence[int],
        amount: Amount,
        *,
        prior: Amount | None = None,
        change: StatedChange | None = None,
        percent: StatedPercent | None = None,
        completion: StatedPercent | None = None,
        budget: Amount | None = None,
    ) -> Node:
        """The statement of one column (or row), named after the table and the line."""
        table = self.table
        unit = table.precision.unit if table.precision is not None else DEFAULT_PRECISION.unit
        line = table.columns[other].name if by_rows else table.rows[other].label
        return Node(
            name=f"{table.title}：{line}".replace("/", "·"),
            amount=amount,
            prior=prior,
            change=change,
            percent=percent,
            completion=completion,
            budget_initial=budget,
            precision=Precision(unit, max(places)),
        )


def find_pasted(
    text: str,
    *,
    fold: Fold = _identity,
    kind: Kind | None = None,
    year: int | None = None,
    source: str = "<text>",
) -> Pasted:
    """The standard tables pasted into ``text``, with where each value came from.

    ``fold`` folds a cell's text before it is read (the narrative reader passes
    its own normalisation: full-width forms, traditional characters); ``kind``
    is the document's kind, for a “三公” table whose title says neither 预算 nor 决算
    (or none at all); ``year`` its year, to tell the current rows (or columns) of a
    table from the prior year's.
    """
    return _Finder(text, fold, kind, year, source).run()
