"""Cross-section: a figure stated in two places agrees with itself.

- a key project's amount equals the same project's line in 项目支出 (found by name);
- 住房公积金 (economic 30113) fits within 住房改革支出 (function 22102, or 221);
- when all spending is funded by general public budget appropriations, the
  expenditure section and the appropriation section state the same figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.rounding import Stated, check_equal
from govbudget.rules._facts import _all_appropriation, trees_of
from govbudget.rules._support import (
    COLUMNS,
    at_most,
    equal_relation,
    money,
    place,
)
from govbudget.rules.base import Observation, Rule, Severity
from govbudget.tree import Node, find, walk

__all__ = ["RULES", "same_name"]

_NOISE: Final = re.compile(r"[\s、，,。.·（）()“”\"'《》【】\-—_/]+")


def same_name(a: str, b: str) -> bool:
    """Whether two published names name the same project (ignoring punctuation and 项目).

    >>> same_name("信访劝返维稳经费", "信访劝返、维稳经费"), same_name("信访解难资金项目", "信访解难资金")
    (True, True)
    """

    def key(name: str) -> str:
        stripped = _NOISE.sub("", name)
        return stripped[:-2] if stripped.endswith("项目") and len(stripped) > 2 else stripped

    return key(a) == key(b)


def _project_lines(budget: DepartmentBudget) -> list[tuple[str, Node]]:
    lines = []
    for tree_path, _zh, _en, roots in trees_of(budget):
        for keys, node in walk(roots):
            if node.code is None:
                lines.append((f"{tree_path}/{'/'.join(keys)}", node))
    return lines


def _projects(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each key project's (重点项目) amount equals the first uncoded (project) line of the same
    name in the classification trees (names compared without punctuation and a trailing 项目).

    Why: the project text and the project table state one figure twice; a gap means one was
    updated and the other not. A gap within the two figures' rounding passes.
    Example: 重点项目“社区服务经费” 25 = 项目支出表“社区服务经费项目” 25.
    """
    lines = _project_lines(budget)
    for index, project in enumerate(budget.projects):
        if project.amount is None or project.amount.amount is None:
            continue
        matches = [(path, node) for path, node in lines if same_name(node.name, project.name)]
        for path, node in matches[:1]:
            observation = equal_relation(
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
            if observation is not None:
                yield observation


def _housing(budget: DepartmentBudget) -> Iterator[Observation]:
    """经济分类 30113 住房公积金 ≤ 功能分类 22102 住房改革支出 (or 221 住房保障支出).

    Why: the housing fund is paid from the housing reform class, so more than it suggests a
    misclassified line; some units book it elsewhere, so it is only a warning.
    Example: 30113 住房公积金 6.4 ≤ 22102 住房改革支出 9.6 holds.
    """
    spending = budget.expenditure
    if spending is None:
        return
    fund = find(spending.by_economic, "30113")
    reform = find(spending.by_function, "22102") or find(spending.by_function, "221")
    if fund is None or reform is None:
        return
    observation = at_most(
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
    if observation is not None:
        yield observation


def _sections(budget: DepartmentBudget) -> Iterator[Observation]:
    """When all spending is general public appropriation, the 支出 figures (支出合计, 基本支出,
    项目支出, 人员经费, 公用经费) equal the 一般公共预算财政拨款 ones, in each column and change.

    Why: the two tables then state the same figures, and a gap means one table was not updated;
    checked only when all income is 财政拨款 with nothing carried over and no other fund.
    Example: 支出合计 150 = 一般公共预算财政拨款支出 150; 基本支出 95 = 95.
    """
    spending, appropriation = budget.expenditure, budget.appropriation
    if spending is None or appropriation is None or appropriation.general_public is None:
        return
    if not _all_appropriation(budget) or not _only_general_public(budget):
        return
    block = appropriation.general_public
    pairs: list[tuple[str, str, Figure | None, Figure | None]] = [
        ("total", "支出合计", spending.total or spending.grand_total, block.total),
        ("basic", "基本支出", spending.basic, block.basic),
        ("project", "项目支出", spending.project, block.project),
        ("personnel", "人员经费", spending.personnel, block.personnel),
        ("public", "公用经费", spending.public, block.public),
    ]
    for name, zh, first, second in pairs:
        if first is None or second is None:
            continue
        where_zh = f"支出预算与一般公共预算财政拨款支出：{zh}"
        where_en = f"expenditure and general public budget spending: {name}"
        for column in COLUMNS:
            observation = equal_relation(
                budget,
                location=place(
                    f"/appropriation/general_public/{name}", where_zh, where_en, second, column
                ),
                first=first,
                second=second,
                column=column,
                formula=f"全部支出由一般公共预算拨款安排时，{zh}两处所写相同",
            )
            if observation is not None:
                yield observation
        if first.change is not None and second.change is not None:
            if first.change.value is None or second.change.value is None:
                continue
            half = budget.precision_of(first).half_width_fen
            verdict = check_equal(
                Stated(first.change.signed.fen, half), Stated(second.change.signed.fen, half)
            )
            yield Observation(
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
        check=_projects,
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
        check=_housing,
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
        check=_sections,
        example="全部为一般公共预算拨款时，支出总计 425.23 = 一般公共预算财政拨款支出 425.23",
    ),
)
