"""The wording rules (WRD001–WRD007) on texts written for the tests, and what the reader records."""

from __future__ import annotations

from govbudget import read_narrative, validate
from govbudget.model import DepartmentBudget, Kind, Level
from govbudget.report import Finding
from govbudget.rounding import Outcome
from govbudget.rules import RULES
from govbudget.rules.base import Deferring, Severity
from govbudget.wording import Wording, WordingKind

W = WordingKind


def _found(text: str, rule: str) -> list[Finding]:
    budget = read_narrative(text, source="n.txt").budget
    return [c for c in validate(budget, select=[rule]).checks if c.outcome is Outcome.INCONSISTENT]


DOCUMENT = """第一部分 某局2024年度部门决算
一、收入支出决算总体情况说明
2024年度收入总计120.5万元，支出总计120.5万元，主要原因是人员增加。
二、“三公”经费支出决算情况说明
2024年度“三公”经费支出决算3万元，较上年减少1万元，下降25%。
"""


def test_a_clean_document_has_no_wording_finding() -> None:
    budget = read_narrative(DOCUMENT, source="n.txt").budget
    report = validate(budget, select=["wording"])
    assert [c for c in report.checks if c.outcome is not Outcome.EXACT] == []
    assert any(c.rule.id == "WRD002" for c in report.checks)  # the headings' years were judged


def test_a_placeholder_left_in_is_an_error_with_its_place() -> None:
    text = DOCUMENT + "三、公务接待费0.5万元，较上年增加（减少）0万元。\n"
    (finding,) = _found(text, "WRD001")
    assert finding.severity is Severity.ERROR
    assert "增加（减少）" in finding.message("zh")
    assert finding.location.source == "n.txt:6:17"


def test_the_same_placeholder_repeated_is_one_finding() -> None:
    # a running title on every page carries the same placeholder: one finding, the count said
    text = "某XX局\n" + DOCUMENT + "某XX局\n三、公务接待费0.5万元。\n某XX局\n"
    (finding,) = _found(text, "WRD001")
    assert finding.message("zh").endswith("模板占位符“XX局”未替换（另有 2 处相同）")
    assert finding.message("en").endswith("was left in (2 more places alike)")


def test_a_heading_of_another_year_is_an_error() -> None:
    text = DOCUMENT + "三、2023年度一般公共预算财政拨款基本支出决算情况说明\n人员经费2万元。\n"
    (finding,) = _found(text, "WRD002")
    assert finding.severity is Severity.ERROR
    assert "2023年度" in finding.message("zh")
    assert "2024" in finding.message("en")


def test_a_final_account_dated_before_its_year_is_an_error() -> None:
    text = DOCUMENT + "三、国有资产占用情况\n截至2023年12月31日，共有车辆2辆。\n"
    (finding,) = _found(text, "WRD002")
    assert finding.location.source == "n.txt:7:1"


def test_a_budget_dated_at_the_end_of_the_year_before_is_fine() -> None:
    text = "第一部分 某局2025年部门预算\n一、国有资产占用情况\n截至2024年12月31日，共有车辆2辆。\n"
    assert _found(text, "WRD002") == []


def test_years_are_not_judged_when_the_headings_do_not_confirm_the_documents_year() -> None:
    # the year given by the caller is not the one every heading names: no finding, no guess
    budget = read_narrative(DOCUMENT, source="n.txt", year=2020).budget
    assert list(validate(budget, select=["WRD002"]).checks) == []


def test_a_document_sites_title_for_a_template_is_not_the_documents_heading() -> None:
    # Sites that share documents title an upload "…年…决算公开模板" whatever year it is.
    text = "2022年部门决算公开模板\n" + DOCUMENT
    assert _found(text, "WRD002") == []


def test_a_heading_naming_two_years_is_not_a_slip() -> None:
    text = (
        "关于2024年预算执行情况和2025年预算草案的报告\n一、2025年部门预算情况说明\n收入10万元。\n"
    )
    assert _found(text, "WRD002") == []


def test_both_level_words_are_a_warning_on_the_odd_one() -> None:
    text = (
        "第一部分 某中心2024年度单位决算\n第二部分 某中心2024年度单位决算表\n"
        "第三部分 某中心2024年度部门决算情况说明\n收入10万元。\n"
    )
    (finding,) = _found(text, "WRD003")
    assert finding.severity is Severity.WARNING
    assert "部门决算" in finding.message("zh")


def test_a_reason_cut_off_and_one_followed_by_its_list() -> None:
    cut = (
        DOCUMENT
        + "三、机关运行经费支出2万元，比上年增加1万元，主要原因是：\n四、其他重要事项说明\n无。\n"
    )
    (finding,) = _found(cut, "WRD004")
    assert finding.severity is Severity.WARNING
    listed = DOCUMENT + "三、机关运行经费支出2万元，主要原因是：\n1、人员增加。\n2、物价上涨。\n"
    assert _found(listed, "WRD004") == []


def test_doubled_punctuation_is_information_and_an_ellipsis_is_not() -> None:
    (finding,) = _found(DOCUMENT + "三、其他。。\n", "WRD005")
    assert finding.severity is Severity.INFO
    assert _found(DOCUMENT + "三、其他。。。\n", "WRD005") == []


def test_a_rate_without_a_percent_sign_is_a_warning() -> None:
    text = DOCUMENT + "三、机关运行经费支出2万元，比上年减少1万元，下降33.33，主要原因是节约。\n"
    (finding,) = _found(text, "WRD006")
    assert finding.severity is Severity.WARNING
    assert "下降33.33" in finding.message("zh")


def test_a_slot_left_without_its_number_is_information() -> None:
    text = DOCUMENT + "三、机关运行经费支出2万元，占%，比上年增加万元。\n"
    findings = _found(text, "WRD007")
    assert [f.severity for f in findings] == [Severity.INFO, Severity.INFO]
    assert "占%" in findings[0].message("zh")
    assert _found(DOCUMENT + "三、机关运行经费支出2万元，占5%。\n", "WRD007") == []


def test_rules_judge_the_recorded_places_with_the_documents_identity() -> None:
    budget = DepartmentBudget(
        department="某中心",
        year=2024,
        kind=Kind.FINAL,
        level=Level.UNIT,
        wording=(
            Wording(W.LEVEL_WORD, "单位决算", word="单位"),
            Wording(W.LEVEL_WORD, "部门决算", word="部门"),
        ),
    )
    # a tie: the word the document's level is not is the odd one
    checks = validate(budget, select=["WRD003"]).checks
    assert [(c.observation.params[0][1], c.outcome) for c in checks] == [
        ("单位决算", Outcome.EXACT),
        ("部门决算", Outcome.INCONSISTENT),
    ]


def test_the_years_and_words_that_hold_are_deferred() -> None:
    text = DOCUMENT + "三、2023年度一般公共预算财政拨款基本支出决算情况说明\n人员经费2万元。\n"
    budget = read_narrative(text, source="n.txt").budget
    for rule_id in ("WRD002", "WRD003"):
        check = RULES[rule_id].check
        assert isinstance(check, Deferring)
        records = list(check.records(budget))
        made = list(validate(budget, select=[rule_id]).checks)
        # the exact ones deferred, the inconsistent ones made at once
        assert [type(r) is tuple for r in records] == [c.outcome is Outcome.EXACT for c in made]
        assert list(check(budget)) == [c.observation for c in made]
    assert [c.outcome for c in validate(budget, select=["WRD002"]).checks].count(Outcome.EXACT) >= 1
