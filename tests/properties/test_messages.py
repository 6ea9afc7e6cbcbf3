"""Every message a report can show reads as a sentence: no placeholder left for a missing figure.

Over the broken documents of :func:`~govbudget.strategies.broken_budgets` — every rule
broken the ways real documents are — no finding's message, in either language, says
"—%" (a percent with no value), "数字显示未知" or "unknown", or leaves a ``{`` of its
template.
"""

from __future__ import annotations

import re
from typing import Final

from hypothesis import given

from govbudget import DepartmentBudget, validate
from govbudget.strategies import broken_budgets

_PLACEHOLDER: Final = re.compile(r"—%|数字显示未知|\bunknown\b|\{[a-z_]+\}")


@given(broken_budgets())
def test_no_message_has_a_placeholder(pair: tuple[DepartmentBudget, str]) -> None:
    budget, _ = pair
    for finding in validate(budget).findings:
        for lang in ("zh", "en"):
            message = finding.message(lang)
            assert not _PLACEHOLDER.search(message), (finding.rule_id, message)
