"""The narrative against the tables (TAB006, TAB012–TAB015).

The narrative's figures, its shares and completion rates, and its changes against the budget,
recomputed from the cells of the tables.
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
from govbudget.rounding import Outcome, ratio_range
from govbudget.rules._labels import label
from govbudget.rules._support import Column, column_value, percent_observation, stated
from govbudget.rules.base import Location, Observation, Severity
from govbudget.rules.tables._cells import (
    K,
    Ref,
    Spot,
    _equal,
    _first_row,
    _rule,
    _short,
    _spot,
    _value,
)
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
    key,
    rows_of,
    three_public_cells,
    total_row,
)
from govbudget.tree import Node, walk

__all__ = ["RULES", "three_public_refs"]


# The page a narrative figure's source names ("d.pdf p. 13").
_PAGE: Final = re.compile(r" p\. (\d+)$")


#: How a budget's 收支总表 names the carry-over from the prior year.
_CARRYOVER: Final = "上年结转|上年结转结余|上年结转结余收入|上年结转收入|年初结转和结余"


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
    if not budget.tables:
        return  # every figure it recomputes from is a table's
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


RULES: Final = (
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
)
