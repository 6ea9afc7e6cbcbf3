from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.model import Expenditure
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_ops001_institutional_operation() -> None:
    good = budget(institutional_operation=fig("24.1"), expenditure=Expenditure(public=fig("30")))
    assert outcomes(good, "OPS001") == [E]
    bad = budget(
        institutional_operation=fig("24.1"),
        expenditure=Expenditure(
            by_economic=(Node(code="302", name="商品和服务支出", amount=wan("20")),)
        ),
    )
    finding = only(bad, "OPS001")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
    assert finding.message_zh.startswith(
        "机关运行经费与经济分类 302 商品和服务支出：机关运行经费 24.1万元，对应的公用经费口径为 20万元"
    )
    assert finding.message_en.startswith(
        "institutional operation and economic class 302 goods and services: institutional operation 24.1 万元"
    )
