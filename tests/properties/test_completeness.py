"""Completeness: every rule the data can break reports the break.

:func:`~govbudget.strategies.broken_budgets` breaks one named rule in an exact
budget by far more than rounding allows; that rule must report an
inconsistency. Every rule of the catalogue has a breaker or is listed in
``UNBREAKABLE`` with a reason — a new rule without either fails here, by name.
"""

from __future__ import annotations

import pytest
from hypothesis import find, given, settings

from govbudget import RULES, DepartmentBudget, validate
from govbudget.rounding import Outcome
from govbudget.strategies import BREAKABLE, UNBREAKABLE, broken_budgets

# A few examples per rule in every profile; the profile's own count for all rules at once.
_PER_RULE = max(3, settings().max_examples // 20)


def _reported(budget: DepartmentBudget, rule: str) -> bool:
    report = validate(budget, select=[rule])
    return any(check.outcome is Outcome.INCONSISTENT for check in report.checks)


def test_every_rule_has_a_breaker_or_a_reason() -> None:
    missing = sorted(set(RULES) - set(BREAKABLE) - set(UNBREAKABLE))
    assert not missing, (
        f"rules with neither a breaker in govbudget/strategies/_breakers/ nor a reason in "
        f"UNBREAKABLE: {', '.join(missing)} — add one so that broken_budgets() tests the rule"
    )
    assert not set(BREAKABLE) & set(UNBREAKABLE)
    assert set(BREAKABLE) | set(UNBREAKABLE) <= set(RULES)


@settings(max_examples=max(300, settings().max_examples))
@given(broken_budgets())
def test_the_broken_rule_reports_an_inconsistency(pair: tuple[DepartmentBudget, str]) -> None:
    budget, rule = pair
    assert _reported(budget, rule), f"{rule} did not report its break"


@pytest.mark.parametrize("rule", sorted(BREAKABLE))
def test_each_rule_reports_its_break(rule: str) -> None:
    @settings(max_examples=_PER_RULE)
    @given(broken_budgets(rule_id=rule))
    def check(pair: tuple[DepartmentBudget, str]) -> None:
        budget, named = pair
        assert named == rule
        assert _reported(budget, rule)

    check()


def test_shares_broken_with_the_other_kinds_of_spending() -> None:
    # Found by the thorough run: SHR002's breaker gave shares to 基本支出 and 项目支出 only, so
    # a unit with 经营支出 or 对附属单位补助支出 (whose shares were left out) was not broken.
    budget, rule = find(
        broken_budgets(rule_id="SHR002"),
        lambda pair: (
            pair[0].expenditure is not None
            and pair[0].expenditure.operating is not None
            and not pair[0].expenditure.operating.none_stated
        ),
        # searched for whatever the profile (CI's draws only 60 examples a test)
        settings=settings(database=None, derandomize=True, max_examples=2_000),
    )
    assert _reported(budget, rule)
