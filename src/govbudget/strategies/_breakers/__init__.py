"""Breakers: for each rule, how to break it in an exact budget by more than rounding allows.

Internal to :mod:`govbudget.strategies`. A :class:`Breaker` names the parts the
budget must have (tokens of :data:`~govbudget.strategies._build.TOKENS`) and edits an exact budget
the way real documents go wrong: a changed figure (a total that does not add
up, a part counted twice), a dropped indicator, a wrong percent, a flipped
direction word, a misplaced code. The change is always many last places
(at least :data:`LEAST_STEPS`), far beyond what rounding allows for any
relation the checker knows.

One module per rule family, named as in :mod:`govbudget.rules` (``totals.py``, ``shares.py`` …),
holds that family's breakers; what they share is in :mod:`._base`.
"""

from __future__ import annotations

from typing import Final

from govbudget.strategies._breakers import (
    appropriation,
    assets,
    balance,
    codes,
    cross,
    execution,
    identity,
    operation,
    performance,
    procurement,
    repeats,
    shares,
    staffing,
    tables,
    three_public,
    totals,
    trees,
    wording,
    yoy,
)
from govbudget.strategies._breakers._base import LEAST_STEPS, Breaker, Place, get, put, slots

__all__ = ["BREAKERS", "LEAST_STEPS", "Breaker", "Place", "get", "put", "slots"]

_FAMILIES: Final = (
    identity,
    balance,
    totals,
    trees,
    appropriation,
    three_public,
    operation,
    yoy,
    execution,
    shares,
    repeats,
    procurement,
    assets,
    staffing,
    performance,
    cross,
    codes,
    tables,
    wording,
)

# The order of the catalogue of breakers, as it was in one module.
_ORDER: Final = (
    *("IDN001", "BAL001", "BAL002", "BAL003", "BAL004", "BAL005", "TOT001", "TOT002"),
    *("TOT003", "TOT004", "TOT005", "TOT006", "TRE001", "APP001", "APP002", "APP003"),
    *("APP004", "APP005", "APP006", "SG001", "SG002", "SG003", "OPS001", "YOY001"),
    *("YOY002", "YOY003", "YOY004", "YOY005", "EXE001", "EXE002", "SHR001", "SHR002"),
    *("SHR003", "EXE003", "EXE004", "EXE005", "RPT001", "PRC001", "PRC002", "AST001"),
    *("STF001", "PRF001", "PRF002", "PRF003", "PRF004", "PRF005", "PRF006", "PRF007"),
    *("PRF008", "PRF009", "XS001", "XS002", "XS003", "COD001", "COD002", "COD003"),
    *("COD004", "TAB001", "TAB002", "TAB003", "TAB004", "TAB005", "TAB006", "TAB007"),
    *("TAB008", "TAB009", "TAB010", "TAB011", "TAB012", "TAB013", "TAB014", "TAB015"),
    *("TAB016", "WRD001", "WRD002", "WRD003", "WRD004", "WRD005", "WRD007", "WRD006"),
)


def _in_order() -> dict[str, Breaker]:
    breakers = [item for family in _FAMILIES for item in family.BREAKERS.items()]
    if sorted(rule for rule, _ in breakers) != sorted(_ORDER):
        raise AssertionError("strategies/_breakers: a breaker missing from _ORDER or defined twice")
    by_rule = dict(breakers)
    return {rule: by_rule[rule] for rule in _ORDER}


#: Every rule that data can break, with how.
BREAKERS: Final[dict[str, Breaker]] = _in_order()
