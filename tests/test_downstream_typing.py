"""Typed use downstream: ``mypy --strict`` passes code that uses govbudget as documented and
fails each marked misuse (``# E: code``) — a float as money, assigning to a frozen model, a
string where a ``Severity`` belongs, a field that does not exist. One mypy run for the folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

FOLDER = Path(__file__).parent / "downstream"
MARK = re.compile(r"#\s*E:\s*([a-z-]+)")
ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")


def _expected() -> set[tuple[str, int, str]]:
    found = set()
    for path in sorted(FOLDER.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = MARK.search(line)
            if match:
                found.add((path.name, number, match.group(1)))
    return found


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, int, str]]:
    config = tmp_path_factory.mktemp("mypy") / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    out, err, _status = api.run(
        [
            "--strict",
            "--config-file",
            str(config),
            "--show-error-codes",
            "--no-error-summary",
            "--no-pretty",
            "--cache-dir",
            str(Path(__file__).parent.parent / ".mypy_cache" / "downstream"),
            *sorted(str(p) for p in FOLDER.glob("*.py")),
        ]
    )
    assert err == ""
    errors = set()
    for line in out.splitlines():
        match = ERROR.match(line)
        assert match, f"unexpected mypy output: {line}"
        errors.add((Path(match["file"]).name, int(match["line"]), match["code"]))
    return errors


def test_there_are_misuses_to_catch() -> None:
    assert len(_expected()) >= 10


def test_correct_use_passes_strict(reported: set[tuple[str, int, str]]) -> None:
    assert {e for e in reported if e[0] == "correct_use.py"} == set()


def test_each_misuse_fails_with_its_code(reported: set[tuple[str, int, str]]) -> None:
    assert reported == _expected()
