"""Reports in the formats other tools read: HTML, SARIF, GitHub annotations, CSV, JUnit XML.

Each format renders one document's :class:`~govbudget.report.Report` on its own
(:func:`render_document`), says how an unreadable document appears in it
(:func:`render_failure`), and joins the pieces of a batch into one output
(:func:`combine`): one SARIF log, one CSV with one header, one JUnit
``<testsuites>``; GitHub annotations and HTML pages stand alone.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> piece = render_document("csv", report, source="budget.json")
>>> combine("csv", [piece]).splitlines()[0].split(",")[:4]
['document', 'department', 'year', 'rule_id']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, Literal

from attrs import frozen

from govbudget.model import DepartmentBudget
from govbudget.output import csvfile, github, html, junit, sarif
from govbudget.report import Report
from govbudget.words import Language

__all__ = ["FORMATS", "OutputFormat", "combine", "render_document", "render_failure"]

OutputFormat = Literal["html", "sarif", "github", "csv", "junit"]


@frozen
class _Format:
    document: Callable[[Report, str, Language, DepartmentBudget | None], str]
    failure: Callable[[str, str, Language], str]
    combine: Callable[[Sequence[str], Language], str] | None


def _html(report: Report, source: str, lang: Language, budget: DepartmentBudget | None) -> str:
    return html.render_html(report, source=source, lang=lang, budget=budget)


#: The formats of this package by name.
FORMATS: Final[dict[str, _Format]] = {
    "html": _Format(_html, html.render_failure, None),
    "sarif": _Format(
        lambda r, s, lang, b: sarif.results(r, source=s, lang=lang),
        lambda s, m, lang: sarif.failure(s, m),
        lambda pieces, lang: sarif.log(pieces, lang=lang),
    ),
    "github": _Format(
        lambda r, s, lang, b: github.commands(r, source=s, lang=lang),
        lambda s, m, lang: github.failure(s, m),
        None,
    ),
    "csv": _Format(
        lambda r, s, lang, b: csvfile.rows(r, source=s, lang=lang),
        lambda s, m, lang: csvfile.failure(s, m),
        lambda pieces, lang: csvfile.table(pieces),
    ),
    "junit": _Format(
        lambda r, s, lang, b: junit.suite(r, source=s, lang=lang),
        lambda s, m, lang: junit.failure(s, m),
        lambda pieces, lang: junit.suites(pieces),
    ),
}


def render_document(
    fmt: str,
    report: Report,
    *,
    source: str,
    lang: Language = "zh",
    budget: DepartmentBudget | None = None,
) -> str:
    """One document's report in ``fmt`` (a piece of the batch for SARIF, CSV and JUnit).

    ``budget`` lets the HTML report draw its charts.
    """
    return FORMATS[fmt].document(report, source, lang, budget)


def render_failure(fmt: str, source: str, message: str, *, lang: Language = "zh") -> str:
    """How a document that could not be read or checked appears in ``fmt``."""
    return FORMATS[fmt].failure(source, message, lang)


def combine(fmt: str, pieces: Sequence[str], *, lang: Language = "zh") -> str:
    """The pieces of a batch as one output (SARIF log, CSV, JUnit); others joined by lines."""
    join = FORMATS[fmt].combine
    if join is None:
        return "\n".join(p for p in pieces if p)
    return join(pieces, lang)


def joins(fmt: str) -> bool:
    """True when ``fmt`` makes one output of a whole batch (SARIF, CSV, JUnit)."""
    spec = FORMATS.get(fmt)
    return spec is not None and spec.combine is not None
