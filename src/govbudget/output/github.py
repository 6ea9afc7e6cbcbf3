"""GitHub Actions workflow annotations: one ``::error``/``::warning``/``::notice`` line per finding.

Printed by a step that runs ``govbudget check --format github``, each line
becomes an annotation on the file (and the line of a narrative text) in the
pull request and the run's summary.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> print(commands(report, source="budget.json", lang="en").splitlines()[0][:60])
::warning file=budget.json,title=COD002 expenditure by funct
"""

from __future__ import annotations

from typing import Final

from govbudget.report import Finding, Report
from govbudget.rules import Severity
from govbudget.words import Language

__all__ = ["commands", "failure"]

_COMMAND: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """A message escaped as the runner reads it back (%, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value escaped: also ``:`` and ``,``, which end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _line(finding: Finding, source: str, lang: Language) -> str:
    place = finding.location.place
    file = place.file if place is not None and place.file else source
    where = finding.location.zh if lang == "zh" else finding.location.en
    props = [f"file={_property(file)}"]
    if place is not None and place.line is not None:
        props.append(f"line={place.line}")
        if place.char is not None:
            props.append(f"col={place.char}")
    props.append(f"title={_property(f'{finding.rule_id} {where}')}")
    return f"::{_COMMAND[finding.severity]} {','.join(props)}::{_data(finding.message(lang))}"


def commands(report: Report, *, source: str, lang: Language = "zh") -> str:
    """The report's findings as workflow commands, one per line."""
    return "\n".join(_line(f, source, lang) for f in report.findings)


def failure(source: str, message: str) -> str:
    """A document that could not be read, as an error annotation on the file."""
    return f"::error file={_property(source)},title=govbudget::{_data(message)}"
