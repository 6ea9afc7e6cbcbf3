from __future__ import annotations

from decimal import Decimal

import pytest
from attrs import evolve
from attrs.exceptions import FrozenInstanceError
from moneyed import Money

from govbudget.errors import InvalidAmount, ModelError
from govbudget.figure import Direction, Figure, StatedChange, StatedPercent, pct
from govbudget.model import (
    Comparator,
    DepartmentBudget,
    Expenditure,
    Indicator,
    IndicatorKind,
    Kind,
    replace_node,
)
from govbudget.money import Amount, wan
from govbudget.precision import Precision
from govbudget.tree import Node


def test_figure_keeps_what_is_stated() -> None:
    figure = Figure(
        amount=wan("425.23"),
        prior=wan("449.17"),
        change=StatedChange(wan("23.94"), "减少"),
        percent=pct("5.3", "减少"),
    )
    assert figure.change is not None
    assert figure.change.direction is Direction.DOWN
    assert figure.change.signed == wan("-23.94")
    assert figure.percent is not None
    assert figure.percent.signed == Decimal("-5.3")
    assert figure.percent.decimals == 1
    assert Figure().amount is None  # absent, not zero


def test_figure_turns_money_into_frozen_amounts() -> None:
    figure = Figure(amount=Money("3.5", "CNY"))
    assert isinstance(figure.amount, Amount)
    with pytest.raises(InvalidAmount):
        Figure(amount=Money("NaN", "CNY"))
    with pytest.raises(FrozenInstanceError):
        figure.amount = wan(1)  # type: ignore[misc]


def test_direction_words_are_checked() -> None:
    with pytest.raises(ModelError, match="unknown direction word '多多'"):
        StatedChange(wan(1), "多多")
    assert StatedChange(None, "无变化").signed == wan(0)
    assert StatedPercent(Decimal("16.90")).decimals == 2


def test_none_stated_cannot_have_an_amount() -> None:
    assert Figure(none_stated=True).none_stated
    assert Figure(none_stated=True, amount=wan(0)).none_stated
    with pytest.raises(ModelError, match="stated as none"):
        Figure(none_stated=True, amount=wan(1))


def test_percent_refuses_floats_and_nan() -> None:
    with pytest.raises(TypeError):
        pct(5.3)  # type: ignore[arg-type]
    with pytest.raises(ModelError):
        StatedPercent(Decimal("NaN"))


def test_budget_identity_is_checked() -> None:
    with pytest.raises(ModelError, match="year"):
        DepartmentBudget(department="某局", year=25)
    with pytest.raises(ModelError, match="department"):
        DepartmentBudget(department="", year=2025)
    budget = DepartmentBudget(department="某局", year=2025)
    assert budget.kind is Kind.BUDGET
    assert budget.precision == Precision()


def test_precision_of_a_figure() -> None:
    budget = DepartmentBudget(department="某局", year=2025)
    from govbudget.money import Unit

    own = Precision(Unit.YUAN, 2)
    assert budget.precision_of(Figure(precision=own)) is own
    assert budget.precision_of(Figure()) == budget.precision
    with pytest.raises(ModelError, match="decimals"):
        Precision(Unit.WAN, -1)


def test_indicator_comparator() -> None:
    indicator = Indicator(
        kind=IndicatorKind.SATISFACTION, name="满意度", comparator="不低于", target="90"
    )
    assert indicator.comparison is Comparator.GE
    assert indicator.target == Decimal(90)
    with pytest.raises(ModelError, match="unknown comparator"):
        Indicator(kind=IndicatorKind.OUTPUT, name="x", comparator="约")


def test_replace_node_is_functional() -> None:
    budget = DepartmentBudget(
        department="某局",
        year=2025,
        expenditure=Expenditure(
            by_economic=(
                Node(
                    code="302", name="商品和服务支出", children=(Node(code="30201", name="办公费"),)
                ),
            )
        ),
    )
    new = Node(code="30201", name="办公费", amount=wan("2.6"))
    updated = replace_node(budget, "expenditure.by_economic", ("302", "30201"), new)
    assert updated.expenditure is not None
    assert updated.expenditure.by_economic[0].children[0].amount == wan("2.6")
    assert budget.expenditure is not None
    assert budget.expenditure.by_economic[0].children[0].amount is None
    with pytest.raises(ModelError, match="no appropriation section"):
        replace_node(budget, "appropriation.by_function", ("201",), new)
    assert evolve(budget, year=2026).year == 2026
