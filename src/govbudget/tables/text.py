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
or a “三公” table title such as "2024年“三公”经费预算表") and runs until the text
becomes sentences again. A flat list of cells is given its rows back from the
header: the header cells are the ones before the first row label followed by
an amount; a first header row of cells with sub-columns (公务用车购置及运行费 over
小计 / 购置费 / 运行费) is rebuilt as merged cells, and the row width checked
against the data. Each table is then read by :func:`~govbudget.tables.recognize.recognize`,
the same way as a PDF page, so the table rules check it like any other.

:func:`find_pasted` is pure; it returns the tables, where each is in the text,
and where every value came from (the offsets of its cell), so the narrative
reader can account for every number of a pasted table as mapped to its cell.

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
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Final

from attrs import evolve, field, frozen

from govbudget.model import Kind
from govbudget.tables.model import Table, TableKind
from govbudget.tables.recognize import CellOrigin, Grid, GridCell, Line, Page, recognize
from govbudget.tables.specs import TableSpec, match_title, normalize_text, spec_of

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
    }
)
_SENTENCE_END: Final = re.compile(r"[。；;]$|。")
_PART_HEADING: Final = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十]+[)）、.]).{0,40}(?:说明|情况|概况)"
)
_SUBTOTAL: Final = re.compile(r"^(?:小计|合计)$")
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


@frozen
class Pasted:
    """The tables found in a text: each with its span, and the origin of every value read.

    ``spans[i]`` is the part of the text (start and end offsets) table ``i`` is
    printed in, title to last cell; ``cells`` says which offsets each value came from.
    """

    tables: tuple[Table, ...] = field(converter=_tables)
    spans: tuple[tuple[int, int], ...] = field(converter=_spans)
    cells: tuple[CellOrigin, ...] = field(converter=_cells)

    def table_at(self, offset: int) -> int | None:
        """The index of the table printed at ``offset`` of the text, if any."""
        for index, (start, end) in enumerate(self.spans):
            if start <= offset < end:
                return index
        return None

    def path_at(self, offset: int, first: int = 0) -> str | None:
        """The path of the table cell whose value is printed at ``offset`` (tables from ``first``).

        ``None`` when no value read is there (a label, a header, a 行次 number, or
        outside every table).
        """
        for cell in self.cells:
            start, end = cell.origin
            if start <= offset < end:
                return f"/tables/{first + cell.table}/rows/{cell.row}/values/{cell.column}"
        return None


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
    def __init__(self, text: str, fold: Fold, document: Kind | None, source: str) -> None:
        self.text = text
        self.fold = fold
        self.document = document
        self.source = source
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
        cells: list[CellOrigin] = []
        index = 0
        while index < len(self.lines):
            spec = self.title(index)
            if spec is None:
                index += 1
                continue
            found = self.read(index, spec)
            if found is None:
                index += 1
                continue
            table, origins, last = found
            cells += [
                CellOrigin(len(tables), o.row, o.column, o.origin) for o in origins if o.table == 0
            ]
            line = self.lines[last]
            spans.append((self.lines[index].start, line.start + len(line.text)))
            tables.append(table)
            index = last + 1
        return Pasted(tables, spans, cells)

    def read(self, title: int, spec: TableSpec) -> tuple[Table, tuple[CellOrigin, ...], int] | None:
        unit_line: str | None = None
        start = title + 1
        # the unit line, on the title line itself or on the lines after it
        if _UNIT.search(self.folded[title]):
            unit_line = self.lines[title].text.strip()
        while start < len(self.lines) and (
            not self.folded[start]
            or (_UNIT.search(self.folded[start]) and len(self.folded[start]) < 30)
        ):
            if self.folded[start] and unit_line is None:
                unit_line = self.lines[start].text.strip().strip("|").strip()
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
        grid = _grid(rows) if rows else _flat_grid(flat)
        if grid is None:
            return None
        # read under the spec's own title (the printed one may be a heading recognize does not know)
        blocks: list[Line | Grid] = [Line(spec.title)]
        if unit_line is not None:
            blocks.append(Line(unit_line))
        blocks.append(grid)
        recognition = recognize([Page(0, tuple(blocks))], source=self.source)
        if not recognition.tables:
            return None
        table = recognition.tables[0]
        printed = self.fold(self.lines[title].text).strip().strip("|").strip()
        table = evolve(table, kind=spec.kind, title=printed)
        starts: dict[int, int] = {}
        for cell in recognition.cells:
            if cell.table == 0:
                starts[cell.row] = min(starts.get(cell.row, cell.origin[0]), cell.origin[0])
        lines = {row: self.line_of(offset) for row, offset in starts.items()}
        table = _placed(table, self.lines[title].number, lines)
        return table, recognition.cells, last + start

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
        content = [line for line in body if line.text.strip()]
        piped = [line for line in content if "|" in line.text]
        row_lines = [line for line in content if _is_row_line(line)]
        if row_lines and len(row_lines) * 2 >= len(piped):
            return self.rows(body)
        if piped:
            flat, last = self.piped(body)
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
                    # a wrapped cell's first lines are short; a longer line is a heading
                    if len(pending) > _MAX_WRAP or len(normalize_text(stripped)) > _MAX_WRAPPED:
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
    origin = (cell.start, cell.end) if cell.number else None
    text = cell.key if cell.number else cell.text
    return GridCell(text, rowspan, colspan, origin)


def _flat_grid(cells: Sequence[_Cell]) -> Grid | None:
    """Rows from one cell per line: header from the labels before the data, width from the header."""
    cells = [c for c in cells if not (_UNIT.search(c.key) or _META.match(c.key))]
    while cells and cells[0].blank:
        cells = cells[1:]
    first = _data_start(cells)
    numbers = [i for i, c in enumerate(cells) if c.number]
    if first is None or not any(c.label for c in cells[numbers[0] :]):
        return _values_only(cells)
    header, data = _unwrapped(cells[:first]), list(cells[first:])
    line_numbers = 0
    if data and data[0].key in _LINE_NUMBER_LABEL:
        # a 行次 row numbering the value columns: its count is the number of value columns
        count = 1
        while count < len(data) and data[count].number:
            count += 1
        line_numbers = count - 1
        data = data[count:]
    found = _width(header, data, line_numbers)
    if found is None:
        return None
    width, labels = found
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
        # a label, a blank and an amount: a row whose first value is blank
        later = i + 2 < len(cells) and cells[i + 2].number
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
    return any(len(c.key) > 2 and c.key[:4] in normalize_text(parent) for c in group)


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


def _values_only(cells: Sequence[_Cell]) -> Grid | None:
    """A header of labels and one row of values without a row name (“三公” 合计 … 接待费)."""
    labels = _unwrapped([c for c in cells if c.label])
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


def find_pasted(
    text: str, *, fold: Fold = _identity, kind: Kind | None = None, source: str = "<text>"
) -> Pasted:
    """The standard tables pasted into ``text``, with where each value came from.

    ``fold`` folds a cell's text before it is read (the narrative reader passes
    its own normalisation: full-width forms, traditional characters); ``kind``
    is the document's kind, for a “三公” table whose title says neither 预算 nor 决算.
    """
    return _Finder(text, fold, kind, source).run()
