"""Sums within one table (TAB001–TAB004).

Column sums (合计 = Σ 类 …), row sums (合计列 = Σ 各列), the two sides of a 总表 and its balance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules.base import Observation
from govbudget.rules.tables._cells import K, _find_row, _rule, _sum
from govbudget.table import Table
from govbudget.tables.query import column_index, grand_row, is_numbered, key, rows_of, total_row

__all__ = ["RULES"]


_MEASURES: Final = frozenset({"预算数", "决算数", "年初预算数", "全年预算数", "调整预算数"})


_SUBTOTAL: Final = re.compile(r"^(合计|小计|总计)$|合计$")


_TWO_SIDED: Final = (
    K.FINAL_SUMMARY,
    K.FINAL_APPROPRIATION,
    K.BUDGET_SUMMARY,
    K.BUDGET_APPROPRIATION,
)


# --- TAB001: column sums: the 合计 row and the 类 → 款 → 项 lines ---------------------------


def _coded(table: Table, side: str | None) -> list[tuple[int, str]]:
    return [(i, row.code) for i, row in rows_of(table, side) if row.code]


def _sides(table: Table) -> list[str | None]:
    seen: list[str | None] = []
    for row in table.rows:
        if row.side not in seen:
            seen.append(row.side)
    return seen or [None]


def _column_sums(budget: DepartmentBudget) -> Iterator[Observation]:
    """In each one-sided table (收入表, 支出表, 一般公共预算表 …): the 合计 row = Σ the 类 rows,
    and each coded row = Σ its sub-lines (类 = Σ 款, 款 = Σ 项), in every amount column.

    Why: a printed table is typed or pasted by hand, and a wrong cell shows as a sum that does
    not hold, pointed at its row and column; a blank cell counts as zero, and gaps within the
    cells' rounding pass.
    Example: 201 一般公共服务支出 120 = 20101 人大事务 45 + 20103 政府办公厅（室）75.
    """
    for ti, table in enumerate(budget.tables):
        if table.kind in _TWO_SIDED:
            continue
        for side in _sides(table):
            coded = _coded(table, side)
            if not coded:
                continue
            kids: dict[str, list[int]] = {}
            for i, code in coded:
                if len(code) > 3:
                    kids.setdefault(code[:-2], []).append(i)
            shortest = min(len(code) for _, code in coded)
            tops = [i for i, code in coded if len(code) == shortest]
            total = next(
                (i for i, row in rows_of(table, side) if key(row.name) in ("合计", "总计")), None
            )
            for c, column in enumerate(table.columns):
                if column.side not in (None, side):
                    continue
                if total is not None:
                    observation = _sum(
                        budget,
                        (ti, total, c),
                        [(ti, i, c) for i in tops],
                        f"合计 = Σ 各类（{len(tops)} 行）",
                    )
                    if observation is not None:
                        yield observation
                for i, code in coded:
                    children = kids.get(code, [])
                    if not children:
                        continue
                    observation = _sum(
                        budget,
                        (ti, i, c),
                        [(ti, j, c) for j in children],
                        f"{table.rows[i].label} = Σ 下级科目（{len(children)} 行）",
                    )
                    if observation is not None:
                        yield observation


# --- TAB002: row sums: a 合计/小计 column equals its sibling columns ---------------------------


def _column_groups(table: Table, side: str | None) -> list[list[tuple[int, tuple[str, ...]]]]:
    """The side's columns grouped by measure (预算数/决算数), each with its header path."""
    columns = [(i, c.levels) for i, c in enumerate(table.columns) if c.side == side]
    measures = {levels[-1] for _, levels in columns if len(levels) > 1}
    if columns and all(len(levels) > 1 for _, levels in columns) and measures <= _MEASURES:
        return [
            [(i, levels[:-1]) for i, levels in columns if levels[-1] == measure]
            for measure in sorted(measures)
        ]
    return [columns]


def _node_total(group: list[tuple[int, tuple[str, ...]]], prefix: tuple[str, ...]) -> int | None:
    """The column that totals the header node ``prefix``: itself, or its 合计/小计 child."""
    for i, path in group:
        if path == prefix:
            return i
    for i, path in group:
        if len(path) == len(prefix) + 1 and path[: len(prefix)] == prefix:
            return i if _SUBTOTAL.search(path[-1]) else None
    return None


def _header_relations(group: list[tuple[int, tuple[str, ...]]]) -> list[tuple[int, list[int]]]:
    """(total column, part columns) for every 合计/小计 column of a header tree."""
    relations: list[tuple[int, list[int]]] = []
    # in the header's order (a set's order would change with the hash seed)
    prefixes = dict.fromkeys(path[:depth] for _, path in group for depth in range(len(path)))
    for prefix in sorted(prefixes, key=len):
        children: list[tuple[str, ...]] = []
        for _, path in group:
            if len(path) > len(prefix) and path[: len(prefix)] == prefix:
                child = path[: len(prefix) + 1]
                if child not in children:
                    children.append(child)
        if len(children) < 3 or not _SUBTOTAL.search(children[0][-1]):
            continue
        total = _node_total(group, children[0])
        parts = [_node_total(group, child) for child in children[1:]]
        if total is not None and all(p is not None for p in parts):
            relations.append((total, [p for p in parts if p is not None]))
    return relations


def _row_sums(budget: DepartmentBudget) -> Iterator[Observation]:
    """In every row, a 合计/小计 column = Σ the columns it totals in the header (for each
    measure, 预算数 or 决算数, apart).

    Why: a row's split across columns (基本支出, 项目支出 …) is where a cell is most often
    mistyped; a blank cell counts as zero, and gaps within the cells' rounding pass.
    Example: 本年支出合计 150 = 基本支出 95 + 项目支出 55, in the 201 row.
    """
    for ti, table in enumerate(budget.tables):
        for side in dict.fromkeys(c.side for c in table.columns):
            for group in _column_groups(table, side):
                for total, parts in _header_relations(group):
                    names = " + ".join(table.columns[p].levels[-1] for p in parts)
                    relation = f"{table.columns[total].name} = {names}"
                    for ri, row in rows_of(table):
                        if row.side not in (None, side):
                            continue
                        observation = _sum(
                            budget, (ti, ri, total), [(ti, ri, p) for p in parts], relation
                        )
                        if observation is not None:
                            yield observation


# --- TAB003: the two-sided 总表: 本年合计 = Σ 各项, 总计 = 本年合计 + 结转 ---------------------


def _summary_sides(budget: DepartmentBudget) -> Iterator[Observation]:
    """In a two-sided 总表 (收支总表, 财政拨款收支总表), on each side: 本年合计 = Σ its numbered
    lines, 总计 = 本年合计 + the lines below it (结转结余 …), and each of those = Σ its 其中 lines.

    Why: the summary tables are what a reader compares first; a line left out of a total, or a
    carry-over missing from the 总计, shows here. Gaps within the cells' rounding pass.
    Example: 收入总计 170 = 本年收入合计 150 + 上年结转结余 20.
    """
    for ti, table in enumerate(budget.tables):
        if table.kind not in _TWO_SIDED:
            continue
        for side in _sides(table):
            rows = list(rows_of(table, side))
            total = total_row(table, side)
            grand = grand_row(table, side)
            columns = [i for i, c in enumerate(table.columns) if c.side == side]
            if total is None:
                continue
            items = [i for i, row in rows if i < total and is_numbered(row.name)]
            extras: list[tuple[int, list[int]]] = []
            for i, row in rows:
                if i <= total or (grand is not None and i >= grand):
                    continue
                if is_numbered(row.name) and extras:
                    extras[-1][1].append(i)
                elif not is_numbered(row.name):
                    extras.append((i, []))
            for c in columns:
                relations = [
                    (total, items, f"{table.rows[total].name} = Σ 各项（{len(items)} 行）")
                ]
                if grand is not None:
                    names = " + ".join(table.rows[i].name for i, _ in extras)
                    relations.append(
                        (
                            grand,
                            [total, *(i for i, _ in extras)],
                            f"总计 = {table.rows[total].name} + {names}",
                        )
                    )
                relations.extend(
                    (extra, subs, f"{table.rows[extra].name} = Σ 其中各项")
                    for extra, subs in extras
                    if subs
                )
                for whole, parts, relation in relations:
                    observation = _sum(
                        budget, (ti, whole, c), [(ti, p, c) for p in parts], relation
                    )
                    if observation is not None:
                        yield observation


# --- TAB004: 收支平衡 in the tables ----------------------------------------------------------


def _balances(budget: DepartmentBudget) -> Iterator[Observation]:
    """Balance in the tables: a 总表's 收入总计 = 支出总计; a 决算 总表's 年末结转和结余 = 本年收入合计
    + 使用非财政拨款结余 + 年初结转和结余 − 本年支出合计 − 结余分配; and in a 决算's 政府性基金 or
    国有资本经营 table, each row's 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出.

    Why: the tables must balance as the accounts do; a gap points at a mistyped cell.
    Example: 年末结转和结余 18 = 本年收入合计 120 + 年初结转和结余 10 − 本年支出合计 110 − 结余分配 2.
    """
    for ti, table in enumerate(budget.tables):
        if table.kind in _TWO_SIDED:
            yield from _summary_balance(budget, ti, table)
        if table.kind in (
            K.FINAL_GOVERNMENT_FUND,
            K.FINAL_STATE_CAPITAL,
        ):
            yield from _fund_balance(budget, ti, table)


def _summary_balance(budget: DepartmentBudget, ti: int, table: Table) -> Iterator[Observation]:
    sides = [s for s in _sides(table) if s is not None]
    if len(sides) != 2:
        return
    income, spending = sides
    income_col = column_index(table, "", income)
    spending_col = column_index(table, "", spending)
    if income_col is None or spending_col is None:
        return
    left, right = grand_row(table, income), grand_row(table, spending)
    if left is not None and right is not None:
        observation = _sum(
            budget, (ti, left, income_col), [(ti, right, spending_col)], "收入总计 = 支出总计"
        )
        if observation is not None:
            yield observation
    if table.kind not in (K.FINAL_SUMMARY, K.FINAL_APPROPRIATION):
        return
    closing = _find_row(table, spending, "年末结转和结余", "年末财政拨款结转和结余")
    terms = [
        (1, total_row(table, income), income_col),
        (1, _find_row(table, income, "使用非财政拨款结余"), income_col),
        (1, _find_row(table, income, "年初结转和结余", "年初财政拨款结转和结余"), income_col),
        (-1, total_row(table, spending), spending_col),
        (-1, _find_row(table, spending, "结余分配"), spending_col),
    ]
    present = [(sign, row, col) for sign, row, col in terms if row is not None]
    if closing is None or len(present) < 3:
        return
    observation = _sum(
        budget,
        (ti, closing, spending_col),
        [(ti, row, col) for _, row, col in present if row is not None],
        "年末结转和结余 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 − 本年支出合计 − 结余分配",
        signs=[sign for sign, _, _ in present],
    )
    if observation is not None:
        yield observation


def _fund_balance(budget: DepartmentBudget, ti: int, table: Table) -> Iterator[Observation]:
    opening = column_index(table, "年初结转和结余")
    income = column_index(table, "本年收入") or column_index(table, "本年收入/合计")
    spending = column_index(table, "本年支出/合计")
    closing = column_index(table, "年末结转和结余")
    if opening is None or income is None or spending is None or closing is None:
        return
    for ri, _row in rows_of(table):
        observation = _sum(
            budget,
            (ti, ri, closing),
            [(ti, ri, opening), (ti, ri, income), (ti, ri, spending)],
            "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
            signs=[1, 1, -1],
        )
        if observation is not None:
            yield observation


RULES: Final = (
    _rule(
        "TAB001",
        "表内合计行等于各行之和（合计 = Σ 类，类 = Σ 款，款 = Σ 项）",
        "A table's total row and each class line equal the lines under them",
        "合计 = Σ 类；类 = Σ 款；款 = Σ 项（每一金额列）",
        _column_sums,
    ),
    _rule(
        "TAB002",
        "表内合计列等于各列之和（如 本年支出合计 = 基本支出 + 项目支出 + …）",
        "A table's total column equals the columns it totals, in every row",
        "合计（小计）列 = Σ 同组各列（每一行）",
        _row_sums,
    ),
    _rule(
        "TAB003",
        "总表各栏：本年合计 = Σ 各项，总计 = 本年合计 + 结转结余",
        "Summary tables: the year's total is the sum of the lines, the grand total adds the balances",
        "本年收入（支出）合计 = Σ 各项；总计 = 本年合计 + 使用结余/年初结转和结余（结余分配/年末结转和结余）",
        _summary_sides,
    ),
    _rule(
        "TAB004",
        "表内收支平衡：收入总计 = 支出总计；年末结转和结余 = 收入 + 年初结转和结余 − 支出 − 结余分配",
        "Balance in the tables: grand totals agree, and the closing balance follows from the year",
        "收入总计 = 支出总计；本年收入 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出 + 结余分配 + 年末结转和结余",
        _balances,
    ),
)
