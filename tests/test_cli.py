"""The command line: check (formats, languages, selection, exit statuses, jobs, stdin), rules,
explain and schema. Run in-process through ``main`` with string streams, plus one real process."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govbudget import RULES, dumps, load
from govbudget.cli import PROGRESS_MIN_FILES, main
from govbudget.io.schema import schema_text

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(
    *argv: str,
    stdin: str = "",
    environ: dict[str, str] | None = None,
    stdout: io.StringIO | None = None,
    stderr: io.StringIO | None = None,
) -> tuple[int, str, str]:
    out = stdout if stdout is not None else io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    status = main(
        list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, environ=environ or {}
    )
    return status, out.getvalue(), err.getvalue()


def _broken(tmp_path: Path, name: str = "broken.json") -> Path:
    """The seed with 基本支出 stated as 295.23 + 130 = 425.23 (a subtotal that includes the other part)."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["expenditure"]["total"] = {"amount": "425.23"}
    data["expenditure"]["basic"]["amount"] = "425.23"
    data["expenditure"]["project"]["amount"] = "130"
    target = tmp_path / name
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def test_check_the_seed_in_text() -> None:
    status, out, err = _run("check", str(SEED))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"曾都区信访局 2025 — {SEED}"
    assert "支出" in lines
    assert "“三公”经费" in lines
    assert "填报 24.1 · 计算 24.09 · 差额 0.01 · 舍入允许 0.07（万元）" in out
    assert lines[-1].startswith("✓ 通过 — 共 ")
    assert "\x1b[" not in out


def test_check_in_english() -> None:
    status, out, _ = _run("check", "--lang", "en", str(SEED))
    assert status == 0
    assert "stated 24.1 · computed 24.09 · gap 0.01 · tolerance 0.07 (万元)" in out
    assert out.splitlines()[-1].startswith("✓ passed — ")


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    _, piped, _ = _run("check", str(SEED))
    _, on_tty, _ = _run("check", str(SEED), stdout=_Terminal())
    _, no_color, _ = _run("check", str(SEED), stdout=_Terminal(), environ={"NO_COLOR": "1"})
    _, forced, _ = _run("check", "--color", "always", str(SEED))
    assert "\x1b[" not in piped
    assert "\x1b[33m警告" in on_tty
    assert "\x1b[" not in no_color
    assert "\x1b[" in forced


def test_json_lines_have_stable_keys(tmp_path: Path) -> None:
    broken = _broken(tmp_path)
    status, out, _ = _run("check", "--format", "json", str(SEED), str(broken))
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [str(SEED), str(broken)]
    for record in records:
        assert list(record)[:3] == ["format", "source", "department"]
        assert {"source", "ok", "summary", "findings"} <= set(record)
        assert set(record["summary"]) == {
            "checks",
            "exact",
            "within_rounding",
            "inconsistent",
            "error",
            "warning",
            "info",
        }
        for finding in record["findings"]:
            assert {
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
            } <= set(finding)
    assert records[0]["ok"] is True
    assert records[1]["ok"] is False
    errors = [f for f in records[1]["findings"] if f["severity"] == "error"]
    assert [(f["rule_id"], f["location"], f["stated"], f["computed"]) for f in errors] == [
        ("TOT004", "/expenditure/total", "425.23", "555.23"),
        ("XS003", "/appropriation/general_public/basic", "425.23", "295.23"),
    ]


def test_error_findings_exit_1_and_fail_on_warning(tmp_path: Path) -> None:
    assert _run("check", str(_broken(tmp_path)))[0] == 1
    # The seed has one warning (a former class name) and no error.
    assert _run("check", str(SEED))[0] == 0
    assert _run("check", "--fail-on", "warning", str(SEED))[0] == 1
    assert _run("check", "--fail-on", "warning", "--ignore", "codes", str(SEED))[0] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "nope.json: cannot read the file: No such file or directory"),
        ('{"format": "govbudget/1",\n "year": }', "bad.json:2: not valid JSON"),
        (
            '{"format": "govbudget/1", "department": "某局", "year": 2025, "income": {"totl": {}}}',
            "bad.json at /income/totl: unknown key 'totl' in Income; did you mean 'total'?",
        ),
        ("[]", "bad.json: a document must be a JSON object"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "nope.json"
    if content is not None:
        name = "bad.json"
        (tmp_path / name).write_text(content, encoding="utf-8")
    status, out, err = _run("check", name, str(SEED))
    assert status == 2
    assert err.count("\n") == 1
    assert err.startswith(f"govbudget: {expected}")
    assert "Traceback" not in err
    assert "曾都区信访局" in out  # the other file is still checked


def test_unreadable_input_in_json_mode_still_gives_its_line() -> None:
    status, out, err = _run("check", "--format", "json", "missing.json")
    assert status == 2
    assert json.loads(out) == {
        "format": "govbudget-report/1",
        "source": "missing.json",
        "ok": False,
        "error": "missing.json: cannot read the file: No such file or directory",
    }
    assert err.startswith("govbudget: missing.json")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], "govbudget check: the following arguments are required: FILE"),
        (["check", "--select", "NOPE", "x.json"], "govbudget: 'NOPE' is neither a rule id"),
        (["check", "--jobs", "-1", "x.json"], "govbudget: --jobs must be 0"),
        (["check", "--format", "xml", "x.json"], "govbudget check: argument --format"),
        (["check", "-", "-"], "govbudget: stdin (-) can be read only once"),
        (["explain", "YOY02"], "govbudget: no rule has the id 'YOY02'; did you mean YOY002?"),
        (["frobnicate"], "govbudget: argument COMMAND: invalid choice"),
        ([], "govbudget: the following arguments are required: COMMAND"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(argv: list[str], expected: str) -> None:
    status, out, err = _run(*argv)
    assert status == 2
    assert out == ""
    assert err.startswith(expected), err
    assert err.count("\n") == 1


def test_help_and_version_go_to_stdout() -> None:
    status, out, _ = _run("--help")
    assert status == 0
    assert "check" in out
    assert "explain" in out
    status, out, _ = _run("--version")
    assert (status, out.split()[0]) == (0, "govbudget")


def test_stdin() -> None:
    status, out, _ = _run("check", "--format", "json", "-", stdin=SEED.read_text(encoding="utf-8"))
    assert status == 0
    assert json.loads(out)["source"] == "<stdin>"
    status, _, err = _run("check", "-", stdin="{")
    assert status == 2
    assert err.startswith("govbudget: <stdin>:1: not valid JSON")


def test_select_and_ignore_by_id_prefix_and_family() -> None:
    _, out, _ = _run("check", "--format", "json", "--select", "trees,COD", str(SEED))
    rules = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert rules == {"TRE001", "COD002"}
    _, out, _ = _run("check", "--format", "json", "--ignore", "codes", "--ignore", "yoy", str(SEED))
    assert {f["rule_id"] for f in json.loads(out)["findings"]} == {"TRE001"}


def test_jobs_keep_the_order_of_the_files(tmp_path: Path) -> None:
    files = [str(SEED) if i % 3 else str(_broken(tmp_path, f"b{i}.json")) for i in range(7)]
    serial = _run("check", "--format", "json", *files)
    parallel = _run("check", "--format", "json", "--jobs", "3", *files)
    assert serial == parallel
    assert serial[0] == 1
    assert [json.loads(line)["source"] for line in serial[1].splitlines()] == files


def test_several_files_end_with_a_total_line(tmp_path: Path) -> None:
    _, out, _ = _run("check", "--lang", "en", str(SEED), str(_broken(tmp_path)), "missing.json")
    assert out.splitlines()[-1].startswith("3 files: 1 passed, 1 failed, 1 unreadable;")


def test_a_progress_bar_on_a_terminal_for_many_files() -> None:
    files = [str(SEED)] * PROGRESS_MIN_FILES
    _, _, quiet = _run("check", "--format", "json", *files)
    assert quiet == ""
    terminal = _Terminal()
    _run("check", "--format", "json", *files, stderr=terminal)
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())  # rich's styles
    assert f"{PROGRESS_MIN_FILES}/{PROGRESS_MIN_FILES}" in drawn  # the count …
    assert re.search(r"[0-9.]+/s", drawn)  # … the rate …
    assert "budget.json" in drawn  # … and the file just done
    assert terminal.getvalue().endswith("\x1b[2K")  # the bar is erased when done
    # stdout on the same terminal: the reports are printed above the bar, not overdrawn by it
    screen, out = _Terminal(), _Terminal()
    _run("check", "--color", "never", *files, stdout=out, stderr=screen)
    assert screen.getvalue().count("曾都区信访局 2025") == PROGRESS_MIN_FILES
    assert out.getvalue().strip().startswith(f"共 {PROGRESS_MIN_FILES} 个文件")
    terminal = _Terminal()
    _run("check", "--no-progress", *files, stderr=terminal)
    assert terminal.getvalue() == ""


def test_markdown() -> None:
    status, out, _ = _run("check", "--format", "markdown", "--lang", "en", str(SEED))
    assert status == 0
    assert out.startswith(f"## 曾都区信访局 2025 — `{SEED}`")
    assert (
        "| info | `TRE001` | expenditure by economic class, 302 商品和服务支出 | 24.1 | 24.09 |"
        in out
    )


def test_rules_and_explain_and_schema() -> None:
    _, out, _ = _run("rules", "--format", "json")
    listed = json.loads(out)
    assert [r["id"] for r in listed] == list(RULES)
    assert set(listed[0]) >= {"id", "family", "severity", "title_zh", "title_en", "formula"}
    _, out, _ = _run("rules")
    assert len(out.splitlines()) == len(RULES)
    assert out.splitlines()[0].startswith(f"{next(iter(RULES))}  ")
    status, out, _ = _run("explain", "tot004", "--lang", "en")
    assert status == 0
    assert out.startswith("TOT004 — Total expenditure equals basic plus project expenditure")
    assert "formula: 支出合计 = 基本支出 + 项目支出" in out
    status, out, _ = _run("schema")
    assert (status, out) == (0, schema_text())
    assert json.loads(out)["properties"]["format"]["const"] == "govbudget/1"


def test_a_real_process_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(dumps(load(SEED)).replace('"year": 2025', '"year": "2025"'), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "govbudget", "check", str(SEED), str(broken)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr == f'govbudget: {broken} at /year: expected an integer, got "2025"\n'
    assert result.stdout.startswith("曾都区信访局 2025")


def test_a_closed_pipe_is_not_an_error() -> None:
    command = f"{sys.executable} -m govbudget rules | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout.startswith(next(iter(RULES)))
    assert "Traceback" not in result.stderr


def test_a_folder_is_every_document_under_it(tmp_path: Path) -> None:
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "b.json").write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "a.json").write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "notes.md").write_text("not a budget", "utf-8")
    status, out, _ = _run("check", "--format", "json", str(tmp_path))
    assert status == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [
        str(tmp_path / "2025" / "b.json"),
        str(tmp_path / "a.json"),
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = _run("check", str(empty))
    assert status == 2
    assert err == f"govbudget: no .json or .txt documents in {empty}\n"


def test_a_failure_of_ours_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import govbudget.cli

    calls = []

    def flaky(budget: object, **_: object) -> object:
        calls.append(budget)
        if len(calls) == 1:
            raise ZeroDivisionError("division by zero")
        return govbudget.validate(budget)  # type: ignore[arg-type]

    monkeypatch.setattr(govbudget.cli, "validate", flaky)
    status, out, err = _run("check", "--format", "json", str(SEED), str(SEED))
    assert status == 3
    assert err == (
        f"govbudget: {SEED}: govbudget failed while checking it (ZeroDivisionError: division by"
        " zero); please report this with the document\n"
    )
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["ok"], second["ok"]) == (False, True)
