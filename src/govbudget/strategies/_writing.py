"""How a generated budget is written down: exactly, or rounded the way publishers round.

Internal to :mod:`govbudget.strategies`. The generator works on exact values in
fen; a :class:`Style` turns each into what a document states — the amount at the
figure's precision, a percent at its decimals, a direction word — either
exactly (every value already at the precision, every percent the half-up
rounding of the exact ratio) or as a publisher does (amounts rounded half-up,
percents rounded half-up or truncated, shares adjusted to add up to 100%).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Final

from attrs import frozen

from govbudget.figure import Direction
from govbudget.money import Amount
from govbudget.precision import Precision
from govbudget.rounding import round_half_up

__all__ = [
    "DOWN_WORDS",
    "FLAT_WORDS",
    "UP_WORDS",
    "Rounding",
    "Style",
    "largest_remainder",
    "percent_text",
    "quantum",
    "round_fen",
]

#: Direction words a generated document uses, paired (change word, percent word).
UP_WORDS: Final = (("增加", "增长"), ("增加", "增加"), ("增长", "增长"), ("上升", "上升"))
DOWN_WORDS: Final = (("减少", "下降"), ("减少", "减少"), ("下降", "下降"), ("降低", "降低"))
FLAT_WORDS: Final = (("持平", "持平"), ("无变化", "持平"), ("不变", "不变"))

WORDS: Final = {Direction.UP: UP_WORDS, Direction.DOWN: DOWN_WORDS, Direction.FLAT: FLAT_WORDS}


class Rounding(Enum):
    """How a publisher brings a ratio to its printed decimals."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"
    LARGEST_REMAINDER = "largest_remainder"  # shares only: adjusted to add up to 100%


def quantum(precision: Precision) -> int:
    """The smallest amount in fen a figure at ``precision`` can state exactly.

    >>> from govbudget.money import Unit
    >>> quantum(Precision(Unit.WAN, 2)), quantum(Precision(Unit.YUAN, 4))
    (10000, 1)
    """
    step = precision.step_fen
    return step.numerator if step.denominator == 1 else 1


def round_fen(value: int, precision: Precision) -> int:
    """``value`` fen rounded half away from zero to ``precision``, as publishers round.

    >>> from govbudget.money import Unit
    >>> round_fen(245_000, Precision(Unit.WAN, 1)), round_fen(-15_000, Precision(Unit.WAN, 2))
    (200000, -20000)
    """
    step = quantum(precision)
    magnitude = (2 * abs(value) + step) // (2 * step) * step
    return -magnitude if value < 0 else magnitude


def _truncate(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    cut = Fraction(int(abs(value) * scale), scale)
    return -cut if value < 0 else cut


def percent_text(value: Fraction, decimals: int) -> Decimal:
    """A percent already at ``decimals`` places, written with exactly that many.

    >>> percent_text(Fraction(53, 10), 2), percent_text(Fraction(-7), 0)
    (Decimal('5.30'), Decimal('-7'))
    """
    scaled = value * 10**decimals
    assert scaled.denominator == 1, f"{value} has more than {decimals} decimals"
    digits = str(abs(scaled.numerator)).rjust(decimals + 1, "0")
    text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
    return Decimal(("-" if value < 0 else "") + text)


def largest_remainder(
    values: Sequence[Fraction], decimals: int, total: int = 100
) -> list[Fraction]:
    """``values`` (which add up to ``total``) rounded so that they still add up to it.

    Each value goes down to its last printed place, then the units still missing
    go one each to the values that lost the most (ties to the earlier one).

    >>> [str(v) for v in largest_remainder([Fraction(100, 3)] * 3, 0)]
    ['34', '33', '33']
    """
    scale = 10**decimals
    floors = [int(v * scale) for v in values]
    missing = total * scale - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] * scale - floors[i]), i))
    for index in order[:missing]:
        floors[index] += 1
    return [Fraction(f, scale) for f in floors]


@frozen
class Style:
    """How a document is written.

    ``exact``: every value is stated as it is (the generator keeps amounts at the
    document's precision); percents are the half-up rounding of the exact ratio.
    Otherwise amounts are rounded half-up to each figure's precision, percents by
    ``percents``, stated changes by rounding the exact change or, with
    ``changes_from_printed``, by subtracting the two printed figures, and shares
    rounded from the exact ratio or, with ``shares_from_printed``, from the printed
    part and whole.
    """

    precision: Precision
    exact: bool = True
    percents: Rounding = Rounding.HALF_UP
    changes_from_printed: bool = False
    shares_from_printed: bool = False

    @property
    def quantum(self) -> int:
        """The granularity of generated amounts in fen."""
        return quantum(self.precision) if self.exact else 1

    def amount(self, value: int, precision: Precision | None = None) -> Amount:
        """``value`` fen as the document states it at ``precision``."""
        if self.exact:
            return Amount.from_fen(value)
        return Amount.from_fen(round_fen(value, precision or self.precision))

    def percent(self, value: Fraction, decimals: int, rounding: Rounding | None = None) -> Fraction:
        """A percent as the document prints it at ``decimals`` places."""
        how = Rounding.HALF_UP if self.exact else (rounding or self.percents)
        if how is Rounding.TRUNCATE:
            return _truncate(value, decimals)
        return round_half_up(value, decimals)
