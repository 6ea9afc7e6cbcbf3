"""Breakers of the totals rules (合计, TOT001–TOT006): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.strategies._breakers._base import _EXPENDITURE, Breaker, _above, _b, _bumper, _root

__all__ = ["BREAKERS"]


def _funding(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A key project's funding sources add up to more than the project."""
    options = [i for i, p in enumerate(budget.projects) if p.funding and p.amount is not None]
    index = draw(st.sampled_from(options))
    project = budget.projects[index]
    return _above(draw, budget, ("projects", index, "funding", 0), project.amount or Figure())


BREAKERS: Final[dict[str, Breaker]] = {
    "TOT001": _b(
        "income income.total income.appropriation",
        _bumper("income", "appropriation"),
        "a source of income changed, the total not",
    ),
    "TOT002": _b(
        _EXPENDITURE + " expenditure.by_function",
        _root("expenditure", "by_function"),
        "a function class changed, the total not",
    ),
    "TOT003": _b(
        _EXPENDITURE + " expenditure.by_economic",
        _root("expenditure", "by_economic"),
        "an economic class changed, the total not",
    ),
    "TOT004": _b(
        _EXPENDITURE + " expenditure.split",
        _bumper("expenditure", "basic"),
        "基本支出 changed, 支出合计 not",
    ),
    "TOT005": _b(
        _EXPENDITURE + " expenditure.split expenditure.basic_split",
        _bumper("expenditure", "personnel"),
        "人员经费 changed, 基本支出 not",
    ),
    "TOT006": _b("projects projects.funding", _funding, "funding sources above the project"),
}
