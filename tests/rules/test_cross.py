from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.model import (
    Expenditure,
    Project,
)
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_xs001_key_project_matches_project_line() -> None:
    tree = (
        Node(
            code="399",
            name="其他支出",
            amount=wan("110"),
            children=(
                Node(name="信访劝返、维稳经费", amount=wan("100")),
                Node(name="信访解难资金", amount=wan("10")),
            ),
        ),
    )
    good = budget(
        expenditure=Expenditure(by_economic=tree),
        projects=(Project(name="信访解难资金项目", amount=fig("10")),),
    )
    assert outcomes(good, "XS001") == [E]
    bad = budget(
        expenditure=Expenditure(by_economic=tree),
        projects=(Project(name="信访劝返维稳经费", amount=fig("90")),),
    )
    finding = only(bad, "XS001")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "重点项目“信访劝返维稳经费”与/expenditure/by_economic/399/信访劝返、维稳经费：两处分别写 90万元 与 100万元"
    )


def test_xs002_housing_fund() -> None:
    good = budget(
        expenditure=Expenditure(
            by_economic=(
                Node(
                    code="301",
                    name="工资福利支出",
                    amount=wan("22.32"),
                    children=(Node(code="30113", name="住房公积金", amount=wan("22.32")),),
                ),
            ),
            by_function=(Node(code="221", name="住房保障支出", amount=wan("22.32")),),
        )
    )
    assert outcomes(good, "XS002") == [E]
    bad = budget(
        expenditure=Expenditure(
            by_economic=(
                Node(
                    code="301",
                    name="工资福利支出",
                    amount=wan("30"),
                    children=(Node(code="30113", name="住房公积金", amount=wan("30")),),
                ),
            ),
            by_function=(Node(code="221", name="住房保障支出", amount=wan("22.32")),),
        )
    )
    finding = only(bad, "XS002")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
