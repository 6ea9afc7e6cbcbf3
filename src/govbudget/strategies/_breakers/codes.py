"""Breakers of the classification codes rules (分类科目, COD001–COD004).

How to break each in an exact budget.
"""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.classification import Tree, table_for
from govbudget.model import DepartmentBudget
from govbudget.money import Amount
from govbudget.paths import Place
from govbudget.paths import value_at as get
from govbudget.strategies._breakers._base import _ECONOMIC, _TREES, Breaker, _b, _nodes, _replace
from govbudget.tree import Node

__all__ = ["BREAKERS"]


def _coded(budget: DepartmentBudget) -> list[tuple[Place, Node]]:
    return [
        (place, node)
        for tree in _TREES[:4]
        for place, node in _nodes(budget, tree)
        if node.code is not None
    ]


def _unknown_code(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A line's code that the year's table does not have (a typo, an invented code)."""
    options = [(p, n) for p, n in _coded(budget) if not any(c.code is not None for c in n.children)]
    place, node = draw(st.sampled_from(options))
    assert node.code is not None
    assert budget.year is not None  # the strategies always name the year
    tree = {"2": Tree.FUNCTION, "3": Tree.ECONOMIC_DEPARTMENT, "5": Tree.ECONOMIC_GOVERNMENT}
    table = table_for(tree[node.code[0]], budget.year)
    parent = get(budget, place[:-2]) if len(place) > 3 else None
    siblings = get(budget, place[:-1])
    assert isinstance(siblings, tuple)
    used = {n.code for n in siblings}
    prefix = parent.code if isinstance(parent, Node) and parent.code else node.code[0]
    width = len(node.code) - len(prefix)
    free = [
        code
        for n in range(10**width - 1, 0, -1)
        if (code := prefix + str(n).rjust(width, "0")) not in table and code not in used
    ]
    return _replace(budget, place, evolve(node, code=draw(st.sampled_from(free[:40]))))


def _wrong_name(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A coded line named as no table names it."""
    place, node = draw(st.sampled_from(_coded(budget)))
    name = draw(st.sampled_from(("未列明科目", "其他杂项经费", "综合业务费用")))
    return _replace(budget, place, evolve(node, name=name))


def _orphan_section(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 款 line copied to the top of its tree, without its 类."""
    options = [(p, n) for p, n in _coded(budget) if n.code is not None and len(n.code) == 5]
    place, node = draw(st.sampled_from(options))
    tree = place[:2]
    roots = get(budget, tree)
    assert isinstance(roots, tuple)
    return _replace(budget, tree, (*roots, evolve(node, amount=Amount.from_fen(0), children=())))


def _foreign_code(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A function class listed among the economic classes (or the reverse), amount zero."""
    economic = draw(st.booleans())
    tree: Place = ("expenditure", "by_economic" if economic else "by_function")
    roots = get(budget, tree)
    assert isinstance(roots, tuple)
    stray = (
        Node(code="201", name="一般公共服务支出", amount=Amount.from_fen(0))
        if economic
        else Node(code="301", name="工资福利支出", amount=Amount.from_fen(0))
    )
    return _replace(budget, tree, (*roots, stray))


BREAKERS: Final[dict[str, Breaker]] = {
    "COD001": _b(_ECONOMIC, _unknown_code, "a code the year's table does not have"),
    "COD002": _b(_ECONOMIC, _wrong_name, "a line named as no table names it"),
    "COD003": _b(
        _ECONOMIC + " housing trees.nested",
        _orphan_section,
        "a 款 at the top of its tree",
        forbid="economic.government",
    ),
    "COD004": _b(
        _ECONOMIC + " expenditure.by_function", _foreign_code, "a code of the other classification"
    ),
}
