"""Breakers of the year on year rules (同比变化, YOY001–YOY005).

How to break each in an exact budget.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from attrs import evolve
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.figure import Figure, StatedChange, StatedPercent
from govbudget.model import DepartmentBudget
from govbudget.money import Amount
from govbudget.strategies._breakers._base import (
    _EXPENDITURE,
    LEAST_STEPS,
    Breaker,
    _b,
    _restated,
    _Restatement,
    _step,
)
from govbudget.strategies._writing import percent_text

__all__ = ["BREAKERS"]


def _wrong_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """增减额 that is not current − prior."""
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))
    prior_steps = draw(st.integers(0, 10 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        prior = prior_steps * step
        return {
            "prior": Amount.from_fen(prior),
            "change": StatedChange(Amount.from_fen(amount - prior + steps * step)),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _wrong_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A growth percent far from (current − prior) ÷ prior."""
    worded = draw(st.booleans())

    def make(amount: int, step: int) -> _Restatement:
        # A prior at least as large as the amount and a thousand last places keeps the
        # percent's rounding range within a tenth of a point; fifty points off is far out.
        prior = max(amount, 1000 * step)
        point = Fraction((amount - prior) * 100, prior)
        wrong = point - 50 if point > -50 else point + 50
        text = percent_text(Fraction(round(wrong * 10), 10), 1)
        if worded:
            word = "增长" if wrong > 0 else "下降"
            percent = StatedPercent(abs(text), word)
        else:
            percent = StatedPercent(text)
        return {"prior": Amount.from_fen(prior), "change": None, "percent": percent}

    return _restated(draw, budget, make)


def _flipped_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """增加 written for a decrease (or 减少 for an increase)."""
    steps = draw(st.integers(10, 10 * LEAST_STEPS))
    up = draw(st.booleans())

    def make(amount: int, step: int) -> _Restatement:
        # up: the prior is above the amount, so the figures fall, yet 增加 is written
        prior = amount + steps * step if up or amount < steps * step else amount - steps * step
        word = "增加" if prior > amount else "减少"
        return {
            "prior": Amount.from_fen(prior),
            "change": StatedChange(Amount.from_fen(abs(prior - amount)), word),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _zero_with_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“比上年增加 0 万元”: a zero change written with 增加/减少."""
    word = draw(st.sampled_from(("增加", "减少", "增长")))

    def make(amount: int, step: int) -> _Restatement:
        return {
            "prior": Amount.from_fen(amount),
            "change": StatedChange(Amount.from_fen(0), word),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _changes_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Δ支出合计 that is not Δ基本支出 + Δ项目支出."""
    spending = budget.expenditure
    assert spending is not None
    assert spending.total is not None
    steps = [draw(st.integers(-10 * LEAST_STEPS, 10 * LEAST_STEPS)) for _ in range(2)]
    step = _step(budget)
    off = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))
    total_change = (steps[0] + steps[1] + off) * step

    def change(figure: Figure | None, fen: int) -> Figure:
        return evolve(
            figure or Figure(), prior=None, change=StatedChange(Amount.from_fen(fen)), percent=None
        )

    spending = evolve(
        spending,
        total=change(spending.total, total_change),
        basic=change(spending.basic, steps[0] * step),
        project=change(spending.project, steps[1] * step),
    )
    return evolve(budget, expenditure=spending)


BREAKERS: Final[dict[str, Breaker]] = {
    "YOY001": _b("expenditure", _wrong_change, "增减额 other than current − prior"),
    "YOY002": _b("expenditure", _wrong_percent, "a growth percent fifty points off"),
    "YOY003": _b("expenditure", _flipped_word, "a direction word against the figures"),
    "YOY004": _b("expenditure", _zero_with_word, "a zero change written 增加/减少"),
    "YOY005": _b(
        _EXPENDITURE + " expenditure.split",
        _changes_sum,
        "Δ total other than Σ Δ parts",
        forbid="expenditure.other_kinds",  # their figures may state no change to add up
    ),
}
