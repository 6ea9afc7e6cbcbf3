from __future__ import annotations

from decimal import Decimal

from govbudget import Outcome, Severity
from govbudget.model import (
    Assets,
    Count,
    Expenditure,
    Goal,
    GoalKind,
    Income,
    Indicator,
    IndicatorKind,
    Performance,
    Procurement,
    Project,
    Staffing,
)
from govbudget.money import wan
from govbudget.rounding import Method
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


def test_prc001_prc002_procurement() -> None:
    good = budget(
        procurement=Procurement(
            total=fig("512.36"),
            goods=fig("200"),
            works=fig("300"),
            services=fig("12.36"),
            sme=fig("500"),
        )
    )
    assert outcomes(good, "PRC001") == [E]
    assert outcomes(good, "PRC002") == [E]
    bad = budget(
        procurement=Procurement(
            total=fig("512.36"),
            goods=fig("200"),
            works=fig("300"),
            services=fig("22.36"),
            sme=fig("800"),
        )
    )
    assert outcomes(bad, "PRC001") == [I]
    finding = only(bad, "PRC002")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "面向中小企业采购 ≤ 政府采购总额：采购总额 512.36万元，面向中小企业 800万元"
    )


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


def test_stf001_staff() -> None:
    parts = (
        Count(name="行政人员", value=6),
        Count(name="工勤人员", value=1),
        Count(name="事业岗人员", value=5),
        Count(name="转业干部", value=2, unit="名"),
    )
    assert outcomes(budget(staffing=Staffing(in_service=14, in_service_parts=parts)), "STF001") == [
        E
    ]
    finding = only(budget(staffing=Staffing(in_service=15, in_service_parts=parts)), "STF001")
    assert finding.outcome is I
    assert (
        finding.message_zh
        == "实有在职人员：共 15 人，4 类（行政人员、工勤人员、事业岗人员、转业干部）之和 14 人；差额 1，超出舍入允许的 0"
    )
    assert finding.message_en == (
        "staff in service: 15 in all, its 4 categories (行政人员、工勤人员、事业岗人员、转业干部) add up to 14;"
        " gap 1, beyond the 0 rounding allows"
    )


def _goal(*indicators: Indicator) -> Performance:
    return Performance(
        annual=(Goal(kind=GoalKind.ANNUAL, number=1, name="接待群众来访", indicators=indicators),)
    )


def _ind(
    kind: IndicatorKind, comparator: str | None, target: str | None, unit: str | None
) -> Indicator:
    return Indicator(
        kind=kind,
        name="指标",
        comparator=comparator,
        target=None if target is None else Decimal(target),
        unit=unit,
    )


def test_prf001_goal_has_three_kinds() -> None:
    full = _goal(
        _ind(IndicatorKind.OUTPUT, "大于", "110", "件"),
        _ind(IndicatorKind.EFFECT, "大于", "1850", "人次"),
        _ind(IndicatorKind.SATISFACTION, "不低于", "90", "%"),
    )
    assert outcomes(budget(performance=full), "PRF001") == [E]
    finding = only(
        budget(performance=_goal(_ind(IndicatorKind.OUTPUT, "大于", "110", "件"))), "PRF001"
    )
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
    assert finding.message_zh == "年度目标 1：接待群众来访：缺少效益指标、满意度指标"
    assert (
        finding.message_en == "annual goal 1: 接待群众来访: missing effect, satisfaction indicators"
    )


def test_prf002_rates_within_0_to_100() -> None:
    ok = budget(
        performance=_goal(
            _ind(IndicatorKind.SATISFACTION, "大于", "90", "%"),
            _ind(IndicatorKind.OUTPUT, "达到", "100", "%"),
        )
    )
    assert outcomes(ok, "PRF002") == [E, E]
    over = budget(performance=_goal(_ind(IndicatorKind.SATISFACTION, "不低于", "120", "%")))
    finding = only(over, "PRF002")
    assert finding.outcome is I
    assert "比率或满意度目标 120% 不在 0～100% 之间" in finding.message_zh
    growth = Indicator(
        kind=IndicatorKind.EFFECT,
        name="游客人数同比增长",
        comparator="不低于",
        target=Decimal(150),
        unit="%",
    )
    assert outcomes(budget(performance=_goal(growth)), "PRF002") == []  # a growth may pass 100%
    impossible = budget(performance=_goal(_ind(IndicatorKind.OUTPUT, "大于", "100", "%")))
    assert only(impossible, "PRF002").diagnosis.code == "impossible_rate"  # type: ignore[union-attr]


def test_prf003_targets_have_number_and_unit() -> None:
    ok = budget(performance=_goal(_ind(IndicatorKind.OUTPUT, None, "30", "件")))
    assert outcomes(ok, "PRF003") == [E]  # a bare "30件" reads as 达到 30件
    finding = only(
        budget(performance=_goal(_ind(IndicatorKind.EFFECT, "大于", None, None))), "PRF003"
    )
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
    assert (
        finding.message_zh
        == "年度目标 1：接待群众来访 效益指标“指标”：目标“大于”缺少数值、计量单位"
    )


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
