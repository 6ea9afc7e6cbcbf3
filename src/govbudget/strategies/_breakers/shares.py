"""Breakers of the shares rules (占比, SHR001, SHR002, SHR003).

How to break each in an exact budget.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure, StatedPercent
from govbudget.model import DepartmentBudget, Procurement
from govbudget.money import Amount
from govbudget.paths import Place
from govbudget.paths import value_at as get
from govbudget.rules._facts import SPENDING_KINDS
from govbudget.strategies._breakers._base import (
    _EXPENDITURE,
    _TREES,
    LEAST_STEPS,
    Breaker,
    _amount,
    _b,
    _nodes,
    _replace,
    _step,
    _with_amount,
)
from govbudget.strategies._writing import percent_text, quantum
from govbudget.tree import Node

__all__ = ["BREAKERS"]


def _named_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“占 W 的 P%” far from the figure ÷ W: two statements of the text, the share off."""
    step = _step(budget)
    whole = draw(st.integers(1000, 100 * LEAST_STEPS)) * step
    part = draw(st.integers(0, 1000)) * step
    point = Fraction(part * 100, whole)
    wrong = point + 50 if point < 50 else point - 50
    index = len(budget.statements)
    w = Node(name="某项收入合计", amount=Amount.from_fen(whole))
    p = Node(
        name="其中某项收入",
        amount=Amount.from_fen(part),
        share=StatedPercent(percent_text(Fraction(round(wrong * 10), 10), 1)),
        share_of=f"/statements/{index}/{w.key}",
    )
    return evolve(budget, statements=(*budget.statements, w, p))


def _share_pairs(budget: DepartmentBudget) -> list[tuple[Place, Figure]]:
    """Parts with a stated amount whose whole is stated and more than zero: (place, whole)."""
    found: list[tuple[Place, Figure]] = []
    spending = budget.expenditure
    if spending is not None and spending.total is not None:
        for name in ("basic", "project"):
            if getattr(spending, name) is not None:
                found.append((("expenditure", name), spending.total))
    procurement = budget.procurement
    if procurement is not None and procurement.total is not None:
        for name in ("goods", "works", "services"):
            figure = getattr(procurement, name)
            if figure is not None and not figure.none_stated:
                found.append((("procurement", name), procurement.total))
    for tree in _TREES:
        for place, node in _nodes(budget, tree):
            for index, child in enumerate(node.children):
                if not child.none_stated and child.amount is not None:
                    found.append(((*place, "children", index), node))
    return [(p, w) for p, w in found if _amount(w) > 0 and _amount(get(budget, p)) >= 0]  # type: ignore[arg-type]


def _wrong_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A share (占比) far from part ÷ whole: above every value rounding allows."""
    pairs = _share_pairs(budget)
    if not pairs:  # every whole is zero: state a procurement with a share to get wrong
        whole = Figure(amount=Amount.from_fen(3 * _step(budget)))
        budget = evolve(budget, procurement=Procurement(total=whole, goods=whole))
        pairs = _share_pairs(budget)
    place, whole = draw(st.sampled_from(pairs))
    part = get(budget, place)
    assert isinstance(part, Figure)
    half = Fraction(quantum(budget.precision), 2)
    w, p = _amount(whole), _amount(part)
    highest = (p + half) * 100 / (w - half) if w > half else Fraction(10**6)
    value = int(highest) + draw(st.integers(10, 60))
    return _replace(budget, place, evolve(part, share=StatedPercent(Decimal(value))))


def _shares_not_100(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The shares of the kinds of spending (basic, project and any other kind stated) that
    add up to well over 100%."""
    spending = budget.expenditure
    assert spending is not None
    assert spending.total is not None
    total = _amount(spending.total) or _step(budget)
    extra = draw(st.integers(10, 60))
    kinds = {
        name: f
        for name in SPENDING_KINDS
        if (f := getattr(spending, name)) is not None and not f.none_stated
    }
    first = next(iter(kinds))
    shares = {}
    for name, figure in kinds.items():
        value = round(Fraction(_amount(figure) * 100, total)) + (extra if name == first else 0)
        shares[name] = evolve(figure, share=StatedPercent(percent_text(Fraction(value), 0)))
    spending = evolve(spending, total=_with_amount(spending.total, total), **shares)
    return evolve(budget, expenditure=spending)


BREAKERS: Final[dict[str, Breaker]] = {
    "SHR001": _b(
        "expenditure.by_economic housing trees.nested",
        _wrong_share,
        "a share above part ÷ whole",
        forbid="economic.government",
    ),
    "SHR002": _b(
        _EXPENDITURE + " expenditure.split", _shares_not_100, "shares adding up to over 100%"
    ),
    "SHR003": _b("", _named_share, "a share of a named whole far from part ÷ whole"),
}
