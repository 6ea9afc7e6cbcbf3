"""Breakers of the appropriations rules (财政拨款, APP001–APP006).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget, Kind
from govbudget.strategies._breakers._base import Apply, Breaker, _b, _bump, _bumper, _root

__all__ = ["BREAKERS"]


def _appropriation_spending(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Appropriation spending stated above appropriation income."""
    assert budget.appropriation is not None
    block = "total" if budget.appropriation.total is not None else "general_public"
    return _bump(draw, budget, ("appropriation", block, "total"))


def _split(block: str) -> Apply:
    """A fund's total raised alone: it no longer equals basic + project."""

    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        assert budget.appropriation is not None
        blocks = [
            name
            for name in ("total", "general_public", "government_fund", "state_capital")
            if (b := getattr(budget.appropriation, name)) is not None
            and b.total is not None
            and b.basic is not None
            and b.project is not None
        ]
        return _bump(draw, budget, ("appropriation", draw(st.sampled_from(blocks)), block))

    return apply


BREAKERS: Final[dict[str, Breaker]] = {
    "APP001": _b(
        "appropriation appropriation.total appropriation.funds",
        lambda draw, budget: _bump(draw, budget, ("appropriation", "general_public", "total")),
        "a fund's spending changed, 财政拨款支出 not",
    ),
    "APP002": _b(
        "appropriation appropriation.split appropriation.funds",
        _split("total"),
        "a fund's spending other than its basic + project",
    ),
    "APP003": _b(
        "income income.appropriation income.funds",
        _bumper("income", "general_public"),
        "一般公共预算拨款收入 above 财政拨款收入",
    ),
    "APP004": _b(
        "income income.appropriation appropriation appropriation.funds",
        _appropriation_spending,
        "appropriation spending above appropriation income",
        kind=Kind.BUDGET,
    ),
    "APP005": _b(
        "appropriation appropriation.funds appropriation.by_function",
        _root("appropriation", "by_function"),
        "a function class of 一般公共预算 spending changed, its total not",
    ),
    "APP006": _b(
        "appropriation appropriation.funds appropriation.split appropriation.by_economic",
        _root("appropriation", "by_economic"),
        "an economic class of 一般公共预算 basic spending changed, its total not",
    ),
}
