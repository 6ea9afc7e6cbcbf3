from __future__ import annotations

from attrs import evolve

from govbudget import Outcome, Severity
from govbudget.model import DepartmentBudget, Expenditure, FinalAccounts, Income, Kind

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


def test_bal005_takes_the_income_side_carry_over_when_the_final_accounts_do_not_state_it() -> None:
    # The narrative states 年初结转和结余 with the income (上年结转结余) and 年末结转和结余 with
    # the spending: 100 + 20 − 95 = 25.
    def closing(amount: str) -> DepartmentBudget:
        return budget(
            kind=Kind.FINAL,
            income=Income(total=fig("100"), carryover=fig("20")),
            expenditure=Expenditure(total=fig("95")),
            final=FinalAccounts(carried_out=fig(amount)),
        )

    assert outcomes(closing("25"), "BAL005") == [E]
    assert outcomes(closing("30"), "BAL005") == [I]


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
