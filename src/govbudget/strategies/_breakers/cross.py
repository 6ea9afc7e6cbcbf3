"""Breakers of the cross-section rules (交叉核对, XS001, XS002, XS003).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget
from govbudget.strategies._breakers._base import (
    _ECONOMIC,
    _EXPENDITURE,
    Breaker,
    _above,
    _b,
    _bump,
    _nodes,
)
from govbudget.tree import find

__all__ = ["BREAKERS"]


def _housing(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """住房公积金 (30113) above 住房改革支出 (22102, or 221)."""
    assert budget.expenditure is not None
    spending = budget.expenditure
    reform = find(spending.by_function, "22102") or find(spending.by_function, "221")
    assert reform is not None
    place = next(p for p, n in _nodes(budget, ("expenditure", "by_economic")) if n.code == "30113")
    return _above(draw, budget, place, reform)


def _project_line(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A key project's amount different from its line in 项目支出 (其他支出)."""
    lines = {n.name for _, n in _nodes(budget, ("expenditure", "by_economic")) if n.code is None}
    options = [i for i, p in enumerate(budget.projects) if p.name in lines]
    return _bump(draw, budget, ("projects", draw(st.sampled_from(options)), "amount"))


def _section_figure(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The general public block states a figure other than the expenditure section's."""
    assert budget.appropriation is not None
    assert budget.appropriation.general_public is not None
    return _bump(draw, budget, ("appropriation", "general_public", "total"))


BREAKERS: Final[dict[str, Breaker]] = {
    "XS001": _b(
        "projects projects.lines " + _ECONOMIC,
        _project_line,
        "a key project's amount other than its line",
        forbid="economic.government",
    ),
    "XS002": _b(
        "housing " + _ECONOMIC,
        _housing,
        "住房公积金 above 住房改革支出",
        forbid="economic.government",
    ),
    "XS003": _b(
        "all_appropriation appropriation appropriation.funds " + _EXPENDITURE,
        _section_figure,
        "一般公共预算支出 other than the expenditure section's",
        forbid="income.other_funds",
    ),
}
