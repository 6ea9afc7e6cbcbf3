"""The standard tables of a disclosure (部门预算/决算公开表).

The model (:class:`Table`, :class:`Column`, :class:`Row`, :class:`TableKind`) is
here; the standard table sets are in :mod:`govbudget.tables.specs` and the
recognition of tables on pages in :mod:`govbudget.tables.recognize`.
"""

from govbudget.table import Column, Row, Table, TableKind

__all__ = ["Column", "Row", "Table", "TableKind"]
