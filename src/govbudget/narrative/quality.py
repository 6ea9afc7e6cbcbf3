"""Warnings about the disclosure itself, found while reading it.

- ``copied-indicators``: a goal whose 效益 (effect) indicators are all 产出
  (output) indicators copied unchanged, and goals that share every indicator;
- ``project-not-in-spending``: a key project of the performance part that
  has no line, hence no amount, in the itemised 项目支出;
- ``missing-section``: a part the standard 部门预算 narrative has (see
  :data:`~govbudget.narrative.sections.REQUIRED`) that a complete narrative —
  one with 第一部分, 第二部分 … parts — lacks.

Indicators without a number or unit, and figures stated twice with different
values, are warned about where they are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final, TypeAlias

from govbudget.model import Goal, GoalKind, IndicatorKind, Kind, Performance, Project
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.sections import REQUIRED, Section
from govbudget.tree import Node

__all__ = ["copied_indicators", "missing_sections", "unmatched_projects"]

_Signature: TypeAlias = tuple[tuple[str, str | None, Decimal | None, str | None], ...]


def _signature(goal: Goal, kind: IndicatorKind | None = None) -> _Signature:
    return tuple(
        (i.name, i.comparator, i.target, i.unit)
        for i in goal.indicators
        if kind is None or i.kind is kind
    )


def _goal_label(goal: Goal, project: str | None) -> tuple[str, str]:
    if project is not None:
        return f"重点项目“{project}”的绩效目标", f"the goal of key project {project}"
    names = {
        GoalKind.LONG_TERM: ("长期目标", "long-term goal"),
        GoalKind.ANNUAL: ("年度目标", "annual goal"),
    }
    zh, en = names.get(goal.kind, ("绩效目标", "goal"))
    number = f" {goal.number}" if goal.number is not None else ""
    return f"{zh}{number}", f"{en}{number}"


def _all_goals(
    performance: Performance | None, projects: Sequence[Project]
) -> list[tuple[Goal, str | None, str]]:
    goals: list[tuple[Goal, str | None, str]] = []
    if performance is not None:
        for i, goal in enumerate(performance.long_term):
            goals.append((goal, None, f"/performance/long_term/{i}"))
        for i, goal in enumerate(performance.annual):
            goals.append((goal, None, f"/performance/annual/{i}"))
    for p, project in enumerate(projects):
        for i, goal in enumerate(project.goals):
            goals.append((goal, project.name, f"/projects/{p}/goals/{i}"))
    return goals


def copied_indicators(
    ledger: Ledger, performance: Performance | None, projects: Sequence[Project]
) -> None:
    """Warn about effect indicators copied from the output ones, and goals sharing all indicators."""
    goals = _all_goals(performance, projects)
    copied = [
        (goal, project, path)
        for goal, project, path in goals
        if (effect := _signature(goal, IndicatorKind.EFFECT))
        and all(indicator in _signature(goal, IndicatorKind.OUTPUT) for indicator in effect)
    ]
    if copied:
        labels = [_goal_label(goal, project) for goal, project, _ in copied]
        ledger.warn(
            "copied-indicators",
            f"{len(copied)} 个绩效目标的效益指标全部照搬自产出指标（效益指标应说明产出带来的效果）："
            + "、".join(zh for zh, _ in labels),
            f"{len(copied)} goals have effect indicators that are all output indicators copied"
            " unchanged: " + "; ".join(en for _, en in labels),
            ledger.places.get(copied[0][2]),
            ", ".join(path for _, _, path in copied),
        )
    groups: dict[_Signature, list[tuple[Goal, str | None, str]]] = {}
    for entry in goals:
        signature = _signature(entry[0])
        if signature:
            groups.setdefault(signature, []).append(entry)
    for members in groups.values():
        if len(members) < 2:
            continue
        labels = [_goal_label(goal, project) for goal, project, _ in members]
        paths = ", ".join(path for _, _, path in members)
        ledger.warn(
            "copied-indicators",
            "以下绩效目标的指标逐项相同：" + "、".join(zh for zh, _ in labels),
            "these goals have the same indicators, item for item: "
            + "; ".join(en for _, en in labels),
            ledger.places.get(members[1][2]),
            paths,
        )


_NAME_NOISE: Final = re.compile(r"[、，,\s“”\"（）()·]|项目$|资金$|经费$")


def _project_key(name: str) -> str:
    previous = None
    while previous != name:
        previous = name
        name = _NAME_NOISE.sub("", name)
    return name


def unmatched_projects(
    ledger: Ledger, projects: Sequence[Project], economic: Sequence[Node]
) -> None:
    """Warn about key projects with no named amount in the project spending lines."""
    lines = [n for root in economic for n in (root, *root.children) if n.code is None]
    keys = [_project_key(n.name) for n in lines if n.amount is not None]
    for index, project in enumerate(projects):
        key = _project_key(project.name)
        if key and any(other and (key in other or other in key) for other in keys):
            continue
        path = f"/projects/{index}"
        ledger.warn(
            "project-not-in-spending",
            f"重点项目“{project.name}”在项目支出中找不到对应的金额",
            f"key project {project.name!r} has no matching amount in the project spending",
            ledger.places.get(path),
            path,
        )


_PART: Final = re.compile(r"第[一二三四五六七八九十]+部分")


def missing_sections(ledger: Ledger, sections: Sequence[Section], kind: Kind) -> None:
    """Warn about standard parts a complete 部门预算 narrative lacks."""
    text = ledger.text.text
    parts = sum(1 for s in sections if s.heading >= 0 and _PART.match(text, s.heading))
    if kind is not Kind.BUDGET or parts < 2:
        return
    present = {s.kind for s in sections}
    for required in REQUIRED:
        if required not in present:
            ledger.warn(
                "missing-section",
                f"缺少部门预算公开说明应有的部分：{required.zh}",
                f"the narrative lacks a part a department budget narrative has: {required.zh}",
                None,
                None,
            )
