"""Breakers of the identity rules (文件信息, IDN001): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget
from govbudget.strategies._breakers._base import Breaker, _b

__all__ = ["BREAKERS"]


def _anonymous(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A document that leaves its unit or its year (or both) unsaid."""
    which = draw(st.sampled_from(("department", "year", "both")))
    return evolve(
        budget,
        department=budget.department if which == "year" else None,
        year=budget.year if which == "department" else None,
    )


BREAKERS: Final[dict[str, Breaker]] = {
    "IDN001": _b("", _anonymous, "the unit or the year not named"),
}
