"""Configuration files, --severity, baselines and the Report API for DataFrames and notebooks."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from govbudget import load, validate
from govbudget.cli import main
from govbudget.io.config import ConfigError, find_config, parse_config
from govbudget.output.baseline import Baseline, BaselineError
from govbudget.report import RECORD_KEYS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder, the current folder while the test runs."""
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


# ---- configuration ----------------------------------------------------------------------------


def test_pyproject_tool_table_is_found_from_a_subfolder(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.govbudget]\nformat = "json"\nlanguage = "en"\n'
        'fail-on = "warning"\n\n[tool.govbudget.severity]\nCOD002 = "info"\n',
        encoding="utf-8",
    )
    (project / "docs").mkdir()
    os.chdir(project / "docs")
    status, out, _ = _run("check", str(SEED))
    record = json.loads(out)
    assert record["format"] == "govbudget-report/1"  # format = "json"
    severities = {f["rule_id"]: f["severity"] for f in record["findings"]}
    assert severities["COD002"] == "info"  # the one warning made information …
    assert status == 0  # … so fail-on = "warning" finds nothing to fail on
    status, out, _ = _run("check", "--format", "text", "--fail-on", "error", str(SEED))
    assert out.splitlines()[-1].startswith("✓ passed")  # the command line wins, language from file


def test_govbudget_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.govbudget]\nformat = "json"\n', "utf-8")
    (project / "govbudget.toml").write_text('format = "csv"\nselect = ["COD"]\n', "utf-8")
    config = find_config(project)
    assert config is not None
    assert (config.format, config.select) == ("csv", ("COD",))
    _, out, _ = _run("check", str(SEED))
    assert out.startswith("document,")
    assert {row["rule_id"] for row in csv.DictReader(io.StringIO(out))} == {"COD002"}


def test_a_pyproject_without_the_table_is_not_a_configuration() -> None:
    assert parse_config('[project]\nname = "x"\n', source="pyproject.toml", pyproject=True) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["TOT"]', "unknown key 'selct'"),
        ('fail-on = "fatal"', "fail-on must be error, warning or info, not 'fatal'"),
        ('format = "pdf"', "format must be one of text, markdown"),
        ('select = ["NOPE999"]', "select:"),
        ("[severity]\nTOT004 = 3", "severity of TOT004 must be error, warning or info, not 3"),
        ("format = ", "not valid TOML"),
    ],
)
def test_a_wrong_configuration_names_the_file_and_key(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match="^govbudget.toml: .*" + message.replace("(", r"\(")):
        parse_config(text, source="govbudget.toml")


def test_a_wrong_configuration_file_is_exit_2(project: Path) -> None:
    (project / "govbudget.toml").write_text('language = "fr"\n', "utf-8")
    status, out, err = _run("check", str(SEED))
    assert (status, out) == (2, "")
    assert "govbudget.toml: language must be one of zh, en, not 'fr'" in err


def test_severity_on_the_command_line() -> None:
    status, out, _ = _run("check", "--format", "json", "--severity", "COD002=error", str(SEED))
    assert status == 1
    assert {f["severity"] for f in json.loads(out)["findings"] if f["rule_id"] == "COD002"} == {
        "error"
    }
    status, out, _ = _run(
        "check", "--format", "json", "--severity", "three_public=warning", str(SEED)
    )
    assert {f["severity"] for f in json.loads(out)["findings"] if f["rule_id"] == "YOY004"} == {
        "info"  # YOY004 is a year-on-year rule, not of the three_public family
    }
    for wrong, said in (("COD002", "write RULE=LEVEL"), ("COD002=high", "not 'high'")):
        status, _, err = _run("check", "--severity", wrong, str(SEED))
        assert status == 2
        assert said in err


# ---- baselines --------------------------------------------------------------------------------


def test_a_baseline_hides_known_findings_and_shows_new_ones(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    status, _, _ = _run("check", "--write-baseline", str(baseline), str(FINAL))
    assert status == 1
    known = json.loads(baseline.read_text(encoding="utf-8"))
    assert known["format"] == "govbudget-baseline/1"
    assert len(known["fingerprints"]) == len(validate(load(FINAL)).findings)
    # the same document, moved: nothing new
    moved = tmp_path / "moved.json"
    moved.write_bytes(FINAL.read_bytes())
    status, out, _ = _run("check", "--format", "json", "--baseline", str(baseline), str(moved))
    assert status == 0
    assert json.loads(out)["findings"] == []
    # a figure changed: that relation is new
    data = json.loads(FINAL.read_text(encoding="utf-8"))
    data["three_public"]["total"]["amount"] = "40"
    moved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, out, _ = _run("check", "--format", "json", "--baseline", str(baseline), str(moved))
    new = json.loads(out)["findings"]
    assert new
    assert all(f["location"].startswith("/three_public") for f in new)


def test_fingerprints_do_not_depend_on_the_file_name() -> None:
    report = validate(load(SEED))
    baseline = Baseline.of([("a/budget.json", report)])
    assert all(baseline.known(report, f, "b/other.json") for f in report.findings)
    assert Baseline.loads(baseline.dumps()) == baseline


@pytest.mark.parametrize("text", ["[]", "{}", "not json", '{"format": "govbudget-baseline/1"}'])
def test_a_wrong_baseline_file_is_refused(text: str) -> None:
    with pytest.raises(BaselineError, match=r"^b\.json: "):
        Baseline.loads(text, source="b.json")


# ---- the Report API ---------------------------------------------------------------------------


def test_findings_and_checks_named_for_what_they_hold() -> None:
    report = validate(load(SEED))
    checks = report.checks_by_rule("TRE001")
    findings = report.findings_by_rule("TRE001")
    assert len(checks) > len(findings) == 1
    assert report.by_rule("TRE001") == checks


def test_every_finding_has_exact_figures() -> None:
    report = validate(load(FINAL))
    yoy = report.findings_by_rule("YOY002")[0]
    exact = yoy.exact_figures()
    assert isinstance(exact["computed"], Fraction)
    assert exact["stated"] == Fraction("25.21")
    assert exact["gap"] == abs(exact["stated"] - exact["computed"])
    shown = yoy.figures()["computed"]
    assert shown is not None
    assert shown.startswith("≈")


def test_to_records_for_any_dataframe_library() -> None:
    report = validate(load(FINAL))
    records = report.to_records()
    assert len(records) == len(report.findings)
    assert all(tuple(r) == RECORD_KEYS for r in records)
    yoy = next(r for r in records if r["rule_id"] == "YOY002")
    assert yoy["stated"] == Decimal("25.21")
    assert isinstance(yoy["computed"], Decimal)
    assert len(report.to_records(all_checks=True)) == len(report.checks)


def test_to_pandas_and_to_polars() -> None:
    report = validate(load(FINAL))
    frame = report.to_pandas()
    assert list(frame.columns) == list(RECORD_KEYS)
    assert len(frame) == len(report.findings)
    assert frame.loc[frame.rule_id == "SG001", "stated"].iloc[0] == Decimal("20.38")
    table = report.to_polars()
    assert table.columns == list(RECORD_KEYS)
    assert table.height == len(report.findings)
    empty = validate(load(SEED), select=["BAL"]).to_polars()
    assert (empty.height, str(empty.schema["stated"]).startswith("Decimal")) == (0, True)


def test_repr_html_for_notebooks() -> None:
    report = validate(load(FINAL))
    html = report._repr_html_()
    assert html.startswith('<div class="govbudget-report">')
    assert html.count('<tr id="f-') == len(report.findings)


def test_a_baseline_named_in_the_configuration_is_next_to_it(project: Path) -> None:
    (project / "govbudget.toml").write_text('baseline = "known.json"\n', "utf-8")
    status, _, _ = _run("check", "--write-baseline", str(project / "known.json"), str(FINAL))
    assert status == 1
    (project / "docs").mkdir()
    os.chdir(project / "docs")  # the baseline is found beside the file, not here
    status, out, _ = _run("check", "--format", "json", str(FINAL))
    assert (status, json.loads(out)["findings"]) == (0, [])
