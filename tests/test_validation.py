"""validate(): selection, severity overrides, purity, downstream rules, the report's forms."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from govbudget import RULES, DepartmentBudget, Outcome, Rule, Severity, load, validate
from govbudget.figure import Figure, StatedChange, pct
from govbudget.model import Expenditure, Income
from govbudget.money import wan
from govbudget.render import render_markdown, render_text
from govbudget.rules import FAMILIES, Location, Observation, RuleError, catalogue
from govbudget.tree import Node

from .rules.helpers import budget, fig

SEED = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025" / "budget.json"


def _broken() -> DepartmentBudget:
    return budget(
        income=Income(total=fig("100"), appropriation=fig("100")),
        expenditure=Expenditure(total=fig("99"), basic=fig("70"), project=fig("20")),
    )


def test_catalogue_is_read_only_and_complete() -> None:
    with pytest.raises(TypeError):
        RULES["X"] = RULES["TOT001"]  # type: ignore[index]
    families = {rule.family for rule in RULES.values()}
    assert families >= set(FAMILIES) - {"tables"}
    assert all(rule.family in FAMILIES for rule in RULES.values())
    assert len({rule.id for rule in RULES.values()}) == len(RULES)
    for rule in RULES.values():
        assert rule.title_zh
        assert rule.title_en
        assert rule.formula
        assert "{where}" in rule.message_zh
        assert "{where}" in rule.message_en


def test_select_and_ignore_by_id_prefix_and_family() -> None:
    b = _broken()
    assert {f.rule_id for f in validate(b, select=["BAL001"]).checks} == {"BAL001"}
    assert {f.rule.family for f in validate(b, select=["totals"]).checks} == {"totals"}
    assert {f.rule_id[:3] for f in validate(b, select=["TOT"]).checks} == {"TOT"}
    assert "BAL001" not in {f.rule_id for f in validate(b, ignore=["balance"]).checks}
    with pytest.raises(RuleError, match="'NOPE' is neither a rule id"):
        validate(b, select=["NOPE"])


def test_severity_overrides() -> None:
    b = _broken()
    report = validate(b, severity_overrides={"BAL001": Severity.WARNING, "TOT004": Severity.INFO})
    severities = {f.rule_id: f.severity for f in report.findings}
    assert severities["BAL001"] is Severity.WARNING
    assert severities["TOT004"] is Severity.INFO
    assert validate(b).ok is False
    assert validate(
        b, severity_overrides={"BAL001": Severity.WARNING, "TOT004": Severity.WARNING}
    ).ok
    with pytest.raises(RuleError, match="unknown rule 'ZZZ999'"):
        validate(b, severity_overrides={"ZZZ999": Severity.INFO})


def test_validate_is_pure_and_deterministic() -> None:
    seed = load(SEED)
    before = copy.deepcopy(seed)
    first, second = validate(seed), validate(seed)
    assert first == second
    assert first.to_dict(all_checks=True) == second.to_dict(all_checks=True)
    assert seed == before


def test_downstream_rules_use_the_same_type() -> None:
    def _small_projects(b: DepartmentBudget) -> Iterator[Observation]:
        spending = b.expenditure
        if spending is None or spending.project is None or spending.project.amount is None:
            return
        too_big = spending.project.amount > wan("50")
        yield Observation(
            outcome=Outcome.INCONSISTENT if too_big else Outcome.EXACT,
            location=Location("/expenditure/project", "项目支出", "project expenditure"),
            params={"limit": "50"},
        )

    mine = Rule(
        id="ACME001",
        family="acme",
        severity=Severity.WARNING,
        title_zh="项目支出不超过 50 万元",
        title_en="Project spending stays under 50 万元",
        message_zh="{where}：超过 {limit} 万元",
        message_en="{where}: more than {limit} 万元",
        formula="项目支出 ≤ 50 万元",
        check=_small_projects,
    )
    rules = catalogue(tuple(RULES.values()), (mine,))
    b = budget(expenditure=Expenditure(project=fig("60")))
    (finding,) = validate(b, rules=rules, select=["acme"]).findings
    assert (finding.rule_id, finding.severity) == ("ACME001", Severity.WARNING)
    assert finding.message_zh == "项目支出：超过 50 万元"
    assert finding.message_en == "project expenditure: more than 50 万元"
    with pytest.raises(RuleError, match="two rules have the id ACME001"):
        catalogue((mine,), (mine,))
    with pytest.raises(RuleError, match="must be 2-5 capital letters"):
        Rule(
            id="acme-1",
            family="acme",
            severity=Severity.INFO,
            title_zh="",
            title_en="",
            message_zh="",
            message_en="",
            formula="",
            check=_small_projects,
        )


def test_report_forms() -> None:
    report = validate(_broken())
    data = report.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["ok"] is False
    assert set(data) == {"department", "year", "ok", "summary", "findings"}
    finding = data["findings"][0]  # type: ignore[index]
    assert set(finding) >= {
        "rule_id",
        "severity",
        "outcome",
        "location",
        "stated",
        "computed",
        "gap",
        "tolerance",
        "message_zh",
        "message_en",
        "diagnosis",
        "interval",
        "method",
    }
    assert finding["severity"] == "error"
    text_zh = render_text(report, lang="zh", layout="families")
    text_en = render_text(report, lang="en", layout="families")
    assert "[合计]" in text_zh
    assert "TOT004 错误/不一致" in text_zh
    assert "[totals]" in text_en
    assert "TOT004 error/inconsistent" in text_en
    markdown = render_markdown(report, lang="en", layout="families")
    assert markdown.startswith("# 某局 2025 — govbudget report")
    # Report.render, deprecated, writes the same text.
    with pytest.warns(DeprecationWarning, match="Report.render is deprecated"):
        assert report.render("zh") == text_zh
    with pytest.warns(DeprecationWarning, match="Report.render is deprecated"):
        assert report.render("en", markdown=True) == markdown
    assert report.summary.text("en").endswith("findings: 2 error(s), 0 warning(s), 0 info")
    assert "to_dict" in dir(report.findings[0])


def test_findings_order_worst_first() -> None:
    b = budget(
        income=Income(total=fig("100"), appropriation=fig("100")),
        expenditure=Expenditure(
            total=Figure(
                amount=wan("100"), change=StatedChange(wan("0"), "增加"), percent=pct("0", "增加")
            ),
            basic=fig("70"),
            project=fig("40"),
        ),
    )
    severities = [f.severity for f in validate(b).findings]
    assert severities == sorted(
        severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index
    )


def test_an_error_that_holds_at_the_digits_written_is_a_warning() -> None:
    from govbudget.figure import Written
    from govbudget.model import Kind

    # "预算为2万元，支出决算为1.24万元，完成预算的52%": 1.24 ÷ 2.00 is 62%, but a budget
    # rounded to the whole 万元 written could be up to 2.5, and 1.24 ÷ 2.38 is 52%.
    line = Figure(amount=wan("1.24"), budget_initial=wan("2"), completion=pct("52"))
    strict = DepartmentBudget(
        department="某局", year=2023, kind=Kind.FINAL, institutional_operation=line
    )
    assert [f.severity for f in validate(strict).by_rule("EXE001")] == [Severity.ERROR]
    written = attrs.evolve(line, written=(Written("budget_initial", 0),))
    lenient = attrs.evolve(strict, institutional_operation=written)
    (finding,) = validate(lenient).by_rule("EXE001")
    assert finding.severity is Severity.WARNING
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "written_precision"
    # Far off even at the digits written: still an error.
    far = attrs.evolve(written, completion=pct("20"))
    assert [
        f.severity
        for f in validate(attrs.evolve(strict, institutional_operation=far)).by_rule("EXE001")
    ] == [Severity.ERROR]


def test_an_amount_in_a_relation_that_fails_anyway_excuses_nothing() -> None:
    from govbudget.figure import Written
    from govbudget.model import ThreePublic

    # 公务接待费 this year 5 (written "5"), the year before 10.5 (written "10.5"), said to be 5.35
    # less: 5.5 at the document's precision, but 5 rounded to the whole 万元 could be 5.15.
    reception = Figure(
        amount=wan("5"),
        prior=wan("10.5"),
        change=StatedChange(wan("5.35"), "减少"),
        written=(Written("amount", 0), Written("prior", 1)),
    )
    vehicles = Figure(amount=wan("15"), prior=wan("20.2"), written=(Written("prior", 1),))

    def severity(total_prior: str) -> Severity:
        total = Figure(amount=wan("20"), prior=wan(total_prior))
        parts = ThreePublic(total=total, reception=reception, vehicles=vehicles)
        b = DepartmentBudget(department="某局", year=2024, three_public=parts)
        (change,) = [f for f in validate(b).by_rule("YOY001") if "reception" in f.location.path]
        return change.severity

    # The year before's 三公 total adds up: 10.5 may be a rounded figure, the change a warning.
    assert severity("30.7") is Severity.WARNING
    # It does not (30.55 against 10.5 + 20.2, however they are read): 10.5 is no rounded
    # figure, and the change that holds only if it were is an error.
    assert severity("30.55") is Severity.ERROR


def test_validate_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    budget = load(SEED)
    assert gc.isenabled()
    validate(budget)
    assert gc.isenabled()
    gc.disable()
    try:
        validate(budget)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_amount_written_shorter_deep_in_a_tree_is_found() -> None:
    from govbudget.figure import Written
    from govbudget.validation import _has_written

    leaf = Node(code="2010301", name="行政运行", amount=wan("1"), written=(Written("amount", 0),))
    section = Node(
        code="20103", name="政府办公厅（室）及相关机构事务", amount=wan("1"), children=(leaf,)
    )
    tree = (Node(code="201", name="一般公共服务支出", amount=wan("1"), children=(section,)),)
    spending = Expenditure(total=Figure(amount=wan("1")), by_function=tree)
    assert _has_written(DepartmentBudget(department="某局", year=2024, expenditure=spending))
    plain = attrs.evolve(spending, by_function=(attrs.evolve(tree[0], children=()),))
    assert not _has_written(DepartmentBudget(department="某局", year=2024, expenditure=plain))


def test_the_report_of_validate_is_a_report_in_every_way() -> None:
    import copy
    import pickle

    from govbudget import Report

    made = validate(load(SEED))
    plain = Report(made.department, made.year, made.checks)
    assert made == plain
    assert plain == made
    assert made.__ne__(plain) is False
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)
    assert type(pickle.loads(pickle.dumps(made))) is Report
    assert pickle.loads(pickle.dumps(made)) == plain == copy.deepcopy(made)
    assert attrs.evolve(made, year=2024).checks == plain.checks
    fresh = validate(load(SEED))
    # The findings read first are the very checks read after (the placing of pointers relies on it).
    findings = fresh.findings
    assert {id(f) for f in findings} <= {id(c) for c in fresh.checks}
    again = validate(load(SEED))
    assert again.summary == plain.summary
    assert again.ok == plain.ok
    assert again.checks_by_rule("TRE001") == plain.checks_by_rule("TRE001")
    assert again.findings_by_rule("YOY004") == plain.findings_by_rule("YOY004")
    assert render_text(again, layout="families") == render_text(plain, layout="families")
