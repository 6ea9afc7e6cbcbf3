"""The standard tables' model, kept at its former place: it lives in :mod:`govbudget.table`.

The model is the core's (beside :mod:`govbudget.tree`), so that the document model never
imports the tables package; this module re-exports it for code that imports it from here.
"""

from govbudget.table import Column, Row, Table, TableKind

__all__ = ["Column", "Row", "Table", "TableKind"]
