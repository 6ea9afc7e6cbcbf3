"""How a stated classification name compares with the official one.

Names are compared after :func:`normalize`: Unicode compatibility folding
(full-width letters, digits and punctuation become half-width, so （ matches
( ), all whitespace removed, and a trailing 支出 dropped — disclosures write
"一般公共服务" for 一般公共服务支出 and "对个人和家庭的补助支出" for 对个人和家庭的补助.

A stated name that is none of the official names of any year but a contiguous
part of the current one at least half its length ("医疗补助缴费" for
公务员医疗补助缴费) is an :attr:`NameMatch.ABBREVIATED` form: recognisably the
same line, still worth pointing at.

>>> from govbudget.classification import function_codes
>>> compare("医疗卫生与计划生育支出", function_codes(2025).lookup("210"), 2025).match
<NameMatch.FORMER: 'former'>
"""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import Enum
from typing import Final

from attrs import frozen

from govbudget.classification.table import Entry, FormerName

__all__ = ["NameComparison", "NameMatch", "compare", "name_match", "normalize"]

_SPACE: Final = re.compile(r"\s+")
_SUFFIX: Final = "支出"


@functools.lru_cache(maxsize=4096)
def normalize(name: str) -> str:
    """The form two names are compared in (remembered for the last few thousand names: the
    same names recur in every document and in every comparison of one).

    >>> normalize(" 维修（护）费 ") == normalize("维修(护)费")
    True
    >>> normalize("一般公共服务支出")
    '一般公共服务'
    """
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", name))
    if folded.endswith(_SUFFIX) and len(folded) > len(_SUFFIX):
        folded = folded[: -len(_SUFFIX)]
    return folded


class NameMatch(Enum):
    """How a stated name relates to the official name of the year."""

    OFFICIAL = "official"  # the official name of that year (after normalize)
    FORMER = "former"  # an official name of another year
    ABBREVIATED = "abbreviated"  # a shortened form of the official name
    UNKNOWN = "unknown"  # none of these


@frozen(kw_only=True)
class NameComparison:
    """The outcome of comparing a stated name with an entry for a year.

    ``official`` is the official name in that year; ``former`` the other
    year's name matched, when ``match`` is :attr:`NameMatch.FORMER` (with the
    current name being the entry's name from ``former.changed``).
    """

    stated: str
    official: str
    match: NameMatch
    former: FormerName | None = None


def compare(stated: str, entry: Entry, year: int) -> NameComparison:
    """Compare ``stated`` with the official name of ``entry`` in ``year``.

    >>> from govbudget.classification import economic_codes
    >>> entry = economic_codes(2025).lookup("30111")
    >>> compare("医疗补助缴费", entry, 2025).match
    <NameMatch.ABBREVIATED: 'abbreviated'>
    >>> compare("其他工资福利", economic_codes(2025).lookup("30199"), 2025).match
    <NameMatch.OFFICIAL: 'official'>
    """
    match, official, former = name_match(stated, entry, year)
    return NameComparison(stated=stated, official=official, match=match, former=former)


def name_match(stated: str, entry: Entry, year: int) -> tuple[NameMatch, str, FormerName | None]:
    """:func:`compare`'s match, official name and former name matched, as a plain tuple
    (the rules compare every coded line of a budget; a comparison object is made for none).

    >>> from govbudget.classification import function_codes
    >>> name_match("医疗卫生与计划生育支出", function_codes(2025).lookup("210"), 2025)[:2]
    (<NameMatch.FORMER: 'former'>, '卫生健康支出')
    """
    official = entry.name_in(year)
    if stated == official:  # most names are written as the table has them
        return NameMatch.OFFICIAL, official, None
    wanted = normalize(stated)
    if wanted == normalize(official):
        return NameMatch.OFFICIAL, official, None
    for former in entry.former_names:
        if not former.covers(year) and wanted == normalize(former.name):
            return NameMatch.FORMER, official, former
    current = normalize(official)
    if len(wanted) >= 2 and 2 * len(wanted) >= len(current) and wanted in current:
        return NameMatch.ABBREVIATED, official, None
    return NameMatch.UNKNOWN, official, None
