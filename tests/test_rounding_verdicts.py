"""The verdicts of ``govbudget.rounding`` that the rules share: Σ parts ≤ whole, a sum of
truncated shares, shares adjusted to 100%."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from govbudget.rounding import (
    Method,
    Outcome,
    Stated,
    adjusted_to_100,
    check_at_most,
    check_sum,
    check_total,
    check_truncated_sum,
)

_RANK = {Outcome.EXACT: 0, Outcome.WITHIN_ROUNDING: 1, Outcome.INCONSISTENT: 2}
values = st.integers(-10_000, 10_000)
halves = st.sampled_from([0, 5, 50, Fraction(1, 2), Fraction(1, 20)])
stated = st.builds(Stated, values, halves)


@given(whole=stated, total=values, spread=st.sampled_from([0, 5, 10, 55, Fraction(3, 2)]))
def test_at_most_is_the_interval_test(whole: Stated, total: int, spread: int | Fraction) -> None:
    verdict = check_at_most(whole, total, spread)
    if total <= whole.value:
        assert verdict.outcome is Outcome.EXACT
    elif total - spread <= whole.high:
        assert verdict.outcome is Outcome.WITHIN_ROUNDING
    else:
        assert verdict.outcome is Outcome.INCONSISTENT
    assert (verdict.stated, verdict.computed) == (whole.value, total)
    assert (verdict.low, verdict.high) == (total - spread, total + spread)
    assert verdict.gap == max(0, total - whole.value)
    assert verdict.tolerance == whole.half + spread
    assert verdict.min_gap == max(0, total - spread - whole.high)
    # A sum that holds (exactly or within rounding) holds as "at most" too.
    assert _RANK[verdict.outcome] <= _RANK[check_total(whole, total, spread).outcome]


@given(parts=st.lists(stated, min_size=1, max_size=6), total=values)
def test_truncated_sum_only_forgives_a_shortfall(parts: list[Stated], total: int) -> None:
    verdict = check_truncated_sum(total, parts)
    rounded = check_sum(Stated(total), parts)
    if verdict.method is Method.TRUNCATED:
        shortfall = total - sum(Fraction(p.value) for p in parts)
        assert rounded.outcome is Outcome.INCONSISTENT
        assert verdict.outcome is Outcome.WITHIN_ROUNDING
        assert verdict.min_gap == 0
        assert 0 < shortfall < 2 * sum(Fraction(p.half) for p in parts)
    else:
        assert verdict == rounded


@given(parts=st.lists(stated, min_size=1, max_size=4), total=values, step=halves)
def test_adjusted_to_100_moves_only_one_step(
    parts: list[Stated], total: int, step: int | Fraction
) -> None:
    verdict = check_sum(Stated(total), parts)
    adjusted = adjusted_to_100(verdict, step)
    if adjusted is verdict:
        assert verdict.outcome is not Outcome.INCONSISTENT or verdict.min_gap > step
    else:
        assert verdict.outcome is Outcome.INCONSISTENT
        assert verdict.min_gap <= step
        assert (adjusted.outcome, adjusted.method) == (Outcome.WITHIN_ROUNDING, Method.ADJUSTED)
        assert adjusted.min_gap == verdict.min_gap
