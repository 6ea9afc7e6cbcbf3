"""Tables (公开表): each table's sums, the tables against each other, and against the narrative.

These rules look at ``budget.tables`` — the standard tables as printed, read by
:func:`govbudget.read_document` — and do nothing for a budget without tables.
Every check points at the exact cell: the table and its page, the row and the
column ("支出决算表（第7页），2010301 行政运行 行，基本支出 列"). A blank cell
counts as an exact zero; a relation whose cells are all blank is not checked.

The rules are split by what they read: :mod:`.sums` (sums within a table, TAB001–TAB004),
:mod:`.across` (the tables against each other, TAB005), :mod:`.narrative` (the narrative
against the tables, TAB006, TAB012–TAB015), :mod:`.presence` (which tables are published and
what they hold, TAB007–TAB011) and :mod:`.three_public` (the “三公” tables, TAB016); the cell
helpers they share are in :mod:`._cells`.
"""

from __future__ import annotations

from typing import Final

from govbudget.rules.base import Rule
from govbudget.rules.tables import across, narrative, presence, sums, three_public
from govbudget.rules.tables.across import spot_cell
from govbudget.rules.tables.narrative import three_public_refs

__all__ = ["RULES", "spot_cell", "three_public_refs"]

# The catalogue's order, which reports and the docs follow.
_CATALOGUE: Final = (
    *("TAB001", "TAB002", "TAB003", "TAB004", "TAB005", "TAB006", "TAB007", "TAB008"),
    *("TAB009", "TAB010", "TAB012", "TAB013", "TAB014", "TAB015", "TAB016", "TAB011"),
)


def _in_catalogue_order() -> tuple[Rule, ...]:
    rules = [
        rule
        for module in (sums, across, narrative, presence, three_public)
        for rule in module.RULES
    ]
    by_id = {rule.id: rule for rule in rules}
    if sorted(rule.id for rule in rules) != sorted(_CATALOGUE):
        raise AssertionError("rules/tables: a rule is missing from the catalogue or defined twice")
    return tuple(by_id[id] for id in _CATALOGUE)


RULES: Final = _in_catalogue_order()
