"""The invariant catalogue: every rule govbudget checks, as importable data.

``RULES`` maps each stable rule id to its :class:`Rule`, in catalogue order.
Ids are never reused; a retired rule keeps its id out of use. Each family lives
in a module of its own (``balance``, ``totals``, ``trees`` …) that exposes a
``RULES`` tuple; adding a family means adding its module to ``_FAMILY_MODULES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from govbudget.rules import (
    appropriation,
    assets,
    balance,
    codes,
    cross,
    execution,
    identity,
    operation,
    performance,
    procurement,
    repeats,
    series,
    shares,
    staffing,
    tables,
    three_public,
    totals,
    trees,
    wording,
    yoy,
)
from govbudget.rules.base import (
    FAMILIES,
    CheckFunction,
    Diagnosis,
    Location,
    Observation,
    Rule,
    RuleError,
    Scale,
    Severity,
)

__all__ = [
    "FAMILIES",
    "RULES",
    "CheckFunction",
    "Diagnosis",
    "Location",
    "Observation",
    "Rule",
    "RuleError",
    "Scale",
    "Severity",
    "catalogue",
]

_FAMILY_MODULES: Final = (
    identity,
    balance,
    totals,
    trees,
    appropriation,
    three_public,
    operation,
    yoy,
    execution,
    shares,
    procurement,
    assets,
    staffing,
    performance,
    cross,
    codes,
    tables,
    repeats,
    wording,
    series,
)


def catalogue(*groups: tuple[Rule, ...]) -> Mapping[str, Rule]:
    """A read-only catalogue of ``groups`` of rules; ids must be unique.

    >>> list(catalogue(balance.RULES))[:2]
    ['BAL001', 'BAL002']
    """
    result: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            if rule.id in result:
                raise RuleError(f"two rules have the id {rule.id}")
            result[rule.id] = rule
    return MappingProxyType(result)


#: Every rule of govbudget, by id, in catalogue order.
RULES: Final[Mapping[str, Rule]] = catalogue(*(m.RULES for m in _FAMILY_MODULES))
