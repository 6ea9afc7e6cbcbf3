"""Disclosures rendered the way Word and WPS write them to PDF, to test the PDF reader on.

:func:`render_word_pdf` draws a :class:`~tests.disclosure_factory.Disclosure` with
reportlab's canvas, placing every run itself, as a word processor's PDF export does:

- mixed fonts: Chinese in a CJK font (STSong-Light), digits and Latin text in a Latin font
  (Times-Roman) set ``offset`` ems off the CJK baseline (a quarter em below by default: 4
  points in the 16-point 三号 type of the narrative), with the quarter-em gap Word leaves
  between the two scripts;
- a cover with the department's name in large type (wrapped when long) and
  "2024 年度部门决算" written with spaces;
- a table of contents with dotted leaders and page numbers;
- a running header on every page but the cover, and a footer with the page number
  ("- 3 -" or "第 3 页 共 30 页");
- tables ruled with thin filled rectangles, merged header cells (across and down), blank
  cells, long names wrapped in their cell, continued over pages with the header rows
  repeated; an empty table with its 本表无数据 statement, and one printed as a title and a
  statement only;
- tables on landscape pages: either a landscape page, or — as printing to PDF does — a
  portrait page turned with ``/Rotate 90`` and its content drawn turned, or a portrait page
  with the table printed sideways (no ``/Rotate``: the reader turns the page to read it);
- the narrative (说明) over several pages, its sentences broken across page ends.

:class:`Rendered` says where everything went (the page of each table and part), so that
tests can check the reader put it there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

from .disclosure_factory import Disclosure, Rows, Sheet

CJK = "STSong-Light"
LATIN = "Times-Roman"
PORTRAIT = (595.0, 842.0)
LANDSCAPE = (842.0, 595.0)
MARGIN = 72.0
CELL_PAD = 3.0


@dataclass
class _Op:
    """One drawing operation, in the page's own upright frame (points, y up)."""

    kind: Literal["text", "rect"]
    x: float
    y: float
    font: str = ""
    size: float = 0.0
    text: str = ""
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Page:
    size: tuple[float, float]
    turned: bool = False  # a portrait page with /Rotate 90 showing this landscape content
    sideways: bool = False  # a portrait page without /Rotate: the content is read turned
    ops: list[_Op] = field(default_factory=list)
    running: bool = True  # header and footer drawn


@dataclass(frozen=True)
class Rendered:
    """Where the renderer put things: the file, page count, pages of each table and part."""

    path: Path
    pages: int
    tables: dict[str, tuple[int, ...]]
    parts: dict[str, int]
    header: str
    turned: tuple[int, ...]
    sideways: tuple[int, ...]


def _is_latin(char: str) -> bool:
    return ord(char) < 128


def _runs(text: str) -> Iterator[tuple[bool, str]]:
    """The text cut into runs of one script: (latin, run)."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or _is_latin(text[i]) != _is_latin(text[start]):
            yield _is_latin(text[start]), text[start:i]
            start = i


_NO_START = frozenset("。，、；：？！）」”%")


class _Writer:
    """Measures and places mixed-script text the way a word processor does."""

    def __init__(self, offset: float) -> None:  # offset in ems of the font size
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
        self.metrics = pdfmetrics
        self.offset = offset

    def width(self, text: str, size: float) -> float:
        total = 0.0
        previous: bool | None = None
        for latin, run in _runs(text):
            if previous is not None and latin != previous and run.strip():
                total += size / 4  # the gap Word leaves between the scripts
            font = LATIN if latin else CJK
            total += self.metrics.stringWidth(run, font, size)
            previous = latin
        return total

    def place(self, page: _Page, x: float, y: float, text: str, size: float) -> None:
        """``text`` with its baseline at ``y``; the Latin runs ``offset`` ems higher."""
        previous: bool | None = None
        for latin, run in _runs(text):
            if previous is not None and latin != previous and run.strip():
                x += size / 4
            font = LATIN if latin else CJK
            if run.strip():
                shift = self.offset * size if latin else 0.0
                page.ops.append(_Op("text", x, y + shift, font, size, run))
            x += self.metrics.stringWidth(run, font, size)
            previous = latin

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """Lines of at most ``width``, broken between Chinese characters, never in a Latin run."""
        lines: list[str] = []
        line = ""
        for latin, run in _runs(text):
            pieces = [run] if latin else list(run)
            for piece in pieces:
                if line and self.width(line + piece, size) > width and piece not in _NO_START:
                    lines.append(line)
                    line = piece.lstrip()
                else:
                    line += piece
        if line:
            lines.append(line)
        return lines


class _Book:
    """The pages being laid out, with a cursor on the current one."""

    def __init__(self, writer: _Writer, text_size: float) -> None:
        self.writer = writer
        self.text_size = text_size
        self.pages: list[_Page] = []
        self.y = 0.0

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def new_page(
        self,
        size: tuple[float, float] = PORTRAIT,
        *,
        turned: bool = False,
        sideways: bool = False,
        running: bool = True,
    ) -> int:
        self.pages.append(_Page(size, turned, sideways, running=running))
        self.y = size[1] - MARGIN
        return len(self.pages)

    @property
    def bottom(self) -> float:
        return MARGIN

    def line(
        self, text: str, size: float = 10.5, *, align: str = "left", leading: float = 1.6
    ) -> None:
        width = self.page.size[0]
        if self.y - size * leading < self.bottom:
            self.new_page(self.page.size, turned=self.page.turned, sideways=self.page.sideways)
        self.y -= size * leading
        measured = self.writer.width(text, size)
        x = {
            "left": MARGIN,
            "center": (width - measured) / 2,
            "right": width - MARGIN - measured,
        }[align]
        self.writer.place(self.page, x, self.y, text, size)

    def paragraph(self, text: str, size: float | None = None) -> None:
        size = size or self.text_size
        first_indent = "\u3000\u3000"
        for line in self.writer.wrap(first_indent + text, size, self.page.size[0] - 2 * MARGIN):
            self.line(line.replace("\u3000", "  "), size)


def _spans(header: Rows, data: Rows) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) of each anchor cell → (rowspan, colspan); ``None`` covered left, "^" above."""
    grid = [list(r) for r in (*header, *data)]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None or cell == "^":
                continue
            c1 = c
            while c1 + 1 < len(row) and row[c1 + 1] is None:
                c1 += 1
            r1 = r
            while r1 + 1 < len(grid) and grid[r1 + 1][c] == "^":
                r1 += 1
            spans[(r, c)] = (r1 - r + 1, c1 - c + 1)
    return spans


class _TableLayout:
    """Column widths and row heights of one table at one font size."""

    def __init__(self, writer: _Writer, sheet: Sheet, width: float, size: float) -> None:
        self.writer, self.sheet, self.size = writer, sheet, size
        rows = (*sheet.header, *sheet.rows)
        columns = len(sheet.header[0])
        spans = _spans(sheet.header, sheet.rows)
        natural = [size * 3.0] * columns
        for (r, c), (_, colspan) in spans.items():
            text = rows[r][c] or ""
            if colspan == 1 and r >= len(sheet.header):
                natural[c] = max(natural[c], writer.width(text, size) + 2 * CELL_PAD)
        # names may wrap: no column wider than a third of the table
        natural = [min(n, width / 3) for n in natural]
        scale = width / sum(natural)
        self.widths = [n * scale for n in natural]
        self.spans = spans
        self.rows = rows

    def cell_lines(self, r: int, c: int) -> list[str]:
        colspan = self.spans[(r, c)][1]
        width = sum(self.widths[c : c + colspan]) - 2 * CELL_PAD
        return self.writer.wrap(self.rows[r][c] or "", self.size, width)

    def height(self, r: int) -> float:
        lines = max(
            (
                len(self.cell_lines(r, c))
                for (rr, c), (rowspan, _) in self.spans.items()
                if rr == r and rowspan == 1
            ),
            default=1,
        )
        return max(lines, 1) * self.size * 1.3 + 2 * CELL_PAD


def _draw_rows(
    book: _Book, layout: _TableLayout, rows: Sequence[int], x0: float, top: float
) -> float:
    """Rows ``rows`` of the table from ``top`` down; returns the bottom. Borders are thin rects."""
    heights = {r: layout.height(r) for r in rows}
    y_of: dict[int, float] = {}
    y = top
    for r in rows:
        y_of[r] = y
        y -= heights[r]
    bottom = y
    lefts = [x0 + sum(layout.widths[:c]) for c in range(len(layout.widths) + 1)]
    size = layout.size
    thin = 0.5
    for (r, c), (rowspan, colspan) in layout.spans.items():
        if r not in y_of:
            continue
        covered = [rr for rr in range(r, r + rowspan) if rr in y_of]
        cell_top = y_of[r]
        cell_bottom = y_of[covered[-1]] - heights[covered[-1]]
        left, right = lefts[c], lefts[c + colspan]
        page = book.page
        for x, y0, w, h in (
            (left, cell_top - thin / 2, right - left, thin),
            (left, cell_bottom - thin / 2, right - left, thin),
            (left - thin / 2, cell_bottom, thin, cell_top - cell_bottom),
            (right - thin / 2, cell_bottom, thin, cell_top - cell_bottom),
        ):
            page.ops.append(_Op("rect", x, y0, width=w, height=h))
        lines = layout.cell_lines(r, c)
        text_height = len(lines) * size * 1.3
        y = (cell_top + cell_bottom) / 2 + text_height / 2 - size
        numeric = all(ch.isdigit() or ch in ".,-" for ch in (layout.rows[r][c] or "x"))
        for line in lines:
            width = book.writer.width(line, size)
            x = right - CELL_PAD - width if numeric else left + CELL_PAD
            if r < len(layout.sheet.header):
                x = (left + right - width) / 2
            book.writer.place(page, x, y, line, size)
            y -= size * 1.3
    return bottom


def _table(
    book: _Book,
    sheet: Sheet,
    *,
    size: tuple[float, float],
    turned: bool,
    sideways: bool,
    title_only: bool,
) -> tuple[int, ...]:
    """A table from a new page, continued over pages with its header repeated; its pages."""
    first = book.new_page(size, turned=turned, sideways=sideways)
    book.line(sheet.title, 16, align="center", leading=2.0)
    book.line(sheet.unit, 9, align="right")
    if title_only:
        book.line(sheet.statement or "本表无数据。", 10.5)
        return (first,)
    width = size[0] - 2 * MARGIN
    layout = _TableLayout(book.writer, sheet, width, 8.0)
    header = list(range(len(sheet.header)))
    body = list(range(len(sheet.header), len(layout.rows)))
    top = book.y - 6
    pages = [first]
    while True:
        room = top - book.bottom - sum(layout.height(r) for r in header)
        take: list[int] = []
        for r in body:
            if sum(layout.height(t) for t in take) + layout.height(r) > room:
                break
            take.append(r)
        book.y = _draw_rows(book, layout, header + take, MARGIN, top)
        body = body[len(take) :]
        if not body:
            break
        pages.append(book.new_page(size, turned=turned, sideways=sideways))
        top = book.y
    if sheet.statement:
        book.line(sheet.statement, 10.5)
    return tuple(pages)


def _final_narrative(doc: Disclosure) -> list[tuple[str, bool]]:
    """The 说明 as (text, is heading): the document's own, then a line-by-line execution part."""
    out: list[tuple[str, bool]] = []
    for text in doc.narrative:
        heading = text.startswith(("第", "一、", "二、", "三、", "四、", "五、"))
        out.append((text, heading))
    general = doc.sheet("一般公共预算财政拨款支出决算表")
    out.append(("五、一般公共预算财政拨款支出决算情况说明", True))
    for row in general.rows:
        code, name, total = row[0], row[1], row[2]
        if not code or not code[:1].isdigit() or len(code) != 7 or total is None:
            continue
        final = Decimal(total.replace(",", ""))
        budget = (final * Decimal("1.08")).quantize(Decimal("0.01"))
        rate = (final / budget * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out.append(
            (
                f"{name}（项）：年初预算为{budget}万元，支出决算为{final}万元，"
                f"完成年初预算的{rate}%。支出少于年初预算，主要是本年勤俭办事、削减了非必要的日常开支。",
                False,
            )
        )
    return out


def render_word_pdf(
    doc: Disclosure,
    path: Path,
    *,
    department: str | None = None,
    offset: float = -0.25,
    text_size: float = 16.0,
    footer: Literal["dash", "of"] = "dash",
    turned: Sequence[str] = ("财政拨款收入支出决算总表",),
    sideways: Sequence[str] = ("一般公共预算财政拨款基本支出决算表",),
    title_only: Sequence[str] = ("国有资本经营预算财政拨款收入支出决算表",),
) -> Rendered:
    """``doc`` as Word writes it to PDF (see the module docstring).

    ``department`` replaces the document's name on the cover and in the header;
    ``turned`` names the tables printed on portrait pages turned with /Rotate 90,
    ``sideways`` those printed turned on portrait pages without /Rotate (read
    with the head turned), the others are on landscape pages; ``title_only``
    the empty tables printed as a title and a statement, without a grid.
    """
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    rl_config.invariant = 1  # the same bytes on every run
    writer = _Writer(offset)
    book = _Book(writer, text_size)
    name = department or doc.department
    header = f"{name}{doc.year}年度部门决算"
    parts: dict[str, int] = {}
    tables: dict[str, tuple[int, ...]] = {}

    book.new_page(running=False)
    book.y = 842 - 250
    for line in writer.wrap(name, 30, 595 - 2 * MARGIN - 60):
        book.line(line, 30, align="center", leading=1.5)
    book.line(f"{doc.year} 年度部门决算", 30, align="center", leading=2.0)

    book.new_page()
    toc_page = len(book.pages)
    book.line("目    录", 16, align="center", leading=2.0)
    toc_at = len(book.page.ops)

    parts["第一部分"] = book.new_page()
    book.line(f"第一部分 {name}概况", 14, align="center", leading=2.0)
    book.line("一、主要职能", 12)
    book.paragraph(
        "贯彻执行国家和本市有关规划和自然资源管理的法律、法规和方针政策，拟订本区相关管理制度并组织实施；"
        "负责本区自然资源调查监测评价和统一确权登记工作；负责国土空间规划的编制和实施监督。"
    )
    book.line("二、部门决算单位构成", 12)
    book.paragraph(f"{name}{doc.year}年度部门决算由局本级和所属事业单位共2家单位的决算汇总而成。")

    parts["第二部分"] = len(book.pages) + 1
    for sheet in doc.sheets:
        tables[sheet.title] = _table(
            book,
            sheet,
            size=LANDSCAPE,
            turned=sheet.title in turned,
            sideways=sheet.title in sideways,
            title_only=sheet.title in title_only,
        )

    parts["第三部分"] = book.new_page()
    for text, heading in _final_narrative(doc):
        if heading:
            book.line(text, text_size, leading=1.8)
        else:
            book.paragraph(text)
    parts["第四部分"] = book.new_page()
    book.line("第四部分 名词解释", 14, align="center", leading=2.0)
    book.paragraph("财政拨款收入：指本级财政当年拨付的资金。")
    book.paragraph("基本支出：单位为维持日常运转、开展经常性工作而花的钱，包括人员经费和公用经费。")

    # the table of contents, now that the pages are known
    entries: list[tuple[str, int]] = [
        (f"第一部分 {name}概况", parts["第一部分"]),
        (f"第二部分 {name}{doc.year}年度部门决算表", parts["第二部分"]),
        *((f"{_numeral(i + 1)}、{s.title}", tables[s.title][0]) for i, s in enumerate(doc.sheets)),
        (f"第三部分 {name}{doc.year}年度部门决算情况说明", parts["第三部分"]),
        ("第四部分 名词解释", parts["第四部分"]),
    ]
    toc = _Page(PORTRAIT)
    y = 842 - MARGIN - 16 * 2.0
    for text, number in entries:
        y -= 10.5 * 1.8
        writer.place(toc, MARGIN, y, text, 10.5)
        start = MARGIN + writer.width(text, 10.5) + 6
        end = 595 - MARGIN - writer.width(str(number), 10.5) - 6
        dot = 10.5 * 0.5
        x = start
        while x + dot <= end:
            toc.ops.append(_Op("text", x, y + offset * 10.5, LATIN, 10.5, "."))
            x += dot
        writer.place(toc, 595 - MARGIN - writer.width(str(number), 10.5), y, str(number), 10.5)
    book.pages[toc_page - 1].ops[toc_at:toc_at] = toc.ops

    total = len(book.pages)
    canvas = Canvas(str(path), pagesize=PORTRAIT)
    canvas.setTitle(header)
    for number, page in enumerate(book.pages, start=1):
        width, height = page.size
        if page.running:
            writer.place(page, (width - writer.width(header, 9)) / 2, height - 40, header, 9)
            page.ops.append(_Op("rect", MARGIN, height - 46, width=width - 2 * MARGIN, height=0.5))
            mark = f"- {number} -" if footer == "dash" else f"第 {number} 页 共 {total} 页"
            writer.place(page, (width - writer.width(mark, 9)) / 2, 36, mark, 9)
        if page.turned or page.sideways:
            # reportlab takes the size as shown and writes the portrait MediaBox under /Rotate
            canvas.setPageSize(page.size if page.turned else (height, width))
            canvas.setPageRotation(90 if page.turned else 0)
            canvas.saveState()
            # landscape content (X right, Y up) onto the portrait page, turned a quarter
            canvas.transform(0, 1, -1, 0, height, 0)
        else:
            canvas.setPageSize(page.size)
            canvas.setPageRotation(0)
            canvas.saveState()
        for op in page.ops:
            if op.kind == "rect":
                canvas.rect(op.x, op.y, op.width, op.height, stroke=0, fill=1)
            else:
                canvas.setFont(op.font, op.size)
                canvas.drawString(op.x, op.y, op.text)
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    turned_pages = tuple(n for n, p in enumerate(book.pages, start=1) if p.turned)
    sideways_pages = tuple(n for n, p in enumerate(book.pages, start=1) if p.sideways)
    return Rendered(path, total, tables, parts, header, turned_pages, sideways_pages)


_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]
