"""govbudget: check the arithmetic of Chinese department budget disclosures.

The public surface: :func:`load` and :func:`dump` for documents, the
:class:`DepartmentBudget` model, exact CNY constructors :func:`wan` and
:func:`yuan`, :func:`validate` with the :data:`RULES` catalogue and its
:class:`Report` of :class:`Finding` objects, and the error base class
:class:`GovBudgetError`. :func:`read_narrative` reads the published narrative
(说明) text of a disclosure into an :class:`Extraction` holding the budget.

Each name is imported from its module when it is first used (PEP 562), so that
``import govbudget`` and ``govbudget --help`` cost little and a script that only
loads and checks JSON documents never imports the narrative reader, the PDF
and Excel readers or the strategies.
"""

from __future__ import annotations

import importlib

# Not ``typing.TYPE_CHECKING``: importing typing alone would double the cost of ``import govbudget``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from govbudget.errors import GovBudgetError
    from govbudget.figure import Figure, StatedChange, StatedPercent, pct
    from govbudget.io import dump, dumps, load
    from govbudget.io.disclosure import Disclosure, read_document
    from govbudget.model import DepartmentBudget
    from govbudget.money import Amount, Unit, wan, yuan
    from govbudget.narrative import Extraction, read_narrative
    from govbudget.report import Finding, Report
    from govbudget.rounding import Outcome
    from govbudget.rules import RULES, Rule, Severity
    from govbudget.tree import Node
    from govbudget.validation import validate

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "Amount",
    "DepartmentBudget",
    "Disclosure",
    "Extraction",
    "Figure",
    "Finding",
    "GovBudgetError",
    "Node",
    "Outcome",
    "Report",
    "Rule",
    "Severity",
    "StatedChange",
    "StatedPercent",
    "Unit",
    "__version__",
    "dump",
    "dumps",
    "load",
    "pct",
    "read_document",
    "read_narrative",
    "validate",
    "wan",
    "yuan",
]

#: The module each public name comes from.
_HOMES: Final[dict[str, str]] = {
    "RULES": "govbudget.rules",
    "Amount": "govbudget.money",
    "DepartmentBudget": "govbudget.model",
    "Disclosure": "govbudget.io.disclosure",
    "Extraction": "govbudget.narrative",
    "Figure": "govbudget.figure",
    "Finding": "govbudget.report",
    "GovBudgetError": "govbudget.errors",
    "Node": "govbudget.tree",
    "Outcome": "govbudget.rounding",
    "Report": "govbudget.report",
    "Rule": "govbudget.rules",
    "Severity": "govbudget.rules",
    "StatedChange": "govbudget.figure",
    "StatedPercent": "govbudget.figure",
    "Unit": "govbudget.money",
    "dump": "govbudget.io",
    "dumps": "govbudget.io",
    "load": "govbudget.io",
    "pct": "govbudget.figure",
    "read_document": "govbudget.io.disclosure",
    "read_narrative": "govbudget.narrative",
    "validate": "govbudget.validation",
    "wan": "govbudget.money",
    "yuan": "govbudget.money",
}


# Hidden from type checkers, which would otherwise accept any name as an attribute.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """A public name, imported from its module on first use; or a submodule (``govbudget.io``)."""
        home = _HOMES.get(name)
        if home is not None:
            value = getattr(importlib.import_module(home), name)
            globals()[name] = value  # found directly from now on, as an eager import would be
            return value
        if not name.startswith("_"):
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
