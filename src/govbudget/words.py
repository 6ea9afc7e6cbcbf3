"""The languages of reports and the words for severities and outcomes, in one place.

Every report writer (the text and Markdown of :mod:`govbudget.render`, the HTML page,
the summaries of :mod:`govbudget.report`, the CLI, a series) takes its ``lang`` as a
:data:`Language` and its words for a severity or an outcome from these tables.

>>> from govbudget.rounding import Outcome
>>> from govbudget.rules.base import Severity
>>> pick(SEVERITY_WORDS[Severity.WARNING], "zh"), pick(OUTCOME_WORDS[Outcome.WITHIN_ROUNDING], "en")
('警告', 'within rounding')
"""

from __future__ import annotations

from typing import Final

from govbudget.language import Language
from govbudget.rounding import Outcome
from govbudget.rules.base import Severity

__all__ = [
    "OUTCOME_WORDS",
    "SEVERITY_COUNT_WORDS",
    "SEVERITY_RANK",
    "SEVERITY_WORDS",
    "Language",
    "pick",
]


#: Each severity in Chinese and English (a finding's label).
SEVERITY_WORDS: Final[dict[Severity, tuple[str, str]]] = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
}
#: Each severity in Chinese and English as the heading of a count (``errors``).
SEVERITY_COUNT_WORDS: Final[dict[Severity, tuple[str, str]]] = {
    Severity.ERROR: ("错误", "errors"),
    Severity.WARNING: ("警告", "warnings"),
    Severity.INFO: ("提示", "info"),
}
#: Each outcome of a check in Chinese and English.
OUTCOME_WORDS: Final[dict[Outcome, tuple[str, str]]] = {
    Outcome.EXACT: ("一致", "exact"),
    Outcome.WITHIN_ROUNDING: ("在舍入范围内", "within rounding"),
    Outcome.INCONSISTENT: ("不一致", "inconsistent"),
}
#: The order findings are shown in: errors first, then warnings, then information.
SEVERITY_RANK: Final[dict[Severity, int]] = {
    Severity.ERROR: 0,
    Severity.WARNING: 1,
    Severity.INFO: 2,
}


def pick(words: tuple[str, str], lang: Language) -> str:
    """The word of ``lang`` from a ``(Chinese, English)`` pair.

    >>> pick(("错误", "error"), "en")
    'error'
    """
    return words[0] if lang == "zh" else words[1]
