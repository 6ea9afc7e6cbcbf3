"""Cross-section: a figure stated in two places agrees with itself.

- a key project's amount equals the same project's line in 项目支出 (found by name);
- 住房公积金 (economic 30113) fits within 住房改革支出 (function 22102, or 221);
- when all spending is funded by general public budget appropriations, the
  expenditure section and the appropriation section state the same figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Project
from govbudget.money import Amount
from govbudget.rounding import Stated, check_equal
from govbudget.rules._facts import trees_of
from govbudget.rules._support import (
    COLUMNS,
    Column,
    at_most,
    equal_relation,
    money,
    place,
)
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring
from govbudget.rules.three_public import (
    all_appropriation,
    amount_fen,
    spending_line,
    spending_lines,
)
from govbudget.tree import Node, lines, walk

__all__ = ["RULES", "same_name"]

_NOISE: Final = re.compile(r"[\s、，,。.·（）()“”\"'《》【】\-—_/]+")


def _name_key(name: str) -> str:
    """A published name without punctuation and a trailing 项目: what :func:`same_name` compares."""
    stripped = _NOISE.sub("", name)
    return stripped[:-2] if stripped.endswith("项目") and len(stripped) > 2 else stripped


def same_name(a: str, b: str) -> bool:
    """Whether two published names name the same project (ignoring punctuation and 项目).

    >>> same_name("信访劝返维稳经费", "信访劝返、维稳经费"), same_name("信访解难资金项目", "信访解难资金")
    (True, True)
    """
    return _name_key(a) == _name_key(b)


#: An uncoded (project) line of a classification tree: the tree's path, its roots, the line.
_Line = tuple[str, tuple[Node, ...], Node]


def _project_lines(budget: DepartmentBudget, keys: set[str]) -> dict[str, _Line]:
    """For each name key of ``keys``, the first uncoded line of the classification trees (in
    walk order) whose name has that key; the walk stops once every key is found."""
    found: dict[str, _Line] = {}
    wanted = len(keys)
    for tree_path, _zh, _en, roots in trees_of(budget):
        for node in lines(roots):
            if node.code is None:
                key = _name_key(node.name)
                if key in keys and key not in found:
                    found[key] = (tree_path, roots, node)
                    if len(found) == wanted:
                        return found
    return found


def _projects(budget: DepartmentBudget) -> Iterator[Record]:
    """Each key project's (重点项目) amount equals the first uncoded (project) line of the same
    name in the classification trees (names compared without punctuation and a trailing 项目).

    Why: the project text and the project table state one figure twice; a gap means one was
    updated and the other not. A gap within the two figures' rounding passes.
    Example: 重点项目“社区服务经费” 25 = 项目支出表“社区服务经费项目” 25.
    """
    stated = [
        (index, project, _name_key(project.name))
        for index, project in enumerate(budget.projects)
        if project.amount is not None and project.amount.amount is not None
    ]
    if not stated:
        return
    lines = _project_lines(budget, {key for _, _, key in stated})
    for index, project, key in stated:
        line = lines.get(key)
        if line is None:
            continue
        assert project.amount is not None
        first, second = amount_fen(project.amount), amount_fen(line[2])
        if first is None or second is None:
            continue  # nothing to compare
        if first == second:
            yield (_observe_project, budget, index, project, line)
        elif (observation := _observe_project(budget, index, project, line)) is not None:
            yield observation


def _observe_project(
    budget: DepartmentBudget, index: int, project: Project, line: _Line
) -> Observation | None:
    """XS001's check of the key project at ``index`` against its line in the trees."""
    tree_path, roots, node = line
    keys = next(keys for keys, n in walk(roots) if n is node)
    path = f"{tree_path}/{'/'.join(keys)}"
    return equal_relation(
        budget,
        location=place(
            f"/projects/{index}/amount",
            f"重点项目“{project.name}”与{path}",
            f"key project {project.name} and {path}",
            project.amount,
        ),
        first=project.amount,
        second=node,
        formula="重点项目金额 = 项目支出中的同名项目",
    )


def _housing(budget: DepartmentBudget) -> Iterator[Record]:
    """经济分类 30113 住房公积金 ≤ 功能分类 22102 住房改革支出 (or 221 住房保障支出).

    Why: the housing fund is paid from the housing reform class, so more than it suggests a
    misclassified line; some units book it elsewhere, so it is only a warning.
    Example: 30113 住房公积金 6.4 ≤ 22102 住房改革支出 9.6 holds.
    """
    if budget.expenditure is None:
        return
    fund = spending_line(budget, "by_economic", "30113")
    if fund is None:
        return
    classes = spending_lines(budget, "by_function")
    reform = classes.get("22102") or classes.get("221")
    if reform is None:
        return
    part, whole = amount_fen(fund), amount_fen(reform)
    if part is None or whole is None:
        return  # nothing to compare
    if part <= whole:
        yield (_observe_housing, budget, fund, reform)
    elif (observation := _observe_housing(budget, fund, reform)) is not None:
        yield observation


def _observe_housing(budget: DepartmentBudget, fund: Node, reform: Node) -> Observation | None:
    """XS002's check of 30113 住房公积金 ``fund`` against the housing class ``reform``."""
    return at_most(
        budget,
        location=place(
            "/expenditure/by_economic/30113",
            f"经济分类 30113 住房公积金与功能分类 {reform.label}",
            f"economic 30113 housing fund and function {reform.label}",
            fund,
        ),
        part=fund,
        whole=reform,
        severity=Severity.WARNING,
        formula=f"住房公积金（30113）≤ {reform.label}",
    )


def _sections(budget: DepartmentBudget) -> Iterator[Record]:
    """When all spending is general public appropriation, the 支出 figures (支出合计, 基本支出,
    项目支出, 人员经费, 公用经费) equal the 一般公共预算财政拨款 ones, in each column and change.

    Why: the two tables then state the same figures, and a gap means one table was not updated;
    checked only when all income is 财政拨款 with nothing carried over and no other fund.
    Example: 支出合计 150 = 一般公共预算财政拨款支出 150; 基本支出 95 = 95.
    """
    spending, appropriation = budget.expenditure, budget.appropriation
    if spending is None or appropriation is None or appropriation.general_public is None:
        return
    if not all_appropriation(budget) or not _only_general_public(budget):
        return
    block = appropriation.general_public
    pairs: tuple[tuple[str, str, Figure | None, Figure | None], ...] = (
        ("total", "支出合计", spending.total or spending.grand_total, block.total),
        ("basic", "基本支出", spending.basic, block.basic),
        ("project", "项目支出", spending.project, block.project),
        ("personnel", "人员经费", spending.personnel, block.personnel),
        ("public", "公用经费", spending.public, block.public),
    )
    for name, zh, first, second in pairs:
        if first is None or second is None:
            continue
        # column_value of each column, the four read in one call each (a stated none is zero
        # this year); the fen compared from Amount's slot (Amount.fen is a Python property).
        firsts, seconds = _IN_COLUMNS(first), _IN_COLUMNS(second)
        if first.none_stated:
            firsts = (_ZERO, *firsts[1:])
        if second.none_stated:
            seconds = (_ZERO, *seconds[1:])
        for column, a, b in zip(COLUMNS, firsts, seconds, strict=True):
            if a is None or b is None:
                continue  # nothing to compare
            if a._fen == b._fen:
                yield (_observe_section, budget, name, zh, first, second, column)
            elif (
                observation := _observe_section(budget, name, zh, first, second, column)
            ) is not None:
                yield observation
        one, other = first.change, second.change
        if one is not None and other is not None:
            if one.value is None or other.value is None:
                continue
            if one.signed_fen == other.signed_fen:
                yield (_observe_section_change, budget, name, zh, first, second)
            else:
                yield _observe_section_change(budget, name, zh, first, second)


#: A figure's amount in each column of :data:`COLUMNS`, in their order, in one call.
_IN_COLUMNS: Final = attrgetter(*COLUMNS)
_ZERO: Final = Amount.from_fen(0)


def _section_names(name: str, zh: str) -> tuple[str, str]:
    return (
        f"支出预算与一般公共预算财政拨款支出：{zh}",
        f"expenditure and general public budget spending: {name}",
    )


def _observe_section(
    budget: DepartmentBudget, name: str, zh: str, first: Figure, second: Figure, column: Column
) -> Observation | None:
    """XS003's check of the figure ``name`` in the two sections, in ``column``."""
    where_zh, where_en = _section_names(name, zh)
    return equal_relation(
        budget,
        location=place(f"/appropriation/general_public/{name}", where_zh, where_en, second, column),
        first=first,
        second=second,
        column=column,
        formula=f"全部支出由一般公共预算拨款安排时，{zh}两处所写相同",
    )


def _observe_section_change(
    budget: DepartmentBudget, name: str, zh: str, first: Figure, second: Figure
) -> Observation:
    """XS003's check of the change of the figure ``name`` in the two sections."""
    assert first.change is not None
    assert second.change is not None
    where_zh, where_en = _section_names(name, zh)
    half = budget.precision_of(first).half_width_fen
    verdict = check_equal(
        Stated(first.change.signed.fen, half), Stated(second.change.signed.fen, half)
    )
    return Observation(
        outcome=verdict.outcome,
        location=place(
            f"/appropriation/general_public/{name}/change",
            where_zh + "（增减）",
            where_en + " (change)",
            second,
        ),
        verdict=verdict,
        scale=money(budget, first),
        formula=f"{zh}的增减两处所写相同",
    )


def _only_general_public(budget: DepartmentBudget) -> bool:
    appropriation = budget.appropriation
    assert appropriation is not None
    for fund in (appropriation.government_fund, appropriation.state_capital):
        if fund is None:
            continue
        total = fund.total
        if total is not None and not total.none_stated and total.amount:
            return False
    return True


_EQUAL_ZH: Final = "{where}：两处分别写 {stated}{unit} 与 {computed}{unit}"
_EQUAL_EN: Final = "{where}: one place states {stated} {unit}, the other {computed} {unit}"

RULES: Final = (
    Rule(
        id="XS001",
        family="cross",
        severity=Severity.ERROR,
        title_zh="重点项目金额与项目支出中的同一项目一致",
        title_en="A key project's amount equals the same project in project expenditure",
        message_zh=_EQUAL_ZH,
        message_en=_EQUAL_EN,
        formula="重点项目金额 = 项目支出（或经济分类明细）中名称相同的项目",
        check=deferring(_projects),
        example="重点项目“信访解难资金项目”10 万元 = 其他支出中的“信访解难资金”10 万元",
    ),
    Rule(
        id="XS002",
        family="cross",
        severity=Severity.WARNING,
        title_zh="住房公积金不超过住房改革支出",
        title_en="The housing provident fund fits within housing reform spending",
        message_zh="{where}：功能分类 {stated}{unit}，住房公积金 {computed}{unit}",
        message_en="{where}: function class {stated} {unit}, housing provident fund {computed} {unit}",
        formula="经济分类 30113 住房公积金 ≤ 功能分类 22102 住房改革支出（无款级时用 221）",
        check=deferring(_housing),
        example="经济分类 30113 住房公积金 22.32 ≤ 功能分类 221 住房保障支出 22.32",
    ),
    Rule(
        id="XS003",
        family="cross",
        severity=Severity.ERROR,
        title_zh="同一数字在支出预算与财政拨款支出两处一致",
        title_en="The same figure agrees in the expenditure and appropriation sections",
        message_zh=_EQUAL_ZH,
        message_en=_EQUAL_EN,
        formula="全部收入为一般公共预算财政拨款时：支出合计、基本支出、项目支出（及其上年数、增减）两处相同",
        check=deferring(_sections),
        example="全部为一般公共预算拨款时，支出总计 425.23 = 一般公共预算财政拨款支出 425.23",
    ),
)
