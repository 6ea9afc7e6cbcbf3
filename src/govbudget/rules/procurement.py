"""政府采购: total = 货物 + 工程 + 服务, and the part for 中小企业 within it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._support import at_most, exact_at_most, place, sums_in_columns
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring

__all__ = ["RULES"]


def _total(budget: DepartmentBudget) -> Iterator[Record]:
    """政府采购总额 = 货物 + 工程 + 服务, in each column stated.

    Why: the three kinds break the procurement budget down; a kind mistyped or left out shows
    as the gap. A gap within rounding passes.
    Example: 政府采购总额 96 = 货物 20 + 工程 30 + 服务 46.
    """
    procurement = budget.procurement
    if procurement is None:
        return
    yield from sums_in_columns(
        budget,
        path="/procurement/total",
        zh="政府采购总额 = 货物 + 工程 + 服务",
        en="procurement total = goods + works + services",
        total=procurement.total,
        parts=[
            ("货物", procurement.goods),
            ("工程", procurement.works),
            ("服务", procurement.services),
        ],
    )


def _sme(budget: DepartmentBudget) -> Iterator[Record]:
    """面向中小企业采购 ≤ 政府采购总额.

    Why: the part reserved for small and medium enterprises is within the total; more than it
    means a mistyped figure or a unit slip. A gap within rounding passes.
    Example: 面向中小企业采购 70 ≤ 政府采购总额 96 holds; 107 against 96 fails.
    """
    procurement = budget.procurement
    if procurement is None:
        return
    exact = exact_at_most(procurement.sme, procurement.total)
    if exact is not None:
        yield (_observe_sme, budget) if exact else _observe_sme(budget)


def _observe_sme(budget: DepartmentBudget) -> Observation:
    """The observation of 面向中小企业采购 ≤ 政府采购总额."""
    procurement = budget.procurement
    assert procurement is not None
    observation = at_most(
        budget,
        location=place(
            "/procurement/sme",
            "面向中小企业采购 ≤ 政府采购总额",
            "procurement from SMEs ≤ procurement total",
            procurement.sme,
        ),
        part=procurement.sme,
        whole=procurement.total,
        formula="面向中小企业采购 ≤ 政府采购总额",
    )
    assert observation is not None  # both are stated: exact_at_most said so
    return observation


RULES: Final = (
    Rule(
        id="PRC001",
        family="procurement",
        severity=Severity.ERROR,
        title_zh="政府采购总额等于货物、工程、服务之和",
        title_en="The procurement total equals goods plus works plus services",
        message_zh="{where}：总额 {stated}{unit}，{count} 类之和 {computed}{unit}",
        message_en="{where}: total {stated} {unit}, its {count} kinds add up to {computed} {unit}",
        formula="政府采购总额 = 货物类 + 工程类 + 服务类",
        check=deferring(_total),
        example="政府采购总额 512.30 = 货物 86.50 + 工程 45 + 服务 380.80",
    ),
    Rule(
        id="PRC002",
        family="procurement",
        severity=Severity.ERROR,
        title_zh="面向中小企业的采购不超过采购总额",
        title_en="Procurement from small and medium enterprises does not exceed the total",
        message_zh="{where}：采购总额 {stated}{unit}，面向中小企业 {computed}{unit}",
        message_en="{where}: total {stated} {unit}, from SMEs {computed} {unit}",
        formula="面向中小企业采购金额 ≤ 政府采购总额",
        check=deferring(_sme),
        example="面向中小企业采购 420.15 ≤ 政府采购总额 512.30",
    ),
)
