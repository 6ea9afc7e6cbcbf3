"""``govbudget check --max-values N``: larger JSON documents when asked, the safe default kept."""

from __future__ import annotations

import io
import json
from pathlib import Path

from govbudget.cli import main
from govbudget.io import MAX_VALUES

HEAD = {
    "format": "govbudget/1",
    "department": "某局",
    "year": 2025,
    "income": {"total": {"amount": "2"}, "other": {"amount": "2"}},
}


def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def _many(tmp_path: Path) -> tuple[Path, str]:
    document = {**HEAD, "projects": [{"name": f"项目{i}"} for i in range(MAX_VALUES // 2)]}
    text = json.dumps(document, ensure_ascii=False)
    path = tmp_path / "many.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_document_over_the_default_is_refused_naming_the_flag(tmp_path: Path) -> None:
    path, _ = _many(tmp_path)
    status, _, err = _run("check", "--format", "json", str(path))
    assert status == 2
    assert "more than 200000 values" in err
    assert "--max-values" in err


def test_max_values_reads_it_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    path, text = _many(tmp_path)
    for argv, stdin in (([str(path)], ""), (["-"], text)):
        status, out, err = _run(
            "check", "--format", "json", "--max-values", "300000", *argv, stdin=stdin
        )
        assert (status, err) == (0, ""), err
        assert json.loads(out)["ok"] is True


def test_max_values_must_be_positive() -> None:
    status, _, err = _run("check", "--max-values", "0", "examples/zengdu-xinfang-2025/budget.json")
    assert status == 2
    assert "--max-values must be a positive number of values, not 0" in err
