"""Read the pages of a PDF disclosure into text lines and table grids (needs the ``pdf`` extra).

PDFium (through pypdfium2) gives each page's characters with their boxes and
the page's ruling lines (path objects: stroked lines and rectangles, thin
filled rectangles — the borders Word and WPS draw); :mod:`govbudget.tables.layout`
rebuilds the text lines and the ruled tables from them, and the running
headers, footers and page numbers are set apart. Each page becomes a
:class:`~govbudget.tables.recognize.Page`. Pages are read as they are shown: a
page with a ``/Rotate`` is turned, and a page whose text is printed turned (a
landscape table on a portrait page) is read in the text's direction.

Bad input gets a :class:`~govbudget.errors.DocumentError` naming the file and,
where it matters, the page: not a PDF, encrypted with a password, damaged
beyond reading, or no text layer at all (a scan: the pages are listed). A
scanned page among text pages is a note, and so are characters printed
outside the page. At most :data:`MAX_PAGES` pages are read and at most
:data:`MAX_SECONDS` seconds spent; past either the read stops with an error
naming the page reached. Files larger than :data:`MAX_PDF_BYTES` are refused
before opening.

Every page goes through :func:`_contents`, the one loop over a document's
pages, and every page object through :func:`_objects`: limits belong there.
"""

from __future__ import annotations

import ctypes
import math
import os
import time
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Final, NamedTuple

from govbudget.errors import DocumentError, MissingExtra
from govbudget.io._files import open_regular, sized_head, warning_notes
from govbudget.io._inflate import MAX_FILTERS, MAX_INFLATED_BYTES, check_streams
from govbudget.page import Note, Page, Pages
from govbudget.tables.layout import THIN, Char, Layout, Rule, lay_out, margins, to_page

__all__ = [
    "MAX_FILTERS",
    "MAX_INFLATED_BYTES",
    "MAX_PAGES",
    "MAX_PDF_BYTES",
    "MAX_SECONDS",
    "read_pdf",
]

#: The most pages read from one PDF; the longest real disclosures have about 200.
MAX_PAGES: Final = 1000
#: The most seconds spent reading one PDF (about 0.01 s a page is usual).
MAX_SECONDS: Final = 120.0
#: The largest PDF opened, in bytes (256 MiB).
MAX_PDF_BYTES: Final = 256 * 1024 * 1024

# PDFium's page object types (fpdf_edit.h).
_TEXT: Final = 1
_PATH: Final = 2
_IMAGE: Final = 3
_FORM: Final = 5
# PDFium's path segment types (fpdf_edit.h).
_LINETO: Final = 0
_MOVETO: Final = 2
# Page objects nested in forms deeper than this are not looked into (a loop in a damaged file).
_MAX_DEPTH: Final = 8

# A 2-D affine matrix (a, b, c, d, e, f), as PDF writes it.
_Matrix = tuple[float, float, float, float, float, float]  # float-ok: positions on the page
_IDENTITY: Final[_Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _pdfium() -> Any:
    try:
        import pypdfium2  # type: ignore[import-untyped]
        import pypdfium2.raw  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtra("pdf", "pypdfium2", "reading PDF files") from None
    return pypdfium2


class _Content(NamedTuple):
    """What one page holds, in its display frame: characters, ruling lines, images, size."""

    chars: list[Char]
    rules: list[Rule]
    images: int
    outside: list[Char]
    height: float  # float-ok: positions on the page
    unread: int = 0  # text objects PDFium reads no text from


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
    if not isinstance(document, bytes):
        with open_regular(document, source) as stream:
            document = stream.read(MAX_PDF_BYTES + 1)
    # PDFium inflates a stream whole, in C: measure what the streams inflate to first.
    check_streams(document, source)
    pdfium = _pdfium()
    with warnings.catch_warnings(record=True) as caught:
        # What pypdfium2 warns of is a note of the reading, not text on the terminal.
        warnings.simplefilter("always")
        try:
            pdf = pdfium.PdfDocument(document)
        except pdfium.PdfiumError as error:
            raise _open_error(source, error) from None
        try:
            read = _read(pdf, source, max_pages, max_seconds)
        finally:
            pdf.close()
    return Pages(read.pages, (*read.notes, *warning_notes(caught, source)))


def _read(pdf: Any, source: str, max_pages: int, max_seconds: float) -> Pages:  # float-ok
    layouts: list[tuple[int, Layout, float]] = []  # float-ok: page heights
    notes: list[Note] = []
    scanned: list[int] = []
    for number, content in _contents(pdf, source, max_pages, max_seconds, notes):
        if content.unread:
            notes.append(
                Note(
                    f"{source} p. {number}",
                    f"该页有 {content.unread} 处文字 PDFium 读不出（字体未嵌入且本机无可替代的字体？），"
                    "这些字符未读取",
                    f"{content.unread} pieces of text on the page have no text PDFium can read (a"
                    " font not embedded, and none on this machine to stand in for it?); those"
                    " characters are not read",
                )
            )
        if not content.chars and not content.outside:
            if content.images:
                scanned.append(number)
            else:
                layouts.append((number, Layout((), ()), content.height))
            continue
        if content.outside:
            shown = "".join(c.text for c in content.outside[:20])
            notes.append(
                Note(
                    f"{source} p. {number}",
                    f"{len(content.outside)} 个字符印在页面以外（“{shown}”），未读取",
                    f"{len(content.outside)} characters are printed outside the page"
                    f" ({shown!r}); not read",
                )
            )
        layouts.append((number, lay_out(content.chars, content.rules), content.height))
    if scanned and not layouts:
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
    running = margins([layout for _, layout, _ in layouts], [h for _, _, h in layouts])
    pages: list[Page] = [
        to_page(number, layout, marked)
        for (number, layout, _), marked in zip(layouts, running, strict=True)
    ]
    return Pages(pages, notes)


def _contents(
    pdf: Any,
    source: str,
    max_pages: int,
    max_seconds: float,  # float-ok: a time limit
    notes: list[Note],
) -> Iterator[tuple[int, _Content]]:
    """Each page's content, in order: the one loop over the pages, where the limits are."""
    started = time.monotonic()
    deadline = _Deadline(started + max_seconds, max_seconds, source)
    count = len(pdf)
    if count == 0:
        raise DocumentError("the PDF has no pages (damaged or truncated?)", source=source)
    if count > max_pages:
        raise DocumentError(
            f"{count} pages, more than the {max_pages} read (the limit MAX_PAGES)", source=source
        )
    for index in range(count):
        number = index + 1
        deadline.page = f"page {number} of {count}"
        deadline.check()
        try:
            page = pdf[index]
        except Exception as error:  # PDFium fails a damaged page with PdfiumError
            notes.append(_unreadable(source, number, error))
            continue
        try:
            content = _content(page, deadline)
        except DocumentError:  # the time limit, inside the page
            raise
        except Exception as error:
            notes.append(_unreadable(source, number, error))
            continue
        finally:
            page.close()
        yield number, content


def _unreadable(source: str, number: int, error: Exception) -> Note:
    return Note(
        f"{source} p. {number}",
        f"该页无法读取（{type(error).__name__}），已跳过",
        f"the page cannot be read ({type(error).__name__}: {error}); skipped",
    )


class _Frame:
    """Turns page coordinates (PDF user space, y up) into the display frame (y down)."""

    def __init__(self, box: Sequence[float], rotation: int) -> None:  # float-ok
        self.left, self.bottom, self.right, self.top = box
        self.rotation = rotation % 360
        width, height = self.right - self.left, self.top - self.bottom
        self.width, self.height = (height, width) if self.rotation in (90, 270) else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:  # float-ok: positions
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(
        self,
        left: float,  # float-ok: positions on the page
        bottom: float,  # float-ok
        right: float,  # float-ok
        top: float,  # float-ok
    ) -> tuple[float, float, float, float]:  # float-ok
        """(x0, top, x1, bottom) in the display frame of a box in page coordinates."""
        x0, y0 = self.point(left, bottom)
        x1, y1 = self.point(right, top)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _turned(
    box: tuple[float, float, float, float],  # float-ok: positions on the page
    quarter: int,
    width: float,  # float-ok
    height: float,  # float-ok
) -> tuple[float, float, float, float]:  # float-ok
    """A display-frame box in the frame of text turned ``quarter`` quarter turns clockwise."""
    x0, top, x1, bottom = box
    if quarter == 1:  # text running down the page: its "up" is the page's right
        return top, width - x1, bottom, width - x0
    if quarter == 2:
        return width - x1, height - bottom, width - x0, height - top
    if quarter == 3:  # text running up the page
        return height - bottom, x0, height - top, x1
    return box


class _Deadline:
    """The time limit of one PDF, checked between pages and every few thousand steps within
    one: a single page of a million objects or characters must not outlast it."""

    EVERY: Final = 4096

    def __init__(self, at: float, seconds: float, source: str) -> None:  # float-ok: times
        self.at, self.seconds, self.source, self.page = at, seconds, source, "page 1"

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise DocumentError(
                f"stopped at {self.page}: reading took more than {self.seconds:g} s (the limit"
                " MAX_SECONDS)",
                source=self.source,
            )


def _content(page: Any, deadline: _Deadline | None = None) -> _Content:
    import pypdfium2.raw as pdfium_c

    frame = _Frame(page.get_cropbox(), page.get_rotation())
    rules: list[Rule] = []
    images = unread = 0
    bounds = _Bounds()
    textpage = page.get_textpage()
    try:
        text_length = pdfium_c.FPDFTextObj_GetText
        for seen, (kind, obj, matrix) in enumerate(_objects(page.raw, pdfium_c)):
            if deadline is not None and not seen % _Deadline.EVERY:
                deadline.check()
            if kind == _TEXT:
                # the bytes of its text with the closing NUL: 2 for a text PDFium reads nothing
                # from (a font it has no glyphs for, nothing to substitute it with)
                unread += text_length(obj, textpage.raw, None, 0) <= 2
            elif kind == _IMAGE:
                images += 1
            elif kind == _PATH:
                rules.extend(_rules(obj, matrix, frame, pdfium_c, bounds))
        chars, outside, quarter = _characters(textpage.raw, frame, pdfium_c, deadline)
    finally:
        textpage.close()
    width, height = frame.width, frame.height
    if quarter:
        chars = [
            Char(c.text, *_turned((c.x0, c.top, c.x1, c.bottom), quarter, width, height))
            for c in chars
        ]
        rules = [
            Rule(*_turned((r.x0, r.top, r.x1, r.bottom), quarter, width, height)) for r in rules
        ]
    return _Content(chars, rules, images, outside, width if quarter % 2 else height, unread)


_TYPED_SPACES: Final = frozenset(" \u3000\u00a0")
# A character made without the named tuple's Python-level constructor (once a character).
_new_char: Final = tuple.__new__
# How many characters of a page are asked their direction (PDFium answers one at a time).
_SAMPLED: Final = 48


def _characters(
    textpage: Any, frame: _Frame, pdfium_c: Any, deadline: _Deadline | None = None
) -> tuple[list[Char], list[Char], int]:
    """The page's printed characters (not spaces) in the display frame, those printed
    outside the page, and the text's direction.

    PDFium lists the spaces and line ends it infers as characters too; they
    are skipped — the layout puts its own spaces and line ends from the boxes.
    The direction is the quarter turns (clockwise, as shown) of most of a
    sample of the characters: 0 for upright text, 1 for a landscape table
    printed on a portrait page reading down. This is the reader's innermost
    loop (one PDFium call a character), so it is written flat.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], [], 0
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B")[: 2 * max(written - 1, 0)]).decode(
        "utf-16-le", errors="replace"
    )
    if len(text) != count:  # characters outside the BMP, or a gap: one at a time
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    # the box read back as four floats at once (left, top, right, bottom): one struct read
    # instead of four attribute lookups, in the loop over every character
    box = memoryview(rect).cast("B").cast("f")
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    generated = pdfium_c.FPDFText_IsGenerated
    upright = frame.rotation == 0
    left, top = frame.left, frame.top
    # bounds of a character's doubled middle (x0 + x1, top + bottom): within a point of the page
    width2, height2 = 2 * frame.width + 2, 2 * frame.height + 2
    step = max(1, count // _SAMPLED)
    chars: list[Char] = []
    outside: list[Char] = []
    every = _Deadline.EVERY
    for index, char in enumerate(text):
        if deadline is not None and not index % every:
            deadline.check()
        if char <= " " or char.isspace() or char in "\ufffe\uffff":
            # a space the document types is kept (PDFium adds its own where gaps are wide)
            if char not in _TYPED_SPACES or generated(textpage, index):
                continue
            char = " "
        if not loose_box(textpage, index, rect):
            continue
        b_left, b_top, b_right, b_bottom = box
        if upright:
            x0, y0, x1, y1 = b_left - left, top - b_top, b_right - left, top - b_bottom
        else:
            x0, y0, x1, y1 = frame.box(b_left, b_bottom, b_right, b_top)
        placed = _new_char(Char, (char, x0, y0, x1, y1))
        if -2 <= x0 + x1 <= width2 and -2 <= y0 + y1 <= height2:
            chars.append(placed)
        else:
            outside.append(placed)
    sample = range(0, count, step)
    turns = Counter(
        (round(math.degrees(max(pdfium_c.FPDFText_GetCharAngle(textpage, i), 0)) / 90))
        for i in sample
        if text[i] > " " and not text[i].isspace()
    )
    quarter = (turns.most_common(1)[0][0] + frame.rotation // 90) % 4 if turns else 0
    return chars, outside, quarter


def _objects(page: Any, pdfium_c: Any) -> Iterator[tuple[int, Any, _Matrix]]:
    """Every object of a page, forms looked into, with the matrix of the forms around it."""
    stack: list[tuple[Any, bool, _Matrix, int]] = [(page, True, _IDENTITY, 0)]
    while stack:
        holder, is_page, matrix, depth = stack.pop()
        count = (
            pdfium_c.FPDFPage_CountObjects(holder)
            if is_page
            else pdfium_c.FPDFFormObj_CountObjects(holder)
        )
        get = pdfium_c.FPDFPage_GetObject if is_page else pdfium_c.FPDFFormObj_GetObject
        for i in range(max(count, 0)):
            obj = get(holder, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == _FORM and depth < _MAX_DEPTH:
                stack.append((obj, False, _times(_matrix(obj, pdfium_c), matrix), depth + 1))
            yield kind, obj, matrix


def _matrix(obj: Any, pdfium_c: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying ``inner`` then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _apply(matrix: _Matrix, x: float, y: float) -> tuple[float, float]:  # float-ok: positions
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


class _Bounds:
    """The four floats PDFium writes a path's bounds into, made once a page."""

    def __init__(self) -> None:
        self.values = [ctypes.c_float() for _ in range(4)]
        self.refs = [ctypes.byref(v) for v in self.values]


def _rules(
    obj: Any, forms: _Matrix, frame: _Frame, pdfium_c: Any, bounds: _Bounds | None = None
) -> list[Rule]:
    """The ruling lines a path draws: a thin box is a line, a stroked path gives its edges."""
    # once a path (Word draws every border as a thin filled box): written flat
    bounds = bounds or _Bounds()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds.refs):
        return []
    left, bottom, right, top = (v.value for v in bounds.values)
    if forms is not _IDENTITY:
        left, bottom = _apply(forms, left, bottom)
        right, top = _apply(forms, right, top)
    ax, ay = frame.point(left, bottom)
    bx, by = frame.point(right, top)
    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
    y0, y1 = (ay, by) if ay <= by else (by, ay)
    if x1 - x0 <= THIN or y1 - y0 <= THIN:
        if x1 - x0 <= THIN and y1 - y0 <= THIN:
            return []  # a dot
        return [Rule(x0, y0, x1, y1)]
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value:
        return []  # a filled area: cell shading or a background, not a ruling
    matrix = _times(_matrix(obj, pdfium_c), forms)
    rules: list[Rule] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = frame.point(*_apply(matrix, x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == _LINETO and current is not None:
            rules.extend(_edge(current, point))
        if kind == _MOVETO:
            start = point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            rules.extend(_edge(current, start))
            current = start
    return rules


def _edge(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:  # float-ok: positions
    """The edge from ``a`` to ``b`` if it runs across or down the page."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    if (x1 - x0 <= 0.5) != (y1 - y0 <= 0.5):
        return [Rule(x0, y0, x1, y1)]
    return []


def _open_error(source: str, error: Exception) -> DocumentError:
    if "password" in str(error).lower():
        return DocumentError(
            "the PDF is encrypted with a password; decrypt it first", source=source
        )
    return DocumentError(
        f"the PDF is damaged or truncated and cannot be opened ({error})", source=source
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
