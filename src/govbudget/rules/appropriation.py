"""Appropriations (财政拨款): funds add up, each fund splits into basic and project spending."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from attrs import evolve

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Kind, Spending
from govbudget.rules._labels import label
from govbudget.rules._support import sums_in_columns
from govbudget.rules.base import (
    Observation,
    Record,
    RecordFunction,
    Rule,
    Severity,
    deferring,
    resolve,
)

__all__ = ["RULES", "appropriation_spending"]

_FUNDS: Final = ("general_public", "government_fund", "state_capital")
_ZH = "{where}：合计 {stated}{unit}，{count} 项之和 {computed}{unit}"
_EN = "{where}: stated {stated} {unit}, its {count} parts add up to {computed} {unit}"


def _total(block: Spending | None) -> Figure | None:
    return None if block is None else block.total


def appropriation_spending(budget: DepartmentBudget) -> tuple[str, list[tuple[str, Figure | None]]]:
    """How appropriation spending is stated: ("total", [its figure]) or ("funds", [each fund])."""
    appropriation = budget.appropriation
    if appropriation is None:
        return "none", []
    if appropriation.total is not None and appropriation.total.total is not None:
        return "total", [("财政拨款支出", appropriation.total.total)]
    funds = [(label("appropriation", f)[0], _total(getattr(appropriation, f))) for f in _FUNDS]
    return "funds", funds


def _funds(budget: DepartmentBudget) -> Iterator[Record]:
    """财政拨款支出 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款支出.

    Why: the 财政拨款收支总表's spending total must be its three funds; a fund left out or
    mistyped shows as the gap. A gap within rounding passes.
    Example: 财政拨款支出 150 = 一般公共预算 130 + 政府性基金 20 + 国有资本经营预算 0.
    """
    appropriation = budget.appropriation
    if appropriation is None or appropriation.total is None:
        return
    yield from sums_in_columns(
        budget,
        path="/appropriation/total/total",
        zh="财政拨款支出 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
        en="appropriation spending = general public + government fund + state capital",
        total=appropriation.total.total,
        parts=[(label("appropriation", f)[0], _total(getattr(appropriation, f))) for f in _FUNDS],
    )


def _split(budget: DepartmentBudget) -> Iterator[Record]:
    """For 财政拨款 in all and each fund: 支出 = 基本支出 + 项目支出, and 基本支出 = 人员经费 + 公用经费.

    Why: the appropriation tables split each fund the same way as the unit's spending; a part
    mistyped in one table shows here. The basic split is checked even where no 项目支出 is stated.
    Example: 一般公共预算财政拨款支出 130 = 基本支出 95 + 项目支出 35; 基本支出 95 = 人员经费 82 + 公用经费 13.
    """
    appropriation = budget.appropriation
    if appropriation is None:
        return
    for fund in ("total", *_FUNDS):
        block: Spending | None = getattr(appropriation, fund)
        if block is None or block.basic is None:
            continue
        zh, en = label("appropriation", fund)
        if block.project is not None:
            yield from sums_in_columns(
                budget,
                path=f"/appropriation/{fund}/total",
                zh=f"{zh} = 基本支出 + 项目支出",
                en=f"{en} = basic + project",
                total=block.total,
                parts=[("基本支出", block.basic), ("项目支出", block.project)],
            )
        # the basic spending's split stands on its own: a part on 基本支出 states no 项目支出
        if block.personnel is not None and block.public is not None:
            yield from sums_in_columns(
                budget,
                path=f"/appropriation/{fund}/basic",
                zh=f"{zh}·基本支出 = 人员经费 + 公用经费",
                en=f"{en}, basic = personnel + public expenses",
                total=block.basic,
                parts=[("人员经费", block.personnel), ("公用经费", block.public)],
            )


def _income(budget: DepartmentBudget) -> Iterator[Record]:
    """财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算拨款收入.

    Why: the appropriation received must be its three funds; checked only when a fund is stated,
    and a gap within rounding passes.
    Example: 财政拨款收入 150 = 一般公共预算拨款 130 + 政府性基金拨款 20.
    """
    income = budget.income
    if income is None or income.appropriation is None:
        return
    parts = [(label("income", f)[0], getattr(income, f)) for f in _FUNDS]
    if all(figure is None for _, figure in parts):
        return
    yield from sums_in_columns(
        budget,
        path="/income/appropriation",
        zh="财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算拨款",
        en="appropriation income = general public + government fund + state capital",
        total=income.appropriation,
        parts=parts,
    )


def _income_spending(budget: DepartmentBudget) -> Iterator[Record]:
    """A 预算's 财政拨款收入 equals its 财政拨款支出 (its total, or the three funds').

    Why: in a budget the appropriation received is normally what is spent, so a gap often means
    a mistyped side; carried-over appropriation can make them differ, so it is only a warning.
    Example: 财政拨款收入 150 = 财政拨款支出 150 holds; 150 against 158 is a warning.
    """
    income = budget.income
    if budget.kind is not Kind.BUDGET or income is None or income.appropriation is None:
        return
    how, spending = appropriation_spending(budget)
    if how == "none" or all(f is None for _, f in spending):
        return
    for observation in sums_in_columns(
        budget,
        path="/income/appropriation",
        zh="财政拨款收入 = 财政拨款支出",
        en="appropriation income = appropriation spending",
        total=income.appropriation,
        parts=spending,
    ):
        # An exact check stays deferred, made a warning when it is read.
        yield (_warning, observation) if isinstance(observation, tuple) else _warning(observation)


def _warning(record: Record) -> Observation:
    """The observation of ``record`` with the severity of a warning."""
    return evolve(resolve(record), severity=Severity.WARNING)


def _tree(budget: DepartmentBudget, tree: str, part: str) -> Iterator[Record]:
    appropriation = budget.appropriation
    if appropriation is None or appropriation.general_public is None:
        return
    roots = getattr(appropriation, tree)
    if not roots:
        return
    total: Figure | None = getattr(appropriation.general_public, part)
    zh, en = label("appropriation", tree)
    yield from sums_in_columns(
        budget,
        path=f"/appropriation/general_public/{part}",
        zh=f"{label('appropriation', 'general_public')[0]}{'' if part == 'total' else '·基本支出'} = {zh}各类之和",
        en=f"general public budget {'spending' if part == 'total' else 'basic spending'} = sum of {en}",
        total=total,
        parts=roots,
        partial=getattr(appropriation, f"{tree.removeprefix('by_')}_partial"),
    )


def _function_tree(budget: DepartmentBudget) -> Iterator[Record]:
    """一般公共预算财政拨款支出 = Σ the 类 of its 支出功能分类, in each column.

    Why: the 一般公共预算财政拨款支出表 must add up to the fund's total; a 类 left out or mistyped
    shows as the gap. A "其中" list need only not exceed; gaps within rounding pass.
    Example: 一般公共预算财政拨款支出 130 = 201 类 100 + 208 类 18 + 221 类 12.
    """
    yield from _tree(budget, "by_function", "total")


def _economic_tree(budget: DepartmentBudget) -> Iterator[Record]:
    """一般公共预算财政拨款基本支出 = Σ the 类 of its 支出经济分类, in each column.

    Why: the 基本支出表 breaks down basic spending only (projects are not in it), so it must add up
    to the fund's 基本支出; a "其中" list need only not exceed, and gaps within rounding pass.
    Example: 一般公共预算财政拨款基本支出 95 = 301 类 82 + 302 类 13.
    """
    yield from _tree(budget, "by_economic", "basic")


def _rule(
    id: str,
    title_zh: str,
    title_en: str,
    formula: str,
    check: RecordFunction,
    severity: Severity = Severity.ERROR,
    example: str | None = None,
) -> Rule:
    return Rule(
        id=id,
        family="appropriation",
        severity=severity,
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
        "APP001",
        "财政拨款支出等于三类财政拨款之和",
        "Appropriation spending equals the sum of its three funds",
        "财政拨款支出 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款支出",
        _funds,
        example="财政拨款支出 100 = 一般公共预算 80 + 政府性基金 20 + 国有资本经营预算 0",
    ),
    _rule(
        "APP002",
        "各类财政拨款支出等于基本支出加项目支出",
        "Each fund's spending equals its basic plus project spending",
        "财政拨款支出 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费",
        _split,
        example="一般公共预算财政拨款支出 425.23 = 基本支出 295.23 + 项目支出 130",
    ),
    _rule(
        "APP003",
        "财政拨款收入等于三类财政拨款收入之和",
        "Appropriation income equals the sum of its three funds",
        "财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款收入",
        _income,
        example="财政拨款收入 100 = 一般公共预算 90 + 政府性基金 10",
    ),
    _rule(
        "APP004",
        "预算的财政拨款收入与财政拨款支出相等",
        "A budget's appropriation income equals its appropriation spending",
        "财政拨款收入 = 财政拨款支出（预算；有结转时可能不等，故为警告）",
        _income_spending,
        Severity.WARNING,
        example="财政拨款收入 425.23 与财政拨款支出 425.23 相等",
    ),
    _rule(
        "APP005",
        "一般公共预算财政拨款支出等于其功能分类各类之和",
        "General public budget spending equals the sum of its function classes",
        "一般公共预算财政拨款支出 = Σ 功能分类（类）",
        _function_tree,
        example="一般公共预算财政拨款支出 100 = 201 类 60 + 208 类 40",
    ),
    _rule(
        "APP006",
        "一般公共预算财政拨款基本支出等于其经济分类各类之和",
        "General public budget basic spending equals the sum of its economic classes",
        "一般公共预算财政拨款基本支出 = Σ 经济分类（类）",
        _economic_tree,
        example="一般公共预算财政拨款基本支出 70 = 301 类 50 + 302 类 20",
    ),
)
