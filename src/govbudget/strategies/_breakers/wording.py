"""Breakers of the wording rules (用语, WRD001–WRD006): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.model import DepartmentBudget, Kind
from govbudget.strategies._breakers._base import Apply, Breaker, _b
from govbudget.wording import Wording, WordingKind

__all__ = ["BREAKERS"]


def _worded(budget: DepartmentBudget, *wording: Wording) -> DepartmentBudget:
    return evolve(budget, wording=(*budget.wording, *wording))


def _placeholder(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A template placeholder left in the text."""
    text = draw(st.sampled_from(("XX局", "××", "增加（减少）", "（增加/减少）")))
    return _worded(budget, Wording(WordingKind.PLACEHOLDER, text))


def _wrong_year(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A heading naming the year before, among headings naming the document's year."""
    year = budget.year or 2024
    word = "决算" if budget.kind is Kind.FINAL else "预算"
    offset = draw(st.sampled_from((-1, 1, -2)))
    heading = [Wording(WordingKind.HEADING_YEAR, f"{year}年度", year=year, word=word)] * 2
    odd = Wording(WordingKind.HEADING_YEAR, f"{year + offset}年度", year=year + offset, word=word)
    return _worded(evolve(budget, year=year), *heading, odd)


def _mixed_level(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Headings calling the document a 部门 one and, once, a 单位 one (or the other way)."""
    usual, odd = draw(st.sampled_from((("部门", "单位"), ("单位", "部门"))))
    kind = "决算" if budget.kind is Kind.FINAL else "预算"
    words = [Wording(WordingKind.LEVEL_WORD, f"{w}{kind}", word=w) for w in (usual, usual, odd)]
    return _worded(budget, *words)


def _wording_of(kind: WordingKind, *texts: str) -> Apply:
    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        return _worded(budget, Wording(kind, draw(st.sampled_from(texts))))

    return apply


BREAKERS: Final[dict[str, Breaker]] = {
    "WRD001": _b("", _placeholder, "a template placeholder left in"),
    "WRD002": _b("", _wrong_year, "a heading naming another year"),
    "WRD003": _b("", _mixed_level, "部门 and 单位 both used for the document"),
    "WRD004": _b(
        "", _wording_of(WordingKind.CUT_REASON, "主要原因是：", "原因："), "a reason cut off"
    ),
    "WRD005": _b("", _wording_of(WordingKind.PUNCTUATION, "。。", "，，"), "doubled punctuation"),
    "WRD007": _b("", _wording_of(WordingKind.BLANK, "占%", "增加万元"), "a slot left empty"),
    "WRD006": _b(
        "", _wording_of(WordingKind.PERCENT_SIGN, "下降5.2", "增长12"), "a percent without %"
    ),
}
