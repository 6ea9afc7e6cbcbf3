"""The header of a table's grid: its header rows, what each column holds, the value columns.

Also how a cell's text is compared and read (folded, without the spaces of wrapped cells, a
number or not, a unit line). Internal to :mod:`govbudget.tables.recognize`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from govbudget.money import Unit
from govbudget.page import Grid, GridCell
from govbudget.table import Column
from govbudget.tables.specs import normalize_text

_UNIT: Final = re.compile(r"单位[:：]\s*(亿元|千元|万元|元)")
_WHITESPACE: Final = re.compile(r"\s+")
_NUMBER: Final = re.compile(r"^[-+−－]?[\d,，]*\d(?:\.\d+)?$")
_CODE: Final = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_AND_NAME: Final = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d\s].*)$")
_BLANKS: Final = frozenset({"", "-", "--", "—", "——", "－", "/", "—-", "–"})
_ELLIPSIS: Final = re.compile(r"^[.。…·\s]*$")
_NUMBERED: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_TOTAL: Final = re.compile(r"(合计|总计)$")
_PERCENT_COLUMN: Final = re.compile(r"率|%|％|比例|百分比|占比")
_LABEL_NAMES: Final = frozenset({"项目", "科目", "项目名称", "单位名称", "功能分类", "经济分类"})
#: Columns that number the lines of the national template (行次, 栏次): neither label nor value.
_LINE_NUMBERS: Final = frozenset({"行次", "栏次"})
_PART_CODES: Final = ("类", "款", "项")


def _clean(text: str) -> str:
    """Cell text as compared: folded (full-width forms), no whitespace."""
    return normalize_text(text)


def _printed(text: str) -> str:
    """Cell text as printed, without the line breaks and spaces of wrapped cells."""
    return _WHITESPACE.sub("", text)


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(_clean(text)))


def _parse_unit(text: str) -> Unit | None:
    found = _UNIT.search(normalize_text(text).replace(":", "："))
    return None if found is None else Unit.parse(found.group(1))


def _decimals(text: str) -> int:
    cleaned = _clean(text)
    return len(cleaned.split(".", 1)[1]) if "." in cleaned else 0


class _Layout:
    """The header of a grid: how many header rows, and what each column holds."""

    def __init__(self, grid: Grid) -> None:
        self.width = grid.width
        self.owner = _owners(grid)
        self.cells = grid.cells
        # each cell's printed text once, by its place (a merged cell's text at each place it covers)
        printed = {
            (r, c): _printed(cell.text)
            for r, row in enumerate(grid.cells)
            for c, cell in enumerate(row)
            if cell is not None
        }
        self.texts = {place: printed[owner] for place, owner in self.owner.items()}
        self.header = _header_rows(grid, self.owner)
        self.paths = [self.path(c) for c in range(self.width)]
        self.roles = [self.role(c) for c in range(self.width)]
        self.blocks = _split_blocks(self.roles)
        self.mixed = (
            self.header - 1 if self.header and self.total_in_labels(self.header - 1) else None
        )

    def total_in_labels(self, r: int) -> bool:
        """A header row that is also the 合计 row (the template prints sub-headers beside it)."""
        labels = [c for c in range(self.width) if self.roles[c] in ("code", "name")]
        return bool(labels) and bool(_TOTAL.search(self.text(r, labels[0])))

    def text(self, r: int, c: int) -> str:
        if r >= len(self.cells) or c >= len(self.cells[r]):
            return ""
        return self.texts.get((r, c), "")

    def anchored(self, r: int, c: int) -> GridCell | None:
        """The cell at (r, c) if it starts there."""
        if r >= len(self.cells) or c >= len(self.cells[r]):
            return None
        return self.cells[r][c]

    def path(self, c: int) -> tuple[str, ...]:
        parts: list[str] = []
        last: tuple[int, int] | None = None
        for r in range(self.header):
            owner = self.owner.get((r, c))
            if owner is None or owner == last:
                continue
            last = owner
            text = self.text(r, c)
            if text and text not in parts:
                parts.append(text)
        return tuple(parts)

    def role(self, c: int) -> str:
        path = self.paths[c]
        leaf = path[-1] if path else ""
        if leaf in _PART_CODES:
            return "part:" + leaf
        if leaf in _LINE_NUMBERS:
            return "line"
        if any("编码" in p or "代码" in p for p in path):
            return "code"
        if any("名称" in p for p in path) or leaf in _LABEL_NAMES:
            return "name"
        if _PERCENT_COLUMN.search(leaf):
            return "percent"
        data = [self.text(r, c) for r in range(self.header, len(self.cells))]
        data = [d for d in data if d and not _ELLIPSIS.match(d)]
        if data and sum(bool(_CODE.match(d)) for d in data) * 2 > len(data) and not path:
            return "code"
        textual = [d for d in data if not _is_number(d) and d not in _BLANKS]
        if data and len(textual) * 2 > len(data):
            return "name"
        return "value"


def _owners(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if cell.rowspan <= 1 and cell.colspan <= 1:
                owner.setdefault((r, c), (r, c))
                continue
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    owner.setdefault((r + dr, c + dc), (r, c))
    return owner


def _is_data_row(grid: Grid, owner: dict[tuple[int, int], tuple[int, int]], r: int) -> bool:
    row = grid.cells[r]
    texts = [_clean(cell.text) for cell in row if cell is not None]
    if not texts:
        return False
    if all(t == "" for t in texts) and all(
        owner.get((r, c), (r, c))[0] == r for c in range(len(row))
    ):
        return True
    first = next((t for t in texts if t), "")
    if _CODE.match(first) or _CODE_AND_NAME.match(first):
        return True
    if r > 0 and (_NUMBERED.match(first) or (_TOTAL.search(first) and len(first) <= 12)):
        others = [t for t in texts if t and t != first]
        return all(
            _is_number(t) or _is_number(t.rstrip("%％")) or _NUMBERED.match(t) or _TOTAL.search(t)
            for t in others
        )
    return any(_is_number(t) for t in texts[1:])


def _header_rows(grid: Grid, owner: dict[tuple[int, int], tuple[int, int]]) -> int:
    for r in range(len(grid.cells)):
        if _is_data_row(grid, owner, r):
            return r
    return len(grid.cells)


def _split_blocks(roles: Sequence[str]) -> list[list[int]]:
    """Columns grouped into halves: a label column after a value column starts a new one."""
    blocks: list[list[int]] = [[]]
    seen_value = False
    for c, role in enumerate(roles):
        label = role in ("code", "name") or role.startswith("part:")
        if label and seen_value:
            blocks.append([])
            seen_value = False
        if role == "value":
            seen_value = True
        blocks[-1].append(c)
    return [b for b in blocks if b]


def _columns(
    layout: _Layout,
) -> tuple[tuple[Column, ...], list[list[tuple[int, int]]], list[str | None]]:
    """The value columns, and for each block the (grid column, table column) pairs."""
    blocks = layout.blocks
    names = [
        [_strip_side(layout.paths[c]) for c in b if layout.roles[c] == "value"] for b in blocks
    ]
    tops = [next((layout.paths[c][0] for c in b if layout.paths[c]), "") for b in blocks]
    # Halves under tops of their own ("收入" over one, "支出" over the other, merged or not) are
    # sides; halves with one header under one top are one table printed in two halves.
    named = len(set(tops)) == len(tops) and all(tops)
    paired = len(blocks) > 1 and all(n == names[0] for n in names) and not named
    if paired or len(blocks) == 1:
        sides: list[str | None] = [None] * len(blocks)
    elif named:
        sides = list(tops)
    else:
        sides = [f"第{i + 1}栏" for i in range(len(blocks))]
    columns: list[Column] = []
    mapping: list[list[tuple[int, int]]] = []
    for index, block in enumerate(blocks):
        pairs: list[tuple[int, int]] = []
        values = [c for c in block if layout.roles[c] == "value"]
        labels = _banner_free([_strip_side(layout.paths[c], sides[index]) for c in values])
        for position, c in enumerate(values):
            if paired and index > 0:
                pairs.append((c, position))
                continue
            pairs.append((c, len(columns)))
            columns.append(Column("/".join(labels[position]) or f"列{c + 1}", sides[index]))
        mapping.append(pairs)
    return tuple(columns), mapping, sides


def _strip_side(path: tuple[str, ...], side: str | None = None) -> tuple[str, ...]:
    return path[1:] if side is not None and path and path[0] == side else path


def _banner_free(paths: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Paths without a first level that every column shares (a banner over the whole table)."""
    if len(paths) > 1 and all(len(p) > 1 for p in paths) and len({p[0] for p in paths}) == 1:
        return [p[1:] for p in paths]
    return paths
