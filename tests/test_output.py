"""The output formats: SARIF (validated against the SARIF 2.1.0 schema), CSV, GitHub, JUnit, HTML, JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from govbudget import load, validate
from govbudget.cli import main
from govbudget.output import combine, render_document, render_failure
from govbudget.output.csvfile import COLUMNS
from govbudget.output.junit import failure as junit_failure
from govbudget.output.junit import suites
from govbudget.output.schema import report_schema
from govbudget.report import Report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
NARRATIVE = ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt"
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8")
)


def _run(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def _final() -> Report:
    return validate(load(FINAL))


# ---- SARIF ---------------------------------------------------------------------------------


def test_sarif_is_valid_sarif_2_1_0() -> None:
    status, out, _ = _run("check", "--format", "sarif", str(FINAL), str(NARRATIVE), "missing.json")
    assert status == 2
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"TOT004", "SG001", "COD002"} <= {r["id"] for r in rules}
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["govbudget/v1"])
    # a narrative's finding points to its line and column
    lines = [
        r["locations"][0]["physicalLocation"]
        for r in run["results"]
        if r["locations"][0]["physicalLocation"].get("region")
    ]
    assert lines
    assert lines[0]["artifactLocation"]["uri"].endswith("narrative.txt")
    assert lines[0]["region"]["startLine"] >= 1
    # the unreadable file is a notification, not silence
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "missing.json" in notes[0]["message"]["text"]


def test_sarif_results_carry_the_exact_figures() -> None:
    log = json.loads(combine("sarif", [render_document("sarif", _final(), source="f.json")]))
    yoy = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "YOY002")
    assert yoy["properties"]["stated"] == "25.21"
    assert "/" in yoy["properties"]["exact"]["computed"]  # a ratio that does not terminate


# ---- the JSON report and its schema ---------------------------------------------------------


def test_every_json_line_matches_the_report_schema() -> None:
    status, out, _ = _run("check", "--format", "json", str(FINAL), str(NARRATIVE), "missing.json")
    assert status == 2
    validator = jsonschema.Draft202012Validator(report_schema())
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    for record in records:
        validator.validate(record)
    final = records[0]
    assert final["format"] == "govbudget-report/1"
    yoy = next(f for f in final["findings"] if f["rule_id"] == "YOY002")
    assert yoy["computed"].startswith("≈")  # for people …
    assert "≈" not in yoy["exact"]["computed"]  # … and exactly
    narrative_place = next(f["place"] for f in records[1]["findings"] if f["place"])
    assert narrative_place["line"] >= 1


def test_schema_report_command() -> None:
    status, out, _ = _run("schema", "--report")
    assert status == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == report_schema()


# ---- CSV, GitHub, JUnit -------------------------------------------------------------------------


def test_csv_one_row_per_finding_with_exact_figures() -> None:
    status, out, _ = _run("check", "--format", "csv", str(FINAL), str(SEED), "missing.json")
    assert status == 2
    rows = list(csv.DictReader(io.StringIO(out)))
    final, seed = _final(), validate(load(SEED))
    assert len(rows) == len(final.findings) + len(seed.findings) + 1
    tre = next(r for r in rows if r["rule_id"] == "TRE001" and r["document"] == str(SEED))
    assert (tre["stated"], tre["computed"], tre["gap"], tre["tolerance"]) == (
        "24.1",
        "24.09",
        "0.01",
        "0.07",
    )
    assert rows[-1]["document"] == "missing.json"
    assert "cannot read" in rows[-1]["error"]


#: What a spreadsheet program runs as a formula when a cell starts with it.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_FIGURES = ("year", "stated", "computed", "low", "high", "gap", "tolerance", "min_gap")


def test_csv_text_from_a_document_never_starts_a_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CSV injection: a file or unit named like a formula is text when the CSV is opened
    in Excel, and the exact figures stay numbers."""
    name = '=HYPERLINK("http://example.com/x","看")'
    document = tmp_path / "=1+1.json"
    document.write_text(
        FINAL.read_text("utf-8").replace('"示例县文化广电旅游局"', json.dumps(name), 1), "utf-8"
    )
    unreadable = tmp_path / "@SUM(A1).json"
    unreadable.write_text("-2+3", "utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = _run("check", "--format", "csv", document.name, unreadable.name)
    assert status == 2
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["document"], rows[0]["department"]) == ("'=1+1.json", "'" + name)
    assert rows[-1]["document"] == "'@SUM(A1).json"
    assert rows[-1]["error"].startswith("'@SUM(A1).json")
    for row in rows:
        for column, cell in row.items():
            if column in _FIGURES and cell:
                Decimal(cell)  # a number, as written
            else:
                assert not cell.startswith(_FORMULA), (column, cell)
    assert any(row["gap"] for row in rows)


def test_github_annotations_escape_what_would_end_them() -> None:
    status, out, _ = _run("check", "--format", "github", str(FINAL))
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == len(_final().findings)
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
    assert any(line.startswith("::error ") for line in lines)
    failure = render_failure("github", "a,b:c.json", "a,b:c.json: 100% broken\nreally")
    assert (
        failure == "::error file=a%2Cb%3Ac.json,title=govbudget::a,b:c.json: 100%25 broken%0Areally"
    )


def test_junit_a_suite_per_document_and_a_failing_case_per_rule_with_errors() -> None:
    status, out, _ = _run("check", "--format", "junit", str(FINAL), str(SEED), "missing.json")
    assert status == 2
    root = ElementTree.fromstring(out)
    suites = {s.get("name"): s for s in root}
    failing = {r.rule_id for r in _final().findings if r.severity.value == "error"}
    assert int(suites[str(FINAL)].get("failures") or 0) == len(failing)
    assert suites[str(SEED)].get("failures") == "0"
    assert suites["missing.json"].get("errors") == "1"


# ---- HTML -------------------------------------------------------------------------------------


def test_html_page_is_self_contained_with_charts(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    status, _, _ = _run("check", "--format", "html", "--output", str(target), str(FINAL))
    assert status == 1
    page = target.read_text(encoding="utf-8")
    assert "<link" not in page
    assert "src=" not in page
    assert re.findall(r"https?://[^\"' )]+", page) == ["http://www.w3.org/2000/svg"] * page.count(
        "<svg"
    )
    assert page.count("<svg") == 5  # function, economic, two inconsistent units, year on year
    assert "支出功能分类" in page
    assert "不一致" in page
    # every finding is a row with its figures, linked from the chart of inconsistencies
    assert page.count('<tr id="f-') == len(_final().findings)
    assert 'href="#f-1"' in page or 'href="#f-' in page


def test_html_for_a_batch_writes_pages_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    status, stdout, _ = _run(
        "check", "--format", "html", "-o", str(out), str(FINAL), str(SEED), "missing.json"
    )
    assert status == 2
    assert stdout == ""
    pages = sorted(p.name for p in out.iterdir())
    assert "index.html" in pages
    assert len(pages) == 4
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in pages:
        if page != "index.html":
            assert f'href="{page}"' in index
    assert "无法读取" in index


def test_html_for_several_documents_needs_a_folder() -> None:
    status, _, err = _run("check", "--format", "html", str(FINAL), str(SEED))
    assert status == 2
    assert "--output DIR" in err


def test_html_escapes_what_a_document_says() -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["department"] = '<script>alert("x")</script>\x07局'
    budget = load(json.dumps(data, ensure_ascii=False))
    page = render_document("html", validate(budget), source="<b>.json", budget=budget)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "\x07" not in page
    assert "&lt;b&gt;.json" in page


# ---- output files ----------------------------------------------------------------------------


def test_output_file_for_text_formats(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    status, stdout, _ = _run("check", "--format", "csv", "-o", str(target), str(SEED))
    assert (status, stdout) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("document,department,year,rule_id")


def test_output_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    status, _, err = _run("check", "-o", str(tmp_path / "no" / "such" / "x.txt"), str(SEED))
    assert status == 2
    assert "cannot write" in err


def test_joined_formats_of_a_report_without_findings() -> None:
    report = validate(load(SEED), select=["BAL"])
    assert not report.findings
    pieces = {
        fmt: [render_document(fmt, report, source="a.json")] for fmt in ("sarif", "csv", "junit")
    }
    sarif = json.loads(combine("sarif", pieces["sarif"]))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []
    assert combine("csv", pieces["csv"]).splitlines() == [",".join(COLUMNS)]
    suite = ElementTree.fromstring(combine("junit", pieces["junit"]))[0]
    assert (suite.get("failures"), len(suite)) == ("0", int(suite.get("tests") or 0))


def test_junit_holds_control_characters_as_valid_xml() -> None:
    text = junit_failure("a\x01.json", "a\x01.json: bad byte \x00 here")
    suite = ElementTree.fromstring(suites([text]))[0]
    assert suite.get("name") == "a\ufffd.json"


def test_html_of_a_narrative_links_findings_to_its_lines(tmp_path: Path) -> None:
    target = tmp_path / "n.html"
    status, _, _ = _run("check", "--format", "html", "-o", str(target), str(NARRATIVE))
    assert status == 0
    page = target.read_text(encoding="utf-8")
    links = re.findall(r'<a href="#L([0-9]+)">', page)
    assert links
    lines = NARRATIVE.read_text(encoding="utf-8").split("\n")
    assert page.count('<li id="L') == len(lines)
    for line in links:
        assert f'<li id="L{line}">' in page


def test_findings_of_a_json_document_carry_their_json_pointer() -> None:
    _, out, _ = _run("check", "--format", "json", str(FINAL))
    record = json.loads(out)
    document = json.loads(FINAL.read_text(encoding="utf-8"))
    for finding in record["findings"]:
        pointer = finding["place"]["pointer"]
        assert finding["place"]["file"] == str(FINAL)
        value: object = document
        for key in pointer.lstrip("/").split("/"):  # the pointer resolves in the file
            value = value[int(key)] if isinstance(value, list) else value[key]  # type: ignore[index]
        assert value is not None
    # a classification line by its position in the file, not its code
    from govbudget.output.pointer import pointer_of

    budget = load(FINAL)
    assert pointer_of(budget, "/expenditure/by_function/207/20701/2070101") == (
        "/expenditure/by_function/0/children/0/children/0"
    )
    _, text, _ = _run("check", str(FINAL))
    assert "#/three_public" not in text  # the text report does not repeat it


def test_html_charts_the_classes_of_a_pdfs_tables() -> None:
    """A PDF or workbook states its classes in its tables, seldom in its narrative: the page
    charts the 类 rows of the 支出决算表 (not its 款 and 项) and of the basic-spending table."""
    from govbudget import wan
    from govbudget.model import DepartmentBudget, Kind
    from govbudget.output.html import render_html
    from govbudget.table import Column, Row, Table, TableKind

    spending = Table(
        title="支出决算表",
        kind=TableKind.FINAL_EXPENDITURE,
        columns=[Column("本年支出合计"), Column("基本支出")],
        rows=[
            Row(name="合计", values=[wan("30"), wan("20")]),
            Row(code="201", name="一般公共服务支出", values=[wan("18.5"), wan("10")]),
            Row(code="20103", name="政府办公厅（室）及相关机构事务", values=[wan("18.5"), None]),
            Row(code="208", name="社会保障和就业支出", values=[wan("11.5"), wan("10")]),
        ],
        pages=(6,),
    )
    basic = Table(
        title="一般公共预算财政拨款基本支出决算表",
        kind=TableKind.FINAL_GENERAL_PUBLIC_BASIC,
        columns=[Column("决算数", side="人员经费"), Column("决算数", side="公用经费")],
        rows=[
            Row(code="301", name="工资福利支出", side="人员经费", values=[wan("15"), None]),
            Row(code="302", name="商品和服务支出", side="公用经费", values=[None, wan("5")]),
        ],
        pages=(8,),
    )
    budget = DepartmentBudget(
        department="某局", year=2024, kind=Kind.FINAL, tables=(spending, basic)
    )
    page = render_html(validate(budget), source="a.pdf", budget=budget)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", page)
    assert "支出功能分类 expenditure by function（万元）" in labels
    assert "201 一般公共服务支出" in labels
    assert "208 社会保障和就业支出" in labels
    assert "11.50" in labels
    assert "20103 政府办公厅（室）及相关机构事务" not in labels
    assert "302 商品和服务支出" in labels  # on the other side of the table, in its own column
