"""Classification codes for the names a narrative writes, by the official code tables.

A narrative names classes ("一般公共服务（类）", "工资福利支出", "医疗补助缴费")
rather than giving codes. :func:`code_for` finds the code whose official name
(of the document's year, or a former name, or an unambiguous abbreviation of
it) is the name written, among the children of ``parent`` or the top classes.
A name that fits no code, or more than one, gets none: "水电费" merges 30205
and 30206, and is kept as a named line without a code.

>>> code_for("医疗卫生与计划生育支出", "function", 2025)
'210'
>>> code_for("医疗补助缴费", "department", 2025, parent="301")
'30111'
>>> code_for("水电费", "department", 2025, parent="302") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Literal

from govbudget.classification import (
    CodeTable,
    NameMatch,
    NoTable,
    Tree,
    compare,
    normalize,
    table_for,
    years,
)

__all__ = ["TreeKind", "code_for", "top_code"]

#: Which classification a name is looked up in.
TreeKind = Literal["function", "department", "government"]

_TREES = {
    "function": Tree.FUNCTION,
    "department": Tree.ECONOMIC_DEPARTMENT,
    "government": Tree.ECONOMIC_GOVERNMENT,
}


def _table(tree: Tree, year: int) -> CodeTable | None:
    try:
        return table_for(tree, year)
    except NoTable:
        # Before the first shipped table: names rarely change, and former names
        # carry their years, so the earliest table still finds most codes.
        shipped = years(tree)
        return table_for(tree, shipped[0]) if shipped else None


def code_for(
    name: str, kind: TreeKind, year: int, *, parent: str | None = None, exact: bool = False
) -> str | None:
    """The code of the class named ``name`` under ``parent`` (a top class when ``None``).

    ``exact`` takes only an official name (of the year or a former one), not an
    abbreviation:

    >>> code_for("医疗补助缴费", "department", 2025, parent="301", exact=True) is None
    True
    """
    table = _table(_TREES[kind], year)
    if table is None:
        return None
    candidates = [e for e in table if e.parent == parent]
    best: dict[NameMatch, list[str]] = {}
    for entry in candidates:
        match = compare(name, entry, year).match
        best.setdefault(match, []).append(entry.code)
    matches = (NameMatch.OFFICIAL, NameMatch.FORMER)
    for match in matches if exact else (*matches, NameMatch.ABBREVIATED):
        codes = best.get(match, [])
        if len(codes) == 1:
            return codes[0]
        if codes:
            return None
    return None


@cache
def _top_names(kind: TreeKind, year: int) -> Mapping[str, tuple[str, ...]]:
    """The top classes' codes by each name that :func:`code_for` takes exactly (the year's
    official name, or another year's): a hot look-up, made once per tree and year."""
    table = _table(_TREES[kind], year)
    found: dict[str, list[str]] = {}
    for entry in () if table is None else table:
        if entry.parent is not None:
            continue
        names = {normalize(entry.name_in(year))}
        names.update(normalize(f.name) for f in entry.former_names if not f.covers(year))
        for name in names:
            found.setdefault(name, []).append(entry.code)
    return {name: tuple(codes) for name, codes in found.items()}


def top_code(name: str, kind: TreeKind, year: int) -> str | None:
    """The top class named exactly ``name``, as :func:`code_for` with ``exact`` finds it.

    >>> top_code("医疗卫生与计划生育支出", "function", 2025), top_code("医疗卫生", "function", 2025)
    ('210', None)
    """
    codes = _top_names(kind, year).get(normalize(name), ())
    return codes[0] if len(codes) == 1 else None
