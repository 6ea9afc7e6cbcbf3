"""``validate()``: run the rule catalogue over a budget and collect the report.

Pure: the same budget gives the same report, and the budget is not touched.

>>> from govbudget import load
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> report.ok
True
"""

from __future__ import annotations

import functools
import gc
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Final

import attrs
from attrs import evolve

from govbudget.figure import Figure, Restatement, StatedChange, StatedPercent, Written
from govbudget.model import DepartmentBudget
from govbudget.money import Amount
from govbudget.report import Finding, Report, _Checked
from govbudget.rounding import Outcome
from govbudget.rules import RULES
from govbudget.rules._support import READ_AS_WRITTEN, WIDENED, indexed
from govbudget.rules.base import (
    FAMILIES,
    Deferring,
    Diagnosis,
    Record,
    Rule,
    RuleError,
    Severity,
)
from govbudget.table import Table

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
    The cyclic garbage collector (:mod:`gc`) is paused while the checks are made and
    resumed after, if it was running.
    """
    catalogue = RULES if rules is None else rules
    overrides = dict(severity_overrides or {})
    unknown = sorted(set(overrides) - set(catalogue))
    if unknown:
        raise RuleError(f"severity override for unknown rule {unknown[0]!r}")
    # The checks are acyclic records: while they are made, the cyclic garbage collector
    # would only walk the growing report again and again (a 10⁶-line budget makes 3 × 10⁶
    # checks; the walk was 28% of the time at 10⁵ lines), so it waits until they are made.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _validate(budget, catalogue, select, ignore, overrides)
    finally:
        if collecting:
            gc.enable()


def _validate(
    budget: DepartmentBudget,
    catalogue: Mapping[str, Rule],
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    overrides: Mapping[str, Severity],
) -> Report:
    # Each check is kept as its observation (a Finding is made when the report is read), with
    # where each rule's checks end and the severity of each inconsistent one. A hot loop (run
    # for every record of every rule): a deferred exact check is a plain tuple, kept as it is.
    observations: list[Record] = []
    append = observations.append
    stops: list[int] = []
    chosen = select_rules(catalogue, select, ignore)
    severities: dict[int, Severity] = {}
    error = Severity.ERROR
    inconsistent = Outcome.INCONSISTENT
    errors = False
    with indexed(budget):
        for rule in chosen:
            check = rule.check
            # A catalogue rule keeps its exact checks deferred (made when the report is read).
            for observation in (check.records if type(check) is Deferring else check)(budget):
                if not isinstance(observation, tuple) and observation.outcome is inconsistent:
                    severity = overrides.get(rule.id) or observation.severity or rule.severity
                    errors = errors or severity is error
                    if severity is not Severity.INFO:
                        severities[len(observations)] = severity
                append(observation)
            stops.append(len(observations))
        report = _Checked.of(
            budget.department, budget.year, tuple(observations), tuple(stops), chosen, severities
        )
        if errors and _has_written(budget):
            return Report(budget.department, budget.year, tuple(_soften(budget, report.checks)))
    return report


_WRITTEN: Final = Diagnosis(
    "written_precision",
    "按所写的位数（有的数字只写到较少的小数位，如“1万元”）舍入则一致；按文件的精度则不一致",
    "consistent if a figure written with fewer decimals (such as “1 万元”) was rounded to the"
    " digits written; inconsistent at the document's precision",
)


def _soften(budget: DepartmentBudget, checks: Sequence[Finding]) -> list[Finding]:
    """Errors that hold once amounts are read at the digits they are written with: warnings.

    A narrative declares no precision: its amounts are read at the most decimals any is
    written with ("1 万元" beside "0.53 万元" is 1.00). That is right for a publisher who drops
    trailing zeros and wrong for one who rounded the figure to what is written — which the
    text cannot tell. Such a relation is a warning saying so — unless an amount it reads wider
    also takes part in a relation that fails however it is read: that amount is then no rounded
    figure to excuse anything ("12.5" in a sum that fails and in a change that holds only if
    12.5 could be 12.45).
    """
    again: dict[str, dict[str, tuple[Outcome, frozenset[tuple[int, str]]]]] = {}
    for check in checks:
        if check.severity is Severity.ERROR and check.rule_id not in again:
            again[check.rule_id] = _read_as_written(budget, check.rule)
    retried = [
        again[c.rule_id].get(c.location.path, (Outcome.INCONSISTENT, frozenset()))
        if c.severity is Severity.ERROR
        else None
        for c in checks
    ]
    distrusted: set[tuple[int, str]] = set()
    for retry in retried:
        if retry is not None and retry[0] is Outcome.INCONSISTENT:
            distrusted |= retry[1]
    result: list[Finding] = []
    for check, retry in zip(checks, retried, strict=True):
        if retry is None or retry[0] is Outcome.INCONSISTENT or retry[1] & distrusted:
            result.append(check)
            continue
        softened = evolve(check.observation, diagnosis=_WRITTEN)
        result.append(Finding(check.rule, Severity.WARNING, softened))
    return result


def _read_as_written(
    budget: DepartmentBudget, rule: Rule
) -> dict[str, tuple[Outcome, frozenset[tuple[int, str]]]]:
    """Each observation of ``rule`` with amounts read at their written digits: its outcome
    and the figure columns it read wider than their precision."""
    widened: list[tuple[int, str]] = []
    tokens = READ_AS_WRITTEN.set(True), WIDENED.set(widened)
    try:
        found: dict[str, tuple[Outcome, frozenset[tuple[int, str]]]] = {}
        for observation in rule.check(budget):
            found[observation.location.path] = (observation.outcome, frozenset(widened))
            widened.clear()
        return found
    finally:
        READ_AS_WRITTEN.reset(tokens[0])
        WIDENED.reset(tokens[1])


def _has_written(value: object) -> bool:
    """Whether any figure of ``value`` has an amount written with fewer decimals."""
    # Iterative, and into the fields that can hold a figure only: every line of a large
    # budget is visited (a generic walk of every field cost ~10 µs a line).
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if isinstance(item, tuple):
            push(item)
            continue
        if item is None or kind in _LEAVES:
            continue
        if isinstance(item, Figure) and item.written:
            return True
        if isinstance(item, Table) or not attrs.has(kind):
            continue
        push(getattr(item, name) for name in _holders(kind))
    return False


#: Values that hold no figure.
_LEAVES: Final = frozenset({str, int, bool, Decimal, Amount})
#: Types of fields that hold no figure.
_NO_FIGURE: Final = frozenset(
    {str, int, bool, type(None), Decimal, Amount, StatedChange, StatedPercent, Restatement, Written}
)


@functools.cache
def _holders(cls: type) -> tuple[str, ...]:
    """The fields of the attrs class ``cls`` whose values can hold a figure (its ``source``
    and ``precision`` not even looked at)."""
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):
        hints = {}

    def holds(hint: object) -> bool:
        if hint in _NO_FIGURE or (isinstance(hint, type) and issubclass(hint, Enum)):
            return False
        arguments = typing.get_args(hint)
        if typing.get_origin(hint) in (tuple, typing.Union, types.UnionType) and arguments:
            return any(holds(a) for a in arguments if a is not Ellipsis)
        return True

    return tuple(
        f.name
        for f in attrs.fields(cls)
        if f.name not in ("source", "precision") and holds(hints.get(f.name, object))
    )
