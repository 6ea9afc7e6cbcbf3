"""Rounding-aware comparison: is a stated figure exact, within rounding, or inconsistent?

A published value ``x`` with half-width ``h`` stands for the interval
``[x − h, x + h]``. A relation between stated figures holds

- **exactly** when the stated numbers satisfy it as written;
- **within rounding** when some values inside the figures' intervals satisfy it
  (for sums: the round-to-nearest rule of XBRL Calculations 1.1, so the allowed
  gap grows with the number of parts), or when the stated result was truncated
  instead of rounded, or adjusted by one last-place unit so that shares add up
  to 100%;
- **inconsistent** otherwise.

All values are :class:`~fractions.Fraction` (fen for money, percentage points for
percents); nothing here is a float.

>>> v = check_sum(Stated(241000, 5000), [Stated(240900, 5000)] )
>>> v.outcome.value, v.gap, v.tolerance
('within_rounding', 100, 10000)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from itertools import product
from typing import TypeAlias

from attrs import evolve, frozen

__all__ = [
    "Method",
    "Outcome",
    "Stated",
    "Verdict",
    "adjusted_to_100",
    "check_at_most",
    "check_equal",
    "check_ratio",
    "check_sum",
    "check_total",
    "check_truncated_sum",
    "corner_range",
    "decimal_fraction",
    "growth_range",
    "implied_growth_range",
    "ratio_range",
    "round_half_up",
]


class Outcome(Enum):
    """The outcome of one check."""

    EXACT = "exact"
    WITHIN_ROUNDING = "within_rounding"
    INCONSISTENT = "inconsistent"


class Method(Enum):
    """How a within-rounding result is explained."""

    ROUNDED = "rounded"  # intervals of round-to-nearest meet
    TRUNCATED = "truncated"  # the publisher cut digits instead of rounding
    ADJUSTED = "adjusted to 100%"  # one last-place unit moved so shares sum to 100


#: An exact number: an int where the value is whole (fast), else a Fraction.
Exact: TypeAlias = int | Fraction


@frozen
class Stated:
    """A stated value and the half-width of its rounding interval (both in base units)."""

    value: Exact
    half: Exact = 0

    @property
    def low(self) -> Exact:
        """The lowest value the stated figure can stand for."""
        return self.value - self.half

    @property
    def high(self) -> Exact:
        """The highest value the stated figure can stand for."""
        return self.value + self.half


@frozen
class Verdict:
    """The result of comparing a stated value with what its relation computes.

    ``computed`` is the relation evaluated on the stated figures as written;
    ``low``/``high`` bound it over the figures' rounding intervals; ``gap`` is
    ``|stated − computed|`` and ``tolerance`` the largest gap rounding allows;
    ``min_gap`` is the smallest possible gap once rounding is allowed for
    (zero unless inconsistent).
    """

    outcome: Outcome
    stated: Exact
    computed: Exact
    low: Exact
    high: Exact
    gap: Exact
    tolerance: Exact
    min_gap: Exact = 0
    method: Method | None = None


def _meet(a_low: Exact, a_high: Exact, b_low: Exact, b_high: Exact) -> Exact:
    """Zero when the intervals meet, otherwise the distance between them."""
    if a_high < b_low:
        return b_low - a_high
    if b_high < a_low:
        return a_low - b_high
    return 0


def check_sum(total: Stated, parts: Sequence[Stated], *, signs: Sequence[int] = ()) -> Verdict:
    """Check ``total = Σ sign·part`` (signs default to +1).

    >>> check_sum(Stated(100), [Stated(60), Stated(40)]).outcome
    <Outcome.EXACT: 'exact'>
    >>> check_sum(Stated(100, 1), [Stated(60, 1), Stated(45, 1)]).outcome
    <Outcome.INCONSISTENT: 'inconsistent'>
    """
    factors = list(signs) or [1] * len(parts)
    if len(factors) != len(parts):
        raise ValueError("one sign per part")
    computed: Exact = 0
    spread: Exact = 0
    for sign, part in zip(factors, parts, strict=True):
        computed += sign * part.value
        spread += part.half
    return _compare(total, computed, computed - spread, computed + spread)


def check_total(total: Stated, computed: Exact, spread: Exact) -> Verdict:
    """Check ``total`` against a computed sum whose parts' half-widths add up to ``spread``.

    The same test as :func:`check_sum`, for callers that add the parts themselves.

    >>> check_total(Stated(2410, 5), 2409, 65).outcome
    <Outcome.WITHIN_ROUNDING: 'within_rounding'>
    """
    return _compare(total, computed, computed - spread, computed + spread)


def check_at_most(whole: Stated, total: Exact, spread: Exact) -> Verdict:
    """Check ``Σ parts ≤ whole`` for parts that add up to ``total``, their half-widths to
    ``spread`` (some parts of a whole, or one part with its own half-width).

    Exact when the sum is at most the stated whole; within rounding when only the
    intervals let it be (the sum's lowest value is at most the whole's highest);
    inconsistent otherwise. ``gap`` is how far the sum is above the whole (zero when
    it is not), ``min_gap`` how far above once rounding is allowed for.

    >>> check_at_most(Stated(100, 5), 90, 10).outcome
    <Outcome.EXACT: 'exact'>
    >>> v = check_at_most(Stated(100, 5), 110, 10)
    >>> v.outcome, v.gap, v.tolerance, v.min_gap
    (<Outcome.WITHIN_ROUNDING: 'within_rounding'>, 10, 15, 0)
    >>> v = check_at_most(Stated(100, 5), 120, 10)
    >>> v.outcome, v.low, v.high, v.min_gap
    (<Outcome.INCONSISTENT: 'inconsistent'>, 110, 130, 5)
    """
    low, high = total - spread, total + spread
    if total <= whole.value:
        outcome = Outcome.EXACT
    elif low <= whole.high:
        outcome = Outcome.WITHIN_ROUNDING
    else:
        outcome = Outcome.INCONSISTENT
    return Verdict(
        outcome,
        whole.value,
        total,
        low,
        high,
        max(0, total - whole.value),
        whole.half + spread,
        max(0, low - whole.high),
    )


def check_truncated_sum(total: Exact, parts: Sequence[Stated]) -> Verdict:
    """Check ``total = Σ parts`` for an exact ``total`` and parts that were rounded, or each
    cut to its digits instead (shares that should add up to 100).

    A part cut to its digits is short of its true value by less than one last place (two
    half-widths), so parts that fall short of the total by more than rounding allows, but
    by less than a last place each, are within rounding, truncated.

    >>> half = Fraction(1, 20)  # shares of 33.29%, 33.29% and 33.42% cut to one place
    >>> parts = [Stated(Fraction(332, 10), half), Stated(Fraction(332, 10), half),
    ...          Stated(Fraction(334, 10), half)]
    >>> check_sum(Stated(100), parts).outcome
    <Outcome.INCONSISTENT: 'inconsistent'>
    >>> v = check_truncated_sum(100, parts)
    >>> v.outcome, v.method, v.min_gap
    (<Outcome.WITHIN_ROUNDING: 'within_rounding'>, <Method.TRUNCATED: 'truncated'>, Fraction(0, 1))
    """
    verdict = check_sum(Stated(total), parts)
    if verdict.outcome is not Outcome.INCONSISTENT:
        return verdict
    shortfall = total - sum(Fraction(p.value) for p in parts)
    if 0 < shortfall < 2 * sum(Fraction(p.half) for p in parts):
        return evolve(
            verdict, outcome=Outcome.WITHIN_ROUNDING, method=Method.TRUNCATED, min_gap=Fraction(0)
        )
    return verdict


def adjusted_to_100(verdict: Verdict, step: Exact) -> Verdict:
    """A share's verdict, for a share in a breakdown whose stated shares add up to exactly
    100: a share at most one last place (``step``) from what its figures allow was moved by
    the publisher so that they do (largest-remainder rounding), and is within rounding.

    >>> v = Verdict(Outcome.INCONSISTENT, 25, Fraction(2511, 100), 25, 25, 0, 0, Fraction(1, 20))
    >>> adjusted_to_100(v, Fraction(1, 10)).method
    <Method.ADJUSTED: 'adjusted to 100%'>
    >>> adjusted_to_100(v, Fraction(1, 100)) is v
    True
    """
    if verdict.outcome is Outcome.INCONSISTENT and verdict.min_gap <= step:
        return evolve(verdict, outcome=Outcome.WITHIN_ROUNDING, method=Method.ADJUSTED)
    return verdict


def check_equal(first: Stated, second: Stated) -> Verdict:
    """Check that two statements of the same figure agree.

    Printed at the same precision, one true value rounds to one number, so any
    difference is inconsistent; at different precisions the intervals must meet.

    >>> check_equal(Stated(995, Fraction(1, 2)), Stated(996, Fraction(1, 2))).outcome
    <Outcome.INCONSISTENT: 'inconsistent'>
    >>> check_equal(Stated(2410, 50), Stated(2409, 5)).outcome
    <Outcome.WITHIN_ROUNDING: 'within_rounding'>
    """
    if first.half == second.half and first.value != second.value:
        gap = _abs(first.value - second.value)
        return Verdict(
            Outcome.INCONSISTENT,
            first.value,
            second.value,
            second.low,
            second.high,
            gap,
            0,
            gap,
        )
    return _compare(first, second.value, second.low, second.high)


def _compare(stated: Stated, computed: Exact, low: Exact, high: Exact) -> Verdict:
    gap = _abs(stated.value - computed)
    tolerance = stated.half + _half_of(high - low)
    if gap == 0:
        return Verdict(Outcome.EXACT, stated.value, computed, low, high, gap, tolerance)
    distance = _meet(stated.low, stated.high, low, high)
    if distance == 0:
        return Verdict(
            Outcome.WITHIN_ROUNDING,
            stated.value,
            computed,
            low,
            high,
            gap,
            tolerance,
            method=Method.ROUNDED,
        )
    return Verdict(
        Outcome.INCONSISTENT, stated.value, computed, low, high, gap, tolerance, distance
    )


def _abs(value: Exact) -> Exact:
    return -value if value < 0 else value


def _half_of(value: Exact) -> Exact:
    if isinstance(value, int) and value % 2 == 0:
        return value // 2
    return Fraction(value, 2)


def decimal_fraction(value: Decimal) -> Fraction:
    """A finite Decimal as an exact Fraction.

    >>> decimal_fraction(Decimal("5.30"))
    Fraction(53, 10)
    """
    return Fraction(value)


def round_half_up(value: Exact, decimals: int) -> Fraction:
    """``value`` rounded half away from zero to ``decimals`` places, as publishers round.

    >>> round_half_up(Fraction(1315, 100), 1)
    Fraction(66, 5)
    """
    numerator, denominator = _parts(value)
    rounded = _rounded(numerator, denominator, 10**decimals)
    return Fraction(-rounded if numerator < 0 else rounded, 10**decimals)


def _parts(value: Exact) -> tuple[int, int]:
    """The numerator and (positive) denominator of ``value``."""
    if type(value) is int:
        return value, 1
    return value.numerator, value.denominator


def _rounded(numerator: int, denominator: int, scale: int) -> int:
    """``|numerator ÷ denominator| × scale`` rounded half up, on integers."""
    return (2 * abs(numerator) * scale + denominator) // (2 * denominator)


def corner_range(
    relation: Callable[..., Fraction], *figures: Stated
) -> tuple[Fraction, Fraction, Fraction] | None:
    """``relation`` on the stated figures: its point value and its exact range.

    ``relation`` must be monotone in each figure over the figures' intervals
    (growth, shares and implied-prior percents are), so the corners of the box
    bound it. ``None`` when a corner divides by zero: the relation is undefined
    somewhere in the box.

    >>> corner_range(lambda a, b: a / b, Stated(1), Stated(4))
    (Fraction(1, 4), Fraction(1, 4), Fraction(1, 4))
    """
    # Fractions throughout: an int ÷ int would give a float.
    figures = tuple(Stated(Fraction(f.value), Fraction(f.half)) for f in figures)
    try:
        corners = [relation(*values) for values in product(*((f.low, f.high) for f in figures))]
        if any(f.low <= 0 <= f.high for f in figures if f.half) and _crosses_zero(
            relation, figures
        ):
            return None
        point = relation(*(f.value for f in figures))
    except ZeroDivisionError:
        return None
    return point, min(corners), max(corners)


def _crosses_zero(relation: Callable[..., Fraction], figures: Sequence[Stated]) -> bool:
    # A denominator figure whose interval straddles zero makes the relation
    # unbounded; probing the relation at that figure's exact zero finds it.
    for index, figure in enumerate(figures):
        if figure.half and figure.low <= 0 <= figure.high:
            values = [f.value for f in figures]
            values[index] = Fraction(0)
            try:
                relation(*values)
            except ZeroDivisionError:
                return True
    return False


def _whole(first: Stated, second: Stated) -> tuple[int, int, int, int] | None:
    """The values and half-widths of two figures when all four are integers."""
    a, b, c, d = first.value, first.half, second.value, second.half
    if type(a) is int and type(b) is int and type(c) is int and type(d) is int:
        return a, b, c, d
    return None


def _quotients(
    point: tuple[int, int], corners: Sequence[tuple[int, int]]
) -> tuple[Fraction, Fraction, Fraction]:
    """The point and the least and greatest of ``corners``, each ``(numerator, denominator)``
    with a denominator that is not zero, compared by cross-multiplying integers."""
    normal = [(-n, -d) if d < 0 else (n, d) for n, d in corners]
    low = high = normal[0]
    for n, d in normal[1:]:
        if n * low[1] < low[0] * d:
            low = (n, d)
        if n * high[1] > high[0] * d:
            high = (n, d)
    return Fraction(*point), Fraction(*low), Fraction(*high)


def ratio_range(
    numerator: Stated, denominator: Stated
) -> tuple[Fraction, Fraction, Fraction] | None:
    """``numerator ÷ denominator × 100``: point and range (a share, a completion rate).

    >>> ratio_range(Stated(1, 0), Stated(4, 0))
    (Fraction(25, 1), Fraction(25, 1), Fraction(25, 1))
    """
    whole = _whole(numerator, denominator)
    if whole is None:
        return corner_range(lambda n, d: n / d * 100, numerator, denominator)
    # The same as the corners of the box, on integers: undefined where the denominator's
    # interval reaches zero, else monotone in each figure.
    n, n_half, d, d_half = whole
    if d - d_half <= 0 <= d + d_half:
        return None
    corners = [(100 * a, b) for a in (n - n_half, n + n_half) for b in (d - d_half, d + d_half)]
    return _quotients((100 * n, d), corners)


def growth_range(current: Stated, prior: Stated) -> tuple[Fraction, Fraction, Fraction] | None:
    """The growth percent ``(current − prior) ÷ prior × 100``: point and exact range.

    >>> point, low, high = growth_range(Stated(1969), Stated(2190))
    >>> round_half_up(point, 4)
    Fraction(-100913, 10000)
    """
    whole = _whole(current, prior)
    if whole is None:
        return corner_range(lambda c, p: (c - p) / p * 100, current, prior)
    c, c_half, p, p_half = whole
    if p - p_half <= 0 <= p + p_half:
        return None
    corners = [
        (100 * (a - b), b) for a in (c - c_half, c + c_half) for b in (p - p_half, p + p_half)
    ]
    return _quotients((100 * (c - p), p), corners)


def implied_growth_range(
    current: Stated, change: Stated
) -> tuple[Fraction, Fraction, Fraction] | None:
    """The growth percent when only the current figure and the signed change are stated.

    The prior is implied, ``current − change``; the range is taken over the two
    stated figures, not over the derived prior.

    >>> implied_growth_range(Stated(1624), Stated(-246))[0] == Fraction(-246, 1870) * 100
    True

    ``None`` when the implied prior itself can be zero: the percent has no bound.

    >>> implied_growth_range(Stated(21, 1), Stated(20, 2)) is None
    True
    """
    if current.low - change.high <= 0 <= current.high - change.low:
        return None
    whole = _whole(current, change)
    if whole is None:
        return corner_range(lambda c, d: d / (c - d) * 100, current, change)
    # Every denominator c − d lies in [current.low − change.high, current.high − change.low].
    c, c_half, d, d_half = whole
    corners = [(100 * b, a - b) for a in (c - c_half, c + c_half) for b in (d - d_half, d + d_half)]
    return _quotients((100 * d, c - d), corners)


def check_ratio(
    stated: Decimal,
    computed: tuple[Exact, Exact, Exact],
    *,
    magnitude: bool = False,
) -> Verdict:
    """Check a stated percent, at its own decimals, against a computed point and range.

    Exact when the point rounds (half-up) to the stated digits; within rounding
    when the stated interval meets the range, or when the point was truncated to
    the stated digits; inconsistent otherwise. With ``magnitude`` the stated
    percent is compared with the absolute value of the computed one (the sign
    being carried by a direction word checked elsewhere).

    >>> from decimal import Decimal
    >>> check_ratio(Decimal("37.18"), (Fraction(371862, 10000), Fraction(37186, 1000), Fraction(37187, 1000))).method
    <Method.TRUNCATED: 'truncated'>
    """
    point, low, high = computed
    if magnitude and point < 0:
        point, low, high = -point, -high, -low
    sign, digits, exponent = stated.as_tuple()
    assert isinstance(exponent, int)
    decimals = max(0, -exponent)
    # The stated percent is units ÷ scale; every test below cross-multiplies integers.
    scale = 10**decimals
    units = int("".join(map(str, digits))) * 10 ** max(0, exponent) * (-1 if sign else 1)
    p_num, p_den = _parts(point)
    l_num, l_den = _parts(low)
    h_num, h_den = _parts(high)
    value = Fraction(units, scale)
    gap = Fraction(abs(units * p_den - p_num * scale), scale * p_den)
    # ½ last place + (high − low) ÷ 2
    tolerance = Fraction(
        l_den * h_den + scale * (h_num * l_den - l_num * h_den), 2 * scale * h_den * l_den
    )
    rounded = _rounded(p_num, p_den, scale)
    if (-rounded if p_num < 0 else rounded) == units:
        return Verdict(Outcome.EXACT, value, point, low, high, gap, tolerance)

    def below_low(top: int, under: int) -> bool:  # top ÷ under < low (under > 0)
        return top * l_den < l_num * under

    def above_high(bottom: int, under: int) -> bool:  # high < bottom ÷ under
        return h_num * under < bottom * h_den

    # The stated interval [units ± ½] ÷ scale against [low, high].
    if not below_low(2 * units + 1, 2 * scale) and not above_high(2 * units - 1, 2 * scale):
        return Verdict(
            Outcome.WITHIN_ROUNDING, value, point, low, high, gap, tolerance, method=Method.ROUNDED
        )
    # Truncation: the true value lies within one last-place unit beyond the
    # stated digits, away from zero.
    cut_low, cut_high = (units, units + 1) if units >= 0 else (units - 1, units)
    cut = abs(p_num) * scale // p_den
    truncated = (-cut if p_num < 0 else cut) == units
    if truncated or (not below_low(cut_high, scale) and not above_high(cut_low, scale)):
        return Verdict(
            Outcome.WITHIN_ROUNDING,
            value,
            point,
            low,
            high,
            gap,
            tolerance,
            method=Method.TRUNCATED,
        )
    half = Fraction(1, 2 * scale)
    distance = _meet(value - half, value + half, low, high)
    return Verdict(Outcome.INCONSISTENT, value, point, low, high, gap, tolerance, distance)
