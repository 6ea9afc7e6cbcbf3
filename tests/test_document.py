from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import DepartmentBudget, dump, dumps, load
from govbudget.errors import DocumentError
from govbudget.figure import Figure, StatedChange, pct
from govbudget.io import from_data, to_data
from govbudget.model import Expenditure, Income
from govbudget.money import Unit, wan, yuan
from govbudget.precision import Precision
from govbudget.tree import Node

EXAMPLE = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025" / "budget.json"


def _doc(**body: object) -> str:
    return json.dumps({"format": "govbudget/1", "department": "某局", "year": 2025, **body})


def _error(text: str | dict[str, object]) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        load(text)
    return caught.value


def test_round_trip_of_the_example() -> None:
    budget = load(EXAMPLE)
    assert load(dumps(budget)) == budget
    assert load(to_data(budget)) == budget
    assert dumps(budget) == EXAMPLE.read_text(encoding="utf-8")


def test_load_accepts_path_text_bytes_and_mapping(tmp_path: Path) -> None:
    budget = load(EXAMPLE)
    assert load(str(EXAMPLE)) == budget
    assert load(EXAMPLE.read_bytes()) == budget
    assert load(json.loads(EXAMPLE.read_text(encoding="utf-8"))) == budget
    target = tmp_path / "out.json"
    dump(budget, target)
    assert load(target) == budget


def test_json_numbers_are_read_exactly() -> None:
    text = _doc(income={"total": {"amount": 0.1, "prior": 12345678901234.57}})
    income = load(text).income
    assert income is not None
    assert income.total is not None
    assert income.total.amount == wan("0.1")
    assert income.total.prior == wan("12345678901234.57")


def test_per_figure_precision_sets_the_unit_of_its_amounts() -> None:
    text = _doc(
        income={
            "total": {
                "amount": "8652340.57",
                "change": {"value": "1,000", "word": "增加"},
                "precision": {"unit": "元", "decimals": 2},
            },
            "other": {"amount": "1.5"},
        }
    )
    income = load(text).income
    assert income is not None
    assert income.total is not None
    assert income.total.amount == yuan("8652340.57")
    assert income.total.change == StatedChange(yuan("1000"), "增加")
    assert income.other is not None
    assert income.other.amount == wan("1.5")
    budget = load(text)
    assert load(dumps(budget)) == budget


def test_document_unit() -> None:
    text = _doc(precision={"unit": "元", "decimals": 0}, income={"total": {"amount": "4252300"}})
    budget = load(text)
    assert budget.precision == Precision(Unit.YUAN, 0)
    assert budget.income is not None
    assert budget.income.total is not None
    assert budget.income.total.amount == wan("425.23")


@pytest.mark.parametrize(
    ("body", "pointer", "message"),
    [
        ({"yaer": 2025}, "/yaer", "did you mean 'year'"),
        ({"income": {"totl": {}}}, "/income/totl", "did you mean 'total'"),
        ({"income": {"total": {"amount": 1.5e3}}}, None, None),
        ({"income": {"total": {"amount": "abc"}}}, "/income/total/amount", "not a number: 'abc'"),
        ({"income": {"total": {"amount": True}}}, "/income/total/amount", "expected an amount"),
        (
            {"income": {"total": {"amount": "0.0000001"}}},
            "/income/total/amount",
            "finer than one fen",
        ),
        ({"income": []}, "/income", "expected an object (Income)"),
        ({"kind": "预算"}, "/kind", "expected one of 'budget', 'final'"),
        ({"precision": {"unit": "美元"}}, "/precision/unit", "unknown unit"),
        (
            {
                "expenditure": {
                    "by_economic": [
                        {
                            "code": "302",
                            "name": "商品和服务支出",
                            "children": [{"code": "30101", "name": "基本工资"}],
                        }
                    ]
                }
            },
            "/expenditure/by_economic/0",
            "does not extend",
        ),
        (
            {"expenditure": {"by_function": [{"code": "201"}]}},
            "/expenditure/by_function/0",
            "needs 'name'",
        ),
        (
            {"income": {"total": {"percent": {"word": "减少"}}}},
            "/income/total/percent",
            "needs a 'value'",
        ),
        (
            {"income": {"total": {"change": {"value": "1", "word": "翻番"}}}},
            "/income/total/change",
            "unknown direction word",
        ),
    ],
)
def test_errors_name_the_place(
    body: dict[str, object], pointer: str | None, message: str | None
) -> None:
    text = _doc(**body)
    if pointer is None:  # a JSON float literal is still read exactly: fine
        load(text)
        return
    error = _error(text)
    assert error.pointer == pointer
    assert message is not None
    assert message in str(error)
    assert str(error).startswith(f"<text> at {pointer}: ")


def test_whole_document_errors(tmp_path: Path) -> None:
    assert "not valid JSON" in str(_error("{"))
    assert "appears twice" in str(_error('{"format": "govbudget/1", "year": 1, "year": 2}'))
    assert "NaN is not a number" in str(_error('{"format": "govbudget/1", "x": NaN}'))
    assert 'expected "format"' in str(_error('{"department": "某局"}'))
    missing = tmp_path / "missing.json"
    error = _error(str(missing))
    assert error.source == str(missing)
    assert "cannot read the file" in str(error)
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{")
    assert "not UTF-8" in str(_error(str(bad)))
    with pytest.raises(DocumentError, match="needs 'name'"):
        from_data({"format": "govbudget/1", "projects": [{"amount": "1"}]})
    # A document may leave its unit and year unsaid: it is checked, and IDN001 says so.
    anonymous = from_data({"format": "govbudget/1", "department": "某局"})
    assert (anonymous.department, anonymous.year) == ("某局", None)


def test_dump_keeps_every_figure() -> None:
    budget = DepartmentBudget(
        department="某局",
        year=2024,
        income=Income(total=Figure(amount=wan("1"), share=pct("16.90"))),
        expenditure=Expenditure(
            total=Figure(amount=wan("-3"), change=StatedChange(None, "持平"), none_stated=False),
            by_function=(Node(code="201", name="一般公共服务支出", amount=wan("0"), partial=True),),
        ),
    )
    data = to_data(budget)
    assert data["income"]["total"]["share"] == "16.90"
    assert data["expenditure"]["total"]["change"] == {"word": "持平"}
    assert data["expenditure"]["by_function"][0]["amount"] == "0"
    assert load(data) == budget
    restored = load(data).income
    assert restored is not None
    assert restored.total is not None
    assert restored.total.share is not None
    assert restored.total.share.value.as_tuple() == Decimal("16.90").as_tuple()
