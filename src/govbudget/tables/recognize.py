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

from govbudget.model import Kind
from govbudget.page import Grid, GridCell, Line, Note, Page, Pages
from govbudget.table import Table
from govbudget.tables._pages import _page_offsets, _Reader
from govbudget.tables._rows import plain_amount as plain_amount
from govbudget.tables.specs import normalize_text

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


_IDENTITY: Final = re.compile(r"(\d{4})年度?[^，,。\d]{0,24}?(决算|预算)")
_PART: Final = re.compile(r"^第[一二三四五六七八九十]+部分")


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
        cells=[CellOrigin(*cell) for cell in reader.cells],
        contents=reader.contents,
    )
