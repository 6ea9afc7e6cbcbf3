from __future__ import annotations

import copy
import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from govbudget.errors import AmountTypeError, GovBudgetError, InexactOperation, InvalidAmount
from govbudget.money import (
    Amount,
    Unit,
    amount,
    as_amount,
    fen,
    format_amount,
    parse_decimal,
    qian_yuan,
    sum_amounts,
    wan,
    yi,
    yuan,
)


@pytest.mark.parametrize("make", [yuan, wan, qian_yuan, yi, Amount])
@pytest.mark.parametrize("bad", [0.1, 1.0, True, False, None, [1], b"1"])
def test_non_numbers_are_refused_with_the_value_named(make: object, bad: object) -> None:
    with pytest.raises(AmountTypeError) as caught:
        make(bad)  # type: ignore[operator]
    assert repr(bad) in str(caught.value)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, GovBudgetError)


def test_float_message_says_why() -> None:
    with pytest.raises(TypeError, match=r"refusing float 0\.1"):
        wan(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("425.23", Decimal("425.23")),
        (" 1,234.50 ", Decimal("1234.50")),
        ("１２３．４５", Decimal("123.45")),
        ("－５", Decimal("-5")),
        ("−23.94", Decimal("-23.94")),
        ("+7", Decimal("7")),
        ("12,345,678", Decimal("12345678")),
        ("\u30000.4\u3000", Decimal("0.4")),
        ("1 234.5", Decimal("1234.5")),
        ("0", Decimal("0")),
    ],
)
def test_parse_published_number_text(text: str, expected: Decimal) -> None:
    parsed = parse_decimal(text)
    assert parsed == expected
    assert parsed.as_tuple().exponent == expected.as_tuple().exponent


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "1e5",
        "12.",
        ".5",
        "1,23",
        "1.2.3",
        "一百",
        "12万",
        "1,2345",
        "--5",
        "0x10",
        "1_000",
        "9" * 31,
        "١٢٣",  # Arabic-Indic digits: Decimal would read them, no disclosure prints them
        "۱۲",  # Persian
        "१२",  # Devanagari
        "𝟏𝟐",  # mathematical bold
        "1,２٣4",
    ],
)
def test_parse_refuses_anything_else_quoting_the_text(text: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_decimal(text)
    assert repr(text) in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_units() -> None:
    assert yuan("1").fen == 100
    assert qian_yuan("1").fen == 100_000
    assert wan("1").fen == 1_000_000
    assert yi("1").fen == 10_000_000_000
    assert wan("24.1") == yuan("241000")
    assert Unit.parse("万") is Unit.WAN
    assert Unit.parse(" 元 ") is Unit.YUAN
    with pytest.raises(InvalidAmount, match="美元"):
        Unit.parse("美元")


def test_sub_fen_amounts_are_refused() -> None:
    with pytest.raises(InvalidAmount, match="finer than one fen"):
        yuan("0.001")
    with pytest.raises(InvalidAmount, match="finer than one fen"):
        wan("0.0000001")
    assert wan("0.000001") == fen(1)


def test_decimal_nan_and_infinity_are_refused() -> None:
    for bad in (Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("sNaN")):
        with pytest.raises(InvalidAmount):
            yuan(bad)


def test_py_moneyed_laxness_does_not_reach_amounts() -> None:
    # py-moneyed itself accepts these; govbudget does not.
    assert Money("NaN", "CNY").amount.is_nan()
    with pytest.raises(InvalidAmount):
        as_amount(Money("NaN", "CNY"))
    with pytest.raises(InvalidAmount):
        as_amount(Money("Infinity", "CNY"))
    with pytest.raises(InvalidAmount, match="USD"):
        as_amount(Money("1", "USD"))
    with pytest.raises(InvalidAmount, match="finer than one fen"):
        as_amount(Money(Decimal("0.125"), "CNY"))
    assert as_amount(Money(Decimal("3.50"), "CNY")) == yuan("3.5")


def test_amounts_cannot_be_mutated() -> None:
    a = wan("24.1")
    with pytest.raises(AttributeError):
        a.amount = Decimal(1)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.currency = Money(0, "USD").currency  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.amount
    assert a == wan("24.1")
    assert copy.deepcopy(a) is a
    assert pickle.loads(pickle.dumps(a)) == a


def test_amount_is_a_money_in_cny() -> None:
    a = wan("1.5")
    assert isinstance(a, Money)
    assert a.currency.code == "CNY"
    assert a.amount == Decimal("15000.00")
    assert a == Money("15000", "CNY")
    assert hash(a) == hash(yuan(15000))


def test_sum_is_exact_whatever_the_decimal_context() -> None:
    parts = [yuan("0.01")] * 100_000 + [yi("12345678.91")] * 3
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        total = sum_amounts(parts)
        builtin_total = sum(parts, Amount())
    expected_fen = 100_000 + 3 * 123_456_789_100_000_000
    assert total.fen == expected_fen
    assert builtin_total.fen == expected_fen
    assert total.amount == Decimal("3703703673001000.00")


def test_arithmetic_is_exact_or_raises() -> None:
    assert wan("0.1") + wan("0.2") == wan("0.3")
    assert wan("1") - wan("3") == wan("-2")
    assert yuan("0.10") * 3 == yuan("0.30")
    assert yuan("1") * Fraction(1, 4) == yuan("0.25")
    assert yuan("1") * Decimal("0.5") == yuan("0.5")
    assert yuan("3") / 3 == yuan("1")
    assert yuan("1") / yuan("3") == Fraction(1, 3)
    assert wan("1").ratio(wan("8")) == Fraction(1, 8)
    with pytest.raises(InexactOperation, match="not a whole number of fen"):
        yuan("0.01") / 3
    with pytest.raises(InexactOperation):
        yuan("0.01") * Decimal("0.5")
    with pytest.raises(InexactOperation):
        yuan("1").round(0)
    with pytest.raises(AmountTypeError):
        yuan("1") * 0.5
    with pytest.raises(TypeError):
        yuan("1") * yuan("2")
    with pytest.raises(ZeroDivisionError):
        yuan("1") / 0


def test_unit_conversion_is_exact() -> None:
    assert wan("24.1").in_unit(Unit.YUAN) == Decimal("241000")
    assert yuan("1").in_unit(Unit.WAN) == Decimal("0.0001")
    assert fen(1).in_unit(Unit.YI) == Decimal("0.0000000001")
    assert amount("-3.25", Unit.QIAN_YUAN).in_unit(Unit.YUAN) == Decimal("-3250")


def test_format_amount() -> None:
    assert format_amount(wan("24.1"), Unit.WAN, 2) == "24.10"
    assert format_amount(wan("0.4"), Unit.WAN, 0, round_half_up=True) == "0"
    assert format_amount(wan("0.5"), Unit.WAN, 0, round_half_up=True) == "1"
    assert format_amount(wan("-0.5"), Unit.WAN, 0, round_half_up=True) == "-1"
    assert format_amount(yuan("8652340.57"), Unit.YUAN, 2) == "8652340.57"
    assert format_amount(yuan("0.05"), Unit.YUAN, 2) == "0.05"
    with pytest.raises(InexactOperation, match="round_half_up"):
        format_amount(yuan("1.25"), Unit.YUAN, 1)


@given(st.lists(st.integers(min_value=-(10**15), max_value=10**15), max_size=50))
def test_sums_are_associative_and_commutative(fens: list[int]) -> None:
    amounts = [fen(f) for f in fens]
    assert sum_amounts(amounts) == sum_amounts(reversed(amounts)) == fen(sum(fens))
    half = len(amounts) // 2
    assert sum_amounts(amounts) == sum_amounts(amounts[:half]) + sum_amounts(amounts[half:])


@given(st.integers(min_value=-(10**18), max_value=10**18), st.sampled_from(list(Unit)))
def test_unit_round_trip(fen_value: int, unit: Unit) -> None:
    a = fen(fen_value)
    assert amount(a.in_unit(unit), unit) == a
    assert amount(f"{a.in_unit(unit):f}", unit) == a


@pytest.mark.parametrize(
    "value",
    [
        Decimal("9" * 40 + "E+40"),  # 40 digits, but an 80-digit number
        Decimal("1E+30"),
        Decimal("1" + "0" * 30),
        Decimal("0." + "0" * 30 + "1"),
        10**30,
        10**5000,  # more digits than int() may write out: refused before writing it
        -(10**40),
    ],
    ids=["40-digits-E+40", "1E+30", "31-digits", "31-decimals", "int-31", "int-5001", "int-neg"],
)
def test_numbers_longer_than_max_digits_are_refused_whatever_their_form(
    value: Decimal | int,
) -> None:
    with pytest.raises(InvalidAmount, match="MAX_DIGITS"):
        yuan(value)


def test_the_longest_amounts_are_exact_and_print() -> None:
    longest = yuan("9" * 28 + ".99")
    assert longest.fen == int("9" * 30)
    assert str(longest) == "CN¥\xa0" + "9" * 28 + ".99"  # past the default 28-digit context
    assert str(yuan(Decimal("1E+29"))) == "CN¥\xa01" + "0" * 29 + ".00"
    with decimal.localcontext() as context:
        context.prec = 3  # whatever the caller's context
        assert str(yuan("123456.78")) == "CN¥\xa0123456.78"


def test_a_money_whose_amount_became_a_float_is_refused() -> None:
    money = Money("0.1", "CNY")
    money.amount = 0.1  # type: ignore[misc,assignment]  # py-moneyed allows it
    with pytest.raises(AmountTypeError, match=r"refusing float 0\.1"):
        as_amount(money)
    longer = Money(Decimal("9" * 40 + "E+40"), "CNY")
    with pytest.raises(InvalidAmount, match="MAX_DIGITS"):
        as_amount(longer)
