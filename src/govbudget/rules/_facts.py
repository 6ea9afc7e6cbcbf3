"""Facts several rule families read: which figures make up a budget's income and spending,
which figure totals the spending, its classification trees, whether all of it is appropriation.

Internal: the families that share a fact import it from here, so that each states it once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Expenditure, Income
from govbudget.rules._labels import label
from govbudget.rules._support import carries_over
from govbudget.tree import Node, Path

__all__ = [
    "SPENDING_KINDS",
    "_all_appropriation",
    "expenditure_total",
    "grand_extras",
    "income_sources",
    "parents",
    "spending_kinds",
    "trees_of",
]


def income_sources(income: Income) -> list[tuple[str, Figure | None]]:
    """This year's income sources, named; 财政拨款 by fund when its total is not stated."""
    if income.appropriation is not None or not any(
        (income.general_public, income.government_fund, income.state_capital)
    ):
        funds: list[tuple[str, Figure | None]] = [("财政拨款收入", income.appropriation)]
    else:
        funds = [
            (label("income", name)[0], getattr(income, name))
            for name in ("general_public", "government_fund", "state_capital")
        ]
    others = [
        (label("income", name)[0], getattr(income, name))
        for name in ("business", "operating", "higher_subsidy", "affiliated", "other")
    ]
    return funds + others + [(n.label, n) for n in income.lines]


def grand_extras(income: Income) -> list[tuple[str, Figure | None]]:
    """What a 收入总计 adds to this year's income: a 决算's 使用非财政拨款结余 (when stated)
    and 上年结转结余."""
    used = [] if income.surplus_used is None else [("使用非财政拨款结余", income.surplus_used)]
    return [*used, ("上年结转结余", income.carryover)]


def _nothing(figure: Figure | None) -> bool:
    return figure is None or figure.none_stated or figure.amount == 0


def expenditure_total(spending: Expenditure, budget: DepartmentBudget) -> tuple[str, Figure] | None:
    """The figure that totals this year's spending: 支出合计, else a 支出总计 with nothing
    distributed (结余分配) or carried out (年末结转和结余)."""
    if spending.total is not None:
        return "total", spending.total
    final = budget.final
    if spending.grand_total is not None and (
        final is None or (_nothing(final.carried_out) and _nothing(final.distribution))
    ):
        return "grand_total", spending.grand_total
    return None


#: The kinds of spending that make up 支出合计; the last three only some units have.
SPENDING_KINDS: Final = ("basic", "project", "to_higher", "operating", "to_affiliated")


def spending_kinds(spending: Expenditure) -> tuple[str, str, list[tuple[str, Figure]]]:
    """The stated kinds of spending, named, and the relation's names ("基本支出 + 项目支出").

    A kind a unit does not state is one it does not have (as in most 行政单位).
    """
    kinds = [(name, f) for name in SPENDING_KINDS if (f := getattr(spending, name)) is not None]
    names = [label("expenditure", name) for name, _ in kinds]
    parts = [(zh, figure) for (zh, _), (_, figure) in zip(names, kinds, strict=True)]
    zh = " + ".join(zh for zh, _ in names)
    en = " + ".join(en for _, en in names)
    return zh, en, parts


def trees_of(budget: DepartmentBudget) -> Iterator[tuple[str, str, str, tuple[Node, ...]]]:
    """Every classification tree of the budget: (path, Chinese name, English name, roots)."""
    for section_name in ("expenditure", "appropriation"):
        section = getattr(budget, section_name)
        if section is None:
            continue
        for tree in ("by_function", "by_economic"):
            roots: tuple[Node, ...] = getattr(section, tree)
            if roots:
                zh, en = label(section_name, tree)
                yield f"/{section_name}/{tree}", zh, en, roots
    if budget.income is not None and budget.income.lines:
        yield "/income/lines", "收入明细", "income lines", budget.income.lines
    if budget.assets is not None and budget.assets.parts:
        yield "/assets/parts", "资产明细", "asset parts", budget.assets.parts
    for index, statement in enumerate(budget.statements):
        if statement.children:
            yield f"/statements/{index}", "文中", "the text:", (statement,)


def parents(roots: tuple[Node, ...]) -> Iterator[tuple[Path, Node]]:
    """The lines with children under ``roots``, with their paths, in :func:`walk`'s order
    (a leaf is not even given a path: most lines of a large tree are leaves)."""
    stack: list[tuple[Path, Node]] = [((n.key,), n) for n in reversed(roots) if n.children]
    pop, push = stack.pop, stack.append
    while stack:
        path, node = pop()
        yield path, node
        for child in reversed(node.children):
            if child.children:
                push(((*path, child.name if child.code is None else child.code), child))


def _all_appropriation(budget: DepartmentBudget) -> bool:
    """True when the budget states that all its income is appropriation (财政拨款) and
    nothing is carried over (carried-over money may come from other sources)."""
    income = budget.income
    if income is None or income.appropriation is None or income.appropriation.amount is None:
        return False
    if carries_over(budget):
        return False
    total = income.total or income.grand_total
    if total is None or total.amount != income.appropriation.amount:
        return False
    return not any(
        f is not None and f.amount for name, f in income_sources(income) if name != "财政拨款收入"
    )
