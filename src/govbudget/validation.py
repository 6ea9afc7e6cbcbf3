"""``validate()``: run the rule catalogue over a budget and collect the report.

Pure: the same budget gives the same report, and the budget is not touched.

>>> from govbudget import load
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> report.ok
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govbudget.model import DepartmentBudget
from govbudget.report import Finding, Report
from govbudget.rounding import Outcome
from govbudget.rules import RULES
from govbudget.rules.base import FAMILIES, Rule, RuleError, Severity

__all__ = ["select_rules", "validate"]


def _matches(rule: Rule, selector: str) -> bool:
    return rule.family == selector or rule.id.startswith(selector)


def select_rules(
    rules: Mapping[str, Rule],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules chosen by ``select`` and not dropped by ``ignore``.

    Each selector is a rule id, an id prefix (``"TOT"``) or a family name
    (``"three_public"``), as linters select; one that matches no rule is an error.

    >>> [r.id for r in select_rules(RULES, select=["balance"], ignore=["BAL005"])][-1]
    'BAL004'
    """
    chosen = tuple(rules.values())
    for selectors, keep in ((select, True), (ignore, False)):
        if selectors is None:
            continue
        wanted = [s.strip() for s in selectors]
        for selector in wanted:
            if not any(_matches(r, selector) for r in rules.values()):
                families = ", ".join(sorted(FAMILIES))
                raise RuleError(
                    f"{selector!r} is neither a rule id, an id prefix nor a family ({families})"
                )
        chosen = tuple(r for r in chosen if any(_matches(r, s) for s in wanted) == keep)
    return chosen


def validate(
    budget: DepartmentBudget,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> Report:
    """Check ``budget`` against the catalogue (or ``rules``) and report every check.

    ``severity_overrides`` maps a rule id to the severity its inconsistencies get.
    """
    catalogue = RULES if rules is None else rules
    overrides = dict(severity_overrides or {})
    unknown = sorted(set(overrides) - set(catalogue))
    if unknown:
        raise RuleError(f"severity override for unknown rule {unknown[0]!r}")
    checks: list[Finding] = []
    for rule in select_rules(catalogue, select, ignore):
        for observation in rule.check(budget):
            if observation.outcome is Outcome.INCONSISTENT:
                severity = overrides.get(rule.id) or observation.severity or rule.severity
            else:
                severity = Severity.INFO
            checks.append(Finding(rule, severity, observation))
    return Report(budget.department, budget.year, tuple(checks))
