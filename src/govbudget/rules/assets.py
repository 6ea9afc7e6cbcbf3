"""国有资产占用: the total equals its parts (流动资产, 固定资产 …)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from attrs import evolve

from govbudget.model import DepartmentBudget
from govbudget.rounding import Outcome
from govbudget.rules._support import sums_in_columns
from govbudget.rules.base import Diagnosis, Record, Rule, Severity, deferring

__all__ = ["RULES"]


#: A total above the classes a text lists: the list may leave classes out (在建工程, 无形资产 …).
_SHORT: Final = Diagnosis(
    "classes_not_all_listed",
    "所列各类资产之和小于资产总额，文中可能未列全各类资产（如在建工程、无形资产）",
    "the classes listed add up to less than the total: the text may not list every class"
    " (construction in progress, intangible assets …)",
)


def _total(budget: DepartmentBudget) -> Iterator[Record]:
    """资产总额 = Σ the asset classes (流动资产, 固定资产 …), in each column stated.

    Why: the total is what the 国有资产占用 section reports; classes adding up to more than it
    is an error, to less may only leave classes out (在建工程, 无形资产 …) — a warning.
    Example: 资产总额 35.6 = 流动资产 9.1 + 固定资产 26.5.
    """
    assets = budget.assets
    if assets is None or not assets.parts:
        return
    for observation in sums_in_columns(
        budget,
        path="/assets/total",
        zh="资产总额 = 各类资产之和",
        en="total assets = sum of the asset classes",
        total=assets.total,
        parts=assets.parts,
    ):
        if isinstance(observation, tuple):  # exact, deferred
            yield observation
            continue
        verdict = observation.verdict
        if (
            observation.outcome is Outcome.INCONSISTENT
            and verdict is not None
            and verdict.computed < verdict.stated
            and observation.diagnosis is None
        ):
            observation = evolve(observation, severity=Severity.WARNING, diagnosis=_SHORT)
        yield observation


RULES: Final = (
    Rule(
        id="AST001",
        family="assets",
        severity=Severity.ERROR,
        title_zh="资产总额等于各类资产之和",
        title_en="Total assets equal the sum of the asset classes",
        message_zh="{where}：资产总额 {stated}{unit}，{count} 类资产之和 {computed}{unit}",
        message_en="{where}: total {stated} {unit}, its {count} classes add up to {computed} {unit}",
        formula="资产总额 = 流动资产 + 固定资产 + 其他各类资产",
        check=deferring(_total),
        example="资产总额 16.24 = 流动资产 4 + 固定资产 12.24",
    ),
)
