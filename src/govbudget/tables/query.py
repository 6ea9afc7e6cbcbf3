"""Finding tables, rows, columns and cells by what they are called, for rules and tools.

Row and column names are compared after :func:`key`: whitespace, quote marks
and a leading number ("一、", "1.") removed, full-width forms folded.

>>> key("一、一般公共预算财政拨款收入")
'一般公共预算财政拨款收入'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final, Literal

from govbudget.table import Row, Table, TableKind
from govbudget.tables.specs import normalize_text

__all__ = [
    "Measure",
    "ThreePublicItem",
    "bare_year",
    "column_index",
    "find_table",
    "grand_row",
    "is_numbered",
    "key",
    "measure_of",
    "row_index",
    "rows_of",
    "three_public_cells",
    "three_public_item",
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


# -- “三公” tables, whichever way round they are printed ----------------------------------------

#: The items of a “三公” table, as ``ThreePublic`` names them.
ThreePublicItem = Literal[
    "total", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"
]
#: What a column (or row) of figures holds: the budget, the final figure, the prior year's, a change.
Measure = Literal["budget", "final", "prior", "change"]

_PREFIX: Final = re.compile(r"^(?:其中[:：]?|[(（]\d+[)）]|\d+[、.])+")
_YEAR: Final = re.compile(r"((?:19|20)\d\d)年")


def three_public_item(name: str) -> ThreePublicItem | None:
    """Which “三公” item a row or column name is, whatever its local wording.

    >>> three_public_item("其中：（1）公务用车运行维护费"), three_public_item("公务用车费")
    ('vehicle_operation', 'vehicles')
    >>> three_public_item("总“三公”经费支出"), three_public_item("行政运行") is None
    ('total', True)
    >>> three_public_item("车辆购置")
    'vehicle_purchase'

    """
    text = _PREFIX.sub("", key(name))
    if "出国" in text:
        return "overseas"
    if "接待" in text:
        return "reception"
    if "用车" in text or "公车" in text or text.startswith("车辆"):
        purchase, operation = "购置" in text, "运行" in text or "维护" in text
        if (purchase and operation) or not (purchase or operation):
            return "vehicles"
        return "vehicle_purchase" if purchase else "vehicle_operation"
    if text in ("合计", "总计") or "三公" in text:
        return "total"
    return None


def measure_of(name: str, year: int | None) -> Measure | None:
    """What a column (or row) of a “三公” table holds, by its header and the document's year.

    >>> measure_of("预 算 数", 2023), measure_of("2022年度决算数", 2023), measure_of("决算对比", 2023)
    ('budget', 'prior', 'change')
    """
    text = key(name)
    if re.search(r"对比|增减|减少|增加|变化", text):
        return "change"
    found = _YEAR.search(text)
    stated_year = int(found.group(1)) if found else None
    if year is not None and stated_year is not None and stated_year < year:
        return "prior"
    if "上年" in text:
        return "prior"
    if "决算" in text or "支出" in text or "执行" in text:
        return "final"
    if "预算" in text:
        return "budget"
    return None


def bare_year(name: str, year: int | None) -> bool:
    """A row or column named by the document's own year alone ("2016年", "2016年度").

    >>> bare_year("2016年", 2016), bare_year("2015年", 2016), bare_year("2016年预算数", 2016)
    (True, False, False)
    """
    return year is not None and bool(re.fullmatch(rf"{year}年度?(?:数)?", key(name)))


def three_public_cells(
    table: Table, year: int | None, final: bool
) -> dict[tuple[ThreePublicItem, Measure], tuple[int, int]]:
    """The (row, column) of each “三公” item and measure in ``table``, either way round.

    Items may be rows (项目 | 预算数 | 决算数), or columns with the measures as rows
    or as the last header level (公务接待费/决算数). A single column or row with no
    measure in its name holds the document's own figures (预算数 in a 预算, 决算数 in a
    决算).
    """
    own: Measure = "final" if final else "budget"
    cells: dict[tuple[ThreePublicItem, Measure], tuple[int, int]] = {}
    row_items = [(i, three_public_item(r.name)) for i, r in enumerate(table.rows)]
    if sum(1 for _, item in row_items if item) >= 2:
        measures = [
            own if bare_year(c.name, year) else measure_of(c.name, year) for c in table.columns
        ]
        if len(table.columns) == 1 and measures[0] is None:
            measures = [own]
        for r, item in row_items:
            for c, measure in enumerate(measures):
                if item is not None and measure is not None:
                    cells.setdefault((item, measure), (r, c))
        return cells
    for c, column in enumerate(table.columns):
        levels = column.levels
        in_header = measure_of(levels[-1], year) if len(levels) > 1 else None
        named = levels[:-1] if in_header is not None else levels
        # the most specific level that names an item (购置费 under 公务用车购置及运行维护费);
        # a 小计 or 合计 under an item is that item's
        item = next(
            (
                found
                for depth, level in reversed(list(enumerate(named)))
                if not (key(level) == "小计" or (depth and key(level) == "合计"))
                and (found := three_public_item(level))
            ),
            None,
        )
        if item is None:
            continue
        for r, row in enumerate(table.rows):
            measure = in_header or measure_of(row.name, year)
            if measure is None and (len(table.rows) == 1 or bare_year(row.name, year)):
                measure = own
            if measure is not None:
                cells.setdefault((item, measure), (r, c))
    return cells
