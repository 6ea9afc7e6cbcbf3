"""Breakers of the balance rules (收支平衡, BAL001–BAL005): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Kind
from govbudget.strategies._breakers._base import _EXPENDITURE, Breaker, _b, _bump, _bumper

__all__ = ["BREAKERS"]


def _grand_total(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """支出总计 other than 支出合计 + 结余分配 + 年末结转和结余 (a missing 结余分配 stated as 无)."""
    final = budget.final
    assert final is not None
    if final.distribution is None:
        budget = evolve(budget, final=evolve(final, distribution=Figure(none_stated=True)))
    return _bump(draw, budget, ("expenditure", "grand_total"))


BREAKERS: Final[dict[str, Breaker]] = {
    "BAL001": _b(
        "income income.total " + _EXPENDITURE,
        _bumper("income", "total"),
        "收入合计 changed, 支出合计 not",
        forbid="carryover income.carryover",
        kind=Kind.BUDGET,
    ),
    "BAL002": _b(
        "income income.grand_total expenditure expenditure.grand_total",
        _bumper("income", "grand_total"),
        "收入总计 changed, 支出总计 not",
    ),
    "BAL003": _b(
        "income income.total income.grand_total income.carryover",
        _bumper("income", "grand_total"),
        "收入总计 other than 收入合计 + 上年结转结余",
    ),
    "BAL004": _b(
        _EXPENDITURE + " expenditure.grand_total",
        _grand_total,
        "支出总计 other than 支出合计 + 结余分配 + 年末结转和结余",
        kind=Kind.FINAL,
    ),
    "BAL005": _b(
        "income income.total " + _EXPENDITURE,
        _bumper("final", "carried_out"),
        "年末结转和结余 that the year's movements do not give",
        kind=Kind.FINAL,
    ),
}
