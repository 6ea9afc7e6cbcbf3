"""Reporting precision: the unit and number of decimals a figure is published at.

A published figure ``x`` at ``d`` decimals of its unit stands for every value in
``[x − h, x + h]`` with the half-width ``h = ½·10^(−d)`` of the unit. The
checker compares such intervals; see :mod:`govbudget.rules` for the outcomes.

>>> Precision(Unit.WAN, 2).half_width_fen
5000
"""

from __future__ import annotations

from fractions import Fraction

from attrs import field, frozen

from govbudget.errors import ModelError
from govbudget.money import Unit

__all__ = ["DEFAULT_PRECISION", "Precision"]


def _check_decimals(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 8:
        raise ModelError(f"decimals must be an integer from 0 to 8, not {value!r}")


@frozen
class Precision:
    """The unit a figure is stated in and the decimals it was rounded to.

    >>> Precision(Unit.YUAN, 0).label
    '元, 0 decimals'
    """

    unit: Unit = Unit.WAN
    decimals: int = field(default=2, validator=_check_decimals)
    #: Half of one unit in the last published place, in fen: an int when it is
    #: whole (the usual case, kept as an int for fast exact sums), else a Fraction.
    half_width_fen: int | Fraction = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        half = Fraction(self.unit.fen, 2 * 10**self.decimals)
        object.__setattr__(
            self, "half_width_fen", half.numerator if half.denominator == 1 else half
        )

    @property
    def step_fen(self) -> Fraction:
        """One unit in the last published place, in fen."""
        return Fraction(self.unit.fen, 10**self.decimals)

    @property
    def label(self) -> str:
        """A short description for messages."""
        return f"{self.unit.label}, {self.decimals} decimals"


#: Disclosures state amounts in 万元 with two decimals unless they declare otherwise.
DEFAULT_PRECISION = Precision(Unit.WAN, 2)
