"""govbudget: check the arithmetic of Chinese department budget disclosures.

The public surface: :func:`load` and :func:`dump` for documents, the
:class:`DepartmentBudget` model, exact CNY constructors :func:`wan` and
:func:`yuan`, and the error base class :class:`GovBudgetError`.
"""

from govbudget.errors import GovBudgetError
from govbudget.figure import Figure, StatedChange, StatedPercent, pct
from govbudget.io import dump, dumps, load
from govbudget.model import DepartmentBudget
from govbudget.money import Amount, Unit, wan, yuan
from govbudget.tree import Node

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "DepartmentBudget",
    "Figure",
    "GovBudgetError",
    "Node",
    "StatedChange",
    "StatedPercent",
    "Unit",
    "__version__",
    "dump",
    "dumps",
    "load",
    "pct",
    "wan",
    "yuan",
]
