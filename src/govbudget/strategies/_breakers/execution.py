"""Breakers of the budget execution rules (预算执行, EXE001–EXE005).

How to break each in an exact budget.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import StatedChange, StatedPercent
from govbudget.model import DepartmentBudget, Kind
from govbudget.money import Amount
from govbudget.strategies._breakers._base import LEAST_STEPS, Breaker, _b, _restated, _Restatement
from govbudget.strategies._writing import percent_text

__all__ = ["BREAKERS"]


def _completion(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """完成全年预算的 X% far from 决算数 ÷ 预算数."""

    def make(amount: int, step: int) -> _Restatement:
        base = Amount.from_fen(amount + 100 * step)
        value = draw(st.integers(150, 900))
        return {
            "budget_initial": base,
            "budget_full_year": base,
            "completion": StatedPercent(Decimal(value)),
        }

    return _restated(draw, budget, make)


def _budget_difference(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """差值 far from |决算数 − 年初预算数|."""
    below = draw(st.integers(0, 10 * LEAST_STEPS))
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + below * step
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_difference": Amount.from_fen(base - amount + steps * step),
        }

    return _restated(draw, budget, make)


def _budget_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """较预算增减额 far from 决算数 − 年初预算数."""
    below = draw(st.integers(0, 10 * LEAST_STEPS))
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + below * step
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": StatedChange(Amount.from_fen(amount - base + steps * step)),
            "budget_percent": None,
        }

    return _restated(draw, budget, make)


def _budget_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A percent against the budget far from (决算数 − 预算数) ÷ 预算数."""

    def make(amount: int, step: int) -> _Restatement:
        base = max(amount, 1000 * step)
        point = Fraction((amount - base) * 100, base)
        wrong = point - 50 if point > -50 else point + 50
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": None,
            "budget_percent": StatedPercent(percent_text(Fraction(round(wrong * 10), 10), 1)),
        }

    return _restated(draw, budget, make)


def _budget_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“决算数大于预算数” for a final figure below its budget (or 小于 above it)."""
    steps = draw(st.integers(10, 10 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + steps * step if amount < steps * step else amount - steps * step
        word = "大于" if base > amount else "小于"
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": StatedChange(Amount.from_fen(abs(base - amount)), word),
            "budget_percent": None,
        }

    return _restated(draw, budget, make)


BREAKERS: Final[dict[str, Breaker]] = {
    "EXE001": _b(
        "expenditure", _completion, "a completion percent far from 决算数 ÷ 预算数", kind=Kind.FINAL
    ),
    "EXE002": _b(
        "expenditure",
        _budget_difference,
        "a 差值 far from |决算数 − 年初预算数|",
        kind=Kind.FINAL,
    ),
    "EXE003": _b(
        "expenditure",
        _budget_change,
        "a change against the budget far from 决算 − 预算",
        kind=Kind.FINAL,
    ),
    "EXE004": _b(
        "expenditure",
        _budget_percent,
        "a percent against the budget fifty points off",
        kind=Kind.FINAL,
    ),
    "EXE005": _b(
        "expenditure",
        _budget_word,
        "决算数大于预算数 for a final figure below it",
        kind=Kind.FINAL,
    ),
}
