"""Hostile documents are refused with a DocumentError: never a crash, a hang or a huge message."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import load
from govbudget.errors import DocumentError
from govbudget.io import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    MAX_VALUES,
    loads,
    read_limited,
    read_stream_limited,
)
from govbudget.money import MAX_DIGITS

HEAD = '{"format": "govbudget/1", "department": "某局", "year": 2025'


def _refused(document: str | bytes | dict[str, object]) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        load(document)
    message = str(caught.value)
    assert "\n" not in message
    assert len(message) < 500
    return caught.value


def _with_note(value: object) -> dict[str, object]:
    return {
        "format": "govbudget/1",
        "department": "某局",
        "year": 2025,
        "income": {"total": {"amount": value}},
    }


def test_a_text_larger_than_the_limit_is_refused_before_parsing() -> None:
    text = HEAD + ', "region": "' + "x" * MAX_DOCUMENT_BYTES + '"}'
    assert "MAX_DOCUMENT_BYTES" in str(_refused(text))
    assert "MAX_DOCUMENT_BYTES" in str(_refused(text.encode()))


def test_the_size_limit_counts_bytes_not_characters() -> None:
    # Three bytes per character in UTF-8: under the limit in characters, over it in bytes.
    text = HEAD + ', "region": "' + "局" * (MAX_DOCUMENT_BYTES // 3 + 1) + '"}'
    assert len(text) < MAX_DOCUMENT_BYTES
    _refused(text)


def test_a_large_file_and_an_endless_device_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_DOCUMENT_BYTES + 1))
    error = _refused(str(big))
    assert error.source == str(big)
    if Path("/dev/zero").exists():
        # An endless device is not even opened (issue 14: special files are refused).
        with pytest.raises(DocumentError, match="a character device, not a regular file"):
            read_limited("/dev/zero")
    with (
        (tmp_path / "big.json").open("rb") as stream,
        pytest.raises(DocumentError, match="MAX_DOCUMENT_BYTES"),
    ):
        read_stream_limited(stream, "big.json")  # a stream is read one byte past the limit


def test_a_document_at_the_size_limit_is_read() -> None:
    padding = MAX_DOCUMENT_BYTES - len(HEAD.encode()) - len(', "region": ""}')
    text = HEAD + ', "region": "' + "x" * padding + '"}'
    assert len(text.encode()) == MAX_DOCUMENT_BYTES
    assert load(text).region == "x" * padding


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 200_000])
def test_deep_nesting_in_text_is_refused(depth: int) -> None:
    text = HEAD + ', "region": ' + "[" * depth + "]" * depth + "}"
    error = _refused(text)
    assert "MAX_DEPTH" in str(error)


def test_deep_nesting_names_the_place() -> None:
    nested: object = []
    for _ in range(MAX_DEPTH):
        nested = [nested]
    error = _refused(_with_note(nested))
    assert error.pointer.startswith("/income/total/amount/0/0")


def test_nesting_at_the_limit_is_not_refused_for_depth() -> None:
    nested: object = "1"
    for _ in range(MAX_DEPTH - 4):
        nested = [nested]
    # Refused because an amount is not a list, not because of the depth.
    error = _refused(_with_note(nested))
    assert "MAX_DEPTH" not in str(error)
    assert error.pointer == "/income/total/amount"


def test_a_cycle_in_parsed_data_is_refused() -> None:
    loop: list[object] = []
    loop.append(loop)
    assert "MAX_DEPTH" in str(_refused(_with_note(loop)))


def test_too_many_values_are_refused() -> None:
    text = HEAD + ', "region": [' + ",".join(["0"] * MAX_VALUES) + "]}"
    assert "MAX_VALUES" in str(_refused(text))


@pytest.mark.parametrize(
    "number",
    [
        "1" * (MAX_DIGITS + 1),
        "9" * 100_000,
        "0." + "1" * MAX_DIGITS,
        "1e31",
        "1e999999999",
        "1e-999999999",
        "1" + "0" * 10_000 + "e-10000",
    ],
    ids=[
        "MAX_DIGITS+1",
        "100000 nines",
        "long fraction",
        "1e31",
        "huge exponent",
        "tiny",
        "long mantissa",
    ],
)
def test_long_json_numbers_are_refused_with_their_place(number: str) -> None:
    text = HEAD + ', "income": {"total": {"amount": ' + number + "}}}"
    error = _refused(text)
    assert "MAX_DIGITS" in str(error)
    assert error.pointer == "/income/total/amount"


@pytest.mark.parametrize(
    "number",
    [10**MAX_DIGITS, 10**10_000, Decimal("1e999999999"), Decimal("1." + "1" * 40)],
    ids=["10**MAX_DIGITS", "10**10000", "1e999999999", "41 digits"],
)
def test_long_numbers_in_parsed_data_are_refused(number: int | Decimal) -> None:
    error = _refused(_with_note(number))
    assert "MAX_DIGITS" in str(error)
    assert error.pointer == "/income/total/amount"


def test_long_amount_text_is_refused() -> None:
    error = _refused(_with_note("1" * 200_000))
    assert error.pointer == "/income/total/amount"


def test_numbers_at_the_digit_limit_are_read() -> None:
    text = HEAD + ', "income": {"total": {"amount": ' + "9" * MAX_DIGITS + "}}}"
    income = load(text).income
    assert income is not None
    assert income.total is not None
    assert income.total.amount is not None


def test_a_long_unknown_key_is_clipped_in_the_message() -> None:
    error = _refused(HEAD + ', "' + "k" * 100_000 + '": 1}')
    assert "unknown key" in str(error)


def test_loads_names_its_source() -> None:
    with pytest.raises(DocumentError) as caught:
        loads(b"{", source="stdin")
    assert str(caught.value).startswith("stdin:1: not valid JSON")


@given(st.text(max_size=200))
def test_any_text_loads_or_is_refused_cleanly(text: str) -> None:
    try:
        budget = load("{" + text)
    except DocumentError:
        return
    assert budget.department


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(["income", "expenditure", "region", "kind", "x"]), _json))
def test_any_json_body_loads_or_is_refused_cleanly(body: dict[str, object]) -> None:
    document = {"format": "govbudget/1", "department": "某局", "year": 2025, **body}
    try:
        budget = load(json.dumps(document))
    except DocumentError:
        return
    assert budget.department == "某局"
