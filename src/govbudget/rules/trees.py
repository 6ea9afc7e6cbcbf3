"""Trees: every line with children equals the sum of its children (类 = Σ 款 = Σ 项)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._labels import label
from govbudget.rules._support import sums_in_columns
from govbudget.rules.base import Observation, Rule, Severity
from govbudget.tree import Node, Path

__all__ = ["RULES", "parents", "trees_of"]


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


def _children_sum(budget: DepartmentBudget) -> Iterator[Observation]:
    """Every line with children equals the sum of its children (类 = Σ 款, 款 = Σ 项), in
    each classification tree (功能分类, 经济分类, 收入明细, 资产明细, the text's lists) and column.

    Why: a wrong 款 or 项 hides under a total that still matches; many rounded 项 may drift from
    their rounded 类, so a gap within their rounding passes, and a "其中" list need only not exceed.
    Example: 302 商品和服务支出 18.6 = 30201 办公费 6.2 + 30211 差旅费 4.4 + 30229 福利费 8.
    """
    for tree_path, tree_zh, tree_en, roots in trees_of(budget):
        for path, node in parents(roots):
            yield from sums_in_columns(
                budget,
                path=f"{tree_path}/{'/'.join(path)}",
                zh=f"{tree_zh} {node.label}",
                en=f"{tree_en}, {node.label}",
                total=node,
                parts=node.children,
                partial=node.partial,
                formula=f"{node.label} = Σ {len(node.children)}",
            )


RULES: Final = (
    Rule(
        id="TRE001",
        family="trees",
        severity=Severity.ERROR,
        title_zh="分类层级：上级科目等于下级科目之和",
        title_en="Every classification line with children equals the sum of its children",
        message_zh="{where}：合计 {stated}{unit}，{count} 个明细之和 {computed}{unit}",
        message_en="{where}: stated {stated} {unit}, its {count} items add up to {computed} {unit}",
        formula="类 = Σ 款，款 = Σ 项；“其中”列举（partial）只要求 Σ 明细 ≤ 合计",
        check=_children_sum,
        example="302 商品和服务支出 24.1 与 13 个明细之和 24.09：差 0.01，舍入允许 0.07，在舍入范围内",
    ),
)
