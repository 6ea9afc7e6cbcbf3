"""The examples: every folder has a README; the 决算 example gets exactly the errors its README
lists; the findings-to-CSV script checks a folder and writes every finding."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from govbudget import Severity, load, validate
from govbudget.rounding import Outcome

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
FINAL = EXAMPLES / "shiliwenlv-2024-final"


def _readme_table(readme: Path) -> set[tuple[str, str, str | None, str | None]]:
    text = readme.read_text(encoding="utf-8")
    table = text.split("<!-- planted-errors -->")[1].split("<!-- /planted-errors -->")[0]
    rows = set()
    for line in table.strip().splitlines()[2:]:
        rule, location, stated, computed = (c.strip() for c in line.strip("|").split("|")[:4])
        rows.add(
            (
                rule,
                location,
                None if stated == "—" else stated,
                None if computed == "—" else computed,
            )
        )
    return rows


def test_every_example_has_a_readme() -> None:
    folders = [p for p in EXAMPLES.iterdir() if p.is_dir()]
    assert len(folders) >= 3
    for folder in folders:
        assert (folder / "README.md").is_file(), folder


def test_the_final_accounts_example_gets_exactly_the_errors_its_readme_lists() -> None:
    report = validate(load(FINAL / "budget.json"))
    errors = {
        (f.rule_id, f.location.path, f.figures()["stated"], f.figures()["computed"])
        for f in report.findings
        if f.severity is Severity.ERROR
    }
    assert errors == _readme_table(FINAL / "README.md")
    assert not report.ok


def test_the_final_accounts_example_is_otherwise_consistent() -> None:
    report = validate(load(FINAL / "budget.json"))
    by_path = {(f.rule_id, f.location.path): f for f in report.checks}
    # The carry-over identity of a 决算 holds exactly.
    assert by_path[("BAL005", "/final/carried_out")].outcome is Outcome.EXACT
    # Two percents within rounding are information, not errors.
    for path in ("/institutional_operation/percent", "/three_public/reception/percent"):
        finding = by_path[("YOY002", path)]
        assert (finding.outcome, finding.severity) == (Outcome.WITHIN_ROUNDING, Severity.INFO)
    assert {f.diagnosis.code for f in report.findings if f.diagnosis} >= {
        "percent_of_current",
        "amount_as_percent",
        "transposed_digits",
        "part_left_out",
    }


def _script() -> ModuleType:
    return _module(EXAMPLES / "findings-to-csv" / "findings_to_csv.py", "findings_to_csv")


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_findings_to_csv_over_the_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script()
    target = tmp_path / "findings.csv"
    assert script.main([str(EXAMPLES), str(target)]) == 1
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    files = {row["file"] for row in rows}
    assert files == {"shiliwenlv-2024-final/budget.json", "zengdu-xinfang-2025/budget.json"}
    errors = {
        (row["rule_id"], row["location"], row["stated"] or None, row["computed"] or None)
        for row in rows
        if row["severity"] == "error"
    }
    assert errors == _readme_table(FINAL / "README.md")
    seed = validate(load(EXAMPLES / "zengdu-xinfang-2025" / "budget.json"))
    assert sum(r["file"].startswith("zengdu") for r in rows) == len(seed.findings)
    assert capsys.readouterr().out.startswith("2 documents, ")


def test_findings_to_csv_reports_an_unreadable_file(tmp_path: Path) -> None:
    script = _script()
    shutil.copy(EXAMPLES / "zengdu-xinfang-2025" / "budget.json", tmp_path / "a.json")
    bad = json.loads((EXAMPLES / "zengdu-xinfang-2025" / "budget.json").read_text("utf-8"))
    bad["year"] = "二〇二五"
    (tmp_path / "b.json").write_text(json.dumps(bad, ensure_ascii=False), "utf-8")
    (tmp_path / "other.json").write_text('{"not": "a budget"}', "utf-8")
    target = tmp_path / "out.csv"
    assert script.main([str(tmp_path), str(target), "--all"]) == 2
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    unreadable = [r for r in rows if r["outcome"] == "unreadable"]
    assert [(r["file"], r["message_en"]) for r in unreadable] == [
        ("b.json", f'{tmp_path / "b.json"} at /year: expected an integer, got "二〇二五"')
    ]
    checks = len(validate(load(tmp_path / "a.json")).checks)
    assert sum(r["file"] == "a.json" for r in rows) == checks


def test_findings_to_csv_writes_no_formula(tmp_path: Path) -> None:
    """A unit named like a spreadsheet formula is text in the CSV (CSV injection)."""
    script = _script()
    final = json.loads((FINAL / "budget.json").read_text("utf-8"))
    final["department"] = "=cmd|' /C calc'!A0"
    (tmp_path / "a.json").write_text(json.dumps(final, ensure_ascii=False), "utf-8")
    target = tmp_path / "out.csv"
    assert script.main([str(tmp_path), str(target)]) == 1
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["department"] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert all(not row["location_zh"].startswith(("=", "+", "-", "@")) for row in rows)


WORD = EXAMPLES / "word-made-2024-final"


def test_the_word_made_pdf_is_what_its_script_makes(tmp_path: Path) -> None:
    script = _module(WORD / "make_pdf.py", "make_pdf")
    script.main(tmp_path / "disclosure.pdf")
    assert (tmp_path / "disclosure.pdf").read_bytes() == (WORD / "disclosure.pdf").read_bytes()


@pytest.mark.usefixtures("cjk_font")
def test_the_word_made_pdf_gets_exactly_the_errors_its_readme_lists() -> None:
    from govbudget import read_document

    report = validate(read_document(WORD / "disclosure.pdf").budget)
    found = set()
    for f in report.findings:
        if f.severity is Severity.ERROR:
            place = f.location.place
            page = None if place is None else place.page
            figures = f.figures()
            found.add((f.rule_id, f.location.zh, str(page), figures["stated"], figures["computed"]))
    text = (WORD / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- planted-errors -->")[1].split("<!-- /planted-errors -->")[0]
    listed = {
        tuple(c.strip() for c in line.strip().strip("|").split("|"))
        for line in table.strip().splitlines()[2:]
    }
    assert found == listed
