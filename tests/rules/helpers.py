"""Small builders for rule tests: budgets with just the parts a rule reads."""

from __future__ import annotations

from typing import Any

from govbudget import DepartmentBudget, Finding, Outcome, validate
from govbudget.figure import Figure, StatedChange, pct
from govbudget.money import wan

__all__ = ["budget", "checks", "fig", "only", "outcomes"]


def budget(**parts: Any) -> DepartmentBudget:
    """A 2025 budget of 某局 with the given parts."""
    return DepartmentBudget(department="某局", year=2025, **parts)


def fig(
    amount: str | None = None,
    *,
    prior: str | None = None,
    change: str | None = None,
    word: str | None = None,
    percent: str | None = None,
    percent_word: str | None = None,
    share: str | None = None,
) -> Figure:
    """A figure in 万元, written as the document states it."""
    return Figure(
        amount=None if amount is None else wan(amount),
        prior=None if prior is None else wan(prior),
        change=None
        if change is None and word is None
        else StatedChange(None if change is None else wan(change), word),
        percent=None if percent is None else pct(percent, percent_word),
        share=None if share is None else pct(share),
    )


def checks(b: DepartmentBudget, rule_id: str) -> tuple[Finding, ...]:
    """Every check one rule made on ``b``."""
    return validate(b, select=[rule_id]).by_rule(rule_id)


def outcomes(b: DepartmentBudget, rule_id: str) -> list[Outcome]:
    """The outcomes of one rule's checks on ``b``."""
    return [c.outcome for c in checks(b, rule_id)]


def only(b: DepartmentBudget, rule_id: str) -> Finding:
    """The single check one rule made on ``b``."""
    found = checks(b, rule_id)
    assert len(found) == 1, [c.location.path for c in found]
    return found[0]
