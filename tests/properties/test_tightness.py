"""Tightness: a change just beyond what rounding allows is caught, one just within is not.

The bounds come from the precision (:attr:`~govbudget.precision.Precision.half_width_fen`) and
the interval arithmetic of :mod:`govbudget.rounding`, computed here independently of the rules:

- a line with ``n`` children at half-width ``h`` may differ from their sum by ``(n + 1)·h``;
- a part may exceed its whole by ``2h`` (机关运行经费 ≤ 公用经费);
- a growth percent may lie half a last place beyond the range of ``(C ± h) ÷ (P ∓ h) − 1``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, Figure, Node, validate
from govbudget.figure import StatedPercent
from govbudget.model import Expenditure
from govbudget.money import Amount, Unit
from govbudget.precision import Precision
from govbudget.report import Finding
from govbudget.rounding import Outcome, Stated, growth_range
from govbudget.strategies import amounts, trees
from govbudget.tree import Path, replace_at, walk

precisions = st.sampled_from(
    [
        Precision(Unit.WAN, 2),
        Precision(Unit.WAN, 1),
        Precision(Unit.YUAN, 0),
        Precision(Unit.QIAN_YUAN, 2),
    ]
)


def _checks(budget: DepartmentBudget, rule: str, path: str) -> list[Finding]:
    return [c for c in validate(budget, select=[rule]).checks if c.location.path == path]


@st.composite
def nested(draw: st.DrawFn) -> tuple[DepartmentBudget, Path, Node]:
    """A budget whose economic tree has a line with children, and that line."""
    precision = draw(precisions)
    roots = draw(
        trees(classification="economic", precision=precision, max_lines=10).filter(
            lambda roots: any(n.children and not n.partial for _, n in walk(roots))
        )
    )
    options = [(p, n) for p, n in walk(roots) if n.children and not n.partial]
    path, node = draw(st.sampled_from(options))
    budget = DepartmentBudget(
        department="某局",
        year=2025,
        precision=precision,
        expenditure=Expenditure(by_economic=roots),
    )
    return budget, path, node


@given(nested(), st.booleans())
def test_a_line_may_differ_from_its_children_by_n_plus_one_half_widths(
    case: tuple[DepartmentBudget, Path, Node], up: bool
) -> None:
    budget, path, node = case
    half = budget.precision.half_width_fen
    step = budget.precision.step_fen
    bound = (len(node.children) + 1) * half
    within = int(bound // step)  # the most whole last places inside the bound
    place = "/expenditure/by_economic/" + "/".join(path)
    for steps, expected in ((within, Outcome.WITHIN_ROUNDING), (within + 1, Outcome.INCONSISTENT)):
        assert node.amount is not None
        moved = int(steps * step) * (1 if up else -1)
        changed = evolve(node, amount=Amount.from_fen(node.amount.fen + moved))
        assert budget.expenditure is not None
        broken = evolve(
            budget,
            expenditure=evolve(
                budget.expenditure,
                by_economic=replace_at(budget.expenditure.by_economic, path, changed),
            ),
        )
        (check,) = _checks(broken, "TRE001", place)
        want = Outcome.EXACT if moved == 0 else expected
        assert check.outcome is want, (steps, check.message("en"))
        assert check.verdict is not None
        assert check.verdict.tolerance == bound
        if want is Outcome.INCONSISTENT:
            assert check.verdict.min_gap == abs(moved) - bound


@given(precisions, st.data())
def test_a_part_may_exceed_its_whole_by_two_half_widths(
    precision: Precision, data: st.DataObject
) -> None:
    whole = data.draw(amounts(max_value=Amount(10**8), precision=precision))
    step = int(precision.step_fen)
    for steps, expected in (
        (0, Outcome.EXACT),
        (1, Outcome.WITHIN_ROUNDING),
        (2, Outcome.INCONSISTENT),
    ):
        budget = DepartmentBudget(
            department="某局",
            year=2025,
            precision=precision,
            expenditure=Expenditure(public=Figure(amount=whole)),
            institutional_operation=Figure(amount=Amount.from_fen(whole.fen + steps * step)),
        )
        (check,) = _checks(budget, "OPS001", "/institutional_operation")
        assert check.outcome is expected


@given(precisions, st.integers(1, 10**6), st.integers(1, 10**6), st.integers(0, 2))
def test_a_growth_percent_may_reach_half_a_place_beyond_its_range(
    precision: Precision, prior_steps: int, extra_steps: int, decimals: int
) -> None:
    step, half = precision.step_fen, precision.half_width_fen
    prior, current = prior_steps * step, (prior_steps + extra_steps) * step
    # The range of (C − P) ÷ P over the two rounding intervals, at its top corner.
    high = ((current + half) / (prior - half) - 1) * 100
    point, _low, top = growth_range(Stated(current, half), Stated(prior, half)) or (0, 0, 0)
    assert top == high
    assert point > 0
    place = Fraction(1, 10**decimals)
    last_within = Fraction(int((high + place / 2) / place)) * place  # s − ½ place ≤ high
    for value, expected in ((last_within, False), (last_within + place, True)):
        text = Decimal(int(value / place)).scaleb(-decimals)  # exactly `decimals` places
        figure = Figure(
            amount=Amount.from_fen(int(current)),
            prior=Amount.from_fen(int(prior)),
            percent=StatedPercent(text),
        )
        budget = DepartmentBudget(
            department="某局", year=2025, precision=precision, institutional_operation=figure
        )
        (check,) = _checks(budget, "YOY002", "/institutional_operation/percent")
        assert (check.outcome is Outcome.INCONSISTENT) is expected, (text, check.message("en"))
