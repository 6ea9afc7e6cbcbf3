"""The strategies check their arguments when called, with ``InvalidArgument`` naming the argument."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from govbudget import DepartmentBudget, Node
from govbudget.money import Amount, Unit, wan
from govbudget.precision import Precision
from govbudget.strategies import (
    amounts,
    broken_budgets,
    budgets,
    money,
    published_budgets,
    trees,
)
from govbudget.tree import walk

Call = Callable[[], SearchStrategy[object]]

BAD: list[tuple[str, Call]] = [
    ("min_value", lambda: amounts(min_value=1.5)),  # type: ignore[arg-type]
    ("min_value", lambda: amounts(min_value=wan(2), max_value=wan(1))),
    ("precision", lambda: amounts(precision="万元")),  # type: ignore[arg-type]
    (
        "whole number",
        lambda: amounts(
            min_value=wan("0.001"), max_value=wan("0.009"), precision=Precision(Unit.WAN, 2)
        ),
    ),
    ("max_value", lambda: money(max_value=5)),  # type: ignore[arg-type]
    ("classification", lambda: trees(classification="income")),  # type: ignore[arg-type]
    ("scheme", lambda: trees(classification="economic", scheme="local")),  # type: ignore[arg-type]
    ("year", lambda: trees(year=2018)),
    ("total", lambda: trees(total=Amount("0.01"))),
    ("max_depth", lambda: trees(max_depth=4)),
    ("max_lines", lambda: budgets(max_lines=0)),
    ("min_year", lambda: budgets(min_year=2020)),
    ("max_year", lambda: budgets(min_year=2026, max_year=2025)),
    ("kind", lambda: budgets(kind="final")),  # type: ignore[arg-type]
    ("three_public", lambda: budgets(three_public="yes")),  # type: ignore[arg-type]
    ("max_total", lambda: published_budgets(max_total=Amount(0))),
    ("rule_id", lambda: broken_budgets(rule_id="XYZ001")),
    ("rule_id", lambda: broken_budgets(rule_id=[])),
]


@pytest.mark.parametrize(("name", "call"), BAD, ids=[f"{n}-{i}" for i, (n, _) in enumerate(BAD)])
def test_a_bad_argument_is_refused_when_called(name: str, call: Call) -> None:
    with pytest.raises(InvalidArgument, match=name):
        call()


@given(amounts(min_value=wan(1), max_value=wan(3), precision=Precision(Unit.WAN, 1)))
def test_amounts_keep_to_range_and_precision(value: Amount) -> None:
    assert wan(1) <= value <= wan(3)
    assert value.fen % 100_000 == 0


@given(trees(classification="economic", scheme="government", total=wan(50)))
def test_government_economic_trees_use_5xx_codes(roots: tuple[Node, ...]) -> None:
    assert all(node.code is not None and node.code.startswith("5") for node in roots)
    assert sum((n.amount for n in roots if n.amount is not None), wan(0)) == wan(50)


@given(budgets(three_public=True, procurement=False, prior_year=True, kind=None))
def test_flags_require_and_forbid_parts(budget: DepartmentBudget) -> None:
    assert budget.three_public is not None
    assert budget.procurement is None


@given(st.from_type(Node))
def test_from_type_draws_a_line_that_adds_up(node: Node) -> None:
    for _path, line in walk((node,)):
        if line.children and not line.partial:
            assert line.amount == sum(
                (c.amount for c in line.children if c.amount is not None), Amount(0)
            )
