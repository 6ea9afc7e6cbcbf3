"""Baselines: today's findings recorded by stable fingerprints, so that only new ones are reported.

A team that starts checking old documents accepts what is there
(``govbudget check --write-baseline govbudget-baseline.json docs/``) and from
then on sees only what is new (``--baseline govbudget-baseline.json``), as
teams do with linters.

A finding's fingerprint is made of what stays when a document is moved,
renamed or read again: the document's department and year (its file name
when it names neither), the rule, the place in the document's model
(``/expenditure/by_economic/302``) and the stated and computed figures. A
finding whose figures change is new; a line number moving is not.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> baseline = Baseline.of([("budget.json", report)])
>>> [f for f in report.findings if not baseline.known(report, f, "copy.json")]
[]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import PurePath
from typing import Final

from attrs import field, frozen

from govbudget.errors import GovBudgetError
from govbudget.report import Finding, Report, exact_text
from govbudget.rounding import Outcome

__all__ = ["FORMAT", "Baseline", "BaselineError", "fingerprint"]

#: The format name a baseline file declares.
FORMAT: Final = "govbudget-baseline/1"


class BaselineError(GovBudgetError, ValueError):
    """A baseline file that cannot be read; the message names the file."""


def _document(report: Report, source: str | None) -> str:
    department = getattr(report, "department", None) or ""
    year = getattr(report, "year", None)
    if department or year is not None:
        return f"{department}\x1f{'' if year is None else year}"
    return PurePath(source or "").name


def fingerprint(report: Report, finding: Finding, source: str | None = None) -> str:
    """A stable id of ``finding`` in ``report`` (32 hex digits).

    >>> from govbudget import load, validate
    >>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
    >>> len(fingerprint(report, report.findings[0]))
    32
    """
    figures = finding.exact_figures()
    parts = (
        "govbudget/1",
        _document(report, source),
        finding.rule_id,
        finding.location.path,
        "" if figures["stated"] is None else exact_text(figures["stated"]),
        "" if figures["computed"] is None else exact_text(figures["computed"]),
    )
    # surrogatepass: a lone surrogate in a name (a \ud800 escape in the document) hashes too.
    return hashlib.sha256("\x1e".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _fingerprints(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@frozen
class Baseline:
    """The fingerprints of accepted findings."""

    fingerprints: frozenset[str] = field(converter=_fingerprints)

    @classmethod
    def of(cls, reports: Iterable[tuple[str | None, Report]]) -> Baseline:
        """The baseline of every finding of ``reports`` (``(source, report)`` pairs)."""
        return cls(
            fingerprint(report, f, source) for source, report in reports for f in report.findings
        )

    def known(self, report: Report, finding: Finding, source: str | None = None) -> bool:
        """True when ``finding`` is in the baseline."""
        return fingerprint(report, finding, source) in self.fingerprints

    def new_findings(self, report: Report, source: str | None = None) -> Report:
        """``report`` without the findings the baseline accepts (its exact checks stay)."""
        kept = tuple(
            c
            for c in report.checks
            if c.outcome is Outcome.EXACT or not self.known(report, c, source)
        )
        return Report(report.department, report.year, kept)

    def dumps(self) -> str:
        """The baseline file's text: JSON, fingerprints sorted, so that diffs stay small."""
        data = {"format": FORMAT, "fingerprints": sorted(self.fingerprints)}
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def loads(cls, text: str, *, source: str = "<baseline>") -> Baseline:
        """Read a baseline file's text; a wrong one raises :class:`BaselineError`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(f"{source}: not a baseline file: {error.msg}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(f'{source}: not a baseline file (no "format": "{FORMAT}")')
        prints = data.get("fingerprints")
        if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
            raise BaselineError(f'{source}: "fingerprints" must be a list of strings')
        return cls(prints)
