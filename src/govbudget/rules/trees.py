"""Trees: every line with children equals the sum of its children (类 = Σ 款 = Σ 项)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules._facts import parents, trees_of
from govbudget.rules._support import Column, column_sum, sum_records
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring
from govbudget.tree import Node

__all__ = ["RULES"]


@deferring
def _children_sum(budget: DepartmentBudget) -> Iterator[Record]:
    """Every line with children equals the sum of its children (类 = Σ 款, 款 = Σ 项), in
    each classification tree (功能分类, 经济分类, 收入明细, 资产明细, the text's lists) and column.

    Why: a wrong 款 or 项 hides under a total that still matches; many rounded 项 may drift from
    their rounded 类, so a gap within their rounding passes, and a "其中" list need only not exceed.
    Example: 302 商品和服务支出 18.6 = 30201 办公费 6.2 + 30211 差旅费 4.4 + 30229 福利费 8.
    """
    for tree in trees_of(budget):
        for path, node in parents(tree[3]):
            yield from sum_records(
                node, node.children, node.partial, _line_sum, budget, tree, path, node
            )


def _line_sum(
    budget: DepartmentBudget,
    tree: tuple[str, str, str, tuple[Node, ...]],
    path: tuple[str, ...],
    node: Node,
    column: Column,
) -> Observation | None:
    """The observation of one line's sum in one column (its names formed here, when read)."""
    tree_path, tree_zh, tree_en, _ = tree
    return column_sum(
        budget,
        f"{tree_path}/{'/'.join(path)}",
        f"{tree_zh} {node.label}",
        f"{tree_en}, {node.label}",
        node,
        node.children,
        node.partial,
        f"{node.label} = Σ {len(node.children)}",
        column,
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
