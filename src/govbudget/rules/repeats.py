"""前后一致: a figure stated more than once is stated the same each time.

A long disclosure states its totals several times — in the overview, in each part, in the
balance of a government report. A leading digit dropped (",592.36" for "1,592.36") or a
budget figure written where the final one belongs shows as one figure stated twice with
two values. Printed at the same precision, one true value rounds to one number: any other
difference is an error; at two precisions the two intervals must meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rounding import Stated, check_equal
from govbudget.rules._support import figures_with, money, place, stated
from govbudget.rules.base import Observation, Rule, Severity

__all__ = ["RULES"]


def _restated(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each restatement of a figure elsewhere in the text equals the figure (rounding-aware).

    Why: long disclosures state totals several times; a dropped leading digit or a budget figure
    written for a final one shows as two values. Both are read at the figure's precision, and
    one true value rounds to one number, so any difference is an error.
    Example: 支出总计 1206.4 in the overview and ",206.4" later fails; "1206.40" agrees.
    """
    for path, zh, en, figure in figures_with(budget, "restated"):
        first = stated(budget, figure)
        if first is None:
            continue
        scale = money(budget, figure)
        for index, again in enumerate(figure.restated):
            verdict = check_equal(Stated(again.amount.fen, first.half), first)
            yield Observation(
                outcome=verdict.outcome,
                location=place(f"{path}/restated/{index}", zh, en, figure),
                verdict=verdict,
                scale=scale,
                params={"first": scale.show(first.value), "again_at": again.source or "—"},
                formula="同一数字各处所写相同",
            )


RULES: Final = (
    Rule(
        id="RPT001",
        family="repeats",
        severity=Severity.ERROR,
        title_zh="同一数字前后所写一致",
        title_en="A figure stated twice is stated the same both times",
        message_zh="{where}：另处（{again_at}）写作 {stated}{unit}，与此处 {computed}{unit} 不一致",
        message_en="{where}: stated as {stated} {unit} elsewhere ({again_at}), {computed} {unit} here",
        formula="同一数字在文中各处所写相同（不同小数位时舍入区间相交）",
        check=_restated,
        example="支出总计 1,592.36 万元，财力平衡一节又写“支出总计,592.36万元”（丢了千位）",
    ),
)
