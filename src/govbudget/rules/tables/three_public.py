"""The “三公” tables (TAB016): the items add up to the total."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules.base import Observation
from govbudget.rules.tables._cells import K, _blank, _rule, _sum
from govbudget.tables.query import ThreePublicItem, three_public_item

__all__ = ["RULES"]


# --- TAB016: a “三公” table printing its items as rows adds up -----------------------------------

_THREE_PARTS: Final[tuple[tuple[ThreePublicItem, tuple[ThreePublicItem, ...], str], ...]] = (
    (
        "total",
        ("overseas", "reception", "vehicles"),
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费",
    ),
    (
        "total",
        ("overseas", "reception", "vehicle_purchase", "vehicle_operation"),
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置费 + 公务用车运行维护费",
    ),
    (
        "vehicles",
        ("vehicle_purchase", "vehicle_operation"),
        "公务用车购置及运行维护费 = 购置费 + 运行维护费",
    ),
)


def _three_public_rows(budget: DepartmentBudget) -> Iterator[Observation]:
    """In a “三公” table printing its items as rows: 合计 = 因公出国（境）费 + 公务接待费 +
    公务用车购置及运行维护费 (or its two parts), and 公务用车 = 购置费 + 运行维护费, in every column.

    Why: the “三公” table is the one most read; a part mistyped shows as the gap. Parts all
    left blank were not filled in, not stated as zero: not checked (items as columns: TAB002).
    Example: 合计 6 = 因公出国（境）费 0 + 公务接待费 1.5 + 公务用车购置及运行维护费 4.5.
    """
    for ti, table in enumerate(budget.tables):
        if table.kind not in (K.FINAL_THREE_PUBLIC, K.BUDGET_THREE_PUBLIC):
            continue
        rows: dict[ThreePublicItem, int] = {}
        for r, row in enumerate(table.rows):
            item = three_public_item(row.name)
            if item is not None:
                rows.setdefault(item, r)
        done: set[ThreePublicItem] = set()
        for total, parts, relation in _THREE_PARTS:
            if total in done or total not in rows or not all(p in rows for p in parts):
                continue
            done.add(total)
            for c in range(len(table.columns)):
                cells = [(ti, rows[p], c) for p in parts]
                if all(_blank(budget, cell) for cell in cells):
                    continue  # the 其中 rows left blank (not filled in), not stated as zero
                observation = _sum(budget, (ti, rows[total], c), cells, relation)
                if observation is not None:
                    yield observation


RULES: Final = (
    _rule(
        "TAB016",
        "“三公”经费表各项之和等于合计，公务用车两项之和等于小计",
        "A “三公” table's items add up to its total, and the vehicle costs to theirs",
        "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费；公务用车购置及运行维护费 = 购置费 + 运行维护费（各项为行时，每一列）",
        _three_public_rows,
    ),
)
