from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.figure import Figure
from govbudget.model import Appropriation, Income, Spending
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def _funds(general: str, fund: str) -> Appropriation:
    return Appropriation(
        total=Spending(total=fig("100"), basic=fig("70"), project=fig("30")),
        general_public=Spending(total=fig(general)),
        government_fund=Spending(total=fig(fund)),
        state_capital=Spending(total=Figure(none_stated=True)),
    )


def test_app001_funds_add_up() -> None:
    assert outcomes(budget(appropriation=_funds("80", "20")), "APP001") == [E]
    finding = only(budget(appropriation=_funds("80", "25")), "APP001")
    assert finding.outcome is I
    assert finding.message_zh.startswith("财政拨款支出：合计 100万元，3 项之和 105万元")
    assert finding.message_en.startswith("appropriation spending: stated 100 万元")


def test_app002_basic_and_project_per_fund() -> None:
    good = budget(
        appropriation=Appropriation(
            general_public=Spending(
                total=fig("100", prior="90"),
                basic=fig("70", prior="60"),
                project=fig("30", prior="30"),
            )
        )
    )
    assert outcomes(good, "APP002") == [E, E]
    bad = budget(
        appropriation=Appropriation(
            general_public=Spending(total=fig("100"), basic=fig("70"), project=fig("20"))
        )
    )
    finding = only(bad, "APP002")
    assert finding.outcome is I
    assert finding.message_zh.startswith("一般公共预算财政拨款支出：合计 100万元，2 项之和 90万元")
    assert finding.location.path == "/appropriation/general_public/total"


def test_app002_basic_split_without_project() -> None:
    # a part on the general public budget's 基本支出 alone: its split is checked all the same
    split = Spending(basic=fig("62"), personnel=fig("54"), public=fig("6"))
    finding = only(budget(appropriation=Appropriation(general_public=split)), "APP002")
    assert finding.outcome is I
    assert finding.location.path == "/appropriation/general_public/basic"
    right = Spending(basic=fig("60"), personnel=fig("54"), public=fig("6"))
    assert outcomes(budget(appropriation=Appropriation(general_public=right)), "APP002") == [E]


def test_app003_app004_income_and_spending() -> None:
    income = Income(appropriation=fig("100"), general_public=fig("90"), government_fund=fig("10"))
    good = budget(
        income=income,
        appropriation=Appropriation(
            general_public=Spending(total=fig("90")), government_fund=Spending(total=fig("10"))
        ),
    )
    assert outcomes(good, "APP003") == [E]
    assert outcomes(good, "APP004") == [E]
    bad = budget(
        income=Income(
            appropriation=fig("100"), general_public=fig("95"), government_fund=fig("10")
        ),
        appropriation=Appropriation(
            general_public=Spending(total=fig("80")),
            government_fund=Spending(total=fig("10")),
            state_capital=Spending(total=Figure(none_stated=True)),
        ),
    )
    assert outcomes(bad, "APP003") == [I]
    finding = only(bad, "APP004")
    assert finding.outcome is I
    assert finding.severity is Severity.WARNING  # carry-overs can explain a difference


def test_app005_app006_appropriation_trees() -> None:
    good = budget(
        appropriation=Appropriation(
            general_public=Spending(total=fig("100"), basic=fig("70")),
            by_function=(Node(code="201", name="一般公共服务支出", amount=wan("100")),),
            by_economic=(
                Node(code="301", name="工资福利支出", amount=wan("50")),
                Node(code="302", name="商品和服务支出", amount=wan("20")),
            ),
        )
    )
    assert outcomes(good, "APP005") == [E]
    assert outcomes(good, "APP006") == [E]
    bad = budget(
        appropriation=Appropriation(
            general_public=Spending(total=fig("100"), basic=fig("70")),
            by_economic=(Node(code="301", name="工资福利支出", amount=wan("50")),),
        )
    )
    assert outcomes(bad, "APP006") == [I]
