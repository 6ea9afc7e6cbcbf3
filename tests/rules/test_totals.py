from __future__ import annotations

from attrs import evolve

from govbudget import Outcome, Severity
from govbudget.figure import Figure
from govbudget.model import Expenditure, FinalAccounts, Income, Kind
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_bal001_income_equals_expenditure() -> None:
    good = budget(
        income=Income(total=fig("100", prior="90")),
        expenditure=Expenditure(total=fig("100", prior="90")),
    )
    assert outcomes(good, "BAL001") == [E, E]
    bad = budget(income=Income(total=fig("100")), expenditure=Expenditure(total=fig("99.5")))
    finding = only(bad, "BAL001")
    assert finding.outcome is I
    assert finding.severity is Severity.ERROR
    assert finding.message_zh == (
        "收入合计（收入合计 = 支出合计）：100万元，另一边为 99.5万元；差额 0.5万元，超出舍入允许的 0.01万元"
    )
    assert finding.message_en == (
        "total income (收入合计 = 支出合计): stated 100 万元, the other side comes to 99.5 万元;"
        " gap 0.5 万元, beyond the 0.01 万元 rounding allows"
    )


def test_bal002_to_bal004_grand_totals() -> None:
    good = budget(
        income=Income(total=fig("90"), carryover=fig("10"), grand_total=fig("100")),
        expenditure=Expenditure(total=fig("95"), grand_total=fig("100")),
        final=FinalAccounts(carried_out=fig("5"), distribution=fig("0")),
        kind=Kind.FINAL,
    )
    assert outcomes(good, "BAL002") == [E]
    assert outcomes(good, "BAL003") == [E]
    assert outcomes(good, "BAL004") == [E]
    bad = budget(
        income=Income(total=fig("90"), carryover=fig("10"), grand_total=fig("101")),
        expenditure=Expenditure(total=fig("95"), grand_total=fig("100")),
        final=FinalAccounts(carried_out=fig("4"), distribution=fig("0")),
    )
    assert outcomes(bad, "BAL002") == [I]
    assert outcomes(bad, "BAL003") == [I]
    assert outcomes(bad, "BAL004") == [I]
    assert only(bad, "BAL003").message_zh.startswith(
        "收入总计（收入总计 = 收入合计 + 上年结转结余）：101万元"
    )


def test_bal005_final_accounts_balance() -> None:
    good = budget(
        kind=Kind.FINAL,
        income=Income(total=fig("100")),
        expenditure=Expenditure(total=fig("95")),
        final=FinalAccounts(carried_in=fig("20"), distribution=fig("5"), carried_out=fig("20")),
    )
    assert outcomes(good, "BAL005") == [E]
    bad = budget(
        kind=Kind.FINAL,
        income=Income(total=fig("100")),
        expenditure=Expenditure(total=fig("95")),
        final=FinalAccounts(carried_in=fig("20"), carried_out=fig("30")),
    )
    finding = only(bad, "BAL005")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "收入 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余：年末结转和结余 30万元，按收支推算为 25万元"
    )
    assert "carried out 30 万元, the year's movements give 25 万元" in finding.message_en


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


def test_balances_used_belong_to_the_grand_total_and_the_balance() -> None:
    # 收入总计 110 = 本年收入合计 90 + 使用非财政拨款结余 5 + 年初结转和结余 15
    final = budget(
        kind=Kind.FINAL,
        income=Income(
            total=fig("90", prior="80"),
            surplus_used=fig("5", prior="0"),
            carryover=fig("15"),
            grand_total=fig("110"),
        ),
        expenditure=Expenditure(total=fig("92", prior="70"), grand_total=fig("110")),
        final=FinalAccounts(
            carried_in=fig("15", prior="5"),
            distribution=fig("3", prior="0"),
            carried_out=fig("15", prior="15"),
        ),
    )
    assert outcomes(final, "BAL002") == [E]
    assert outcomes(final, "BAL003") == [E]
    assert outcomes(final, "BAL004") == [E]
    assert outcomes(final, "BAL005") == [E, E]
    assert outcomes(final, "TOT001") == []
    # Left out, the balances used make the grand total and the balance inconsistent.
    income = final.income
    assert income is not None
    without = evolve(final, income=evolve(income, surplus_used=None))
    assert only(without, "BAL003").message_zh.startswith(
        "收入总计（收入总计 = 收入合计 + 上年结转结余）：110万元"
    )
    assert [c.outcome for c in checks(without, "BAL005")] == [I, E]
    finding = checks(without, "BAL005")[0]
    assert finding.message_zh.startswith(
        "收入 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余：年末结转和结余 15万元，按收支推算为 10万元"
    )
    # Stated, it names itself in the relation.
    wrong = evolve(final, income=evolve(income, surplus_used=fig("6")))
    assert only(wrong, "BAL003").message_zh.startswith(
        "收入总计（收入总计 = 收入合计 + 使用非财政拨款结余 + 上年结转结余）：110万元"
    )
    assert checks(wrong, "BAL005")[0].message_zh.startswith(
        "收入 + 使用非财政拨款结余 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余："
    )


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
