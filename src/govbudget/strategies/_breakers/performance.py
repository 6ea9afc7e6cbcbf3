"""Breakers of the performance rules (绩效目标, PRF001–PRF009): how to break each in an exact budget."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import StatedPercent
from govbudget.model import (
    DepartmentBudget,
    FundLine,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    Performance,
    PerformanceTable,
    PerformanceTableKind,
    ProjectCount,
    StatedWeight,
)
from govbudget.money import Amount, wan
from govbudget.paths import Place
from govbudget.paths import value_at as get
from govbudget.strategies._breakers._base import Breaker, _b, _delta, _replace, _step

__all__ = ["BREAKERS"]


def _goals(budget: DepartmentBudget) -> list[Place]:
    performance = budget.performance
    if performance is None:
        return []
    return [
        ("performance", part, i)
        for part in ("long_term", "annual")
        for i, _ in enumerate(getattr(performance, part))
    ]


def _performance(budget: DepartmentBudget) -> DepartmentBudget:
    if _goals(budget):
        return budget
    indicators = tuple(
        Indicator(kind=kind, name=name, comparator=word, target=Decimal(target), unit=unit)
        for kind, name, word, target, unit in (
            (IndicatorKind.OUTPUT, "办理信访事项", "大于", 100, "件"),
            (IndicatorKind.EFFECT, "群众诉求解决率", "不低于", 90, "%"),
            (IndicatorKind.SATISFACTION, "群众满意度", "不低于", 95, "%"),
        )
    )
    goal = Goal(kind=GoalKind.ANNUAL, number=1, indicators=indicators)
    return evolve(budget, performance=Performance(annual=(goal,)))


def _missing_kind(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A goal without its 满意度 (or 产出, 效益) indicators."""
    budget = _performance(budget)
    place = draw(st.sampled_from(_goals(budget)))
    goal = get(budget, place)
    assert isinstance(goal, Goal)
    kind = draw(
        st.sampled_from((IndicatorKind.SATISFACTION, IndicatorKind.OUTPUT, IndicatorKind.EFFECT))
    )
    kept = tuple(i for i in goal.indicators if i.kind is not kind)
    return _replace(budget, place, evolve(goal, indicators=kept))


def _indicator(draw: DrawFn, budget: DepartmentBudget) -> tuple[DepartmentBudget, Place, Indicator]:
    budget = _performance(budget)
    place = draw(st.sampled_from(_goals(budget)))
    goal = get(budget, place)
    assert isinstance(goal, Goal)
    assert goal.indicators
    index = draw(st.integers(0, len(goal.indicators) - 1))
    return budget, (*place, "indicators", index), goal.indicators[index]


def _rate_out_of_range(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A satisfaction or rate target above 100% (or “大于 100%”)."""
    budget, place, indicator = _indicator(draw, budget)
    if draw(st.booleans()):
        changed = evolve(indicator, target=Decimal(draw(st.integers(101, 1000))), unit="%")
    else:
        changed = evolve(indicator, comparator="大于", target=Decimal(100), unit="%")
    return _replace(budget, place, changed)


def _unparsed_target(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A target without its unit (or without a number)."""
    budget, place, indicator = _indicator(draw, budget)
    if draw(st.booleans()):
        changed = evolve(indicator, unit=None)
    else:
        changed = evolve(indicator, target=None)
    return _replace(budget, place, changed)


def _scored_table(budget: DepartmentBudget) -> PerformanceTable:
    """A self-evaluation whose every relation holds: 10 + 50 + 30 + 10 = 100 points, its
    amounts in the budget's last places (executed 10,800 of a budget of 12,000: 90.00%)."""
    step = _step(budget)
    initial, full_year, executed = (Amount.from_fen(n * step) for n in (10_000, 12_000, 10_800))
    funds = (
        FundLine(
            name="总额",
            initial=initial,
            full_year=full_year,
            executed=executed,
            rate=StatedPercent(Decimal("90.00")),
            weight=Decimal(10),
            score=Decimal(9),
        ),
        FundLine(
            name="其中：财政资金",
            part=True,
            initial=initial,
            full_year=full_year,
            executed=executed,
            rate=StatedPercent(Decimal("90.00")),
        ),
        FundLine(name="其他资金", part=True, initial=wan(0), full_year=wan(0), executed=wan(0)),
    )
    indicators = tuple(
        Indicator(
            kind=kind,
            name=name,
            category=category,
            comparator="≥",
            target=Decimal(target),
            unit=unit,
            weight=Decimal(weight),
            score=Decimal(score),
        )
        for kind, category, name, target, unit, weight, score in (
            (IndicatorKind.OUTPUT, "数量指标", "完成培训人次", 300, "人次", 50, 45),
            (IndicatorKind.EFFECT, "社会效益指标", "群众知晓率", 90, "%", 30, 30),
            (IndicatorKind.SATISFACTION, "服务对象满意度指标", "学员满意度", 95, "%", 10, 10),
        )
    )
    weights = tuple(
        StatedWeight(name=name, part=part, weight=Decimal(weight))
        for name, part, weight in (
            ("预算执行情况", "funds", 10),
            ("绩效指标", "indicators", 90),
            ("产出指标", "output", 50),
            ("效益指标", "effect", 30),
            ("满意度指标", "satisfaction", 10),
        )
    )
    return PerformanceTable(
        kind=PerformanceTableKind.SELF_EVALUATION,
        title="项目支出绩效自评表",
        project="业务培训",
        funds=funds,
        indicators=indicators,
        weights=weights,
        total_weight=Decimal(100),
        total_score=Decimal(94),
        complete=True,
    )


def _with_table(budget: DepartmentBudget, table: PerformanceTable) -> DepartmentBudget:
    performance = budget.performance or Performance()
    return evolve(budget, performance=evolve(performance, tables=(*performance.tables, table)))


def _score_above_weight(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """An indicator (or budget execution) scored above its weight."""
    table = _scored_table(budget)
    extra = Decimal(draw(st.integers(1, 40)))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(table.indicators) - 1))
        indicator = table.indicators[index]
        assert indicator.weight is not None
        changed = evolve(indicator, score=indicator.weight + extra)
        indicators = (*table.indicators[:index], changed, *table.indicators[index + 1 :])
        return _with_table(budget, evolve(table, indicators=indicators))
    first = table.funds[0]
    assert first.weight is not None
    funds = (evolve(first, score=first.weight + extra), *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _weights_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A stated weight (of all indicators, of one 一级指标, or the 合计) off by some points."""
    table = _scored_table(budget)
    extra = Decimal(draw(st.integers(1, 40)) * draw(st.sampled_from((1, -1))))
    which = draw(st.integers(0, len(table.weights)))
    if which == len(table.weights):
        assert table.total_weight is not None
        return _with_table(budget, evolve(table, total_weight=table.total_weight + extra))
    stated = table.weights[which]
    changed = evolve(stated, weight=stated.weight + extra)
    weights = (*table.weights[:which], changed, *table.weights[which + 1 :])
    return _with_table(budget, evolve(table, weights=weights))


def _total_score_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A total score other than the sum of the scores."""
    table = _scored_table(budget)
    assert table.total_score is not None
    extra = Decimal(draw(st.integers(1, 40)) * draw(st.sampled_from((1, -1))))
    return _with_table(budget, evolve(table, total_score=table.total_score + extra))


def _rate_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """An execution rate other than executed ÷ budget (by whole points)."""
    table = _scored_table(budget)
    first = table.funds[0]
    assert first.rate is not None
    # The rule takes a rate of either budget (全年预算数 or 年初预算数): the one written must be
    # off from both, by at least a whole point (a rate of the initial budget is no break).
    rates = [
        Decimal(first.executed.fen * 100) / base.fen
        for base in (first.full_year, first.initial)
        if first.executed is not None and base is not None and base.fen
    ]
    rate = first.rate.value
    points = Decimal(draw(st.integers(1, 60)) * draw(st.sampled_from((1, -1))))
    while any(abs(rate + points - r) < 1 for r in rates):
        points += 1 if points > 0 else -1
    funds = (evolve(first, rate=StatedPercent(rate + points)), *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _fund_parts_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A funds total other than the sum of its parts, in one column."""
    table = _scored_table(budget)
    first = table.funds[0]
    assert first.initial is not None
    assert first.full_year is not None
    assert first.executed is not None
    bump = Amount.from_fen(_delta(draw, budget))
    changed = draw(
        st.sampled_from(
            (
                evolve(first, initial=first.initial + bump),
                evolve(first, full_year=first.full_year + bump),
                evolve(first, executed=first.executed + bump),
            )
        )
    )
    funds = (changed, *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _project_count_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A number of projects other than those of the initial budget plus those added."""
    initial, added = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    off = draw(st.integers(1, 5)) * draw(st.sampled_from((1, -1)))
    total = max(0, initial + added + off) if initial + added + off >= 0 else initial + added + 1
    count = ProjectCount(total=total, initial=initial, added=added)
    performance = budget.performance or Performance()
    counts = (*performance.project_counts, count)
    return evolve(budget, performance=evolve(performance, project_counts=counts))


BREAKERS: Final[dict[str, Breaker]] = {
    "PRF001": _b("", _missing_kind, "a goal without one kind of indicator"),
    "PRF002": _b("", _rate_out_of_range, "a rate target above 100%"),
    "PRF003": _b("", _unparsed_target, "a target without a unit or a number"),
    "PRF004": _b("", _score_above_weight, "a score above its weight"),
    "PRF005": _b("", _weights_off, "a stated weight other than the sum of its parts"),
    "PRF006": _b("", _total_score_off, "a total score other than the sum of the scores"),
    "PRF007": _b("", _rate_off, "an execution rate other than executed ÷ budget"),
    "PRF008": _b("", _fund_parts_off, "a funds total other than the sum of its parts"),
    "PRF009": _b("", _project_count_off, "a number of projects other than initial plus added"),
}
