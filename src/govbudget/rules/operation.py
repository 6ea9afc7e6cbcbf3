"""机关运行经费 (institutional operation expenses) against the 公用经费 it is drawn from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.rules._support import at_most, exact_at_most, place
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring
from govbudget.tree import find

__all__ = ["RULES"]


@deferring
def _operation(budget: DepartmentBudget) -> Iterator[Record]:
    """机关运行经费 ≤ 公用经费 (or, when no 公用经费 is stated, 经济分类 302 商品和服务支出).

    Why: the operation expenses are drawn from the public expenses, so more than them means a
    mistyped or misplaced figure; what counts as 机关运行经费 differs by locality, so a warning.
    Example: 机关运行经费 7.5 ≤ 公用经费 8 holds; 9 against 8 is a warning.
    """
    operation, spending = budget.institutional_operation, budget.expenditure
    if operation is None or spending is None:
        return
    if spending.public is not None:
        whole, zh, en = spending.public, "公用经费", "public expenses"
    else:
        goods = find(spending.by_economic, "302")
        if goods is None:
            return
        whole, zh, en = (
            goods,
            "经济分类 302 商品和服务支出",
            "economic class 302 goods and services",
        )
    exact = exact_at_most(operation, whole)
    if exact is not None:
        yield (_observe, budget, whole, zh, en) if exact else _observe(budget, whole, zh, en)


def _observe(budget: DepartmentBudget, whole: Figure, zh: str, en: str) -> Observation:
    """The observation of 机关运行经费 ≤ ``whole`` (公用经费, or 302)."""
    operation = budget.institutional_operation
    observation = at_most(
        budget,
        location=place(
            "/institutional_operation",
            f"机关运行经费与{zh}",
            f"institutional operation and {en}",
            operation,
        ),
        part=operation,
        whole=whole,
        formula=f"机关运行经费 ≤ {zh}",
    )
    assert observation is not None  # both are stated: exact_at_most said so
    return observation


RULES: Final = (
    Rule(
        id="OPS001",
        family="operation",
        severity=Severity.WARNING,
        title_zh="机关运行经费不超过其来源的公用经费",
        title_en="Institutional operation expenses do not exceed the public expenses they come from",
        message_zh="{where}：机关运行经费 {computed}{unit}，对应的公用经费口径为 {stated}{unit}",
        message_en="{where}: institutional operation {computed} {unit} against {stated} {unit} of public expenses",
        formula="机关运行经费 ≤ 公用经费（未列公用经费时用经济分类 302 商品和服务支出）；口径因地而异，故为警告",
        check=_operation,
        example="机关运行经费 24.1 ≤ 经济分类 302 商品和服务支出 24.1",
    ),
)
