"""The unit, year and kind a narrative states, in the ways disclosures state them."""

from __future__ import annotations

import pytest

from govbudget.model import Kind
from govbudget.narrative import read_narrative
from govbudget.narrative.identity import identify
from govbudget.narrative.text import normalize


def _identity(text: str) -> tuple[str | None, int | None, str]:
    found = identify(normalize(text).text)
    return found.department, found.year, found.kind.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("某县水利局2023年度部门决算公开\n一、部门概况", ("某县水利局", 2023, "final")),
        ("某市档案馆 2025 年部门预算\n目录", ("某市档案馆", 2025, "budget")),
        ("2019年某区住建局“三公”经费预算情况说明\n…", ("某区住建局", 2019, "budget")),
        ("某镇卫生院2022决算公开\n发布时间：2023-08-01", ("某镇卫生院", 2022, "final")),
        (
            "目录\n单位名称：某县老干部活动中心\n2024年度部门预算",
            ("某县老干部活动中心", 2024, "budget"),
        ),
        (
            "一、收入支出总体情况\n2021年度收入总计100万元。\n\n某县文联\n2022年8月30日",
            ("某县文联", 2021, "final"),
        ),
        (
            "某县档案馆2024年度项目支出绩效自评报告\n项目名称：档案数字化\n主管部门：某县委办公室\n",
            ("某县档案馆", 2024, "final"),
        ),
    ],
    ids=[
        "title",
        "spaced-year",
        "year-first",
        "no-nian",
        "named-line",
        "signature",
        "self-evaluation",
    ],
)
def test_where_units_name_themselves(text: str, expected: tuple[str | None, int, str]) -> None:
    department, year, kind = expected
    assert _identity(text)[:2] == (department, year)
    if kind == "final" and "决算" not in text:
        return  # a signature alone does not say 决算
    assert _identity(text)[2] == kind


def test_fragments_are_not_names() -> None:
    assert _identity("现将本局2024年部门预算公开如下：")[0] is None
    assert _identity("支出增加，主要原因是我院开展义诊。")[0] is None
    assert _identity("现将某乡2024年部门预算公开如下：")[0] == "某乡"


def test_the_year_is_the_documents_not_the_one_compared_with() -> None:
    text = (
        "2024年基本支出预算较上年增加5万元。比2023年预算数减少1万元，2023年预算数为9万元，"
        "与2023年预算相比持平。"
    )
    assert _identity(text)[1] == 2024
    final = "较 2022 年度决算数增加 3 万元。较 2022 年度决算数减少 1 万元。本单位 2023 年度决算收入 8 万元。"
    assert _identity(final)[1:] == (2023, "final")


def test_publication_dates_are_not_the_year() -> None:
    text = "发布时间：2025-03-02\n某所2024年度单位决算\n2025年3月1日"
    assert _identity(text)[:2] == ("某所", 2024)


def test_a_report_on_a_years_execution_is_about_that_year() -> None:
    text = "关于某县2022年预算执行情况和2023年预算草案的报告\n一、2022年预算执行情况"
    assert _identity(text)[1] == 2022


def test_the_first_heading_that_says_the_kind_decides() -> None:
    text = (
        "一、2024年“三公”经费预算安排情况\n2024年度预算10万元。\n"
        "二、2023年“三公”经费决算情况\n2023年度决算支出9万元，决算数小于预算数。"
    )
    assert _identity(text)[1:] == (2024, "budget")
    assert _identity("2023年度收入10万元，完成年初预算的100%，决算数等于预算数。")[2] == "final"


def test_what_the_caller_says_wins() -> None:
    e = read_narrative("某局2024年部门预算。", department="另一局", year=2023, kind=Kind.FINAL)
    assert (e.budget.department, e.budget.year, e.budget.kind) == ("另一局", 2023, Kind.FINAL)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Targets are set with the budget, even where the text says 执行数 or 实际完成.
        ("某局2024年项目支出绩效目标表 项目名称 办公运行 年度执行数 实际支出", Kind.BUDGET),
        # A self-evaluation is made of a year's execution, even where it names the 预算.
        ("某局2023年度整体支出绩效评价报告\n一、部门预算安排情况\n", Kind.FINAL),
        ("某中心2023年度项目支出绩效单位自评报告 一、基本情况", Kind.FINAL),
    ],
)
def test_a_performance_document_says_its_kind_in_its_title(text: str, kind: Kind) -> None:
    assert identify(normalize(text).text).kind is kind


_WRAPPED = "按照本年的安排，各项经费从严控制，公用经费较上年有所压减，主要用于日常运转。" * 3


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # a wrapped paragraph joins its lines: the signature is found on the lines as broken
        (
            "\n".join([_WRAPPED[i : i + 38] for i in range(0, len(_WRAPPED), 38)])
            + "\n某县农业技术推广站\n2023年3月8日\n",
            "<text>",
            "某县农业技术推广站",
        ),
        (
            "项目名称 | 办公楼维修 |\n实施单位（盖章）| 某市气象服务中心 |\n",
            "<text>",
            "某市气象服务中心",
        ),
        (
            "主管部门 (512)某县林业局(部门)\n实施单位 (512001)某县林业局\n",
            "<text>",
            "某县林业局",
        ),
        ("- 索引号：ab/2024-01\n- 发布机构：某州水文中心\n- 文号：\n", "<text>", "某州水文中心"),
        ("关于某市2023年预算执行情况和2024年预算草案的报告\n各位代表：", "<text>", "某市"),
        ("（某省）关于某州某县2022年财政预算执行情况的报告\n", "<text>", "某州某县"),
        ("日期：2023-05-02\n某区2022年的“三公”经费决算数合计为10万元", "<text>", "某区"),
        ("（一）职责\n某县残疾人联合会是全县残疾人事业的群众团体。", "<text>", "某县残疾人联合会"),
        ("二、机构设置\n某镇中心学区现有学校5所。", "<text>", "某镇中心学区"),
        ("一、收入预算\n收入预算100万元。", "某县统计局2024年部门预算.txt", "某县统计局"),
    ],
    ids=[
        "signature-after-wrapped-text",
        "implementing-unit-cell",
        "code-and-department-suffix",
        "site-publisher",
        "government-report",
        "bracketed-province",
        "region-summary-opening",
        "first-sentence-is",
        "first-sentence-has",
        "file-name",
    ],
)
def test_more_places_units_name_themselves(text: str, source: str, expected: str) -> None:
    assert read_narrative(text, source=source).budget.department == expected


def test_the_file_name_gives_the_year_the_text_does_not() -> None:
    read = read_narrative("收入预算100万元。", source="某县统计局2024年部门预算.txt")
    assert read.budget.year == 2024
    assert read_narrative("收入预算100万元。", source="narrative.txt").budget.year is None
    # the text's own name and year come first
    text = "某县审计局2023年度部门决算\n收入总计100万元。"
    said = read_narrative(text, source="某县统计局2024年部门预算.txt").budget
    assert (said.department, said.year) == ("某县审计局", 2023)


@pytest.mark.parametrize(
    "text",
    [
        "现将有关情况向市人大常委会提出本市2022年决算草案，请审议。",
        "全县2023年“三公”经费决算数合计为10万元。",
        "我区2022年预算执行情况良好。",
    ],
)
def test_region_words_that_are_not_a_units_name(text: str) -> None:
    assert read_narrative(text).budget.department is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "关于某市2022年市级决算及2023年上半年预算执行情况的报告\n一般公共预算收入完成预算的"
            "101.2%，决算数为500亿元。",
            (2022, "final"),
        ),
        (
            "关于某县2021年预算执行情况和2022年预算草案的报告\n各位代表：\n2021年一般公共预算"
            "收入完成预算的98%，执行数为20亿元，年初预算数为20.4亿元。",
            (2021, "budget"),
        ),
    ],
    ids=["final-accounts-report", "budget-execution-report"],
)
def test_a_governments_budget_report_says_its_year_and_kind(
    text: str, expected: tuple[int, str]
) -> None:
    assert _identity(text)[1:] == expected
