"""Breakers of the repeated figures rules (前后一致, RPT001): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Restatement
from govbudget.model import DepartmentBudget
from govbudget.money import Amount
from govbudget.strategies._breakers._base import LEAST_STEPS, Breaker, _b, _restated, _Restatement

__all__ = ["BREAKERS"]


def _stated_twice(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A figure stated again elsewhere with another number (a digit dropped, a slip)."""
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        return {"restated": (Restatement(Amount.from_fen(amount + steps * step)),)}

    return _restated(draw, budget, make)


BREAKERS: Final[dict[str, Breaker]] = {
    "RPT001": _b("expenditure", _stated_twice, "a figure stated again with another number"),
}
