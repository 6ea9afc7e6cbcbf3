"""Series across years: grouping by unit name (全称/简称, aliases, region left out, 局 vs 委员会),
each cross-document rule held and broken with rounding-aware verdicts naming both places, gaps,
documents that cannot join, duplicates, selection, rendering and ``govbudget check --series``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from attrs import evolve

from govbudget import RULES, dumps, wan, yuan
from govbudget.cli import main
from govbudget.figure import Figure
from govbudget.model import (
    DepartmentBudget,
    FinalAccounts,
    Income,
    Kind,
    Level,
    Project,
    ThreePublic,
)
from govbudget.money import Amount, Unit
from govbudget.precision import Precision
from govbudget.rounding import Outcome
from govbudget.rules.base import Severity
from govbudget.series import Series, check_series, unit_key, unit_name
from govbudget.strategies import UNBREAKABLE

UNIT = "某县发展和改革局"


def _budget(
    year: int, *, total: str, prior: str | None = None, name: str = UNIT
) -> DepartmentBudget:
    return DepartmentBudget(
        department=name,
        year=year,
        income=Income(total=Figure(amount=wan(total), prior=None if prior is None else wan(prior))),
        three_public=ThreePublic(total=Figure(amount=wan("1.2"))),
    )


def _final(
    year: int,
    *,
    initial: str = "1.2",
    carried_in: str | None = None,
    carried_out: str = "53.5",
    name: str = UNIT,
) -> DepartmentBudget:
    return DepartmentBudget(
        department=name,
        year=year,
        kind=Kind.FINAL,
        three_public=ThreePublic(total=Figure(amount=wan("1.1"), budget_initial=wan(initial))),
        final=FinalAccounts(
            carried_in=None if carried_in is None else Figure(amount=wan(carried_in)),
            carried_out=Figure(amount=wan(carried_out)),
        ),
    )


def _one(documents: list[tuple[str, DepartmentBudget]], **options: list[str]) -> Series:
    (series,) = check_series(documents, **options)
    return series


def _ids(series: Series) -> list[str]:
    return [f.rule_id for f in series.findings]


def test_the_series_rules_are_in_the_catalogue_and_cannot_be_broken_by_one_budget() -> None:
    ids = [rule.id for rule in RULES.values() if rule.family == "series"]
    assert ids == [f"SER00{i}" for i in range(1, 9)]
    assert set(ids) <= set(UNBREAKABLE)
    assert all(not list(RULES[i].check(_budget(2025, total="1", prior="1"))) for i in ids)


def test_a_consistent_series_has_every_check_exact() -> None:
    series = _one(
        [
            ("b2025.json", _budget(2025, total="425.23", prior="449.17")),
            ("b2024.json", _budget(2024, total="449.17", prior="400")),
            ("f2024.json", _final(2024, carried_out="53.5")),
            ("f2025.json", _final(2025, carried_in="53.5")),
        ]
    )
    assert series.name == UNIT
    assert [d.source for d in series.documents] == [
        "b2024.json",
        "f2024.json",
        "b2025.json",
        "f2025.json",
    ]
    assert series.findings == ()
    checks = {(c.rule_id, c.location.path): c.outcome for c in series.report.checks}
    assert checks == {
        ("SER001", "/income/total#prior"): Outcome.EXACT,
        ("SER002", "/three_public/total#budget_initial"): Outcome.EXACT,
        ("SER004", "/final/carried_in#amount"): Outcome.EXACT,
    }
    assert sum(c.rule_id == "SER002" for c in series.report.checks) == 2  # 2024 and 2025


def test_a_prior_year_figure_that_differs_is_a_warning_naming_both_places() -> None:
    series = _one(
        [
            ("a/2024.json", _budget(2024, total="449.71")),
            ("a/2025.json", _budget(2025, total="425.23", prior="449.17")),
        ]
    )
    (finding,) = series.findings
    assert (finding.rule_id, finding.severity, finding.outcome) == (
        "SER001",
        Severity.WARNING,
        Outcome.INCONSISTENT,
    )
    assert series.ok  # a warning: the prior year may be restated on a comparable basis
    assert finding.location.source == "a/2025.json"
    assert finding.message("zh") == (
        "收入合计（上年数）：2025年部门预算（a/2025.json）所列上年数 449.17万元，"
        "2024年部门预算（a/2024.json）所列为 449.71万元；差额 0.54万元，超出舍入允许的 0万元。"
        "可能原因：数字颠倒：449.17 与 449.71 只差相邻两位数字的顺序"
    )
    assert finding.message("en").startswith(
        "total income (prior year): the 2025 budget (a/2025.json) states 449.17 万元 for the"
        " prior year, the 2024 budget (a/2024.json) states 449.71 万元; gap 0.54 万元"
    )


def test_an_initial_budget_that_differs_from_the_budget_is_an_error() -> None:
    series = _one([("b.json", _budget(2024, total="10")), ("f.json", _final(2024, initial="12.5"))])
    (finding,) = series.findings
    assert (finding.rule_id, finding.severity) == ("SER002", Severity.ERROR)
    assert not series.ok
    assert finding.figures()["stated"] == "12.5"
    assert finding.figures()["computed"] == "1.2"
    assert finding.diagnosis is None


def test_figures_at_different_precisions_agree_within_rounding() -> None:
    """The budget in 万元 at two decimals (1.20), the 决算 in 元 at no decimals (12,004)."""
    final = evolve(
        _final(2024),
        precision=Precision(Unit.YUAN, 0),
        three_public=ThreePublic(total=Figure(amount=yuan(11000), budget_initial=yuan(12004))),
    )
    series = _one([("b.json", _budget(2024, total="10")), ("f.json", final)])
    (finding,) = series.findings
    assert (finding.rule_id, finding.outcome) == ("SER002", Outcome.WITHIN_ROUNDING)
    assert finding.figures()["stated"] == "12004"
    assert finding.scale.label == "元"


def test_a_unit_slip_between_the_years_is_diagnosed() -> None:
    """The 2025 budget writes the prior year's 元 figure as 万元."""
    later = _budget(2025, total="425.23", prior="4491700")
    series = _one([("2024.json", _budget(2024, total="449.17")), ("2025.json", later)])
    (finding,) = series.findings
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "unit_slip"


def test_the_same_figure_in_yuan_and_in_wan_is_exact() -> None:
    later = evolve(
        _budget(2025, total="425.23"),
        income=Income(total=Figure(amount=yuan("4252300"), prior=yuan("4491700"))),
        precision=Precision(Unit.YUAN, 0),
    )
    series = _one([("2024.json", _budget(2024, total="449.17")), ("2025.json", later)])
    assert series.findings == ()
    assert [c.outcome for c in series.report.by_rule("SER001")] == [Outcome.EXACT]


def test_the_opening_balance_against_the_closing_balance() -> None:
    series = _one(
        [
            ("f2023.json", _final(2023, carried_out="53.5")),
            ("f2024.json", _final(2024, carried_in="35.5")),
        ]
    )
    (finding,) = series.findings
    assert (finding.rule_id, finding.severity) == ("SER004", Severity.WARNING)
    assert finding.location.zh == "年初结转和结余"
    assert "年末结转和结余为 53.5万元" in finding.message("zh")


def test_a_final_prior_year_against_the_prior_final() -> None:
    f2024 = evolve(
        _final(2024),
        three_public=ThreePublic(total=Figure(amount=wan("1.1"), prior=wan("0.9"))),
    )
    series = _one([("f2023.json", _final(2023)), ("f2024.json", f2024)])
    assert _ids(series) == ["SER003"]


def test_key_projects_are_matched_by_name() -> None:
    def with_projects(budget: DepartmentBudget, *projects: Project) -> DepartmentBudget:
        return evolve(budget, projects=projects)

    earlier = with_projects(
        _budget(2024, total="1"),
        Project(name="信息化建设", amount=Figure(amount=wan(30))),
        Project(name="培训", amount=Figure(amount=wan(5))),
    )
    later = with_projects(
        _budget(2025, total="1"),
        Project(name="培训", amount=Figure(amount=wan(6), prior=wan(5))),
    )
    series = _one([("2024.json", earlier), ("2025.json", later)])
    (check,) = series.report.by_rule("SER001")
    assert check.outcome is Outcome.EXACT
    assert check.location.path == "/projects/培训/amount#prior"


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("中国人民政治协商会议示例回族彝族自治县委员会", "示例县政协"),
        ("中共某市某区委员会办公室", "某市某区委办"),
        ("中国共产党示例回族彝族自治县委员会政法委员会", "示例县委政法委"),
        ("某县发展和改革局", "某县发改局"),
        ("某县住房和城乡建设局", "某县住建局"),
        ("某县人力资源和社会保障局", "某县人社局"),
        ("某市卫生健康委员会", "某市卫健委"),
        ("示例区人民代表大会常务委员会", "示例区人大常委会"),
        ("示例土家族苗族自治州财政局", "示例州财政局"),
        ("内蒙古自治区财政厅", "内蒙古财政厅"),
        ("某县 发改局", "某县发改局"),
        ("某县政协（县政协）", "某县政协"),
    ],
)
def test_full_and_short_names_share_a_key(full: str, short: str) -> None:
    assert unit_key(full) == unit_key(short)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("某县发展和改革局", "某县发展和改革委员会"),
        ("某县财政局", "某县财政局（本级）"),
        ("某县教育局", "某县体育局"),
        ("某县农业局", "某县农业农村局"),
    ],
)
def test_different_units_have_different_keys(one: str, other: str) -> None:
    assert unit_key(one) != unit_key(other)


def test_full_and_short_names_join_one_series() -> None:
    series = _one(
        [
            ("2024.json", _budget(2024, total="449.17", name="某县发展和改革局")),
            ("2025.json", _budget(2025, total="1", prior="449.17", name="某县发改局")),
        ]
    )
    assert series.names == ("某县发展和改革局", "某县发改局")
    assert series.name == "某县发改局"
    assert [c.outcome for c in series.report.by_rule("SER001")] == [Outcome.EXACT]


def test_a_bracketed_alias_joins_the_series() -> None:
    series = _one(
        [
            ("2024.json", _budget(2024, total="5", name="南县政协（县政协）")),
            ("2025.json", _budget(2025, total="1", prior="5", name="县政协")),
        ]
    )
    assert len(series.documents) == 2


def test_a_name_without_its_region_joins_the_one_unit_it_can_be() -> None:
    documents = [
        ("2024.json", _budget(2024, total="5", name="甲县发改局")),
        ("2025.json", _budget(2025, total="1", prior="5", name="发展和改革局")),
    ]
    assert [len(s.documents) for s in check_series(documents)] == [2]
    documents.append(("other.json", _budget(2024, total="5", name="乙县发改局")))
    assert [len(s.documents) for s in check_series(documents)] == [1, 1, 1]  # ambiguous


def test_the_region_field_completes_the_name() -> None:
    budget = evolve(_budget(2024, total="5", name="信访局"), region="曾都区")
    assert unit_name(budget) == "曾都区信访局"
    later = _budget(2025, total="1", prior="5", name="曾都区信访局")
    assert [len(s.documents) for s in check_series([("a", budget), ("b", later)])] == [2]


def test_a_reorganised_unit_is_a_warning_not_a_match() -> None:
    result = check_series(
        [
            ("2018.json", _budget(2018, total="5", name="某县发展和改革局")),
            ("2020.json", _budget(2020, total="1", prior="5", name="某县发展和改革委员会")),
        ]
    )
    assert [s.name for s in result] == ["某县发展和改革局", "某县发展和改革委员会"]
    assert _ids(result[0]) == []
    (finding,) = result[1].findings
    assert (finding.rule_id, finding.severity) == ("SER006", Severity.WARNING)
    assert finding.message("zh") == (
        "单位名称：某县发展和改革局（2018） 的名称与本单位只差机构类别（委 / 局），"
        "可能是机构改革更名，未作为同一单位核对"
    )
    assert result[1].report.by_rule("SER001") == ()  # not compared


def test_a_department_and_a_unit_of_one_name_are_two_series() -> None:
    unit = evolve(_budget(2025, total="1", prior="5"), level=Level.UNIT)
    result = check_series([("d.json", _budget(2024, total="5")), ("u.json", unit)])
    assert [(s.level, len(s.documents)) for s in result] == [
        (Level.DEPARTMENT, 1),
        (Level.UNIT, 1),
    ]
    assert result[1].title("zh") == "某县发展和改革局（单位） 2025"


def test_a_series_with_gaps_says_which_years_are_missing() -> None:
    series = _one(
        [
            ("2021.json", _budget(2021, total="1")),
            ("2022.json", _budget(2022, total="1")),
            ("2025.json", _budget(2025, total="1")),
            ("f2021.json", _final(2021)),
            ("f2023.json", _final(2023)),
        ]
    )
    assert series.missing == {Kind.BUDGET: (2023, 2024), Kind.FINAL: (2022,)}
    (gap,) = series.report.by_rule("SER005")
    assert gap.severity is Severity.INFO
    assert gap.message("zh") == (
        "本序列：缺少 2023、2024年部门预算、2022年部门决算 的文件，相邻年度的数字未能核对"
    )
    assert "the budget of 2023, 2024; the final accounts of 2022" in gap.message("en")


def test_a_document_without_unit_or_year_cannot_join_and_says_so() -> None:
    unnamed = DepartmentBudget(year=2024, income=Income(total=Figure(amount=wan(1))))
    undated = DepartmentBudget(department=UNIT)
    result = check_series(
        [("x.json", unnamed), ("b.json", _budget(2024, total="1")), ("y.json", undated)]
    )
    assert [s.name for s in result] == [UNIT, None]
    alone = result[1]
    assert [d.source for d in alone.documents] == ["x.json", "y.json"]
    assert alone.title("en") == "documents that name no unit or year"
    messages = [f.message("zh") for f in alone.findings]
    assert messages == [
        "文件 x.json：未写明部门（单位）名称，无法与其他年度的文件核对",
        "文件 y.json：未写明年度，无法与其他年度的文件核对",
    ]
    assert [f.location.source for f in alone.findings] == ["x.json", "y.json"]


def test_two_documents_of_one_year_and_kind_are_each_compared() -> None:
    series = _one(
        [
            ("2024.pdf", _budget(2024, total="449.17")),
            ("2024.json", _budget(2024, total="449.17")),
            ("2025.json", _budget(2025, total="1", prior="449.17")),
        ]
    )
    assert _ids(series) == ["SER008"]
    assert len(series.report.by_rule("SER001")) == 2
    assert "2024年部门预算有 2 份文件（2024.json, 2024.pdf）" in series.findings[0].message("zh")


def test_select_and_ignore_choose_among_the_series_rules() -> None:
    documents = [
        ("2024.json", _budget(2024, total="449.71")),
        ("2025.json", _budget(2025, total="1", prior="449.17")),
        ("f2024.json", _final(2024, initial="9")),
    ]
    assert sorted(_ids(_one(documents))) == ["SER001", "SER002"]
    assert _ids(_one(documents, ignore=["SER001"])) == ["SER002"]
    assert _ids(_one(documents, select=["SER001"])) == ["SER001"]
    assert _ids(_one(documents, select=["TOT"])) == []


def test_to_dict_and_render() -> None:
    series = _one(
        [
            ("2024.json", _budget(2024, total="449.71")),
            ("2025.json", _budget(2025, total="1", prior="449.17")),
        ]
    )
    data = series.to_dict()
    assert data["series"] == UNIT
    assert data["documents"] == [
        {"source": "2024.json", "department": UNIT, "year": 2024, "kind": "budget"},
        {"source": "2025.json", "department": UNIT, "year": 2025, "kind": "budget"},
    ]
    assert data["missing"] == {}
    assert data["ok"] is True
    findings = data["findings"]
    assert isinstance(findings, list)
    assert findings[0]["rule_id"] == "SER001"
    assert findings[0]["source"] == "2025.json"
    json.dumps(data, ensure_ascii=False)
    text = series.render("zh")
    assert text.splitlines()[:4] == [
        f"{UNIT} 2024–2025 — 跨年核对",
        "",
        "  2024 部门预算  2024.json",
        "  2025 部门预算  2025.json",
    ]
    assert "SER001" in text
    assert "2024年部门预算（2024.json）所列为 449.71万元" in text


def _write(folder: Path, name: str, budget: DepartmentBudget) -> None:
    (folder / name).write_text(dumps(budget), encoding="utf-8")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def test_check_series_on_a_folder(tmp_path: Path) -> None:
    _write(tmp_path, "2024-budget.json", _budget(2024, total="449.17"))
    _write(tmp_path, "2025-budget.json", _budget(2025, total="425.23", prior="449.17"))
    _write(tmp_path, "2024-final.json", _final(2024, initial="12.5"))
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    status, out, err = _run("check", "--series", "--format", "json", "--jobs", "2", str(tmp_path))
    assert status == 2  # the unreadable file; the series itself has an error too
    assert err.count("\n") == 1
    assert "broken.json" in err
    unreadable, line = out.splitlines()  # the unreadable file has its line, as without --series
    assert json.loads(unreadable)["ok"] is False
    record = json.loads(line)
    assert record["series"] == UNIT
    assert [f["rule_id"] for f in record["findings"]] == ["SER002"]
    assert record["ok"] is False
    (tmp_path / "broken.json").unlink()
    status, out, _ = _run("check", "--series", str(tmp_path))
    assert status == 1
    assert out.startswith(f"{UNIT} 2024–2025 — 跨年核对\n")
    status, _, _ = _run("check", "--series", "--ignore", "SER002", str(tmp_path))
    assert status == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "sarif"], "--series reports as text, markdown or json, not sarif"),
    ],
)
def test_check_series_usage_mistakes(argv: list[str], message: str) -> None:
    status, out, err = _run("check", "--series", *argv, "x.json")
    assert (status, out) == (2, "")
    assert message in err


def test_check_series_writes_a_parquet_dataset(tmp_path: Path) -> None:
    """--series --parquet: a row per document (the unreadable one too) and one per finding
    across years, in the later document's name, with exact decimal figures."""
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "2024-budget.json", _budget(2024, total="449.71"))
    _write(folder, "2025-budget.json", _budget(2025, total="425.23", prior="449.17"))
    (folder / "broken.json").write_text("{", "utf-8")
    out = tmp_path / "out"
    status, _, err = _run("check", "--series", "--parquet", str(out), str(folder))
    assert status == 2, err  # the broken document
    documents = pq.read_table(out / "documents").to_pylist()
    assert sorted((d["document"], d["status"]) for d in documents) == [
        (str(folder / "2024-budget.json"), 0),
        (str(folder / "2025-budget.json"), 0),
        (str(folder / "broken.json"), 2),
    ]
    (finding,) = pq.read_table(out / "findings").to_pylist()
    assert (finding["rule_id"], finding["document"], finding["year"]) == (
        "SER001",
        str(folder / "2025-budget.json"),
        2025,
    )
    assert (str(finding["stated"]), str(finding["computed"])) == (
        "449.170000000000",
        "449.710000000000",
    )
    later = next(d for d in documents if d["document"].endswith("2025-budget.json"))
    assert (later["warnings"], later["checks"]) == (1, 1)


# ---- documents read from PDFs and workbooks: their 收支总表 ------------------------------------


def _summary(
    kind: Kind, year: int, *rows: tuple[str, str, tuple[str | None, ...]]
) -> DepartmentBudget:
    """A document with only a 收支总表 (as a PDF or workbook whose narrative says nothing):
    rows of (side, name, values), the columns 年初预算数 then 决算数 (or 上年数 then 预算数)
    on each side."""
    from govbudget.table import Column, Row, Table, TableKind

    final = kind is Kind.FINAL
    heads = ("年初预算数", "决算数") if final else ("上年预算数", "预算数")
    columns = [Column(head, side=side) for side in ("收入", "支出") for head in heads]
    table_rows = []
    for side, name, values in rows:
        cells: list[Amount | None] = [None] * 4
        first = 0 if side == "收入" else 2
        for offset, value in enumerate(values):
            cells[first + offset] = None if value is None else wan(value)
        table_rows.append(Row(name=name, side=side, values=cells, page=2))
    table = Table(
        title="收入支出决算总表" if final else "部门收支总表",
        kind=TableKind.FINAL_SUMMARY if final else TableKind.BUDGET_SUMMARY,
        columns=columns,
        rows=table_rows,
        pages=(2,),
        source=f"{year}-{kind.value}.pdf",
    )
    return DepartmentBudget(department=UNIT, year=year, kind=kind, tables=(table,))


def test_a_pdfs_summary_table_is_compared_across_years() -> None:
    """Documents read from PDFs or workbooks, whose narrative states none of these figures:
    their 收支总表 is — the opening balance against last year's closing one (SER004), the
    决算's 年初预算数 against the year's budget (SER002), a budget's 上年数 (SER001); the
    决算数 column, not the 年初预算数 before it, is the 决算's amount."""
    final_2023 = _summary(
        Kind.FINAL,
        2023,
        ("收入", "本年收入合计", ("600", "610")),
        ("支出", "年末结转和结余", (None, "47.75")),
    )
    final_2024 = _summary(
        Kind.FINAL,
        2024,
        ("收入", "本年收入合计", ("650", "663.35")),
        ("收入", "年初结转和结余", (None, "47.57")),
    )
    budget_2024 = _summary(Kind.BUDGET, 2024, ("收入", "本年收入合计", ("600", "650")))
    budget_2025 = _summary(Kind.BUDGET, 2025, ("收入", "本年收入合计", ("650", "700")))
    sources = ("2023-final.pdf", "2024-final.pdf", "2024-budget.pdf", "2025-budget.pdf")
    (series,) = check_series(
        zip(sources, (final_2023, final_2024, budget_2024, budget_2025), strict=True)
    )
    checks = {(c.rule_id, c.location.path): c for c in series.report.checks}
    opening = checks["SER004", "/final/carried_in#amount"]
    assert opening.outcome is Outcome.INCONSISTENT
    assert opening.diagnosis is not None  # 47.57 against 47.75: two digits swapped
    assert opening.location.source == "2024-final.pdf p. 2"
    assert "2023-final.pdf p. 2" in opening.message("zh")
    assert checks["SER002", "/income/total#budget_initial"].outcome is Outcome.EXACT
    assert checks["SER001", "/income/total#prior"].outcome is Outcome.EXACT
    assert {rule for rule, _ in checks} == {"SER001", "SER002", "SER004"}


def test_check_series_over_workbooks_compares_their_tables(tmp_path: Path) -> None:
    """``govbudget check --series`` over two 决算 workbooks: the second's 年初结转和结余
    against the first's 年末结转和结余, each named by its sheet and cell."""
    pytest.importorskip("openpyxl")
    from dataclasses import replace

    from tests.disclosure_factory import make_final, render_xlsx

    made = make_final()
    for year in (2023, 2024):
        narrative = tuple(p.replace("2024", str(year)) for p in made.narrative)
        render_xlsx(replace(made, year=year, narrative=narrative), tmp_path / f"{year}.xlsx")
    out, err = io.StringIO(), io.StringIO()
    status = main(
        ["check", "--series", "--format", "json", str(tmp_path)],
        stdin=io.StringIO(),
        stdout=out,
        stderr=err,
        environ={},
    )
    assert status == 0, err.getvalue()  # SER004 is a warning
    (line,) = out.getvalue().splitlines()
    (finding,) = json.loads(line)["findings"]
    assert finding["rule_id"] == "SER004"
    assert finding["place"]["sheet"] == "收入支出决算总表"
    assert finding["place"]["cell"]
    assert f"{tmp_path / '2023.xlsx'} sheet 收入支出决算总表!" in finding["message_zh"]


def test_a_series_with_nothing_to_compare_says_so() -> None:
    """Two documents with no figure in common are not reported as "no problem found"."""
    first = DepartmentBudget(department=UNIT, year=2023)
    second = DepartmentBudget(department=UNIT, year=2024)
    (series,) = check_series([("2023.json", first), ("2024.json", second)])
    assert "没有可比较的数字" in series.render("zh")
    assert "nothing to compare" in series.render("en")
    assert "未发现问题" not in series.render("zh")
