from __future__ import annotations

from govbudget import Outcome
from govbudget.figure import Figure
from govbudget.model import Expenditure, Income
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_tre001_rounding_three_outcomes() -> None:
    items = tuple(
        Node(code=f"302{i:02d}", name=f"项{i}", amount=wan(v))
        for i, v in enumerate(["2.6", "2.5", "19"], 1)
    )
    exact = Node(code="302", name="商品和服务支出", amount=wan("24.1"), children=items)
    within = Node(code="302", name="商品和服务支出", amount=wan("24.11"), children=items)
    beyond = Node(code="302", name="商品和服务支出", amount=wan("24.13"), children=items)
    assert outcomes(budget(expenditure=Expenditure(by_economic=(exact,))), "TRE001") == [E]
    assert outcomes(budget(expenditure=Expenditure(by_economic=(within,))), "TRE001") == [W]
    finding = only(budget(expenditure=Expenditure(by_economic=(beyond,))), "TRE001")
    assert finding.outcome is I
    assert finding.message_zh == (
        "支出经济分类 302 商品和服务支出：合计 24.13万元，3 个明细之和 24.1万元；差额 0.03万元，超出舍入允许的 0.02万元"
    )
    assert finding.message_en == (
        "expenditure by economic class, 302 商品和服务支出: stated 24.13 万元, its 3 items add up to 24.1 万元;"
        " gap 0.03 万元, beyond the 0.02 万元 rounding allows"
    )
    assert finding.location.path == "/expenditure/by_economic/302"


def test_tre001_partial_lists_and_prior_column() -> None:
    partial = Node(
        code="399",
        name="其他支出",
        amount=wan("130"),
        partial=True,
        children=(Node(name="甲项目", amount=wan("10")),),
    )
    assert outcomes(budget(expenditure=Expenditure(by_economic=(partial,))), "TRE001") == [E]
    prior = Node(
        code="301",
        name="工资福利支出",
        amount=wan("3"),
        prior=wan("5"),
        children=(
            Node(code="30101", name="基本工资", amount=wan("1"), prior=wan("2")),
            Node(code="30102", name="津贴补贴", amount=wan("2"), prior=wan("2")),
        ),
    )
    found = checks(budget(expenditure=Expenditure(by_economic=(prior,))), "TRE001")
    assert [(c.location.path, c.outcome) for c in found] == [
        ("/expenditure/by_economic/301", E),
        ("/expenditure/by_economic/301#prior", I),
    ]
    assert found[1].location.zh.endswith("（上年）")


def test_figure_without_amount_is_not_zero() -> None:
    tree = Node(
        code="301",
        name="工资福利支出",
        amount=wan("3"),
        children=(Node(code="30101", name="基本工资"),),
    )
    assert outcomes(budget(expenditure=Expenditure(by_economic=(tree,))), "TRE001") == []
    nothing = budget(income=Income(total=Figure()), expenditure=Expenditure(total=fig("1")))
    assert outcomes(nothing, "BAL001") == []
