"""Page layout: characters and ruling lines into text lines and grids, in reading order.

Pure geometry over what the PDF reader (:mod:`govbudget.io.pdf`) found on a
page — each character with its box, each ruling line — in the page's display
frame (points, origin top left, y growing down). :func:`lay_out` gives the
page's text lines and grids, each with its position, and :func:`to_page` the
:class:`~govbudget.tables.recognize.Page` that the table recogniser reads.

Lines are rebuilt from the characters' boxes, not from the PDF's text order:
characters belong to one line when their vertical middles are within half a
character height of the line's first character. Word and WPS set digits and
Latin text in a Latin font whose baseline sits a few points off the CJK
baseline (the document grid centres each font in the line); a tighter
tolerance breaks such a sentence in the middle of a number's clause. A space
is put where the document types one, or where the gap between two characters
is wider than a third of their height (not the quarter em Word and WPS leave
between CJK and Latin text); a run of leader dots (a table of contents)
becomes "……".

Ruled tables are found from the ruling lines: horizontal and vertical lines
that cross form one table; the distinct line positions cut it into atomic
cells, and two neighbouring cells without a line between them are one merged
cell (its row and column span). Each character inside the table goes to the
cell its middle falls in. A box with one cell (a framed paragraph) is text,
not a table. A page with a table title, amounts on several lines and no ruled
table gets its columns from the alignment of the text (a table printed
without lines).

Nothing is lost: every character of the page is in exactly one line or one
cell (:func:`characters` counts them), or, printed outside the page, reported
by the reader.

>>> chars = [Char(t, 10.0 * i, 100.0, 10.0 * i + 10, 110.0) for i, t in enumerate("收入")]
>>> chars += [Char(t, 20.0 + 6 * i, 97.0, 26.0 + 6 * i, 107.0) for i, t in enumerate("12.50")]
>>> [line.text for line in lay_out(chars, ()).lines]
['收入12.50']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from govbudget.page import Grid, GridCell, Line, Page
from govbudget.tables.specs import match_title, normalize_text

__all__ = [
    "Char",
    "Layout",
    "PlacedGrid",
    "PlacedLine",
    "Rule",
    "characters",
    "lay_out",
    "margins",
    "to_page",
]


class Char(NamedTuple):
    """One printed character and its box (points, display frame, y down)."""

    text: str
    x0: float  # float-ok: positions on the page
    top: float  # float-ok
    x1: float  # float-ok
    bottom: float  # float-ok


class Rule(NamedTuple):
    """A ruling line: horizontal when ``top == bottom``, vertical when ``x0 == x1``."""

    x0: float  # float-ok: positions on the page
    top: float  # float-ok
    x1: float  # float-ok
    bottom: float  # float-ok


class PlacedLine(NamedTuple):
    """A text line with its box."""

    text: str
    x0: float  # float-ok: positions on the page
    top: float  # float-ok
    x1: float  # float-ok
    bottom: float  # float-ok


class PlacedGrid(NamedTuple):
    """A grid with the top of its ruling (where it sits among the lines)."""

    grid: Grid
    top: float  # float-ok: positions on the page


class Layout(NamedTuple):
    """A page's lines and grids, each with its position.

    ``folded`` counts the characters read but not kept as printed: leader dots
    written "……", a character printed twice a hair apart (a font's fake bold).
    """

    lines: tuple[PlacedLine, ...]
    grids: tuple[PlacedGrid, ...]
    folded: int = 0


# A character joins a line when its middle is within this share of its height of the line's.
_JOIN: Final = 0.5
# A gap wider than this share of the characters' height is a space.
_SPACE: Final = 0.3
# Characters of one word of a table printed without lines are closer than this share (an em).
_WORD_GAP: Final = 0.9
# Ruling positions closer than this (points) are one line: double borders, rounding.
_SNAP: Final = 2.5
# A ruling box thinner than this (points) is a line, not a rectangle.
THIN: Final = 3.0
# How far (points) a ruling line may fall short of the cell edge it closes.
_REACH: Final = 2.0
_LEADER: Final = re.compile(r"(?:[ \t]*[.．·•…‧・⋯]){4,}[ \t]*")
_AMOUNT: Final = re.compile(r"\d\.\d{2}\b")
_PAGE_NUMBER: Final = re.compile(
    r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_DIGITS: Final = re.compile(r"\d+")
_UNIT_LINE: Final = re.compile(r"单位[:：]")
_WHITESPACE: Final = re.compile(r"\s+")


def _height(char: Char) -> float:  # float-ok: positions on the page
    return max(char.bottom - char.top, 1.0)


def _bands(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into lines by their vertical middles, top line first."""
    # the innermost loop of the reader (every character): written flat, no calls
    keyed = sorted(((c.top + c.bottom) / 2, i, c) for i, c in enumerate(chars))
    bands: list[list[Char]] = []
    band: list[Char] = []
    anchor = size = 0.0  # float-ok: positions on the page
    for middle, _, char in keyed:
        height = char.bottom - char.top
        if height < 1.0:
            height = 1.0
        if band and middle - anchor <= _JOIN * (size if size > height else height):
            band.append(char)
            if height > size:
                size = height
            continue
        band = [char]
        bands.append(band)
        anchor, size = middle, height
    return bands


def _text(band: Sequence[Char]) -> str:
    """The characters of one line, left to right, with spaces where the gaps are wide."""
    parts: list[str] = []
    previous: Char | None = None
    space = False
    for char in band:
        if char.text == " ":
            space = True
            continue
        if previous is not None:
            height = char.bottom - char.top
            if previous.bottom - previous.top > height:
                height = previous.bottom - previous.top
            if char.text == previous.text and abs(char.x0 - previous.x0) < _SPACE * height:
                continue  # printed twice a hair apart: the "bold" of a font without a bold face
            if space or char.x0 - previous.x1 > _SPACE * height:
                parts.append(" ")
        parts.append(char.text)
        previous, space = char, False
    text = "".join(parts)
    return (_LEADER.sub("……", text) if "." in text or "…" in text or "·" in text else text).strip()


def _placed(band: list[Char]) -> PlacedLine:
    band.sort(key=_x0)
    top = min(c.top for c in band)
    bottom = max(c.bottom for c in band)
    return PlacedLine(_text(band), band[0].x0, top, max(c.x1 for c in band), bottom)


def _x0(char: Char) -> float:  # float-ok: positions on the page
    return char.x0


# -- ruled tables ---------------------------------------------------------------


class _Segment(NamedTuple):
    at: float  # float-ok: the line's position across its run
    start: float  # float-ok
    end: float  # float-ok


def _merged(segments: Iterable[_Segment]) -> list[_Segment]:
    """Segments at one position (within the snap) joined where they touch or overlap."""
    result: list[_Segment] = []
    for segment in sorted(segments, key=lambda s: (s.at, s.start)):
        index = len(result) - 1
        while index >= 0 and segment.at - result[index].at <= _SNAP:
            last = result[index]
            if segment.start <= last.end + _SNAP:
                result[index] = _Segment(last.at, last.start, max(last.end, segment.end))
                break
            index -= 1
        else:
            result.append(segment)
    return result


def _positions(values: Iterable[float]) -> list[float]:  # float-ok: positions on the page
    """Distinct positions: values within the snap of the previous one are the same line."""
    result: list[float] = []  # float-ok
    for value in sorted(values):
        if not result or value - result[-1] > _SNAP:
            result.append(value)
    return result


def _closed(runs: Sequence[_Segment], positions: Sequence[float]) -> list[bool]:  # float-ok
    """For each span between neighbouring ``positions``, whether one of the ruling ``runs`` at
    one position closes it: runs from ``start`` to ``end`` close the spans they reach over,
    within :data:`_REACH` at either end."""
    closed = [False] * (len(positions) - 1)
    for run in runs:
        first = bisect_left(positions, run.start - _REACH)
        last = bisect_right(positions, run.end + _REACH) - 1
        for i in range(first, last):
            closed[i] = True
    return closed


class _Table:
    """One ruled table: its line positions, merged cells, and the characters in them."""

    def __init__(self, horizontals: list[_Segment], verticals: list[_Segment]) -> None:
        self.ys = _positions(s.at for s in horizontals)
        self.xs = _positions(s.at for s in verticals)
        rows, cols = len(self.ys) - 1, len(self.xs) - 1
        across: list[list[_Segment]] = [[] for _ in self.ys]
        down: list[list[_Segment]] = [[] for _ in self.xs]
        for s in horizontals:
            across[self._nearest(self.ys, s.at)].append(s)
        for s in verticals:
            down[self._nearest(self.xs, s.at)].append(s)
        # where a ruling closes the edge between two atomic cells: closed_down[c][r] for the
        # edge left of column c in row r, closed_across[r][c] for the edge above row r
        closed_down = [_closed(runs, self.ys) for runs in down]
        closed_across = [_closed(runs, self.xs) for runs in across]
        parent = list(range(rows * cols))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for r in range(rows):
            for c in range(cols):
                here = r * cols + c
                if c + 1 < cols and not closed_down[c + 1][r]:
                    parent[find(here + 1)] = find(here)
                if r + 1 < rows and not closed_across[r + 1][c]:
                    parent[find(here + cols)] = find(here)
        groups: dict[int, list[int]] = {}
        for i in range(rows * cols):
            groups.setdefault(find(i), []).append(i)
        self.rows, self.cols = rows, cols
        self.cell_of = [0] * (rows * cols)
        self.spans: list[tuple[int, int, int, int]] = []  # r0, c0, r1, c1 of each cell
        for members in groups.values():
            r0 = min(i // cols for i in members)
            r1 = max(i // cols for i in members)
            c0 = min(i % cols for i in members)
            c1 = max(i % cols for i in members)
            if (r1 - r0 + 1) * (c1 - c0 + 1) == len(members):
                self._add(members, (r0, c0, r1, c1))
            else:  # not a rectangle: each atomic cell stands alone
                for i in members:
                    self._add([i], (i // cols, i % cols, i // cols, i % cols))
        self.chars: list[list[Char]] = [[] for _ in self.spans]

    def _add(self, members: list[int], span: tuple[int, int, int, int]) -> None:
        for i in members:
            self.cell_of[i] = len(self.spans)
        self.spans.append(span)

    @staticmethod
    def _nearest(positions: list[float], value: float) -> int:  # float-ok
        index = bisect_right(positions, value)
        if index == len(positions) or (
            index > 0 and value - positions[index - 1] <= positions[index] - value
        ):
            return index - 1
        return index

    @property
    def top(self) -> float:  # float-ok: positions on the page
        return self.ys[0]

    def put(self, char: Char, x: float, y: float) -> None:  # float-ok: its middle
        # once a character: comparisons, not min()/max()
        r = bisect_right(self.ys, y) - 1
        r = 0 if r < 0 else self.rows - 1 if r >= self.rows else r
        c = bisect_right(self.xs, x) - 1
        c = 0 if c < 0 else self.cols - 1 if c >= self.cols else c
        self.chars[self.cell_of[r * self.cols + c]].append(char)

    def grid(self) -> Grid:
        cells: list[list[GridCell | None]] = [[None] * self.cols for _ in range(self.rows)]
        for (r0, c0, r1, c1), chars in zip(self.spans, self.chars, strict=True):
            cells[r0][c0] = GridCell(_cell_text(chars), r1 - r0 + 1, c1 - c0 + 1)
        return Grid(cells)


def _cell_text(chars: list[Char]) -> str:
    """A cell's lines, top to bottom (most cells hold one line, or one character, or none)."""
    if len(chars) <= 1:
        return "" if not chars or chars[0].text == " " else chars[0].text
    return "\n".join(_text(sorted(band, key=_x0)) for band in _bands(chars))


def _tables(rules: Iterable[Rule]) -> list[_Table]:
    """The ruled tables: groups of horizontal and vertical lines that cross."""
    horizontals: list[_Segment] = []
    verticals: list[_Segment] = []
    for rule in rules:
        if rule.bottom - rule.top <= rule.x1 - rule.x0:
            horizontals.append(_Segment((rule.top + rule.bottom) / 2, rule.x0, rule.x1))
        else:
            verticals.append(_Segment((rule.x0 + rule.x1) / 2, rule.top, rule.bottom))
    hs, vs = _merged(horizontals), _merged(verticals)
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if (
                h.start - _SNAP <= v.at <= h.end + _SNAP
                and v.start - _SNAP <= h.at <= v.end + _SNAP
            ):
                parent[find(len(hs) + j)] = find(i)
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables: list[_Table] = []
    for across, down in groups.values():
        if len(_positions(s.at for s in across)) < 2 or len(_positions(s.at for s in down)) < 2:
            continue
        table = _Table(across, down)
        if len(table.spans) > 1:  # one cell is a framed paragraph, not a table
            tables.append(table)
    return tables


# -- tables printed without lines -------------------------------------------------


def _words(band: Sequence[Char]) -> list[list[Char]]:
    """A line's characters (left to right) cut where the gap is an em or wider."""
    words: list[list[Char]] = []
    for char in band:
        if char.text == " ":
            continue
        if words:
            last = words[-1][-1]
            if char.x0 - last.x1 < _WORD_GAP * max(_height(char), _height(last)):
                words[-1].append(char)
                continue
        words.append([char])
    return words


def _unruled(bands: list[list[Char]]) -> tuple[int, int, Grid] | None:
    """The rows of a table printed without lines: (first band, end band, grid), if any."""
    texts = [_text(sorted(band, key=lambda c: c.x0)) for band in bands]
    titles = [i for i, t in enumerate(texts) if match_title(t) is not None]
    if not 1 <= len(titles) <= 2 or sum(1 for t in texts if _AMOUNT.search(t)) < 3:
        return None
    first = titles[0] + 1
    while (
        first < len(texts) and _UNIT_LINE.search(texts[first]) and not _AMOUNT.search(texts[first])
    ):
        first += 1
    end = first
    while end < len(texts) and "。" not in texts[end] and len(_words(bands[end])) > 1:
        end += 1
    rows = [_words(sorted(band, key=lambda c: c.x0)) for band in bands[first:end]]
    if len(rows) < 2:
        return None
    columns: list[list[float]] = []  # float-ok: [x0, x1] of each column
    for word in sorted((w for row in rows for w in row), key=lambda w: w[0].x0):
        x0, x1 = word[0].x0, word[-1].x1
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    starts = [c[0] for c in columns]
    cells: list[list[GridCell | None]] = []
    for row in rows:
        texts_at = [""] * len(columns)
        for word in row:
            at = bisect_right(starts, word[0].x0) - 1
            texts_at[at] = f"{texts_at[at]} {_text(word)}".strip()
        cells.append([GridCell(t) for t in texts_at])
    return first, end, Grid(cells)


# -- the page ---------------------------------------------------------------------


def lay_out(chars: Iterable[Char], rules: Iterable[Rule]) -> Layout:
    """A page's text lines and grids from its characters and ruling lines."""
    tables = _tables(rules)
    chars = chars if isinstance(chars, list) else list(chars)
    free: list[Char] = chars
    if tables:
        free = []
        # each character once: the tables' bounds unpacked, compared inline
        bounds = [(t.xs[0] - 1, t.xs[-1] + 1, t.ys[0] - 1, t.ys[-1] + 1, t) for t in tables]
        for char in chars:
            x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
            for left, right, top, bottom, table in bounds:
                if left <= x <= right and top <= y <= bottom:
                    table.put(char, x, y)
                    break
            else:
                free.append(char)
    bands = _bands(free)
    grids = [PlacedGrid(t.grid(), t.top) for t in tables]
    if not tables:
        found = _unruled(bands)
        if found is not None:
            first, end, grid = found
            top = min(c.top for c in bands[first])
            grids.append(PlacedGrid(grid, top))
            bands = bands[:first] + bands[end:]
    lines = tuple(line for line in (_placed(band) for band in bands) if line.text)
    kept = sum(_printed(line.text) for line in lines) + sum(
        _printed(cell.text) for g in grids for row in g.grid.cells for cell in row if cell
    )
    return Layout(lines, tuple(grids), sum(1 for c in chars if c.text != " ") - kept)


def _printed(text: str) -> int:
    """How many characters (not spaces) a text holds."""
    return len(text) - text.count(" ") - text.count("\n")


def margins(layouts: Sequence[Layout], heights: Sequence[float]) -> list[set[int]]:  # float-ok
    """For each page, the indexes of its lines that are running headers, footers or page numbers.

    A page's first or last line within the outer eighth of the page is a
    running header or footer when it is a page number ("- 3 -", "第3页 共9页",
    "3/9") or when the same text, page numbers aside, stands there on at least
    three pages; table titles are never taken ("支出决算表（续）").
    """
    candidates: list[list[tuple[int, str]]] = []
    for layout, height in zip(layouts, heights, strict=True):
        lines = layout.lines
        found: list[tuple[int, str]] = []
        for index in {0, len(lines) - 1} if lines else set():
            line = lines[index]
            if line.bottom <= height / 8 or line.top >= height * 7 / 8:
                found.append((index, _DIGITS.sub("#", normalize_text(line.text))))
        candidates.append(found)
    repeated = Counter(key for found in candidates for key in {k for _, k in found})
    result: list[set[int]] = []
    for layout, found in zip(layouts, candidates, strict=True):
        marked: set[int] = set()
        for index, key in found:
            text = layout.lines[index].text
            if match_title(text) is not None:
                continue
            if _PAGE_NUMBER.match(text.strip()) or repeated[key] >= min(3, len(layouts)) > 1:
                marked.add(index)
        result.append(marked)
    return result


def to_page(number: int, layout: Layout, margin: set[int] | frozenset[int] = frozenset()) -> Page:
    """The recogniser's page: lines and grids in reading order, running lines apart."""
    placed: list[tuple[float, int, Line | Grid]] = [  # float-ok: positions on the page
        (line.top, 0, Line(line.text))
        for index, line in enumerate(layout.lines)
        if index not in margin
    ]
    placed.extend((g.top, 1, g.grid) for g in layout.grids)
    placed.sort(key=lambda item: (item[0], item[1]))
    running = tuple(layout.lines[i].text for i in sorted(margin))
    blocks = tuple(block for _, _, block in placed)
    return Page(number, blocks, margins=running, folded=layout.folded)


def characters(page: Page) -> int:
    """How many characters (not spaces) a page's lines, cells and running lines hold,
    with those folded (:attr:`Layout.folded`): what the page printed, all of it read.

    >>> characters(Page(1, (Line("单位：万元"), Grid.of(["合计", "1.00"])), margins=("- 2 -",)))
    14
    """
    texts = [*page.margins]
    for block in page.blocks:
        if isinstance(block, Line):
            texts.append(block.text)
        else:
            texts.extend(cell.text for row in block.cells for cell in row if cell is not None)
    return sum(len(_WHITESPACE.sub("", t)) for t in texts) + page.folded
