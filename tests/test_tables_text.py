"""Tables pasted into a narrative text (govbudget.tables.text), in each shape pages leave them.

The tables here are made up for the tests, in the layouts real pages use.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import read_narrative, validate, wan
from govbudget.figure import StatedChange, StatedPercent
from govbudget.model import Kind
from govbudget.narrative import Disposition
from govbudget.rules import Severity
from govbudget.table import TableKind
from govbudget.tables.text import find_pasted

K = TableKind

PIPED = """一、2023年度某局“三公”经费支出决算表
单位：万元
项 目 |
预 算 数 |
决 算 数 |
合 计 |
12.5 |
8.2 |
因公出国（境）费 |
|
|
公务接待费 |
4.5 |
3.1 |
公务用车购置及运行维护费 |
8 |
5.1 |
其中：公务用车运行维护费 |
8 |
5.1 |
公务用车购置费 |
二、2023年度“三公”经费支出情况说明
某局2023年度“三公”经费支出决算为8.2万元，完成预算的65.6%。
"""


def test_one_cell_per_line_ended_by_a_bar() -> None:
    found = find_pasted(PIPED)
    (table,) = found.tables
    assert table.kind is K.FINAL_THREE_PUBLIC
    assert [c.name for c in table.columns] == ["预算数", "决算数"]
    names = [r.name for r in table.rows]
    assert names[:3] == ["合计", "因公出国（境）费", "公务接待费"]
    assert table.rows[0].values == (wan("12.5"), wan("8.2"))
    assert table.rows[1].values == (None, None)  # blank cells stay blank
    assert names[-1] == "公务用车购置费"
    assert table.rows[-1].values == (None, None)
    assert table.line == 1
    assert table.rows[0].line == 7
    assert table.pasted
    assert table.where() == "一、2023年度某局“三公”经费支出决算表（第1行）"
    # every value's place in the text is known; the narrative after the table is not in it
    offset = PIPED.index("4.5 |")
    assert found.path_at(offset) == "/tables/0/rows/2/values/0"
    assert found.table_at(PIPED.index("完成预算")) is None


def test_bars_on_lines_of_their_own_and_a_wrapped_cell() -> None:
    text = "2024年“三公”经费预算表\n单位：万元\n项目\n|\n预算数\n|\n合计\n|\n6\n|\n公务\n接待费\n|\n6\n|\n因公出国（境）费\n|\n|\n"
    (table,) = find_pasted(text).tables
    assert table.kind is K.BUDGET_THREE_PUBLIC
    assert [(r.name, r.values) for r in table.rows] == [
        ("合计", (wan(6),)),
        ("公务接待费", (wan(6),)),
        ("因公出国（境）费", (None,)),
    ]


def test_one_cell_per_line_with_blank_lines_between_the_cells() -> None:
    # each cell followed by a blank line; an empty cell is one more blank line
    cells = [
        "项目",
        "预算数",
        "决算数",
        "合计",
        "9",
        "7",
        "公务接待费",
        "",
        "7",
        "公务用车运行维护费",
        "9",
        "",
    ]
    spaced = "".join(f"{c}\n\n" if c else "\n" for c in cells)
    text = "财政拨款“三公”经费支出决算表\n\n单位：万元\n\n" + spaced + "（二）说明。\n"
    (table,) = find_pasted(text).tables
    assert [(r.name, r.values) for r in table.rows] == [
        ("合计", (wan(9), wan(7))),
        ("公务接待费", (None, wan(7))),
        ("公务用车运行维护费", (wan(9), None)),
    ]


def test_a_header_with_sub_columns_and_one_row_of_values() -> None:
    lines = [
        "“三公”经费合计",
        "因公出国（境）费",
        "公务用车购置及运行费",
        "公务接待费",
        "小计",
        "公务用车购置费",
        "公务用车运行费",
        "20",
        "2",
        "12",
        "5",
        "7",
        "6",
    ]
    text = (
        "2025年一般公共预算“三公”经费支出预算表\n单位：万元\n"
        + "\n".join(lines)
        + "\n二、情况说明\n"
    )
    (table,) = find_pasted(text).tables
    assert [c.name for c in table.columns] == [
        "“三公”经费合计",
        "因公出国（境）费",
        "公务用车购置及运行费/小计",
        "公务用车购置及运行费/公务用车购置费",
        "公务用车购置及运行费/公务用车运行费",
        "公务接待费",
    ]
    assert table.rows[0].values == tuple(wan(v) for v in ("20", "2", "12", "5", "7", "6"))


def test_bar_separated_rows() -> None:
    text = (
        "某县2022年“三公”经费预算统计表 | | |\n单位：万元 | | |\n项目 | 本年预算数 | 备注 |\n"
        "合计 | 30 | |\n1、因公出国（境）费 | 0 | |\n2、公务接待费 | 10 | |\n3、公务用车费 | 20 | |\n"
        "增减情况说明：2022年度预算数为30万元。\n"
    )
    (table,) = find_pasted(text).tables
    assert [c.name for c in table.columns] == ["本年预算数", "备注"]
    assert [r.values[0] for r in table.rows] == [wan(30), wan(0), wan(10), wan(20)]


def test_columns_of_spaces() -> None:
    text = (
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目        预算数     决算数\n"
        "合计          10.00      8.00\n公务接待费    10.00      8.00\n（一）总体情况说明。\n"
    )
    (table,) = find_pasted(text).tables
    assert [(r.name, r.values) for r in table.rows] == [
        ("合计", (wan(10), wan(8))),
        ("公务接待费", (wan(10), wan(8))),
    ]


def test_a_two_sided_summary_with_line_numbers() -> None:
    cells = [
        "收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数",
        "一、财政拨款收入", "1", "100", "一、一般公共服务支出", "30", "80",
        "二、其他收入", "2", "", "二、教育支出", "31", "20",
        "本年收入合计", "3", "100", "本年支出合计", "32", "100",
    ]  # fmt: skip
    text = (
        "收入支出决算总表 |\n金额单位：万元 |\n"
        + "".join(f"{c} |\n" for c in cells)
        + "第三部分 情况说明\n"
    )
    (table,) = find_pasted(text).tables
    assert table.kind is K.FINAL_SUMMARY
    assert [(c.name, c.side) for c in table.columns] == [("决算数", "收入"), ("决算数", "支出")]
    spending = [r for r in table.rows if r.side == "支出"]
    assert [(r.name, r.values[1]) for r in spending] == [
        ("一、一般公共服务支出", wan(80)),
        ("二、教育支出", wan(20)),
        ("本年支出合计", wan(100)),
    ]
    # the 行次 numbers are no values
    found = find_pasted(text)
    assert found.path_at(text.index("31 |")) is None
    assert found.table_at(text.index("31 |")) == 0


def test_a_table_of_contents_is_no_table() -> None:
    text = "目录\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n第三部分 说明\n本单位收入合计10万元。\n"
    assert find_pasted(text).tables == ()


@pytest.mark.parametrize("text", ["", "合计 |\n", "单位：万元\n|\n|\n", "“三公”经费支出预算表\n"])
def test_fragments_find_nothing(text: str) -> None:
    assert find_pasted(text).tables == ()


def test_the_narrative_reader_keeps_the_table_and_accounts_for_its_numbers() -> None:
    text = "某局2023年度部门决算\n" + PIPED
    extraction = read_narrative(text, source="n.txt")
    budget = extraction.budget
    assert budget is not None
    (table,) = budget.tables
    assert table.kind is K.FINAL_THREE_PUBLIC
    uses = {(u.line, u.text): u for u in extraction.numbers}
    cell = uses[(8, "12.5")]
    assert cell.disposition is Disposition.MAPPED
    assert cell.path == "/tables/0/rows/0/values/0"
    # the year in the title is context, not a figure
    assert uses[(2, "2023")].disposition is Disposition.CONTEXT
    assert all(
        u.disposition is not Disposition.NOT_UNDERSTOOD for u in extraction.numbers if u.line <= 28
    )


# -- untitled “三公” grids, with their change and rate lines ---------------------------------------

#: Years as rows, a 增减% row, the vehicle costs under one header cell; no standard title.
BY_YEAR = """某区2024年“三公”经费决算公开说明
2024年度“三公”经费决算数120万元，其中：因公出国（境）费0万元，公务接待费40万元，公务用车购置及运行费81万元。
2024年与2023年对比
年份
|
合计
|
因公出国（境）费
|
公务接待费
|
公务用车购置及运行费
|
合计
|
购置
|
运行
|
2023年
|
150
|
10
|
40
|
100
|
30
|
70
|
2024年
|
120
|
0
|
40
|
80
|
20
|
60
|
2024年比2023年增减%
|
-20
|
-100
|
0
|
-20
|
-40
|
-14.29
|
"""


def test_an_untitled_three_public_grid_by_year_with_a_rate_row() -> None:
    found = find_pasted(BY_YEAR, kind=Kind.FINAL, year=2024)
    (table,) = found.tables
    assert table.kind is K.FINAL_THREE_PUBLIC
    assert table.title == "2024年与2023年对比"
    assert [c.name for c in table.columns] == [
        "合计",
        "因公出国（境）费",
        "公务接待费",
        "公务用车购置及运行费/合计",
        "公务用车购置及运行费/购置",
        "公务用车购置及运行费/运行",
    ]
    # the rates are no row of amounts: each is the percent of a statement of its column
    assert [r.name for r in table.rows] == ["2023年", "2024年"]
    rates = [(n.name.split("：")[1], n.amount, n.prior, n.percent) for n in found.statements]
    assert rates[4] == (
        "公务用车购置及运行费·购置",
        wan(20),
        wan(30),
        StatedPercent(Decimal("40"), "下降"),  # the sign is the direction
    )
    assert len(found.rates) == 6
    offset = BY_YEAR.index("-14.29")
    assert found.rate_at(offset, 3) == f"/statements/8/{found.statements[5].name}/percent"
    assert found.path_at(offset) is None


def test_the_rates_and_figures_of_an_untitled_grid_are_checked() -> None:
    extraction = read_narrative(BY_YEAR, source="y.txt")
    budget = extraction.budget
    assert all(u.disposition is not Disposition.NOT_UNDERSTOOD for u in extraction.numbers)
    errors = [f for f in validate(budget).findings if f.severity is Severity.ERROR]
    # 购置 is −33.33%, not the −40% printed; the text's 81 is the table's 80
    assert sorted(f.rule_id for f in errors) == ["TAB006", "YOY002"]
    rate = next(f for f in errors if f.rule_id == "YOY002")
    assert rate.figures()["stated"] == "40"
    assert "购置" in rate.location.path


def test_measures_as_rows_with_a_change_row_in_traditional_characters() -> None:
    cells = [
        "項目", "合計", "公務接待費", "公務用車運行費",
        "2024年預算數", "9.00", "4.00", "5.00",
        "2024年決算數", "8.50", "3.50", "5.00",
        "2023年決算數", "7.00", "3.00", "4.00",
        "決算對比", "1.50", "0.50", "2.00",
    ]  # fmt: skip
    text = (
        "2024年度某所部門決算\n（單位：萬元）\n"
        + "".join(f"{c} |\n" for c in cells)
        + "注：以上為財政撥款。\n"
    )
    extraction = read_narrative(text, source="t.txt")
    (table,) = extraction.budget.tables
    assert table.kind is K.FINAL_THREE_PUBLIC
    assert table.unit_line == "（单位：万元）"
    changes = [(n.name.split("：")[1], n.change) for n in extraction.budget.statements]
    assert changes[2] == ("公务用车运行费", StatedChange(wan(2)))
    errors = [f for f in validate(extraction.budget).findings if f.severity is Severity.ERROR]
    # 5.00 − 4.00 is 1.00, not the 2.00 printed (so the change row's parts no longer add up
    # to its 合计); the prior year's row is a cell, not a heading naming the wrong year
    found = sorted((f.rule_id, f.figures()["stated"]) for f in errors)
    assert found == [("TAB002", "1.5"), ("YOY001", "2")]


def test_a_rate_column_is_checked_against_its_row() -> None:
    text = (
        "2024年“三公”经费预算表\n单位：万元\n"
        "项目 | 2023年预算数 | 2024年预算数 | 增减额 | 增减率 |\n"
        "合计 | 50 | 40 | -10 | -20% |\n"
        "公务接待费 | 20 | 25 | 5 | 20% |\n"
        "公务用车运行维护费 | 30 | 15 | -15 | -50% |\n"
    )
    found = find_pasted(text, kind=Kind.BUDGET, year=2024)
    (table,) = found.tables
    assert [c.name for c in table.columns] == ["2023年预算数", "2024年预算数", "增减额"]
    lines = [(n.name.split("：")[1], n.change, n.percent) for n in found.statements]
    assert lines[1] == ("公务接待费", StatedChange(wan(5)), StatedPercent(Decimal("20")))
    assert len(found.rates) == 3


def test_a_grid_of_counts_is_no_three_public_table() -> None:
    text = "2024年“三公”经费使用情况\n项目 |\n数量 |\n因公出国（境）团组数 |\n2 |\n公务用车保有量 |\n5 |\n国内公务接待批次 |\n30 |\n"
    assert find_pasted(text, kind=Kind.FINAL).tables == ()


def test_a_table_of_no_standard_kind_is_read_without_a_kind_and_its_counts_left_out() -> None:
    # a corner cell the page left out, 数量 and 价值 over 年初 / 年末, a unit line among the cells
    cells = [
        "", "金额单位：万元", "", "数量", "价值", "年初", "年末", "年初", "年末",
        "一、资产总计", "——", "——", "50.5", "60",
        "（一）固定资产", "", "", "40", "45",
        "其中：车辆（辆）", "2", "3", "10.5", "15",
    ]  # fmt: skip
    text = "2024年度资产情况表\n" + "".join(f"{c}\n|\n" for c in cells) + "第三部分 说明\n"
    found = find_pasted(text, kind=Kind.FINAL)
    (table,) = found.tables
    assert table.kind is None
    assert table.title == "2024年度资产情况表"
    assert [c.name for c in table.columns] == ["年初", "年末"]
    assert [(r.name, r.values) for r in table.rows] == [
        ("一、资产总计", (wan("50.5"), wan(60))),
        ("（一）固定资产", (wan(40), wan(45))),
        ("其中：车辆（辆）", (wan("10.5"), wan(15))),
    ]
    # the counts are in the table, but no amounts
    assert found.table_at(text.index("3\n")) == 0
    assert found.path_at(text.index("3\n")) is None


def test_a_part_heading_is_no_title_of_its_own() -> None:
    text = (
        "第二部分 某局2024年度部门决算表\n收入决算表\n单位：万元\n"
        "项目 |\n金额 |\n合计 |\n5 |\n事业收入 |\n5 |\n"
    )
    (table,) = find_pasted(text).tables
    assert table.kind is K.FINAL_INCOME


def test_the_template_column_numbers_row_and_a_repeated_title() -> None:
    # a heading naming the table, then its title again; 栏次 | (blank) | 1 on each side
    cells = [
        "公开01表", "金额单位：万元", "收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额",
        "栏次", "", "1", "栏次", "", "2",
        "一、财政拨款收入", "1", "20", "一、教育支出", "21", "20",
    ]  # fmt: skip
    text = (
        "一、收入支出决算总表\n\n收入支出决算总表\n\n"
        + "".join(f"{c}\n\n" if c else "\n" for c in cells)
        + "第三部分 说明\n"
    )
    (table,) = find_pasted(text).tables
    assert table.kind is K.FINAL_SUMMARY
    assert [(r.name, r.side) for r in table.rows] == [
        ("一、财政拨款收入", "收入"),
        ("一、教育支出", "支出"),
    ]


def test_a_three_public_table_with_its_items_as_rows_adds_up() -> None:
    text = (
        "2024年“三公”经费预算表\n单位：万元\n项目 | 预算数 |\n合计 | 30 |\n"
        "因公出国（境）费 | 5 |\n公务接待费 | 10 |\n公务用车购置及运行费 | 16 |\n"
        "其中：公务用车购置费 | |\n公务用车运行费 | |\n"
    )
    budget = read_narrative("某局2024年部门预算\n" + text, source="s.txt").budget
    errors = [f for f in validate(budget).findings if f.rule_id == "TAB016"]
    # 5 + 10 + 16 is 31; the vehicle rows left blank are not filled in, so not checked
    assert [(f.severity, f.figures()["stated"]) for f in errors] == [(Severity.ERROR, "30")]


def test_a_completion_column_is_a_completion_and_a_share_column_no_change() -> None:
    text = (
        "2024年“三公”经费支出决算表\n单位：万元\n"
        "项目 | 2024年预算数 | 2024年决算数 | 完成预算% | 占合计% |\n"
        "合计 | 40 | 30 | 75% | 100% |\n"
        "公务接待费 | 20 | 10 | 60% | 33.33% |\n"
        "公务用车运行维护费 | 20 | 20 | 100% | 66.67% |\n"
    )
    found = find_pasted(text, kind=Kind.FINAL, year=2024)
    lines = [(n.name.split("：")[1], n.budget_initial, n.completion) for n in found.statements]
    assert lines[1] == ("公务接待费", wan(20), StatedPercent(Decimal("60")))
    assert all(n.percent is None for n in found.statements)
    assert len(found.rates) == 3  # the shares are no statement's
    offset = text.index("60%")
    assert found.rate_at(offset) == f"/statements/1/{found.statements[1].name}/completion"
    budget = read_narrative("某局2024年度部门决算\n" + text, source="c.txt").budget
    errors = [f for f in validate(budget).findings if f.severity is Severity.ERROR]
    # 10 of 20 is 50%, not the 60% printed
    assert [(f.rule_id, f.figures()["stated"]) for f in errors] == [("EXE001", "60")]


UNTITLED_SPACED = """某县审计局2024年部门预算说明
一、“三公”经费预算情况
2024年“三公”经费预算12.00万元，比上年减少1.50万元，下降11.11%。具体如下表：
单位：万元
项目{s}2024年预算数{s}2023年预算数{s}增减额
合计{s}12.00{s}13.50{s}-1.50
因公出国（境）费{s}0{s}0{s}0
公务接待费{s}3.00{s}3.50{s}-0.50
公务用车购置及运行维护费{s}9.00{s}10.00{s}-1.00
其中：公务用车购置费{s}0{s}0{s}0
公务用车运行维护费{s}9.00{s}10.00{s}-1.00
二、机关运行经费情况
2024年机关运行经费预算68.00万元，比上年增加2.00万元，增长3.03%。
"""


@pytest.mark.parametrize("spaces", [" ", "    "], ids=["one-space", "columns-of-spaces"])
def test_an_untitled_three_public_grid_set_apart_by_spaces_is_read(spaces: str) -> None:
    text = UNTITLED_SPACED.format(s=spaces)
    (table,) = find_pasted(text, kind=Kind.BUDGET).tables
    assert table.kind is K.BUDGET_THREE_PUBLIC
    assert [r.name for r in table.rows][:3] == ["合计", "因公出国（境）费", "公务接待费"]
    extraction = read_narrative(text)
    assert [n.text for n in extraction.numbers if n.disposition is Disposition.NOT_UNDERSTOOD] == []
    report = validate(extraction.budget)
    assert [f.rule_id for f in report.findings if f.severity is not Severity.INFO] == []
    broken = read_narrative(text.replace(f"公务接待费{spaces}3.00", f"公务接待费{spaces}3.30"))
    errors = {f.rule_id for f in validate(broken.budget).findings if f.severity is Severity.ERROR}
    assert "TAB016" in errors


def test_a_sentence_with_spaces_is_no_grid() -> None:
    text = "“三公”经费情况\n其中 因公出国（境）费 0 万元，公务接待费 3.00 万元，公务用车 9 万元。\n"
    assert find_pasted(text, kind=Kind.BUDGET).tables == ()
