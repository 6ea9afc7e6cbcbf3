"""Finding tables, rows, columns and cells by what they are called, for rules and tools.

Row and column names are compared after :func:`key`: whitespace, quote marks
and a leading number ("一、", "1.") removed, full-width forms folded.

>>> key("一、一般公共预算财政拨款收入")
'一般公共预算财政拨款收入'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from govbudget.tables.model import Row, Table, TableKind
from govbudget.tables.specs import normalize_text

__all__ = [
    "column_index",
    "find_table",
    "grand_row",
    "is_numbered",
    "key",
    "row_index",
    "rows_of",
    "total_row",
]

_NUMBERING: Final = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(（][一二三四五六七八九十\d]+[)）])"
)
_TOTAL: Final = re.compile(r"^(本年)?(收入|支出)?合计$")
_GRAND: Final = re.compile(r"^(收入|支出)?总计$")


def key(name: str) -> str:
    """A row or column name as compared: normalised, without its leading number."""
    return _NUMBERING.sub("", normalize_text(name))


def is_numbered(name: str) -> bool:
    """Whether a row name starts with a Chinese item number (一、).

    >>> is_numbered("二十三、其他支出"), is_numbered("本年支出合计")
    (True, False)
    """
    return bool(re.match(r"^[一二三四五六七八九十]+[、.]", normalize_text(name)))


def find_table(tables: Sequence[Table], *kinds: TableKind) -> tuple[int, Table] | None:
    """The first table of one of ``kinds``, with its index."""
    for index, table in enumerate(tables):
        if table.kind in kinds:
            return index, table
    return None


def rows_of(table: Table, side: str | None = None) -> Iterator[tuple[int, Row]]:
    """The rows of one side (all rows when ``side`` is ``None``), with their indexes."""
    for index, row in enumerate(table.rows):
        if side is None or row.side == side:
            yield index, row


def row_index(table: Table, name: str, side: str | None = None, *, after: int = -1) -> int | None:
    """The first row (after row ``after``) whose key is ``name``'s key."""
    wanted = key(name)
    for index, row in rows_of(table, side):
        if index > after and key(row.name) == wanted:
            return index
    return None


def total_row(table: Table, side: str | None = None) -> int | None:
    """The 合计 row (本年收入合计, 本年支出合计, 合计) of a side."""
    return next((i for i, row in rows_of(table, side) if _TOTAL.match(key(row.name))), None)


def grand_row(table: Table, side: str | None = None) -> int | None:
    """The 总计 row of a side."""
    return next((i for i, row in rows_of(table, side) if _GRAND.match(key(row.name))), None)


def column_index(table: Table, name: str, side: str | None = None) -> int | None:
    """The column called ``name`` (its whole header, or its last level), on ``side``.

    An empty ``name`` is the first column of the side.
    """
    wanted = key(name)
    candidates = [(i, c) for i, c in enumerate(table.columns) if side is None or c.side == side]
    if not wanted:
        return candidates[0][0] if candidates else None
    for i, column in candidates:
        if key(column.name) == wanted:
            return i
    for i, column in candidates:
        if key(column.levels[-1]) == wanted:
            return i
    return None
