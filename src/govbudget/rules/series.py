"""跨年核对: a unit's documents checked against each other, across years.

These rules compare two documents of one unit — a 2025 budget's 上年数 with the
2024 budget, a 2024 决算's 年初预算数 with the 2024 budget — or say what keeps
documents from being compared (a gap in the years, a unit renamed, a document
that names no unit or year). They are declared here like every rule, with
stable ids and messages in both languages, so that ``govbudget rules`` and the
docs list them; :func:`govbudget.series.check_series` runs them over a set of
documents. One budget alone has nothing to compare, so their check functions,
which :func:`govbudget.validate` calls with one budget, find nothing.

Message templates take, besides the usual keys, ``later``/``earlier`` (the two
documents with the place of the figure in each: "2025年部门预算（a.json p. 3）") and
``later_en``/``earlier_en`` ("the 2025 budget (a.json p. 3)").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rules.base import Observation, Rule, Severity

__all__ = ["RULES"]


def _across_documents(budget: DepartmentBudget) -> Iterator[Observation]:
    """Nothing to check in one document: the 跨年 rules (SER001–SER008) compare a unit's
    documents with each other, run by :func:`govbudget.series.check_series`.

    Why: a figure restated from another year's document (上年数, 年初预算数, 年初结转和结余) must be
    what that document published; gaps in the years, renamed units, documents naming no unit or
    year, or twice, keep documents from being compared. Warnings where restatement is allowed.
    Example: a 2026 budget's 上年 支出合计 381.4 against 318.4 in the 2025 budget is flagged.
    """
    return iter(())


RULES: Final = (
    Rule(
        id="SER001",
        family="series",
        severity=Severity.WARNING,
        title_zh="预算所列上年数与上年部门预算一致",
        title_en="A budget's prior-year figure matches the prior year's budget",
        message_zh="{where}：{later}所列上年数 {stated}{unit}，{earlier}所列为 {computed}{unit}",
        message_en="{where}: {later_en} states {stated} {unit} for the prior year, {earlier_en}"
        " states {computed} {unit}",
        formula="预算(Y).上年数 = 预算(Y−1).本年数",
        check=_across_documents,
        example="the 2025 budget's 上年 income total 449.17 against 449.71 in the 2024 budget"
        " (a warning: the prior year may be restated on a comparable basis, 按可比口径)",
    ),
    Rule(
        id="SER002",
        family="series",
        severity=Severity.ERROR,
        title_zh="决算所列年初预算数与当年部门预算一致",
        title_en="A final account's initial budget matches that year's budget",
        message_zh="{where}：{later}所列年初预算数 {stated}{unit}，{earlier}所列为 {computed}{unit}",
        message_en="{where}: {later_en} states an initial budget of {stated} {unit}, {earlier_en}"
        " states {computed} {unit}",
        formula="决算(Y).年初预算数 = 预算(Y).本年数",
        check=_across_documents,
        example="the 2024 决算's 年初预算 for “三公”经费 12.5 against 12.05 in the 2024 budget",
    ),
    Rule(
        id="SER003",
        family="series",
        severity=Severity.WARNING,
        title_zh="决算所列上年数与上年部门决算一致",
        title_en="A final account's prior-year figure matches the prior year's final accounts",
        message_zh="{where}：{later}所列上年数 {stated}{unit}，{earlier}所列为 {computed}{unit}",
        message_en="{where}: {later_en} states {stated} {unit} for the prior year, {earlier_en}"
        " states {computed} {unit}",
        formula="决算(Y).上年数 = 决算(Y−1).本年数",
        check=_across_documents,
        example="the 2024 决算's 上年 expenditure against the 2023 决算's",
    ),
    Rule(
        id="SER004",
        family="series",
        severity=Severity.WARNING,
        title_zh="决算年初结转和结余与上年决算年末结转和结余一致",
        title_en="A final account's opening balance is the prior year's closing balance",
        message_zh="{where}：{later}所列年初结转和结余 {stated}{unit}，{earlier}所列年末结转和结余为"
        " {computed}{unit}",
        message_en="{where}: {later_en} states an opening balance of {stated} {unit}, {earlier_en}"
        " closed the year with {computed} {unit}",
        formula="决算(Y).年初结转和结余 = 决算(Y−1).年末结转和结余",
        check=_across_documents,
        example="a 年初结转和结余 of 35.5 after a 年末结转和结余 of 53.5 (a warning: 年初 balances"
        " may be adjusted)",
    ),
    Rule(
        id="SER005",
        family="series",
        severity=Severity.INFO,
        title_zh="同一单位各年度文件齐全",
        title_en="The unit's series of documents has no gap",
        message_zh="{where}：缺少 {missing_zh} 的文件，相邻年度的数字未能核对",
        message_en="{where}: no document for {missing_en}; the years beside them were not compared",
        formula="每一类文件（预算、决算）在首末年度之间逐年都有",
        check=_across_documents,
        example="budgets for 2021, 2022 and 2024: 缺少 2023年部门预算",
    ),
    Rule(
        id="SER006",
        family="series",
        severity=Severity.WARNING,
        title_zh="单位名称各年度一致（机构改革更名的不作同一单位核对）",
        title_en="The unit keeps its name (a unit renamed in a reorganisation is not compared)",
        message_zh="{where}：{other} 的名称与本单位只差机构类别（{this_suffix} / {other_suffix}），"
        "可能是机构改革更名，未作为同一单位核对",
        message_en="{where}: {other} differs from this unit only by the kind of body"
        " ({this_suffix} / {other_suffix}): perhaps renamed in a reorganisation; not compared"
        " as the same unit",
        formula="名称（全称/简称）相同才作同一单位；仅“局/委员会/中心…”不同者提示",
        check=_across_documents,
        example="某县发展和改革局 (2018) and 某县发展和改革委员会 (2020)",
    ),
    Rule(
        id="SER007",
        family="series",
        severity=Severity.WARNING,
        title_zh="文件写明单位和年度，可编入跨年序列",
        title_en="The document names its unit and year, so it can join a series",
        message_zh="{where}：未写明{missing_zh}，无法与其他年度的文件核对",
        message_en="{where}: names no {missing_en}, so it cannot be compared with other years'"
        " documents",
        formula="department ≠ None ∧ year ≠ None",
        check=_across_documents,
        example="a 三公 excerpt that names no unit",
    ),
    Rule(
        id="SER008",
        family="series",
        severity=Severity.WARNING,
        title_zh="同一单位同一年度同类文件只有一份",
        title_en="One document per unit, year and kind",
        message_zh="{where}：{year}年{kind_zh}有 {count} 份文件（{sources}），均作核对",
        message_en="{where}: {count} documents for the {year} {kind_en} ({sources}); each is"
        " compared",
        formula="每个单位每年每类文件一份",
        check=_across_documents,
        example="the 2024 budget twice, as PDF and as JSON",
    ),
)
