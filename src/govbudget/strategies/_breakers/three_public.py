"""Breakers of the three public expenses rules (“三公”经费, SG001, SG002, SG003).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget
from govbudget.strategies._breakers._base import _ECONOMIC, Breaker, _above, _b, _bumper
from govbudget.tree import find

__all__ = ["BREAKERS"]


def _three_public_item(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 三公 part stated above the economic item that holds the same spending."""
    assert budget.expenditure is not None
    assert budget.three_public is not None
    pairs = [
        (field, item)
        for field, code in (
            ("overseas", "30212"),
            ("reception", "30217"),
            ("vehicle_operation", "30231"),
            ("vehicle_purchase", "31013"),
        )
        if (item := find(budget.expenditure.by_economic, code)) is not None
    ]
    field, item = draw(st.sampled_from(pairs))
    return _above(draw, budget, ("three_public", field), item)


BREAKERS: Final[dict[str, Breaker]] = {
    "SG001": _b(
        "three_public", _bumper("three_public", "total"), "“三公” total changed, its parts not"
    ),
    "SG002": _b(
        "three_public three_public.vehicles",
        _bumper("three_public", "vehicles"),
        "公务用车 subtotal changed, purchase and operation not",
    ),
    "SG003": _b(
        "three_public three_public.items " + _ECONOMIC,
        _three_public_item,
        "a 三公 part above the economic item that holds it",
        forbid="economic.government",
    ),
}
