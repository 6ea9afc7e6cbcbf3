"""Paired statements: one sentence stating a figure of both income and expenditure (internal).

Disclosures often state the two totals together: "收、支总计各是3618.25，3640.07万元",
"收入、支出总计分别为 A 万元、B 万元", "收支总计均为 A 万元", and their changes: "收、支总计各
减少912.40，1035.66万元，各下降20.13%、22.15%", "收支较上年减少356.20，降低8.4%". Of two
numbers the first is the income's and the second the expenditure's; one number is both's.
A sentence whose groups are not one or two numbers is left to the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attrs import evolve, frozen

from govbudget.narrative._labelled import YEAR_OPENING, existing, sentences
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.numbers import Number
from govbudget.narrative.patterns import DIRECTION, numbers_in

__all__ = ["read_paired"]

#: Income and expenditure named together, then what the sentence says of both: "各是 …",
#: "分别为 …", "较上年 …" — or, after 总计, the one amount of both ("收入、支出总计 X 万元").
_SUBJECT: Final = re.compile(
    # Not 财政拨款收支总计: that is the appropriation's own total (appropriation.grand_total).
    r"(?<!财政拨款)(?:收[、和与及]?支|收入[、和与及]支出)(?:预算|决算)?(?:"
    r"(?P<grand>总计|总额)?"
    r"(?=各是|各为|各|分别为|分别是|分别|均为|均|都是|较上年|比上年|较去年|比去年|同比)"
    r"|(?P<one>总计|总额|总预算)(?=\s*(?:均为|都是|为|是)?\s*\d))"
)
_STOP: Final = re.compile(r"[。\n]|主要(?:变动)?原因|原因是|原因为|主要是")


@frozen
class _Group:
    """The numbers of one slot of a paired sentence: the amounts, or the changes or the
    percents after one direction word."""

    word: str | None  # the direction word before the numbers; None for amounts
    numbers: tuple[Number, ...]

    @property
    def kind(self) -> str:
        if self.word is None:
            return "amount"
        return "percent" if self.numbers[-1].is_percent else "change"


def read_paired(ledger: Ledger, start: int, end: int, *, year: int | None) -> list[tuple[int, int]]:
    """Read the paired statements of ``text[start:end]``; returns the spans read.

    A sentence opening with the year before ``year`` states prior-year amounts.
    """
    text = ledger.text.text
    spans: list[tuple[int, int]] = []
    for s_start, s_end in sentences(text, start, end):
        subject = _SUBJECT.search(text, s_start, s_end)
        if subject is None:
            continue
        stop = _STOP.search(text, subject.end(), s_end)
        body_end = stop.start() if stop else s_end
        groups = _groups(ledger, subject.end(), body_end)
        if groups is None:
            continue
        opening = YEAR_OPENING.match(text, s_start)
        as_prior = year is not None and opening is not None and int(opening.group(1)) == year - 1
        grand = subject.group("grand") is not None or subject.group("one") is not None
        paths = _paths(ledger, grand)
        for group in groups:
            _apply(ledger, paths, group, as_prior)
        # The clauses before the subject's ("收入预算总额A元，支出预算总额B元，与上年相比收、
        # 支预算总额各增加…") are the other readers'.
        clause = max(text.rfind(mark, s_start, subject.start()) for mark in "，；")
        spans.append((max(s_start, clause + 1), body_end))
    return spans


def _groups(ledger: Ledger, start: int, end: int) -> list[_Group] | None:
    """The numbers after the subject grouped by the direction word before them, each with
    its unit; ``None`` unless every group is one or two numbers of one kind."""
    text = ledger.text.text
    raw: list[tuple[str | None, list[Number]]] = []
    cursor = start
    for number in numbers_in(ledger.numbers, start, end):
        between = text[cursor : number.start]
        words = DIRECTION.findall(between)
        if raw and not words and _BETWEEN.fullmatch(between):
            raw[-1][1].append(number)  # the second number of a pair
        elif _LEAD.fullmatch(DIRECTION.sub("", between)) and (words or not raw):
            raw.append((words[-1] if words else None, [number]))  # a new group
        else:
            return None
        cursor = number.unit_end
    groups = [_with_unit(ledger, word, numbers) for word, numbers in raw]
    if not groups or any(g is None for g in groups):
        return None
    return [g for g in groups if g is not None]


#: What may stand between the subject (or a direction word) and the first number.
_LEAD: Final = re.compile(
    r"[，、,\s]*(?:各是|各为|分别为|分别是|均为|都是|各|为|是)?[，、,\s]*"
    r"(?:较上年|比上年|较去年|比去年|同比)?[，、,\s]*(?:各|分别)?[，、,\s]*"
)
#: What may stand between the two numbers of a pair.
_BETWEEN: Final = re.compile(r"[，、,\s]*(?:和|与|及)?[，、,\s]*")


def _with_unit(ledger: Ledger, word: str | None, numbers: Sequence[Number]) -> _Group | None:
    """ "A，B万元": the unit written last is the pair's; a money amount or change written
    without any unit ("较上年减少356.20，降低8.4%") is in the document's unit."""
    if len(numbers) not in (1, 2):
        return None
    if numbers[-1].is_percent:
        if word is None or not all(n.is_percent or n.unit is None for n in numbers):
            return None
        return _Group(word, tuple(evolve(n, unit="%") for n in numbers))
    if any(n.unit is not None and n.money is None for n in numbers):
        return None
    written = [n.unit for n in numbers if n.unit is not None]
    unit = written[-1] if written else ledger.unit.label
    return _Group(word, tuple(evolve(n, unit=n.unit or unit) for n in numbers))


def _paths(ledger: Ledger, grand: bool) -> tuple[str, str]:
    if grand:
        return "/income/grand_total", "/expenditure/grand_total"
    income = existing(ledger, ("/income/grand_total", "/income/total")) or "/income/grand_total"
    spending = existing(ledger, ("/expenditure/grand_total", "/expenditure/total"))
    return income, spending or "/expenditure/grand_total"


def _apply(ledger: Ledger, paths: Sequence[str], group: _Group, as_prior: bool) -> None:
    numbers = group.numbers if len(group.numbers) == 2 else group.numbers * 2
    for path, number in zip(paths, numbers, strict=True):
        ledger.places.setdefault(path, number.start)
        if group.kind == "amount":
            ledger.put_amount(path, "prior" if as_prior else "amount", number)
        elif group.kind == "change" and group.word is not None:
            ledger.put_change(path, number, group.word)
        elif group.word is not None:
            ledger.put_percent(path, "percent", number, group.word)
