from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.model import (
    Assets,
)
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_ast001_assets() -> None:
    parts = (Node(name="流动资产", amount=wan("4")), Node(name="固定资产", amount=wan("12.24")))
    assert outcomes(budget(assets=Assets(total=fig("16.24"), parts=parts)), "AST001") == [E]
    finding = only(budget(assets=Assets(total=fig("16.42"), parts=parts)), "AST001")
    assert finding.outcome is I
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "transposed_digits"
    assert "数字颠倒：16.42 与 16.24 只差相邻两位数字的顺序" in finding.message_zh
    assert finding.message_en.startswith(
        "total assets: total 16.42 万元, its 2 classes add up to 16.24 万元"
    )


def test_ast001_classes_short_of_the_total_may_be_a_partial_list() -> None:
    parts = (Node(name="流动资产", amount=wan("4")), Node(name="固定资产", amount=wan("10")))
    short = only(budget(assets=Assets(total=fig("16.24"), parts=parts)), "AST001")
    assert (short.outcome, short.severity) == (I, Severity.WARNING)
    assert short.diagnosis is not None
    assert short.diagnosis.code == "classes_not_all_listed"
    over = only(budget(assets=Assets(total=fig("12.24"), parts=parts)), "AST001")
    assert (over.outcome, over.severity) == (I, Severity.ERROR)
