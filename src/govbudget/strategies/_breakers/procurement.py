"""Breakers of the procurement rules (政府采购, PRC001, PRC002).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Procurement
from govbudget.money import Amount
from govbudget.strategies._breakers._base import Breaker, _above, _b

__all__ = ["BREAKERS"]


def _procurement_part(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A kind of procurement larger than the procurement total."""
    assert budget.procurement is not None
    assert budget.procurement.total is not None
    field = draw(st.sampled_from(("goods", "works", "services")))
    return _above(draw, budget, ("procurement", field), budget.procurement.total)


def _sme(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """面向中小企业 more than the whole procurement."""
    procurement = budget.procurement or Procurement()
    total = procurement.total or Figure(amount=Amount.from_fen(0))
    budget = evolve(budget, procurement=evolve(procurement, total=total))
    return _above(draw, budget, ("procurement", "sme"), total)


BREAKERS: Final[dict[str, Breaker]] = {
    "PRC001": _b("procurement", _procurement_part, "a kind of procurement above the total"),
    "PRC002": _b("procurement", _sme, "中小企业 above the procurement total"),
}
