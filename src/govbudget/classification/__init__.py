"""Official classification code tables (政府收支分类科目) by year.

The tables ship as package data, one CSV file per classification and year,
each with a header naming its source and how complete each level is. Look-ups
go through :func:`function_codes` (支出功能分类, 2xx), :func:`economic_codes`
(支出经济分类: ``kind="department"`` 3xx, ``kind="government"`` 5xx) and
:func:`income_codes` (政府收入分类, 1xx); a year
with no table of its own gets the nearest earlier year's, and says so.

>>> table = function_codes(2025)
>>> entry = table.lookup("210")
>>> entry.name, entry.level.value, entry.former_names[0].name
('卫生健康支出', '类', '医疗卫生与计划生育支出')
>>> table.is_complete(Level.CLASS)
False
"""

from govbudget.classification.names import NameComparison, NameMatch, compare, normalize
from govbudget.classification.table import (
    ClassificationError,
    CodeTable,
    Entry,
    FormerName,
    Level,
    NoTable,
    Tree,
    economic_codes,
    function_codes,
    income_codes,
    table_for,
    tree_of_code,
    years,
)

__all__ = [
    "ClassificationError",
    "CodeTable",
    "Entry",
    "FormerName",
    "Level",
    "NameComparison",
    "NameMatch",
    "NoTable",
    "Tree",
    "compare",
    "economic_codes",
    "function_codes",
    "income_codes",
    "normalize",
    "table_for",
    "tree_of_code",
    "years",
]
