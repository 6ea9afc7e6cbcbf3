"""The narrative's figures read into their own places and checked against the tables.

Each narrative here is written for the test, in the phrasing families of 部门决算 情况说明:
a figure the narrative states that a table also states is compared with the table's cell.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from attrs import evolve

from govbudget import DepartmentBudget, Severity, validate, wan
from govbudget.figure import Figure, pct
from govbudget.io.disclosure import read_document
from govbudget.model import Appropriation, Kind
from govbudget.narrative import read_narrative
from govbudget.rounding import Outcome
from govbudget.table import Column, Row, Table, TableKind
from govbudget.tree import walk

from .disclosure_factory import Disclosure, make_final
from .word_pdf import render_word_pdf

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


GENERAL_PUBLIC = (
    HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
    "（二）一般公共预算财政拨款支出决算结构情况\n"
    "一般公共预算财政拨款支出560.00万元，主要用于以下方面：一般公共服务支出（类）400.00万元，"
    "占71.43%；社会保障和就业支出（类）100.00万元，占17.86%；住房保障支出（类）60.00万元，"
    "占10.71%。\n"
    "（三）一般公共预算财政拨款支出决算具体情况\n"
    "一般公共预算财政拨款支出年初预算为550.00万元，支出决算为560.00万元，完成年初预算的"
    "101.82%。决算数大于预算数的主要原因是追加了项目经费。其中：\n"
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。主要用于机关正常运转。年初预算为"
    "300.00万元，支出决算为310.00万元，完成年初预算的103.33%。决算数大于预算数的主要原因是"
    "人员调入。\n"
    "2、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
    "主要用于缴纳养老保险。年初预算为60.00万元，支出决算为60.00万元，完成年初预算的100%。\n"
)


def test_class_and_item_lines_without_codes_are_read_into_the_general_public_tree() -> None:
    extraction = read_narrative(GENERAL_PUBLIC)
    assert extraction.summary.not_understood == 0
    budget = extraction.budget
    assert budget.appropriation is not None
    found = {
        path: (node.amount, node.budget_initial, node.share)
        for path, node in walk(budget.appropriation.by_function)
    }
    # the class by its official name; 款 and 项 by code where the code table names them
    assert found == {
        ("201",): (wan("400"), None, pct("71.43")),
        ("201", "档案事务"): (None, None, None),
        ("201", "档案事务", "行政运行"): (wan("310"), wan("300"), None),
        ("208",): (wan("100"), None, pct("17.86")),
        ("208", "20805"): (None, None, None),
        ("208", "20805", "2080505"): (wan("60"), wan("60"), None),
        ("221",): (wan("60"), None, pct("10.71")),
    }
    assert budget.statements == ()
    report = validate(budget)
    assert [f.message("zh") for f in report.findings if f.severity is Severity.ERROR] == []


def _general_public_table(administration: str) -> Table:
    return Table(
        title="一般公共预算财政拨款支出决算表",
        kind=TableKind.FINAL_GENERAL_PUBLIC,
        unit_line="单位：万元",
        pages=(7,),
        columns=(Column("合计"), Column("基本支出"), Column("项目支出")),
        rows=(
            Row(name="合计", values=(wan("560"), wan("450"), wan("110"))),
            Row(code="201", name="一般公共服务支出", values=(wan("400"), None, None)),
            Row(code="20126", name="档案事务", values=(wan("400"), None, None)),
            Row(code="2012601", name="行政运行", values=(wan(administration), None, None)),
            Row(code="2012602", name="一般行政管理事务", values=(wan("90"), None, None)),
            Row(code="208", name="社会保障和就业支出", values=(wan("100"), None, None)),
            Row(code="221", name="住房保障支出", values=(wan("60"), None, None)),
        ),
    )


def test_class_and_item_lines_without_codes_against_the_general_public_table() -> None:
    budget = read_narrative(GENERAL_PUBLIC).budget
    right = evolve(budget, tables=(_general_public_table("310"),))
    checks = [c for c in validate(right, select=["TAB006"]).checks if "行政运行" in c.message("zh")]
    assert [c.outcome for c in checks] == [Outcome.EXACT]
    wrong = evolve(budget, tables=(_general_public_table("301"),))
    (bad,) = [
        c for c in validate(wrong, select=["TAB006"]).checks if c.outcome is Outcome.INCONSISTENT
    ]
    assert bad.severity is Severity.ERROR
    assert "行政运行" in bad.message("zh")
    assert "2012601" in bad.message("zh")


def _structure(doc: Disclosure, wrong_item: str | None = None) -> Disclosure:
    """``doc`` with a general public part that names its classes and items without codes,
    each figure the table's (the first item's 决算 written ``wrong_item`` when given)."""
    general = doc.sheet("一般公共预算财政拨款支出决算表")
    coded = [(row[0] or "", row[1] or "", row[2] or "") for row in general.rows if row[0]]
    names = {code: name for code, name, _ in coded}
    classes = [f"{name}（类）{total}万元" for code, name, total in coded if len(code) == 3]
    items = [
        f"{n}、{names[code[:3]]}（类）{names[code[:5]]}（款）{name}（项）。主要用于日常运转。"
        f"支出决算为{wrong_item if n == 1 and wrong_item else total}万元。"
        for n, (code, name, total) in enumerate(
            [line for line in coded if len(line[0]) == 7][:3], 1
        )
    ]
    part = (
        "五、一般公共预算财政拨款支出决算情况说明",
        "一般公共预算财政拨款支出主要用于以下方面：" + "；".join(classes) + "。",
        "其中：",
        *items,
    )
    return replace(doc, narrative=(*doc.narrative, *part))


def test_class_and_item_lines_of_a_pdf_against_its_tables(tmp_path: Path) -> None:
    doc = _structure(make_final(lines=5))
    read = read_document(render_word_pdf(doc, tmp_path / "right.pdf").path)
    assert read.extraction is not None
    assert read.extraction.summary.not_understood == 0
    assert read.budget.appropriation is not None
    lines = [node for _, node in walk(read.budget.appropriation.by_function)]
    # 201, 208, 210 and 221, and the five items: three named with their 类 and 款 here, and
    # all five by 项 alone in the execution part the Word-like rendering adds
    assert len([n for n in lines if n.amount is not None]) == 4 + 5
    checks = [
        c
        for c in validate(read.budget, select=["TAB006"]).checks
        if c.message("zh").startswith("一般公共预算财政拨款支出决算表")
    ]
    assert len(checks) == 4 + 5
    assert {c.outcome for c in checks} == {Outcome.EXACT}
    wrong = _structure(make_final(lines=5), wrong_item="1.00")
    read = read_document(render_word_pdf(wrong, tmp_path / "wrong.pdf").path)
    (bad,) = [
        f for f in validate(read.budget, select=["TAB006"]).findings if f.severity is Severity.ERROR
    ]
    assert "行政运行" in bad.message("zh")
    assert "说明（第" in bad.message("zh")


def test_only_a_class_named_as_the_code_table_names_it_is_read_into_the_tree() -> None:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        "一般公共预算财政拨款支出70.00万元，全部用于一般公共服务支出（类）50.00万元，"
        "占71.43%；档案保护专项支出（类）20.00万元，占28.57%。\n"
    )
    budget = read_narrative(text).budget
    assert budget.appropriation is not None
    assert [(n.code, n.name, n.amount) for n in budget.appropriation.by_function] == [
        ("201", "一般公共服务支出", wan("50"))
    ]
    # the other line is no class of the code table: not made one
    assert all(n.code is None for _, n in walk(budget.statements))


BASIC = (
    HEAD + "六、一般公共预算财政拨款基本支出决算情况说明\n"
    "一般公共预算财政拨款基本支出450.00万元。其中：人员经费400.00万元，主要包括基本工资、"
    "津贴补贴；公用经费50.00万元，主要包括办公费、水电费。\n"
)


def test_the_general_public_basic_spending_and_its_parts_land_in_the_general_public_block() -> None:
    budget = read_narrative(BASIC).budget
    assert budget.expenditure is None
    assert budget.appropriation is not None
    block = budget.appropriation.general_public
    assert block is not None
    assert [f.amount if f else None for f in (block.basic, block.personnel, block.public)] == [
        wan("450"),
        wan("400"),
        wan("50"),
    ]
    # and checked as the general public budget's: against the basic table, an error
    table = Table(
        title="一般公共预算财政拨款基本支出决算表",
        kind=TableKind.FINAL_GENERAL_PUBLIC_BASIC,
        unit_line="单位：万元",
        pages=(9,),
        columns=(Column("决算数"),),
        rows=(
            Row(name="人员经费合计", values=(wan("400"),)),
            Row(name="公用经费合计", values=(wan("55"),)),
        ),
    )
    (wrong,) = [
        c
        for c in validate(evolve(budget, tables=(table,)), select=["TAB006"]).checks
        if c.outcome is Outcome.INCONSISTENT
    ]
    assert wrong.severity is Severity.ERROR
    assert "公用经费合计" in wrong.message("zh")


def _spending_summary(spending: str, *, grand: str | None = None) -> Table:
    """A 收入支出决算总表 stating only 本年支出合计 (and 支出总计 when ``grand`` is given)."""
    rows = [Row(name="本年支出合计", side="支出", values=(None, wan(spending)))]
    if grand is not None:
        rows.append(Row(name="总计", side="支出", values=(None, wan(grand))))
    return Table(
        title="收入支出决算总表",
        kind=TableKind.FINAL_SUMMARY,
        unit_line="单位：万元",
        pages=(4,),
        columns=(Column("决算数", side="收入"), Column("决算数", side="支出")),
        rows=tuple(rows),
    )


def _shares(first: str, table: Table) -> list[tuple[str, Outcome, Severity]]:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        f"主要用于以下方面：一般公共服务支出（类）400.00万元，占{first}%；"
        "社会保障和就业支出（类）100.00万元，占17.86%；住房保障支出（类）60.00万元，占10.71%。\n"
    )
    budget = evolve(read_narrative(text).budget, tables=(table,))
    return [
        (c.location.path, c.outcome, c.severity) for c in validate(budget, select=["TAB012"]).checks
    ]


def test_class_shares_are_recomputed_from_the_general_public_table() -> None:
    table = _general_public_table("310")
    assert _shares("71.43", table) == [
        ("/appropriation/by_function/201/share", Outcome.EXACT, Severity.INFO),
        ("/appropriation/by_function/208/share", Outcome.EXACT, Severity.INFO),
        ("/appropriation/by_function/221/share", Outcome.EXACT, Severity.INFO),
    ]
    # 400 ÷ 560 is 71.43%, not 71.73%
    assert _shares("71.73", table)[0] == (
        "/appropriation/by_function/201/share",
        Outcome.INCONSISTENT,
        Severity.ERROR,
    )
    # the class's part of all funds' 本年支出合计 (800) instead: another whole, a warning
    summary = _spending_summary("800")
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        "主要用于以下方面：一般公共服务支出（类）400.00万元，占50%。\n"
    )
    budget = evolve(read_narrative(text).budget, tables=(table, summary))
    (other,) = [
        c
        for c in validate(budget, select=["TAB012"]).checks
        if c.location.path.endswith("201/share")
    ]
    assert (other.outcome, other.severity) == (Outcome.INCONSISTENT, Severity.WARNING)
    assert "按收入支出决算总表·本年支出合计" in other.message("zh")


def _one_item_table(budget_column: str, budgeted: str) -> Table:
    """A general public table of one item, 行政运行, 310 万元 spent against ``budgeted``."""
    lines = (("201", "一般公共服务支出"), ("20126", "档案事务"), ("2012601", "行政运行"))
    return Table(
        title="一般公共预算财政拨款支出决算表",
        kind=TableKind.FINAL_GENERAL_PUBLIC,
        unit_line="单位：万元",
        pages=(7,),
        columns=(Column(budget_column), Column("决算数")),
        rows=(
            Row(name="合计", values=(wan(budgeted), wan("310"))),
            *(Row(code=c, name=n, values=(wan(budgeted), wan("310"))) for c, n in lines),
        ),
    )


def _item_budget(budget_column: str, initial: str) -> list[tuple[str, Outcome, Severity]]:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。主要用于机关运转。支出决算为"
        "310.00万元。决算数大于预算数的主要原因是人员调入。\n"
    )
    budget = evolve(read_narrative(text).budget, tables=(_one_item_table(budget_column, initial),))
    return [
        (c.location.path, c.outcome, c.severity) for c in validate(budget, select=["TAB015"]).checks
    ]


def test_an_items_budget_wording_against_the_tables_budget_column() -> None:
    path = "/appropriation/by_function/201/档案事务/行政运行/budget/direction"
    assert _item_budget("年初预算数", "300") == [(path, Outcome.EXACT, Severity.INFO)]
    # 大于 where the table's 年初预算数 is above the final figure: the word contradicts them
    assert _item_budget("年初预算数", "320") == [(path, Outcome.INCONSISTENT, Severity.ERROR)]
    # a 全年预算数 column may not be the budget the narrative means: a warning
    assert _item_budget("全年预算数", "320") == [(path, Outcome.INCONSISTENT, Severity.WARNING)]


def test_an_items_budget_and_final_figure_against_a_table_with_those_columns() -> None:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为300.00万元，支出决算为"
        "310.00万元，完成年初预算的103.33%。\n"
    )
    budget = evolve(read_narrative(text).budget, tables=(_one_item_table("年初预算数", "302"),))
    checks = [
        (c.message("zh").split("，")[1], c.outcome)
        for c in validate(budget, select=["TAB006"]).checks
    ]
    assert checks == [
        ("2012601 行政运行 行", Outcome.EXACT),  # the 决算数
        ("2012601 行政运行 行", Outcome.INCONSISTENT),  # 300 against the table's 302
    ]


def _total_share(share: str) -> list[tuple[Outcome, Severity]]:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        f"一般公共预算财政拨款支出560.00万元，占本年支出合计的{share}%。\n"
    )
    tables = (_general_public_table("310"), _spending_summary("575", grand="800"))
    budget = evolve(read_narrative(text).budget, tables=tables)
    return [
        (c.outcome, c.severity)
        for c in validate(budget, select=["TAB012"]).checks
        if c.location.path == "/appropriation/general_public/total/share"
    ]


def test_the_general_public_spendings_share_is_recomputed_from_the_tables() -> None:
    assert _total_share("97.39") == [(Outcome.EXACT, Severity.INFO)]  # 560 ÷ 575
    assert _total_share("79.39") == [(Outcome.INCONSISTENT, Severity.ERROR)]
    # 560 ÷ 800, the 支出总计: another whole than the template's, a warning
    assert _total_share("70") == [(Outcome.INCONSISTENT, Severity.WARNING)]


ITEM_ALONE = (
    HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
    "行政运行（项）：年初预算为300.00万元，支出决算为310.00万元，完成年初预算的103.33%。"
    "决算数大于年初预算数的主要原因是人员调入。\n"
)
PRINTED = (
    ("201", "一般公共服务支出"),
    ("20126", "档案事务"),
    ("2012601", "行政运行"),
    ("2012602", "一般行政管理事务"),
)


def test_an_item_named_alone_is_placed_where_its_table_prints_the_one_item_so_named() -> None:
    extraction = read_narrative(ITEM_ALONE, function_lines=PRINTED)
    assert extraction.summary.not_understood == 0
    budget = extraction.budget
    assert budget.appropriation is not None
    found = {
        p: (n.name, n.amount, n.budget_initial) for p, n in walk(budget.appropriation.by_function)
    }
    assert found == {
        ("201",): ("一般公共服务支出", None, None),
        ("201", "20126"): ("档案事务", None, None),
        ("201", "20126", "2012601"): ("行政运行", wan("310"), wan("300")),
    }
    # a 行政运行 under two 款 of the table: which one is not known, so the line is not placed
    twice = (*PRINTED, ("20103", "政府办公厅（室）及相关机构事务"), ("2010301", "行政运行"))
    unplaced = read_narrative(ITEM_ALONE, function_lines=twice)
    assert unplaced.budget.appropriation is None or not unplaced.budget.appropriation.by_function
    # nor without the table
    assert read_narrative(ITEM_ALONE).summary.not_understood == 3


def test_the_appropriation_grand_total_in_other_words() -> None:
    for phrase in (
        "财政拨款收支总计",
        "财政拨款收入、支出总计",
        "财政拨款收入和支出决算总计",
        "财政拨款收支总决算",
    ):
        text = f"{HEAD}四、财政拨款收入支出决算总体情况说明\n2024年度{phrase}88.50万元，较上年减少1.50万元。\n"
        budget = read_narrative(text).budget
        assert budget.income is None, phrase
        assert budget.appropriation is not None, phrase
        assert budget.appropriation.grand_total is not None, phrase
        assert budget.appropriation.grand_total.amount == wan("88.5"), phrase


def test_an_items_flat_wording_against_the_tables_budget_column() -> None:
    text = (
        HEAD + "五、一般公共预算财政拨款支出决算情况说明\n"
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。支出决算为310.00万元，"
        "决算数与年初预算数持平。\n"
    )
    flat = [
        (c.outcome, c.severity)
        for table in (_one_item_table("年初预算数", "310"), _one_item_table("年初预算数", "300"))
        for c in validate(
            evolve(read_narrative(text).budget, tables=(table,)), select=["TAB015"]
        ).checks
    ]
    assert flat == [(Outcome.EXACT, Severity.INFO), (Outcome.INCONSISTENT, Severity.ERROR)]


def test_a_list_of_the_main_classes_ending_in_etc_adds_up_to_at_most_the_total() -> None:
    part = (
        "五、一般公共预算财政拨款支出决算情况说明\n2024年度一般公共预算财政拨款支出1,000.00万元，"
        "主要用于以下方面：教育支出（类）800.00万元，占80%；社会保障和就业支出（类）100.00万元，"
        "占10%{end}\n"
    )
    some = read_narrative(part.format(end="等。"), department="某局", year=2024).budget
    assert some.appropriation is not None
    assert some.appropriation.function_partial
    assert [c.outcome for c in validate(some, select=["APP005"]).checks] == [Outcome.EXACT]
    every = read_narrative(part.format(end="。"), department="某局", year=2024).budget
    assert every.appropriation is not None
    assert not every.appropriation.function_partial
    assert [c.outcome for c in validate(every, select=["APP005"]).checks] == [Outcome.INCONSISTENT]
