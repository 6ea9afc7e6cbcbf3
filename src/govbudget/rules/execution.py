"""Budget execution (预算执行): a 决算 figure against its budget.

A 决算 states beside a line its 年初预算数 and/or 全年预算数 and says the final
figure 完成年初预算的 X% (or 全年预算的 X%): X = 决算数 ÷ 预算数 × 100, at X's
own decimals. A common error writes the difference in 万元 where the percent belongs.
Or it states the difference itself ("“三公”经费支出 3.46 万元，年初预算为 4.20 万元，
差值为 0.74 万元"): 差值 = |决算数 − 预算数|. Or it compares the two in words and numbers
("与年初预算相比减少 0.1 万元，下降 0.6%", "决算数大于预算数 48.27 万元", "与预算相比无
变化"): the change, its percent and its direction word are checked as the year-on-year
ones are, with the budget in place of the year before. A completion percent stated beside
such a change and no budget is checked against the budget the change implies
(决算数 − 增减额).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Final

from govbudget.figure import Direction, Figure
from govbudget.model import DepartmentBudget
from govbudget.rounding import Outcome, Stated, check_sum, corner_range, ratio_range
from govbudget.rules._support import (
    FIGURE_FIELDS,
    Column,
    Named,
    figures_with,
    memo,
    money,
    percent_observation,
    place,
    stated,
)
from govbudget.rules.base import Diagnosis, Observation, Record, Rule, Severity, deferring
from govbudget.rules.shares import rounds_to, share_defined
from govbudget.rules.yoy import BUDGET, Items, change_checks, direction_checks, percent_checks

__all__ = ["RULES"]

_BASES: Final[tuple[tuple[Column, str, str], ...]] = (
    ("budget_full_year", "全年预算数", "full-year budget"),
    ("budget_initial", "年初预算数", "initial budget"),
)


#: The figures each execution rule looks at: those stating a completion percent, a difference
#: from the budget, and a change or percent against it.
_Stating = tuple[list[Named], list[Named], list[Named]]


def _stating(budget: DepartmentBudget) -> _Stating:
    """The figures that state a completion percent, a 差值 from the budget, and a change or a
    percent against it, each in the order of :func:`~govbudget.rules._support.figures_with`:
    sorted once per ``validate()`` from the figures with any field (which the shares rules
    read too), so that a document stating none costs these rules almost nothing."""

    def found() -> _Stating:
        completion: list[Named] = []
        difference: list[Named] = []
        against: list[Named] = []
        for item in figures_with(budget, *FIGURE_FIELDS):
            figure = item[3]
            if figure.completion is not None:
                completion.append(item)
            if figure.budget_difference is not None:
                difference.append(item)
            if figure.budget_change is not None or figure.budget_percent is not None:
                against.append(item)
        return completion, difference, against

    return memo(budget, "execution.stating", found)


def against_budget(budget: DepartmentBudget) -> Items:
    """The figures that compare themselves with their budget, each seen as a year-on-year
    figure: the budget (年初预算数, else 全年预算数) as ``prior``, the change against it as
    ``change`` and its percent as ``percent``."""
    for path, zh, en, figure in _stating(budget)[2]:
        base = (
            figure.budget_initial if figure.budget_initial is not None else figure.budget_full_year
        )
        yield (
            path,
            zh,
            en,
            Figure(
                amount=figure.amount,
                prior=base,
                change=figure.budget_change,
                percent=figure.budget_percent,
                precision=figure.precision,
                none_stated=figure.none_stated,
                source=figure.source,
            ),
        )


def _budget_change(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each stated change against the budget (较预算增减额) = 决算数 − 预算数 (年初, else 全年);
    with a word (增加/减少/超支/节约) its magnitude.

    Why: a 决算 compares many lines with their budget, and a wrong base or a stale figure shows
    here; a gap within rounding passes. A word alone (与预算持平) is EXE005's.
    Example: 决算 9、预算 12，“较预算减少 3 万元” holds; “减少 0.3 万元” fails.
    """
    # a word alone ("与预算持平", "决算数等于预算数") states no amount to check: EXE005 checks it
    worded = [
        item
        for item in against_budget(budget)
        if item[3].change is None or item[3].change.value is not None
    ]
    return change_checks(budget, worded, BUDGET)


def _budget_percent(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each stated percent against the budget = (决算数 − 预算数) ÷ 预算数 × 100 at its decimals.

    Why: a percent taken against the 决算数 instead of the budget, or the amount written for the
    percent, is diagnosed; a percent within the figures' rounding range passes.
    Example: 决算 9、预算 12，“较预算下降 25%” holds; “下降 33.33%” (÷ 决算数) fails.
    """
    return percent_checks(budget, against_budget(budget), BUDGET)


def _budget_direction(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each word comparing a final figure with its budget (大于/超支/增加, 小于/节约/减少,
    等于/持平/无变化) matches the sign of 决算数 − 预算数.

    Why: a word that contradicts the figures misleads a reader about over- or underspending;
    持平 within rounding passes, 基本持平 beyond rounding is only a warning.
    Example: 决算 9、预算 12 with “与预算相比无变化” fails: 3 万元 less was spent.
    """
    # 基本持平 and its like for figures that differ: a warning (yoy.ROUGHLY_FLAT).
    return direction_checks(budget, against_budget(budget), BUDGET)


def _completion(budget: DepartmentBudget) -> Iterator[Record]:
    """Each stated completion percent (完成预算的 X%) equals 决算数 ÷ 预算数 × 100 at its decimals
    (全年预算数 or 年初预算数; with neither, the budget 决算数 − 较预算增减额 implies).

    Why: a completion rate on the wrong budget, or the difference in 万元 written as the percent
    (diagnosed), is a common 决算 slip; a percent within the figures' rounding range passes.
    Example: 决算数 9、年初预算数 12，“完成年初预算的 75%” holds; “完成 3%” is the difference.
    """
    for path, zh, en, figure in _stating(budget)[0]:
        if _completes_exactly(budget, figure):
            yield (_observe_completion, budget, path, zh, en, figure)
            continue
        observation = _observe_completion(budget, path, zh, en, figure)
        if observation is not None:
            yield observation


def _completes_exactly(budget: DepartmentBudget, figure: Figure) -> bool:
    """Whether EXE001's check of ``figure`` is exact: its completion percent is what the first
    budget it can be computed against gives, rounded to its digits (on integers)."""
    completion = figure.completion
    final = stated(budget, figure)
    if completion is None or final is None:
        return False
    for column, _zh, _en in _BASES:
        base = stated(budget, figure, column)
        if base is None or not share_defined(base):
            continue
        return rounds_to(completion.signed, 100 * final.value, base.value)
    return False


def _observe_completion(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure
) -> Observation | None:
    """EXE001's check of ``figure``: against its budgets, else the budget its change implies."""
    observation = _check(budget, path, zh, en, figure)
    if observation is None:
        observation = _implied(budget, path, zh, en, figure)
    return observation


def _implied(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure
) -> Observation | None:
    """Completion against the budget a stated change implies: 决算数 ÷ (决算数 − 增减额)."""
    assert figure.completion is not None
    final, change = stated(budget, figure), figure.budget_change
    if final is None or change is None or figure.budget_initial or figure.budget_full_year:
        return None
    if change.value is None and change.direction is not Direction.FLAT:
        return None
    half = budget.precision_of(figure).half_width_fen
    # The change is often the difference of the two printed figures: two half-widths.
    delta = Stated(change.signed.fen, 2 * half)
    computed = corner_range(lambda c, d: c / (c - d) * 100, final, delta)
    if computed is None:
        return None
    scale = money(budget, figure)
    implied = final.value - delta.value
    return percent_observation(
        location=place(path + "/completion", zh, en, figure),
        percent=figure.completion,
        computed=computed,
        magnitude=False,
        formula="完成率 = 决算数 ÷ (决算数 − 较预算增减额) × 100%",
        params={
            "base_zh": "预算数",
            "base_en": "budget",
            "final": scale.show(final.value),
            "base": f"{scale.show(implied)}（由较预算增减 {scale.show(delta.value)} 推算）",
        },
    )


def _check(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure
) -> Observation | None:
    assert figure.completion is not None
    final = stated(budget, figure)
    if final is None:
        return None
    tried: list[Observation] = []
    for column, base_zh, base_en in _BASES:
        base = stated(budget, figure, column)
        if base is None:
            continue
        computed = ratio_range(final, base)
        if computed is None:
            continue
        scale = money(budget, figure)
        difference = Fraction(final.value - base.value, budget.precision_of(figure).unit.fen)
        observation = percent_observation(
            location=place(path + "/completion", zh, en, figure),
            percent=figure.completion,
            computed=computed,
            magnitude=False,
            formula=f"完成率 = 决算数 ÷ {base_zh} × 100%",
            alternatives=[
                (
                    difference,
                    Diagnosis(
                        "amount_as_percent",
                        f"完成率位置写成了决算数与{base_zh}之差（{scale.show(final.value - base.value)}）",
                        f"the difference between the final figure and the {base_en}"
                        f" ({scale.show(final.value - base.value)}) was written as the percent",
                    ),
                ),
                (
                    -difference,
                    Diagnosis(
                        "amount_as_percent",
                        f"完成率位置写成了{base_zh}与决算数之差（{scale.show(base.value - final.value)}）",
                        f"the difference between the {base_en} and the final figure"
                        f" ({scale.show(base.value - final.value)}) was written as the percent",
                    ),
                ),
            ],
            params={
                "base_zh": base_zh,
                "base_en": base_en,
                "final": scale.show(final.value),
                "base": scale.show(base.value),
            },
        )
        if observation.outcome is not Outcome.INCONSISTENT:
            return observation
        tried.append(observation)
    return tried[0] if tried else None


def _difference(budget: DepartmentBudget) -> Iterator[Record]:
    """A stated 差值 from the budget = |决算数 − 年初预算数| (or 全年预算数 when no 年初预算数).

    Why: the difference is written without sign and often worked from other figures than
    those printed; a gap within the two figures' rounding passes.
    Example: 决算数 3.2、年初预算数 4，“差值为 0.8 万元” holds; “差值为 0.6 万元” fails.
    """
    for path, zh, en, figure in _stating(budget)[1]:
        difference = figure.budget_difference
        final = stated(budget, figure)
        base = stated(budget, figure, _base_column(figure))
        if difference is None or final is None or base is None:
            continue
        # written without sign: exact when it is the two figures' distance
        if difference.fen == abs(final.value - base.value):
            yield (_observe_difference, budget, path, zh, en, figure)
        else:
            yield _observe_difference(budget, path, zh, en, figure)


def _base_column(figure: Figure) -> Column:
    """The budget a 差值 is from: 年初预算数, else 全年预算数."""
    return "budget_initial" if figure.budget_initial is not None else "budget_full_year"


def _observe_difference(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure
) -> Observation:
    """EXE002's check of ``figure``'s stated 差值."""
    assert figure.budget_difference is not None
    column = _base_column(figure)
    final, base = stated(budget, figure), stated(budget, figure, column)
    assert final is not None
    assert base is not None
    half = budget.precision_of(figure).half_width_fen
    difference = Stated(figure.budget_difference.fen, half)
    # The difference is written without sign: it is final − base or base − final,
    # whichever the printed figures make positive.
    signs = [1, -1] if final.value >= base.value else [-1, 1]
    verdict = check_sum(difference, [final, base], signs=signs)
    base_zh = "年初预算数" if column == "budget_initial" else "全年预算数"
    base_en = "initial budget" if column == "budget_initial" else "full-year budget"
    scale = money(budget, figure)
    return Observation(
        outcome=verdict.outcome,
        location=place(path + "/budget_difference", zh, en, figure),
        verdict=verdict,
        scale=scale,
        params={
            "base_zh": base_zh,
            "base_en": base_en,
            "final": scale.show(final.value),
            "base": scale.show(base.value),
        },
        formula=f"差值 = |决算数 − {base_zh}|",
    )


RULES: Final = (
    Rule(
        id="EXE001",
        family="execution",
        severity=Severity.ERROR,
        title_zh="完成率等于决算数除以预算数",
        title_en="A stated completion percent equals the final figure divided by the budget",
        message_zh="{where}：写明完成{base_zh}的 {stated}%，按决算数 {final}、{base_zh} {base} 计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated {stated}% of the {base_en}; final {final} and {base_en} {base} give {computed}% (rounding range {low}% to {high}%)",
        formula="完成率 = 决算数 ÷ 预算数（全年预算数，否则年初预算数）× 100%，按所写小数位",
        check=deferring(_completion),
        example="决算数 7.8、年初预算数 7.8，写明“完成预算 100%”（一致）；写成 27.22% 而 27.22 恰是差额则诊断为金额误作百分比",
    ),
    Rule(
        id="EXE002",
        family="execution",
        severity=Severity.ERROR,
        title_zh="与预算的差值等于决算数与预算数之差",
        title_en="A stated difference from the budget equals final less budget",
        message_zh="{where}：写明与{base_zh}的差值 {stated}{unit}，决算数 {final} 与{base_zh} {base} 相差 {computed}{unit}",
        message_en="{where}: stated difference from the {base_en} {stated} {unit}; final {final} and {base_en} {base} differ by {computed} {unit}",
        formula="差值 = |决算数 − 预算数|（年初预算数，否则全年预算数）",
        check=deferring(_difference),
        example="“三公”经费支出 3.46、年初预算 4.20，写明“差值为 0.74 万元”（一致）；公务接待费支出 1.85、年初预算 1.8，差值 0.05（超支，一致）",
    ),
    Rule(
        id="EXE003",
        family="execution",
        severity=Severity.ERROR,
        title_zh="较预算增减额等于决算数减预算数",
        title_en="A stated change against the budget equals final minus budget",
        message_zh="{where}：写明较预算增减 {stated}{unit}，决算数 {current} 与预算数 {prior} 之差为 {computed}{unit}",
        message_en="{where}: stated change against the budget {stated} {unit}, final {current} less budget {prior} is {computed} {unit}",
        formula="较预算增减额 = 决算数 − 预算数（年初预算数，否则全年预算数；有方向用词时比较绝对值）",
        check=_budget_change,
        example="公务接待费决算 5.21、预算 14.9，写明“与预算相比减少 0.1 万元”：实际减少 9.69 万元",
    ),
    Rule(
        id="EXE004",
        family="execution",
        severity=Severity.ERROR,
        title_zh="较预算增减率等于增减额除以预算数",
        title_en="A stated percent against the budget equals the change divided by the budget",
        message_zh="{where}：写明较预算增减 {stated}%，按{basis_zh}计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated {stated}% against the budget, {basis_en} give {computed}% (rounding range {low}% to {high}%)",
        formula="较预算增减率 = (决算数 − 预算数) ÷ 预算数 × 100%，按所写小数位",
        check=_budget_percent,
        example="决算 5.21、预算 14.9，写明“下降 0.006%”：按两数计算下降 65.03%",
    ),
    Rule(
        id="EXE005",
        family="execution",
        severity=Severity.ERROR,
        title_zh="较预算的方向用词与决算数、预算数一致",
        title_en="Words comparing a final figure with its budget match the two figures",
        message_zh="{where}：较预算写“{words}”，{actual_zh}",
        message_en="{where}: against the budget the words “{words}” state a direction; {actual_en}",
        formula="大于/超支/增加 ⇔ 决算数 > 预算数；小于/节约/减少 ⇔ 决算数 < 预算数；等于/持平/无变化 ⇔ 相等",
        check=_budget_direction,
        example="决算 2.48、预算 15，却写“与预算相比无变化”",
    ),
)
