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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govbudget import validate
from govbudget.narrative import Disposition, read_narrative
from tests.corpus_measure import SETS, SHARED, Outcome, _expected, body, outcomes

ROOT = Path(__file__).resolve().parent.parent


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
    violations = sum(len(r.violations) for r in results)
    verified = [r.identity for r in results if r.identity is not None]
    return [
        f"identity as verified ({len(verified)} texts): unit {sum(i[0] for i in verified)},"
        f" year {sum(i[1] for i in verified)}, kind {sum(i[2] for i in verified)}",
        f"texts: {len(results)}; numbers: {found}; not understood: {unread}"
        f" ({100 * unread / max(found, 1):.1f}%)",
        f"verified inconsistencies found: {caught}/{bad}; error findings on relations verified"
        f" consistent: {violations}; other error findings, quoting no verified inconsistency:"
        f" {alarms}",
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
        extraction = read_narrative(body(path), source=path.name)
        report = validate(extraction.budget)
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
            for violation in r.violations:
                print(f"VIOLATION {r.name}: {violation}")
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
