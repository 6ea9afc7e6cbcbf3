"""Money algebra on exact amounts: sums are exact, associative and commutative; units round-trip.

Amounts come from :func:`govbudget.strategies.amounts` and :func:`~govbudget.strategies.money`.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from govbudget.money import (
    Amount,
    Unit,
    amount,
    as_amount,
    format_amount,
    parse_decimal,
    sum_amounts,
    to_unit,
    yi,
)
from govbudget.precision import Precision
from govbudget.strategies import amounts, money

signed = amounts(min_value=-yi(1000), max_value=yi(1000))
units = st.sampled_from(list(Unit))


@given(signed, signed, signed)
def test_sums_are_associative_and_commutative(a: Amount, b: Amount, c: Amount) -> None:
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert (a + b).fen == a.fen + b.fen
    assert (a + b) - b == a
    assert sum_amounts([a, b, c]) == sum_amounts([c, b, a]) == a + b + c


@given(st.lists(signed, max_size=30), st.randoms(use_true_random=False))
def test_a_sum_does_not_depend_on_order(values: list[Amount], random: object) -> None:
    shuffled = list(values)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert sum_amounts(values) == sum_amounts(shuffled) == sum(values, Amount(0))


@given(signed, units)
def test_unit_conversion_round_trips(value: Amount, unit: Unit) -> None:
    assert amount(to_unit(value.fen, unit), unit) == value
    assert value.in_unit(unit) == to_unit(value.fen, unit)


@given(money(min_value=-yi(1), max_value=yi(1)))
def test_plain_money_is_taken_exactly(value: Money) -> None:
    taken = as_amount(value)
    assert Decimal(taken.fen) / 100 == value.amount
    assert taken == value


@given(st.data(), units, st.integers(0, 8))
def test_format_and_parse_round_trip(data: st.DataObject, unit: Unit, decimals: int) -> None:
    precision = Precision(unit, decimals)
    value = data.draw(amounts(min_value=-yi(10), max_value=yi(10), precision=precision))
    text = format_amount(value, unit, decimals)
    assert amount(parse_decimal(text), unit) == value
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, point, fraction = digits.partition(".")
    grouped = f"{sign}{int(whole):,}{point}{fraction}"  # thousands separators, as printed
    assert amount(parse_decimal(grouped), unit) == value
