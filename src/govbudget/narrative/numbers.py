"""Every number of a narrative, with its unit, and what a leftover number is.

:func:`scan` finds each number written with Arabic digits in the normalised
text and the unit written after it (万元, %, 人, 件 …). The reader then decides
what became of each; a number no pattern used is looked at by
:func:`context_kind`, which recognises what is plainly not a budget figure — a
year or a date, an item number, a document number, a count in a description —
and leaves every other number *not understood*.

>>> from govbudget.narrative.text import normalize
>>> [(n.text, n.unit) for n in scan(normalize("2025年收入合计425.23万元，增长5.3%"))]
[('2025', '年'), ('425.23', '万元'), ('5.3', '%')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Final, overload

from attrs import frozen

from govbudget.money import MAX_DIGITS, Unit
from govbudget.narrative.text import ITEM_MARKER, Text

__all__ = ["COUNT_UNITS", "MONEY_UNITS", "Number", "Numbers", "context_kind", "scan"]

#: Money units as written, each with the unit it means ("万" is 万元).
MONEY_UNITS: Final = {
    "万元": Unit.WAN,
    "万": Unit.WAN,
    "亿元": Unit.YI,
    "亿": Unit.YI,
    "千元": Unit.QIAN_YUAN,
    "元": Unit.YUAN,
}
#: Units of counted things, longest first.
COUNT_UNITS: Final = (
    "平方米",
    "人次",
    "周岁",
    "批次",
    "台次",
    "个月",
    "小时",
    "辆次",
    "公里",
    "人",
    "名",
    "件",
    "场",
    "天",
    "次",
    "个",
    "项",
    "户",
    "家",
    "辆",
    "台",
    "套",
    "所",
    "处",
    "座",
    "批",
    "篇",
    "期",
    "份",
    "本",
    "册",
    "亩",
    "条",
    "间",
    "张",
    "轮",
    "类",
    "月",
    "日",
    "年",
    "岁",
    "号",
    "点",
    "倍",
)
_UNIT: Final = re.compile(
    "|".join(
        re.escape(u) for u in ("万元", "亿元", "千元", "%", "‰", *COUNT_UNITS, "万", "亿", "元")
    )
)
_NUMBER: Final = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


@frozen
class Number:
    """A number as written: its span in the normalised text, value and unit."""

    start: int
    end: int
    text: str
    value: Decimal | None  # None when it has more digits than any amount can
    unit: str | None
    unit_end: int

    @property
    def money(self) -> Unit | None:
        """The money unit written after the number, if one is."""
        return None if self.unit is None else MONEY_UNITS.get(self.unit)

    @property
    def is_percent(self) -> bool:
        """Whether the number is a percent."""
        return self.unit == "%"

    @property
    def decimals(self) -> int:
        """The decimals written."""
        return len(self.text.partition(".")[2])


class Numbers(Sequence[Number]):
    """The numbers of a text in order, with a fast look-up of those within a span."""

    __slots__ = ("_figures", "_items", "_starts")

    def __init__(self, items: Iterable[Number]) -> None:
        self._items = tuple(items)
        self._starts = tuple(n.start for n in self._items)
        # How many amounts and percents come before each number.
        self._figures = tuple(
            accumulate((n.money is not None or n.is_percent for n in self._items), initial=0)
        )

    @overload
    def __getitem__(self, index: int) -> Number: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Number]: ...
    def __getitem__(self, index: int | slice) -> Number | Sequence[Number]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def between(self, start: int, end: int) -> Sequence[Number]:
        """The numbers that start within ``[start, end)``."""
        return self._items[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def figures_between(self, start: int, end: int) -> int:
        """How many amounts and percents start within ``[start, end)``, without a copy."""
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return self._figures[max(first, last)] - self._figures[first]


def scan(text: Text) -> Numbers:
    """Every number of the normalised text, in order."""
    found: list[Number] = []
    source = text.text
    for match in _NUMBER.finditer(source):
        digits = match.group()
        value = Decimal(digits) if len(digits) <= MAX_DIGITS else None
        unit_match = _UNIT.match(source, match.end())
        unit = unit_match.group() if unit_match else None
        unit_end = unit_match.end() if unit_match else match.end()
        found.append(Number(match.start(), match.end(), digits, value, unit, unit_end))
    return Numbers(found)


_YEAR: Final = re.compile(r"(?:19|20|21)\d\d$")
#: A web address: its digits (article ids, dates in paths) are never figures.
_URL: Final = re.compile(r"(?:https?[:：]//|www\.)[!-~？]+", re.IGNORECASE)  # "?" normalised
_DOC_NUMBER: Final = re.compile(r"[〔\[【]\d{4}[〕\]】]\s*第?\d+号|第\d+号")
_GOAL_NUMBER: Final = re.compile(r"(?:目标|指标|项目|第|图|表|附表|附件)$")
_DESCRIPTION_UNITS: Final = frozenset(COUNT_UNITS) - {"年", "月", "日", "号", "点"}


#: A date or a time as sites print them: 2024-04-11, 2024/4/11, 16:53:48, 2024.03-2024.12.
_DATE_TIME: Final = re.compile(
    r"(?:19|20)\d\d[-/.](?:1[0-2]|0?[1-9])(?:[-/.](?:[12]\d|3[01]|0?[1-9]))?"
    r"|(?<!\d)(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?!\d)"
)
_MARKED: Final = re.compile(r"[-/:：.]|号")
#: An index or file number of a government site: 索引号：QZ04101-0105-2024-00210.
_INDEX_NUMBER: Final = re.compile(
    r"(?:索引号|文号|编号|发文字号)[：:]?\s*[\[【]?[A-Za-z0-9./\-—_【】\[\]]{3,}"
)
#: A page number after a table of contents' dotted leader.
_LEADER: Final = re.compile(r"(?:\.{3,}|…{2,}|·{3,})\s*（?$")
_TOC_PAGE: Final = re.compile(r"\s*）?\s*(?:$|\n)")
#: A list item number run into the line before: "4.负责…", "2、加强…".
_INLINE_ITEM: Final = re.compile(r"[.、][\u4e00-\u9fff]")

#: Units of measure in a description (area, length, weight, temperature): never figures.
MEASURE_UNITS: Final = (
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "公顷",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "米",
    "吨",
    "千克",
    "公斤",
    "亩",
    "℃",
    "㎡",
)
_MEASURE: Final = re.compile(
    r"\s*(?:多|余)?\s*(?:"
    + "|".join(re.escape(u) for u in MEASURE_UNITS)
    + r"|(?i:k?m)(?![A-Za-z]))"
)
#: The units of people: in the basic information these are the staffing reader's to read.
_STAFF_UNITS: Final = frozenset({"人", "名", "人次"})
#: A number run into Latin letters, or into a long run of digits and marks: part of a code or
#: an identifier (索引号 11520304…K/2023-00118, IPv6, "mm131"), never a figure.
_CODE_TOKEN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.\-]*")
#: The first number of a range takes the unit of the second ("3-6岁", "0～6岁儿童").
_RANGE_TO: Final = re.compile(r"\s*[-~～—至到]\s*\d+(?:\.\d+)?\s*")
#: An item number in brackets in running text: "…包括：（1）公务用车购置费…".
_BRACKETED_ITEM: Final = re.compile(r"）\s*[\u4e00-\u9fff]")
#: A table's number: "（预算公开06表）", "附表3".
_TABLE_NUMBER: Final = re.compile(r"\s*表")
#: A date written as bare digits after its word: "公开日期：2023815".
_DATE_WORD: Final = re.compile(r"(?:日期|时间)[：:]?\s*$")

#: How far before a number a web address holding it may start.
_URL_REACH: Final = 300


def _in_url(text: Text, number: Number) -> bool:
    line_start, _ = text.line_at(number.start)
    start = max(line_start, number.start - _URL_REACH)
    window = text.text[start : number.end]
    if "//" not in window and "www." not in window.lower():
        return False
    return any(
        m.start() <= number.start < m.end() for m in _URL.finditer(text.text, start, number.end)
    )


def context_kind(text: Text, number: Number, *, counts: bool = True) -> str | None:
    """Why a number no pattern used is context, or ``None`` if it may be a figure.

    Amounts and percents are never context. ``counts`` says whether a count
    (14人, 30件) is context where it stands — not where staff are counted.

    >>> from govbudget.narrative.text import normalize
    >>> t = normalize("根据（示财预〔2023〕5号）规定，2024年12月31日前")
    >>> [context_kind(t, n) for n in scan(t)]
    ['document-number', 'document-number', 'date', 'date', 'date']
    >>> t = normalize("详见 http://czj.example.gov.cn/art/2024/3/art_133619.html。")
    >>> [context_kind(t, n) for n in scan(t)]
    ['url', 'url', 'url']
    >>> t = normalize("发布日期：2023-10-08 09:30")
    >>> [context_kind(t, n) for n in scan(t)]
    ['date', 'date', 'date', 'date', 'date']
    """
    source = text.text
    if _in_url(text, number):
        return "url"
    if number.money is not None or number.is_percent:
        return None
    window = source[max(0, number.start - 6) : number.unit_end + 8]
    for match in _DOC_NUMBER.finditer(window):
        offset = max(0, number.start - 6)
        if match.start() + offset <= number.start < match.end() + offset:
            return "document-number"
    is_year = bool(_YEAR.match(number.text))
    if number.unit in ("月", "日") or (is_year and number.unit in ("年", None)):
        return "date"
    around = source[max(0, number.start - 20) : number.unit_end + 12]
    offset = max(0, number.start - 20)
    marks = ("-", "/", ":", "：", ".", "号") if _MARKED.search(around) else ()
    for pattern, kind in (
        ((_DATE_TIME, "date"), (_INDEX_NUMBER, "document-number")) if marks else ()
    ):
        for match in pattern.finditer(around):
            if match.start() + offset <= number.start < match.end() + offset:
                return kind
    code = _code(source, number)
    if code is not None:
        return code
    if _TOC_PAGE.match(source, number.unit_end) and _LEADER.search(
        source, max(0, number.start - 8), number.start
    ):
        return "page-number"  # "三、支出决算表……………（8）"
    line_start = text.line_at(number.start)[0]
    marker = ITEM_MARKER.match(source, line_start)
    if marker is not None and number.start < marker.end():
        return "item-number"
    after_marker = marker is not None and not source[marker.end() : number.start].strip()
    if (
        number.unit is None
        and _INLINE_ITEM.match(source, number.end)
        and (number.start == 0 or source[number.start - 1] in "。；：\n" or after_marker)
    ):
        return "item-number"  # "…管理工作。4.负责城市生活垃圾…": a list run into one line
    if number.unit is None and _item_in_text(source, number):
        return "item-number"
    if number.unit is None and _GOAL_NUMBER.search(source[max(0, number.start - 2) : number.start]):
        return "item-number"
    unit = number.unit
    if unit is None and (ranged := _RANGE_TO.match(source, number.end)) is not None:
        following = _UNIT.match(source, ranged.end())
        unit = following.group() if following is not None else None  # "3-6岁"
    # In the basic information, counts of people are the staffing reader's, not context.
    if (unit in _DESCRIPTION_UNITS or unit == "年") and (counts or unit not in _STAFF_UNITS):
        return "count"
    return None


def _code(source: str, number: Number) -> str | None:
    """``"measure"`` or ``"code"`` for a number of a measure or an identifier, else ``None``."""
    if number.unit is None and _MEASURE.match(source, number.end):
        return "measure"  # "356.4平方公里", "16.5℃", "5000多平方米"
    # A token is looked at no further than a few dozen characters each side: linear on one
    # endless run of letters and digits (a web address thousands of characters long).
    start, end = number.start, number.end
    low, high = max(0, start - _CODE_REACH), min(len(source), end + _CODE_REACH)
    while start > low and _is_code_char(source[start - 1]):
        start -= 1
    while end < high and _is_code_char(source[end]):
        end += 1
    token = source[start:end]
    if token == number.text:
        if (
            number.unit is None
            and len(number.text) in (7, 8)
            and number.text[:2] in ("19", "20")
            and _DATE_WORD.search(source, max(0, start - 8), start)
        ):
            return "date"  # "公开日期：2023815"
        return None
    if any(c.isascii() and c.isalpha() for c in token):
        return "code"  # "11640102010090900H/2022-00047", "IPv6", "mm131"
    marks = sum(token.count(c) for c in "-/_")
    longest = max(len(run) for run in _DIGIT_RUN.findall(token))
    if number.unit is None and (marks >= 2 or longest >= 12 or (marks and longest >= 9)):
        return "code"  # "115002260093423651/2023-00074"
    return None


def _is_code_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "/_-")


_DIGIT_RUN: Final = re.compile(r"\d+")
_CODE_REACH: Final = 40


def _item_in_text(source: str, number: Number) -> bool:
    """A number in brackets that numbers an item ("：（1）公务用车…") or a table ("06表")."""
    if len(number.text) > 2:
        return False
    if _TABLE_NUMBER.match(source, number.end):
        return True
    before = source[number.start - 1] if number.start else ""
    if before != "（" or not _BRACKETED_ITEM.match(source, number.end):
        return False
    opener = number.start - 2
    return opener < 0 or source[opener] in "。；：，、\n \t"
