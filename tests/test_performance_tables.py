"""Performance tables in a text (绩效目标表, 绩效自评表): read into the model, every number placed.

The tables here are written for these tests, one for each way pages paste them: rows with
``|`` between the cells, one cell per line ended by ``|`` (with or without lines of ``|``
closing each row), and rows with runs of spaces between the cells.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import validate
from govbudget.figure import StatedPercent
from govbudget.model import IndicatorKind, PerformanceTable, PerformanceTableKind
from govbudget.money import wan
from govbudget.narrative import Disposition, Extraction, read_narrative
from govbudget.rounding import Outcome
from govbudget.rules import Severity

D = Decimal

PIPED_ROWS = """\
部门预算项目支出绩效自评表（2024年度） | ||||||
项目名称 | 51010024T000000012345-社区矫正专项经费 | |||||
主管部门 | 某县司法局 | 实施单位 | 某县司法局 | |||
预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
总额 | 20.00 | 24.00 | 21.60 | 90.00% | 10 | 9 | 1.预算执行率=预算执行数/调整后预算数，未达到90%的说明原因（100字以内） |
其中：财政资金 | 20.00 | 24.00 | 21.60 | 90.00% | / | / |
单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / |
绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 矫正对象教育人次 | ≥ | 300 | 人次 | 320 | 40 | 40 | |
| 质量指标 | 教育覆盖率 | = | 100 | % | 100 | 20 | 18 | |
效益指标 | 社会效益指标 | 重新犯罪率 | ≤ | 1 | % | 0.5 | 20 | 20 | |
满意度指标 | 服务对象满意度指标 | 矫正对象满意度 | ≥ | 90 | % | 93 | 10 | 8 | |
合计 | 100 | 95 | |
评价结论 | 项目完成良好，自评得分95分。 |
"""

CELL_PER_LINE = """\
部门预算项目支出绩效自评表（2024年度） |
项目名称 |
人员经费保障 |
预算执行情况（10分） |
年初预算 |
调整后预算数 |
预算执行数 |
预算执行率 |
权重 |
得分 |
原因 |
总额 |
100.50 |
120.00 |
119.88 |
99.90% |
10 |
10 |
|
其中：财政资金 |
100.50 |
120.00 |
119.88 |
99.90% |
/ |
/ |
其他资金 |
|
|
|
|
/ |
/ |
绩效指标（90分） |
一级指标 |
二级指标 |
三级指标 |
指标性质 |
指标值 |
度量单位 |
完成值 |
权重 |
得分 |
未完成原因分析 |
产出指标 |
数量指标 |
工资发放覆盖率 |
= |
100 |
% |
100 |
60 |
60 |
|
效益指标 |
社会效益指标 |
社保足额缴纳率 |
= |
100 |
% |
100 |
30 |
30 |
|
合计 |
100 |
100 |
|
"""

SPACED_ROWS = """\
某某项目绩效目标表
（2024年）
项目名称 社区活动经费
项目类别 （21）部门预算项目
投入目标 （万元） 资金来源 年初安排金额(万元)
资金总额 5
其中： 财政拨款数 4
其他资金 1
年度目标 开展社区活动。目标1：举办活动12场 目标2：参与人数500人次
绩效指标（权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分，满意度指标权重分值10分） 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注
产出指标 数量指标 举办活动场次 正向 = 12 20
产出指标 数量指标 参与人次 正向 = 500 人次 20
产出指标 时效指标 资金到位时间 正向 = 45,657 45,657 10
效益指标 社会效益指标 居民参与率 正向 ≥ 60 % 30
满意度指标 满意度指标 居民满意度 正向 ≥ 90 % 10
"""

ROWS_CLOSED = """\
2024年项目支出绩效目标申报表
|
项目支出名称 |
道路清扫保洁 |
预算部门 |
某市环卫处 |
|||
|
年度本级预算金额 |
80万 |
该项目支出上级资金 |
0 |
|||
|
本年度绩效指标 |
一级指标 |
二级指标 |
三级指标 |
指标值及单位 |
绩效标准 |
||
|
产出指标 |
数量指标 |
清扫道路面积 |
≥120万平方米 |
计划标准 |
||
|
清扫频次 |
2次/日 |
计划标准 |
||||
|
时效指标 |
服务周期 |
2024.01-2024.12 |
计划标准 |
|||
|
效益指标 |
经济效益指标 |
|
|
|
||
|
社会公众或服务对象满意度指标 |
市民满意度 |
≥90% |
计划标准 |
|||
|
财政部门审核意见 |
|
|||||
"""


def _read(text: str) -> tuple[Extraction, tuple[PerformanceTable, ...]]:
    extraction = read_narrative(text, source="t.txt", department="某局", year=2024)
    performance = extraction.budget.performance
    assert performance is not None
    return extraction, performance.tables


def _nothing_unread(extraction: Extraction) -> None:
    unread = [n for n in extraction.numbers if n.disposition is Disposition.NOT_UNDERSTOOD]
    assert not unread, [(n.text, n.around, n.reason) for n in unread]


def _no_inconsistency(extraction: Extraction) -> None:
    report = validate(extraction.budget)
    bad = [
        c
        for c in report.checks
        if c.outcome is Outcome.INCONSISTENT and c.severity is Severity.ERROR
    ]
    assert not bad, [c.message("zh") for c in bad]


def _checked(extraction: Extraction) -> set[str]:
    report = validate(extraction.budget)
    return {c.rule_id for c in report.checks if c.rule_id in _TABLE_RULES}


_TABLE_RULES = {"PRF004", "PRF005", "PRF006", "PRF007", "PRF008"}


def test_rows_with_bars_are_read_into_a_self_evaluation() -> None:
    extraction, tables = _read(PIPED_ROWS)
    (table,) = tables
    assert table.kind is PerformanceTableKind.SELF_EVALUATION
    assert table.project == "社区矫正专项经费"
    total, fiscal, own = table.funds
    assert (total.initial, total.full_year, total.executed) == (wan(20), wan(24), wan("21.6"))
    assert total.rate == StatedPercent(Decimal("90.00"))
    assert (total.weight, total.score) == (D(10), D(9))
    assert (fiscal.part, own.part, total.part) == (True, True, False)
    assert [i.name for i in table.indicators] == [
        "矫正对象教育人次",
        "教育覆盖率",
        "重新犯罪率",
        "矫正对象满意度",
    ]
    quality = table.indicators[1]
    # the row leaves its 一级指标 to the merged cell above
    assert (quality.kind, quality.category, quality.comparator) == (
        IndicatorKind.OUTPUT,
        "质量指标",
        "=",
    )
    assert (quality.target, quality.unit, quality.actual) == (D(100), "%", D(100))
    assert (quality.weight, quality.score) == (D(20), D(18))
    assert table.indicators[3].kind is IndicatorKind.SATISFACTION
    assert (table.total_weight, table.total_score, table.complete) == (D(100), D(95), True)
    _nothing_unread(extraction)
    _no_inconsistency(extraction)
    assert _checked(extraction) == _TABLE_RULES


def test_one_cell_per_line() -> None:
    extraction, tables = _read(CELL_PER_LINE)
    (table,) = tables
    assert table.project == "人员经费保障"
    assert [f.name for f in table.funds] == ["总额", "其中：财政资金", "其他资金"]
    assert table.funds[0].executed == wan("119.88")
    assert [(i.name, i.weight, i.score) for i in table.indicators] == [
        ("工资发放覆盖率", D(60), D(60)),
        ("社保足额缴纳率", D(30), D(30)),
    ]
    assert (table.total_weight, table.total_score) == (D(100), D(100))
    _nothing_unread(extraction)
    _no_inconsistency(extraction)
    assert {"PRF005", "PRF006", "PRF007", "PRF008"} <= _checked(extraction)


def test_rows_with_spaces_a_missing_cell_and_a_spreadsheet_date() -> None:
    extraction, tables = _read(SPACED_ROWS)
    (table,) = tables
    assert table.kind is PerformanceTableKind.TARGETS
    assert [(f.name, f.initial, f.part) for f in table.funds] == [
        ("资金总额", wan(5), False),
        ("其中：财政拨款数", wan(4), True),
        ("其他资金", wan(1), True),
    ]
    assert [(w.part, w.weight) for w in table.weights] == [
        ("indicators", D(90)),
        ("output", D(50)),
        ("effect", D(30)),
        ("satisfaction", D(10)),
    ]
    sessions, people, date, share, satisfaction = table.indicators
    # the unit cell is left out: 20 is the weight, not the unit
    assert (sessions.target, sessions.unit, sessions.weight) == (D(12), None, D(20))
    assert (people.target, people.unit, people.weight) == (D(500), "人次", D(20))
    # a date cell that lost its format (45,657 days = 2024-12-31) is no target number
    assert (date.target, date.target_text, date.weight) == (None, "45657", D(10))
    assert (share.comparator, share.target, share.unit) == ("≥", D(60), "%")
    assert satisfaction.kind is IndicatorKind.SATISFACTION
    _nothing_unread(extraction)
    uses = {n.text: n for n in extraction.numbers}
    assert uses["21"].disposition is Disposition.CONTEXT  # the 项目类别 code
    assert uses["500"].disposition is Disposition.MAPPED
    _no_inconsistency(extraction)
    assert {"PRF005", "PRF008"} <= _checked(extraction)


def test_cells_with_rows_closed_by_bars() -> None:
    extraction, tables = _read(ROWS_CLOSED)
    (table,) = tables
    assert table.project == "道路清扫保洁"
    assert [(f.name, f.initial) for f in table.funds] == [
        ("年度本级预算金额", wan(80)),
        ("该项目支出上级资金", wan(0)),
    ]
    area, frequency, period, satisfaction = table.indicators
    assert (area.category, area.comparator, area.target, area.unit) == (
        "数量指标",
        "≥",
        D(120),
        "万平方米",
    )
    assert (frequency.category, frequency.target, frequency.unit) == ("数量指标", D(2), "次/日")
    assert (period.target, period.target_text) == (None, "2024.01-2024.12")
    assert satisfaction.kind is IndicatorKind.SATISFACTION
    assert table.complete
    _nothing_unread(extraction)
    _no_inconsistency(extraction)


def test_a_wrong_rate_and_a_wrong_total_are_errors_quoting_them() -> None:
    text = PIPED_ROWS.replace("21.60 | 90.00% | 10", "21.60 | 80.00% | 10").replace(
        "合计 | 100 | 95", "合计 | 100 | 96"
    )
    report = validate(read_narrative(text, source="t.txt", department="某局", year=2024).budget)
    errors = {f.rule_id: f.message("zh") for f in report.findings if f.rule_id in _TABLE_RULES}
    assert set(errors) == {"PRF006", "PRF007"}
    assert "写明执行率 80%" in errors["PRF007"]
    assert "96" in errors["PRF006"]


def test_a_table_cut_off_by_the_text_sums_nothing_it_cannot_see() -> None:
    # the text stops inside the indicators: no sum of the weights is checked
    text = SPACED_ROWS.rsplit("\n", 3)[0] + "\n"
    extraction, (table,) = _read(text)
    assert not table.complete
    report = validate(extraction.budget)
    assert not [
        c
        for c in report.checks
        if c.rule_id == "PRF005" and "三级" in (c.observation.formula or "")
    ]
    _no_inconsistency(extraction)


def test_the_project_counts_of_a_performance_report() -> None:
    text = (
        "一、基本情况\n"
        "2024年，本单位实施项目共12个（含上年结转项目2个），年初批复预算7个项目320万元"
        "（含1个续建项目40万元），年中增加6个项目，实际到位资金280.5万元。\n"
    )
    extraction = read_narrative(text, source="t.txt", department="某局", year=2024)
    performance = extraction.budget.performance
    assert performance is not None
    (count,) = performance.project_counts
    assert (count.total, count.initial, count.added, count.initial_amount) == (
        12,
        7,
        6,
        wan(320),
    )
    uses = {n.text: n.disposition for n in extraction.numbers}
    assert uses["2"] is Disposition.CONTEXT  # what the total includes
    assert uses["40"] is Disposition.CONTEXT
    report = validate(extraction.budget, select=["PRF009"])
    (finding,) = report.findings
    assert finding.outcome is Outcome.INCONSISTENT
    assert "写明共 12 个" in finding.message("zh")
    consistent = text.replace("年中增加6个", "年中增加5个")
    report = validate(read_narrative(consistent, department="某局", year=2024).budget)
    assert [c.outcome for c in report.by_rule("PRF009")] == [Outcome.EXACT]


def test_a_title_in_a_table_of_contents_takes_nothing() -> None:
    text = (
        "目录\n十二、项目支出绩效目标表\n十三、部门整体支出绩效目标表\n"
        "一、收入预算\n2024年收入预算合计425.23万元。\n"
    )
    extraction = read_narrative(text, source="t.txt", department="某局", year=2024)
    performance = extraction.budget.performance
    assert performance is None or performance.tables == ()
    assert extraction.budget.income is not None
    income = extraction.budget.income.total
    assert income is not None
    assert income.amount == wan("425.23")


MINISTRY_TEMPLATE = """\
项目支出绩效自评表
（2023年度）
项目名称 | 农村道路养护 | |||
主管部门及代码 | 某县交通运输局 | 215001 | 实施单位 | 某县公路中心 |
项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 50 | 60 | 57 | 10 | 95.00% | 9.5 |
其中：当年财政拨款 | 50 | 55 | 52 | — | 94.55% | — |
上年结转资金 | 0 | 5 | 5 | — | 100.00% | — |
其他资金 | 0 | 0 | 0 | — | — | — |
年度总体目标 | 预期目标 | 实际完成情况 |
| 养护道路120公里，群众满意度90%以上 | 养护道路126公里，满意度93% |
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
产出指标 | 数量指标 | 养护道路里程 | ≥120公里 | 126公里 | 25 | 25 | |
| 质量指标 | 道路优良率 | ≥85% | 88% | 25 | 25 | |
效益指标 | 社会效益指标 | 通行条件改善 | 明显改善 | 改善 | 30 | 27 | 部分路段待维修 |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 93% | 10 | 10 | |
总分 | 100 | 96.5 | |
"""


def test_the_ministry_template() -> None:
    extraction, (table,) = _read(MINISTRY_TEMPLATE)
    assert table.project == "农村道路养护"
    assert [(f.name, f.part, f.executed) for f in table.funds] == [
        ("年度资金总额", False, wan(57)),
        ("其中：当年财政拨款", True, wan(52)),
        ("上年结转资金", True, wan(5)),
        ("其他资金", True, wan(0)),
    ]
    assert (table.funds[0].weight, table.funds[0].score) == (D(10), D("9.5"))
    road, quality, access, satisfaction = table.indicators
    assert (road.comparator, road.target, road.unit, road.actual) == ("≥", D(120), "公里", D(126))
    assert (access.target_text, access.actual_text, access.score) == ("明显改善", "改善", D(27))
    assert (quality.kind, quality.category) == (IndicatorKind.OUTPUT, "质量指标")
    assert (satisfaction.kind, satisfaction.actual) == (IndicatorKind.SATISFACTION, D(93))
    assert (table.total_weight, table.total_score) == (D(100), D("96.5"))
    _nothing_unread(extraction)
    _no_inconsistency(extraction)
    assert {"PRF004", "PRF005", "PRF006", "PRF007", "PRF008"} <= _checked(extraction)


def test_tables_one_after_another_are_summed_each_on_its_own() -> None:
    second = (
        PIPED_ROWS.split("绩效指标（90分）")[1]
        .replace("合计 | 100 | 95", "合计 | 100 | 98")
        .replace("| 18 |", "| 20 |")
        .replace("| 10 | 8 |", "| 10 | 9 |")
    )
    text = (
        PIPED_ROWS.split("评价结论")[0]
        + "绩效指标（80分）"
        + second.replace("| 40 | 40 |", "| 30 | 30 |")
    )
    extraction, tables = _read(text)
    assert [len(t.indicators) for t in tables] == [4, 4]
    assert [w.weight for w in tables[1].weights] == [D(80)]
    _no_inconsistency(extraction)


def test_execution_rates_in_the_sentences_of_a_performance_report() -> None:
    text = (
        "项目支出绩效自评报告\n一、项目资金情况\n"
        "该项目年初预算数40万元，全年预算数50万元，全年执行数47.5万元，预算执行率95%。"
        "资金到位率100%，自评得分96.5分。\n"
    )
    extraction = read_narrative(text, source="t.txt", department="某局", year=2024)
    performance = extraction.budget.performance
    assert performance is not None
    (line,) = performance.funds
    assert (line.initial, line.full_year, line.executed) == (wan(40), wan(50), wan("47.5"))
    assert line.rate == StatedPercent(D(95))
    _nothing_unread(extraction)
    assert [c.outcome for c in validate(extraction.budget).by_rule("PRF007")] == [Outcome.EXACT]
    wrong = text.replace("预算执行率95%", "预算执行率97%")
    report = validate(read_narrative(wrong, department="某局", year=2024).budget)
    (finding,) = report.by_rule("PRF007")
    assert finding.outcome is Outcome.INCONSISTENT
    assert "写明执行率 97%" in finding.message("zh")


# -- a table written out and read back ---------------------------------------------------------

_NAMES: Final = {
    IndicatorKind.OUTPUT: ("数量指标", ("培训人次", "检查次数", "覆盖户数")),
    IndicatorKind.EFFECT: ("社会效益指标", ("群众知晓率", "问题整改率")),
    IndicatorKind.SATISFACTION: ("服务对象满意度指标", ("群众满意度", "学员满意度")),
}
_LEVEL1: Final = {
    IndicatorKind.OUTPUT: "产出指标",
    IndicatorKind.EFFECT: "效益指标",
    IndicatorKind.SATISFACTION: "满意度指标",
}


@st.composite
def _rows(draw: st.DrawFn) -> list[tuple[IndicatorKind, str, str, int, str, int, int]]:
    rows = []
    for kind, (category, names) in _NAMES.items():
        for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)):
            unit = draw(st.sampled_from(("%", "人次", "次", "户")))
            weight = draw(st.integers(1, 40))
            rows.append(
                (
                    kind,
                    category,
                    name,
                    draw(st.integers(1, 100 if unit == "%" else 999)),
                    unit,
                    weight,
                    draw(st.integers(0, weight)),
                )
            )
    return rows


def _written(rows: list[tuple[IndicatorKind, str, str, int, str, int, int]], layout: str) -> str:
    total = sum(r[5] for r in rows)
    header = ["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "权重", "得分"]
    lines: list[list[str]] = [[f"绩效指标（{total}分）"], header]
    last: IndicatorKind | None = None
    for kind, category, name, target, unit, weight, score in rows:
        first = [_LEVEL1[kind], category] if kind is not last else ["", ""]
        last = kind
        lines.append([*first, name, str(target), unit, str(weight), str(score)])
    lines.append(["合计", str(total), str(sum(r[6] for r in rows))])
    title = "部门预算项目支出绩效自评表"
    if layout == "rows":
        return title + "\n" + "".join(" | ".join(cells) + " |\n" for cells in lines)
    return title + " |\n" + "".join(f"{cell} |\n" for cells in lines for cell in cells)


@settings(max_examples=60)
@given(_rows(), st.sampled_from(("rows", "cells")))
def test_a_table_written_out_reads_back(
    rows: list[tuple[IndicatorKind, str, str, int, str, int, int]], layout: str
) -> None:
    extraction, (table,) = _read(_written(rows, layout))
    assert [
        (i.kind, i.category, i.name, i.target, i.unit, i.weight, i.score) for i in table.indicators
    ] == [(k, c, n, D(t), u, D(w), D(s)) for k, c, n, t, u, w, s in rows]
    assert table.total_weight == sum(D(r[5]) for r in rows)
    _nothing_unread(extraction)
    _no_inconsistency(extraction)
