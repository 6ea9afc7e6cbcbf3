"""Property tests of the exporter with govbudget.strategies — what a downstream project writes.

- every line of every generated budget is exported once, its amount exactly;
- an exact or a published budget exports without a single flag (no false alarm reaches the CSV);
- when a tree total is broken, the broken rule's id is on the 支出合计 row.
"""

from __future__ import annotations

import csv
import io

from expenditure_csv import COLUMNS, to_csv
from hypothesis import given

from govbudget import DepartmentBudget
from govbudget.money import amount, parse_decimal
from govbudget.strategies import broken_budgets, budgets, published_budgets
from govbudget.tree import walk


def _read(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


@given(budgets(expenditure=True))
def test_every_line_is_exported_once_and_exactly(budget: DepartmentBudget) -> None:
    assert budget.expenditure is not None
    exported = {row["path"]: row for row in _read(to_csv(budget))}
    for field in ("by_function", "by_economic"):
        for keys, node in walk(getattr(budget.expenditure, field)):
            row = exported.pop(f"/expenditure/{field}/{'/'.join(keys)}")
            assert node.amount is not None
            unit = budget.precision_of(node).unit
            assert amount(parse_decimal(row["amount"]), unit) == node.amount
    assert set(exported) <= {"/expenditure/total", "/expenditure/grand_total"}


@given(budgets(expenditure=True))
def test_an_exact_budget_has_no_flags(budget: DepartmentBudget) -> None:
    assert all(row["flags"] == "" for row in _read(to_csv(budget)))


@given(published_budgets(expenditure=True))
def test_a_published_budget_has_no_flags(budget: DepartmentBudget) -> None:
    assert all(row["flags"] == "" for row in _read(to_csv(budget)))


@given(broken_budgets(rule_id=["TOT002", "TOT003"]))
def test_a_broken_tree_total_is_flagged_on_the_total(pair: tuple[DepartmentBudget, str]) -> None:
    budget, rule = pair
    flagged = {row["path"]: row["flags"].split() for row in _read(to_csv(budget))}
    assert rule in flagged["/expenditure/total"]
