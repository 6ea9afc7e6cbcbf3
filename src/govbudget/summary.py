"""A short plain-text summary of what a budget states (for people, not for checking)."""

from __future__ import annotations

import attrs

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.money import format_amount
from govbudget.precision import Precision
from govbudget.tree import walk

__all__ = ["summarize"]

_KIND_ZH = {"budget": "部门预算", "final": "部门决算"}


def _money(figure: Figure | None, precision: Precision) -> str:
    if figure is None:
        return "—"
    if figure.none_stated:
        return "无"
    if figure.amount is None:
        return "—"
    text = format_amount(figure.amount, precision.unit, precision.decimals, round_half_up=True)
    return f"{text} {precision.unit.label}"


def _count_figures(value: object) -> int:
    if isinstance(value, Figure):
        own = sum(
            1
            for name in ("amount", "prior", "change", "percent", "share", "completion")
            if getattr(value, name) is not None
        )
        return own + sum(_count_figures(child) for child in getattr(value, "children", ()))
    if isinstance(value, tuple):
        return sum(_count_figures(item) for item in value)
    cls = type(value)
    if attrs.has(cls):
        return sum(_count_figures(getattr(value, f.name)) for f in attrs.fields(cls))
    return 0


def summarize(budget: DepartmentBudget) -> str:
    """A few lines saying what the budget states.

    >>> from govbudget.model import DepartmentBudget
    >>> print(summarize(DepartmentBudget(department="某局", year=2025)).splitlines()[0])
    某局 2025 部门预算 (budget), amounts in 万元, 2 decimals
    """
    p = budget.precision
    lines = [
        f"{budget.department or '（未写明单位）'} {budget.year or '（未写明年度）'}"
        f" {_KIND_ZH[budget.kind.value]} ({budget.kind.value}),"
        f" amounts in {p.unit.label}, {p.decimals} decimals"
    ]
    if budget.staffing is not None and budget.staffing.in_service is not None:
        lines.append(f"  staff in service 实有在职人员: {budget.staffing.in_service}")
    income, spending = budget.income, budget.expenditure
    if income is not None:
        total = income.total or income.grand_total
        lines.append(f"  income 收入: {_money(total, p)}")
    if spending is not None:
        total = spending.total or spending.grand_total
        lines.append(f"  expenditure 支出: {_money(total, p)}")
        function_lines = sum(1 for _ in walk(spending.by_function))
        economic_lines = sum(1 for _ in walk(spending.by_economic))
        lines.append(
            f"  by function 功能分类: {function_lines} lines; by economic class 经济分类:"
            f" {economic_lines} lines"
        )
    if budget.three_public is not None:
        lines.append(f"  三公经费: {_money(budget.three_public.total, p)}")
    lines.append(
        f"  key projects 重点项目: {len(budget.projects)}; stated figures: {_count_figures(budget)}"
    )
    return "\n".join(lines)
