"""Check every budget document in a folder and write one CSV row per finding.

Usage: ``python examples/findings-to-csv/findings_to_csv.py FOLDER OUT.csv [--all]``

Reads every ``*.json`` under FOLDER that is a govbudget document (``"format":
"govbudget/1"``), validates it and writes its findings — or, with ``--all``,
every check — to OUT.csv (UTF-8 with a byte-order mark, so that spreadsheet
programs show the Chinese text). A file that cannot be read gets one row with
the error. Text from a document that starts like a formula (``=``, ``+``, ``-``,
``@``) is written with an apostrophe before it, so that a spreadsheet shows it
rather than running it (``govbudget.output.csvfile.safe_cell``). Prints a one-line summary; the exit status is 1 when some finding
is an error, 2 when some file could not be read.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import govbudget
from govbudget.errors import DocumentError
from govbudget.output.csvfile import safe_cell

COLUMNS = [
    "file",
    "department",
    "year",
    "kind",
    "rule_id",
    "family",
    "severity",
    "outcome",
    "location",
    "location_zh",
    "stated",
    "computed",
    "gap",
    "tolerance",
    "unit",
    "diagnosis",
    "message_zh",
    "message_en",
]
#: Numbers as the report shows them: a leading minus is a sign, not a formula.
FIGURES = frozenset({"year", "stated", "computed", "gap", "tolerance"})


def documents(folder: Path) -> Iterator[Path]:
    """The govbudget documents under ``folder``, in a stable order."""
    for path in sorted(folder.rglob("*.json")):
        head = path.read_bytes()[:200].decode("utf-8", "replace")
        if '"govbudget/1"' in head:
            yield path


def rows(path: Path, folder: Path, *, all_checks: bool = False) -> Iterator[dict[str, object]]:
    """The CSV rows of one document: one per finding (or per check)."""
    name = str(path.relative_to(folder))
    try:
        budget = govbudget.load(path)
    except DocumentError as error:
        yield {"file": name, "outcome": "unreadable", "message_en": str(error)}
        return
    report = govbudget.validate(budget)
    base = {"file": name, "department": budget.department, "year": budget.year}
    base["kind"] = budget.kind.value
    for finding in report.checks if all_checks else report.findings:
        data = finding.to_dict()
        yield {**base, **{key: data[key] for key in COLUMNS if key in data}}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--all"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder, target = Path(argv[0]), Path(argv[1])
    counts = {"files": 0, "rows": 0, "error": 0, "unreadable": 0}
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for path in documents(folder):
            counts["files"] += 1
            for row in rows(path, folder, all_checks=len(argv) == 3):
                writer.writerow(
                    {
                        key: safe_cell(value)
                        if isinstance(value, str) and key not in FIGURES
                        else value
                        for key, value in row.items()
                    }
                )
                counts["rows"] += 1
                if row.get("severity") == "error":
                    counts["error"] += 1
                if row.get("outcome") == "unreadable":
                    counts["unreadable"] += 1
    print(
        f"{counts['files']} documents, {counts['rows']} rows, {counts['error']} error findings,"
        f" {counts['unreadable']} unreadable → {target}"
    )
    if counts["unreadable"]:
        return 2
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
