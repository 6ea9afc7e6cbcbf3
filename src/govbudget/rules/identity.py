"""身份: a disclosure names its unit and its year.

A narrative excerpt may name neither. It is still checked like any other document; this rule
says once that the unit or the year is not named, so that a reader of the report knows why the
code tables (which need the year) were not consulted and which document the findings are about.
"""

from __future__ import annotations

from typing import Final

from govbudget.model import DepartmentBudget
from govbudget.rounding import Outcome
from govbudget.rules.base import Location, Observation, Record, Rule, Severity, deferring, observe

__all__ = ["RULES"]


#: Where a document that names both is checked (the same place for every document).
_NAMED: Final = Location("/year", "文件", "document")


def _named(budget: DepartmentBudget) -> tuple[Record, ...]:
    """The document names its department (部门（单位）名称) and its year (年度).

    Why: a report must be tied to one unit and year, and the codes are checked against that
    year's 科目表; a narrative excerpt often names neither, so this is a warning, given once.
    Example: an excerpt that says only "“三公”经费 9.5 万元" is flagged 未写明部门（单位）名称和年度.
    """
    if budget.department is not None and budget.year is not None:
        return ((observe, Outcome.EXACT, _NAMED),)
    missing = [
        (zh, en)
        for value, zh, en in (
            (budget.department, "部门（单位）名称", "the department (unit)"),
            (budget.year, "年度", "the year"),
        )
        if value is None
    ]
    location = Location("/department" if budget.department is None else "/year", "文件", "document")
    return (
        Observation(
            outcome=Outcome.INCONSISTENT,
            location=location,
            params={
                "missing_zh": "和".join(zh for zh, _ in missing),
                "missing_en": " and ".join(en for _, en in missing),
            },
        ),
    )


RULES: Final = (
    Rule(
        id="IDN001",
        family="identity",
        severity=Severity.WARNING,
        title_zh="文件写明部门（单位）名称和年度",
        title_en="The document names its department (unit) and year",
        message_zh="{where}未写明{missing_zh}：报告无法对应到具体单位和年度，编码未按年度科目表核对"
        "（可用 --department / --year 指定）",
        message_en="the {where} does not name {missing_en}: the report cannot be tied to a unit and"
        " year, and codes were not checked against the year's table (give --department / --year)",
        formula="department ≠ None ∧ year ≠ None",
        check=deferring(_named),
        example="a 三公 excerpt that names no unit: 未写明部门（单位）名称",
    ),
)
