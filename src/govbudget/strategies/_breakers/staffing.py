"""Breakers of the staffing rules (人员, STF001): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import Count, DepartmentBudget, Staffing
from govbudget.strategies._breakers._base import Breaker, _b

__all__ = ["BREAKERS"]


def _staff(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """实有在职人员 that is not the sum of its categories."""
    staffing = budget.staffing or Staffing()
    parts = staffing.in_service_parts or (Count(name="行政人员", value=draw(st.integers(1, 40))),)
    wrong = sum(c.value for c in parts) + draw(st.sampled_from((-1, 1, 2, 10)))
    if wrong < 0:
        wrong = sum(c.value for c in parts) + 1
    return evolve(budget, staffing=evolve(staffing, in_service=wrong, in_service_parts=parts))


BREAKERS: Final[dict[str, Breaker]] = {
    "STF001": _b("", _staff, "实有在职人员 not the sum of its categories"),
}
