"""Wording (用语): what a reviewer marks in the words, beyond the arithmetic.

These rules judge the places the narrative reader records in
``DepartmentBudget.wording`` (:mod:`govbudget.wording`): a template placeholder
left in, a year that contradicts the document's, 部门 and 单位 both used for the
document, a reason sentence cut off after its colon, doubled punctuation, a rate
written without "%". A budget without recorded wording (a JSON document, a
generated budget) has nothing to judge here.

A year is judged against the document's year only where the document's own
headings confirm it: a heading of the document's kind (决算 in a 决算) names a
year that other headings do not, or a 决算's 截至 date is before its year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from govbudget.model import DepartmentBudget, Kind, Level
from govbudget.rounding import Outcome
from govbudget.rules.base import Location, Observation, Record, Rule, Severity, deferring
from govbudget.wording import Wording, WordingKind

__all__ = ["RULES"]

W = WordingKind


def _location(index: int, wording: Wording) -> Location:
    return Location(
        f"/wording/{index}",
        f"“{wording.around or wording.text}”",
        f"“{wording.around or wording.text}”",
        wording.source,
    )


def _of(budget: DepartmentBudget, kind: WordingKind) -> Iterator[tuple[int, Wording]]:
    for index, wording in enumerate(budget.wording):
        if wording.kind is kind:
            yield index, wording


def _observe(index: int, wording: Wording, *, bad: bool = True, **params: str) -> Observation:
    return Observation(
        outcome=Outcome.INCONSISTENT if bad else Outcome.EXACT,
        location=_location(index, wording),
        params={"text": wording.text, **params},
    )


#: What each wording kind that :func:`_each` reports is, why a reviewer cares, and an example:
#: the docstring of its check, which ``govbudget explain`` shows.
_EACH_DOC: Final[dict[WordingKind, tuple[str, str, str]]] = {
    W.CUT_REASON: (
        "A reason sentence cut off after its colon: nothing follows 主要原因是：.",
        "the explanation a reviewer asks for (why a figure rose or fell) was left unwritten,"
        " usually a template line not filled in; a warning, for the words are incomplete,"
        " not the arithmetic wrong.",
        "“比上年增加 12 万元，主要原因是：。” says no reason.",
    ),
    W.PUNCTUATION: (
        "Doubled punctuation (。。, ，，) in the narrative.",
        "a sign of hurried editing, not of a wrong figure: information only.",
        "“本年支出 150 万元。。” has a doubled 。.",
    ),
    W.PERCENT_SIGN: (
        "A rate (增长, 下降, 占比, 完成预算) written without “%”.",
        "without the sign the number may be read as an amount or a count, so the figure is"
        " ambiguous and the percent rules cannot take it as one; a warning.",
        "“比上年增长 12.5，主要原因是…” where 12.5% is meant.",
    ),
    W.BLANK: (
        "A number slot of the template left empty (占 %, 增加 万元).",
        "the figure was never filled in, so there is no number to check; information that a"
        " figure is missing from the published text.",
        "“比上年增加 万元，增长 %” states neither number.",
    ),
}


def _each(kind: WordingKind) -> Callable[[DepartmentBudget], Iterator[Observation]]:
    """The check that reports each wording of ``kind`` the narrative reader recorded (WRD004–WRD007)."""

    def check(budget: DepartmentBudget) -> Iterator[Observation]:
        for index, wording in _of(budget, kind):
            yield _observe(index, wording)

    what, why, example = _EACH_DOC[kind]
    check.__doc__ = f"{what}\n\nWhy: {why}\nExample: {example}\n"
    return check


def _clause_of(wording: Wording) -> str:
    """The clause of the words around a wording that holds it (the sentence before a running
    title joined to it left out)."""
    around = wording.around or wording.text
    return next((c for c in re.split(r"[。；]", around) if wording.text in c), around)


def _placeholders(budget: DepartmentBudget) -> Iterator[Observation]:
    """A template placeholder left in (XX局, ××, 增加（减少）), once for each wording it is in.

    Why: the text was published unfinished. A running header or a repeated title carries the
    same placeholder on every page: one finding, with how many more places there are.
    Example: "某市XX局" in the running header of 12 pages gives one finding (另有 11 处相同).
    """
    seen: dict[tuple[str, str], list[tuple[int, Wording]]] = {}
    for index, wording in _of(budget, W.PLACEHOLDER):
        seen.setdefault((wording.text, _clause_of(wording)), []).append((index, wording))
    for places in seen.values():
        index, wording = places[0]
        more = len(places) - 1
        yield _observe(
            index,
            wording,
            more_zh=f"（另有 {more} 处相同）" if more else "",
            more_en=f" ({more} more places alike)" if more else "",
        )


# --- WRD002: a year that contradicts the document's -----------------------------------------


def _years(budget: DepartmentBudget) -> Iterator[Record]:
    """Headings of the document's kind (决算 or 预算) name the document's year, and a 决算's
    截至 dates are not before it.

    Why: a year left from last year's template is a common slip. Judged only where the headings
    confirm the document's year; a year more headings name than that one is not called a slip.
    Example: a 2024 决算 with one heading “2023年部门决算” among “2024年” ones: that one is flagged.
    """
    year = budget.year
    if year is None or not budget.wording:
        return
    word = "决算" if budget.kind is Kind.FINAL else "预算"
    headings = [(i, w) for i, w in _of(budget, W.HEADING_YEAR) if w.word == word]
    named: dict[int | None, int] = {}  # how many headings name each year
    for _, wording in headings:
        named[wording.year] = named.get(wording.year, 0) + 1
    usual = named.get(year, 0)
    if usual == 0:
        return  # the headings do not confirm the document's year: nothing to judge against
    for index, wording in headings:
        stated = wording.year
        # another year is a slip only where the document's year is the usual one
        if stated != year and named[stated] <= usual:
            yield _observe_year(index, wording, True, year, stated)
        else:
            yield (_observe_year, index, wording, False, year, stated)
    if budget.kind is not Kind.FINAL:
        return  # a 预算 states its assets at the end of the year before, or later
    for index, wording in _of(budget, W.AS_OF_YEAR):
        stated = wording.year
        if stated is None:
            continue
        if stated < year:
            yield _observe_year(index, wording, True, year, stated)
        else:
            yield (_observe_year, index, wording, False, year, stated)


def _observe_year(
    index: int, wording: Wording, bad: bool, year: int, stated: int | None
) -> Observation:
    """WRD002's check of the year ``wording`` states against the document's ``year``."""
    return _observe(index, wording, bad=bad, year=str(year), stated_year=str(stated))


# --- WRD003: 部门 and 单位 both used for the document ----------------------------------------


def _level_words(budget: DepartmentBudget) -> Iterator[Record]:
    """The document calls itself a 部门 or a 单位 document (部门决算 / 单位决算) throughout.

    Why: mixing the two shows headings copied from another document; the word used less often
    is the slip (on a tie, the one that is not the document's level). A warning.
    Example: nine headings say 部门预算 and one says 单位预算: that one is flagged.
    """
    words = list(_of(budget, W.LEVEL_WORD))
    if len(words) < 2:
        return  # one word, or none: nothing mixed
    counts: dict[str | None, int] = {}  # how many headings use each word, in order
    for _, wording in words:
        counts[wording.word] = counts.get(wording.word, 0) + 1
    if len(counts) < 2:
        return
    own = "单位" if budget.level is Level.UNIT else "部门"
    # the word used less often is the slip; on a tie, the one the document's level is not
    odd = min(counts, key=lambda w: (counts[w], w == own))
    usual = next(w for w in counts if w != odd)
    for index, wording in words:
        if wording.word == odd:
            yield _observe_level(index, wording, True, usual, odd)
        else:
            yield (_observe_level, index, wording, False, usual, odd)


def _observe_level(
    index: int, wording: Wording, bad: bool, usual: str | None, odd: str | None
) -> Observation:
    """WRD003's check of the word ``wording`` calls the document by."""
    return _observe(index, wording, bad=bad, usual=str(usual), odd=str(odd))


def _rule(
    id: str,
    title_zh: str,
    title_en: str,
    formula: str,
    check: Callable[[DepartmentBudget], Iterable[Observation]],
    message_zh: str,
    message_en: str,
    *,
    severity: Severity = Severity.ERROR,
) -> Rule:
    return Rule(
        id=id,
        family="wording",
        severity=severity,
        title_zh=title_zh,
        title_en=title_en,
        message_zh=message_zh,
        message_en=message_en,
        formula=formula,
        check=check,
    )


RULES: Final = (
    _rule(
        "WRD001",
        "未留模板占位符（XX局、××、增加（减少））",
        "No template placeholder is left in (XX局, ××, 增加（减少）)",
        "正文中没有“XX”“××”“增加（减少）”等模板占位写法",
        _placeholders,
        "{where}：模板占位符“{text}”未替换{more_zh}",
        "{where}: the template placeholder “{text}” was left in{more_en}",
    ),
    _rule(
        "WRD002",
        "标题和截至日期的年度与文件年度一致",
        "Headings and 截至 dates name the document's year",
        "决算（预算）标题中的年度 = 文件年度；决算中“截至 X 年 12 月 31 日”的 X 不早于文件年度",
        deferring(_years),
        "{where}：写作“{text}”（{stated_year}年），而本文件是{year}年度的",
        "{where}: it says “{text}” ({stated_year}), but the document is for {year}",
    ),
    _rule(
        "WRD003",
        "通篇用“部门”或“单位”称呼本文件，不混用",
        "The document is called a 部门 or a 单位 document throughout",
        "标题中的“部门决算（预算）”与“单位决算（预算）”不混用",
        deferring(_level_words),
        "{where}：写作“{text}”，其他标题称“{usual}”",
        "{where}: it says “{text}” where the other headings say {usual}",
        severity=Severity.WARNING,
    ),
    _rule(
        "WRD004",
        "原因说明完整（“主要原因是：”之后有内容）",
        "A reason sentence is complete (something follows 主要原因是：)",
        "“主要原因是：”之后写明原因",
        _each(W.CUT_REASON),
        "{where}：“{text}”之后没有写明原因",
        "{where}: nothing follows “{text}”",
        severity=Severity.WARNING,
    ),
    _rule(
        "WRD005",
        "标点不重复（。。、，，）",
        "No doubled punctuation (。。, ，，)",
        "同一标点不连用",
        _each(W.PUNCTUATION),
        "{where}：标点“{text}”重复",
        "{where}: doubled punctuation “{text}”",
        severity=Severity.INFO,
    ),
    _rule(
        "WRD006",
        "百分比写有“%”",
        "A percent is written with %",
        "增长、下降、占比、完成预算的百分比后写“%”",
        _each(W.PERCENT_SIGN),
        "{where}：“{text}”缺少“%”",
        "{where}: “{text}” has no %",
        severity=Severity.WARNING,
    ),
    _rule(
        "WRD007",
        "模板的数字位置已填写",
        "No slot of the template is left without its number",
        "“占 %”“增加 万元”之类的位置写有数字",
        _each(W.BLANK),
        "{where}：“{text}”未填数字（空白位置，不是数字）",
        "{where}: “{text}” has no number in it (a blank in the document, not a figure)",
        severity=Severity.INFO,
    ),
)
