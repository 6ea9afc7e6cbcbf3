"""Exact CNY amounts: construction, parsing of published number text, units and formatting.

An :class:`Amount` is a py-moneyed :class:`~moneyed.Money` in CNY that cannot
change, holds a whole number of fen, and does its arithmetic exactly on that
integer. py-moneyed on its own accepts floats, ``NaN`` and ``Infinity``, adds
under the caller's decimal context and lets ``m.amount`` be reassigned; none of
that can happen to an :class:`Amount`.

>>> wan("24.1") + wan("0.4")
Money('245000.00', 'CNY')
>>> format_amount(wan("24.5"), Unit.WAN)
'24.50'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, localcontext
from enum import Enum
from fractions import Fraction
from typing import Final, NoReturn

from attrs.exceptions import FrozenInstanceError
from moneyed import Currency, Money

from govbudget.errors import AmountTypeError, InexactOperation, InvalidAmount

__all__ = [
    "CNY",
    "Amount",
    "Unit",
    "amount",
    "as_amount",
    "fen",
    "format_amount",
    "parse_decimal",
    "qian_yuan",
    "sum_amounts",
    "to_unit",
    "wan",
    "written_digits",
    "yi",
    "yuan",
]

CNY: Final = "CNY"
FEN_PER_YUAN: Final = 100
#: The longest number (in digits) accepted from text or a document: far beyond
#: any real budget (10^18 元), small enough that hostile input cannot cost time.
MAX_DIGITS: Final = 30


class Unit(Enum):
    """A unit in which disclosures state amounts, with its size in fen."""

    YUAN = ("元", 100)
    QIAN_YUAN = ("千元", 100_000)
    WAN = ("万元", 1_000_000)
    YI = ("亿元", 10_000_000_000)

    def __init__(self, label: str, fen: int) -> None:
        self.label = label
        self.fen = fen

    @classmethod
    def parse(cls, text: str) -> Unit:
        """The unit named by ``text`` ("万元", "万", "元", "wan" ...).

        >>> Unit.parse("万")
        <Unit.WAN: ('万元', 1000000)>
        """
        key = text.strip().lower()
        found = _UNIT_NAMES.get(key)
        if found is None:
            known = ", ".join(sorted({u.label for u in cls}))
            raise InvalidAmount(f"unknown unit {text!r}; expected one of {known}")
        return found


_UNIT_NAMES: Final[dict[str, Unit]] = {
    "元": Unit.YUAN,
    "yuan": Unit.YUAN,
    "千元": Unit.QIAN_YUAN,
    "qian_yuan": Unit.QIAN_YUAN,
    "万元": Unit.WAN,
    "万": Unit.WAN,
    "wan": Unit.WAN,
    "亿元": Unit.YI,
    "亿": Unit.YI,
    "yi": Unit.YI,
}


def _refuse(value: object) -> NoReturn:
    if isinstance(value, float):
        raise AmountTypeError(
            f"refusing float {value!r} as money: a float cannot hold most decimal"
            " amounts exactly; pass a str, int or Decimal instead"
        )
    raise AmountTypeError(
        f"refusing {type(value).__name__} {value!r} as money; pass a str, int or Decimal"
    )


def _check_type(value: object) -> str | int | Decimal:
    # bool is an int subclass, so it must be caught before the int case.
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        _refuse(value)
    return value


class Amount(Money):
    """An immutable, exact amount of CNY: a ``Money`` holding whole fen.

    Built with :func:`yuan`, :func:`wan` and the other unit constructors, or
    ``Amount(value)`` with a value in 元. Sums and differences are exact;
    multiplying or dividing by a number is exact or raises
    :class:`~govbudget.errors.InexactOperation`.

    >>> a = yuan("12.34")
    >>> a.fen
    1234
    >>> a * 3
    Money('37.02', 'CNY')
    """

    __slots__ = ("_fen",)
    _fen: int

    def __init__(self, amount: str | int | Decimal = 0, currency: str | Currency = CNY) -> None:
        code = currency.code if isinstance(currency, Currency) else str(currency).upper()
        if code != CNY:
            raise InvalidAmount(f"govbudget amounts are in CNY, not {code}")
        self._set(_yuan_to_fen(_to_decimal(_check_type(amount))))

    def _set(self, fen_value: int) -> None:
        # Only the fen are stored: the Decimal in 元 (``amount``) is made when asked for and
        # the currency is the class's, so that an amount takes half the memory it would.
        object.__setattr__(self, "_fen", fen_value)

    # Read-only properties where Money has Final attributes: the same for every reader.
    @property  # type: ignore[misc]
    def amount(self) -> Decimal:
        """The amount in 元, as py-moneyed's ``Money.amount``: an exact Decimal with two places.

        >>> wan("24.1").amount
        Decimal('241000.00')
        """
        return _fen_to_decimal(self._fen)

    @property  # type: ignore[misc]
    def currency(self) -> Currency:
        """Always CNY."""
        return _CNY_CURRENCY

    @classmethod
    def from_fen(cls, fen_value: int) -> Amount:
        """The amount of ``fen_value`` fen (分): the exact integer representation.

        >>> Amount.from_fen(2410)
        Money('24.10', 'CNY')
        """
        # Made for every amount read or computed: the plain int first, set directly.
        if type(fen_value) is not int and (
            isinstance(fen_value, bool) or not isinstance(fen_value, int)
        ):
            _refuse(fen_value)
        new = object.__new__(cls)
        _set_fen(new, fen_value)  # the slot's own setter: a third of object.__setattr__'s cost
        return new

    @property
    def fen(self) -> int:
        """The amount as a whole number of fen (分)."""
        return self._fen

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError()

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (Amount.from_fen, (self._fen,))

    def __copy__(self) -> Amount:
        return self

    def __deepcopy__(self, memo: object) -> Amount:
        return self

    def __repr__(self) -> str:
        return f"Money('{self.amount}', 'CNY')"

    def __str__(self) -> str:
        # py-moneyed formats under the caller's decimal context, whose default 28 digits
        # are fewer than an amount may hold (MAX_DIGITS): format with room to spare.
        with localcontext() as context:
            context.prec = MAX_DIGITS + 10
            return super().__str__()

    def __hash__(self) -> int:
        return hash(self._fen)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Amount):
            return self._fen == other._fen
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __lt__(self, other: object) -> bool:
        return self._fen < _other_fen(other)

    def __le__(self, other: object) -> bool:
        return self._fen <= _other_fen(other)

    def __gt__(self, other: object) -> bool:
        return self._fen > _other_fen(other)

    def __ge__(self, other: object) -> bool:
        return self._fen >= _other_fen(other)

    def __bool__(self) -> bool:
        return self._fen != 0

    def __pos__(self) -> Amount:
        return self

    def __neg__(self) -> Amount:
        return Amount.from_fen(-self._fen)

    def __abs__(self) -> Amount:
        return Amount.from_fen(abs(self._fen))

    # Narrower than Money's ``object`` on purpose: ``wan(1) + 0.5`` is a type error.
    def __add__(self, other: Money) -> Amount:  # type: ignore[override]
        if not isinstance(other, Money):
            return NotImplemented
        return Amount.from_fen(self._fen + _other_fen(other))

    def __radd__(self, other: Money | int) -> Amount:  # type: ignore[override]
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # so that sum() over amounts works
        if not isinstance(other, Money):
            return NotImplemented
        return Amount.from_fen(self._fen + _other_fen(other))

    def __sub__(self, other: Money) -> Amount:  # type: ignore[override]
        if not isinstance(other, Money):
            return NotImplemented
        return Amount.from_fen(self._fen - _other_fen(other))

    def __rsub__(self, other: Money) -> Amount:  # type: ignore[override]
        if not isinstance(other, Money):
            return NotImplemented
        return Amount.from_fen(_other_fen(other) - self._fen)

    def __mul__(self, other: object) -> Amount:
        if isinstance(other, Money):
            raise TypeError("cannot multiply two amounts of money")
        return Amount.from_fen(_exact_fen(self._fen * _factor(other), f"{self!r} × {other!r}"))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Amount | Fraction:  # type: ignore[override]
        """An amount ÷ an amount is their exact ratio; ÷ a number is exact or raises."""
        if isinstance(other, Money):
            divisor = _other_fen(other)
            if divisor == 0:
                raise ZeroDivisionError(f"{self!r} ÷ zero amount")
            return Fraction(self._fen, divisor)
        factor = _factor(other)
        if factor == 0:
            raise ZeroDivisionError(f"{self!r} ÷ 0")
        return Amount.from_fen(_exact_fen(self._fen / factor, f"{self!r} ÷ {other!r}"))

    def __rmod__(self, other: object) -> NoReturn:
        raise TypeError("use exact ratios (Fraction) instead of the % operator on money")

    def round(self, ndigits: int | None = 0) -> NoReturn:
        """Refused: an Amount never rounds. Use :func:`format_amount` for display."""
        raise InexactOperation("Amount.round() is refused; amounts are exact")

    def ratio(self, whole: Money) -> Fraction:
        """This amount as an exact fraction of ``whole``.

        >>> wan(1).ratio(wan(4))
        Fraction(1, 4)
        """
        result = self / whole
        assert isinstance(result, Fraction)
        return result

    def in_unit(self, unit: Unit) -> Decimal:
        """The exact value of this amount in ``unit``.

        >>> wan("24.1").in_unit(Unit.YUAN)
        Decimal('241000')
        """
        return to_unit(self._fen, unit)


_CNY_CURRENCY: Final = Money(0, CNY).currency
_set_fen: Final = Amount.__dict__["_fen"].__set__


def _other_fen(other: object) -> int:
    if isinstance(other, Amount):
        return other._fen
    if isinstance(other, Money):
        return as_amount(other)._fen
    raise TypeError(f"cannot compare or combine an amount with {type(other).__name__}")


def _factor(value: object) -> Fraction:
    if isinstance(value, Fraction):
        return value
    checked = _check_type(value)
    if isinstance(checked, str):
        raise AmountTypeError(f"multiply or divide an amount by a number, not the text {checked!r}")
    if isinstance(checked, Decimal):
        if not checked.is_finite():
            raise InvalidAmount(f"not a finite number: {checked!r}")
        return Fraction(checked)
    return Fraction(checked)


def _exact_fen(value: Fraction | int, what: str) -> int:
    result = Fraction(value)
    if result.denominator != 1:
        raise InexactOperation(f"{what} is not a whole number of fen ({result} fen)")
    return result.numerator


# An int of more than MAX_DIGITS decimal digits has at least this many bits.
_MAX_INT_BITS: Final = (10**MAX_DIGITS).bit_length()


def _to_decimal(value: str | int | Decimal) -> Decimal:
    if isinstance(value, str):
        return parse_decimal(value)
    if isinstance(value, int):
        # Writing out a long int costs quadratic time (and past 4,300 digits raises): the
        # bits say first that it is too long.
        if value.bit_length() > _MAX_INT_BITS or len(str(abs(value))) > MAX_DIGITS:
            raise InvalidAmount(
                f"an integer of more than {MAX_DIGITS} digits (the limit MAX_DIGITS),"
                f" about {value.bit_length() * 3 // 10} digits"
            )
        return Decimal(value)
    if not value.is_finite():
        raise InvalidAmount(f"not a finite amount: {value!r}")
    if written_digits(value) > MAX_DIGITS:
        # Decimal("9" * 40 + "E+40") has 40 digits but states an 80-digit number.
        raise InvalidAmount(
            f"more than {MAX_DIGITS} digits written out (the limit MAX_DIGITS):"
            f" {_quote(str(value))}"
        )
    return value


def written_digits(value: Decimal) -> int:
    """How many digits the finite ``value`` has written out without an exponent.

    >>> written_digits(Decimal("1E+3")), written_digits(Decimal("0.05")), written_digits(Decimal("12.5"))
    (4, 2, 3)
    """
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return len(digits) + exponent if exponent >= 0 else max(len(digits), -exponent)


def _decimal_fraction(value: Decimal) -> Fraction:
    # Integer arithmetic on the digits: independent of any decimal context.
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if len(digits) > MAX_DIGITS + 10 or abs(exponent) > MAX_DIGITS + 10:
        raise InvalidAmount(f"number too large or too precise: {value}")
    magnitude = int("".join(map(str, digits)) or "0")
    result = Fraction(magnitude) * Fraction(10) ** exponent
    return -result if sign else result


def _yuan_to_fen(value: Decimal) -> int:
    fen_value = _decimal_fraction(value) * FEN_PER_YUAN
    if fen_value.denominator != 1:
        raise InvalidAmount(f"{value} 元 is finer than one fen (0.01 元)")
    return fen_value.numerator


def _fen_to_decimal(fen_value: int) -> Decimal:
    sign = 1 if fen_value < 0 else 0
    digits = tuple(int(d) for d in str(abs(fen_value)).rjust(3, "0"))
    return Decimal((sign, digits, -2))


def to_unit(fen_value: int, unit: Unit) -> Decimal:
    """The exact value of ``fen_value`` fen in ``unit``, without trailing zeros.

    >>> to_unit(2410000, Unit.WAN)
    Decimal('2.41')
    """
    whole, rest = divmod(abs(fen_value), unit.fen)
    if rest == 0:
        text = str(whole)
    else:
        places = len(str(unit.fen)) - 1
        text = f"{whole}.{str(rest).rjust(places, '0').rstrip('0')}"
    return Decimal(("-" if fen_value < 0 else "") + text)


_FULL_WIDTH: Final = str.maketrans(
    "０１２３４５６７８９．，－＋−–—﹣",
    "0123456789.,-+----",
)
_SPACES: Final = re.compile(r"[\s\u3000\u00a0\u2009\u202f]+")
# ASCII digits only ("\d" takes Arabic-Indic, Devanagari, mathematical digits …, which no
# disclosure prints and Decimal would quietly read); full-width ones are folded first.
_PLAIN: Final = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_GROUPED: Final = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _quote(text: str) -> str:
    # Error messages quote the text, but never a whole hostile document of it.
    return repr(text) if len(text) <= 60 else repr(text[:57]) + "…"


def parse_decimal(text: str) -> Decimal:
    """Parse a published number exactly, as written (its decimals kept).

    Accepts thousands separators, ASCII and full-width digits and signs, a
    leading minus or "−" and surrounding spaces; anything else (other scripts'
    digits, exponents, more than :data:`MAX_DIGITS` digits) is an
    :class:`~govbudget.errors.InvalidAmount` that quotes the text.

    >>> parse_decimal(" －１，２３４.５０ ")
    Decimal('-1234.50')
    """
    if not isinstance(text, str):
        _refuse(text)
    cleaned = _SPACES.sub("", text.translate(_FULL_WIDTH))
    if not (_PLAIN.fullmatch(cleaned) or _GROUPED.fullmatch(cleaned)):
        raise InvalidAmount(f"not a number: {_quote(text)}")
    digits = cleaned.replace(",", "").lstrip("+")
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        raise InvalidAmount(f"more than {MAX_DIGITS} digits: {_quote(text)}")
    return Decimal(digits)


def amount(value: str | int | Decimal, unit: Unit = Unit.YUAN) -> Amount:
    """The amount ``value`` stated in ``unit``, exactly.

    >>> amount("1.5", Unit.YI)
    Money('150000000.00', 'CNY')
    """
    decimal_value = _to_decimal(_check_type(value))
    fen_value = _decimal_fraction(decimal_value) * unit.fen
    if fen_value.denominator != 1:
        raise InvalidAmount(f"{value} {unit.label} is finer than one fen (0.01 元)")
    return Amount.from_fen(fen_value.numerator)


def yuan(value: str | int | Decimal) -> Amount:
    """An amount in 元 (yuan).

    >>> yuan("1,234.5")
    Money('1234.50', 'CNY')
    """
    return amount(value, Unit.YUAN)


def qian_yuan(value: str | int | Decimal) -> Amount:
    """An amount in 千元 (thousands of yuan).

    >>> qian_yuan(2)
    Money('2000.00', 'CNY')
    """
    return amount(value, Unit.QIAN_YUAN)


def wan(value: str | int | Decimal) -> Amount:
    """An amount in 万元 (ten thousands of yuan), the usual unit of disclosures.

    >>> wan("425.23")
    Money('4252300.00', 'CNY')
    """
    return amount(value, Unit.WAN)


def yi(value: str | int | Decimal) -> Amount:
    """An amount in 亿元 (hundreds of millions of yuan).

    >>> yi("0.5")
    Money('50000000.00', 'CNY')
    """
    return amount(value, Unit.YI)


def fen(value: int) -> Amount:
    """An amount of whole fen (分).

    >>> fen(5)
    Money('0.05', 'CNY')
    """
    return Amount.from_fen(value)


def as_amount(value: Money) -> Amount:
    """A py-moneyed ``Money`` checked and turned into an immutable :class:`Amount`.

    Refuses other currencies, NaN and infinities, and amounts finer than a fen.

    >>> from moneyed import Money
    >>> as_amount(Money("3.5", "CNY")).fen
    350
    """
    if isinstance(value, Amount):
        return value
    if not isinstance(value, Money):
        _refuse(value)
    if value.currency.code != CNY:
        raise InvalidAmount(f"govbudget amounts are in CNY, not {value.currency.code}: {value!r}")
    raw = value.amount
    if isinstance(raw, float):  # a py-moneyed Money's amount can be reassigned
        _refuse(raw)
    if not isinstance(raw, Decimal) or not raw.is_finite():
        raise InvalidAmount(f"not a finite amount: {value!r}")
    return Amount.from_fen(_yuan_to_fen(_to_decimal(raw)))


def sum_amounts(values: Iterable[Money]) -> Amount:
    """The exact sum of ``values`` (zero for none), whatever the decimal context.

    >>> sum_amounts([wan("0.1")] * 3)
    Money('3000.00', 'CNY')
    """
    return Amount.from_fen(sum(_other_fen(v) for v in values))


def format_amount(
    value: Money,
    unit: Unit = Unit.WAN,
    decimals: int = 2,
    *,
    round_half_up: bool = False,
) -> str:
    """``value`` written in ``unit`` with ``decimals`` places, as documents print it.

    Rounding for display must be asked for (``round_half_up=True``, the way
    publishers round); otherwise a value that does not fit raises
    :class:`~govbudget.errors.InexactOperation`.

    >>> format_amount(yuan("241000"), Unit.WAN, 2)
    '24.10'
    >>> format_amount(yuan("241050"), Unit.WAN, 1, round_half_up=True)
    '24.1'
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, not {decimals}")
    scaled = Fraction(as_amount(value).fen * 10**decimals, unit.fen)
    if scaled.denominator != 1:
        if not round_half_up:
            raise InexactOperation(
                f"{value!r} does not fit {decimals} decimals of {unit.label};"
                " pass round_half_up=True to round for display"
            )
        magnitude = (2 * abs(scaled.numerator) + scaled.denominator) // (2 * scaled.denominator)
        scaled = Fraction(-magnitude if scaled < 0 else magnitude)
    number = abs(scaled.numerator)
    text = str(number).rjust(decimals + 1, "0")
    if decimals:
        text = f"{text[:-decimals]}.{text[-decimals:]}"
    return ("-" if scaled < 0 else "") + text
