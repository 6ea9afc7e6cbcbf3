"""Deferred checks: a rule that keeps an exact check as what makes it reports the same.

The catalogue's check functions may yield an exact check as ``(make, *arguments)``
(:data:`govbudget.rules.base.Deferred`) that :func:`govbudget.validate` keeps unmade. For
budgets that pass, that publish rounded figures and that break one rule:

- every deferred check is made exact (:func:`~govbudget.rules.base.resolve` would raise);
- a rule's records, made, are its checks as ``rule.check`` gives them;
- the report of ``validate()`` — its checks, summary and findings — is the report of the
  same checks all made.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, validate
from govbudget.report import Report
from govbudget.rounding import Outcome
from govbudget.rules import RULES
from govbudget.rules.base import Deferring, resolve
from govbudget.strategies import broken_budgets, budgets, published_budgets

_BUDGETS = st.one_of(budgets(), published_budgets(), broken_budgets().map(lambda pair: pair[0]))


def _deferred(budget: DepartmentBudget) -> int:
    made = 0
    for rule in RULES.values():
        check = rule.check
        if not isinstance(check, Deferring):
            continue
        records = list(check.records(budget))
        observations = [resolve(record) for record in records]
        assert observations == list(check(budget)), rule.id
        for record, observation in zip(records, observations, strict=True):
            if isinstance(record, tuple):
                assert observation.outcome is Outcome.EXACT, rule.id
                made += 1
    return made


@given(_BUDGETS)
def test_a_deferred_check_is_exact_and_made_as_the_rule_makes_it(budget: DepartmentBudget) -> None:
    _deferred(budget)


@given(_BUDGETS)
def test_the_report_of_deferred_checks_is_the_report_of_the_checks_made(
    budget: DepartmentBudget,
) -> None:
    report = validate(budget)
    plain = Report(report.department, report.year, report.checks)
    assert report.summary == plain.summary
    assert report.findings == plain.findings
    assert report.ok == plain.ok


def test_the_worked_example_defers_its_exact_sums() -> None:
    from pathlib import Path

    from govbudget import load

    root = Path(__file__).resolve().parents[2]
    budget = load(root / "examples" / "zengdu-xinfang-2025" / "budget.json")
    # TRE001's 3 exact sums of 4 (302's is within rounding), the totals', the balances' …
    assert _deferred(budget) >= 14
