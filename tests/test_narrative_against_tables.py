"""The narrative's figures read into their own places and checked against the tables.

Each narrative here is written for the test, in the phrasing families of 部门决算 情况说明:
a figure the narrative states that a table also states is compared with the table's cell.
"""

from __future__ import annotations

from attrs import evolve

from govbudget import DepartmentBudget, Severity, validate, wan
from govbudget.figure import Figure
from govbudget.model import Appropriation, Kind
from govbudget.narrative import read_narrative
from govbudget.rounding import Outcome
from govbudget.tables.model import Column, Row, Table, TableKind

HEAD = "某某区档案馆2024年度部门决算\n"


def test_the_appropriation_grand_total_has_its_own_place() -> None:
    text = (
        HEAD + "二、收入决算情况说明\n"
        "本年收入合计600.00万元，其中：财政拨款收入580.00万元，占96.67%；其他收入20.00万元，"
        "占3.33%。\n"
        "四、财政拨款收入支出决算总体情况说明\n"
        "某某区档案馆2024年度财政拨款收入支出总计590.00万元。与2023年度相比，财政拨款收入支出"
        "总计增加40.00万元，增长7.27%。主要原因是编制内人员增加。\n"
    )
    budget = read_narrative(text).budget
    assert budget.income is not None
    assert budget.income.appropriation is not None
    assert budget.income.appropriation.amount == wan("580")
    assert budget.income.appropriation.change is None
    assert budget.appropriation is not None
    assert budget.appropriation.grand_total is not None
    total = budget.appropriation.grand_total
    assert total.amount == wan("590")
    assert total.change is not None
    assert total.change.value == wan("40")
    assert total.percent is not None
    assert str(total.percent.value) == "7.27"
    # 40 ÷ (590 − 40) = 7.27%: no error; against 580 it would have been 7.41%
    checks = validate(budget, select=["YOY002"]).checks
    assert [(c.location.path, c.outcome) for c in checks] == [
        ("/appropriation/grand_total/percent", Outcome.EXACT)
    ]


def _appropriation_summary(income: str, spending: str) -> Table:
    return Table(
        title="财政拨款收入支出决算总表",
        kind=TableKind.FINAL_APPROPRIATION,
        unit_line="单位：万元",
        pages=(5,),
        columns=(Column("金额", side="收入"), Column("合计", side="支出")),
        rows=(
            Row(name="一般公共预算财政拨款", side="收入", values=(wan("560"), None)),
            Row(name="年初财政拨款结转和结余", side="收入", values=(wan("30"), None)),
            Row(name="总计", side="收入", values=(wan(income), None)),
            Row(name="本年支出合计", side="支出", values=(None, wan("575"))),
            Row(name="年末财政拨款结转和结余", side="支出", values=(None, wan("15"))),
            Row(name="总计", side="支出", values=(None, wan(spending))),
        ),
    )


def test_the_appropriation_grand_total_against_the_appropriation_summary() -> None:
    total = Figure(amount=wan("590"), source="d.pdf p. 12")
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        appropriation=Appropriation(grand_total=total),
        tables=(_appropriation_summary("590", "590"),),
    )
    checks = validate(budget, select=["TAB006"]).checks
    assert [c.outcome for c in checks] == [Outcome.EXACT, Outcome.EXACT]
    wrong = evolve(budget, tables=(_appropriation_summary("590", "599"),))
    (bad,) = [
        c for c in validate(wrong, select=["TAB006"]).checks if c.outcome is Outcome.INCONSISTENT
    ]
    assert bad.severity is Severity.ERROR
    assert "说明（第12页）中的财政拨款收入支出总计 = 财政拨款收入支出决算总表" in bad.message("zh")
