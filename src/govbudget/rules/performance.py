"""绩效目标: each goal has output, effect and satisfaction indicators; targets are sound.

The performance tables (项目支出绩效目标表, 绩效自评表) are checked where arithmetic
applies: a score never exceeds its weight (PRF004); the weights of the indicators
add up to the weight the table states for them, for each 一级指标 and in all, and
with the weight of budget execution to the 合计 (PRF005); the scores add up to the
total score (PRF006); the 执行率 is the 执行数 over the 全年预算数 (else the 年初预算数),
at the decimals written (PRF007); the lines of the funds add up to their total
(PRF008). The project counts of a performance report add up: 实施项目共 N 个 = 年初 N₁ 个
+ 年中增加 N₂ 个 (PRF009). A relation is checked only where the table states every figure it needs:
a sum of weights only when the indicators end where the table says (``complete``),
not where the text stops.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

from govbudget.model import (
    Comparator,
    DepartmentBudget,
    FundLine,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    PerformanceTable,
    PerformanceTableKind,
    Project,
)
from govbudget.money import Amount
from govbudget.rounding import Outcome, Stated, check_sum, ratio_range
from govbudget.rules._support import memo, percent_observation
from govbudget.rules.base import (
    Diagnosis,
    Location,
    Observation,
    Record,
    Rule,
    Scale,
    Severity,
    deferring,
    observe,
)

__all__ = ["RULES", "goals_of", "tables_of"]

_KIND_ZH: Final = {
    IndicatorKind.OUTPUT: "产出指标",
    IndicatorKind.EFFECT: "效益指标",
    IndicatorKind.SATISFACTION: "满意度指标",
    IndicatorKind.COST: "成本指标",
}
_GOAL_ZH: Final = {
    GoalKind.LONG_TERM: "长期目标",
    GoalKind.ANNUAL: "年度目标",
    GoalKind.PROJECT: "项目目标",
}
_GOAL_EN: Final = {
    GoalKind.LONG_TERM: "long-term goal",
    GoalKind.ANNUAL: "annual goal",
    GoalKind.PROJECT: "project goal",
}
_REQUIRED: Final = (IndicatorKind.OUTPUT, IndicatorKind.EFFECT, IndicatorKind.SATISFACTION)


def goals_of(budget: DepartmentBudget) -> Iterator[tuple[str, str, str, Goal]]:
    """Every performance goal with its path and names: (path, zh, en, goal)."""
    for site in _goal_sites(budget):
        yield (_goal_path(site), *_goal_names(site), site[2])


#: A goal and where it stands, not yet named: its owner (the part of the performance section,
#: ``"long_term"`` or ``"annual"``, else its key project and the project's index), its index
#: there and the goal.
_GoalSite = tuple[str | tuple[int, Project], int, Goal]
#: A performance table and its index.
_TableSite = tuple[int, PerformanceTable]


def _goal_sites(budget: DepartmentBudget) -> Iterator[_GoalSite]:
    """Every performance goal with where it stands, in the order of :func:`goals_of`."""
    if budget.performance is not None:
        for part in ("long_term", "annual"):
            for index, goal in enumerate(getattr(budget.performance, part)):
                yield part, index, goal
    for p, project in enumerate(budget.projects):
        for index, goal in enumerate(project.goals):
            yield (p, project), index, goal


def _goal_path(site: _GoalSite) -> str:
    owner, index, _ = site
    if isinstance(owner, str):
        return f"/performance/{owner}/{index}"
    return f"/projects/{owner[0]}/goals/{index}"


def _goal_names(site: _GoalSite) -> tuple[str, str]:
    """The Chinese and English names of a goal (after its key project's, if it has one)."""
    owner, _, goal = site
    owner_zh, owner_en = (
        ("", "")
        if isinstance(owner, str)
        else (f"重点项目“{owner[1].name}”", f"key project {owner[1].name}, ")
    )
    number = "" if goal.number is None else f" {goal.number}"
    title = f"：{goal.name}" if goal.name else ""
    title_en = f": {goal.name}" if goal.name else ""
    return (
        f"{owner_zh}{_GOAL_ZH[goal.kind]}{number}{title}",
        f"{owner_en}{_GOAL_EN[goal.kind]}{number}{title_en}",
    )


class _Read:
    """The checks of PRF001–PRF003, made in one pass over a budget's goals and indicators
    (once per ``validate()``): the exact ones deferred, their places not yet named."""

    __slots__ = ("goals", "rates", "targets")

    def __init__(self) -> None:
        #: PRF001: each goal has every required kind of indicator.
        self.goals: list[Record] = []
        #: PRF002: each rate or satisfaction target lies within 0–100% and can be met.
        self.rates: list[Record] = []
        #: PRF003: each numeric target states a number and a unit.
        self.targets: list[Record] = []


def _read(budget: DepartmentBudget) -> _Read:
    return memo(budget, "performance.indicators", lambda: _read_indicators(budget))


def _read_indicators(budget: DepartmentBudget) -> _Read:
    read = _Read()
    add_goal = read.goals.append
    output, effect, satisfaction = _OUTPUT, _EFFECT, _SATISFACTION
    for goal_site in _goal_sites(budget):
        indicators = goal_site[2].indicators
        has_output = has_effect = has_satisfaction = False
        for indicator in indicators:  # by identity: an enum member hashes in Python
            kind = indicator.kind
            if kind is output:
                has_output = True
            elif kind is effect:
                has_effect = True
            elif kind is satisfaction:
                has_satisfaction = True
        if has_output and has_effect and has_satisfaction:
            add_goal((_observe_kinds, *goal_site))
        else:
            add_goal(_observe_kinds(*goal_site))
        _read_targets(read, goal_site, indicators)
    if budget.performance is not None:
        for table_site in enumerate(budget.performance.tables):
            _read_targets(read, table_site, table_site[1].indicators)
    return read


def _read_targets(
    read: _Read, owner: _GoalSite | _TableSite, indicators: Sequence[Indicator]
) -> None:
    """The checks of PRF002 and PRF003 of ``indicators`` (those of ``owner``), deferred when
    exact as :func:`_observe_range` and :func:`_observe_parsed` find them."""
    add_rate, add_target = read.rates.append, read.targets.append
    zero, hundred = _ZERO, _HUNDRED
    for index, indicator in enumerate(indicators):
        target, unit = indicator.target, indicator.unit
        if indicator.target_text is None:  # else a target in words (优良, 及时) or a date
            if target is not None and unit:
                add_target((_observe_parsed, owner, index, indicator))
            else:
                add_target(_observe_parsed(owner, index, indicator))
        if target is None:
            continue
        # A rate: a satisfaction, or a percent of a whole (完成率, 覆盖率 …) that cannot pass
        # 100% — not a satisfaction counted in people or visits (回访人数 200 人), nor a growth.
        if indicator.kind is _SATISFACTION:
            if unit not in _SATISFACTION_UNITS:
                continue
        elif unit not in _PERCENT_UNITS or _is_growth(indicator.name):
            continue
        # within 0–100%, and not “大于 100%” or “小于 0%”
        if (
            zero < target < hundred
            or (target == hundred and indicator.comparison is not _GT)
            or (target == zero and indicator.comparison is not _LT)
        ):
            add_rate((_observe_range, owner, index, indicator))
        else:
            add_rate(_observe_range(owner, index, indicator))


_NONE_MISSING: Final = (("missing_zh", "无"), ("missing_en", "none"))


def _kinds(budget: DepartmentBudget) -> Sequence[Record]:
    """Every performance goal (长期目标, 年度目标, 项目目标) has 产出指标, 效益指标 and 满意度指标.

    Why: a goal is to be measured by all three kinds, and a goal without one is usually a
    template left half filled; a warning, as it is incomplete rather than wrong arithmetic.
    Example: 年度目标“办结群众来信” with 产出指标 and 效益指标 only lacks 满意度指标.
    """
    return _read(budget).goals


def _observe_kinds(owner: str | tuple[int, Project], index: int, goal: Goal) -> Observation:
    """The observation of PRF001 for one goal."""
    present = {i.kind for i in goal.indicators}
    missing = [k for k in _REQUIRED if k not in present]
    site = (owner, index, goal)
    return observe(
        Outcome.INCONSISTENT if missing else Outcome.EXACT,
        Location(_goal_path(site), *_goal_names(site)),
        params=(
            (
                ("missing_zh", "、".join(_KIND_ZH[k] for k in missing)),
                ("missing_en", ", ".join(k.value for k in missing)),
            )
            if missing
            else _NONE_MISSING
        ),
    )


def tables_of(budget: DepartmentBudget) -> Iterator[tuple[str, str, str, PerformanceTable]]:
    """Every performance table with its path and names: (path, zh, en, table)."""
    if budget.performance is None:
        return
    for index, table in enumerate(budget.performance.tables):
        yield (f"/performance/tables/{index}", *_table_names(table), table)


def _table_names(table: PerformanceTable) -> tuple[str, str]:
    """The Chinese and English names of a performance table."""
    self_evaluation = table.kind is PerformanceTableKind.SELF_EVALUATION
    zh = "绩效自评表" if self_evaluation else "绩效目标表"
    en = "performance self-evaluation" if self_evaluation else "performance target table"
    if table.project:
        zh, en = f"项目“{table.project}”{zh}", f"{en} of {table.project}"
    return zh, en


def _indicator_location(
    owner: _GoalSite | _TableSite, index: int, indicator: Indicator
) -> Location:
    """The location of an indicator, named by its goal or table."""
    if len(owner) == 2:  # a table
        number, table = owner
        return _indicator_place(
            f"/performance/tables/{number}", *_table_names(table), index, indicator
        )
    zh, en = _goal_names(owner)
    return Location(
        f"{_goal_path(owner)}/indicators/{index}",
        f"{zh} {_KIND_ZH[indicator.kind]}“{indicator.name}”",
        f"{en}, {indicator.kind.value} indicator {indicator.name}",
        indicator.source,
    )


def _indicator_place(path: str, zh: str, en: str, index: int, indicator: Indicator) -> Location:
    return Location(
        f"{path}/indicators/{index}",
        f"{zh} 指标“{indicator.name}”",
        f"{en}, indicator {indicator.name}",
        indicator.source,
    )


#: Words naming a percent that may exceed 100 (a growth or increase, not a share of a whole).
_GROWTH: Final = ("增长", "增幅", "增加", "提高", "提升", "同比", "环比", "倍")
#: The units of a satisfaction that is a rate (a satisfaction counted in 人 or 次 is none).
_SATISFACTION_UNITS: Final = frozenset({None, "", "%", "％", "分"})
_PERCENT_UNITS: Final = frozenset({"%", "％"})
# Enum members, read once (a member read from its class costs a lookup in Python).
_OUTPUT: Final = IndicatorKind.OUTPUT
_EFFECT: Final = IndicatorKind.EFFECT
_SATISFACTION: Final = IndicatorKind.SATISFACTION
_GT: Final = Comparator.GT
_LT: Final = Comparator.LT


def _is_growth(name: str) -> bool:
    return any(word in name for word in _GROWTH)


_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


def _range(budget: DepartmentBudget) -> Sequence[Record]:
    """Each rate or satisfaction target (完成率, 覆盖率, 满意度 …) lies within 0–100% and can be met.

    Why: a share of a whole cannot pass 100%, and “大于 100%” or “小于 0%” can never be met;
    growth percents (增长, 提高 …) and counts of people are not rates and are left alone.
    Example: 满意度“≥ 95%” holds; 覆盖率“大于 100%” cannot be met.
    """
    return _read(budget).rates


def _observe_range(owner: _GoalSite | _TableSite, index: int, indicator: Indicator) -> Observation:
    """The observation of PRF002 for one rate or satisfaction indicator with a target."""
    target = indicator.target
    assert target is not None
    problem: Diagnosis | None = None
    if not _ZERO <= target <= _HUNDRED:
        problem = Diagnosis(
            "rate_out_of_range",
            f"比率或满意度目标 {target}% 不在 0～100% 之间",
            f"a rate or satisfaction target of {target}% lies outside 0-100%",
        )
    elif indicator.comparison is Comparator.GT and target == 100:
        problem = Diagnosis(
            "impossible_rate",
            "“大于 100%”的比率目标无法达到",
            "a rate target of more than 100% cannot be met",
        )
    elif indicator.comparison is Comparator.LT and target == 0:
        problem = Diagnosis(
            "impossible_rate",
            "“小于 0%”的比率目标无法达到",
            "a rate target of less than 0% cannot be met",
        )
    return observe(
        Outcome.INCONSISTENT if problem else Outcome.EXACT,
        _indicator_location(owner, index, indicator),
        params=(("target", f"{indicator.comparator or ''}{target}{indicator.unit or ''}"),),
        diagnosis=problem,
    )


def _parsed(budget: DepartmentBudget) -> Sequence[Record]:
    """Each indicator's numeric target states a number and a unit (目标 = [比较方式] + 数值 + 单位).

    Why: a target without a number or a unit cannot be evaluated at year end; targets in words
    (优良, 及时) or dates are not asked for either. A warning: incomplete, not wrong arithmetic.
    Example: “办理来信 ≥ 300 件” states both; “办理来信 ≥ 300” lacks the unit.
    """
    return _read(budget).targets


def _observe_parsed(owner: _GoalSite | _TableSite, index: int, indicator: Indicator) -> Observation:
    """The observation of PRF003 for one indicator with a numeric target (a target in words,
    such as 优良 or 及时, or a date is stated, with no number to write: not checked)."""
    number, unit = indicator.target, indicator.unit
    lacking_zh, lacking_en = _LACKING[number is None, not unit]
    target = f"{indicator.comparator or ''}{'' if number is None else number}{unit or ''}"
    return observe(
        Outcome.INCONSISTENT if lacking_en != "nothing" else Outcome.EXACT,
        _indicator_location(owner, index, indicator),
        params=(
            ("target", target or "—"),
            ("lacking_zh", lacking_zh),
            ("lacking_en", lacking_en),
        ),
    )


#: What a target lacks, by (no number, no unit): in Chinese and in English.
_LACKING: Final = {
    (False, False): ("无", "nothing"),
    (True, False): ("数值", "a number"),
    (False, True): ("计量单位", "a unit"),
    (True, True): ("数值、计量单位", "a number, a unit"),
}


# -- performance tables ------------------------------------------------------------------------


def _exact(value: Decimal) -> Fraction:
    return Fraction(value)


def _show(value: Fraction | int) -> str:
    return Scale.count().show(value)


def _scores(budget: DepartmentBudget) -> Iterator[Observation]:
    """In a performance table each score lies between 0 and its weight (0 ≤ 得分 ≤ 分值), for the
    indicators and the budget-execution lines.

    Why: a score above its weight (or below zero) is a mistyped or misplaced figure in a
    self-evaluation; scores are exact, with no rounding.
    Example: 分值 5 的指标得分 4.5 holds; 分值 10 的预算执行得分 11 fails.
    """
    for path, zh, en, table in tables_of(budget):
        scored: list[tuple[Location, Decimal, Decimal]] = [
            (_indicator_place(path, zh, en, i, indicator), indicator.score, indicator.weight)
            for i, indicator in enumerate(table.indicators)
            if indicator.score is not None and indicator.weight is not None
        ]
        scored += [
            (
                Location(
                    f"{path}/funds/{i}",
                    f"{zh} 预算执行“{line.name}”",
                    f"{en}, budget execution {line.name}",
                    line.source,
                ),
                line.score,
                line.weight,
            )
            for i, line in enumerate(table.funds)
            if line.score is not None and line.weight is not None
        ]
        for location, score, weight in scored:
            yield Observation(
                outcome=Outcome.EXACT if Decimal(0) <= score <= weight else Outcome.INCONSISTENT,
                location=location,
                params={"score": f"{score.normalize():f}", "weight": f"{weight.normalize():f}"},
                formula="0 ≤ 得分 ≤ 分值",
            )


def _group_complete(table: PerformanceTable, kind: IndicatorKind) -> bool:
    """Whether the indicators of ``kind`` all stand in the text: the table ends where it says,
    or indicators of another kind follow them."""
    if table.complete:
        return True
    kinds = [i.kind for i in table.indicators]
    if kind not in kinds:
        return False
    last = len(kinds) - 1 - kinds[::-1].index(kind)
    return any(k is not kind for k in kinds[last + 1 :])


def _fund_weight(table: PerformanceTable) -> Decimal | None:
    """The weight of budget execution: on the funds' first line, else as the table states it."""
    for line in table.funds:
        if not line.part and line.weight is not None:
            return line.weight
    for stated in table.weights:
        if stated.part == "funds":
            return stated.weight
    return None


def _sum_observation(
    location: Location, total: Decimal, parts: Sequence[tuple[str, Decimal]], formula: str
) -> Observation:
    verdict = check_sum(Stated(_exact(total)), [Stated(_exact(v)) for _, v in parts])
    return Observation(
        outcome=verdict.outcome,
        location=location,
        verdict=verdict,
        scale=Scale.count(),
        params={
            "total": _show(_exact(total)),
            "computed": _show(verdict.computed),
            "parts": " + ".join(_show(_exact(v)) for _, v in parts) or "0",
        },
        formula=formula,
    )


def _weights(budget: DepartmentBudget) -> Iterator[Observation]:
    """The weights of a performance table add up: 绩效指标权重 = Σ 一级指标权重 = Σ 三级指标分值,
    each 一级指标 = Σ its 三级指标, and 合计 = 预算执行分值 + 绩效指标分值.

    Why: weights that do not add up mean a line was left out or mistyped; a sum is checked only
    where the table states every indicator it needs, not where the text stops. Exact.
    Example: 绩效指标 80 = 产出指标 40 + 效益指标 30 + 满意度指标 10; 合计 100 = 20 + 80.
    """
    for path, zh, en, table in tables_of(budget):
        weighted = [i for i in table.indicators if i.weight is not None]
        all_weighted = bool(table.indicators) and len(weighted) == len(table.indicators)
        stated_kinds = {w.part: w for w in table.weights if w.part not in ("indicators", "funds")}
        indicators_weight: Decimal | None = None
        for number, stated in enumerate(table.weights):
            location = Location(
                f"{path}/weights/{number}",
                f"{zh} {stated.name}权重（{stated.weight.normalize():f}分）",
                f"{en}, the weight of {stated.name} ({stated.weight.normalize():f})",
                table.source,
            )
            if stated.part == "indicators":
                indicators_weight = stated.weight
                if stated_kinds:
                    yield _sum_observation(
                        location,
                        stated.weight,
                        [(w.name, w.weight) for w in stated_kinds.values()],
                        "绩效指标权重 = Σ 各一级指标权重",
                    )
                if table.complete and all_weighted:
                    yield _sum_observation(
                        location,
                        stated.weight,
                        [(i.name, i.weight) for i in weighted if i.weight is not None],
                        "绩效指标权重 = Σ 各三级指标分值",
                    )
            elif stated.part == "funds":
                line = next((f for f in table.funds if not f.part and f.weight is not None), None)
                if line is not None and line.weight is not None:
                    yield _sum_observation(
                        location,
                        stated.weight,
                        [(line.name, line.weight)],
                        "预算执行权重 = 资金总额行的分值",
                    )
            else:
                kind = IndicatorKind(stated.part)
                group = [i for i in table.indicators if i.kind is kind]
                if (
                    group
                    and _group_complete(table, kind)
                    and all(i.weight is not None for i in group)
                ):
                    yield _sum_observation(
                        location,
                        stated.weight,
                        [(i.name, i.weight) for i in group if i.weight is not None],
                        f"{stated.name}权重 = Σ 其三级指标分值",
                    )
        if table.total_weight is None:
            continue
        funds = _fund_weight(table)
        if indicators_weight is None and table.complete and all_weighted:
            indicators_weight = sum(
                (i.weight for i in weighted if i.weight is not None), Decimal(0)
            )
        if funds is None or indicators_weight is None:
            continue  # the table's funds part (or its indicators) is not in the text
        yield _sum_observation(
            Location(f"{path}/total_weight", f"{zh} 合计分值", f"{en}, total weight", table.source),
            table.total_weight,
            [("预算执行", funds), ("绩效指标", indicators_weight)],
            "合计分值 = 预算执行分值 + 绩效指标分值",
        )


def _total_score(budget: DepartmentBudget) -> Iterator[Observation]:
    """A complete self-evaluation's 总分 = 预算执行得分 + Σ the indicators' scores.

    Why: the total score is the figure a 绩效自评 reports; scores that do not add up to it mean a
    line was left out or mistyped. Checked only when every indicator is scored; exact.
    Example: 预算执行得分 18 + 指标得分 40 + 25 + 9 = 总分 92.
    """
    for path, zh, en, table in tables_of(budget):
        if table.total_score is None or not table.complete or table.title is None:
            continue
        if not table.indicators or any(i.score is None for i in table.indicators):
            continue
        parts = [
            (line.name, line.score)
            for line in table.funds
            if not line.part and line.score is not None
        ][:1]
        parts += [(i.name, i.score) for i in table.indicators if i.score is not None]
        yield _sum_observation(
            Location(f"{path}/total_score", f"{zh} 总分", f"{en}, total score", table.source),
            table.total_score,
            parts,
            "总分 = 预算执行得分 + Σ 各指标得分",
        )


def _fen(value: Amount, half: int | Fraction) -> Stated:
    return Stated(value.fen, half)


def _fund_places(
    budget: DepartmentBudget,
) -> Iterator[tuple[str, str, str, Sequence[FundLine]]]:
    """The fund lines of each table, and those the report's sentences state."""
    for path, zh, en, table in tables_of(budget):
        yield path, zh, en, table.funds
    if budget.performance is not None and budget.performance.funds:
        yield "/performance", "绩效报告", "performance report", budget.performance.funds


def _rates(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each stated 执行率 = 全年执行数 ÷ 全年预算数 (else 年初预算数) × 100, at its decimals.

    Why: a rate on the wrong budget or a mistyped amount shows here; the rate passes against
    either budget, within the figures' rounding range. A zero budget has no rate.
    Example: 全年预算数 80、全年执行数 76，执行率 95.00% holds.
    """
    performance = budget.performance
    if performance is None or not (performance.tables or performance.funds):
        return  # no fund lines: nothing to scale
    half = budget.precision.half_width_fen
    scale = Scale.money(budget.precision)
    for path, zh, en, funds in _fund_places(budget):
        for index, line in enumerate(funds):
            if line.rate is None or line.executed is None:
                continue
            tried: list[Observation] = []
            for base, base_zh, base_en in (
                (line.full_year, "全年预算数", "full-year budget"),
                (line.initial, "年初预算数", "initial budget"),
            ):
                if base is None or base.fen == 0:
                    continue  # no budget: a rate of it is undefined (0.00% or blank is written)
                computed = ratio_range(_fen(line.executed, half), _fen(base, half))
                if computed is None:
                    continue
                observation = percent_observation(
                    location=Location(
                        f"{path}/funds/{index}/rate",
                        f"{zh} “{line.name}”执行率",
                        f"{en}, execution rate of {line.name}",
                        line.source,
                    ),
                    percent=line.rate,
                    computed=computed,
                    magnitude=False,
                    formula=f"执行率 = 全年执行数 ÷ {base_zh} × 100%",
                    params={
                        "base_zh": base_zh,
                        "base_en": base_en,
                        "executed": scale.show(line.executed.fen),
                        "base": scale.show(base.fen),
                    },
                )
                if observation.outcome is not Outcome.INCONSISTENT:
                    tried = [observation]
                    break
                tried.append(observation)
            if tried:
                yield tried[0]


_FUND_COLUMNS: Final = (
    ("initial", "年初预算数", "initial budget"),
    ("full_year", "全年预算数", "full-year budget"),
    ("executed", "全年执行数", "amount executed"),
)


def _fund_runs(funds: Sequence[FundLine]) -> Iterator[tuple[int, FundLine, list[FundLine]]]:
    """Each line followed by parts, with its parts."""
    index = 0
    while index < len(funds):
        line = funds[index]
        parts: list[FundLine] = []
        end = index + 1
        while end < len(funds) and funds[end].part:
            parts.append(funds[end])
            end += 1
        if not line.part and parts:
            yield index, line, parts
        index = end


def _fund_parts(budget: DepartmentBudget) -> Iterator[Observation]:
    """A performance table's fund line equals the sum of its 其中 lines (财政拨款, 财政专户管理资金,
    单位资金, 其他资金), in each column (年初预算数, 全年预算数, 全年执行数).

    Why: the funds part of a 绩效表 is copied by hand; a part mistyped shows as the gap, and a
    gap within the amounts' rounding passes.
    Example: 资金总额 80 = 财政拨款 70 + 其他资金 10 (年初预算数).
    """
    if budget.performance is None or not budget.performance.tables:
        return
    half = budget.precision.half_width_fen
    scale = Scale.money(budget.precision)
    for path, zh, en, table in tables_of(budget):
        for index, line, parts in _fund_runs(table.funds):
            for column, column_zh, column_en in _FUND_COLUMNS:
                total: Amount | None = getattr(line, column)
                stated = [
                    (p.name, getattr(p, column)) for p in parts if getattr(p, column) is not None
                ]
                if total is None or not stated:
                    continue
                verdict = check_sum(_fen(total, half), [_fen(v, half) for _, v in stated])
                yield Observation(
                    outcome=verdict.outcome,
                    location=Location(
                        f"{path}/funds/{index}/{column}",
                        f"{zh} “{line.name}”{column_zh}",
                        f"{en}, {column_en} of {line.name}",
                        line.source,
                    ),
                    verdict=verdict,
                    scale=scale,
                    params={
                        "total": scale.show(total.fen),
                        "computed": scale.show(verdict.computed),
                        "parts": "、".join(name for name, _ in stated),
                    },
                    formula=f"{line.name} = Σ 其中各项（{column_zh}）",
                )


def _project_counts(budget: DepartmentBudget) -> Iterator[Observation]:
    """The projects a performance report carries out = those of the initial budget + those added
    during the year (实施项目个数 = 年初批复 + 年中增加).

    Why: the counts are exact, so any gap is a miscount or a project left out of the text.
    Example: 实施项目共 9 个 = 年初批复 5 个 + 年中增加 4 个; “共 10 个” fails.
    """
    if budget.performance is None:
        return
    for index, count in enumerate(budget.performance.project_counts):
        if count.initial is None or count.added is None:
            continue
        verdict = check_sum(Stated(count.total), [Stated(count.initial), Stated(count.added)])
        yield Observation(
            outcome=verdict.outcome,
            location=Location(
                f"/performance/project_counts/{index}",
                "绩效报告实施项目个数",
                "the number of projects of the performance report",
                count.source,
            ),
            verdict=verdict,
            scale=Scale.count(),
            params={
                "total": str(count.total),
                "initial": str(count.initial),
                "added": str(count.added),
                "computed": str(count.initial + count.added),
            },
            formula="实施项目个数 = 年初批复项目个数 + 年中增加项目个数",
        )


RULES: Final = (
    Rule(
        id="PRF001",
        family="performance",
        severity=Severity.WARNING,
        title_zh="每个绩效目标都有产出、效益和满意度指标",
        title_en="Every performance goal has output, effect and satisfaction indicators",
        message_zh="{where}：缺少{missing_zh}",
        message_en="{where}: missing {missing_en} indicators",
        formula="绩效目标 ⊇ {产出指标, 效益指标, 满意度指标}",
        check=deferring(_kinds),
        example="目标“接待群众来访”有产出、效益和满意度指标",
    ),
    Rule(
        id="PRF002",
        family="performance",
        severity=Severity.ERROR,
        title_zh="比率和满意度目标在 0～100% 之间且可以达到",
        title_en="Rate and satisfaction targets lie within 0-100% and can be met",
        message_zh="{where}：目标“{target}”",
        message_en="{where}: target “{target}”",
        formula="0% ≤ 比率/满意度目标 ≤ 100%，且不写“大于 100%”",
        check=deferring(_range),
        example="满意度“大于 90%”在 0～100% 之间；“大于 100%”的比率目标无法达到",
    ),
    Rule(
        id="PRF003",
        family="performance",
        severity=Severity.WARNING,
        title_zh="指标目标写明数值和计量单位",
        title_en="An indicator's target states a number and a unit",
        message_zh="{where}：目标“{target}”缺少{lacking_zh}",
        message_en="{where}: the target “{target}” lacks {lacking_en}",
        formula="目标 = [比较方式] + 数值 + 计量单位；未写比较方式时按“达到”理解",
        check=deferring(_parsed),
        example="“完成上级交办案件大于 110 件”写明了数值和单位",
    ),
    Rule(
        id="PRF004",
        family="performance",
        severity=Severity.ERROR,
        title_zh="绩效表中得分不超过分值",
        title_en="In a performance table a score never exceeds its weight",
        message_zh="{where}：得分 {score} 超过分值 {weight}（或为负）",
        message_en="{where}: the score {score} exceeds the weight {weight} (or is negative)",
        formula="0 ≤ 得分 ≤ 分值（权重）",
        check=_scores,
        example="分值 4 的指标得分 4（一致）；分值 10 的预算执行得分 12 无法成立",
    ),
    Rule(
        id="PRF005",
        family="performance",
        severity=Severity.ERROR,
        title_zh="绩效表各部分的权重相加等于所写的权重和合计",
        title_en="The weights of a performance table add up to the weights it states and to its total",
        message_zh="{where}：写明 {total} 分，各项相加（{parts}）为 {computed} 分",
        message_en="{where}: stated {total}, the parts ({parts}) add up to {computed}",
        formula="绩效指标权重 = Σ 一级指标权重 = Σ 三级指标分值；合计 = 预算执行分值 + 绩效指标分值",
        check=_weights,
        example="绩效指标（权重分值90分，其中产出指标50分，效益指标30分，满意度指标10分）：50 + 30 + 10 = 90（一致）",
    ),
    Rule(
        id="PRF006",
        family="performance",
        severity=Severity.ERROR,
        title_zh="绩效自评总分等于各项得分之和",
        title_en="A self-evaluation's total score is the sum of its scores",
        message_zh="{where}：写明总分 {total}，各项得分相加（{parts}）为 {computed}",
        message_en="{where}: stated total score {total}, the scores ({parts}) add up to {computed}",
        formula="总分 = 预算执行得分 + Σ 各指标得分",
        check=_total_score,
        example="预算执行得分 10，指标得分 55 与 30，总分写 95（一致）",
    ),
    Rule(
        id="PRF007",
        family="performance",
        severity=Severity.ERROR,
        title_zh="预算执行率等于执行数除以预算数",
        title_en="A stated execution rate equals the amount executed over the budget",
        message_zh="{where}：写明执行率 {stated}%，按执行数 {executed}、{base_zh} {base} 计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated execution rate {stated}%; executed {executed} over the {base_en} {base} gives {computed}% (rounding range {low}% to {high}%)",
        formula="执行率 = 全年执行数 ÷ 全年预算数（调整后预算数，否则年初预算数）× 100%，按所写小数位",
        check=_rates,
        example="调整后预算数 186.40、预算执行数 179.25，执行率 96.16%（一致）；预算数为 0 时不计算",
    ),
    Rule(
        id="PRF008",
        family="performance",
        severity=Severity.ERROR,
        title_zh="绩效表资金总额等于其中各项之和",
        title_en="A performance table's total funds equal the sum of their parts",
        message_zh="{where}：写明 {total}{unit}，其中各项（{parts}）相加为 {computed}{unit}",
        message_en="{where}: stated {total} {unit}, the parts ({parts}) add up to {computed} {unit}",
        formula="资金总额 = 财政拨款（财政资金）+ 财政专户管理资金 + 单位资金 + 其他资金，逐列核对",
        check=_fund_parts,
        example="资金总额 3 万元，其中财政拨款 3 万元、其他资金 0（一致）",
    ),
    Rule(
        id="PRF009",
        family="performance",
        severity=Severity.ERROR,
        title_zh="实施项目个数等于年初项目与年中增加项目之和",
        title_en="The projects carried out are those of the initial budget plus those added",
        message_zh="{where}：写明共 {total} 个，年初 {initial} 个与年中增加 {added} 个相加为 {computed} 个",
        message_en="{where}: stated {total} in all; {initial} at the start of the year and {added} added make {computed}",
        formula="实施项目个数 = 年初批复项目个数 + 年中增加项目个数",
        check=_project_counts,
        example="实施项目共 12 个，年初批复 6 个，年中增加 7 个：6 + 7 = 13",
    ),
)
