"""The worked example against its source text (曾都区信访局 2025年部门预算)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import load
from govbudget.figure import Figure, StatedChange, StatedPercent
from govbudget.model import DepartmentBudget, Indicator
from govbudget.money import Amount, Unit, sum_amounts, wan
from govbudget.tree import Node, find

HERE = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025"


@pytest.fixture(scope="module")
def budget() -> DepartmentBudget:
    return load(HERE / "budget.json")


@pytest.fixture(scope="module")
def text() -> str:
    # PDF extraction breaks lines inside sentences and numbers' units; join them.
    return re.sub(r"\s*\n\s*", "", (HERE / "narrative.txt").read_text(encoding="utf-8"))


def test_identity(budget: DepartmentBudget) -> None:
    assert budget.department == "曾都区信访局"
    assert budget.year == 2025
    assert budget.precision.unit is Unit.WAN
    assert budget.precision.decimals == 2


def test_staffing(budget: DepartmentBudget, text: str) -> None:
    staffing = budget.staffing
    assert staffing is not None
    assert staffing.in_service == 14
    assert [(c.name, c.value) for c in staffing.in_service_parts] == [
        ("行政人员", 6),
        ("工勤人员", 1),
        ("事业岗人员", 5),
        ("转业干部", 2),
    ]
    assert sum(c.value for c in staffing.in_service_parts) == 14
    assert staffing.retired == 4
    assert (
        "实有在职人员 14人（行政人员 6人，工勤人员 1人，事业岗人员 5人，转业干部 2名），退休人员 4人"
        in text
    )


def test_totals(budget: DepartmentBudget) -> None:
    assert budget.income is not None
    assert budget.expenditure is not None
    for total in (budget.income.grand_total, budget.expenditure.grand_total):
        assert total is not None
        assert total.amount == wan("425.23")
        assert total.prior == wan("449.17")
        assert total.change == StatedChange(wan("23.94"), "减少")
        assert total.percent == StatedPercent(Decimal("5.3"), "减少")


def test_function_classes(budget: DepartmentBudget) -> None:
    assert budget.expenditure is not None
    classes = budget.expenditure.by_function
    assert [(n.code, n.amount) for n in classes] == [
        ("201", wan("338.03")),
        ("208", wan("47.7")),
        ("210", wan("17.18")),
        ("221", wan("22.32")),
    ]
    assert classes[2].name == "医疗卫生与计划生育支出"  # the pre-2019 name, as published


def test_economic_classes(budget: DepartmentBudget) -> None:
    assert budget.expenditure is not None
    tree = budget.expenditure.by_economic
    wages, goods, households, other = tree
    assert (wages.code, wages.amount, len(wages.children)) == ("301", wan("255.88"), 11)
    assert sum_amounts(c.amount for c in wages.children if c.amount) == wan("255.88")
    assert (goods.code, goods.amount, len(goods.children)) == ("302", wan("24.1"), 13)
    # The thirteen items add up to 24.09 against the stated 24.1: within rounding.
    assert sum_amounts(c.amount for c in goods.children if c.amount) == wan("24.09")
    assert [c.amount for c in households.children] == [wan("13.7"), wan("1.55")]
    assert other.amount == wan("130")
    assert [c.name for c in other.children] == [
        "信访解难资金",
        "网上信访工作经费",
        "信访劝返、维稳经费",
        "接访中心工作经费",
    ]
    reception = find(tree, "30217")
    assert reception is not None
    assert reception.amount == wan("0.4")


def test_appropriations_and_sections(budget: DepartmentBudget) -> None:
    appropriation = budget.appropriation
    assert appropriation is not None
    assert appropriation.general_public is not None
    basic = appropriation.general_public.basic
    assert basic is not None
    assert (basic.amount, basic.prior) == (wan("295.23"), wan("289.17"))
    assert appropriation.government_fund is not None
    assert appropriation.government_fund.total is not None
    assert appropriation.government_fund.total.none_stated
    operation = budget.institutional_operation
    assert operation is not None
    assert operation.amount == wan("24.1")
    assert budget.three_public is not None
    assert budget.three_public.total is not None
    assert budget.three_public.total.amount == wan("0.4")
    assert budget.assets is not None
    assert budget.assets.total is not None
    assert budget.assets.total.amount == wan("16.24")
    assert [p.amount for p in budget.assets.parts] == [wan("4"), wan("12.24")]
    assert len(budget.projects) == 4
    assert budget.performance is not None
    assert len(budget.performance.long_term) == len(budget.performance.annual) == 4


def _stated_numbers(value: object, unit: Unit) -> list[Decimal]:
    """Every number the model states, in the document's unit."""
    if isinstance(value, Amount):
        return [value.in_unit(unit)]
    if isinstance(value, StatedPercent):
        return [value.value]
    if isinstance(value, StatedChange):
        return [] if value.value is None else [value.value.in_unit(unit)]
    if isinstance(value, int) and not isinstance(value, bool):
        return [Decimal(value)]
    if isinstance(value, Decimal):
        return [value]
    if isinstance(value, tuple):
        return [n for item in value for n in _stated_numbers(item, unit)]
    cls = type(value)
    if attrs.has(cls):
        skip = {"year", "number", "precision"}
        return [
            n
            for f in attrs.fields(cls)
            if f.name not in skip
            for n in _stated_numbers(getattr(value, f.name), unit)
        ]
    return []


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(m) for m in re.findall(r"\d+(?:\.\d+)?", text)}


def test_every_number_of_the_example_is_in_the_text(budget: DepartmentBudget, text: str) -> None:
    in_text = _numbers(text)
    stated = _stated_numbers(budget, budget.precision.unit)
    assert len(stated) > 150
    assert not [n for n in stated if n not in in_text]


def test_every_amount_of_the_text_is_in_the_example(budget: DepartmentBudget, text: str) -> None:
    amounts_in_text = {Decimal(m) for m in re.findall(r"(\d+(?:\.\d+)?)\s*万", text)}
    stated = set(_stated_numbers(budget, budget.precision.unit))
    assert not sorted(amounts_in_text - stated)
    assert len(amounts_in_text) > 40


def test_every_indicator_is_complete(budget: DepartmentBudget, text: str) -> None:
    assert budget.performance is not None
    goals = budget.performance.long_term + budget.performance.annual
    goals += tuple(g for p in budget.projects for g in p.goals)
    indicators: list[Indicator] = [i for g in goals for i in g.indicators]
    assert len(indicators) == 69
    # Each comparator word of the text belongs to one indicator; 12 state a bare target.
    for word in ("大于", "达到"):
        assert sum(i.comparator == word for i in indicators) == text.count(word)
    assert sum(i.comparator is None for i in indicators) == 12
    assert all(i.target is not None and i.unit and i.basis for i in indicators)


def test_figures_count(budget: DepartmentBudget) -> None:
    figures = [
        f for f in _walk_figures(budget) if f.amount is not None or f.change or f.none_stated
    ]
    assert len(figures) >= 60


def _walk_figures(value: object) -> list[Figure]:
    found: list[Figure] = []
    if isinstance(value, Figure):
        found.append(value)
        if isinstance(value, Node):
            for child in value.children:
                found.extend(_walk_figures(child))
        return found
    if isinstance(value, tuple):
        for item in value:
            found.extend(_walk_figures(item))
    elif attrs.has(cls := type(value)):
        for f in attrs.fields(cls):
            found.extend(_walk_figures(getattr(value, f.name)))
    return found
