"""绩效目标: each goal has output, effect and satisfaction indicators; targets are sound."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from govbudget.model import Comparator, DepartmentBudget, Goal, GoalKind, Indicator, IndicatorKind
from govbudget.rounding import Outcome
from govbudget.rules.base import Diagnosis, Location, Observation, Rule, Severity

__all__ = ["RULES", "goals_of"]

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

    def names(goal: Goal, owner_zh: str = "", owner_en: str = "") -> tuple[str, str]:
        number = "" if goal.number is None else f" {goal.number}"
        title = f"：{goal.name}" if goal.name else ""
        title_en = f": {goal.name}" if goal.name else ""
        return (
            f"{owner_zh}{_GOAL_ZH[goal.kind]}{number}{title}",
            f"{owner_en}{_GOAL_EN[goal.kind]}{number}{title_en}",
        )

    if budget.performance is not None:
        for part in ("long_term", "annual"):
            for index, goal in enumerate(getattr(budget.performance, part)):
                yield (f"/performance/{part}/{index}", *names(goal), goal)
    for p, project in enumerate(budget.projects):
        for index, goal in enumerate(project.goals):
            zh, en = names(goal, f"重点项目“{project.name}”", f"key project {project.name}, ")
            yield f"/projects/{p}/goals/{index}", zh, en, goal


def _kinds(budget: DepartmentBudget) -> Iterator[Observation]:
    for path, zh, en, goal in goals_of(budget):
        present = {i.kind for i in goal.indicators}
        missing = [k for k in _REQUIRED if k not in present]
        yield Observation(
            outcome=Outcome.INCONSISTENT if missing else Outcome.EXACT,
            location=Location(path, zh, en),
            params={
                "missing_zh": "、".join(_KIND_ZH[k] for k in missing) or "无",
                "missing_en": ", ".join(k.value for k in missing) or "none",
            },
        )


def _indicators(budget: DepartmentBudget) -> Iterator[tuple[Location, Indicator]]:
    for path, zh, en, goal in goals_of(budget):
        for index, indicator in enumerate(goal.indicators):
            yield (
                Location(
                    f"{path}/indicators/{index}",
                    f"{zh} {_KIND_ZH[indicator.kind]}“{indicator.name}”",
                    f"{en}, {indicator.kind.value} indicator {indicator.name}",
                    indicator.source,
                ),
                indicator,
            )


#: Words naming a percent that may exceed 100 (a growth or increase, not a share of a whole).
_GROWTH: Final = ("增长", "增幅", "增加", "提高", "提升", "同比", "环比", "倍")


def _is_rate(indicator: Indicator) -> bool:
    """A satisfaction, or a percent of a whole (完成率, 覆盖率 …) that cannot pass 100%."""
    if indicator.kind is IndicatorKind.SATISFACTION:
        return True
    return indicator.unit in ("%", "％") and not any(w in indicator.name for w in _GROWTH)


def _range(budget: DepartmentBudget) -> Iterator[Observation]:
    for location, indicator in _indicators(budget):
        if not _is_rate(indicator) or indicator.target is None:
            continue
        target = indicator.target
        problem: Diagnosis | None = None
        if not Decimal(0) <= target <= Decimal(100):
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
        yield Observation(
            outcome=Outcome.INCONSISTENT if problem else Outcome.EXACT,
            location=location,
            params={"target": f"{indicator.comparator or ''}{target}{indicator.unit or ''}"},
            diagnosis=problem,
        )


def _parsed(budget: DepartmentBudget) -> Iterator[Observation]:
    for location, indicator in _indicators(budget):
        lacking_zh: list[str] = []
        lacking_en: list[str] = []
        if indicator.target is None:
            lacking_zh.append("数值")
            lacking_en.append("a number")
        if not indicator.unit:
            lacking_zh.append("计量单位")
            lacking_en.append("a unit")
        target = f"{indicator.comparator or ''}{'' if indicator.target is None else indicator.target}{indicator.unit or ''}"
        yield Observation(
            outcome=Outcome.INCONSISTENT if lacking_zh else Outcome.EXACT,
            location=location,
            params={
                "target": target or "—",
                "lacking_zh": "、".join(lacking_zh) or "无",
                "lacking_en": ", ".join(lacking_en) or "nothing",
            },
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
        check=_kinds,
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
        check=_range,
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
        check=_parsed,
        example="“完成上级交办案件大于 110 件”写明了数值和单位",
    ),
)
