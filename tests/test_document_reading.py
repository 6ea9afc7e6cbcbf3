"""How load() reads: larger documents when asked (max_values), and errors in the fields' order.

The reader is compiled once per class and reads a document's keys in the document's order;
these tests pin what must not depend on that: the error reported for a document with several
problems, and the amounts read straight from their digits.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import load, wan
from govbudget.errors import DocumentError
from govbudget.io import MAX_DOCUMENT_BYTES, MAX_VALUES, from_data, loads, size_limit
from govbudget.money import Unit, amount

HEAD = {"format": "govbudget/1", "department": "某局", "year": 2025}


def _projects(count: int) -> dict[str, object]:
    return {**HEAD, "projects": [{"name": f"项目{i}"} for i in range(count)]}


def test_more_values_than_the_limit_are_refused_and_can_be_allowed() -> None:
    document = _projects(MAX_VALUES // 2)  # two values a project, and the head's
    with pytest.raises(DocumentError, match=r"more than 200000 values.*max_values="):
        load(document)
    with pytest.raises(DocumentError, match="more than 200000 values"):
        loads(json.dumps(document))
    assert len(load(document, max_values=MAX_VALUES + 10).projects) == MAX_VALUES // 2
    assert len(loads(json.dumps(document), max_values=MAX_VALUES + 10).projects) == MAX_VALUES // 2
    assert len(from_data(document, max_values=MAX_VALUES + 10).projects) == MAX_VALUES // 2


def test_a_lower_limit_is_named_in_the_error() -> None:
    with pytest.raises(DocumentError, match=r"more than 5 values \(the limit max_values=5\)"):
        load(_projects(3), max_values=5)


def test_the_size_limit_grows_with_the_values_allowed(tmp_path: Path) -> None:
    assert size_limit(1) == size_limit(MAX_VALUES) == MAX_DOCUMENT_BYTES
    assert size_limit(2 * MAX_VALUES) == 2 * MAX_DOCUMENT_BYTES
    big = tmp_path / "big.json"
    region = "x" * (MAX_DOCUMENT_BYTES + 1000)
    big.write_text(json.dumps({**HEAD, "region": region}), encoding="utf-8")
    with pytest.raises(DocumentError, match="MAX_DOCUMENT_BYTES"):
        load(big)
    assert load(big, max_values=MAX_VALUES * 11 // 10).region == region


def test_the_first_problem_in_the_fields_order_is_reported() -> None:
    # `amount` comes before `percent` in Figure, whatever order the document lists them in.
    figure = {"percent": "many", "amount": "some"}
    document = {**HEAD, "income": {"total": figure}}
    with pytest.raises(DocumentError) as caught:
        load(document)
    assert caught.value.pointer == "/income/total/amount"
    # A missing required field (a node's name) comes before a bad value of a later field.
    nameless = {**HEAD, "expenditure": {"by_function": [{"children": "x", "code": "201"}]}}
    with pytest.raises(DocumentError, match="Node needs 'name'") as caught:
        load(nameless)
    assert caught.value.pointer == "/expenditure/by_function/0"


def test_a_figure_of_its_own_precision_keeps_its_childrens_unit() -> None:
    node = {
        "code": "201",
        "name": "一般公共服务支出",
        "amount": "1500",
        "precision": {"unit": "元", "decimals": 0},
        "children": [{"code": "20101", "name": "人大事务", "amount": "0.15"}],
    }
    budget = load({**HEAD, "expenditure": {"by_function": [node]}})
    assert budget.expenditure is not None
    root = budget.expenditure.by_function[0]
    assert root.amount == amount("1500", Unit.YUAN)
    assert root.children[0].amount == wan("0.15")


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=6, min_value=-(10**12), max_value=10**12
    ),
    st.sampled_from(list(Unit)),
)
def test_amounts_read_from_their_digits_as_the_general_conversion_reads_them(
    value: Decimal, unit: Unit
) -> None:
    for text in (str(value), f"{value:f}"):
        document = {**HEAD, "income": {"total": {"amount": text}}}
        try:
            expected = amount(text, unit)
        except ValueError:
            with pytest.raises(DocumentError):
                load({**document, "precision": {"unit": unit.label, "decimals": 2}})
            continue
        budget = load({**document, "precision": {"unit": unit.label, "decimals": 2}})
        assert budget.income is not None
        assert budget.income.total is not None
        assert budget.income.total.amount == expected
