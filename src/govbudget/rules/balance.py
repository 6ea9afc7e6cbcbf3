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
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring

__all__ = ["RULES"]

_SUM_ZH = "{where}（{formula}）：{stated}{unit}，另一边为 {computed}{unit}"
_SUM_EN = "{where} ({formula}): stated {stated} {unit}, the other side comes to {computed} {unit}"


def _totals(budget: DepartmentBudget) -> Iterator[Record]:
    """A 预算's 收入合计 equals its 支出合计, in each column stated (本年, 上年 …).

    Why: a budget balances by construction, so a gap means a mistyped figure or a source left
    out; a 决算, or a budget with money carried over, balances only in its totals (BAL002), so
    the check is skipped there. A gap within the two figures' rounding passes.
    Example: 收入合计 318.4 = 支出合计 318.4 holds; 318.4 against 317.4 is 1 万元 out.
    """
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


def _grand_totals(budget: DepartmentBudget) -> Iterator[Record]:
    """收入总计 equals 支出总计, in each column stated.

    Why: the two sides of the 收支总表 meet in every budget and 决算; a gap means a carry-over
    line or another figure went missing on one side. A gap within rounding passes.
    Example: 收入总计 506.72 = 支出总计 506.72 holds; 506.72 against 505.27 fails.
    """
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


def _income_grand_total(budget: DepartmentBudget) -> Iterator[Record]:
    """收入总计 = 收入合计 + [使用非财政拨款结余] + 上年结转结余, in each column.

    Why: the grand total adds what comes from earlier years to this year's income; a gap
    usually means the carry-over was left out or counted twice. Checked only when the
    carry-over (上年结转结余) is stated; balances used count only when stated.
    Example: 收入总计 136.5 = 收入合计 120 + 上年结转结余 16.5.
    """
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


def _expenditure_grand_total(budget: DepartmentBudget) -> Iterator[Record]:
    """支出总计 = 支出合计 + 结余分配 + 年末结转和结余, in each column (决算).

    Why: the grand total adds what is distributed and carried into next year to this year's
    spending; a gap shows a carry-out left out or a figure mistyped. Gaps within rounding pass.
    Example: 支出总计 136.5 = 支出合计 118 + 结余分配 2 + 年末结转和结余 16.5.
    """
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


def _final_balance(budget: DepartmentBudget) -> Iterator[Record]:
    """A 决算's year balances: 年末结转和结余 = 收入合计 + [使用非财政拨款结余] +
    年初结转和结余 − 支出合计 − 结余分配, in each column where every term is stated.

    Why: the closing balance must follow from the year's movements; a gap shows a misread or
    mistyped carry-over. An unstated 结余分配 counts as none; 年初结转和结余 stated only on the
    income side (上年结转结余) is that; gaps within rounding pass.
    Example: 年末结转和结余 18 = 收入合计 120 + 年初结转和结余 10 − 支出合计 110 − 结余分配 2.
    """
    income, spending, final = budget.income, budget.expenditure, budget.final
    if income is None or spending is None or final is None:
        return
    # Checked as 年末结转和结余 = 收入 + [使用非财政拨款结余] + 年初结转和结余 − 支出 − 结余分配;
    # a distribution that is not stated counts as none, balances used only when stated.
    distribution = final.distribution or Figure(none_stated=True)
    # 年初结转和结余 is the income side's 上年结转结余 where the document states it only there.
    carried_in = final.carried_in if final.carried_in is not None else income.carryover
    used = income.surplus_used
    zh, en = _BALANCE if used is None else _BALANCE_USED
    for column in COLUMNS:
        closing = stated(budget, final.carried_out, column)
        terms = [
            (1, stated(budget, income.total, column)),
            *([] if used is None else [(1, stated(budget, used, column))]),
            (1, stated(budget, carried_in, column)),
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
        check=deferring(_totals),
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
        check=deferring(_grand_totals),
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
        check=deferring(_income_grand_total),
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
        check=deferring(_expenditure_grand_total),
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
        check=deferring(_final_balance),
        example="收入 100 + 年初结转和结余 20 = 支出 95 + 结余分配 5 + 年末结转和结余 20",
    ),
)
