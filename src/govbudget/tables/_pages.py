"""Following the tables over a document's lines and pages: titles, unit lines, continuations.

A title starts a table, a grid after it is read as its header and rows, a grid of the same width
continues it (its repeated header skipped), a heading or a sentence ends it. Internal to
:mod:`govbudget.tables.recognize`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from govbudget.page import Grid, Page
from govbudget.precision import DEFAULT_PRECISION, Precision
from govbudget.table import Table
from govbudget.tables._header import _clean, _Layout, _parse_unit
from govbudget.tables._rows import _Draft, _Reading
from govbudget.tables.specs import TableSpec, is_continued, match_title, normalize_text

# A table of contents entry: its text, leader dots (folded: "……" is "......"), a page number.
_CONTENTS: Final = re.compile(r"^(.*[^.·•‧・])[.·•‧・]{4,}(\d{1,4})$")
_LEADER: Final = re.compile(r"(?:\s*[.．·•…‧・⋯]){2,}")
_EMPTY: Final = re.compile(r"本表无数据|本表为空|为空表|无数据")
_NOTE: Final = re.compile(r"^(注|备注)[:：]")
_HEADING: Final = re.compile(r"^(第[一二三四五六七八九十]+部分|目录$|[一二三四五六七八九十]+、)")


class _Reader(_Reading):
    """The state of reading one document's pages in order: titles, unit lines, a table continued
    over grids and pages, the narrative and the contents."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.tables: list[Table] = []
        # (table, row, column, origin) of each value read from a cell with an origin
        self.cells: list[tuple[int, int, int, tuple[int, int]]] = []
        self.narrative: list[str] = []
        self.contents: list[tuple[str, int]] = []
        self.pending: tuple[TableSpec | None, str] | None = None
        self.pending_unit: str | None = None
        self.draft: _Draft | None = None
        self.last: _Draft | None = None
        self.page = Page(0, ())

    def finish(self) -> None:
        if self.draft is not None:
            index = len(self.tables)
            self.cells += [(index, r, c, o) for r, c, o in self.draft.origins]
            self.tables.append(self.draft.table(self.source))
            self.last = self.draft
            self.draft = None

    def line(self, text: str) -> None:
        clean = normalize_text(text)
        if not clean:
            return
        entry = _CONTENTS.match(clean)
        if entry is not None:
            self.contents.append((_LEADER.split(text.strip())[0].strip(), int(entry.group(2))))
            return
        spec = match_title(text)
        unit = _parse_unit(text)
        if spec is not None:
            if self.draft is not None and self.draft.spec is spec and is_continued(text):
                return
            self.finish()
            self.pending = (spec, text.strip())
            if unit is not None:
                self.pending_unit = text.strip()
            self.last = None
            return
        if unit is not None:
            # A unit line belongs to the next table, wherever it is printed before the grid.
            self.pending_unit = text.strip()
            return
        if self.pending is not None and _EMPTY.search(clean):
            self.empty_table(text.strip())
            return
        target = self.draft or self.last
        if target is not None and _EMPTY.search(clean):
            target.empty_statement = text.strip()
            return
        if target is not None and _NOTE.match(clean):
            return
        if _HEADING.match(clean) or "。" in clean:
            self.pending = None
            self.pending_unit = None
            if self.draft is not None:
                self.draft.closed = True
            self.finish()
            self.last = None
        self.narrative.append(text)

    def empty_table(self, statement: str) -> None:
        """A title followed by 本表无数据 and no grid: the table is there, stated empty."""
        assert self.pending is not None
        spec, title = self.pending
        unit = _parse_unit(self.pending_unit) if self.pending_unit else None
        self.tables.append(
            Table(
                title=title,
                kind=None if spec is None else spec.kind,
                precision=None if unit is None else Precision(unit, DEFAULT_PRECISION.decimals),
                unit_line=self.pending_unit,
                pages=(self.page.number,),
                sheet=self.page.sheet,
                empty_statement=statement,
                source=self.source,
            )
        )
        self.pending = None
        self.pending_unit = None

    def grid(self, grid: Grid) -> None:
        if not grid.cells or grid.width == 0:
            return
        if self.pending is not None:
            spec, title = self.pending
            self.finish()
            self.draft = _Draft(spec, title, self.pending_unit, _Layout(grid))
            self.pending = None
            self.pending_unit = None
            self.percent_columns(self.draft)
            self.rows(self.draft, grid, self.draft.layout.header)
            return
        draft = self.draft
        if draft is not None and not draft.closed and grid.width == draft.layout.width:
            layout = _Layout(grid)
            self.rows(draft, grid, _repeated_header(layout, draft), layout)
            return
        self.finish()
        first = next((c.text for row in grid.cells for c in row if c and c.text.strip()), "")
        self.note(
            f"表格（首格“{_clean(first)[:20]}”）前没有可识别的标准表标题，未读取",
            f"a grid (first cell {_clean(first)[:20]!r}) has no standard table title before it;"
            " not read",
        )

    def percent_columns(self, draft: _Draft) -> None:
        layout = draft.layout
        names = [
            "/".join(layout.paths[c]) for c in range(layout.width) if layout.roles[c] == "percent"
        ]
        if names:
            self.note(
                f"{draft.title}：百分比列（{'、'.join(names)}）不是金额，未作为金额读取",
                f"{draft.title}: the percent columns ({', '.join(names)}) are not amounts; not read as such",
            )


def _repeated_header(layout: _Layout, draft: _Draft) -> int:
    """How many rows at the top of a continuation grid repeat the table's header."""
    count = 0
    for r, expected in enumerate(draft.header_texts):
        if r >= len(layout.cells):
            break
        if [layout.text(r, c) for c in range(layout.width)] != expected:
            break
        count += 1
    return count


def _page_offsets(
    lines: Sequence[str], starts: Sequence[tuple[int, int]], stripped: int, narrative: str
) -> tuple[tuple[int, int], ...]:
    """Where each page's lines start in the narrative (joined by "\\n", leading breaks stripped)."""
    offsets: list[tuple[int, int]] = []
    position, done = 0, 0
    for index, number in starts:
        position += sum(len(line) + 1 for line in lines[done:index])
        done = index
        offsets.append((min(max(position - stripped, 0), len(narrative)), number))
    return tuple(offsets)
