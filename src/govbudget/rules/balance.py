"""Balance: income equals expenditure (收支平衡), and the carry-over identities of 决算."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Kind
from govbudget.rounding import check_sum
from govbudget.rules._facts import grand_extras
from govbudget.rules._support import (
    COLUMNS,
    carries_over,
    money,
    place,
    stated,
    sums_in_columns,
)
from govbudget.rules.base import Observation, Rule, Severity

__all__ = ["RULES"]

_SUM_ZH = "{where}（{formula}）：{stated}{unit}，另一边为 {computed}{unit}"
_SUM_EN = "{where} ({formula}): stated {stated} {unit}, the other side comes to {computed} {unit}"


def _totals(budget: DepartmentBudget) -> Iterator[Observation]:
    income, spending = budget.income, budget.expenditure
    if income is None or spending is None or budget.kind is not Kind.BUDGET:
        return  # a 决算's income and spending differ by the carry-overs
    if carries_over(budget):
        return  # with a carry-over (in any column) only the grand totals balance (BAL002)
    yield from sums_in_columns(
        budget,
        path="/income/total",
        zh="收入合计 = 支出合计",
        en="total income = total expenditure",
        total=income.total,
        parts=[("支出合计", spending.total)],
    )


def _grand_totals(budget: DepartmentBudget) -> Iterator[Observation]:
    income, spending = budget.income, budget.expenditure
    if income is None or spending is None:
        return
    yield from sums_in_columns(
        budget,
        path="/income/grand_total",
        zh="收入总计 = 支出总计",
        en="grand total of income = grand total of expenditure",
        total=income.grand_total,
        parts=[("支出总计", spending.grand_total)],
    )


def _income_grand_total(budget: DepartmentBudget) -> Iterator[Observation]:
    income = budget.income
    if income is None or income.total is None or income.carryover is None:
        return
    parts = [("收入合计", income.total), *grand_extras(income)]
    zh, en = (
        "收入总计 = 收入合计 + 上年结转结余",
        "grand total of income = total income + carry-over",
    )
    if income.surplus_used is not None:
        zh = "收入总计 = 收入合计 + 使用非财政拨款结余 + 上年结转结余"
        en = "grand total of income = total income + balances used + carry-over"
    yield from sums_in_columns(
        budget, path="/income/grand_total", zh=zh, en=en, total=income.grand_total, parts=parts
    )


def _expenditure_grand_total(budget: DepartmentBudget) -> Iterator[Observation]:
    spending, final = budget.expenditure, budget.final
    if spending is None or final is None or spending.total is None:
        return
    yield from sums_in_columns(
        budget,
        path="/expenditure/grand_total",
        zh="支出总计 = 支出合计 + 结余分配 + 年末结转和结余",
        en="grand total of expenditure = total expenditure + distribution + carried out",
        total=spending.grand_total,
        parts=[
            ("支出合计", spending.total),
            ("结余分配", final.distribution),
            ("年末结转和结余", final.carried_out),
        ],
    )


_BALANCE: Final = (
    "收入 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余",
    "income + carried in = expenditure + distribution + carried out",
)
_BALANCE_USED: Final = (
    "收入 + 使用非财政拨款结余 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余",
    "income + balances used + carried in = expenditure + distribution + carried out",
)


def _final_balance(budget: DepartmentBudget) -> Iterator[Observation]:
    income, spending, final = budget.income, budget.expenditure, budget.final
    if income is None or spending is None or final is None:
        return
    # Checked as 年末结转和结余 = 收入 + [使用非财政拨款结余] + 年初结转和结余 − 支出 − 结余分配;
    # a distribution that is not stated counts as none, balances used only when stated.
    distribution = final.distribution or Figure(none_stated=True)
    used = income.surplus_used
    zh, en = _BALANCE if used is None else _BALANCE_USED
    for column in COLUMNS:
        closing = stated(budget, final.carried_out, column)
        terms = [
            (1, stated(budget, income.total, column)),
            *([] if used is None else [(1, stated(budget, used, column))]),
            (1, stated(budget, final.carried_in, column)),
            (-1, stated(budget, spending.total, column)),
            (-1, stated(budget, distribution, column)),
        ]
        parts = [s for _, s in terms if s is not None]
        if closing is None or len(parts) < len(terms):
            continue
        verdict = check_sum(closing, parts, signs=[sign for sign, _ in terms])
        yield Observation(
            outcome=verdict.outcome,
            location=place("/final/carried_out", zh, en, final.carried_out, column),
            verdict=verdict,
            scale=money(budget, final.carried_out),
            formula="年末结转和结余 = 收入合计 + 使用非财政拨款结余 + 年初结转和结余 − 支出合计 − 结余分配",
        )


RULES: Final = (
    Rule(
        id="BAL001",
        family="balance",
        severity=Severity.ERROR,
        title_zh="预算收入合计等于支出合计",
        title_en="A budget's total income equals its total expenditure",
        message_zh=_SUM_ZH,
        message_en=_SUM_EN,
        formula="收入合计 = 支出合计（预算，且无上年结转时；决算由 BAL002/BAL005 平衡）",
        check=_totals,
        example="预算：收入合计 425.23 = 支出合计 425.23（一致）；写成 425.23 与 424.23 则差 1 万元，不一致",
    ),
    Rule(
        id="BAL002",
        family="balance",
        severity=Severity.ERROR,
        title_zh="收入总计等于支出总计",
        title_en="Grand total of income equals grand total of expenditure",
        message_zh=_SUM_ZH,
        message_en=_SUM_EN,
        formula="收入总计 = 支出总计",
        check=_grand_totals,
        example="收入总计 425.23 = 支出总计 425.23；决算写“收、支总计各是 2380.56、2396.14”则不平衡",
    ),
    Rule(
        id="BAL003",
        family="balance",
        severity=Severity.ERROR,
        title_zh="收入总计等于收入合计加上年结转结余（及使用非财政拨款结余）",
        title_en="Grand total of income is total income plus the carry-over (and balances used)",
        message_zh=_SUM_ZH,
        message_en=_SUM_EN,
        formula="收入总计 = 收入合计 + [使用非财政拨款结余] + 上年结转结余",
        check=_income_grand_total,
        example="收入总计 110 = 收入合计 100 + 上年结转结余 10",
    ),
    Rule(
        id="BAL004",
        family="balance",
        severity=Severity.ERROR,
        title_zh="支出总计等于支出合计加结余分配和年末结转和结余",
        title_en="Grand total of expenditure is total expenditure plus distribution and carry-out",
        message_zh=_SUM_ZH,
        message_en=_SUM_EN,
        formula="支出总计 = 支出合计 + 结余分配 + 年末结转和结余",
        check=_expenditure_grand_total,
        example="支出总计 110 = 支出合计 95 + 结余分配 0 + 年末结转和结余 15",
    ),
    Rule(
        id="BAL005",
        family="balance",
        severity=Severity.ERROR,
        title_zh="决算收支平衡：收入 + 使用非财政拨款结余 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余",
        title_en="Final accounts balance: income + balances used + carried in = expenditure + distribution + carried out",
        message_zh="{where}：年末结转和结余 {stated}{unit}，按收支推算为 {computed}{unit}",
        message_en="{where}: carried out {stated} {unit}, the year's movements give {computed} {unit}",
        formula="收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 支出合计 + 结余分配 + 年末结转和结余",
        check=_final_balance,
        example="收入 100 + 年初结转和结余 20 = 支出 95 + 结余分配 5 + 年末结转和结余 20",
    ),
)
