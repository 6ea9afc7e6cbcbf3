"""Breakers of the tables rules (公开表, TAB001–TAB016): how to break each in an exact budget."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure, StatedChange, StatedPercent
from govbudget.model import DepartmentBudget, Kind, ThreePublic
from govbudget.money import Amount
from govbudget.strategies._breakers._base import LEAST_STEPS, Breaker, _b, _delta, _step
from govbudget.table import Column as TableColumn
from govbudget.table import Row, Table, TableKind

__all__ = ["BREAKERS"]


_UNIT_LINES: Final = {
    "元": "单位：元",
    "千元": "单位：千元",
    "万元": "单位：万元",
    "亿元": "单位：亿元",
}


def _table(budget: DepartmentBudget, **fields: object) -> Table:
    unit_line = _UNIT_LINES[budget.precision.unit.label]
    return Table(unit_line=unit_line, pages=(1,), **fields)  # type: ignore[arg-type]


def _one_column(
    budget: DepartmentBudget, title: str, kind: TableKind, rows: tuple[Row, ...]
) -> Table:
    return _table(budget, title=title, kind=kind, columns=(TableColumn("合计"),), rows=rows)


def _money(draw: DrawFn, budget: DepartmentBudget) -> Amount:
    return Amount.from_fen(draw(st.integers(0, 10 * LEAST_STEPS)) * _step(budget))


def _off(draw: DrawFn, budget: DepartmentBudget, value: Amount) -> Amount:
    return Amount.from_fen(value.fen + _delta(draw, budget))


def _with_tables(budget: DepartmentBudget, *tables: Table) -> DepartmentBudget:
    return evolve(budget, tables=(*budget.tables, *tables))


def _classes(draw: DrawFn, budget: DepartmentBudget) -> list[tuple[str, str, Amount]]:
    """Function classes (code, name, amount): the budget's own, or two made up."""
    spending = budget.expenditure
    if spending is not None and spending.by_function:
        return [
            (n.code or "", n.name, n.amount or Amount.from_fen(0))
            for n in spending.by_function
            if n.code is not None
        ]
    return [
        ("201", "一般公共服务支出", _money(draw, budget)),
        ("208", "社会保障和就业支出", _money(draw, budget)),
    ]


def _table_column_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 部门支出总表 whose 合计 row is not the sum of its 类 lines."""
    classes = _classes(draw, budget)
    total = sum((a for *_, a in classes), Amount.from_fen(0))
    rows = (
        Row(name="合计", values=(_off(draw, budget, total),)),
        *(Row(code=code, name=name, values=(amount,)) for code, name, amount in classes),
    )
    return _with_tables(
        budget, _one_column(budget, "部门支出总表", TableKind.BUDGET_EXPENDITURE, rows)
    )


def _table_row_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A row whose 合计 column is not 基本支出 + 项目支出."""
    basic, project = _money(draw, budget), _money(draw, budget)
    table = _table(
        budget,
        title="一般公共预算支出表",
        kind=TableKind.BUDGET_GENERAL_PUBLIC,
        columns=(TableColumn("合计"), TableColumn("基本支出"), TableColumn("项目支出")),
        rows=(Row(name="合计", values=(_off(draw, budget, basic + project), basic, project)),),
    )
    return _with_tables(budget, table)


def _summary(
    budget: DepartmentBudget,
    income: tuple[Amount, Amount, Amount | None],
    spending: tuple[Amount, Amount, Amount | None],
) -> Table:
    """A 部门收支总表: (item, 本年合计, 总计) on each side."""
    rows: list[Row] = []
    for side, item, (first, total, grand) in (
        ("收入", "一、一般公共预算拨款收入", income),
        ("支出", "一、一般公共服务支出", spending),
    ):
        rows.append(
            Row(name=item, side=side, values=(first, None) if side == "收入" else (None, first))
        )
        pair = (total, None) if side == "收入" else (None, total)
        rows.append(Row(name=f"本年{side}合计", side=side, values=pair))
        if grand is not None:
            values = (grand, None) if side == "收入" else (None, grand)
            rows.append(Row(name=f"{side}总计", side=side, values=values))
    return _table(
        budget,
        title="部门收支总表",
        kind=TableKind.BUDGET_SUMMARY,
        columns=(TableColumn("预算数", side="收入"), TableColumn("预算数", side="支出")),
        rows=tuple(rows),
    )


def _table_summary_side(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 收支总表 whose 本年收入合计 is not the sum of its items."""
    value = _money(draw, budget)
    table = _summary(budget, (value, _off(draw, budget, value), None), (value, value, None))
    return _with_tables(budget, table)


def _table_balance(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 收支总表 whose 收入总计 and 支出总计 differ."""
    value = _money(draw, budget)
    wrong = _off(draw, budget, value)
    table = _summary(budget, (value, value, value), (wrong, wrong, wrong))
    return _with_tables(budget, table)


def _table_cross(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """部门收入总表 合计 other than the 收支总表's 本年收入合计."""
    value = _money(draw, budget)
    income_table = _table(
        budget,
        title="部门收入总表",
        kind=TableKind.BUDGET_INCOME,
        columns=(TableColumn("合计"),),
        rows=(Row(name="合计", values=(_off(draw, budget, value),)),),
    )
    return _with_tables(
        budget, _summary(budget, (value, value, None), (value, value, None)), income_table
    )


def _table_narrative(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The 收支总表's 本年收入合计 other than the narrative's 收入合计."""
    assert budget.income is not None
    assert budget.income.total is not None
    stated = budget.income.total.amount or Amount.from_fen(0)
    wrong = _off(draw, budget, stated)
    return _with_tables(budget, _summary(budget, (wrong, wrong, None), (wrong, wrong, None)))


def _table_required(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """One standard table published, the others neither published nor said to be empty."""
    value = _money(draw, budget)
    return _with_tables(budget, _summary(budget, (value, value, None), (value, value, None)))


def _table_twice(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The 收支总表 printed twice (or after the 收入总表)."""
    value = _money(draw, budget)
    summary = _summary(budget, (value, value, None), (value, value, None))
    income = _one_column(
        budget, "部门收入总表", TableKind.BUDGET_INCOME, (Row(name="合计", values=(value,)),)
    )
    tables = draw(st.sampled_from(((summary, summary), (income, summary))))
    return _with_tables(budget, *tables)


def _table_said_empty(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A table said to have no data (本表无数据) that has figures."""
    value = Amount.from_fen(_money(draw, budget).fen + _step(budget))
    table = evolve(
        _summary(budget, (value, value, None), (value, value, None)),
        empty_statement="本表无数据",
    )
    return _with_tables(budget, table)


def _table_unit(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A table printed without its 单位 line."""
    value = _money(draw, budget)
    table = evolve(_summary(budget, (value, value, None), (value, value, None)), unit_line=None)
    return _with_tables(budget, table)


def _table_basic(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 基本支出表 whose 人员经费合计 is not 301 + 303."""
    wages, aid, goods = (_money(draw, budget) for _ in range(3))
    rows = (
        Row(name="人员经费合计", values=(_off(draw, budget, wages + aid),)),
        Row(code="301", name="工资福利支出", values=(wages,)),
        Row(code="303", name="对个人和家庭的补助", values=(aid,)),
        Row(name="公用经费合计", values=(goods,)),
        Row(code="302", name="商品和服务支出", values=(goods,)),
    )
    return _with_tables(
        budget,
        _one_column(budget, "一般公共预算基本支出表", TableKind.BUDGET_GENERAL_PUBLIC_BASIC, rows),
    )


def _sangong_final(
    draw: DrawFn, budget: DepartmentBudget
) -> tuple[DepartmentBudget, Amount, Amount, Amount]:
    """A 决算 with a pasted “三公” table: (budget, 合计, 接待费 预算数, 接待费 决算数)."""
    planned = Amount.from_fen(_money(draw, budget).fen + 200 * _step(budget))
    spent = Amount.from_fen(planned.fen // 2 // _step(budget) * _step(budget))
    total = Amount.from_fen(spent.fen * 2 + _step(budget) * 10)
    table = _table(
        budget,
        title="“三公”经费支出决算表",
        kind=TableKind.FINAL_THREE_PUBLIC,
        columns=(TableColumn("预算数"), TableColumn("决算数")),
        rows=(
            Row(name="合计", values=(planned + total, total)),
            Row(name="公务接待费", values=(planned, spent)),
        ),
    )
    return _with_tables(budget, table), total, planned, spent


def _table_three_rows(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A “三公” table whose 合计 row is not the sum of its item rows."""
    overseas, reception, vehicles = (_money(draw, budget) for _ in range(3))
    total = _off(draw, budget, Amount.from_fen(overseas.fen + reception.fen + vehicles.fen))
    table = _table(
        budget,
        title="“三公”经费支出预算表",
        kind=TableKind.BUDGET_THREE_PUBLIC,
        columns=(TableColumn("预算数"),),
        rows=(
            Row(name="合计", values=(total,)),
            Row(name="因公出国（境）费", values=(overseas,)),
            Row(name="公务接待费", values=(reception,)),
            Row(name="公务用车购置及运行维护费", values=(vehicles,)),
        ),
    )
    return _with_tables(budget, table)


def _with_reception(budget: DepartmentBudget, figure: Figure) -> DepartmentBudget:
    return evolve(budget, three_public=ThreePublic(reception=figure))


def _table_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """公务接待费's share of the “三公” total far from the table's figures (the total not stated)."""
    budget, total, _planned, spent = _sangong_final(draw, budget)
    right = spent.fen * 100 // total.fen  # just under 50%
    wrong = right + draw(st.sampled_from((30, 45)))
    return _with_reception(budget, Figure(amount=spent, share=StatedPercent(Decimal(wrong))))


def _table_budget_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比减少 C, where the table's 预算数 and 决算数 differ by far more."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    wrong = Amount.from_fen((planned.fen - spent.fen) // 10 // _step(budget) * _step(budget))
    change = StatedChange(wrong, "减少")
    return _with_reception(budget, Figure(amount=spent, budget_change=change))


def _table_budget_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比下降 P%, P far from (预算数 − 决算数) ÷ 预算数 in the table."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    right = (planned.fen - spent.fen) * 100 // planned.fen  # about 50%
    wrong = right + draw(st.sampled_from((-30, 30)))
    percent = StatedPercent(Decimal(wrong), "下降")
    change = StatedChange(planned - spent, "减少")
    return _with_reception(
        budget, Figure(amount=spent, budget_change=change, budget_percent=percent)
    )


def _table_budget_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比“增加”, where the table's 决算数 is below its 预算数."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    word = draw(st.sampled_from(("增加", "增长")))
    return _with_reception(
        budget, Figure(amount=spent, budget_change=StatedChange(planned - spent, word))
    )


BREAKERS: Final[dict[str, Breaker]] = {
    "TAB001": _b("", _table_column_sum, "a table's 合计 row other than Σ 类", kind=Kind.BUDGET),
    "TAB002": _b("", _table_row_sum, "a 合计 column other than Σ its columns", kind=Kind.BUDGET),
    "TAB003": _b("", _table_summary_side, "本年收入合计 other than Σ items", kind=Kind.BUDGET),
    "TAB004": _b("", _table_balance, "收入总计 other than 支出总计", kind=Kind.BUDGET),
    "TAB005": _b("", _table_cross, "one figure different in two tables", kind=Kind.BUDGET),
    "TAB006": _b(
        "income income.total",
        _table_narrative,
        "a table other than the narrative",
        kind=Kind.BUDGET,
    ),
    "TAB007": _b("", _table_required, "standard tables missing", kind=Kind.BUDGET),
    "TAB008": _b("", _table_unit, "a table without its unit line", kind=Kind.BUDGET),
    "TAB009": _b("", _table_basic, "人员经费合计 other than 301 + 303", kind=Kind.BUDGET),
    "TAB010": _b("", _table_twice, "a table twice, or out of order", kind=Kind.BUDGET),
    "TAB011": _b("", _table_said_empty, "a table said to be empty has figures", kind=Kind.BUDGET),
    "TAB012": _b("", _table_share, "a share far from the table's figures", kind=Kind.FINAL),
    "TAB013": _b(
        "", _table_budget_change, "a change against the table's 预算数, far off", kind=Kind.FINAL
    ),
    "TAB014": _b(
        "", _table_budget_percent, "a percent against the table's 预算数, far off", kind=Kind.FINAL
    ),
    "TAB015": _b("", _table_budget_word, "增加 against the table's larger 预算数", kind=Kind.FINAL),
    "TAB016": _b("", _table_three_rows, "a “三公” 合计 row other than its items", kind=Kind.BUDGET),
}
