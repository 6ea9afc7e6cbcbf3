"""Read the pages of a PDF disclosure into text lines and table grids (needs the ``pdf`` extra).

Each page becomes a :class:`~govbudget.tables.recognize.Page`: the ruled tables
pdfplumber finds, each cell with its row and column span worked out from the
cell's box, and the text lines outside them, in reading order. On a page with a
table title but no ruled table, the columns are found from the alignment of the
text instead (a table printed without lines).

Bad input gets a :class:`~govbudget.errors.DocumentError` naming the file and,
where it matters, the page: not a PDF, encrypted with a password, damaged
beyond reading, or no text layer at all (a scan: the pages are listed). A
scanned page among text pages is a note. At most :data:`MAX_PAGES` pages are
read and at most :data:`MAX_SECONDS` seconds spent; past either the read stops
with an error naming the page reached. Files larger than :data:`MAX_PDF_BYTES`
are refused before opening.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

from govbudget.errors import DocumentError, MissingExtra
from govbudget.io._files import opened, sized_head
from govbudget.tables.recognize import Grid, GridCell, Line, Note, Page, Pages
from govbudget.tables.specs import match_title

if TYPE_CHECKING:
    from pdfplumber.page import Page as PlumberPage
    from pdfplumber.table import Table as PlumberTable

__all__ = ["MAX_PAGES", "MAX_PDF_BYTES", "MAX_SECONDS", "read_pdf"]

#: The most pages read from one PDF; the longest real disclosures have about 200.
MAX_PAGES: Final = 1000
#: The most seconds spent reading one PDF (about 0.1 s a page is usual).
MAX_SECONDS: Final = 120.0
#: The largest PDF opened, in bytes (256 MiB).
MAX_PDF_BYTES: Final = 256 * 1024 * 1024

# Two box edges closer than this (in points) are the same ruling line.
_SNAP: Final = 1.0
_AMOUNT: Final = re.compile(r"\d\.\d{2}\b")
_TEXT_STRATEGY: Final = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def _plumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtra("pdf", "pdfplumber", "reading PDF files") from None
    return pdfplumber


def read_pdf(
    document: str | os.PathLike[str] | bytes,
    *,
    source: str | None = None,
    max_pages: int = MAX_PAGES,
    max_seconds: float = MAX_SECONDS,  # float-ok: a time limit, not money
) -> Pages:
    """The pages of a PDF (a path or its bytes) as text lines and grids, with reading notes."""
    source = source or ("<bytes>" if isinstance(document, bytes) else str(document))
    if b"%PDF-" not in sized_head(document, source, MAX_PDF_BYTES, "MAX_PDF_BYTES"):
        raise DocumentError("not a PDF file (no %PDF- header)", source=source)
    pdfplumber = _plumber()
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(opened(document))
    except Exception as error:  # pdfminer raises many unrelated types on bad input
        raise _open_error(source, error) from None
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:
            raise _open_error(source, error) from None
        if count == 0:
            raise DocumentError("the PDF has no pages (damaged or truncated?)", source=source)
        if count > max_pages:
            raise DocumentError(
                f"{count} pages, more than the {max_pages} read (the limit MAX_PAGES)",
                source=source,
            )
        pages: list[Page] = []
        notes: list[Note] = []
        scanned: list[int] = []
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > max_seconds:
                raise DocumentError(
                    f"stopped at page {number} of {count}: reading took more than"
                    f" {max_seconds:g} s (the limit MAX_SECONDS)",
                    source=source,
                )
            try:
                read = _page(page, number)
            except Exception as error:
                notes.append(
                    Note(
                        f"{source} p. {number}",
                        f"该页无法读取（{type(error).__name__}），已跳过",
                        f"the page cannot be read ({type(error).__name__}: {error}); skipped",
                    )
                )
                continue
            if read is None:
                scanned.append(number)
                continue
            pages.append(read)
    if scanned and not pages:
        raise DocumentError(
            f"no text layer on any page ({_ranges(scanned)}): a scanned document;"
            " run OCR on it first",
            source=source,
        )
    if scanned:
        notes.append(
            Note(
                source,
                f"第 {_ranges(scanned)} 页没有文字层（扫描页），未读取",
                f"pages {_ranges(scanned)} have no text layer (scanned); not read",
            )
        )
    return Pages(pages, notes)


def _open_error(source: str, error: Exception) -> DocumentError:
    # pdfplumber wraps pdfminer's errors; the wrapped one is in args.
    names = [type(e).__name__ for e in (error, *error.args) if isinstance(e, BaseException)]
    name = names[-1]
    if any("Password" in n or "Encrypt" in n for n in names):
        return DocumentError(
            "the PDF is encrypted with a password; decrypt it first", source=source
        )
    return DocumentError(
        f"the PDF is damaged or truncated and cannot be opened ({name})", source=source
    )


def _ranges(numbers: Sequence[int]) -> str:
    """Page numbers as ranges: 1-3, 7."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def _page(page: PlumberPage, number: int) -> Page | None:
    """The page's blocks; ``None`` for a page with images but no text (a scan)."""
    if not page.chars:
        return None if page.images else Page(number, ())
    tables = page.find_tables()
    unruled = not tables and _has_title(page)
    if unruled:
        # A table printed without ruling lines: find its columns by the text's alignment.
        tables = page.find_tables(_TEXT_STRATEGY)
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox, strict=False)
    placed: list[tuple[float, int, Line | Grid]] = [  # float-ok: positions on the page
        (line["top"], 0, Line(line["text"]))
        for line in outside.extract_text_lines(return_chars=False)
    ]
    placed.extend((table.bbox[1], 1, _grid(table, unruled)) for table in tables)
    placed.sort(key=lambda item: (item[0], item[1]))
    return Page(number, tuple(block for _, _, block in placed))


def _edges(values: Iterator[float]) -> list[float]:  # float-ok: positions on the page
    result: list[float] = []  # float-ok
    for value in sorted(values):
        if not result or value - result[-1] > _SNAP:
            result.append(value)
    return result


def _span(start: float, end: float, edges: Sequence[float]) -> int:  # float-ok: positions
    return max(1, sum(1 for e in edges if start - _SNAP <= e < end - _SNAP))


def _has_title(page: PlumberPage) -> bool:
    """A page with a table title and amounts on several lines (not a table of contents)."""
    lines = (page.extract_text() or "").splitlines()
    titles = sum(1 for line in lines if match_title(line) is not None)
    amounts = sum(1 for line in lines if _AMOUNT.search(line))
    return 1 <= titles <= 2 and amounts >= 3


def _grid(table: PlumberTable, unruled: bool = False) -> Grid:
    boxes = [box for row in table.rows for box in row.cells if box is not None]
    lefts = _edges(box[0] for box in boxes)
    tops = _edges(box[1] for box in boxes)
    texts = table.extract()
    cells: list[list[GridCell | None]] = []
    for row, row_texts in zip(table.rows, texts, strict=True):
        line: list[GridCell | None] = []
        for box, text in zip(row.cells, row_texts, strict=True):
            if box is None:
                line.append(None)
                continue
            line.append(
                GridCell(
                    text or "",
                    rowspan=_span(box[1], box[3], tops),
                    colspan=_span(box[0], box[2], lefts),
                )
            )
        if unruled and all(cell is None or not cell.text for cell in line):
            continue  # the text strategy puts an empty row between lines of text
        cells.append(line)
    return Grid(cells)
