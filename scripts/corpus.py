"""Read every real text of the shared corpus and conformance sets and say how well it went.

    .venv/bin/python scripts/corpus.py                 # the per-file table and the totals
    .venv/bin/python scripts/corpus.py --docs          # also write docs/corpus.md
    .venv/bin/python scripts/corpus.py --show FILE     # every finding and unread number of one file

The texts stay where they are (``../shared``, or ``$GOVBUDGET_SHARED``); only file names and
counts go into the docs. A verified inconsistency counts as found when an error finding of its
file quotes its stated figure; an error finding that quotes no verified inconsistency is
listed as a possible false alarm, to be looked at.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from attrs import frozen

import govbudget
from govbudget.narrative import Disposition, read_narrative
from govbudget.report import Finding
from govbudget.rules import Severity

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVBUDGET_SHARED") or ROOT.parent / "shared")
SETS = ("corpus", "conformance")


def _body(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


def _numbers(text: str) -> set[Decimal]:
    found: set[Decimal] = set()
    for match in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
        try:
            value = Decimal(match.group().replace(",", ""))
        except InvalidOperation:
            continue
        found.add(abs(value).normalize())
    return found


def _stated(relation: dict[str, str]) -> set[Decimal]:
    return _numbers(relation["stated"].lstrip("#="))


def _quotes(finding: Finding, wanted: set[Decimal], word: str | None) -> bool:
    figures = finding.figures()
    stated = figures["stated"]
    text = finding.message("zh")
    if stated is not None and _numbers(stated) & wanted:
        return True
    if word is not None and word in text:
        return True
    return bool(wanted) and bool(_numbers(text) & wanted) and stated is None


@frozen
class Outcome:
    name: str
    kind: str
    found: int
    mapped: int
    context: int
    unread: int
    errors: int
    relations: int
    inconsistent: int
    caught: int
    alarms: tuple[str, ...]
    missed: tuple[str, ...]
    seconds: float
    identity: tuple[bool, bool, bool] | None  # unit, year, kind as verified; None: unverified


def _expected(folder: Path) -> dict[str, list[dict[str, str]]]:
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {f["file"]: f["relations"] for f in data}


def _identities(folder: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {f["file"]: f for f in data if "year" in f}


def _same_unit(found: str | None, verified: str | None) -> bool:
    """Whether the unit read is the one verified (its notes in brackets aside)."""
    if verified is None:
        return found is None
    core = re.sub(r"[（(][^）)]*[）)]", "", verified).strip()
    return found is not None and (core in found or found in core) and len(found) >= 2


def _word(relation: dict[str, str]) -> str | None:
    stated = relation["stated"]
    return stated if not re.search(r"\d", stated) else None


def measure(
    path: Path, relations: list[dict[str, str]], verified: dict[str, Any] | None = None
) -> Outcome:
    start = time.perf_counter()
    extraction = read_narrative(_body(path), source=path.name)
    report = govbudget.validate(extraction.budget)
    seconds = time.perf_counter() - start
    summary = extraction.summary
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    bad = [r for r in relations if r["verdict"] == "inconsistent"]
    caught, missed = 0, []
    used: set[int] = set()
    for relation in bad:
        wanted, word = _stated(relation), _word(relation)
        hits = [i for i, f in enumerate(errors) if _quotes(f, wanted, word)]
        if hits:
            caught += 1
            used.update(hits)
        else:
            missed.append(relation["what"])
    alarms = tuple(
        f"{f.rule_id} {f.location.zh}: {f.message('zh')}"
        for i, f in enumerate(errors)
        if i not in used
    )
    budget = extraction.budget
    identity = None
    if verified is not None:
        kind = "决算" if budget.kind.value == "final" else "预算"
        identity = (
            _same_unit(budget.department, verified.get("department")),
            budget.year == verified.get("year"),
            kind == verified.get("kind"),
        )
    return Outcome(
        path.name,
        "决算" if extraction.budget.kind.value == "final" else "预算",
        summary.found,
        summary.mapped,
        summary.context,
        summary.not_understood,
        len(errors),
        len(relations),
        len(bad),
        caught,
        alarms,
        tuple(missed),
        seconds,
        identity,
    )


def outcomes() -> Iterator[Outcome]:
    for name in SETS:
        folder = SHARED / name
        expected = _expected(folder)
        identities = _identities(folder)
        for path in sorted(folder.glob("*.txt")):
            yield measure(path, expected.get(path.name, []), identities.get(path.name))


def _table(results: list[Outcome]) -> list[str]:
    lines = [
        "| file | kind | numbers | mapped | context | not understood | errors | verified | inconsistent found |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        share = f"{100 * r.unread / r.found:.1f}%" if r.found else "—"
        found = f"{r.caught}/{r.inconsistent}" if r.inconsistent else "—"
        lines.append(
            f"| `{r.name}` | {r.kind} | {r.found} | {r.mapped} | {r.context} | {r.unread} ({share})"
            f" | {r.errors} | {r.relations} | {found} |"
        )
    return lines


def _totals(results: list[Outcome]) -> list[str]:
    found = sum(r.found for r in results)
    unread = sum(r.unread for r in results)
    bad = sum(r.inconsistent for r in results)
    caught = sum(r.caught for r in results)
    alarms = sum(len(r.alarms) for r in results)
    verified = [r.identity for r in results if r.identity is not None]
    return [
        f"identity as verified ({len(verified)} texts): unit {sum(i[0] for i in verified)},"
        f" year {sum(i[1] for i in verified)}, kind {sum(i[2] for i in verified)}",
        f"texts: {len(results)}; numbers: {found}; not understood: {unread}"
        f" ({100 * unread / max(found, 1):.1f}%)",
        f"verified inconsistencies found: {caught}/{bad}; error findings quoting no verified"
        f" inconsistency: {alarms}",
        f"reading and checking: {sum(r.seconds for r in results):.2f} s in all",
    ]


def _show(name: str) -> None:
    for folder_name in SETS:
        folder = SHARED / folder_name
        path = folder / name
        if not path.exists():
            matches = sorted(folder.glob(f"{name}*"))
            if not matches:
                continue
            path = matches[0]
        extraction = read_narrative(_body(path), source=path.name)
        report = govbudget.validate(extraction.budget)
        b = extraction.budget
        print(path.name, b.department, b.year, b.kind.value)
        for f in report.findings:
            print(
                f"  {f.severity.value:7} {f.rule_id} {f.location.path} {f.location.source}: {f.message('zh')}"
            )
        for n in extraction.numbers:
            if n.disposition is Disposition.NOT_UNDERSTOOD:
                print(f"  ?? {n.line}:{n.column} {n.text!r}  {n.around}")
        expected = _expected(folder).get(path.name, [])
        for r in expected:
            print(f"  expected {r['verdict']:15} {r['what']} | {r['stated']}")
        return
    sys.exit(f"no such file: {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", action="store_true", help="write docs/corpus.md")
    parser.add_argument("--show", metavar="FILE")
    parser.add_argument("--alarms", action="store_true", help="list every possible false alarm")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        sys.exit(f"the shared material is not at {SHARED} (set GOVBUDGET_SHARED)")
    if args.show:
        _show(args.show)
        return 0
    results = list(outcomes())
    for line in _table(results):
        print(line)
    for line in _totals(results):
        print(line)
    if args.alarms:
        for r in results:
            if r.identity is not None and not all(r.identity):
                print(f"IDENTITY {r.name}: unit/year/kind right: {r.identity}")
            for alarm in r.alarms:
                print(f"ALARM {r.name}: {alarm}")
            for miss in r.missed:
                print(f"MISSED {r.name}: {miss}")
    if args.docs:
        _write_docs(results)
    return 0


def _write_docs(results: list[Outcome]) -> None:
    page = ROOT / "docs" / "corpus.md"
    text = [
        "# Reading real disclosures: the corpus table",
        "",
        "Generated by `scripts/corpus.py --docs` from the real published texts the developers test",
        "against (`../shared/corpus`, `../shared/conformance`; the texts are not part of the",
        "project). For each text: the numbers found, how many were read into figures (mapped), taken",
        "as context (dates, item numbers, counts in descriptions), or not understood; the error",
        "findings of its report; the relations verified by hand in it; and how many of its verified",
        "inconsistencies an error finding quotes.",
        "",
        *(f"- {line}" for line in _totals(results)[:3]),
        "",
        *_table(results),
        "",
    ]
    page.write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
