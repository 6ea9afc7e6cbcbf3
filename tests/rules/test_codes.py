"""The "codes" rules: codes exist in that year's table, are named as it names them,
sit at their level, and belong to the tree they are listed in."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import load, wan
from govbudget.classification import Level, tree_of_code
from govbudget.model import Appropriation, DepartmentBudget, EconomicScheme, Expenditure
from govbudget.report import Finding, Report
from govbudget.rounding import Outcome
from govbudget.rules import RULES, Severity
from govbudget.rules.codes import coded_lines
from govbudget.tree import Node
from govbudget.validation import validate

EXAMPLE = Path(__file__).parents[2] / "examples" / "zengdu-xinfang-2025" / "budget.json"


def node(code: str | None, name: str, *children: Node) -> Node:
    return Node(code=code, name=name, amount=wan("1"), children=children)


def budget(
    *,
    function: tuple[Node, ...] = (),
    economic: tuple[Node, ...] = (),
    scheme: EconomicScheme = EconomicScheme.DEPARTMENT,
    year: int = 2025,
    appropriation_economic: tuple[Node, ...] = (),
) -> DepartmentBudget:
    return DepartmentBudget(
        department="某局",
        year=year,
        expenditure=Expenditure(by_function=function, by_economic=economic, economic_scheme=scheme),
        appropriation=Appropriation(by_economic=appropriation_economic)
        if appropriation_economic
        else None,
    )


def check(b: DepartmentBudget) -> Report:
    return validate(b, select=["codes"])


def findings(report: Report, rule_id: str) -> list[Finding]:
    return [f for f in report.findings if f.rule_id == rule_id]


def only(report: Report, rule_id: str) -> Finding:
    (finding,) = findings(report, rule_id)
    return finding


def test_the_family_is_in_the_catalogue() -> None:
    ids = [rule.id for rule in RULES.values() if rule.family == "codes"]
    assert ids == ["COD001", "COD002", "COD003", "COD004"]


def test_a_real_code_with_its_right_name_passes() -> None:
    report = check(
        budget(
            function=(node("221", "住房保障支出", node("22102", "住房改革支出")),),
            economic=(node("302", "商品和服务支出", node("30217", "公务接待费")),),
        )
    )
    assert report.findings == ()
    assert {c.rule_id for c in report.checks} == {"COD001", "COD002", "COD003", "COD004"}
    assert all(c.outcome is Outcome.EXACT for c in report.checks)
    assert len(report.by_rule("COD001")) == 4


def test_names_ignore_whitespace_width_and_the_suffix() -> None:
    report = check(
        budget(
            function=(node("201", "一般公共服务"),),
            economic=(
                node("302", "商品和服务支出", node("30212", "因公出国(境)费用")),
                node("303", "对个人和家庭的补助支出"),
            ),
        )
    )
    assert report.findings == ()


def test_a_former_name_warns_with_the_current_name_and_the_year() -> None:
    report = check(budget(function=(node("210", "医疗卫生与计划生育支出"),)))
    finding = only(report, "COD002")
    assert finding.severity is Severity.WARNING
    for lang in ("zh", "en"):
        message = finding.message(lang)
        assert "卫生健康支出" in message
        assert "2019" in message
        assert "2018" in message
    assert report.ok


def test_an_unknown_name_warns_with_the_official_name() -> None:
    report = check(budget(economic=(node("302", "商品和服务支出", node("30201", "办公用品费")),)))
    finding = only(report, "COD002")
    assert finding.severity is Severity.WARNING
    assert "“办公费”" in finding.message("zh")
    assert "official name “办公费”" in finding.message("en")


def test_an_abbreviated_name_is_information() -> None:
    report = check(budget(economic=(node("301", "工资福利支出", node("30111", "医疗补助缴费")),)))
    finding = only(report, "COD002")
    assert finding.severity is Severity.INFO
    assert "公务员医疗补助缴费" in finding.message("zh")


def test_an_unknown_code_is_an_error_where_its_level_is_complete() -> None:
    report = check(budget(economic=(node("398", "其他杂项支出"),)))
    finding = only(report, "COD001")
    assert finding.severity is Severity.ERROR
    assert "398" in finding.message("zh")
    assert "complete" in finding.message("en")
    assert not report.ok


def test_an_unknown_code_is_information_where_its_level_is_incomplete() -> None:
    # An incomplete table cannot prove a code absent (issue 15: information, not a warning).
    report = check(
        budget(
            function=(node("218", "某类支出"),),
            economic=(node("302", "商品和服务支出", node("30219", "装备购置费")),),
        )
    )
    found = findings(report, "COD001")
    assert [f.location.path.rsplit("/", 1)[-1] for f in found] == ["218", "30219"]
    assert all(f.severity is Severity.INFO for f in found)
    assert all("incomplete" in f.message("en") for f in found)
    assert report.ok


def test_an_economic_code_among_function_classes_is_an_error() -> None:
    report = check(budget(function=(node("301", "工资福利支出"),)))
    finding = only(report, "COD004")
    assert finding.severity is Severity.ERROR
    assert "部门预算支出经济分类" in finding.message("zh")
    assert "支出功能分类" in finding.message("zh")
    assert findings(report, "COD001") == []
    assert not report.ok


def test_a_government_code_in_a_department_scheme_is_an_error() -> None:
    report = check(budget(economic=(node("501", "机关工资福利支出"),)))
    assert only(report, "COD004").severity is Severity.ERROR


def test_a_function_code_among_economic_classes_is_an_error() -> None:
    report = check(budget(economic=(node("208", "社会保障和就业支出"),)))
    assert "economic-department" in only(report, "COD004").message("en")


def test_the_government_scheme_uses_the_government_table() -> None:
    report = check(
        budget(
            economic=(node("501", "机关工资福利支出", node("50101", "工资奖金津补贴")),),
            scheme=EconomicScheme.GOVERNMENT,
        )
    )
    assert report.findings == ()


def test_an_appropriation_tree_of_5xx_codes_is_read_as_the_government_scheme() -> None:
    report = check(budget(appropriation_economic=(node("502", "机关商品和服务支出"),)))
    assert report.findings == ()
    assert report.by_rule("COD004")[0].location.path == "/appropriation/by_economic/502"


def test_an_item_directly_under_a_class_is_out_of_level() -> None:
    report = check(budget(function=(node("210", "卫生健康支出", node("2101101", "行政单位医疗")),)))
    finding = only(report, "COD003")
    assert finding.severity is Severity.ERROR
    assert "210" in finding.message("zh")


def test_a_section_at_the_top_is_out_of_level() -> None:
    report = check(budget(function=(node("21011", "行政事业单位医疗"),)))
    assert "without its parent" in only(report, "COD003").message("en")


def test_an_economic_code_has_no_item_level() -> None:
    report = check(
        budget(
            economic=(node("301", "工资福利支出", node("30101", "基本工资", node("3010101", "x"))),)
        )
    )
    assert only(report, "COD003").severity is Severity.ERROR
    assert findings(report, "COD001") == []


def test_an_earlier_year_is_checked_against_the_nearest_table_as_a_fallback() -> None:
    report = check(
        budget(
            year=2018,
            function=(node("210", "医疗卫生与计划生育支出"), node("218", "某类支出")),
            economic=(node("301", "工资福利支出", node("30101", "基本工资")),),
        )
    )
    (missing,) = findings(report, "COD001")
    # Another year's table cannot prove a code absent: information, never an error.
    assert missing.severity is Severity.INFO
    assert "2018年无单独科目表" in missing.message("zh")
    # 医疗卫生与计划生育支出 was the official name in 2018.
    assert findings(report, "COD002") == []


def test_a_later_year_is_checked_against_the_nearest_earlier_table() -> None:
    report = check(budget(year=2026, function=(node("218", "某类支出"),)))
    message = only(report, "COD001").message("zh")
    assert "2025年" in message
    assert "2026年无单独科目表" in message


def test_every_code_of_the_worked_example_is_checked() -> None:
    example = load(EXAMPLE)
    codes = {line.location.path for line in coded_lines(example)}
    assert len(codes) == 32
    report = validate(example, select=["codes"])
    for rule_id in ("COD001", "COD002", "COD003", "COD004"):
        assert {c.location.path for c in report.by_rule(rule_id)} == codes, rule_id
    assert [(f.rule_id, f.severity, f.location.path) for f in report.findings] == [
        ("COD002", Severity.WARNING, "/expenditure/by_function/210"),
        ("COD002", Severity.INFO, "/expenditure/by_economic/301/30111"),
    ]
    assert report.ok


@pytest.mark.parametrize("rule_id", ["COD001", "COD002", "COD003", "COD004"])
def test_messages_fill_every_placeholder(rule_id: str) -> None:
    report = check(
        budget(
            function=(
                node("210", "医疗卫生与计划生育支出", node("2101101", "行政单位医疗")),
                node("218", "某类支出"),
                node("301", "工资福利支出"),
            )
        )
    )
    for finding in report.by_rule(rule_id):
        for lang in ("zh", "en"):
            assert "{" not in finding.message(lang)


def test_a_coded_line_reads_its_code_as_the_tables_do() -> None:
    example = load(EXAMPLE)
    lines = list(coded_lines(example))
    assert lines
    for line in lines:
        assert line.found is tree_of_code(line.code)
        assert line.level is Level.of(line.code)
        assert line.fits is (line.level in line.tree.levels)
        assert line.path == line.location.path


def test_a_line_under_an_uncoded_line_has_its_path_through_it() -> None:
    report = check(
        budget(
            function=(node("213", "农林水支出", node(None, "某项目", node("2130188", "某支出"))),)
        )
    )
    finding = only(report, "COD001")
    assert finding.location.path == "/expenditure/by_function/213/某项目/2130188"
    assert finding.location.zh == "支出功能分类 2130188 某支出"
    assert [c.location.path for c in report.by_rule("COD004")] == [
        "/expenditure/by_function/213",
        "/expenditure/by_function/213/某项目/2130188",
    ]


def test_the_exact_checks_are_deferred_and_made_as_reported() -> None:
    example = load(EXAMPLE)
    report = validate(example, select=["codes"])
    for rule_id in ("COD001", "COD002", "COD003", "COD004"):
        rule = RULES[rule_id]
        records = list(rule.check.records(example))  # type: ignore[attr-defined]
        exact = [r for r in records if isinstance(r, tuple)]
        shown = [f.location.path for f in report.findings if f.rule_id == rule_id]
        assert len(records) - len(exact) == len(shown), rule_id
        made = list(rule.check(example))
        assert made == [c.observation for c in report.by_rule(rule_id)], rule_id
        assert sum(o.outcome is Outcome.EXACT for o in made) == len(exact), rule_id


def test_a_name_differing_only_in_form_is_official_and_deferred() -> None:
    b = budget(
        function=(node("201", "一般公共服务"),), economic=(node("303", "对个人和家庭的补助支出"),)
    )
    records = list(RULES["COD002"].check.records(b))  # type: ignore[attr-defined]
    assert len(records) == 2
    assert all(isinstance(r, tuple) for r in records)
    assert all(o.outcome is Outcome.EXACT for o in RULES["COD002"].check(b))
