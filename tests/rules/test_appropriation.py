from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.figure import Figure
from govbudget.model import Appropriation, Expenditure, Income, Spending, ThreePublic
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


def _three(total: str, vehicles: str | None = None) -> ThreePublic:
    return ThreePublic(
        total=fig(total),
        overseas=fig("0"),
        reception=fig("1.2"),
        vehicles=None if vehicles is None else fig(vehicles),
        vehicle_purchase=fig("0.5"),
        vehicle_operation=fig("2"),
    )


def test_sg001_sg002_three_public_totals() -> None:
    assert outcomes(budget(three_public=_three("3.7")), "SG001") == [E]
    assert outcomes(budget(three_public=_three("3.7", "2.5")), "SG002") == [E]
    finding = only(budget(three_public=_three("3.9")), "SG001")
    assert finding.outcome is I
    assert finding.message_zh == (
        "“三公”经费合计：合计 3.9万元，4 项之和 3.7万元；差额 0.2万元，超出舍入允许的 0.025万元"
    )
    assert outcomes(budget(three_public=_three("3.7", "2.6")), "SG002") == [I]


def test_sg003_against_the_economic_classification() -> None:
    tree = (
        Node(
            code="302",
            name="商品和服务支出",
            amount=wan("10"),
            children=(Node(code="30217", name="公务接待费", amount=wan("1.5")),),
            partial=True,
        ),
    )
    # All income is appropriation: the 三公 reception must equal the economic item (error).
    certain = budget(
        income=Income(total=fig("10"), appropriation=fig("10")),
        expenditure=Expenditure(total=fig("10"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.2")),
    )
    finding = only(certain, "SG003")
    assert finding.outcome is I
    assert finding.severity is Severity.ERROR
    assert finding.message_zh.startswith(
        "“三公”公务接待费与经济分类 30217 公务接待费：经济分类 1.5万元，“三公”写明 1.2万元"
    )
    # Other funds too: the 三公 part (appropriations only) may be smaller (fine), not larger (warning).
    mixed = budget(
        income=Income(total=fig("12"), appropriation=fig("10"), business=fig("2")),
        expenditure=Expenditure(total=fig("12"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.2")),
    )
    assert outcomes(mixed, "SG003") == [E]
    larger = budget(
        income=Income(total=fig("12"), appropriation=fig("10"), business=fig("2")),
        expenditure=Expenditure(total=fig("12"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.8")),
    )
    finding = only(larger, "SG003")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)


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
