"""Breakers of the classification trees rules (分类层级, TRE001).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget
from govbudget.paths import Place
from govbudget.strategies._breakers._base import _ECONOMIC, _TREES, Breaker, _b, _bump, _nodes

__all__ = ["BREAKERS"]


def _pick(draw: DrawFn, options: list[Place]) -> Place:
    assert options, "the breaker's needs guarantee a place to break"
    return draw(st.sampled_from(options))


def _parent_node(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A line with children raised alone: it no longer equals their sum."""
    options = [
        place
        for tree in _TREES
        for place, node in _nodes(budget, tree)
        if node.children and not node.partial
    ]
    return _bump(draw, budget, _pick(draw, options))


BREAKERS: Final[dict[str, Breaker]] = {
    "TRE001": _b(
        _ECONOMIC + " housing trees.nested",
        _parent_node,
        "a line with children changed alone",
        forbid="economic.government partial",
    ),
}
