from __future__ import annotations

from govbudget import DepartmentBudget, Outcome, Severity
from govbudget.figure import Figure, pct
from govbudget.model import (
    Expenditure,
    Income,
    Procurement,
)
from govbudget.money import wan
from govbudget.rounding import Method
from govbudget.rules import RULES
from govbudget.rules.base import Deferring, Record
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_shr001_share_is_part_over_whole() -> None:
    # 2174.38 / 2380.56 = 91.3390%, stated 91.34%; 206.18 / 2380.56 = 8.6610%, stated 8.66%
    good = budget(
        income=Income(
            total=fig("2380.56"),
            general_public=fig("2174.38", share="91.34"),
            other=fig("206.18", share="8.66"),
        )
    )
    assert outcomes(good, "SHR001") == [E, E]
    bad = budget(income=Income(total=fig("100"), appropriation=fig("60", share="65")))
    finding = only(bad, "SHR001")
    assert finding.outcome is I
    assert finding.message_zh.startswith("财政拨款收入：写明占比 65%，按金额计算为 60%（舍入范围")
    assert finding.message_en.startswith(
        "appropriation income: stated share 65%, the amounts give 60% (rounding range"
    )


def test_shr001_adjusted_to_100_is_consistent() -> None:
    # Three equal parts: 33.33% each rounds to 99.99%; publishers write 33.34 for one.
    parts = {
        "goods": fig("1000", share="33.34"),
        "works": fig("1000", share="33.33"),
        "services": fig("1000", share="33.33"),
    }
    adjusted = budget(procurement=Procurement(total=fig("3000"), **parts))
    found = checks(adjusted, "SHR001")
    assert [c.outcome for c in found] == [W, E, E]
    assert found[0].verdict is not None
    assert found[0].verdict.method is Method.ADJUSTED
    assert "尾差调整使合计为100%" in found[0].message_zh
    assert outcomes(adjusted, "SHR002") == [E]


def test_shr001_zero_whole() -> None:
    zero = budget(
        procurement=Procurement(
            total=fig("0"),
            goods=fig("0", share="0"),
            works=fig("0", share="0"),
            services=fig("0", share="0"),
        )
    )
    assert outcomes(zero, "SHR001") == [E, E, E]
    assert outcomes(zero, "SHR002") == []  # no shares of nothing
    odd = budget(procurement=Procurement(total=fig("0"), goods=fig("0", share="100")))
    finding = only(odd, "SHR001")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)


def test_shr002_shares_add_to_100() -> None:
    bad = budget(
        expenditure=Expenditure(
            total=fig("100"), basic=fig("70", share="70"), project=fig("30", share="40")
        )
    )
    finding = only(bad, "SHR002")
    assert finding.outcome is I
    assert finding.message_zh.startswith("支出各项占比之和：2 项占比之和 110%，应为 100%")
    assert finding.message_en.startswith(
        "expenditure: sum of the shares: the 2 shares add up to 110%, not 100%"
    )


def test_shr002_shares_of_rounded_amounts_do_not_add_to_100() -> None:
    # The parts print as 1.26 + 0.63 + 0.62 = 2.51 against a whole of 2.50 (within
    # rounding), and each share was taken from the printed amounts (1.26 ÷ 2.50 = 50.4%):
    # the shares add up to 100.4%, which no exact amounts rounding to these give.
    rounded = budget(
        procurement=Procurement(
            total=fig("2.50"),
            goods=fig("1.26", share="50.4"),
            works=fig("0.63", share="25.2"),
            services=fig("0.62", share="24.8"),
        )
    )
    assert outcomes(rounded, "SHR001") == [E, E, E]  # each is the printed part ÷ whole
    assert outcomes(rounded, "PRC001") == [W]
    finding = only(rounded, "SHR002")
    assert finding.outcome is I
    assert finding.severity is Severity.ERROR
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "shares_of_rounded_amounts"
    assert "各项之和 2.51万元，合计 2.5万元" in finding.message_zh


def test_shr002_shares_of_some_of_the_parts() -> None:
    # Only two kinds are listed (6 + 1 of 10): their shares add up to the 70% they make up.
    listed = budget(
        procurement=Procurement(
            total=fig("10"), goods=fig("6", share="60"), works=fig("1", share="10")
        )
    )
    assert outcomes(listed, "SHR002") == [W]
    wrong = budget(
        procurement=Procurement(
            total=fig("10"), goods=fig("6", share="60"), works=fig("1", share="20")
        )
    )
    assert outcomes(wrong, "SHR002") == [I]


def _records(rule_id: str, of: DepartmentBudget) -> list[Record]:
    check = RULES[rule_id].check
    assert isinstance(check, Deferring)
    return list(check.records(of))


def test_exact_shares_are_deferred_and_read_as_before() -> None:
    # the shares of a tree's lines (of their parent) and a share of a named whole (基本支出)
    tree = (
        Node(
            code="201",
            name="一般公共服务支出",
            amount=wan("80"),
            children=(
                Node(code="20101", name="人大事务", amount=wan("60"), share=pct("75")),
                Node(code="20102", name="政协事务", amount=wan("20"), share=pct("20")),
            ),
        ),
    )
    spending = Expenditure(
        total=fig("150"),
        basic=fig("62"),
        personnel=Figure(amount=wan("54"), share=pct("87.10"), share_of="/expenditure/basic"),
        public=Figure(amount=wan("8"), share=pct("20"), share_of="/expenditure/basic"),
        by_function=tree,
    )
    shares = budget(expenditure=spending)
    found = checks(shares, "SHR001")
    assert [(c.location.path, c.outcome) for c in found] == [
        ("/expenditure/by_function/201/20101/share", E),
        ("/expenditure/by_function/201/20102/share", I),
    ]
    assert found[0].location.zh == "支出功能分类 20101 人大事务"
    assert found[0].location.en == "expenditure by function, 20101 人大事务"
    records = _records("SHR001", shares)
    assert [type(r) is tuple for r in records] == [True, False]
    assert list(RULES["SHR001"].check(shares)) == [c.observation for c in found]
    named = checks(shares, "SHR003")
    assert [(c.location.path, c.outcome) for c in named] == [
        ("/expenditure/personnel/share", E),
        ("/expenditure/public/share", I),  # 8 ÷ 62 = 12.9%, not 20%
    ]
    assert [type(r) is tuple for r in _records("SHR003", shares)] == [True, False]
    assert named[0].observation.formula == "占比 = 人员经费 ÷ 基本支出 × 100%"
    # the shares of the tree's lines add to 95%: SHR002 is not exact, and made at once
    assert outcomes(shares, "SHR002") == [I]
    assert [type(r) is tuple for r in _records("SHR002", shares)] == [False]


def test_a_share_with_a_falling_word_is_signed() -> None:
    # 下降 makes the share negative: it is not the share of a positive part
    falling = budget(
        procurement=Procurement(
            total=fig("100"), goods=Figure(amount=wan("30"), share=pct("30", "下降"))
        )
    )
    assert outcomes(falling, "SHR001") == [I]
    assert [type(r) is tuple for r in _records("SHR001", falling)] == [False]


def test_shr001_a_general_public_class_is_a_share_of_the_fund() -> None:
    # 一般公共预算财政拨款支出 500, of which 201 400 (80%) and 208 100 (20%): the classes' shares
    # are of the fund's total, not of all spending (600 with the other funds).
    from govbudget.model import Appropriation, Spending

    def classes(first: str) -> DepartmentBudget:
        return budget(
            expenditure=Expenditure(total=fig("600")),
            appropriation=Appropriation(
                general_public=Spending(total=fig("500")),
                by_function=(
                    Node(code="201", name="一般公共服务支出", amount=wan("400"), share=pct(first)),
                    Node(code="208", name="社会保障和就业支出", amount=wan("100"), share=pct("20")),
                ),
            ),
        )

    assert outcomes(classes("80"), "SHR001") == [E, E]
    assert outcomes(classes("80"), "SHR002") == [E]
    # 400 of 600, the share of all spending, is not the class's share of the fund
    assert outcomes(classes("66.67"), "SHR001") == [I, E]
    assert checks(classes("66.67"), "SHR001")[0].location.path == (
        "/appropriation/by_function/201/share"
    )
