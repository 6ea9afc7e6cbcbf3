"""What every breaker is made of: the :class:`Breaker`, the smallest change, and the edits
several families use (a figure bumped, a tree's root changed, a restated change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final, TypeAlias, TypedDict

from attrs import evolve, frozen
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure, Restatement, StatedChange, StatedPercent
from govbudget.model import DepartmentBudget, Kind
from govbudget.money import Amount
from govbudget.paths import Place, entries, replace
from govbudget.paths import replaced_at as put
from govbudget.paths import value_at as get
from govbudget.strategies._writing import quantum
from govbudget.tree import Node

__all__ = ["LEAST_STEPS", "Breaker", "Place", "get", "put", "slots"]

#: The smallest change a breaker makes, in last places of the document's precision: far
#: more than the (n + 1) half-widths rounding allows a sum of n parts of any generated budget.
LEAST_STEPS: Final = 120


Apply: TypeAlias = Callable[[DrawFn, DepartmentBudget], DepartmentBudget]


@frozen
class Breaker:
    """How to break one rule: the parts the budget needs, and the edit."""

    needs: frozenset[str]
    apply: Apply
    forbid: frozenset[str] = frozenset()
    kind: Kind | None = None
    how: str = ""


def _replace(budget: DepartmentBudget, place: Place, new: object) -> DepartmentBudget:
    result = put(budget, place, new)
    assert isinstance(result, DepartmentBudget)
    return result


#: Where figures are not amounts the year-on-year and share rules read.
_SKIPPED: Final = frozenset({"/projects/*/funding", "/projects/*/other_figures"})


def slots(budget: DepartmentBudget) -> Iterator[tuple[str, Figure]]:
    """Every figure of the budget (tree lines included) with its path (:mod:`govbudget.paths`)."""
    for path, figure, _slot, _above in entries(budget, skip=_SKIPPED):
        yield path, figure


def _step(budget: DepartmentBudget) -> int:
    return quantum(budget.precision)


def _delta(draw: DrawFn, budget: DepartmentBudget) -> int:
    """A change in fen far beyond rounding: many last places of the document's precision."""
    return draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS)) * _step(budget)


def _amount(figure: Figure | None) -> int:
    if figure is None or figure.amount is None:
        return 0
    return figure.amount.fen


def _with_amount(figure: Figure | None, fen: int) -> Figure:
    base = figure if figure is not None else Figure()
    return evolve(base, amount=Amount.from_fen(fen), none_stated=False)


def _bump(draw: DrawFn, budget: DepartmentBudget, place: Place) -> DepartmentBudget:
    """The figure at ``place`` raised by many last places, nothing else changed."""
    figure = get(budget, place)
    assert figure is None or isinstance(figure, Figure), place
    return _replace(budget, place, _with_amount(figure, _amount(figure) + _delta(draw, budget)))


def _above(
    draw: DrawFn, budget: DepartmentBudget, place: Place, ceiling: Figure
) -> DepartmentBudget:
    """The figure at ``place`` set well above ``ceiling``."""
    figure = get(budget, place)
    assert figure is None or isinstance(figure, Figure), place
    return _replace(budget, place, _with_amount(figure, _amount(ceiling) + _delta(draw, budget)))


def _bumper(*place: str | int) -> Apply:
    return lambda draw, budget: _bump(draw, budget, place)


_TREES: Final[tuple[Place, ...]] = (
    ("expenditure", "by_function"),
    ("expenditure", "by_economic"),
    ("appropriation", "by_function"),
    ("appropriation", "by_economic"),
    ("income", "lines"),
    ("assets", "parts"),
)


def _nodes(budget: DepartmentBudget, tree: Place) -> Iterator[tuple[Place, Node]]:
    try:
        roots = get(budget, tree)
    except AttributeError:
        return
    if not isinstance(roots, tuple):
        return

    def walk(nodes: tuple[Node, ...], place: Place) -> Iterator[tuple[Place, Node]]:
        for index, node in enumerate(nodes):
            here = (*place, index)
            yield here, node
            yield from walk(node.children, (*here, "children"))

    yield from walk(roots, tree)


def _root(*tree: str) -> Apply:
    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        roots = get(budget, tree)
        assert isinstance(roots, tuple)
        assert roots
        return _bump(draw, budget, (*tree, draw(st.integers(0, len(roots) - 1))))

    return apply


def _yoy_slots(budget: DepartmentBudget) -> list[tuple[str, Figure]]:
    """Figures the year-on-year rules read, with an amount stated."""
    return [
        (place, figure)
        for place, figure in slots(budget)
        if figure.amount is not None and not figure.none_stated
    ]


class _Restatement(TypedDict, total=False):
    """What a breaker states anew about a figure (keyword arguments of ``evolve``)."""

    prior: Amount | None
    change: StatedChange | None
    percent: StatedPercent | None
    budget_initial: Amount
    budget_full_year: Amount
    completion: StatedPercent
    budget_difference: Amount
    budget_change: StatedChange | None
    budget_percent: StatedPercent | None
    restated: tuple[Restatement, ...]


def _restated(
    draw: DrawFn, budget: DepartmentBudget, make: Callable[[int, int], _Restatement]
) -> DepartmentBudget:
    """One figure restated with a prior year and what ``make(amount, step)`` gives."""
    path, figure = draw(st.sampled_from(_yoy_slots(budget)))
    fields = make(
        _amount(figure), quantum(budget.precision_of(figure)) * _step_ratio(budget, figure)
    )
    return replace(budget, path, evolve(figure, **fields))


def _step_ratio(budget: DepartmentBudget, figure: Figure) -> int:
    """How many of the figure's own last places make one of the document's."""
    return max(1, _step(budget) // quantum(budget.precision_of(figure)))


def _b(
    needs: str, apply: Apply, how: str, *, forbid: str = "", kind: Kind | None = None
) -> Breaker:
    return Breaker(frozenset(needs.split()), apply, frozenset(forbid.split()), kind, how)


_EXPENDITURE = "expenditure expenditure.total"


_ECONOMIC = "expenditure expenditure.by_economic"
