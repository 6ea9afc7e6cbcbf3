"""Tables (公开表): each table's sums, the tables against each other, and against the narrative.

These rules look at ``budget.tables`` — the standard tables as printed, read by
:func:`govbudget.read_document` — and do nothing for a budget without tables.
Every check points at the exact cell: the table and its page, the row and the
column ("支出决算表（第7页），2010301 行政运行 行，基本支出 列"). A blank cell
counts as an exact zero; a relation whose cells are all blank is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from attrs import evolve

from govbudget.classification.names import normalize as name_key
from govbudget.figure import Figure, StatedPercent
from govbudget.model import DepartmentBudget, Kind
from govbudget.money import Amount
from govbudget.rounding import (
    Exact,
    Outcome,
    Stated,
    Verdict,
    check_at_most,
    check_equal,
    check_sum,
    ratio_range,
)
from govbudget.rules._labels import label
from govbudget.rules._support import (
    Column,
    column_value,
    diagnose_sum,
    equal_observation,
    percent_observation,
    stated,
    sum_observation,
)
from govbudget.rules.base import Diagnosis, Location, Observation, Rule, Scale, Severity
from govbudget.rules.yoy import (
    BUDGET,
    Basis,
    Items,
    change_checks,
    direction_checks,
    percent_checks,
)
from govbudget.table import Table, TableKind
from govbudget.tables.query import (
    Measure,
    ThreePublicItem,
    column_index,
    find_table,
    grand_row,
    is_numbered,
    key,
    row_index,
    rows_of,
    three_public_cells,
    three_public_item,
    total_row,
)
from govbudget.tables.specs import SPECS, match_title, spec_of
from govbudget.tree import Node, walk

__all__ = ["RULES"]

K = TableKind
_MEASURES: Final = frozenset({"预算数", "决算数", "年初预算数", "全年预算数", "调整预算数"})
_SUBTOTAL: Final = re.compile(r"^(合计|小计|总计)$|合计$")
_TWO_SIDED: Final = (
    K.FINAL_SUMMARY,
    K.FINAL_APPROPRIATION,
    K.BUDGET_SUMMARY,
    K.BUDGET_APPROPRIATION,
)
#: A cell: (table index, row index, column index).
Ref = tuple[int, int, int]
# The page a narrative figure's source names ("d.pdf p. 13").
_PAGE: Final = re.compile(r" p\. (\d+)$")


def _precision_half(budget: DepartmentBudget, table: Table) -> Exact:
    return (table.precision or budget.precision).half_width_fen


def _scale(budget: DepartmentBudget, table: Table) -> Scale:
    return Scale.money(table.precision or budget.precision)


def _value(budget: DepartmentBudget, ref: Ref) -> Stated:
    table = budget.tables[ref[0]]
    value = table.rows[ref[1]].values[ref[2]]
    if value is None:
        return Stated(0)
    return Stated(value.fen, _precision_half(budget, table))


def _blank(budget: DepartmentBudget, ref: Ref) -> bool:
    return budget.tables[ref[0]].rows[ref[1]].values[ref[2]] is None


def _place(budget: DepartmentBudget, ref: Ref) -> Location:
    index, row, column = ref
    table = budget.tables[index]
    return Location(
        f"/tables/{index}/rows/{row}/values/{column}",
        table.cell_label(row, column, "zh"),
        table.cell_label(row, column, "en"),
        table.cell_place(row, column),
    )


def _short(budget: DepartmentBudget, ref: Ref) -> str:
    """A cell named for a relation: 表·行·列."""
    table = budget.tables[ref[0]]
    row, column = table.rows[ref[1]], table.columns[ref[2]]
    return f"{table.title}·{row.label}·{column.name}"


def _sum(
    budget: DepartmentBudget,
    total: Ref,
    parts: Sequence[Ref],
    relation: str,
    *,
    signs: Sequence[int] = (),
    severity: Severity | None = None,
    twice: bool = False,
) -> Observation | None:
    """``total = Σ parts`` over cells; ``None`` when every cell is blank.

    ``twice``: the one part is the same figure printed in another table. Printed
    one unit in the last place apart (326.71 and 326.72), it is one 元 amount
    rounded twice, each time from its own sum: a warning naming both cells, not
    an error; further apart, an error.
    """
    if not parts or all(_blank(budget, r) for r in (total, *parts)):
        return None
    whole = _value(budget, total)
    values = [_value(budget, r) for r in parts]
    scale = _scale(budget, budget.tables[total[0]])
    params = (("relation", relation), ("count", str(len(parts))))

    def named() -> list[tuple[str, Stated]]:
        return [(_short(budget, r), v) for r, v in zip(parts, values, strict=True)]

    if len(values) > 1 and not signs:  # a sum of cells, as a sum of the model's figures
        return sum_observation(
            _place(budget, total),
            whole,
            sum((v.value for v in values), 0),
            sum((v.half for v in values), 0),
            named,
            scale,
            params,
            severity=severity,
            formula=relation,
        )
    # A balance with signs (no part to blame), or one figure stated twice, rounded the same
    # way: then any difference is one.
    verdict = check_sum(whole, values, signs=signs) if signs else check_equal(whole, values[0])
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT and not signs:
        diagnosis = diagnose_sum(whole, named(), scale)
    if twice and _one_unit_apart(whole, values, verdict):
        severity = Severity.WARNING
        diagnosis = Diagnosis(
            "rounded_twice",
            "两处相差末位一个单位：同一元数两次舍入所致",
            "one unit in the last place apart: the same amount in 元 rounded twice",
        )
    return Observation(
        outcome=verdict.outcome,
        location=_place(budget, total),
        verdict=verdict,
        scale=scale,
        params=params,
        diagnosis=diagnosis,
        severity=severity,
        formula=relation,
    )


def _one_unit_apart(whole: Stated, values: Sequence[Stated], verdict: Verdict) -> bool:
    """Two statements of one figure at one precision, one last-place unit apart."""
    if len(values) != 1 or verdict.outcome is not Outcome.INCONSISTENT:
        return False
    other = values[0]
    return whole.half == other.half > 0 and abs(whole.value - other.value) == 2 * whole.half


def _equal(
    budget: DepartmentBudget,
    first: Ref,
    second: Stated,
    relation: str,
    *,
    at_most: bool = False,
    at_least: bool = False,
    severity: Severity | None = None,
) -> Observation:
    """A cell against another statement of the same figure (or ``cell ≤ other``, or
    ``cell ≥ other``)."""
    mine = _value(budget, first)
    scale = _scale(budget, budget.tables[first[0]])
    params = (("relation", relation), ("count", "1"))
    if not at_most and not at_least:
        return equal_observation(
            _place(budget, first), mine, second, scale, params, severity=severity, formula=relation
        )
    # Not the model's at-most relation: here the cell is the figure stated (and, ≤, the part).
    verdict = _at_most(mine, second) if at_most else _at_least(mine, second)
    return Observation(
        outcome=verdict.outcome,
        location=_place(budget, first),
        verdict=verdict,
        scale=scale,
        params=params,
        severity=severity,
        formula=relation,
    )


def _at_most(part: Stated, whole: Stated) -> Verdict:
    """``part ≤ whole``, stated as the part against the whole (the figure it must not exceed)."""
    return evolve(
        check_at_most(whole, part.value, part.half),
        stated=part.value,
        computed=whole.value,
        low=whole.low,
        high=whole.high,
    )


def _at_least(whole: Stated, part: Stated) -> Verdict:
    """``part ≤ whole``, stated as the whole against the part (the figure it must not be under)."""
    return check_at_most(whole, part.value, part.half)


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


def _find_row(table: Table, side: str | None, *names: str) -> int | None:
    for name in names:
        found = row_index(table, name, side)
        if found is not None:
            return found
    return None


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


# --- TAB005: the same figure in two tables ---------------------------------------------------

#: How a budget's 收支总表 names the carry-over from the prior year.
_CARRYOVER: Final = "上年结转|上年结转结余|上年结转结余收入|上年结转收入|年初结转和结余"
#: (table kind, side, row name or names separated by |, column name): a cell as a person reads it.
Spot = tuple[TableKind, str | None, str, str]

_FINAL_PAIRS: Final[tuple[tuple[Spot, tuple[Spot, ...]], ...]] = (
    (
        (K.FINAL_INCOME, None, "合计", "本年收入合计"),
        ((K.FINAL_SUMMARY, "收入", "本年收入合计", ""),),
    ),
    (
        (K.FINAL_EXPENDITURE, None, "合计", "本年支出合计"),
        ((K.FINAL_SUMMARY, "支出", "本年支出合计", ""),),
    ),
    (
        (K.FINAL_INCOME, None, "合计", "财政拨款收入"),
        (
            (K.FINAL_SUMMARY, "收入", "一般公共预算财政拨款收入", ""),
            (K.FINAL_SUMMARY, "收入", "政府性基金预算财政拨款收入", ""),
            (K.FINAL_SUMMARY, "收入", "国有资本经营预算财政拨款收入", ""),
        ),
    ),
    *(
        ((K.FINAL_INCOME, None, "合计", name), ((K.FINAL_SUMMARY, "收入", name, ""),))
        for name in ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
    ),
    *(
        ((K.FINAL_APPROPRIATION, "收入", fund, ""), ((K.FINAL_SUMMARY, "收入", fund + "收入", ""),))
        for fund in ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    ),
    (
        (K.FINAL_GENERAL_PUBLIC, None, "合计", "合计"),
        ((K.FINAL_APPROPRIATION, "支出", "本年支出合计", "一般公共预算财政拨款"),),
    ),
    (
        (K.FINAL_GENERAL_PUBLIC, None, "合计", "基本支出"),
        (
            (K.FINAL_GENERAL_PUBLIC_BASIC, None, "人员经费合计", ""),
            (K.FINAL_GENERAL_PUBLIC_BASIC, None, "公用经费合计", ""),
        ),
    ),
    *(
        (
            (kind, None, "合计", "本年支出/合计"),
            ((K.FINAL_APPROPRIATION, "支出", "本年支出合计", fund),),
        )
        for kind, fund in (
            (K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
            (K.FINAL_STATE_CAPITAL, "国有资本经营预算财政拨款"),
        )
    ),
    *(
        ((kind, None, "合计", "本年收入"), ((K.FINAL_APPROPRIATION, "收入", fund, ""),))
        for kind, fund in (
            (K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
            (K.FINAL_STATE_CAPITAL, "国有资本经营预算财政拨款"),
        )
    ),
    ((K.BUDGET_INCOME, None, "合计", "合计"), ((K.BUDGET_SUMMARY, "收入", "本年收入合计", ""),)),
    (
        (K.BUDGET_EXPENDITURE, None, "合计", "合计"),
        ((K.BUDGET_SUMMARY, "支出", "本年支出合计", ""),),
    ),
    (
        (K.BUDGET_GENERAL_PUBLIC, None, "合计", "合计"),
        ((K.BUDGET_APPROPRIATION, "支出", "本年支出合计", "一般公共预算"),),
    ),
)


def _spot(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    kind, side, row_name, column_name = spot
    found = find_table(budget.tables, kind)
    if found is None:
        return None
    ti, table = found
    side = _side_named(table, side)
    if row_name == "合计":
        row = total_row(table, side)
        row = row_index(table, "合计", side) if row is None else row
    elif row_name == "总计":
        row = grand_row(table, side)
    else:
        row = _find_row(table, side, *row_name.split("|"))
    column = _column(table, column_name, side)
    if row is None or column is None:
        return None
    return ti, row, column


def spot_cell(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    """The cell (table, row, column) of a standard table's row and column, by their names:
    ``(kind, side, row, column)``, ``""`` for the side's amount column (for other modules:
    the series across years read a document's 收支总表 with it)."""
    return _first_row(budget, spot)


def _column(table: Table, name: str, side: str | None = None) -> int | None:
    """The column called ``name``, or else the first whose header contains it."""
    found = column_index(table, name, side)
    if found is None and name:
        found = next(
            (i for i, c in enumerate(table.columns) if c.side == side and key(name) in key(c.name)),
            None,
        )
    return found


def _side_named(table: Table, side: str | None) -> str | None:
    if side is None:
        return None
    sides = {c.side for c in table.columns}
    return side if side in sides else next((s for s in sides if s and side in s), side)


def _cross_tables(budget: DepartmentBudget) -> Iterator[Observation]:
    """The same figure agrees across tables: 收入表 and 支出表 totals with the 总表's lines, the
    funds with the 财政拨款收支总表, each 类 of a 总表 with the detail table's, and each 一般公共预算
    line ≤ the same line of the 支出表 (all funds).

    Why: tables made separately drift apart when one is revised. Two cells one unit apart in the
    last place are one 元 amount rounded twice, a warning; further apart, an error.
    Example: 收入决算表 合计 本年收入合计 150 = 收入支出决算总表 本年收入合计 150.
    """
    for first, others in _FINAL_PAIRS:
        ref = _spot(budget, first)
        refs = [_spot(budget, other) for other in others]
        if ref is None or any(r is None for r in refs):
            continue
        parts = [r for r in refs if r is not None]
        names = " + ".join(_short(budget, r) for r in parts)
        relation = f"{_short(budget, ref)} = {names}"
        observation = _sum(budget, ref, parts, relation, twice=True)
        if observation is not None:
            yield observation
    yield from _class_lines(budget)
    yield from _detail_lines(budget)


def _class_lines(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each 类 line of a 总表 equals the same 类 in the detail table, matched by name."""
    pairs = (
        (K.FINAL_SUMMARY, "支出", "", K.FINAL_EXPENDITURE, "本年支出合计"),
        (K.FINAL_APPROPRIATION, "支出", "一般公共预算财政拨款", K.FINAL_GENERAL_PUBLIC, "合计"),
        (K.BUDGET_SUMMARY, "支出", "", K.BUDGET_EXPENDITURE, "合计"),
        (K.BUDGET_APPROPRIATION, "支出", "一般公共预算", K.BUDGET_GENERAL_PUBLIC, "合计"),
    )
    for summary_kind, side, summary_column, detail_kind, detail_column in pairs:
        summary, detail = (
            find_table(budget.tables, summary_kind),
            find_table(budget.tables, detail_kind),
        )
        if summary is None or detail is None:
            continue
        si, stable = summary
        di, dtable = detail
        stable_side = _side_named(stable, side)
        sc = _column(stable, summary_column, stable_side)
        dc = column_index(dtable, detail_column)
        if sc is None or dc is None:
            continue
        classes = {
            name_key(key(row.name)): i
            for i, row in rows_of(dtable)
            if row.code and len(row.code) == 3
        }
        for ri, row in rows_of(stable, stable_side):
            if not is_numbered(row.name):
                continue
            found = classes.get(name_key(key(row.name)))
            if found is None:
                if row.values[sc] is None or row.values[sc] == 0:
                    continue
                yield _missing_line(budget, (si, ri, sc), dtable)
                continue
            observation = _sum(
                budget,
                (si, ri, sc),
                [(di, found, dc)],
                f"{_short(budget, (si, ri, sc))} = {_short(budget, (di, found, dc))}",
                twice=True,
            )
            if observation is not None:
                yield observation


def _missing_line(budget: DepartmentBudget, ref: Ref, detail: Table) -> Observation:
    value = _value(budget, ref)
    size: Exact = value.value if value.value >= 0 else -value.value
    verdict = Verdict(
        Outcome.INCONSISTENT, value.value, 0, 0, 0, size, value.half, size - value.half
    )
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=_place(budget, ref),
        verdict=verdict,
        scale=_scale(budget, budget.tables[ref[0]]),
        params={"relation": f"{detail.title} 中没有这一类", "count": "1"},
        formula=f"{_short(budget, ref)} = {detail.title} 中同名的类",
    )


def _detail_lines(budget: DepartmentBudget) -> Iterator[Observation]:
    """A 一般公共预算 line is part of the same line of all funds: each column at most the other."""
    for part_kind, whole_kind in (
        (K.FINAL_GENERAL_PUBLIC, K.FINAL_EXPENDITURE),
        (K.BUDGET_GENERAL_PUBLIC, K.BUDGET_EXPENDITURE),
    ):
        part, whole = find_table(budget.tables, part_kind), find_table(budget.tables, whole_kind)
        if part is None or whole is None:
            continue
        pi, ptable = part
        wi, wtable = whole
        codes = {row.code: i for i, row in rows_of(wtable) if row.code}
        for ci, column in enumerate(ptable.columns):
            name = (
                "本年支出合计"
                if column.name == "合计" and whole_kind is K.FINAL_EXPENDITURE
                else column.name
            )
            wc = column_index(wtable, name)
            if wc is None:
                continue
            for ri, row in rows_of(ptable):
                target = codes.get(row.code) if row.code else None
                if target is None or (
                    _blank(budget, (pi, ri, ci)) and _blank(budget, (wi, target, wc))
                ):
                    continue
                yield _equal(
                    budget,
                    (pi, ri, ci),
                    _value(budget, (wi, target, wc)),
                    f"{_short(budget, (pi, ri, ci))} ≤ {_short(budget, (wi, target, wc))}",
                    at_most=True,
                )


# --- TAB006: the narrative's figures against the tables --------------------------------------


def _narrative_spots(budget: DepartmentBudget) -> list[tuple[str, Figure | None, Spot]]:
    income, spending, final = budget.income, budget.expenditure, budget.final
    gp = budget.appropriation.general_public if budget.appropriation else None
    all_funds = budget.appropriation.total if budget.appropriation else None
    final_kind = budget.kind is Kind.FINAL
    summary = K.FINAL_SUMMARY if final_kind else K.BUDGET_SUMMARY
    expenditure = K.FINAL_EXPENDITURE if final_kind else K.BUDGET_EXPENDITURE
    general = K.FINAL_GENERAL_PUBLIC if final_kind else K.BUDGET_GENERAL_PUBLIC
    basic = K.FINAL_GENERAL_PUBLIC_BASIC if final_kind else K.BUDGET_GENERAL_PUBLIC_BASIC
    spots: list[tuple[str, Figure | None, Spot]] = []
    if income is not None:
        spots += [
            ("本年收入合计", income.total, (summary, "收入", "本年收入合计", "")),
            ("收入总计", income.grand_total, (summary, "收入", "总计", "")),
            (
                "一般公共预算财政拨款收入",
                income.general_public,
                (summary, "收入", "一般公共预算财政拨款收入", ""),
            ),
            (
                "政府性基金预算财政拨款收入",
                income.government_fund,
                (summary, "收入", "政府性基金预算财政拨款收入", ""),
            ),
            (
                "国有资本经营预算财政拨款收入",
                income.state_capital,
                (summary, "收入", "国有资本经营预算财政拨款收入", ""),
            ),
            (
                "财政拨款收入",
                income.appropriation,
                (K.FINAL_INCOME if final_kind else K.BUDGET_INCOME, None, "合计", "财政拨款收入"),
            ),
            ("上级补助收入", income.higher_subsidy, (summary, "收入", "上级补助收入", "")),
            ("事业收入", income.business, (summary, "收入", "事业收入", "")),
            ("经营收入", income.operating, (summary, "收入", "经营收入", "")),
            ("附属单位上缴收入", income.affiliated, (summary, "收入", "附属单位上缴收入", "")),
            ("其他收入", income.other, (summary, "收入", "其他收入", "")),
            ("上年结转结余", income.carryover, (summary, "收入", _CARRYOVER, "")),
            (
                "使用非财政拨款结余",
                income.surplus_used,
                (summary, "收入", "使用非财政拨款结余", ""),
            ),
        ]
    if spending is not None:
        spots += [
            ("本年支出合计", spending.total, (summary, "支出", "本年支出合计", "")),
            ("支出总计", spending.grand_total, (summary, "支出", "总计", "")),
            ("基本支出", spending.basic, (expenditure, None, "合计", "基本支出")),
            ("项目支出", spending.project, (expenditure, None, "合计", "项目支出")),
            ("上缴上级支出", spending.to_higher, (expenditure, None, "合计", "上缴上级支出")),
            ("经营支出", spending.operating, (expenditure, None, "合计", "经营支出")),
            (
                "对附属单位补助支出",
                spending.to_affiliated,
                (expenditure, None, "合计", "对附属单位补助支出"),
            ),
        ]
    if final is not None:
        spots += [
            ("年初结转和结余", final.carried_in, (summary, "收入", "年初结转和结余", "")),
            ("结余分配", final.distribution, (summary, "支出", "结余分配", "")),
            ("年末结转和结余", final.carried_out, (summary, "支出", "年末结转和结余", "")),
        ]
    if gp is not None:
        spots += [
            ("一般公共预算财政拨款支出", gp.total, (general, None, "合计", "合计")),
            ("一般公共预算财政拨款基本支出", gp.basic, (general, None, "合计", "基本支出")),
            ("一般公共预算财政拨款项目支出", gp.project, (general, None, "合计", "项目支出")),
            ("人员经费", gp.personnel, (basic, None, "人员经费合计", "")),
            ("公用经费", gp.public, (basic, None, "公用经费合计", "")),
        ]
    grand = budget.appropriation.grand_total if budget.appropriation else None
    appropriation = K.FINAL_APPROPRIATION if final_kind else K.BUDGET_APPROPRIATION
    spots += [
        ("财政拨款收入支出总计", grand, (appropriation, "收入", "总计", "")),
        ("财政拨款收入支出总计", grand, (appropriation, "支出", "总计", "")),
    ]
    if all_funds is not None and final_kind:
        spots.append(
            (
                "财政拨款支出",
                all_funds.total,
                (K.FINAL_APPROPRIATION, "支出", "本年支出合计", "合计"),
            )
        )
    return spots


#: The “三公” items as ``ThreePublic`` names them, with their names in messages.
_THREE_PUBLIC: Final[tuple[tuple[ThreePublicItem, str], ...]] = (
    ("total", "“三公”经费"),
    ("overseas", "因公出国（境）费"),
    ("reception", "公务接待费"),
    ("vehicles", "公务用车购置及运行维护费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费"),
)
_MEASURE_NAMES: Final[dict[Column, str]] = {
    "amount": "",
    "prior": "上年数",
    "budget_initial": "年初预算数",
    "budget_full_year": "全年预算数",
}


def three_public_refs(
    budget: DepartmentBudget,
) -> list[tuple[ThreePublicItem, str, Figure, Column, Ref]]:
    """Each stated “三公” figure with the table cell that states it too.

    (item, name, figure, the figure's column, cell). In a 决算 the 决算数 is the
    figure's amount and the 预算数 its 全年 (else 年初) 预算数; in a 预算 the 预算数 is
    the amount. The table may print the items as rows or as columns.
    """
    three = budget.three_public
    final = budget.kind is Kind.FINAL
    found = find_table(budget.tables, K.FINAL_THREE_PUBLIC if final else K.BUDGET_THREE_PUBLIC)
    if three is None or found is None:
        return []
    ti, table = found
    cells = three_public_cells(table, budget.year, final)
    refs: list[tuple[ThreePublicItem, str, Figure, Column, Ref]] = []
    for item, name in _THREE_PUBLIC:
        figure: Figure | None = getattr(three, item)
        if figure is None:
            continue
        budgeted: Column = "budget_full_year" if figure.budget_full_year else "budget_initial"
        columns: list[tuple[Column, Measure]] = (
            [("amount", "final"), (budgeted, "budget"), ("prior", "prior")]
            if final
            else [("amount", "budget"), ("prior", "prior")]
        )
        for column, measure in columns:
            cell = cells.get((item, measure))
            if cell is not None and column_value(figure, column) is not None:
                refs.append((item, name, figure, column, (ti, *cell)))
    return refs


def _first_row(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    if spot[2]:
        return _spot(budget, spot)
    found = find_table(budget.tables, spot[0])
    if found is None or not found[1].rows:
        return None
    ti, table = found
    column = column_index(table, spot[3])
    return None if column is None else (ti, 0, column)


def _said(figure: Figure | Node | None) -> str:
    """Where the narrative states a figure: 说明（第13页）, or 说明 where no page is known."""
    found = _PAGE.search(figure.source or "") if figure is not None else None
    return "说明" if found is None else f"说明（第{found.group(1)}页）"


def _narrative(budget: DepartmentBudget) -> Iterator[Observation]:
    """The narrative's (情况说明) figures equal the tables' cells: income and spending totals,
    sources and kinds, carry-overs, the 一般公共预算 figures, the “三公” items and tree lines.

    Why: the text is written apart from the tables and not always updated with them. A “三公”
    预算数 may be the 年初 or the 全年 budget, and 人员经费/公用经费 not said to be 一般公共预算's, so
    those are warnings, as is 机关运行经费 above the table's 公用经费合计.
    Example: 说明 本年支出合计 150 万元 = 支出决算表 合计行 本年支出合计 150.
    """
    if not budget.tables:
        return
    for name, figure, spot in _narrative_spots(budget):
        mine = stated(budget, figure)
        ref = _first_row(budget, spot)
        if mine is None or ref is None:
            continue
        yield _equal(budget, ref, mine, f"{_said(figure)}中的{name} = {_short(budget, ref)}")
    yield from _basic_parts(budget)
    for _item, name, figure, column, ref in three_public_refs(budget):
        mine = stated(budget, figure, column)
        if mine is None:
            continue
        # a 决算's 预算数 column may hold the 年初 or the 全年 budget: a difference is a warning
        budgeted = column in ("budget_initial", "budget_full_year")
        yield _equal(
            budget,
            ref,
            mine,
            f"{_said(figure)}中的{name}{_MEASURE_NAMES[column]} = {_short(budget, ref)}",
            severity=Severity.WARNING if budgeted else None,
        )
    yield from _narrative_trees(budget)


def _narrative_trees(budget: DepartmentBudget) -> Iterator[Observation]:
    final_kind = budget.kind is Kind.FINAL
    trees: list[tuple[Sequence[Node], TableKind, str]] = []
    if budget.expenditure is not None:
        trees.append(
            (
                budget.expenditure.by_function,
                K.FINAL_EXPENDITURE if final_kind else K.BUDGET_EXPENDITURE,
                "本年支出合计" if final_kind else "合计",
            )
        )
    if budget.appropriation is not None:
        trees.append(
            (
                budget.appropriation.by_function,
                K.FINAL_GENERAL_PUBLIC if final_kind else K.BUDGET_GENERAL_PUBLIC,
                "合计",
            )
        )
        trees.append(
            (
                budget.appropriation.by_economic,
                K.FINAL_GENERAL_PUBLIC_BASIC if final_kind else K.BUDGET_GENERAL_PUBLIC_BASIC,
                "",
            )
        )
    for roots, kind, column_name in trees:
        found = find_table(budget.tables, kind)
        if found is None or not roots:
            continue
        ti, table = found
        # A table of 年初预算数 and 决算数 columns (no 合计): the 决算数 is the line's amount.
        amount = column_index(table, column_name)
        amount = column_index(table, "决算数") if amount is None and column_name else amount
        named: tuple[tuple[Column, int | None], ...] = (
            ("amount", amount),
            ("budget_initial", column_index(table, "年初预算数")),
            ("budget_full_year", column_index(table, "全年预算数")),
        )
        measures = [(measure, column) for measure, column in named if column is not None]
        lines = _table_lines(table, roots)
        for path, node in walk(roots):
            ri = lines.get(path)
            for figure_column, column in measures:
                mine = stated(budget, node, figure_column)
                if mine is None or ri is None:
                    continue
                yield _equal(
                    budget,
                    (ti, ri, column),
                    mine,
                    f"{_said(node)}中的 {node.label}{_MEASURE_NAMES[figure_column]}"
                    f" = {_short(budget, (ti, ri, column))}",
                )


def _table_lines(table: Table, roots: Sequence[Node]) -> dict[tuple[str, ...], int]:
    """The row of the table each line of the narrative's tree is, by path: the row of its
    code, else the one row under its parent's row whose name is the line's (a 类 has 3
    digits, a 款 5 and a 项 7) — the narrative names lines without codes ("一般公共服务支出
    （类）档案事务（款）行政运行（项）")."""
    codes = {row.code: i for i, row in rows_of(table) if row.code}
    found: dict[tuple[str, ...], int] = {}
    for path, node in walk(roots):
        ri = codes.get(node.code) if node.code else None
        parent = found.get(path[:-1]) if len(path) > 1 else None
        if ri is None and node.code is None and (parent is not None or len(path) == 1):
            under = "" if parent is None else table.rows[parent].code or ""
            named = [
                i
                for code, i in codes.items()
                if len(code) == 1 + 2 * len(path)
                and code.startswith(under)
                and name_key(key(table.rows[i].name)) == name_key(node.name)
            ]
            ri = named[0] if len(named) == 1 else None
        if ri is not None:
            found[path] = ri
    return found


def _basic_parts(budget: DepartmentBudget) -> Iterator[Observation]:
    """人员经费 and 公用经费 the narrative states without saying whose (not under 一般公共预算
    基本支出) against the 一般公共预算 基本支出 table's totals, and 机关运行经费 within its
    公用经费合计: warnings, for the narrative's figures may cover every fund and localities
    count 机关运行经费 differently."""
    spending = budget.expenditure
    gp = budget.appropriation.general_public if budget.appropriation else None
    final_kind = budget.kind is Kind.FINAL
    basic = K.FINAL_GENERAL_PUBLIC_BASIC if final_kind else K.BUDGET_GENERAL_PUBLIC_BASIC
    parts: list[tuple[str, Figure | None, Figure | None, str]] = []
    if spending is not None:
        parts += [
            ("人员经费", spending.personnel, gp.personnel if gp else None, "人员经费合计"),
            ("公用经费", spending.public, gp.public if gp else None, "公用经费合计"),
        ]
    for name, figure, own, row_name in parts:
        mine = stated(budget, figure)
        ref = _first_row(budget, (basic, None, row_name, ""))
        if mine is None or ref is None or own is not None:
            continue
        yield _equal(
            budget,
            ref,
            mine,
            f"{_said(figure)}中的{name} = {_short(budget, ref)}（说明未写明是否仅一般公共预算财政拨款）",
            severity=Severity.WARNING,
        )
    operation = budget.institutional_operation
    mine = stated(budget, operation)
    ref = _first_row(budget, (basic, None, "公用经费合计", ""))
    if mine is None or ref is None:
        return
    yield _equal(
        budget,
        ref,
        mine,
        f"{_said(operation)}中的机关运行经费 ≤ {_short(budget, ref)}",
        at_least=True,
        severity=Severity.WARNING,
    )


# --- TAB007: the required tables are there, or their absence is stated ------------------------


def _stated_none(budget: DepartmentBudget, kind: TableKind) -> bool:
    income, three = budget.income, budget.three_public
    figures: dict[TableKind, Figure | None] = {
        K.FINAL_GOVERNMENT_FUND: income.government_fund if income else None,
        K.FINAL_STATE_CAPITAL: income.state_capital if income else None,
        K.BUDGET_GOVERNMENT_FUND: income.government_fund if income else None,
        K.BUDGET_STATE_CAPITAL: income.state_capital if income else None,
        K.FINAL_THREE_PUBLIC: three.total if three else None,
        K.BUDGET_THREE_PUBLIC: three.total if three else None,
    }
    figure = figures.get(kind)
    return figure is not None and figure.none_stated


#: A 目录 entry's dotted leader and page number ("二、收入决算表……6").
_LEADER: Final = re.compile(r"\s*(?:[.．·…_\-—]{2,}\s*)?\d{0,3}$")


def _listed(budget: DepartmentBudget) -> list[TableKind]:
    """The standard tables the table of contents (目录) lists, in its order."""
    kinds: list[TableKind] = []
    for entry in budget.contents:
        spec = match_title(_LEADER.sub("", entry))
        if spec is not None and spec.document is budget.kind and spec.kind not in kinds:
            kinds.append(spec.kind)
    return kinds


def _expected(budget: DepartmentBudget) -> list[TableKind] | None:
    """The tables the document should have: those its 目录 lists, else the template's.

    Only for a document whose tables were printed (PDF, workbook). ``None`` for a
    text with tables pasted into it: a web page shows some tables as text and
    others as images or attachments, so the ones pasted are not its whole set.
    """
    if all(t.pasted for t in budget.tables):
        return None
    listed = _listed(budget)
    if listed:
        return listed
    return [s.kind for s in SPECS if s.document is budget.kind and s.required]


def _required(budget: DepartmentBudget) -> Iterator[Observation]:
    """Every table the 目录 lists (without one: the template's, 决算九张表、预算八张表) is in the
    document, or the narrative states that there is no such fund (无).

    Why: a missing table (the 政府性基金 one, say) is a gap in what must be published; a fund
    stated as none needs no table. Not checked for tables pasted into a text (a web page).
    Example: no 政府性基金预算财政拨款收入支出决算表, and the text says 本单位无政府性基金: fine.
    """
    if not budget.tables:
        return
    expected = _expected(budget)
    if expected is None:
        return
    listed = bool(_listed(budget))
    present = {t.kind: (i, t) for i, t in reversed(list(enumerate(budget.tables))) if t.kind}
    for kind in expected:
        spec = spec_of(kind)
        found = present.get(kind)
        if found is not None:
            index, table = found
            yield Observation(
                outcome=Outcome.EXACT,
                location=Location(
                    f"/tables/{index}", table.where("zh"), table.where("en"), table.place()
                ),
                params={"title": spec.title, "state": "存在"},
                formula=f"{spec.title} 存在，或说明无此类资金",
            )
            continue
        stated_none = _stated_none(budget, kind)
        if stated_none:
            state = "未附此表，说明中已说明无此类资金"
        elif listed:
            state = "目录列出此表，但文件中没有此表，也未说明无此类资金"
        else:
            state = "缺少此表，也未说明无此类资金"
        yield Observation(
            outcome=Outcome.EXACT if stated_none else Outcome.INCONSISTENT,
            location=Location(f"/tables#{kind.value}", spec.title, spec.title),
            params={"title": spec.title, "state": state},
            formula=f"{spec.title} 存在，或说明无此类资金",
        )


# --- TAB010: no table twice, and the tables in the order of the 目录 (or the template) --------


def _order(budget: DepartmentBudget) -> Iterator[Observation]:
    """No standard table appears twice, and the tables follow the order of the 目录 (else the template).

    Why: a table printed twice may be two versions of it, and one out of place is compared with
    the wrong pages by a reader; the order is presentation, so only a warning.
    Example: the 一般公共预算财政拨款支出表 printed before the 收入表 when the 目录 lists it after.
    """
    expected = _expected(budget)
    if not budget.tables or expected is None:
        return
    rank = {kind: i for i, kind in enumerate(expected)}
    seen: set[TableKind] = set()
    latest: tuple[int, Table] | None = None  # the table furthest along the expected order so far
    for index, table in enumerate(budget.tables):
        kind = table.kind
        if kind is None or kind not in rank:
            continue
        location = Location(f"/tables/{index}", table.where("zh"), table.where("en"), table.place())
        if kind in seen:
            state = "同一张表出现两次"
        elif latest is not None and rank[kind] < rank[latest[1].kind or kind]:
            state = f"排在“{latest[1].title}”之后，应在其前"
        else:
            state = ""
        seen.add(kind)
        if latest is None or rank[kind] > rank[latest[1].kind or kind]:
            latest = (index, table)
        yield Observation(
            outcome=Outcome.INCONSISTENT if state else Outcome.EXACT,
            location=location,
            params={"title": table.title, "state": state or "顺序正确"},
            formula="各表只出现一次，顺序与目录（或模板）一致",
        )


# --- TAB011: an empty table says so, and a fund stated as none has an empty table -----------


def _empty_statements(budget: DepartmentBudget) -> Iterator[Observation]:
    """A table with no figures says so (本表无数据, or the narrative states the fund none),
    and a table said to be empty, or of a fund stated as none, has no figures.

    Why: a reader cannot tell an empty table from a missing page unless it says so (a warning);
    a fund stated as none with figures in its table is a contradiction (an error).
    Example: an empty 国有资本经营预算 table with the note “本表无数据” is fine.
    """
    for index, table in enumerate(budget.tables):
        if table.kind is None:
            continue
        location = Location(f"/tables/{index}", table.where("zh"), table.where("en"), table.place())
        empty = all(v is None or v.fen == 0 for row in table.rows for v in row.values)
        stated_none = _stated_none(budget, table.kind)
        if empty:
            said = table.empty_statement is not None or stated_none
            yield Observation(
                outcome=Outcome.EXACT if said else Outcome.INCONSISTENT,
                location=location,
                params={
                    "state": "表内无数据，且未说明“本表无数据”"
                    if not said
                    else "表内无数据，已说明"
                },
                severity=None if said else Severity.WARNING,
                formula="无数据的表说明“本表无数据”",
            )
        elif stated_none or table.empty_statement is not None:
            claim = "说明中称无此类资金" if stated_none else f"表注称“{table.empty_statement}”"
            yield Observation(
                outcome=Outcome.INCONSISTENT,
                location=location,
                params={"state": f"{claim}，但表中有数字"},
                formula="说明无此类资金（本表无数据）的表中没有数字",
            )


# --- TAB008: every table states its unit ------------------------------------------------------


def _units(budget: DepartmentBudget) -> Iterator[Observation]:
    """Every table states its money unit (单位：万元 / 单位：元) in its header.

    Why: a table without a unit may be read at the wrong scale (元 for 万元), so every figure is
    in doubt; read with the document's unit, and only a warning.
    Example: a 支出决算表 whose header has no “单位：万元” line is flagged (read as 万元).
    """
    for index, table in enumerate(budget.tables):
        if table.kind is None and not table.rows:
            continue
        unit = (table.precision or budget.precision).unit.label
        yield Observation(
            outcome=Outcome.EXACT if table.unit_line else Outcome.INCONSISTENT,
            location=Location(
                f"/tables/{index}/unit_line", table.where("zh"), table.where("en"), table.place()
            ),
            params={
                "title": table.title,
                "read_unit": unit,
                "state": table.unit_line or "未标明单位",
            },
            formula="每张表标明金额单位（单位：万元 / 单位：元）",
        )


# --- TAB009: 人员经费合计 and 公用经费合计 of the 基本支出 table ---------------------------------

_PERSONNEL: Final = ("301", "303")
_PUBLIC: Final = ("302", "307", "309", "310", "399")


def _basic_split(budget: DepartmentBudget) -> Iterator[Observation]:
    """In the 基本支出 table: 人员经费合计 = 301 + 303, and 公用经费合计 = 302 + 307 + 309 + 310
    + 399 (the classes printed), in every column.

    Why: the two subtotals are what the narrative quotes; which classes each includes differs
    by locality, so a gap is a warning rather than an error.
    Example: 人员经费合计 82 = 301 工资福利支出 76 + 303 对个人和家庭的补助 6.
    """
    found = find_table(budget.tables, K.FINAL_GENERAL_PUBLIC_BASIC, K.BUDGET_GENERAL_PUBLIC_BASIC)
    if found is None:
        return
    ti, table = found
    for total_name, classes in (("人员经费合计", _PERSONNEL), ("公用经费合计", _PUBLIC)):
        total = row_index(table, total_name)
        if total is None:
            continue
        parts = [i for i, row in rows_of(table) if row.code in classes]
        for c in range(len(table.columns)):
            codes = "+".join(table.rows[i].code or "" for i in parts)
            observation = _sum(
                budget,
                (ti, total, c),
                [(ti, i, c) for i in parts],
                f"{total_name} = {codes}",
                severity=Severity.WARNING,
            )
            if observation is not None:
                yield observation


# --- TAB012: shares and completion rates, recomputed from the table's figures ---------------


def _narrative_place(path: str, name: str, figure: Figure, what: str, ref: str) -> Location:
    return Location(
        f"{path}/{what}",
        f"{name}（说明）",
        f"{name} (narrative)",
        figure.source,
    )


def _ratio(
    budget: DepartmentBudget,
    location: Location,
    stated_percent: StatedPercent,
    numerator: Ref,
    denominator: Ref,
    formula: str,
) -> Observation | None:
    computed = ratio_range(_value(budget, numerator), _value(budget, denominator))
    if computed is None:
        return None
    return percent_observation(
        location=location,
        percent=stated_percent,
        computed=computed,
        magnitude=True,
        formula=formula,
        params={
            "relation": f"{_short(budget, numerator)} ÷ {_short(budget, denominator)}",
            "count": "2",
        },
    )


def _table_ratios(budget: DepartmentBudget) -> Iterator[Observation]:
    """The narrative's shares and completion rates that it cannot check from its own figures,
    recomputed from the tables: a “三公” item ÷ the table's 合计, 决算数 ÷ the table's 预算数, income
    sources and spending kinds ÷ 本年收入（支出）合计, general public classes and the fund ÷ theirs.

    Why: the percent was taken from figures only the tables print. Shares of income sources and
    spending kinds, and a share that fits another whole (本年支出合计, 支出总计) than the
    template's, are warnings; other wrong percents errors. Percents within rounding pass.
    Example: 公务接待费 1.5 of “三公” 合计 6 in the table: “占 25%” holds.
    """
    yield from _table_shares(budget)
    yield from _class_shares(budget)
    yield from _fund_share(budget)
    three = budget.three_public
    if three is None:
        return
    own_measure: Measure = "final" if budget.kind is Kind.FINAL else "budget"
    budgeted: tuple[Column, ...] = ("budget_initial", "budget_full_year")
    for item, name in _THREE_PUBLIC:
        figure: Figure | None = getattr(three, item)
        own = _three_cell(budget, item, own_measure)
        if figure is None or own is None:
            continue
        path = f"/three_public/{item}"
        whole_figure = three.total
        whole = _three_cell(budget, "total", own_measure)
        narrative_can = (
            whole_figure is not None
            and column_value(whole_figure, "amount") is not None
            and column_value(figure, "amount") is not None
        )
        if figure.share is not None and item != "total" and whole is not None and not narrative_can:
            observation = _ratio(
                budget,
                _narrative_place(path, name, figure, "share", ""),
                figure.share,
                own,
                whole,
                "占比 = 表中该项 ÷ 表中合计 × 100%",
            )
            if observation is not None:
                yield observation
        base = _budget_cell(budget, item)
        has_budget = any(column_value(figure, c) is not None for c in budgeted)
        if figure.completion is not None and base is not None and not has_budget:
            observation = _ratio(
                budget,
                _narrative_place(path, name, figure, "completion", ""),
                figure.completion,
                own,
                base,
                "完成率 = 表中决算数 ÷ 表中预算数 × 100%",
            )
            if observation is not None:
                yield observation


#: The narrative's income sources and spending kinds that a share of 本年收入合计 / 本年支出合计
#: may be stated for: their names in _narrative_spots and their paths.
_INCOME_SHARES: Final = {
    "财政拨款收入": "/income/appropriation",
    "一般公共预算财政拨款收入": "/income/general_public",
    "政府性基金预算财政拨款收入": "/income/government_fund",
    "国有资本经营预算财政拨款收入": "/income/state_capital",
    "上级补助收入": "/income/higher_subsidy",
    "事业收入": "/income/business",
    "经营收入": "/income/operating",
    "附属单位上缴收入": "/income/affiliated",
    "其他收入": "/income/other",
}
_SPENDING_SHARES: Final = {
    "基本支出": "/expenditure/basic",
    "项目支出": "/expenditure/project",
    "上缴上级支出": "/expenditure/to_higher",
    "经营支出": "/expenditure/operating",
    "对附属单位补助支出": "/expenditure/to_affiliated",
}


def _table_shares(budget: DepartmentBudget) -> Iterator[Observation]:
    """The shares of income sources and spending kinds the narrative states without their
    whole (no 本年收入合计 / 本年支出合计 or 总计 of its own, so SHR001 cannot check them),
    recomputed from the table: 该项 ÷ 本年收入（支出）合计. A warning, for the narrative may
    have taken the share of another whole (收入总计)."""
    income, spending = budget.income, budget.expenditure
    summary = K.FINAL_SUMMARY if budget.kind is Kind.FINAL else K.BUDGET_SUMMARY
    wholes: list[tuple[dict[str, str], Ref | None]] = []
    if income is not None and income.total is None and income.grand_total is None:
        wholes.append((_INCOME_SHARES, _spot(budget, (summary, "收入", "本年收入合计", ""))))
    if spending is not None and spending.total is None and spending.grand_total is None:
        wholes.append((_SPENDING_SHARES, _spot(budget, (summary, "支出", "本年支出合计", ""))))
    for paths, whole in wholes:
        if whole is None:
            continue
        for name, figure, spot in _narrative_spots(budget):
            part = _first_row(budget, spot) if name in paths else None
            if figure is None or figure.share is None or part is None:
                continue
            observation = _ratio(
                budget,
                _narrative_place(paths[name], name, figure, "share", ""),
                figure.share,
                part,
                whole,
                f"占比 = {_short(budget, part)} ÷ {_short(budget, whole)} × 100%",
            )
            if observation is not None:
                yield evolve(observation, severity=Severity.WARNING)


def _share_of_table(
    budget: DepartmentBudget,
    location: Location,
    share: StatedPercent,
    part: Ref,
    whole: Ref,
    others: Sequence[Ref | None],
) -> Observation | None:
    """A stated share against ``part`` ÷ ``whole`` of the tables; a share that is instead the
    part of one of ``others`` (another whole a narrative may have meant) is a warning that
    names it, not an error."""
    observation = _ratio(
        budget,
        location,
        share,
        part,
        whole,
        f"占比 = {_short(budget, part)} ÷ {_short(budget, whole)} × 100%",
    )
    if observation is None or observation.outcome is not Outcome.INCONSISTENT:
        return observation
    for other in others:
        found = None if other is None else _ratio(budget, location, share, part, other, "")
        if other is not None and found is not None and found.outcome is not Outcome.INCONSISTENT:
            params = dict(observation.params)
            params["relation"] += f"；按{_short(budget, other)}计算则一致，分母不同"
            return evolve(observation, severity=Severity.WARNING, params=params)
    return observation


def _class_shares(budget: DepartmentBudget) -> Iterator[Observation]:
    """The share each class of the general public budget's spending is stated with
    ("一般公共服务支出（类）400万元，占71.43%"), recomputed from the general public table: the
    class's row ÷ the 合计 row. A share that is the class's part of 本年支出合计 instead (the
    summary table's, all funds) is a warning: another whole than the template's, not a wrong
    figure."""
    appropriation = budget.appropriation
    roots = appropriation.by_function if appropriation is not None else ()
    final = budget.kind is Kind.FINAL
    found = find_table(budget.tables, K.FINAL_GENERAL_PUBLIC if final else K.BUDGET_GENERAL_PUBLIC)
    if found is None or not any(node.share is not None for node in roots):
        return
    ti, table = found
    column, total = column_index(table, "合计"), total_row(table)
    if column is None or total is None:
        return
    summary = K.FINAL_SUMMARY if final else K.BUDGET_SUMMARY
    spending = _spot(budget, (summary, "支出", "本年支出合计", ""))
    lines = _table_lines(table, roots)
    for node in roots:  # a 款's or 项's share may be of its class: only the classes'
        ri = lines.get((node.key,))
        if node.share is None or ri is None:
            continue
        path = f"/appropriation/by_function/{node.key}"
        location = _narrative_place(path, node.label, node, "share", "")
        observation = _share_of_table(
            budget, location, node.share, (ti, ri, column), (ti, total, column), [spending]
        )
        if observation is not None:
            yield observation


def _fund_share(budget: DepartmentBudget) -> Iterator[Observation]:
    """The share of 本年支出合计 the general public budget's spending is stated with
    ("一般公共预算财政拨款支出560万元，占本年支出合计的97.39%"), which no figure of the
    narrative checks: the general public table's 合计 ÷ the summary table's 本年支出合计. A share
    of the 支出总计 or of all appropriations instead is a warning (another whole)."""
    block = budget.appropriation.general_public if budget.appropriation else None
    figure = block.total if block is not None else None
    if figure is None or figure.share is None or figure.share_of is not None:
        return
    final = budget.kind is Kind.FINAL
    general = K.FINAL_GENERAL_PUBLIC if final else K.BUDGET_GENERAL_PUBLIC
    summary = K.FINAL_SUMMARY if final else K.BUDGET_SUMMARY
    part = _spot(budget, (general, None, "合计", "合计"))
    whole = _spot(budget, (summary, "支出", "本年支出合计", ""))
    if part is None or whole is None:
        return
    others = [
        _spot(budget, (summary, "支出", "总计", "")),
        _spot(budget, (K.FINAL_APPROPRIATION, "支出", "本年支出合计", "合计")) if final else None,
    ]
    name = label("appropriation", "general_public")[0]
    location = _narrative_place("/appropriation/general_public/total", name, figure, "share", "")
    observation = _share_of_table(budget, location, figure.share, part, whole, others)
    if observation is not None:
        yield observation


def _three_cell(budget: DepartmentBudget, item: ThreePublicItem, measure: Measure) -> Ref | None:
    """The cell of a “三公” item and measure in the document's “三公” table, if it has one."""
    final = budget.kind is Kind.FINAL
    found = find_table(budget.tables, K.FINAL_THREE_PUBLIC if final else K.BUDGET_THREE_PUBLIC)
    if found is None:
        return None
    ti, table = found
    cell = three_public_cells(table, budget.year, final).get((item, measure))
    return None if cell is None else (ti, *cell)


def _budget_cell(budget: DepartmentBudget, item: ThreePublicItem) -> Ref | None:
    """The 预算数 cell of a “三公” item in a 决算's table, whether or not the narrative states it."""
    return _three_cell(budget, item, "budget") if budget.kind is Kind.FINAL else None


# --- TAB013: a change against the budget, with the table's 预算数 -------------------------------


def _against_table_budget(budget: DepartmentBudget) -> Items:
    """The “三公” figures compared with their budget in words (与预算相比减少 0.1 万元，下降 …,
    无变化) where the narrative does not state the budget: the table's 预算数 is the base."""
    three = budget.three_public
    if three is None or budget.kind is not Kind.FINAL:
        return
    for item, name in _THREE_PUBLIC:
        figure: Figure | None = getattr(three, item)
        if figure is None or (figure.budget_change is None and figure.budget_percent is None):
            continue
        if figure.budget_initial is not None or figure.budget_full_year is not None:
            continue  # the narrative's own budget: EXE003–EXE005
        base = _budget_cell(budget, item)
        if base is None:
            continue
        final = column_value(figure, "amount")
        if final is None:
            ref = _three_cell(budget, item, "final")
            final = None if ref is None else budget.tables[ref[0]].rows[ref[1]].values[ref[2]]
        if final is None:
            continue
        yield _against(budget, f"/three_public/{item}", name, figure, final, base)


def _against(
    budget: DepartmentBudget, path: str, name: str, figure: Figure, final: Amount, base: Ref
) -> tuple[str, str, str, Figure]:
    """The item the budget-execution checks take for ``figure``'s change against its budget
    in words, with the table's budget cell ``base`` as the budget: (path, zh, en, figure)."""
    table = budget.tables[base[0]]
    cell = table.rows[base[1]].values[base[2]]
    return (
        path,
        f"{name}（表中预算数：{_short(budget, base)}）",
        f"{name} (budget from the table: {_short(budget, base)})",
        Figure(
            amount=final,
            prior=cell if cell is not None else Amount.from_fen(0),
            change=figure.budget_change,
            percent=figure.budget_percent,
            precision=table.precision or budget.precision,
            source=figure.source,
        ),
    )


#: A 一般公共预算 table's budget column, and whether it is the 年初预算数 the template's
#: "决算数大于（小于）预算数" compares with (else the narrative may mean another budget).
_BUDGET_COLUMNS: Final = (("年初预算数", True), ("年初预算", True), ("全年预算数", False),
                          ("调整预算数", False), ("预算数", False))  # fmt: skip


def _lines_against_table_budget(
    budget: DepartmentBudget,
) -> list[tuple[tuple[str, str, str, Figure], bool]]:
    """The general public budget's class and item lines compared with their budget in words
    ("决算数大于预算数的主要原因…") where the narrative does not state the budget: the general
    public table's one budget column is the base (its 决算数, else 合计, the final figure where
    the narrative states none). With the item, whether the column is the 年初预算数."""
    appropriation = budget.appropriation
    final = budget.kind is Kind.FINAL
    found = find_table(budget.tables, K.FINAL_GENERAL_PUBLIC) if final else None
    if appropriation is None or found is None:
        return []
    ti, table = found
    columns = [
        (c, firm) for name, firm in _BUDGET_COLUMNS if (c := column_index(table, name)) is not None
    ]
    if len({c for c, _ in columns}) != 1:
        return []  # none, or more than one: which budget the narrative means is not known
    column, firm = columns[0]
    own = column_index(table, "决算数")
    own = column_index(table, "合计") if own is None else own
    lines = _table_lines(table, appropriation.by_function)
    zh = label("appropriation", "by_function")[0]
    items: list[tuple[tuple[str, str, str, Figure], bool]] = []
    for path, node in walk(appropriation.by_function):
        ri = lines.get(path)
        if ri is None or (node.budget_change is None and node.budget_percent is None):
            continue
        if node.budget_initial is not None or node.budget_full_year is not None:
            continue  # the narrative's own budget: EXE003–EXE005
        amount = column_value(node, "amount")
        amount = table.rows[ri].values[own] if amount is None and own is not None else amount
        if amount is None:
            continue
        where = f"/appropriation/by_function/{'/'.join(path)}"
        item = _against(budget, where, f"{zh} {node.label}", node, amount, (ti, ri, column))
        items.append((item, firm))
    return items


def _with_lines(
    budget: DepartmentBudget,
    checks: Callable[[DepartmentBudget, Items, Basis], Iterator[Observation]],
) -> Iterator[Observation]:
    """``checks`` on the “三公” figures and the general public lines against the table's budget;
    a line's is a warning where the table's budget column may not be the one meant."""
    yield from checks(budget, list(_against_table_budget(budget)), BUDGET)
    for item, firm in _lines_against_table_budget(budget):
        for observation in checks(budget, [item], BUDGET):
            unsure = not firm and observation.outcome is Outcome.INCONSISTENT
            yield evolve(observation, severity=Severity.WARNING) if unsure else observation


def _table_budget_change(budget: DepartmentBudget) -> Iterator[Observation]:
    """A “三公” figure's (or general public line's) change against the budget (较预算增减额)
    = 决算数 − the table's 预算数, where the narrative states no budget of its own.

    Why: the narrative compares with a budget it does not print; the table's 预算数 is that
    budget. Where the table's column may not be the 年初预算数 meant, a gap is a warning.
    Example: 决算 4、表中预算数 5，“与预算相比减少 1 万元” holds.
    """
    return _with_lines(budget, change_checks)


def _table_budget_percent(budget: DepartmentBudget) -> Iterator[Observation]:
    """A “三公” figure's (or general public line's) percent against the budget = (决算数 − the
    table's 预算数) ÷ that 预算数 × 100, where the narrative states no budget of its own.

    Why: as TAB013, with the percent: a wrong base or an amount written as the percent shows;
    within rounding passes, and an unsure budget column makes a gap a warning.
    Example: 决算 4、表中预算数 5，“下降 20%” holds.
    """
    return _with_lines(budget, percent_checks)


def _table_budget_direction(budget: DepartmentBudget) -> Iterator[Observation]:
    """A word comparing a “三公” figure (or general public line) with its budget (增加, 减少,
    无变化 …) matches the sign of 决算数 − the table's 预算数, where the narrative states no budget.

    Why: a word left from another year's text contradicts the table; 持平 within rounding
    passes, and an unsure budget column makes a contradiction a warning.
    Example: 决算 4、表中预算数 5 with “与预算相比无变化” fails.
    """
    return _with_lines(budget, direction_checks)


# --- TAB016: a “三公” table printing its items as rows adds up -----------------------------------

_THREE_PARTS: Final[tuple[tuple[ThreePublicItem, tuple[ThreePublicItem, ...], str], ...]] = (
    (
        "total",
        ("overseas", "reception", "vehicles"),
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费",
    ),
    (
        "total",
        ("overseas", "reception", "vehicle_purchase", "vehicle_operation"),
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置费 + 公务用车运行维护费",
    ),
    (
        "vehicles",
        ("vehicle_purchase", "vehicle_operation"),
        "公务用车购置及运行维护费 = 购置费 + 运行维护费",
    ),
)


def _three_public_rows(budget: DepartmentBudget) -> Iterator[Observation]:
    """In a “三公” table printing its items as rows: 合计 = 因公出国（境）费 + 公务接待费 +
    公务用车购置及运行维护费 (or its two parts), and 公务用车 = 购置费 + 运行维护费, in every column.

    Why: the “三公” table is the one most read; a part mistyped shows as the gap. Parts all
    left blank were not filled in, not stated as zero: not checked (items as columns: TAB002).
    Example: 合计 6 = 因公出国（境）费 0 + 公务接待费 1.5 + 公务用车购置及运行维护费 4.5.
    """
    for ti, table in enumerate(budget.tables):
        if table.kind not in (K.FINAL_THREE_PUBLIC, K.BUDGET_THREE_PUBLIC):
            continue
        rows: dict[ThreePublicItem, int] = {}
        for r, row in enumerate(table.rows):
            item = three_public_item(row.name)
            if item is not None:
                rows.setdefault(item, r)
        done: set[ThreePublicItem] = set()
        for total, parts, relation in _THREE_PARTS:
            if total in done or total not in rows or not all(p in rows for p in parts):
                continue
            done.add(total)
            for c in range(len(table.columns)):
                cells = [(ti, rows[p], c) for p in parts]
                if all(_blank(budget, cell) for cell in cells):
                    continue  # the 其中 rows left blank (not filled in), not stated as zero
                observation = _sum(budget, (ti, rows[total], c), cells, relation)
                if observation is not None:
                    yield observation


_SUM_ZH: Final = "{where}：表中为 {stated}{unit}，按“{relation}”应为 {computed}{unit}"
_SUM_EN: Final = (
    "{where}: the table states {stated} {unit}; by {relation} it should be {computed} {unit}"
)


def _rule(
    id: str,
    title_zh: str,
    title_en: str,
    formula: str,
    check: Callable[[DepartmentBudget], Iterator[Observation]],
    *,
    severity: Severity = Severity.ERROR,
    message_zh: str = _SUM_ZH,
    message_en: str = _SUM_EN,
) -> Rule:
    return Rule(
        id=id,
        family="tables",
        severity=severity,
        title_zh=title_zh,
        title_en=title_en,
        message_zh=message_zh,
        message_en=message_en,
        formula=formula,
        check=check,
    )


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
    _rule(
        "TAB005",
        "同一数字在不同表中一致",
        "The same figure agrees across tables",
        "总表、收入表、支出表、财政拨款表、一般公共预算表、基本支出表、政府性基金表的对应单元格相等；一般公共预算各行 ≤ 支出表同一行",
        _cross_tables,
    ),
    _rule(
        "TAB006",
        "说明中的数字与表中一致",
        "The narrative's figures equal the tables'",
        "说明（情况说明）中的每一金额 = 表中对应单元格",
        _narrative,
        message_zh="{where}：表中为 {stated}{unit}，说明中为 {computed}{unit}（{relation}）",
        message_en="{where}: the table states {stated} {unit}, the narrative {computed} {unit} ({relation})",
    ),
    _rule(
        "TAB007",
        "应公开的表齐全（目录所列、或模板所定），或说明无此类资金",
        "Every table the contents list (or the template requires) is published, or its absence explained",
        "目录列出的表（无目录时：决算九张表、预算八张表）均在，或说明无此类资金",
        _required,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
    _rule(
        "TAB008",
        "每张表标明金额单位",
        "Every table states its unit",
        "表头有“单位：万元”或“单位：元”",
        _units,
        severity=Severity.WARNING,
        message_zh="{where}：{state}（按 {read_unit} 读取）",
        message_en="{where}: {state} (read as {read_unit})",
    ),
    _rule(
        "TAB009",
        "基本支出表：人员经费合计 = 301 + 303，公用经费合计 = 302 + 310 等",
        "Basic spending table: personnel = 301 + 303, public expenses = 302 + 310 (+ others)",
        "人员经费合计 = 工资福利支出 + 对个人和家庭的补助；公用经费合计 = 商品和服务支出 + 资本性支出 + …（各地口径不一，警告）",
        _basic_split,
        severity=Severity.WARNING,
    ),
    _rule(
        "TAB010",
        "各表不重复，顺序与目录（或模板）一致",
        "No table twice, and the tables in the order of the contents (or the template)",
        "每张标准表只出现一次，且按目录（无目录时按模板）的顺序排列",
        _order,
        severity=Severity.WARNING,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
    _rule(
        "TAB012",
        "说明中的占比、完成率按表中数字核对",
        "The narrative's shares and completion rates, from the table's figures",
        "占比 = 表中该项 ÷ 表中合计；完成率 = 表中决算数 ÷ 表中预算数（说明未写出其中一个数时）",
        _table_ratios,
        message_zh="{where}：写明 {stated}%，按表中数字（{relation}）为 {computed}%",
        message_en="{where}: states {stated}%; from the table ({relation}) it is {computed}%",
    ),
    _rule(
        "TAB013",
        "说明中较预算的增减额按表中预算数核对",
        "A change against the budget, with the table's 预算数",
        "与预算相比的增减额 = 决算数 − 表中预算数（说明未写出预算数时）",
        _table_budget_change,
        message_zh="{where}：写明较预算增减 {stated}{unit}，决算数 {current} 与表中预算数 {prior} 之差为 {computed}{unit}",
        message_en="{where}: stated change against the budget {stated} {unit}; final {current} less the table's budget {prior} is {computed} {unit}",
    ),
    _rule(
        "TAB014",
        "说明中较预算的增减率按表中预算数核对",
        "A percent against the budget, with the table's 预算数",
        "与预算相比的增减率 = （决算数 − 表中预算数）÷ 表中预算数（说明未写出预算数时）",
        _table_budget_percent,
        message_zh="{where}：写明较预算增减 {stated}%，按{basis_zh}计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated {stated}% against the budget; {basis_en} give {computed}% (rounding range {low}% to {high}%)",
    ),
    _rule(
        "TAB015",
        "说明中较预算的增减用词与表中预算数、决算数一致",
        "Words comparing a final figure with its budget match the table's figures",
        "“增加/减少/无变化/持平”与 决算数 − 表中预算数 的符号一致（说明未写出预算数时）",
        _table_budget_direction,
        message_zh="{where}：较预算写“{words}”，{actual_zh}",
        message_en="{where}: against the budget the words “{words}” state a direction; {actual_en}",
    ),
    _rule(
        "TAB016",
        "“三公”经费表各项之和等于合计，公务用车两项之和等于小计",
        "A “三公” table's items add up to its total, and the vehicle costs to theirs",
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费；公务用车购置及运行维护费 = 购置费 + 运行维护费（各项为行时，每一列）",
        _three_public_rows,
    ),
    _rule(
        "TAB011",
        "无数据的表说明“本表无数据”；说明无此类资金的表中没有数字",
        "An empty table says so; a table of funds stated as none is empty",
        "空表有“本表无数据”说明（或说明无此类资金）；说明无此类资金或本表无数据的表中全为空",
        _empty_statements,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
)
