"""Round trips and purity over generated budgets.

- ``load(dump(b)) == b`` and ``from_data(to_data(b)) == b`` for exact, published and broken
  budgets — the document format loses nothing, rounding and errors included;
- validating is pure and deterministic: twice gives equal reports, and the budget (and its
  document) are unchanged afterwards.
"""

from __future__ import annotations

import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, dumps, load, validate
from govbudget.io import from_data, to_data
from govbudget.strategies import broken_budgets, budgets, published_budgets

any_budget = st.one_of(budgets(), published_budgets(), broken_budgets().map(lambda p: p[0]))


@given(any_budget)
def test_document_round_trip(budget: DepartmentBudget) -> None:
    text = dumps(budget)
    assert load(text) == budget
    assert dumps(load(text)) == text


@given(any_budget)
def test_data_round_trip_through_json(budget: DepartmentBudget) -> None:
    data = to_data(budget)
    assert from_data(data) == budget
    # JSON-ready: the data survives JSON text unchanged (amounts are decimal strings).
    assert from_data(json.loads(json.dumps(data, ensure_ascii=False))) == budget


@given(any_budget)
def test_validation_is_pure_and_deterministic(budget: DepartmentBudget) -> None:
    before = pickle.dumps(budget)
    first, second = validate(budget), validate(budget)
    assert first == second
    assert first.to_dict() == second.to_dict()
    assert pickle.dumps(budget) == before
    assert pickle.loads(before) == budget
