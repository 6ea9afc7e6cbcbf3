"""govbudget: check the arithmetic of Chinese department budget disclosures.

The public surface: :func:`load` and :func:`dump` for documents, the
:class:`DepartmentBudget` model, exact CNY constructors :func:`wan` and
:func:`yuan`, :func:`validate` with the :data:`RULES` catalogue and its
:class:`Report` of :class:`Finding` objects, and the error base class
:class:`GovBudgetError`. :func:`read_narrative` reads the published narrative
(说明) text of a disclosure into an :class:`Extraction` holding the budget.
"""

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
