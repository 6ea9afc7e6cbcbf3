"""The command line on narrative text: ``check FILE.txt`` and ``extract``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from govbudget import load
from govbudget.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "zengdu-xinfang-2025"
NARRATIVE = EXAMPLE / "narrative.txt"


def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def test_check_reads_a_narrative_and_says_what_it_read() -> None:
    status, out, err = _run("check", str(NARRATIVE))
    assert (status, err) == (0, "")
    assert (
        "文本中的数字：共 211 个，已读入 180 个，属上下文 31 个，未能识别 0 个（已说明 100.0%）"
        in out
    )
    assert "numbers in the text: 211 found, 180 mapped, 31 context, 0 not understood" in out
    assert "copied-indicators" in out
    # the findings point to the line of the text their figure is on
    assert f"{NARRATIVE}:99:3" in out


def test_check_gives_the_report_of_the_json_document() -> None:
    _, text_out, _ = _run("check", "--format", "json", str(NARRATIVE))
    _, json_out, _ = _run("check", "--format", "json", str(EXAMPLE / "budget.json"))
    ours, theirs = json.loads(text_out), json.loads(json_out)
    assert ours["summary"] == theirs["summary"]
    strip = {"source", "place"}  # where the figure was read: the text, or nowhere
    assert [{k: v for k, v in f.items() if k not in strip} for f in ours["findings"]] == [
        {k: v for k, v in f.items() if k not in strip} for f in theirs["findings"]
    ]


def test_json_report_of_a_narrative_says_what_was_read() -> None:
    _, out, _ = _run("check", "--format", "json", str(NARRATIVE))
    reading = json.loads(out)["reading"]
    assert reading["summary"] == {"found": 211, "mapped": 180, "context": 31, "not_understood": 0}
    assert (reading["not_understood"], reading["tables"], reading["notes"]) == ([], None, [])
    assert {w["code"] for w in reading["warnings"]} == {"copied-indicators"}
    _, out, _ = _run("check", "--format", "json", str(EXAMPLE / "budget.json"))
    assert "reading" not in json.loads(out)


def test_json_report_keeps_the_numbers_not_understood(tmp_path: Path) -> None:
    lines = NARRATIVE.read_text(encoding="utf-8").split("\n")
    lines.insert(99, "The total is 425.23 million yuan.")
    text = tmp_path / "narrative.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    _, out, _ = _run("check", "--format", "json", str(text))
    reading = json.loads(out)["reading"]
    missing = reading["not_understood"]
    assert len(missing) == reading["summary"]["not_understood"] > 0
    assert {k: missing[0][k] for k in ("text", "line", "column")} == {
        "text": "425.23",
        "line": 100,
        "column": 14,
    }


def test_stdin_that_is_not_json_is_read_as_narrative() -> None:
    status, out, _ = _run("check", "-", stdin=NARRATIVE.read_text(encoding="utf-8"))
    assert status == 0
    assert "已读入 180 个" in out


def test_extract_writes_the_document(tmp_path: Path) -> None:
    output, numbers = tmp_path / "budget.json", tmp_path / "numbers.json"
    status, out, err = _run("extract", str(NARRATIVE), "-o", str(output), "--numbers", str(numbers))
    assert (status, out) == (0, "")
    assert err.startswith("文本中的数字：共 211 个")
    budget = load(output)
    assert budget.department == "曾都区信访局"
    assert budget.expenditure is not None
    assert len(budget.expenditure.by_economic) == 4
    accounting = json.loads(numbers.read_text(encoding="utf-8"))
    assert accounting["summary"] == {
        "found": 211,
        "mapped": 180,
        "context": 31,
        "not_understood": 0,
    }
    first = accounting["numbers"][0]
    assert (first["text"], first["path"]) == ("14", "/staffing/in_service")
    assert {"line", "column", "around", "path", "reason"} <= set(first)


def test_extract_to_stdout_and_with_what_the_text_lacks() -> None:
    text = "2025年“三公”经费预算 10 万元，比上年减少 2 万元。"
    status, out, _ = _run("extract", "-", stdin=text)
    assert status == 0  # a text is never refused for what it does not say
    assert "department" not in json.loads(out)
    status, out, err = _run("extract", "-", "--department", "某单位", stdin=text)
    assert status == 0
    document = json.loads(out)
    assert document["department"] == "某单位"
    assert document["three_public"]["total"]["amount"] == "10"
    assert "已读入 2 个" in err


def test_unreadable_input_is_one_line_and_status_2(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    status, _, err = _run("check", str(binary))
    assert status == 2
    assert err.count("\n") == 1
    assert "binary" in err
    foreign = tmp_path / "letter.txt"
    foreign.write_text("Dear reader, nothing here is a budget.", encoding="utf-8")
    status, out, err = _run("check", str(foreign))
    # Text is read, and the report says what it lacks; with no figure checked, that is a
    # warning (issue 14: a document with nothing to check is not a pass).
    assert (status, err) == (0, f"govbudget: {foreign}: warning: nothing to check\n")
    assert "IDN001" in out
    assert "未写明部门（单位）名称和年度" in out


def test_check_takes_the_identity_the_text_lacks(tmp_path: Path) -> None:
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text("“三公”经费预算 10 万元，比上年减少 2 万元。", encoding="utf-8")
    status, out, _ = _run(
        "check",
        str(excerpt),
        "--department",
        "某单位",
        "--year",
        "2024",
        "--kind",
        "final",
        "--format",
        "json",
    )
    record = json.loads(out)
    assert (status, record["department"], record["year"]) == (0, "某单位", 2024)
    assert not any(f["rule"] == "IDN001" for f in record["findings"])
    status, _, err = _run("check", str(excerpt), "--year", "1800")
    assert status == 2
    assert "--year" in err


def test_extract_to_an_unwritable_place(tmp_path: Path) -> None:
    status, _, err = _run(
        "extract", str(NARRATIVE), "-o", str(tmp_path / "no" / "such" / "dir.json")
    )
    assert status == 2
    assert err.startswith("govbudget: cannot write")


def test_a_weakness_a_rule_reports_is_said_once() -> None:
    text = (
        "某县财政局2025年部门预算情况说明\n一、部门整体绩效目标\n"
        "年度目标 1：保障财政运行，具体指标设置为：\n"
        "数量指标：培训班次达到 12，指标设立依据是计划标准。\n"
    )
    status, out, _ = _run("check", "-", stdin=text)
    assert status == 0
    assert "PRF003" in out
    assert "indicator-without-unit" not in out
    _, out, err = _run("extract", "-", stdin=text)
    assert "indicator-without-unit" in err
