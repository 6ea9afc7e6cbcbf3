"""Read the worksheets of an Excel disclosure into text lines and grids (needs the ``excel`` extra).

Each visible worksheet becomes a :class:`~govbudget.tables.recognize.Page`:
a row with a single filled cell (a title, the unit line, a note) is a text
line, and runs of other rows are grids, merged cells kept once with their span.
A number is taken as the sheet shows it: at the decimals of its number format.

Bad input gets a :class:`~govbudget.errors.DocumentError` naming the file and
sheet: not an ``.xlsx`` workbook, damaged, or a formula whose value was never
computed (a workbook written by a program and not opened since). Hidden sheets
are not read and get a note naming them. At most :data:`MAX_CELLS` cells are
read from one workbook.
"""

from __future__ import annotations

import os
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from govbudget.errors import DocumentError, MissingExtra
from govbudget.io._files import opened, sized_head
from govbudget.tables.recognize import Grid, GridCell, Line, Note, Page, Pages
from govbudget.tables.specs import match_title

__all__ = ["MAX_CELLS", "MAX_WORKBOOK_BYTES", "read_workbook"]

#: The most cells read from one workbook (a disclosure's tables have a few thousand).
MAX_CELLS: Final = 2_000_000
#: The largest workbook opened, in bytes (64 MiB).
MAX_WORKBOOK_BYTES: Final = 64 * 1024 * 1024

_DECIMALS: Final = re.compile(r"0\.(0+)")
_UNIT: Final = re.compile(r"单位[:：]")
_NUMBER: Final = re.compile(r"^[-+]?[\d,]*\d(?:\.\d+)?$")
_STATEMENT: Final = re.compile(r"^(注|备注|说明)[:：]|本表无数据|无数据")


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra("excel", "openpyxl", "reading Excel workbooks") from None
    return openpyxl


def read_workbook(document: str | os.PathLike[str] | bytes, *, source: str | None = None) -> Pages:
    """The visible sheets of a workbook (a path or its bytes) as lines and grids, with notes."""
    source = source or ("<bytes>" if isinstance(document, bytes) else str(document))
    sized_head(document, source, MAX_WORKBOOK_BYTES, "MAX_WORKBOOK_BYTES")
    stream = opened(document)
    if not zipfile.is_zipfile(stream):
        raise DocumentError(
            "not an Excel .xlsx workbook (an old .xls? save it as .xlsx first)", source=source
        )
    openpyxl = _openpyxl()
    try:
        formulas = openpyxl.load_workbook(stream, data_only=False)
        values = openpyxl.load_workbook(stream, data_only=True)
    except Exception as error:  # openpyxl raises many unrelated types on bad input
        raise DocumentError(
            f"the workbook is damaged and cannot be opened ({type(error).__name__})", source=source
        ) from None
    pages: list[Page] = []
    notes: list[Note] = []
    cells = 0
    for number, sheet in enumerate(formulas.worksheets, start=1):
        if sheet.sheet_state != "visible":
            notes.append(
                Note(
                    f"{source} sheet {sheet.title}",
                    f"工作表“{sheet.title}”是隐藏的，未读取",
                    f"sheet {sheet.title} is hidden; not read",
                )
            )
            continue
        cells += sheet.max_row * sheet.max_column
        if cells > MAX_CELLS:
            raise DocumentError(
                f"more than {MAX_CELLS} cells (the limit MAX_CELLS) by sheet {sheet.title}",
                source=source,
            )
        pages.append(_sheet(sheet, values[sheet.title], number, source))
    return Pages(pages, notes)


def _text(cell: Any, shown: Any, where: str, source: str) -> str:
    raw = cell.value
    if isinstance(raw, str) and raw.startswith("="):
        value = shown.value
        if value is None:
            raise DocumentError(
                f"sheet {where}: the cell holds the formula {raw[:40]} but no computed value"
                " (the workbook was never opened and saved in a spreadsheet program);"
                " save it with values, then read it again",
                source=source,
            )
        raw = value
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):  # float-ok: Excel stores numbers as doubles; shown as 15 digits
        return _shown(Decimal(format(raw, ".15g")), cell.number_format)
    if isinstance(raw, Decimal):
        return str(raw)
    return str(raw).strip()


def _shown(value: Decimal, number_format: str) -> str:
    """The number at the decimals its format shows (what a reader of the sheet sees)."""
    found = _DECIMALS.search(number_format or "")
    if found is None:
        return f"{value:f}"
    places = Decimal(1).scaleb(-len(found.group(1)))
    return f"{value.quantize(places, rounding=ROUND_HALF_UP):f}"


def _sheet(sheet: Any, shown: Any, number: int, source: str) -> Page:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (
            merged.max_row - merged.min_row + 1,
            merged.max_col - merged.min_col + 1,
        )
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    covered.add((r, c))
    width = sheet.max_column
    blocks: list[Line | Grid] = []
    rows: list[list[GridCell | None]] = []

    def flush() -> None:
        if rows:
            blocks.append(_trimmed(rows))
            rows.clear()

    for r in range(1, sheet.max_row + 1):
        line: list[GridCell | None] = []
        for c in range(1, width + 1):
            if (r, c) in covered:
                line.append(None)
                continue
            text = _text(sheet.cell(r, c), shown.cell(r, c), f"{sheet.title}!{_name(r, c)}", source)
            rowspan, colspan = spans.get((r, c), (1, 1))
            line.append(GridCell(text, rowspan, colspan, ref=_name(r, c)))
        filled = [cell for cell in line if cell is not None and cell.text]
        if not filled and not any(cell is None for cell in line):
            flush()
            continue
        if _is_line(filled, width, bool(rows)):
            flush()
            blocks.extend(Line(cell.text) for cell in filled)
            continue
        rows.append(line)
    flush()
    return Page(number, tuple(blocks), sheet=sheet.title)


def _is_line(filled: list[GridCell], width: int, in_grid: bool) -> bool:
    """A row that is a line of text (title, unit line, note), not a row of a grid."""
    texts = [cell.text for cell in filled]
    if any(_UNIT.search(t) for t in texts) and not any(_NUMBER.match(t) for t in texts):
        return True
    if len(filled) != 1:
        return False
    text = texts[0]
    wide = filled[0].colspan * 2 >= width
    return not in_grid or wide or bool(_STATEMENT.search(text)) or match_title(text) is not None


def _trimmed(rows: list[list[GridCell | None]]) -> Grid:
    """A grid without the empty columns at its left and right."""
    used = [
        c
        for c in range(len(rows[0]))
        if any(row[c] is None or (row[c] is not None and row[c].text) for row in rows)  # type: ignore[union-attr]
    ]
    if not used:
        return Grid(rows)
    first, last = used[0], used[-1]
    return Grid([row[first : last + 1] for row in rows])


def _name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"
