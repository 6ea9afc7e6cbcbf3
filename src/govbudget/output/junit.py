"""JUnit XML, for CI systems that show test results: a suite per document, a case per rule.

Each rule that checked something in a document is a test case; it fails when
one of its findings is an error, and its warnings and information are in the
case's ``system-out``. A document that could not be read is a suite with one
case in error.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> root = ElementTree.fromstring(suites([suite(report, source="budget.json")]))
>>> root.tag, root[0].get("name"), root[0].get("failures")
('testsuites', 'budget.json', '0')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final
from xml.etree import ElementTree

from govbudget.report import Finding, Report
from govbudget.rules import Severity
from govbudget.words import Language

__all__ = ["failure", "suite", "suites"]

# Characters XML 1.0 cannot hold at all, not even escaped: shown as U+FFFD.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(parent: ElementTree.Element, source: str, rule: str, title: str) -> ElementTree.Element:
    return ElementTree.SubElement(
        parent, "testcase", classname=_clean(source), name=_clean(f"{rule} {title}")
    )


def suite(report: Report, *, source: str, lang: Language = "zh") -> str:
    """One document's ``<testsuite>`` (a piece for :func:`suites`)."""
    by_rule: dict[str, list[Finding]] = {}
    for check in report.checks:
        by_rule.setdefault(check.rule_id, [])
    for finding in report.findings:
        by_rule[finding.rule_id].append(finding)
    element = ElementTree.Element("testsuite", name=_clean(source), tests=str(len(by_rule)))
    failures = 0
    rules = {c.rule_id: c.rule for c in report.checks}
    for rule_id, findings in by_rule.items():
        rule = rules[rule_id]
        case = _case(element, source, rule_id, rule.title_zh if lang == "zh" else rule.title_en)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            failures += 1
            node = ElementTree.SubElement(
                case, "failure", type="error", message=_clean(errors[0].message(lang))
            )
            node.text = _clean("\n".join(f.message(lang) for f in errors))
        others = [f for f in findings if f.severity is not Severity.ERROR]
        if others:
            out = ElementTree.SubElement(case, "system-out")
            out.text = _clean("\n".join(f"{f.severity.value}: {f.message(lang)}" for f in others))
    element.set("failures", str(failures))
    element.set("errors", "0")
    return ElementTree.tostring(element, encoding="unicode")


def failure(source: str, message: str) -> str:
    """The suite of a document that could not be read: one case in error."""
    element = ElementTree.Element(
        "testsuite", name=_clean(source), tests="1", failures="0", errors="1"
    )
    case = _case(element, source, "read", source)
    text = _clean(message)
    ElementTree.SubElement(case, "error", type="unreadable", message=text).text = text
    return ElementTree.tostring(element, encoding="unicode")


def suites(pieces: Sequence[str]) -> str:
    """The ``<testsuites>`` document of every piece."""
    body = "\n".join(pieces)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govbudget">\n{body}\n</testsuites>'
