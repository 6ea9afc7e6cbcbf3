"""The reports of every example in every output format, as golden files.

``tests/golden/`` holds what this module renders; ``tests/test_golden_reports.py`` asserts
that the reports are unchanged byte for byte. When a change of the output is intended
(a new rule, a new field, a better message), regenerate the files and review their diff:

    .venv/bin/python -m tests.golden_reports      # from the repository root

Never edit the files by hand. Each example input (every ``.json`` and ``.txt`` document
under ``examples/``) is rendered by the command line in each ``--format`` and
``--lang`` (and in colour), and by the API: ``Report.render`` in text and Markdown and
``Report.to_dict(all_checks=True)``, which holds every check made, the exact ones too.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from govbudget import validate
from govbudget.cli import main, read_input
from govbudget.render import render_markdown, render_text

ROOT: Final = Path(__file__).resolve().parent.parent
GOLDEN: Final = ROOT / "tests" / "golden"
EXAMPLES: Final = ROOT / "examples"


def inputs() -> list[str]:
    """Every example document the command line checks, as a path relative to the root."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in EXAMPLES.rglob("*")
        if path.is_file() and path.suffix in (".json", ".txt")
    )


def _cli(name: str, *options: str) -> Callable[[], str]:
    def run() -> str:
        out, err = io.StringIO(), io.StringIO()
        status = main(["check", *options, name], stdout=out, stderr=err, environ={})
        return f"{out.getvalue()}--- stderr\n{err.getvalue()}--- exit {status}\n"

    return run


def _api(name: str, what: str) -> Callable[[], str]:
    def run() -> str:
        report = validate(read_input(name).budget)
        if what == "render-zh":
            return render_text(report, lang="zh", layout="families") + "\n"
        if what == "render-en-md":
            return render_markdown(report, lang="en", layout="families") + "\n"
        data = report.to_dict(all_checks=True)
        checks = data.pop("checks")
        assert isinstance(checks, list)
        # One line per check, so that a diff names the checks that changed.
        lines = [json.dumps(data, ensure_ascii=False, sort_keys=True)]
        lines += [json.dumps(check, ensure_ascii=False, sort_keys=True) for check in checks]
        return "\n".join(lines) + "\n"

    return run


def renderings() -> Iterator[tuple[str, Callable[[], str]]]:
    """(golden file name, what renders it) for every example and output format."""
    for name in inputs():
        stem = name.removeprefix("examples/").replace("/", "__")
        yield f"{stem}.cli-text-zh.txt", _cli(name, "--color", "never")
        yield f"{stem}.cli-text-en.txt", _cli(name, "--color", "never", "--lang", "en")
        yield f"{stem}.cli-text-colour.txt", _cli(name, "--color", "always")
        yield f"{stem}.cli-markdown-zh.md", _cli(name, "--format", "markdown")
        yield f"{stem}.cli-markdown-en.md", _cli(name, "--format", "markdown", "--lang", "en")
        yield f"{stem}.cli-json.jsonl", _cli(name, "--format", "json")
        yield f"{stem}.api-render-zh.txt", _api(name, "render-zh")
        yield f"{stem}.api-render-en.md", _api(name, "render-en-md")
        yield f"{stem}.api-all-checks.jsonl", _api(name, "all-checks")


def regenerate() -> list[Path]:
    """Write every golden file afresh (removing stale ones); the paths written."""
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for file_name, render in renderings():
        path = GOLDEN / file_name
        path.write_bytes(render().encode("utf-8"))
        written.append(path)
    for stale in set(GOLDEN.iterdir()) - set(written):
        stale.unlink()
    return written


if __name__ == "__main__":
    os.chdir(ROOT)  # the reports name the inputs by their paths from the root
    for path in regenerate():
        print(path.relative_to(ROOT), file=sys.stdout)
