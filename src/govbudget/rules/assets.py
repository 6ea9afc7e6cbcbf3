"""国有资产占用: the total equals its parts (流动资产, 固定资产 …)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._support import sums_in_columns
from govbudget.rules.base import Observation, Rule, Severity

__all__ = ["RULES"]


def _total(budget: DepartmentBudget) -> Iterator[Observation]:
    assets = budget.assets
    if assets is None or not assets.parts:
        return
    yield from sums_in_columns(
        budget,
        path="/assets/total",
        zh="资产总额 = 各类资产之和",
        en="total assets = sum of the asset classes",
        total=assets.total,
        parts=assets.parts,
    )


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
        check=_total,
        example="资产总额 16.24 = 流动资产 4 + 固定资产 12.24",
    ),
)
