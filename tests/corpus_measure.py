"""Measuring the reader on the real texts of ``../shared`` (corpus and conformance sets).

Used by ``tests/test_corpus.py`` and ``scripts/corpus.py``. A verified inconsistency counts as
*found* when an error finding of its file quotes its stated figure; an error finding *on* a
relation verified exact or within rounding — the same stated and computed figures — is a
false alarm (a *violation*); any other error finding is listed as an *alarm*, to be looked at.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from attrs import frozen

import govbudget
from govbudget.narrative import read_narrative
from govbudget.report import Finding
from govbudget.rules import Severity

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVBUDGET_SHARED") or ROOT.parent / "shared")
SETS = ("corpus", "conformance")

__all__ = ["SETS", "SHARED", "Outcome", "body", "measure", "outcomes"]


def body(path: Path) -> str:
    """A real text without its ``# source/unit/kind`` header lines."""
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
    violations: tuple[str, ...]  # error findings on relations verified exact or within rounding
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


def _both(finding: Finding, relation: dict[str, str]) -> bool:
    """Whether ``finding`` states both figures of ``relation``, either way round.

    A figure printed twice (the text's 995, the table's 996) is a relation of two
    stated figures: a finding that sets one against the other judges it, whichever
    it calls the stated one.
    """
    figures = finding.figures()
    stated, computed = figures["stated"], figures["computed"]
    if stated is None or computed is None:
        return False
    wanted, result = _stated(relation), _numbers(relation["computed"].split("=")[-1])
    mine, other = _numbers(stated), _numbers(computed.lstrip("≈"))
    return bool(wanted and result) and bool(
        (mine & wanted and other & result) or (mine & result and other & wanted)
    )


def _on(finding: Finding, relation: dict[str, str]) -> bool:
    """Whether ``finding`` judges ``relation``: the same stated and computed figures."""
    figures = finding.figures()
    stated, computed = figures["stated"], figures["computed"]
    if stated is None or computed is None:
        return False
    wanted = _stated(relation)
    result = _numbers(relation["computed"].split("=")[-1])
    return bool(_numbers(stated) & wanted) and bool(_numbers(computed.lstrip("≈")) & result)


def _word(relation: dict[str, str]) -> str | None:
    stated = relation["stated"]
    return stated if not re.search(r"\d", stated) else None


def measure(
    path: Path, relations: list[dict[str, str]], verified: dict[str, Any] | None = None
) -> Outcome:
    start = time.perf_counter()
    extraction = read_narrative(body(path), source=path.name)
    report = govbudget.validate(extraction.budget)
    seconds = time.perf_counter() - start
    summary = extraction.summary
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    bad = [r for r in relations if r["verdict"] == "inconsistent"]
    caught, missed = 0, []
    used: set[int] = set()
    for relation in bad:
        wanted, word = _stated(relation), _word(relation)
        hits = [i for i, f in enumerate(errors) if _quotes(f, wanted, word) or _both(f, relation)]
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
    violations = tuple(
        f"{r['what']}: {f.rule_id} {f.message('zh')}"
        for r in relations
        if r["verdict"] != "inconsistent"
        for f in errors
        if _on(f, r)
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
        violations,
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
