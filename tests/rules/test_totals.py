from __future__ import annotations

from attrs import evolve

from govbudget import Outcome
from govbudget.model import Expenditure, Income, Kind
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_tot001_income_sources() -> None:
    good = budget(
        income=Income(
            total=fig("100"), appropriation=fig("60"), business=fig("30"), other=fig("10")
        )
    )
    assert outcomes(good, "TOT001") == [E]
    # Only some sources stated: only Σ stated ≤ total can be checked.
    partial = budget(income=Income(total=fig("100"), appropriation=fig("60")))
    assert outcomes(partial, "TOT001") == [E]
    over = budget(income=Income(total=fig("100"), appropriation=fig("60"), business=fig("50")))
    finding = only(over, "TOT001")
    assert finding.outcome is I
    assert finding.message_en.startswith(
        "total income: stated 100 万元, its 2 parts add up to 110 万元"
    )
    grand = budget(
        income=Income(grand_total=fig("110"), appropriation=fig("100"), carryover=fig("10"))
    )
    assert outcomes(grand, "TOT001") == [E]


def test_tot002_tot003_views_of_expenditure() -> None:
    tree = (
        Node(code="201", name="一般公共服务支出", amount=wan("60")),
        Node(code="208", name="社会保障和就业支出", amount=wan("40")),
    )
    good = budget(
        expenditure=Expenditure(
            total=fig("100"),
            by_function=tree,
            by_economic=(Node(code="301", name="工资福利支出", amount=wan("100")),),
        )
    )
    assert outcomes(good, "TOT002") == [E]
    assert outcomes(good, "TOT003") == [E]
    bad = budget(expenditure=Expenditure(total=fig("100.05"), by_function=tree))
    finding = only(bad, "TOT002")
    assert finding.outcome is I
    assert finding.message_zh == (
        "支出合计：合计 100.05万元，2 项之和 100万元；差额 0.05万元，超出舍入允许的 0.015万元"
    )


def test_tot003_a_list_of_the_main_classes_adds_up_to_at_most_the_total() -> None:
    main = (
        Node(code="301", name="工资福利支出", amount=wan("60")),
        Node(code="302", name="商品和服务支出", amount=wan("30")),
    )
    listed = Expenditure(total=fig("100"), by_economic=main)
    assert outcomes(budget(expenditure=listed), "TOT003") == [I]  # 90 of 100, all listed
    some = evolve(listed, economic_partial=True)
    assert outcomes(budget(expenditure=some), "TOT003") == [E]  # 90 ≤ 100
    over = evolve(some, total=fig("80"))
    assert outcomes(budget(expenditure=over), "TOT003") == [I]  # more than the whole
    assert outcomes(budget(expenditure=evolve(over, function_partial=True)), "TOT002") == []


def test_tot004_tot005_basic_and_project() -> None:
    good = budget(
        expenditure=Expenditure(
            total=fig("100"),
            basic=fig("70"),
            project=fig("30"),
            personnel=fig("50"),
            public=fig("20"),
        )
    )
    assert outcomes(good, "TOT004") == [E]
    assert outcomes(good, "TOT005") == [E]
    # 基本支出 stated as basic + project (a subtotal that includes another part): diagnosed.
    bad = budget(expenditure=Expenditure(total=fig("100"), basic=fig("100"), project=fig("30")))
    finding = only(bad, "TOT004")
    assert finding.outcome is I
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "part_left_out"
    assert "可能原因：合计漏计了“项目支出”，或另一项已包含了它" in finding.message_zh


def test_tot004_the_other_kinds_of_spending_count_when_stated() -> None:
    # 事业单位: 支出合计 1000 = 基本 600 + 项目 250 + 上缴上级 30 + 经营 100 + 对附属单位补助 20
    spending = Expenditure(
        total=fig("1000", prior="900"),
        basic=fig("600", prior="550"),
        project=fig("250", prior="250"),
        to_higher=fig("30", prior="20"),
        operating=fig("100", prior="60"),
        to_affiliated=fig("20", prior="20"),
    )
    good = budget(expenditure=spending)
    assert outcomes(good, "TOT004") == [E, E]
    assert outcomes(good, "SHR001") == []
    finding = checks(good, "TOT004")[0]
    assert finding.observation.formula == (
        "支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出"
    )
    # Not stated, 经营支出 is a kind the unit does not have: basic + project must then make up
    # the total, and here they do not.
    bad = budget(expenditure=evolve(spending, operating=None))
    assert [c.outcome for c in checks(bad, "TOT004")] == [I, I]


def test_tot006_project_funding() -> None:
    from govbudget.model import Project

    good = budget(
        projects=(
            Project(
                name="某项目",
                amount=fig("10"),
                funding=(Node(name="一般公共预算资金", amount=wan("10")),),
            ),
        )
    )
    assert outcomes(good, "TOT006") == [E]
    bad = budget(
        projects=(
            Project(
                name="某项目",
                amount=fig("10"),
                funding=(Node(name="一般公共预算资金", amount=wan("12")),),
            ),
        )
    )
    assert outcomes(bad, "TOT006") == [I]


def test_balances_used_in_a_grand_total_without_this_years_total() -> None:
    good = budget(
        kind=Kind.FINAL,
        income=Income(
            grand_total=fig("110"),
            appropriation=fig("80"),
            business=fig("10"),
            surplus_used=fig("5"),
            carryover=fig("15"),
        ),
    )
    assert outcomes(good, "TOT001") == [E]
    income = good.income
    assert income is not None
    assert outcomes(evolve(good, income=evolve(income, surplus_used=fig("7"))), "TOT001") == [I]
