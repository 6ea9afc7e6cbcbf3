"""Breakers of the institutional operation rules (机关运行经费, OPS001).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget
from govbudget.strategies._breakers._base import _EXPENDITURE, Breaker, _above, _b

__all__ = ["BREAKERS"]


def _operation(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """机关运行经费 above the 公用经费 it is part of."""
    assert budget.expenditure is not None
    assert budget.expenditure.public is not None
    return _above(draw, budget, ("institutional_operation",), budget.expenditure.public)


BREAKERS: Final[dict[str, Breaker]] = {
    "OPS001": _b(
        "operation " + _EXPENDITURE + " expenditure.split expenditure.basic_split",
        _operation,
        "机关运行经费 above 公用经费",
    ),
}
