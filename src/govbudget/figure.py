"""A stated figure: what a disclosure says about one amount.

A :class:`Figure` keeps exactly what the document states — the amount and,
where given, the prior-year amount, the stated change and percent with their
direction words (增加/减少/持平 …), a share (占比), and for final accounts the
budgeted amounts and completion percent. Nothing is computed or filled in: a
value the document does not state is ``None``, which is different from zero.

>>> from govbudget import wan
>>> f = Figure(amount=wan("425.23"), prior=wan("449.17"),
...            change=StatedChange(wan("23.94"), "减少"), percent=pct("5.3", "减少"))
>>> f.change.signed if f.change else None
Money('-239400.00', 'CNY')
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Final

from attrs import field, frozen
from moneyed import Money

from govbudget.errors import AmountTypeError, InvalidAmount, ModelError
from govbudget.money import MAX_DIGITS, Amount, as_amount, parse_decimal, written_digits
from govbudget.precision import Precision

__all__ = [
    "DIRECTION_WORDS",
    "Direction",
    "Figure",
    "Restatement",
    "StatedChange",
    "StatedPercent",
    "Written",
    "direction_of",
    "pct",
]


class Direction(Enum):
    """The direction a stated change goes: up, down or unchanged."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"


#: Direction words as disclosures write them, and the direction each states.
DIRECTION_WORDS: Final[dict[str, Direction]] = {
    "增加": Direction.UP,
    "增长": Direction.UP,
    "上升": Direction.UP,
    "提高": Direction.UP,
    "上涨": Direction.UP,
    "增": Direction.UP,
    "减少": Direction.DOWN,
    "下降": Direction.DOWN,
    "降低": Direction.DOWN,
    "减": Direction.DOWN,
    "下调": Direction.DOWN,
    "压减": Direction.DOWN,
    "压缩": Direction.DOWN,
    "缩减": Direction.DOWN,
    "减少了": Direction.DOWN,
    "增幅": Direction.UP,
    "增收": Direction.UP,
    "增支": Direction.UP,
    "减收": Direction.DOWN,
    "减支": Direction.DOWN,
    "增长率": Direction.UP,
    "减幅": Direction.DOWN,
    "降幅": Direction.DOWN,
    "超支": Direction.UP,
    "节约": Direction.DOWN,
    "大于": Direction.UP,
    "多于": Direction.UP,
    "高于": Direction.UP,
    "超过": Direction.UP,
    "小于": Direction.DOWN,
    "少于": Direction.DOWN,
    "低于": Direction.DOWN,
    "少": Direction.DOWN,
    "多": Direction.UP,
    "持平": Direction.FLAT,
    "基本持平": Direction.FLAT,
    "无变化": Direction.FLAT,
    "不变": Direction.FLAT,
    "没有变化": Direction.FLAT,
    "无增减": Direction.FLAT,
    "零增长": Direction.FLAT,
    "等于": Direction.FLAT,
}


def direction_of(word: str) -> Direction:
    """The direction a word states.

    >>> direction_of("降低")
    <Direction.DOWN: 'down'>
    """
    found = DIRECTION_WORDS.get(word.strip())
    if found is None:
        raise ModelError(f"unknown direction word {word!r}; known: {'、'.join(DIRECTION_WORDS)}")
    return found


def _check_word(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None:
        direction_of(value)


def _optional_amount(value: Money | None) -> Amount | None:
    # Run for every amount field of every figure built: the common cases first.
    if value is None or type(value) is Amount:
        return value
    return as_amount(value)


def _signed(magnitude: int, word: str | None) -> int:
    if word is None:
        return magnitude
    # The words as the model keeps them are the table's keys: one probe (direction_of strips
    # and raises for the rest).
    direction = DIRECTION_WORDS.get(word) or direction_of(word)
    return -magnitude if direction is Direction.DOWN else magnitude


@frozen
class StatedChange:
    """A stated year-on-year change of an amount: the number as written and its word.

    ``value`` is ``None`` when only a word is given ("无变化", "持平").

    >>> from govbudget import wan
    >>> StatedChange(wan("6.06"), "增加").signed
    Money('60600.00', 'CNY')
    """

    value: Amount | None = field(converter=_optional_amount)
    word: str | None = field(default=None, validator=_check_word)

    @property
    def direction(self) -> Direction | None:
        """The direction the word states, if there is a word."""
        return None if self.word is None else direction_of(self.word)

    @property
    def signed(self) -> Amount:
        """The change with the sign its word gives (减少 5 → −5; 持平 alone → 0)."""
        return Amount.from_fen(self.signed_fen)

    @property
    def signed_fen(self) -> int:
        """:attr:`signed` in fen, without making an amount (the rules' hot paths read it).

        >>> from govbudget import wan
        >>> StatedChange(wan(5), "减少").signed_fen, StatedChange(None, "持平").signed_fen
        (-5000000, 0)
        """
        return _signed(0 if self.value is None else self.value._fen, self.word)


def _to_decimal(value: Decimal | str | int) -> Decimal:
    if type(value) is Decimal and value.is_finite() and written_digits(value) <= MAX_DIGITS:
        return value  # the common case (every percent a document states): checked first
    if isinstance(value, bool | float):
        raise AmountTypeError(
            f"refusing {type(value).__name__} {value!r} as a percent; pass a str, int or Decimal"
        )
    if isinstance(value, str):
        return parse_decimal(value)
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:  # before writing out a long int, which is slow
            raise InvalidAmount(
                f"a percent of more than {MAX_DIGITS} digits (the limit MAX_DIGITS)"
            )
        return Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ModelError(f"a percent must be a finite Decimal, str or int, not {value!r}")
    if written_digits(value) > MAX_DIGITS:
        # As in a document's text: a longer percent could be stated but not written back.
        raise InvalidAmount(
            f"a percent of more than {MAX_DIGITS} digits written out (the limit MAX_DIGITS):"
            f" {value!r}"
        )
    return value


@frozen
class StatedPercent:
    """A stated percent (``5.3`` for 5.3%), as written, with its direction word if any.

    The digits written set its precision: ``5.3`` was rounded to one decimal.

    >>> StatedPercent(Decimal("13.20"), "减少").decimals
    2
    """

    value: Decimal = field(converter=_to_decimal)
    word: str | None = field(default=None, validator=_check_word)

    @property
    def decimals(self) -> int:
        """The number of decimals the percent was written with."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)

    @property
    def direction(self) -> Direction | None:
        """The direction the word states, if there is a word."""
        return None if self.word is None else direction_of(self.word)

    @property
    def signed(self) -> Decimal:
        """The percent with the sign its word gives (下降 5.3 → −5.3)."""
        if self.word is not None and direction_of(self.word) is Direction.DOWN:
            return -self.value
        return self.value


def pct(value: Decimal | str | int, word: str | None = None) -> StatedPercent:
    """A stated percent; shorthand for :class:`StatedPercent`.

    >>> pct("8.2", "降低").signed
    Decimal('-8.2')
    """
    return StatedPercent(_to_decimal(value), word)


@frozen
class Restatement:
    """The same figure stated again elsewhere in the document: the amount and its place.

    >>> from govbudget import wan
    >>> Restatement(wan("592.36"), "a.txt:21:5").amount
    Money('5923600.00', 'CNY')
    """

    amount: Amount = field(converter=as_amount)
    source: str | None = field(default=None, eq=False)


def _restatements(value: object) -> tuple[Restatement, ...]:
    if value == ():  # the common case: not restated
        return ()
    items = tuple(value) if isinstance(value, tuple | list) else value
    if not isinstance(items, tuple) or not all(isinstance(i, Restatement) for i in items):
        raise ModelError(f"restated must be a sequence of Restatement, not {value!r}")
    return items


#: The amounts of a figure that can be written with fewer decimals than its precision.
WRITTEN_COLUMNS: Final = ("amount", "prior", "budget_initial", "budget_full_year")


def _check_column(_instance: object, _attribute: object, value: str) -> None:
    if value not in WRITTEN_COLUMNS:
        raise ModelError(
            f"written column must be one of {', '.join(WRITTEN_COLUMNS)}, not {value!r}"
        )


def _check_digits(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 8:
        raise ModelError(f"written decimals must be an integer from 0 to 8, not {value!r}")


@frozen
class Written:
    """An amount of a figure written with fewer decimals than the figure's precision.

    >>> Written("budget_initial", 0)  # "预算为1万元" beside "0.53万元"
    Written(column='budget_initial', decimals=0)
    """

    column: str = field(validator=_check_column)
    decimals: int = field(validator=_check_digits)


def _written(value: object) -> tuple[Written, ...]:
    if value == ():  # the common case: every amount written at the precision
        return ()
    items = tuple(value) if isinstance(value, tuple | list) else value
    if not isinstance(items, tuple) or not all(isinstance(i, Written) for i in items):
        raise ModelError(f"written must be a sequence of Written, not {value!r}")
    return items


def _check_none_stated(instance: Figure, _attribute: object, value: bool) -> None:
    if value and instance.amount is not None and instance.amount.fen != 0:
        raise ModelError(f"a figure stated as none (无) cannot have the amount {instance.amount!r}")


@frozen(kw_only=True)
class Figure:
    """Everything a document states about one amount. Absent means not stated.

    - ``amount``: the figure itself; ``prior``: the prior year's (上年) amount;
    - ``change``/``percent``: the stated year-on-year change and percent;
    - ``share``: a stated share (占比, 份额比例) of the whole it belongs to;
    - ``budget_initial``/``budget_full_year``/``completion``: for final accounts
      (决算), the 年初预算数, 全年预算数 and the stated completion percent;
      ``budget_difference``: the stated difference (差值) between the figure and its
      年初预算数 (or 全年预算数), without sign; ``budget_change``/``budget_percent``:
      the stated change against the budget and its percent, with their words
      ("与年初预算相比减少 0.1 万元，下降 0.6%", "决算数大于预算数 48.27 万元",
      "与预算相比无变化");
    - ``share_of``: the path of the figure a ``share`` is of, where the text names the
      whole ("占基本支出的 60%") rather than the figure's usual whole;
    - ``restated``: the same figure stated again, elsewhere in the document;
    - ``precision``: overrides the document's precision for this figure;
    - ``written``: the decimals an amount is written with where fewer than the figure's
      precision (``Written("budget_initial", 0)`` for "预算为1万元" beside "0.53万元"): a
      relation that fails at the precision but holds if that amount was rounded to the
      digits written is reported as a warning, not an error;
    - ``none_stated``: the document says there is none (无 …), not merely silent;
    - ``note``: the reason or remark given with the figure (主要原因 …);
    - ``source``: where the figure was read (not part of equality).
    """

    amount: Amount | None = field(default=None, converter=_optional_amount)
    prior: Amount | None = field(default=None, converter=_optional_amount)
    change: StatedChange | None = None
    percent: StatedPercent | None = None
    share: StatedPercent | None = None
    budget_initial: Amount | None = field(default=None, converter=_optional_amount)
    budget_full_year: Amount | None = field(default=None, converter=_optional_amount)
    completion: StatedPercent | None = None
    budget_difference: Amount | None = field(default=None, converter=_optional_amount)
    budget_change: StatedChange | None = None
    budget_percent: StatedPercent | None = None
    share_of: str | None = None
    restated: tuple[Restatement, ...] = field(default=(), converter=_restatements)
    precision: Precision | None = None
    written: tuple[Written, ...] = field(default=(), converter=_written, eq=False)
    none_stated: bool = field(default=False, validator=_check_none_stated)
    note: str | None = None
    source: str | None = field(default=None, eq=False)
