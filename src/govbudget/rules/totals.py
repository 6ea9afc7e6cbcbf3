"""Totals: income and expenditure totals against their parts (合计 = Σ 各项)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._facts import expenditure_total, grand_extras, income_sources, spending_kinds
from govbudget.rules._labels import label
from govbudget.rules._support import Part, sums_in_columns
from govbudget.rules.base import Record, RecordFunction, Rule, Severity, deferring

__all__ = ["RULES"]

_ZH = "{where}：合计 {stated}{unit}，{count} 项之和 {computed}{unit}"
_EN = "{where}: stated {stated} {unit}, its {count} parts add up to {computed} {unit}"


def _income(budget: DepartmentBudget) -> Iterator[Record]:
    """收入合计 = Σ its sources (财政拨款收入 or its three funds, 事业收入, 事业单位经营收入,
    上级补助收入, 附属单位上缴收入, 其他收入, other lines); else 收入总计 = Σ sources + carry-overs.

    Why: a source left out of, or counted twice in, the total is a common slip; when only some
    sources are stated only Σ stated ≤ 合计 is checked, and a gap within rounding passes.
    Example: 收入合计 260.5 = 财政拨款收入 240 + 事业收入 15.5 + 其他收入 5.
    """
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
) -> Iterator[Record]:
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


def _function(budget: DepartmentBudget) -> Iterator[Record]:
    """This year's spending total (支出合计, or a 支出总计 with nothing carried out) =
    Σ the 类 of the 支出功能分类, in each column.

    Why: the function table must add up to the total it breaks down; a 类 left out or mistyped
    shows as the gap. A "其中" list need only not exceed the total; gaps within rounding pass.
    Example: 支出合计 300 = 201 一般公共服务支出 250 + 208 社会保障和就业支出 30 + 210 卫生健康支出 20.
    """
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


def _economic(budget: DepartmentBudget) -> Iterator[Record]:
    """This year's spending total (支出合计, or a 支出总计 with nothing carried out) =
    Σ the 类 of the 支出经济分类, in each column.

    Why: the economic table must add up to the total it breaks down; a 类 left out or mistyped
    shows as the gap. A "其中" list need only not exceed the total; gaps within rounding pass.
    Example: 支出合计 300 = 301 工资福利支出 180 + 302 商品和服务支出 40 + 310 资本性支出 80.
    """
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


def _kinds(budget: DepartmentBudget) -> Iterator[Record]:
    """支出合计 = 基本支出 + 项目支出 [+ 上缴上级支出 + 经营支出 + 对附属单位补助支出].

    Why: the split by kind is the first breakdown a reader compares; a kind a unit does not
    state is taken as one it does not have (most 行政单位 state only the two). Checked only
    when both 基本支出 and 项目支出 are stated; a gap within rounding passes.
    Example: 支出合计 300 = 基本支出 210 + 项目支出 90.
    """
    spending = budget.expenditure
    if spending is None or spending.basic is None or spending.project is None:
        return
    yield from _against_total(budget, *spending_kinds(spending))


def _basic(budget: DepartmentBudget) -> Iterator[Record]:
    """基本支出 = 人员经费 + 公用经费, in each column stated.

    Why: 人员经费 and 公用经费 are each quoted on their own (and 公用经费 bounds 机关运行经费);
    a gap means one of the three was mistyped. A gap within rounding passes.
    Example: 基本支出 62 = 人员经费 54 + 公用经费 8.
    """
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


def _projects(budget: DepartmentBudget) -> Iterator[Record]:
    """Each key project's (重点项目) amount ≥ Σ the funding sources stated for it (其中 …).

    Why: a "其中" list need not cover the whole project, but sources adding up to more than
    its amount mean a misprinted figure or a unit slip (元 for 万元).
    Example: 重点项目 50 万元，其中一般公共预算资金 30 万元、政府性基金 15 万元: 45 ≤ 50 holds.
    """
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
    check: RecordFunction,
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
        check=deferring(check),
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
