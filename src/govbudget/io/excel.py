"""Read the worksheets of an Excel disclosure into text lines and grids (needs the ``excel`` extra).

Each visible worksheet becomes a :class:`~govbudget.tables.recognize.Page`:
a row with a single filled cell (a title, the unit line, a note) is a text
line, and runs of other rows are grids, merged cells kept once with their span.
A number is taken as the sheet shows it, exactly: at the decimals of its number format,
with its percent (``0.0%``: 0.053 is "5.3%", which a table of amounts notes as not an
amount) and its scaling (``0.00,,``: 12345678 is "12.35") applied.

Bad input gets a :class:`~govbudget.errors.DocumentError` naming the file and
sheet: not an ``.xlsx`` workbook, damaged, or a formula whose value was never
computed (a workbook written by a program and not opened since). Hidden sheets
are not read and get a note naming them; what openpyxl warns of is a note too.

Before openpyxl reads the workbook (it holds the whole book in memory, with an
object for every cell a merged range covers), its parts are measured, streaming:
at most :data:`MAX_INFLATED_BYTES` inflated, :data:`MAX_CELLS` cells (and a sheet
spanning no more), :data:`MAX_MERGED_CELLS` cells under merged ranges and
:data:`MAX_SHARED_STRINGS` shared strings. Past a limit the read stops with a
:class:`~govbudget.errors.DocumentError` naming it.
"""

from __future__ import annotations

import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final
from xml.etree import ElementTree

from govbudget.errors import DocumentError, MissingExtra
from govbudget.io._files import opened, sized_head, warning_notes
from govbudget.page import Grid, GridCell, Line, Note, Page, Pages
from govbudget.tables.specs import match_title

__all__ = [
    "MAX_CELLS",
    "MAX_INFLATED_BYTES",
    "MAX_MERGED_CELLS",
    "MAX_SHARED_STRINGS",
    "MAX_WORKBOOK_BYTES",
    "read_workbook",
]

#: The most cells read from one workbook (a disclosure's tables have a few thousand).
MAX_CELLS: Final = 2_000_000
#: The largest workbook opened, in bytes (64 MiB).
MAX_WORKBOOK_BYTES: Final = 64 * 1024 * 1024
#: The most bytes the parts of one workbook may inflate to (256 MiB): a zip bomb stops here,
#: before any part is parsed. A disclosure's workbook inflates to a few megabytes.
MAX_INFLATED_BYTES: Final = 256 * 1024 * 1024
#: The most cells one merged range, and all of a workbook's merged ranges, may cover.
MAX_MERGED_CELLS: Final = 2_000_000
#: The most shared strings (the texts cells refer to) one workbook may hold.
MAX_SHARED_STRINGS: Final = 1_000_000

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
    try:
        with zipfile.ZipFile(stream) as archive:
            _inspect(archive, source)
    except DocumentError:
        raise
    except Exception as error:  # a damaged zip fails in many ways (ValueError: negative seek …)
        raise DocumentError(
            f"the workbook is damaged and cannot be opened ({type(error).__name__})", source=source
        ) from None
    openpyxl = _openpyxl()
    with warnings.catch_warnings(record=True) as caught:
        # openpyxl warns of what it does not read (an extension, a style): notes, not noise.
        warnings.simplefilter("always")
        try:
            formulas = openpyxl.load_workbook(stream, data_only=False)
            values = openpyxl.load_workbook(stream, data_only=True)
        except Exception as error:  # openpyxl raises many unrelated types on bad input
            raise DocumentError(
                f"the workbook is damaged and cannot be opened ({type(error).__name__})",
                source=source,
            ) from None
    pages: list[Page] = []
    notes: list[Note] = warning_notes(caught, source)
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
    # A number as the sheet shows it: its format's percent, scaling and decimals applied.
    if isinstance(raw, int):
        return _shown(Decimal(raw), cell.number_format)
    if isinstance(raw, float):  # float-ok: Excel stores numbers as doubles; shown as 15 digits
        return _shown(Decimal(format(raw, ".15g")), cell.number_format)
    if isinstance(raw, Decimal):
        return _shown(raw, cell.number_format)
    return str(raw).strip()


_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_PLACES: Final = re.compile(r"[0#?][0#?,.]*|\.[0#?][0#?,]*")
_OTHER_NOTATION: Final = re.compile(r"[Ee][+-]|/|^\s*general\s*$", re.IGNORECASE)


def _section(number_format: str, value: Decimal) -> str:
    """The section of ``number_format`` that ``value`` is shown with (positive;negative;zero;text)."""
    sections: list[str] = []
    current: list[str] = []
    quoted = False
    for char in number_format:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(char)
    sections.append("".join(current))
    if value < 0 and len(sections) > 1:
        return sections[1]
    if value == 0 and len(sections) > 2:
        return sections[2]
    return sections[0]


def _shown(value: Decimal, number_format: str) -> str:
    """The number as the cell shows it, exactly: at its format's decimals, its percent and scaling.

    A ``%`` shows the value times 100 (``0.0%``: 0.053 is "5.3%"); a comma after the
    last digit place divides by 1,000 (``0.00,,``: 12345678 is "12.35"); ``#`` places
    show no trailing zeros. Rounding is half away from zero, as Excel's.

    >>> _shown(Decimal("0.053"), "0.0%"), _shown(Decimal("12345678"), "0.00,,")
    ('5.3%', '12.35')
    >>> _shown(Decimal("-1234.5"), "#,##0.00_);(#,##0.00)"), _shown(Decimal("1.5"), "0.0#")
    ('-1234.50', '1.5')
    """
    section = _QUOTED.sub("", _section(number_format or "", value))
    places = _PLACES.search(section)
    if places is None or _OTHER_NOTATION.search(section):  # General, text, 1.2E+03, 1/2
        return f"{value:f}"
    whole, _, fraction = places.group().partition(".")
    # Commas after the last digit place of either part scale by a thousand each; the
    # others group digits.
    scaling = len(whole) - len(whole.rstrip(",")) + len(fraction) - len(fraction.rstrip(","))
    percents = section.count("%")
    shown = value.scaleb(2 * percents - 3 * scaling)
    most = sum(1 for c in fraction if c in "0#?")
    least = len(fraction.rstrip(",#?").replace(",", ""))
    text = f"{shown.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP):f}"
    if most > least:  # "#" places: no trailing zeros beyond the "0" places
        whole_text, _, decimals = text.partition(".")
        decimals = decimals[:least] + decimals[least:].rstrip("0")
        text = f"{whole_text}.{decimals}" if decimals else whole_text
    return text + "%" * percents


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


_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REFERENCE: Final = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})")


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _cell(reference: str) -> tuple[int, int] | None:
    """(row, column) of an A1 reference, ``None`` for anything else."""
    found = _REFERENCE.fullmatch(reference.strip().upper())
    if found is None:
        return None
    return int(found.group(2)), _column(found.group(1))


def _area(reference: str) -> int:
    """The cells a range ("A1:C3") covers; a range that cannot be read covers none."""
    first, _, last = reference.partition(":")
    start, end = _cell(first), _cell(last or first)
    if start is None or end is None:
        return 0
    return (abs(end[0] - start[0]) + 1) * (abs(end[1] - start[1]) + 1)


def _inspect(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse a workbook that would cost more than the limits, before openpyxl reads it.

    openpyxl keeps the whole book in memory, makes an object for every cell a
    merged range covers (one ``A1:XFD1048576`` is 17·10⁹ of them) and every
    shared string: the parts are measured first, streaming, with the sizes the zip
    declares (which the zip module holds each part to when it is read).
    """
    inflated = 0
    for info in archive.infolist():
        inflated += info.file_size
        if inflated > MAX_INFLATED_BYTES:
            raise DocumentError(
                f"its parts inflate to more than {MAX_INFLATED_BYTES} bytes (the limit"
                f" MAX_INFLATED_BYTES), at {info.filename}: a zip bomb, or far larger than a"
                " disclosure",
                source=source,
            )
    # Every part that is XML is measured, whatever its name: a workbook's parts are found
    # through its relationships, so a sheet or the shared strings may be named anything.
    cells = merged = 0
    for name in archive.namelist():
        if _is_xml(archive, name):
            cells, merged = _count_part(archive, name, source, cells, merged)


def _is_xml(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        with archive.open(name) as stream:
            head = stream.read(64)
    except Exception:  # damaged (BadZipFile, a negative seek, an unknown compression …)
        return True  # let the parse say it is damaged
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _elements(archive: zipfile.ZipFile, name: str, source: str) -> Iterator[Any]:
    """The elements of one part as they end, each dropped after use: memory stays flat
    however many cells or strings the part holds."""
    try:
        with archive.open(name) as stream:
            open_elements: list[Any] = []
            for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                if event == "start":
                    open_elements.append(element)
                    continue
                open_elements.pop()
                yield element
                if open_elements:  # its parent holds at most this one child: O(1) to drop
                    open_elements[-1].remove(element)
    except DocumentError:
        raise
    except Exception as error:  # XML or zip damage of any kind
        raise DocumentError(
            f"the workbook is damaged and cannot be opened ({name}: {type(error).__name__})",
            source=source,
        ) from None


def _count_part(
    archive: zipfile.ZipFile, name: str, source: str, cells: int, merged: int
) -> tuple[int, int]:
    """Add the part's cells and merged cells to the workbook's; refuse past a limit."""
    rows = columns = strings = 0
    for element in _elements(archive, name, source):
        tag = element.tag
        if tag == f"{_MAIN}si":
            strings += 1
            if strings > MAX_SHARED_STRINGS:
                raise DocumentError(
                    f"more than {MAX_SHARED_STRINGS} shared strings (the limit"
                    f" MAX_SHARED_STRINGS), in {name}",
                    source=source,
                )
        elif tag == f"{_MAIN}c":
            cells += 1
            if cells > MAX_CELLS:
                raise DocumentError(
                    f"more than {MAX_CELLS} cells (the limit MAX_CELLS), in {name}", source=source
                )
            where = _cell(element.get("r", ""))
            if where is not None:
                rows, columns = max(rows, where[0]), max(columns, where[1])
                if rows * columns > MAX_CELLS:
                    raise DocumentError(
                        f"a sheet spanning more than {MAX_CELLS} cells (the limit MAX_CELLS), to"
                        f" {element.get('r')} in {name}",
                        source=source,
                    )
        elif tag == f"{_MAIN}mergeCell":
            reference = element.get("ref", "")
            merged += _area(reference)
            if merged > MAX_MERGED_CELLS:
                raise DocumentError(
                    f"merged ranges covering more than {MAX_MERGED_CELLS} cells (the limit"
                    f" MAX_MERGED_CELLS), at {reference[:40]} in {name}",
                    source=source,
                )
    return cells, merged
