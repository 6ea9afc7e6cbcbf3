"""Totals: income and expenditure totals against their parts (合计 = Σ 各项)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._facts import expenditure_total, grand_extras, income_sources, spending_kinds
from govbudget.rules._labels import label
from govbudget.rules._support import Part, sums_in_columns
from govbudget.rules.base import CheckFunction, Observation, Rule, Severity

__all__ = ["RULES"]

_ZH = "{where}：合计 {stated}{unit}，{count} 项之和 {computed}{unit}"
_EN = "{where}: stated {stated} {unit}, its {count} parts add up to {computed} {unit}"


def _income(budget: DepartmentBudget) -> Iterator[Observation]:
    income = budget.income
    if income is None:
        return
    sources = income_sources(income)
    if income.total is not None:
        zh, en = label("income", "total")
        yield from sums_in_columns(
            budget,
            path="/income/total",
            zh=zh,
            en=en,
            total=income.total,
            parts=sources,
            formula="收入合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入",
        )
    elif income.grand_total is not None:
        zh, en = label("income", "grand_total")
        yield from sums_in_columns(
            budget,
            path="/income/grand_total",
            zh=zh,
            en=en,
            total=income.grand_total,
            parts=[*sources, *grand_extras(income)],
            formula="收入总计 = 各项收入 + [使用非财政拨款结余] + 上年结转结余",
        )


def _against_total(
    budget: DepartmentBudget, zh: str, en: str, parts: Sequence[Part], *, partial: bool = False
) -> Iterator[Observation]:
    """This year's expenditure total (支出合计, or a 支出总计 standing for it) = Σ parts."""
    spending = budget.expenditure
    found = None if spending is None else expenditure_total(spending, budget)
    if found is None or not parts:
        return
    name, total = found
    total_zh, total_en = label("expenditure", name)
    yield from sums_in_columns(
        budget,
        path=f"/expenditure/{name}",
        zh=f"{total_zh} = {zh}",
        en=f"{total_en} = {en}",
        total=total,
        parts=parts,
        partial=partial,
    )


def _function(budget: DepartmentBudget) -> Iterator[Observation]:
    spending = budget.expenditure
    if spending is None:
        return
    yield from _against_total(
        budget,
        "支出功能分类各类之和",
        "sum of the function classes",
        spending.by_function,
        partial=spending.function_partial,
    )


def _economic(budget: DepartmentBudget) -> Iterator[Observation]:
    spending = budget.expenditure
    if spending is None:
        return
    yield from _against_total(
        budget,
        "支出经济分类各类之和",
        "sum of the economic classes",
        spending.by_economic,
        partial=spending.economic_partial,
    )


def _kinds(budget: DepartmentBudget) -> Iterator[Observation]:
    spending = budget.expenditure
    if spending is None or spending.basic is None or spending.project is None:
        return
    yield from _against_total(budget, *spending_kinds(spending))


def _basic(budget: DepartmentBudget) -> Iterator[Observation]:
    spending = budget.expenditure
    if spending is None or spending.personnel is None or spending.public is None:
        return
    yield from sums_in_columns(
        budget,
        path="/expenditure/basic",
        zh="基本支出 = 人员经费 + 公用经费",
        en="basic expenditure = personnel + public expenses",
        total=spending.basic,
        parts=[("人员经费", spending.personnel), ("公用经费", spending.public)],
    )


def _projects(budget: DepartmentBudget) -> Iterator[Observation]:
    for index, project in enumerate(budget.projects):
        if not project.funding:
            continue
        yield from sums_in_columns(
            budget,
            path=f"/projects/{index}/amount",
            zh=f"重点项目“{project.name}”金额 ≥ 其中各资金来源之和",
            en=f"key project {project.name} ≥ its stated funding sources",
            total=project.amount,
            parts=project.funding,
            partial=True,
        )


def _rule(
    id: str,
    title_zh: str,
    title_en: str,
    formula: str,
    check: CheckFunction,
    example: str | None = None,
) -> Rule:
    return Rule(
        id=id,
        family="totals",
        severity=Severity.ERROR,
        title_zh=title_zh,
        title_en=title_en,
        message_zh=_ZH,
        message_en=_EN,
        formula=formula,
        check=check,
        example=example,
    )


RULES: Final = (
    _rule(
        "TOT001",
        "收入合计等于各项收入之和",
        "Total income equals the sum of its sources",
        "收入合计 = Σ 各项收入（收入总计 = Σ 各项收入 + 上年结转结余）；只列出部分来源时，Σ 已列来源 ≤ 合计",
        _income,
        example="收入合计 2380.56 = 一般公共预算财政拨款收入 2174.38 + 其他收入 206.18",
    ),
    _rule(
        "TOT002",
        "支出合计等于功能分类各类之和",
        "Total expenditure equals the sum of the function classes",
        "支出合计 = Σ 支出功能分类（类）",
        _function,
        example="支出合计 425.23 = 201 一般公共服务 338.03 + 208 47.7 + 210 17.18 + 221 22.32",
    ),
    _rule(
        "TOT003",
        "支出合计等于经济分类各类之和",
        "Total expenditure equals the sum of the economic classes",
        "支出合计 = Σ 支出经济分类（类）",
        _economic,
        example="支出合计 425.23 = 301 255.88 + 302 24.1 + 303 15.25 + 399 130",
    ),
    _rule(
        "TOT004",
        "支出合计等于基本支出加项目支出（及上缴上级、经营、对附属单位补助支出）",
        "Total expenditure equals basic plus project expenditure (and the other kinds stated)",
        "支出合计 = 基本支出 + 项目支出 [+ 上缴上级支出 + 经营支出 + 对附属单位补助支出]",
        _kinds,
        example="支出合计 2396.14 = 基本支出 753.82 + 项目支出 1642.32",
    ),
    _rule(
        "TOT005",
        "基本支出等于人员经费加公用经费",
        "Basic expenditure equals personnel plus public expenses",
        "基本支出 = 人员经费 + 公用经费",
        _basic,
        example="基本支出 295.23 = 人员经费 271.13 + 公用经费 24.1",
    ),
    _rule(
        "TOT006",
        "重点项目金额不小于其列明的资金来源之和",
        "A key project's amount covers its stated funding sources",
        "项目金额 ≥ Σ 其中列明的资金来源",
        _projects,
        example="重点项目 10 万元，其中：10 万元来源为当年一般公共预算资金",
    ),
)
