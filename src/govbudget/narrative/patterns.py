"""The sentence patterns of a narrative: a figure and what is said about it.

:func:`read_clause` reads what follows a label ("收入总计", "公务接待费" …) up to
the next label: the amount, and in any order the prior year, the change, the
percent, the share and the reason, in the phrasings disclosures use —

- ``425.23万元（上年449.17万元，同比减少23.94万元，同比减少5.3%）``
- ``比上年/比去年/较上年/较2024年的1840万元 增加|减少 Z万元，增长|下降|降低 P%``
- ``比年初预算289.17万元增加6.06万元`` (in a 预算, 年初预算 is last year's)
- ``较上年持平``, ``无变化``; ``份额比例0%``, ``占91.26%``; ``主要原因是：…``

:func:`read_items` reads a bracketed or comma list of named amounts
("基本工资55.58万、津贴补贴30万 …"), whose names may themselves hold a 、;
:func:`read_indicators` reads a performance indicator clause.

The functions only read: they return the numbers they used (by their offset in
the normalised text) and leave deciding what a figure is to the reader.

>>> from govbudget.narrative.text import normalize
>>> from govbudget.narrative.numbers import scan
>>> t = normalize("收入总计425.23万元（上年收入总计449.17万元，同比减少23.94万元，同比减少5.3%）。")
>>> c = read_clause(t.text, scan(t), 4, len(t.text))
>>> c.amount.text, c.prior.text, c.change[0].text, c.change[1], c.percent[1]
('425.23', '449.17', '23.94', '减少', '减少')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final

from attrs import evolve, frozen

from govbudget.figure import DIRECTION_WORDS
from govbudget.model import COMPARATOR_WORDS, IndicatorKind
from govbudget.narrative.numbers import COUNT_UNITS, Number, Numbers

__all__ = [
    "Clause",
    "IndicatorText",
    "Item",
    "number_at",
    "numbers_in",
    "read_clause",
    "read_indicators",
    "read_items",
]

_WORDS: Final = sorted((w for w in DIRECTION_WORDS if len(w) > 1), key=len, reverse=True)
#: A direction word ("增加", "下降" …; 增/减 only before a number).
DIRECTION: Final = re.compile("|".join(_WORDS) + r"|[增减](?=\d)")
#: A direction word in brackets, as templates leave it filled in: "较上年（减少）21.07万元".
_BRACKETED_DIRECTION: Final = re.compile(r"（(增加|减少|增|减)）")
_FLAT: Final = re.compile(r"基本持平|持平|没有变化|无变化|不变|无增减|未发生变化")
_PRIOR: Final = re.compile(
    r"(?:同口径)?(?:比|较|与|同)(?:上年度?|去年度?|上一年度?|年初预算数?|上年预算数?|\d{4}\s*年度?)"
    r"|(?<![比较与同])(?:上年度?|去年度?|上一年度?)(?!结转)"
)
_INITIAL: Final = re.compile(
    r"(?:支出)?年初预算数?(?:安排)?(?:为|是)?"
    r"|(?<![上比较与同年])(?<!公共)(?<!基金)(?<!经营)(?:支出)?预算(?:安排)?数?(?:为|是)?(?=\d)"
)  # not a fund's name: 一般公共预算 / 政府性基金预算 / 国有资本经营预算 862.40 万元
_FULL_YEAR: Final = re.compile(r"全年预算数?(?:为|是)?|调整(?:后)?预算数?(?:为|是)?")
#: In a 决算, the final figure after its budget: "预算为 49.9 万元，支出决算为 7.69 万元".
_FINAL_AMOUNT: Final = re.compile(r"(?:支出|实际)?决算数?(?:为|是)(?=\d)|实际支出(?:为)?(?=\d)")
#: In a 决算, a comparison with the year's own budget: "与年初预算相比", "较预算".
_AGAINST_BUDGET: Final = re.compile(
    r"(?:比|较|与|同)(?:年初|全年|调整(?:后)?)?预算(?:数)?(?:相比|对比|比较)?"
)
#: "决算数大于预算数": the direction of the final figure against its budget, in words.
_BUDGET_WORDS: Final = re.compile(
    r"(?:支出)?决算数?(大于|小于|等于|高于|低于|多于|少于|超过)(?:年初|全年|调整)?预算数?"
)
#: "2015年预算13.6万元": a year's column of a line, its amount next.
_YEAR_COLUMN: Final = re.compile(
    r"((?:19|20)\d\d)\s*年度?(?:的)?(?:年初)?(?:预算|决算|执行)(?:数|拨入|安排)?(?:为|是)?(?=\d)"
)
#: "与2021年度预算相比", "比2023年决算数": a year's figure as the base of a comparison.
_YEAR_BASE: Final = re.compile(
    r"(?:同口径)?(?:比|较|与|同)((?:19|20)\d\d)\s*年度?(?:的)?(年初|全年|调整)?(预算|决算)?数?(?:相比|对比|比较)?"
)
_COMPLETION: Final = re.compile(
    r"完成(?:年初|全年|年度|调整(?:后)?)?(?:预算|预期)(?:数)?的?(?!\d+(?:\.\d+)?[万亿]?元)"
    r"|(?:为|占)(?:年初|全年|年度|调整(?:后)?)(?:预算|预期)(?:数)?的?"
)
#: "完成预算27万元的63.2%": the budget inside the completion phrase, then its percent.
_COMPLETION_OF: Final = re.compile(
    r"完成(?:年初|全年|年度|调整(?:后)?)?预算(?:数)?(?=\d+(?:\.\d+)?(?:万元|万|亿元|亿|元))"
)
_OF_PERCENT: Final = re.compile(r"的(?=\d+(?:\.\d+)?%)")
_DIFFERENCE: Final = re.compile(r"(?:与(?:年初|全年|调整)?预算(?:数)?的?)?(?:差值|差额)(?:为|是)?")
_SHARE: Final = re.compile(r"份额比例为?|占比为?|所占比例为?|占[^，。；\d%]{0,14}?(?=\d)")
_REASON: Final = re.compile(
    r"(?:变动|增减|变化|增加|减少|下降|增长)?(?:的)?(?:主要)?原因(?:主要)?(?:是|为)?[：]?"
)
_NOTE_LEAD: Final = re.compile(r"，?(?=为|主要用于|用于|主要是|系)")
_EDGE: Final = "：，；、 "
_GAP_LIMIT: Final = 14
_STALE: Final = 12


@frozen
class Clause:
    """What a clause says about one figure; each value is the :class:`Number` written.

    ``change`` and ``percent`` carry their direction word; a change that is only
    a word ("持平") has ``None`` as its number; ``note`` is the span of a reason. ``context`` lists numbers that are
    part of the phrasing (the year in "较2024年的"). ``end`` is where reading stopped.
    """

    amount: Number | None = None
    prior: Number | None = None
    change: tuple[Number | None, str] | None = None
    percent: tuple[Number, str | None] | None = None
    share: Number | None = None
    budget_initial: Number | None = None
    budget_full_year: Number | None = None
    completion: Number | None = None
    budget_difference: Number | None = None
    budget_change: tuple[Number | None, str] | None = None
    budget_percent: tuple[Number, str | None] | None = None
    note: tuple[int, int] | None = None
    context: tuple[Number, ...] = ()
    end: int = 0
    mode: str | None = None  # the comparison the clause made or continued: "prior", "budget"
    share_base: str | None = (
        None  # the whole a share names: "占政府采购支出总额的" → 政府采购支出总额
    )

    @property
    def empty(self) -> bool:
        """Whether the clause states nothing."""
        return (
            self.amount is None
            and self.prior is None
            and self.change is None
            and self.percent is None
            and self.share is None
            and self.budget_initial is None
            and self.budget_full_year is None
            and self.budget_difference is None
            and self.completion is None
            and self.budget_change is None
            and self.budget_percent is None
        )

    @property
    def numbers(self) -> tuple[Number, ...]:
        """Every number the clause used as a figure."""
        found = [self.amount, self.prior, self.share, self.budget_initial, self.budget_full_year]
        found.append(self.budget_difference)
        found.append(self.completion)
        if self.change is not None:
            found.append(self.change[0])
        if self.percent is not None:
            found.append(self.percent[0])
        if self.budget_change is not None:
            found.append(self.budget_change[0])
        if self.budget_percent is not None:
            found.append(self.budget_percent[0])
        return tuple(n for n in found if n is not None)


def numbers_in(numbers: Sequence[Number], start: int, end: int) -> Sequence[Number]:
    """The numbers that start within ``[start, end)`` (``numbers`` in text order)."""
    if isinstance(numbers, Numbers):
        return numbers.between(start, end)
    starts = [n.start for n in numbers]
    return numbers[bisect_left(starts, start) : bisect_left(starts, end)]


def number_at(numbers: Sequence[Number], start: int) -> Number | None:
    """The number that starts at ``start``, if one does."""
    found = numbers_in(numbers, start, start + 1)
    return found[0] if found else None


def _marker(
    text: str, pos: int, end: int, final: bool, year: int | None = None
) -> tuple[str, str, int] | None:
    """The marker at ``pos``: (kind, word, end) for a direction, prior, share … phrase.

    In a 决算 (``final``) a comparison with the year's own budget is kind ``budget``
    (what follows is the change against the budget), its direction in words
    ("决算数大于预算数") kind ``budget_word``; a comparison with an earlier year is
    ``prior`` — "与2021年度预算相比" in the 2021 决算 is the budget, in the 2022 one the
    year before.
    """
    year_column = _YEAR_COLUMN.match(text, pos, end) if year is not None else None
    if year_column is not None and year is not None:
        # "…2016年预算6万元，2015年预算9.5万元": each year's column of one line.
        stated_year = int(year_column.group(1))
        if stated_year == year - 1:
            return "prior", year_column.group(), year_column.end()
        if stated_year == year:
            return "this_year", year_column.group(), year_column.end()
    if text.startswith(("比", "较", "与", "同"), pos):  # 同口径比 too
        based = _YEAR_BASE.match(text, pos, end)
        if based is not None:
            stated_year, column = int(based.group(1)), based.group(3)
            own = final and year is not None and stated_year == year and column != "决算"
            return ("budget" if own else "prior"), based.group(), based.end()
    for kind, pattern in (
        ("flat", _FLAT),
        ("reason", _REASON),
        ("budget_word", _BUDGET_WORDS if final else None),
        ("final_amount", _FINAL_AMOUNT if final else None),
        # A budget execution report (预算执行情况) states completion rates in any kind.
        ("initial", _COMPLETION_OF),
        ("completion", _COMPLETION),
        ("completion", _OF_PERCENT if final else None),
        ("budget", _AGAINST_BUDGET if final else None),
        ("initial", _INITIAL if final else None),
        ("full_year", _FULL_YEAR if final else None),
        ("difference", _DIFFERENCE if final else None),
        ("prior", _PRIOR),
        ("share", _SHARE),
        ("direction", DIRECTION),
        ("direction", _BRACKETED_DIRECTION),
    ):
        if pattern is None:
            continue
        match = pattern.match(text, pos, end)
        if match is not None and match.end() > pos:
            if kind == "reason" and "原因" not in match.group():
                continue
            if kind == "budget_word" or (kind == "direction" and match.re is _BRACKETED_DIRECTION):
                return kind, match.group(1), match.end()
            return kind, match.group(), match.end()
    return None


def read_clause(
    text: str,
    numbers: Sequence[Number],
    start: int,
    end: int,
    *,
    final: bool = False,
    head_gap: int = _GAP_LIMIT,
    note_end: int | None = None,
    note_stops: Sequence[int] = (),
    unit: str | None = None,
    year: int | None = None,
    mode: str | None = None,
) -> Clause:
    """Read what ``text[start:end]`` says about the figure labelled just before ``start``.

    Before the amount only a short linking phrase may stand ("年初预算安排",
    "采购预算金额"), at most ``head_gap`` characters with no comma; reading
    stops at a number no phrase claims, so a following figure is left alone.
    ``final`` reads 决算 phrasing (年初预算数, 全年预算数, 完成预算 %). A reason
    ("主要原因是…") runs to the end of the sentence (``note_end``: no 。 or line
    break stands between ``end`` and it), or to a ； just before one of
    ``note_stops`` (where the next figure's label starts; in order, and only those
    a ； precedes need be given).
    ``unit`` is the document's money unit: a change written with 增加/减少 and no unit,
    in a clause with no amount to take one from ("本年收入较上年减少356.20，降低8.4%"),
    is in it; a number after 增长/下降 with no unit is a percent ("同比下降18.87").
    ``year`` is the document's year: in a 决算 a comparison with that year's budget
    is a change against the budget (``budget_change``), with an earlier year the
    year-on-year change. ``mode`` is the comparison an earlier clause of the sentence
    made (``"budget"``, ``"prior"``), which a clause that names none continues
    ("较预算减少326.5万元，主要是因公出国（境）费减少87.24万元").
    """
    values: dict[str, object] = {} if mode is None else {"mode": mode}
    context: list[Number] = []
    pending: tuple[str, str] | None = None
    since = 0
    gap = 0
    started = False
    pos = start
    last_end = start
    in_numbers = {n.start: n for n in numbers_in(numbers, start, end)}
    while pos < end:
        number = in_numbers.get(pos)
        if number is not None and number.unit == "年" and _YEAR_COLUMN.match(text, pos, end):
            number = None  # a year's column ("，2015年预算13.6万元"): the marker reads it
        if number is not None:
            is_year = number.unit == "年" or (number.unit is None and len(number.text) == 4)
            if pending is not None and pending[0] == "prior" and is_year:
                context.append(number)
                pos = number.unit_end
                continue
            if (
                not started
                and pending is None
                and number.unit == "年"
                and _YEAR_TEXT.fullmatch(number.text)
            ):
                # "公务用车购置及运行费2019年财政拨款决算数为…": the year names the figure's year.
                context.append(number)
                pos = number.unit_end
                gap += 1
                continue
            if number.unit_end >= len(text) and number.unit is None:
                break  # the text ends in this number: an excerpt cut off ("下降7…")
            taken = _take(values, number, pending, started, unit)
            if taken is None:
                break
            values.update(taken)
            started = True
            pending = None
            pos = last_end = number.unit_end
            continue
        marker = _marker(text, pos, end, final, year)
        if marker is not None:
            kind, word, marker_end = marker
            if kind == "share" and _JOINT.search(text, max(start, pos - 6), pos):
                break  # "…、附属单位上缴收入2841.07万元，两项合计占0.1%": not this figure's share
            if kind in ("budget", "prior"):
                values["mode"] = kind
            if kind == "budget_word":
                values["mode"] = "budget"
                values.setdefault("budget_change", (None, word))
                started = True
            if kind == "reason":
                stop = _reason_end(text, marker_end, end, note_end, note_stops)
                semicolon = text.find("；", marker_end, stop)
                if (
                    semicolon >= 0
                    and _holds_figure(numbers, semicolon, stop)
                    and not _holds_figure(numbers, marker_end, semicolon)
                    and _COMPARISON.match(text, semicolon + 1, stop)
                ):
                    # "…降低16.27%，主要原因是厉行节约；比上年决算数增加1.2万元，增长6.97%":
                    # the reason ends at the ；, and the same figure's comparison follows it.
                    values["note"] = _trim(text, marker_end, semicolon)
                    pos = last_end = semicolon + 1
                    pending = None
                    continue
                if _holds_figure(numbers, marker_end, stop):
                    # A reason holds no figures: "…减少的原因：预算支出比上年减少23.94万元" states them.
                    stop = min(stop, end)
                values["note"] = _trim(text, marker_end, stop)
                pos = stop
                break
            if kind == "flat":
                slot = "budget_change" if values.get("mode") == "budget" else "change"
                values.setdefault(slot, (None, word))
                started = True
                pending = None
                last_end = marker_end
            else:
                pending = (kind, word)
                since = 0
                if kind == "share" and "share" not in values:
                    base = _SHARE_WHOLE.sub("", word.removeprefix("占"))
                    values["share_base"] = base or None
            pos = marker_end
            continue
        char = text[pos]
        if not started and pending is None:
            if char in "，；。\n" or gap >= head_gap or char.isdigit():
                break
            if char == "：" and _LIST_OPENS.search(text, start, pos):
                break  # "项目支出主要是：甲项目80万元、乙项目…": the amounts are the list's
            gap += 1
        elif pending is not None:
            since += 1
            if since > _STALE or char in "。\n":
                pending = None
        if started and char in "。\n":
            break
        pos += 1
    if started and "note" not in values:
        lead = _NOTE_LEAD.match(text, last_end, end)
        if lead is not None and last_end < end:
            rest = _rest_span(text, lead.end(), end)
            if rest[1] > rest[0] and not any(c.isdigit() for c in text[rest[0] : rest[1]]):
                values["note"] = rest
    return Clause(
        mode=values.get("mode") if isinstance(values.get("mode"), str) else None,  # type: ignore[arg-type]
        amount=_num(values.get("amount")),
        prior=_num(values.get("prior")),
        change=_pair(values.get("change")),
        percent=_percent(values.get("percent")),
        share=_num(values.get("share")),
        budget_initial=_num(values.get("budget_initial")),
        budget_full_year=_num(values.get("budget_full_year")),
        budget_difference=_num(values.get("budget_difference")),
        completion=_num(values.get("completion")),
        budget_change=_pair(values.get("budget_change")),
        share_base=values.get("share_base") if isinstance(values.get("share_base"), str) else None,  # type: ignore[arg-type]
        budget_percent=_percent(values.get("budget_percent")),
        note=_span(values.get("note")),
        context=tuple(context),
        end=pos,
    )


#: The direction words of a money change (a percent goes with 增长, 下降 …).
_MONEY_WORDS: Final = frozenset({"增加", "减少", "增", "减", "增收", "减收", "增支", "减支"})


def _take(
    values: dict[str, object],
    number: Number,
    pending: tuple[str, str] | None,
    started: bool,
    unit: str | None = None,
) -> dict[str, object] | None:
    kind = None if pending is None else pending[0]
    amount = values.get("amount")
    against_budget = values.get("mode") == "budget"
    if (
        number.unit is None
        and kind == "direction"
        and pending is not None
        and pending[1] in _PERCENT_WORDS
    ):
        number = evolve(number, unit="%")  # "同比下降18.87": 下降 goes with a percent
    if number.unit is None and kind in ("prior", "direction") and isinstance(amount, Number):
        # "较上年3.15减少0.04万元", "较上年减少356.20，降低8.4%": the clause's unit is meant.
        number = evolve(number, unit=amount.unit)
    elif (
        number.unit is None
        and kind == "direction"
        and pending is not None
        and pending[1] in _MONEY_WORDS
        and unit
        and "change" not in values
    ):
        number = evolve(number, unit=unit)
    if (
        number.unit is None
        and kind is None
        and unit
        and not started
        and "amount" not in values
        and number.value == 0
    ):
        number = evolve(number, unit=unit)  # "因公出国（境）费为0": none, in any unit
    money = number.money is not None
    if kind is None and money and not started and "amount" not in values:
        return {"amount": number}
    if kind == "budget_word" and pending is not None:
        if money:
            return {"budget_change": (number, pending[1])}
        return None
    slots = {
        "prior": ("prior", money),
        "budget": ("budget_initial", money),
        "final_amount": ("amount", money),
        "this_year": ("amount", money),
        "initial": ("budget_initial", money),
        "full_year": ("budget_full_year", money),
        "difference": ("budget_difference", money),
        "share": ("share", number.is_percent),
        "completion": ("completion", number.is_percent),
    }
    if kind in slots:
        name, fits = slots[kind]
        if fits and name not in values:
            return {name: number}
        return None
    if kind is None and number.is_percent and "percent" not in values:
        change = values.get("change")
        if isinstance(change, tuple) and change[0] is not None:
            # "较上年减少14.20万元（48.63%）": the change's percent, with its direction.
            return {"percent": (number, change[1])}
    if kind == "direction" and pending is not None:
        change, percent = (
            ("budget_change", "budget_percent") if against_budget else ("change", "percent")
        )
        worded_only = isinstance(values.get(change), tuple) and values[change][0] is None  # type: ignore[index]
        if money and (change not in values or worded_only):
            return {change: (number, pending[1])}
        if number.is_percent and percent not in values:
            return {percent: (number, pending[1])}
    return None


#: The direction words a bare number after which is a percent, not money.
#: The words before a colon that open a list of what a figure is made of ("主要是：").
_LIST_OPENS: Final = re.compile(r"(?:主要(?:是|有|为|包括|用于)|具体(?:是|为|包括)|包括|分别是)$")
#: A share said of several figures together ("两项合计占 0.1%").
_JOINT: Final = re.compile(r"(?:[两二三四五六七八九十几]项|两者|二者|合计|共计|之和|加起来)")
#: The words around a share's whole: "占【政府采购支出总额】的", "占比为", "所占比重".
_SHARE_WHOLE: Final = re.compile(
    r"^(?:比|比重|比例)?(?:为)?$|(?:的|的比重|的比例|比重|比例)(?:为)?$|^全年|^本年"
)
_YEAR_TEXT: Final = re.compile(r"(?:19|20)\d\d")
_PERCENT_WORDS: Final = frozenset({"增长", "下降", "上升", "降低", "增幅", "降幅", "减幅", "提高"})


#: A comparison that opens a clause ("比上年…", "较2023年度决算数…", "与上年相比…", "同比…").
_COMPARISON: Final = re.compile(r"\s*(?:比|较|与|同比|相比)")


def _reason_end(text: str, start: int, end: int, note_end: int | None, stops: Sequence[int]) -> int:
    """Where a reason from ``start`` ends (see :func:`read_clause`).

    A sentence may hold thousands of labels, each with a reason running to its
    end: the stops are looked up and the text after ``end`` is not walked, so
    that reading stays linear.
    """
    stop = end if note_end is None else note_end
    at = bisect_right(stops, start)
    while at < len(stops) and stops[at] <= stop:
        if text[stops[at] - 1] == "；":
            stop = stops[at] - 1
            break
        at += 1
    for mark in "。\n":
        found = text.find(mark, start, min(stop, end))
        if found >= 0:
            stop = found
    return stop


def _holds_figure(numbers: Sequence[Number], start: int, end: int) -> bool:
    """Whether an amount or a percent starts within ``[start, end)``."""
    if isinstance(numbers, Numbers):
        return numbers.figures_between(start, end) > 0
    return any(n.money is not None or n.is_percent for n in numbers_in(numbers, start, end))


def _rest_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the rest of the sentence from ``start``, without edge punctuation."""
    stop = end
    for mark in "。\n":
        found = text.find(mark, start, end)
        if found >= 0:
            stop = min(stop, found)
    return _trim(text, start, stop)


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    """The span ``[start, stop)`` without edge punctuation."""
    while start < stop and text[start] in _EDGE:
        start += 1
    while stop > start and text[stop - 1] in _EDGE:
        stop -= 1
    return start, stop


def _num(value: object) -> Number | None:
    return value if isinstance(value, Number) else None


def _span(value: object) -> tuple[int, int] | None:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1]) if value[1] > value[0] else None
    return None


def _pair(value: object) -> tuple[Number | None, str] | None:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str):
        first = value[0]
        return (first if isinstance(first, Number) else None, value[1])
    return None


def _percent(value: object) -> tuple[Number, str | None] | None:
    pair = _pair(value)
    if pair is None or pair[0] is None:
        return None
    return pair[0], pair[1]


@frozen
class Item:
    """A named amount of a list: the name as published and the amount's number."""

    name: str
    name_start: int
    number: Number
    note: str | None = None


_ITEM_LEAD: Final = re.compile(
    r"^[，、；：。\s]*(?:其中[：，]?|包括[：]?|含[：]?|分别为[：]?|以及|主要用于|用于)?"
)
_ITEM_TAIL: Final = re.compile(r"(?:为|是|共计|合计|计|约)$")
_BRACKETS: Final = "（）“”"
_NOT_A_NAME: Final = re.compile(r"(?:比|较|与|同比|上年|去年|增加|减少|增长|下降|降低|占)")


def read_items(text: str, numbers: Sequence[Number], start: int, end: int) -> list[Item]:
    """The named amounts of a list in ``text[start:end]``, in order.

    Each name is the text between the previous amount and this one, without
    the separators and linking words around it; words before a colon are the
    list's remark ("主要是项目支出，其中：…"), kept as the first item's note.

    >>> from govbudget.narrative.text import normalize
    >>> from govbudget.narrative.numbers import scan
    >>> t = normalize("（主要是项目支出，其中：信访解难资金10万元，信访劝返、维稳经费100万元等）")
    >>> [(i.name, i.number.text, i.note) for i in read_items(t.text, scan(t), 0, len(t.text))]
    [('信访解难资金', '10', '主要是项目支出'), ('信访劝返、维稳经费', '100', None)]
    """
    items: list[Item] = []
    cursor = start
    for number in numbers_in(numbers, start, end):
        if number.money is None:
            continue
        raw = text[cursor : number.start]
        note = None
        if "：" in raw:
            head, _, raw = raw.rpartition("：")
            note = head.strip("（，、；： ").removesuffix("其中").strip("（，、；： ") or None
        # The name is the last clause before the amount: "，占60.2%；商品和服务支出".
        raw = raw[max(raw.rfind(mark) for mark in "，；。") + 1 :]
        if _NOT_A_NAME.match(raw):
            cursor = number.unit_end
            continue  # "，比上年减少1万元": said of the item before, not an item
        lead = _ITEM_LEAD.match(raw)
        offset = lead.end() if lead else 0
        name = _ITEM_TAIL.sub("", raw[offset:].strip(_BRACKETS + "，、； ")).strip()
        region_start = number.start - len(raw)
        cursor = number.unit_end
        if not name or any(c.isdigit() for c in name) or len(name) > 40:
            continue
        items.append(Item(name, text.find(name, region_start, number.start), number, note))
    return items


_KINDS: Final = (
    ("服务对象满意度指标", IndicatorKind.SATISFACTION),
    ("满意度指标", IndicatorKind.SATISFACTION),
    ("可持续影响指标", IndicatorKind.EFFECT),
    ("经济效益指标", IndicatorKind.EFFECT),
    ("社会效益指标", IndicatorKind.EFFECT),
    ("生态效益指标", IndicatorKind.EFFECT),
    ("效益指标", IndicatorKind.EFFECT),
    ("数量指标", IndicatorKind.OUTPUT),
    ("质量指标", IndicatorKind.OUTPUT),
    ("时效指标", IndicatorKind.OUTPUT),
    ("产出指标", IndicatorKind.OUTPUT),
    ("成本指标", IndicatorKind.COST),
)
#: An indicator clause's heading ("产出指标：") and the kind it names.
KIND_HEAD: Final = re.compile("(" + "|".join(k for k, _ in _KINDS) + ")[：]")
KIND_OF: Final = dict(_KINDS)
_COMPARATORS: Final = sorted((w for w in COMPARATOR_WORDS if w != "为"), key=len, reverse=True)
_BASIS: Final = re.compile(
    r"[，。；]?指标设立依据(?:是|为)?[：]?([^，。；\n]*?标准|[^，。；\n]{1,12})(?=[，。；\n]|$)"
)
_UNIT_TEXT: Final = "|".join(re.escape(u) for u in ("%", "‰", "万元", "元", *COUNT_UNITS))
_TARGET_TEXT: Final = (
    r"(?P<comparator>" + "|".join(re.escape(w) for w in _COMPARATORS) + r")?"
    r"(?P<target>\d+(?:\.\d+)?)(?P<unit>" + _UNIT_TEXT + r"|[^\d，。；]{1,4})?$"
)
_INDICATOR: Final = re.compile(r"(?P<name>.*?)" + _TARGET_TEXT)
#: A target stated on its own ("≥24场" after "年度指标值").
_TARGET: Final = re.compile(_TARGET_TEXT)


@frozen
class IndicatorText:
    """An indicator as written: name, comparator word, target number, unit and basis."""

    kind: IndicatorKind
    name: str
    start: int
    comparator: str | None
    target: Number | None
    unit: str | None
    basis: str | None
    name_numbers: tuple[Number, ...] = ()
    actual: Number | None = None  # 实际完成值
    weight: Number | None = None  # 分值
    score: Number | None = None  # 得分


#: A piece of an indicator's clause that states a field of the indicator before it, not another
#: indicator: "开展阅读推广活动，年度指标值≥24场，实际完成值26场，分值10分，得分10分".
_FIELD_PIECE: Final = re.compile(
    r"(?P<field>年度指标值|指标值|目标值|实际完成值|完成值|实际值|分值|得分)(?:[：:]|为|是)?"
)
_FIELD_OF: Final = {
    "年度指标值": "target",
    "指标值": "target",
    "目标值": "target",
    "实际完成值": "actual",
    "完成值": "actual",
    "实际值": "actual",
    "分值": "weight",
    "得分": "score",
}
#: What ends the indicators of a self-evaluation's clause: its budget execution or total score.
_AFTER_INDICATORS: Final = re.compile(
    r"预算执行|资金执行|自评(?:总)?(?:得)?分|总(?:得)?分|综合得分"
)


def read_indicators(
    text: str, numbers: Sequence[Number], kind: IndicatorKind, start: int, end: int
) -> list[IndicatorText]:
    """The indicators of one clause ``text[start:end]`` (after "产出指标：").

    >>> from govbudget.narrative.text import normalize
    >>> from govbudget.narrative.numbers import scan
    >>> t = normalize("接待群众来访满意度大于 90%指标设立依据是行业标准。")
    >>> [(i.name, i.comparator, i.target.text, i.unit, i.basis)
    ...  for i in read_indicators(t.text, scan(t), IndicatorKind.SATISFACTION, 0, len(t.text))]
    [('接待群众来访满意度', '大于', '90', '%', '行业标准')]
    """
    body_end = end
    basis = None
    match = _BASIS.search(text, start, end)
    if match is not None:
        basis = match.group(1).strip() or None
        body_end = match.start()
    found: list[IndicatorText] = []
    pos = start
    for piece in re.split(r"([，；。\n])", text[start:body_end]):
        piece_start = pos
        pos += len(piece)
        item = piece.strip()
        if not item or item in "，；。\n" or item in ("等", "等等"):
            continue
        offset = piece_start + (len(piece) - len(piece.lstrip()))
        if _AFTER_INDICATORS.match(item):
            break
        field = _FIELD_PIECE.match(item)
        if field is not None and found:
            found[-1] = _with_field(found[-1], item, offset, field, numbers)
            continue
        found.append(_indicator(item, offset, numbers, kind, basis))
    return found


def _with_field(
    before: IndicatorText, item: str, offset: int, field: re.Match[str], numbers: Sequence[Number]
) -> IndicatorText:
    """``before`` with the field a piece of its clause states ("年度指标值≥24场", "得分10分")."""
    name = _FIELD_OF[field.group("field")]
    rest = item[field.end() :]
    if name == "target":
        stated = _TARGET.match(rest)
        if before.target is not None or stated is None:
            return before
        unit = stated.group("unit")
        return evolve(
            before,
            comparator=stated.group("comparator"),
            target=number_at(numbers, offset + field.end() + stated.start("target")),
            unit=unit.strip() if unit else None,
        )
    inside = numbers_in(numbers, offset + field.end(), offset + len(item))
    if len(inside) != 1 or getattr(before, name) is not None:
        return before
    if name == "actual":
        return evolve(before, actual=inside[0])
    if name == "weight":
        return evolve(before, weight=inside[0])
    return evolve(before, score=inside[0])


def _indicator(
    item: str, offset: int, numbers: Sequence[Number], kind: IndicatorKind, basis: str | None
) -> IndicatorText:
    match = _INDICATOR.match(item)
    inside = list(numbers_in(numbers, offset, offset + len(item)))
    if match is None or not match.group("name"):
        return IndicatorText(kind, item, offset, None, None, None, basis, tuple(inside))
    target_start = offset + match.start("target")
    target = number_at(numbers, target_start)
    unit = match.group("unit")
    return IndicatorText(
        kind=kind,
        name=match.group("name"),
        start=offset,
        comparator=match.group("comparator"),
        target=target,
        unit=unit.strip() if unit else None,
        basis=basis,
        name_numbers=tuple(n for n in inside if n.start < target_start),
    )
