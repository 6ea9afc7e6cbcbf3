"""SARIF 2.1.0: the findings for code-scanning tools (GitHub code scanning, IDE viewers).

One log with one run: the tool with every rule of the catalogue (id, titles,
default level, the formula), and one result per finding with its level
(error, warning, note), its message, the physical location (the file, and the
line and column of a narrative text) and the logical location (the place in
the budget, ``/expenditure/by_economic/302``), a stable fingerprint
(:func:`govbudget.output.baseline.fingerprint`) and the figures as properties.
A document that could not be read is a tool notification naming the file.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> data = json.loads(log([results(report, source="budget.json")]))
>>> data["version"], data["runs"][0]["results"][0]["level"]
('2.1.0', 'warning')
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Final
from urllib.parse import quote

from govbudget import __version__
from govbudget.output.baseline import fingerprint
from govbudget.report import Finding, Report, exact_text
from govbudget.rules import RULES, Rule, Severity
from govbudget.words import Language

__all__ = ["SCHEMA", "failure", "log", "results"]

#: The schema a SARIF 2.1.0 log names.
SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(source: str) -> str:
    """The file as a URI reference: forward slashes, non-ASCII percent-encoded."""
    return quote(PurePath(source).as_posix(), safe="/:")


def _location(finding: Finding, source: str, lang: Language) -> dict[str, object]:
    place = finding.location.place
    artifact = {"uri": _uri(place.file if place is not None and place.file else source)}
    physical: dict[str, object] = {"artifactLocation": artifact}
    if place is not None and place.line is not None:
        region: dict[str, object] = {"startLine": place.line}
        if place.char is not None:
            region["startColumn"] = place.char
        physical["region"] = region
    where = finding.location.zh if lang == "zh" else finding.location.en
    location: dict[str, object] = {
        "physicalLocation": physical,
        "logicalLocations": [
            {"name": where, "fullyQualifiedName": finding.location.path, "kind": "member"}
        ],
    }
    if place is not None:
        location["properties"] = {k: v for k, v in place.to_dict().items() if v is not None}
    return location


def _result(report: Report, finding: Finding, source: str, lang: Language) -> dict[str, object]:
    exact = {k: exact_text(v) for k, v in finding.exact_figures().items() if v is not None}
    properties: dict[str, object] = {
        "outcome": finding.outcome.value,
        "family": finding.rule.family,
        "unit": finding.scale.label,
        **{k: v for k, v in finding.figures().items() if v is not None},
        "exact": exact,
    }
    if finding.diagnosis is not None:
        properties["diagnosis"] = finding.diagnosis.code
    return {
        "ruleId": finding.rule_id,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message(lang)},
        "locations": [_location(finding, source, lang)],
        "partialFingerprints": {"govbudget/v1": fingerprint(report, finding, source)},
        "properties": properties,
    }


def results(report: Report, *, source: str, lang: Language = "zh") -> str:
    """The SARIF results of one document, as a JSON array (a piece for :func:`log`)."""
    return json.dumps(
        [_result(report, f, source, lang) for f in report.findings], ensure_ascii=False
    )


def failure(source: str, message: str) -> str:
    """A document that could not be read: a notification piece for :func:`log`."""
    return json.dumps({"notification": {"message": message, "uri": _uri(source)}})


def _rule(rule: Rule, lang: Language) -> dict[str, object]:
    title, other = (
        (rule.title_zh, rule.title_en) if lang == "zh" else (rule.title_en, rule.title_zh)
    )
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{title} ({other}). {rule.formula}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"family": rule.family, "formula": rule.formula},
    }


def log(pieces: Sequence[str], *, lang: Language = "zh") -> str:
    """One SARIF 2.1.0 log of the pieces of :func:`results` and :func:`failure`."""
    rules = list(RULES.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    found: list[dict[str, object]] = []
    notes: list[dict[str, object]] = []
    for piece in pieces:
        data = json.loads(piece)
        if isinstance(data, dict):
            note = data["notification"]
            notes.append(
                {
                    "level": "error",
                    "message": {"text": note["message"]},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": note["uri"]}}}],
                }
            )
            continue
        for result in data:
            if result["ruleId"] in index:
                result["ruleIndex"] = index[result["ruleId"]]
            found.append(result)
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "govbudget",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(r, lang) for r in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": found,
    }
    if notes:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notes}]
    data = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(data, ensure_ascii=False, indent=2)
