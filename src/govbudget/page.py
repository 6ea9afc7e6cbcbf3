"""The pages of a document as its readers give them: text lines and grids of cells.

The PDF and Excel readers (:mod:`govbudget.io.pdf`, :mod:`govbudget.io.excel`) turn each
page or worksheet into a :class:`Page` of blocks — :class:`Line` and :class:`Grid` — in
reading order, with :class:`Note` for what they could not take as it stands; the table
recogniser (:mod:`govbudget.tables.recognize`) reads the tables from them. These are the
core's types, so that the readers need not import the recogniser to make pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

__all__ = ["Grid", "GridCell", "Line", "Note", "Page", "Pages"]


@frozen
class Line:
    """A line of text on a page."""

    text: str


@frozen
class GridCell:
    """A cell of a grid as printed; a merged cell spans several rows or columns.

    ``origin`` is where the cell's text is in its source, when the reader knows
    (the start and end offsets of a table pasted into a text); :func:`recognize`
    reports it back for every value it reads (:attr:`Recognition.cells`).
    ``ref`` is the spreadsheet cell (``C4``) of a cell read from a workbook;
    the row read from it keeps it (:attr:`~govbudget.table.Row.cells`).
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    origin: tuple[int, int] | None = field(default=None, eq=False)
    ref: str | None = field(default=None, eq=False)


def _cells(
    value: Sequence[Sequence[GridCell | None]],
) -> tuple[tuple[GridCell | None, ...], ...]:
    return tuple(tuple(row) for row in value)


@frozen
class Grid:
    """A grid of cells: ``None`` where a merged cell above or to the left covers the place."""

    cells: tuple[tuple[GridCell | None, ...], ...] = field(converter=_cells)

    @classmethod
    def of(cls, *rows: Sequence[str | None]) -> Grid:
        """A grid of plain cells; ``None`` is a place covered by the cell to its left.

        >>> Grid.of(["收入", None], ["项目", "决算数"]).cells[0][0].colspan
        2
        """
        built: list[list[GridCell | None]] = []
        for row in rows:
            line: list[GridCell | None] = []
            for text in row:
                if text is None:
                    anchor = next((i for i in range(len(line) - 1, -1, -1) if line[i]), None)
                    if anchor is not None:
                        cell = line[anchor]
                        assert cell is not None
                        line[anchor] = GridCell(cell.text, cell.rowspan, cell.colspan + 1)
                    line.append(None)
                else:
                    line.append(GridCell(text))
            built.append(line)
        return cls(built)

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((len(r) for r in self.cells), default=0)


def _blocks(value: Sequence[Line | Grid]) -> tuple[Line | Grid, ...]:
    return tuple(value)


def _texts(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Page:
    """One page (or worksheet): its number, its blocks in reading order, the sheet name.

    ``margins`` are the page's running headers, footers and page numbers, as
    printed: kept apart from the blocks, so that they neither break a
    sentence of the narrative nor a table continued over pages. ``folded``
    counts the characters the PDF reader read but did not keep as printed
    (leader dots written "……", a character printed twice for bold).
    """

    number: int
    blocks: tuple[Line | Grid, ...] = field(converter=_blocks)
    sheet: str | None = None
    margins: tuple[str, ...] = field(default=(), converter=_texts)
    folded: int = field(default=0, eq=False)


@frozen
class Note:
    """Something the reader could not take as it stands, with the place (file, page or sheet)."""

    place: str
    zh: str
    en: str


def _notes(value: Sequence[Note]) -> tuple[Note, ...]:
    return tuple(value)


def _pages(value: Sequence[Page]) -> tuple[Page, ...]:
    return tuple(value)


@frozen
class Pages:
    """What a PDF or workbook reader gives: the pages as blocks, and notes on what it skipped."""

    pages: tuple[Page, ...] = field(converter=_pages)
    notes: tuple[Note, ...] = field(converter=_notes)
