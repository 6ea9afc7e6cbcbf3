"""Acceptance: real published excerpts get the verdicts verified by hand (../shared/conformance).

Each case encodes an excerpt's figures the way a reader of the document would, then
names the check (rule id and location) that decides one relation of ``expected.json``.
A few relations lie outside the rule catalogue (a percent of the stated change rather
than of the two years' figures, a text figure against a table figure); those are checked
with the rounding primitives directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from govbudget import DepartmentBudget, Outcome, Severity, validate
from govbudget.figure import Figure, StatedChange, pct
from govbudget.model import Expenditure, Income, Kind, Procurement, ThreePublic
from govbudget.money import Unit, amount
from govbudget.narrative import Disposition, read_narrative, value_at
from govbudget.precision import Precision
from govbudget.rounding import (
    Stated,
    Verdict,
    check_equal,
    check_ratio,
    implied_growth_range,
    ratio_range,
)

from .realdata import CONFORMANCE, have, needs
from .test_narrative_variants import assert_mapped_numbers_are_their_figures, show

EXPECTED: dict[tuple[str, str], str] = (
    {
        (f["file"], r["what"]): r["verdict"]
        for f in json.loads((CONFORMANCE / "expected.json").read_text(encoding="utf-8"))
        for r in f["relations"]
    }
    if have(CONFORMANCE)
    else {}
)


def _f(
    value: str | None = None,
    *,
    prior: str | None = None,
    change: str | None = None,
    word: str | None = None,
    percent: str | None = None,
    pword: str | None = None,
    share: str | None = None,
    initial: str | None = None,
    difference: str | None = None,
    unit: Unit = Unit.WAN,
) -> Figure:
    def money(text: str | None) -> object:
        return None if text is None else amount(text, unit)

    return Figure(
        amount=money(value),  # type: ignore[arg-type]
        prior=money(prior),  # type: ignore[arg-type]
        change=None if change is None and word is None else StatedChange(money(change), word),  # type: ignore[arg-type]
        percent=None if percent is None else pct(percent, pword),
        share=None if share is None else pct(share),
        budget_initial=money(initial),  # type: ignore[arg-type]
        budget_difference=money(difference),  # type: ignore[arg-type]
    )


def _b(decimals: int = 2, unit: Unit = Unit.WAN, **parts: Any) -> DepartmentBudget:
    return DepartmentBudget(
        department="某单位", year=2024, precision=Precision(unit, decimals), **parts
    )


# --- the excerpts as budgets --------------------------------------------------------------

DAYING = _b(
    kind=Kind.FINAL,
    income=Income(
        total=_f("4125.49"),
        grand_total=_f("4125.49", change="1267.86", word="减少", percent="23.51", pword="下降"),
        general_public=_f("3859.16", share="93.54"),
        government_fund=_f("0", share="0"),
        state_capital=_f("0", share="0"),
        higher_subsidy=_f("0", share="0"),
        business=_f("0", share="0"),
        operating=_f("0", share="0"),
        affiliated=_f("0", share="0"),
        other=_f("266.33", share="6.46"),
    ),
    expenditure=Expenditure(
        total=_f("4143.91"),
        grand_total=_f("4143.91", change="2570.97", word="减少", percent="38.28", pword="下降"),
        basic=_f("1140.27", share="27.52"),
        project=_f("3003.64", share="72.48"),
    ),
)
DAYING_2 = _b(
    kind=Kind.FINAL,
    three_public=ThreePublic(
        reception=_f("7.8", change="1.24", word="减少", percent="13.71", pword="下降")
    ),
    institutional_operation=_f("73.73", change="285.5", word="减少", percent="79.47", pword="下降"),
    procurement=Procurement(
        total=_f("709.65"), goods=_f("0"), works=_f("39"), services=_f("670.65")
    ),
)
MIANZHU = _b(
    0,
    three_public=ThreePublic(
        total=_f("1969", prior="2190", change="221", word="减少", percent="10.1", pword="下降"),
        overseas=_f("40", word="持平"),
        reception=_f("242", change="12", word="减少", percent="4.7", pword="下降"),
        vehicles=_f("1687", change="209", word="减少", percent="11", pword="下降"),
    ),
)
FULING = _b(
    three_public=ThreePublic(
        total=_f("14.01"), overseas=_f("0"), vehicle_operation=_f("14.01"), reception=_f("0")
    )
)
KAIZHOU = _b(
    income=Income(
        grand_total=_f("4697.76", change="956.31", word="减少", percent="16.9", pword="下降")
    )
)
XIHU = _b(
    income=Income(
        total=_f("3874.92", change="484.05", word="减少", percent="11.1", pword="降低"),
        general_public=_f("3874.92"),
        government_fund=_f("0"),
        business=_f("0"),
        other=_f("0"),
    )
)
YONGSHENG = _b(
    2,
    Unit.YUAN,
    income=Income(
        grand_total=_f("11376591.44", unit=Unit.YUAN),
        appropriation=_f("9538991.44", share="83.85", unit=Unit.YUAN),
        carryover=_f("1837600", share="16.15", unit=Unit.YUAN),
    ),
)
ORDOS = _b(
    three_public=ThreePublic(
        total=_f("21.8", prior="20.12", change="1.68", word="增加"),
        overseas=_f("0", prior="0"),
        reception=_f(
            "11.8", prior="12.39", change="0.58", word="减少", percent="4.68", pword="减少"
        ),
        vehicle_operation=_f(
            "10", prior="7.73", change="2.27", word="增加", percent="29.37", pword="增长"
        ),
    )
)
HLX_2018 = _b(
    three_public=ThreePublic(
        total=_f(
            "2.05",
            prior="2.08",
            change="0.03",
            word="减少",
            percent="1.44",
            pword="减少",
            initial="2.95",
            difference="0.9",
        ),
        overseas=_f("0", initial="0", difference="0"),
        vehicle_purchase=_f("0", initial="0", difference="0"),
        vehicle_operation=_f("0", initial="0.95", difference="0.95"),
        reception=_f("2.05", initial="2", difference="0.05"),
    )
)
HLX_2020 = _b(
    0,
    three_public=ThreePublic(
        total=_f("431", prior="433", change="2", word="减少", percent="0.46", pword="下降"),
        overseas=Figure(none_stated=True),
        vehicle_operation=_f(
            "251", prior="285", change="34", word="下降", percent="12", pword="下降"
        ),
        vehicle_purchase=_f("56", change="56", word="增加"),
        reception=_f("124", prior="148", change="24", word="下降", percent="16", pword="下降"),
    ),
)
ANHUI = _b(
    1,
    three_public=ThreePublic(
        total=_f("57.9", change="2.5", word="增加", percent="4.5", pword="增加"),
        overseas=_f("13.9", change="1.7", word="增加", percent="13.9", pword="增加"),
        reception=_f("9"),
        vehicles=_f("35"),
        vehicle_operation=_f("35"),
        vehicle_purchase=_f("0"),
    ),
)
YINGDE = _b(
    three_public=ThreePublic(
        total=_f("33", prior="57.55", change="24.55", word="减少"),
        reception=_f("8", prior="12.5", change="4.35", word="减少", percent="35.22", pword="减少"),
        vehicle_operation=_f(
            "25", prior="45.2", change="20.20", word="减少", percent="44.69", pword="减少"
        ),
    )
)
QUJIANG_TABLE = _b(
    0,
    three_public=ThreePublic(
        total=_f("2364", prior="2840", percent="-16.77"),
        overseas=_f("12", prior="90", percent="-86.62"),
        reception=_f("1356", prior="1400", percent="-3.14"),
        vehicles=_f("996", prior="1350", percent="-26.24"),
        vehicle_purchase=_f("37", prior="73", percent="-47.95"),
        vehicle_operation=_f("959", prior="1277", percent="-24.98"),
    ),
)
QUJIANG_TEXT = _b(
    0,
    three_public=ThreePublic(
        total=_f("2364"),
        overseas=_f("12"),
        reception=_f("1356"),
        vehicles=_f("995"),
        vehicle_purchase=_f("38"),
        vehicle_operation=_f("958"),
    ),
)


def _wan(text: str, decimals: int = 2) -> Stated:
    return Stated(amount(text, Unit.WAN).fen, Fraction(Unit.WAN.fen, 2 * 10**decimals))


def _percent(stated: str, computed: tuple[Fraction, Fraction, Fraction] | None) -> Verdict:
    assert computed is not None
    return check_ratio(Decimal(stated), computed, magnitude=True)


# --- each relation: the check that decides it --------------------------------------------

Case = tuple[DepartmentBudget, str, str] | Callable[[], Verdict]

CASES: dict[tuple[str, str], Case] = {}


def _case(file: str, what: str, case: Case) -> None:
    prefix = next((name for name, _ in EXPECTED if name.startswith(file)), file)
    CASES[(prefix, what)] = case


_case(
    "01",
    "本年收入合计 = 一般公共预算财政拨款收入 + 其他收入 (other sources 0)",
    (DAYING, "TOT001", "/income/total"),
)
_case(
    "01",
    "一般公共预算财政拨款收入占比 = 3859.16/4125.49",
    (DAYING, "SHR001", "/income/general_public/share"),
)
_case("01", "其他收入占比 = 266.33/4125.49", (DAYING, "SHR001", "/income/other/share"))
_case("01", "本年支出合计 = 基本支出 + 项目支出", (DAYING, "TOT004", "/expenditure/total"))
_case("01", "基本支出占比 = 1140.27/4143.91", (DAYING, "SHR001", "/expenditure/basic/share"))
_case("01", "项目支出占比 = 3003.64/4143.91", (DAYING, "SHR001", "/expenditure/project/share"))
_case(
    "01",
    "收入总计下降率 = 1267.86/(4125.49+1267.86)",
    (DAYING, "YOY002", "/income/grand_total/percent"),
)
_case(
    "01",
    "支出总计下降率 = 2570.97/(4143.91+2570.97)",
    (DAYING, "YOY002", "/expenditure/grand_total/percent"),
)
_case(
    "02",
    "公务接待费下降率 = 1.24/(7.8+1.24)",
    (DAYING_2, "YOY002", "/three_public/reception/percent"),
)
_case(
    "02",
    "机关运行经费下降率 = 285.5/(73.73+285.5)",
    (DAYING_2, "YOY002", "/institutional_operation/percent"),
)
_case("02", "政府采购支出总额 = 货物 + 工程 + 服务", (DAYING_2, "PRC001", "/procurement/total"))
_case("03", "三公预算总额 = 出国 + 接待 + 用车", (MIANZHU, "SG001", "/three_public/total"))
_case("03", "减少额 = 2190 - 1969", (MIANZHU, "YOY001", "/three_public/total/change"))
_case("03", "总额下降率 (1969 vs 2190)", (MIANZHU, "YOY002", "/three_public/total/percent"))
# The prior-year total against the parts' prior years derived from their changes is the
# same relation as Δtotal = Σ Δparts.
_case(
    "03",
    "2024年总额 = 40 + (242+12) + (1687+209)",
    (MIANZHU, "YOY005", "/three_public/total/change"),
)
_case("03", "公务接待费下降率 (242 vs 254)", (MIANZHU, "YOY002", "/three_public/reception/percent"))
_case(
    "03",
    "公务用车购置及运行维护费下降率 (1687 vs 1896)",
    (MIANZHU, "YOY002", "/three_public/vehicles/percent"),
)
_case("04", "三公预算 = 出国 + 用车运行 + 接待", (FULING, "SG001", "/three_public/total"))
# The document states only the parts' changes; the total's change (2.01) is derived by the
# verifier from them, so the percent is checked on the stated total and that change.
_case(
    "04",
    "增长率 = 2.01/(14.01-2.01)",
    lambda: _percent("16.75", implied_growth_range(_wan("14.01"), _wan("2.01"))),
)
_case(
    "05",
    "收支总计下降率 = 956.31/(4697.76+956.31)",
    (KAIZHOU, "YOY002", "/income/grand_total/percent"),
)
_case(
    "06",
    "本年收入合计 = 一般公共预算财政拨款 + 政府性基金 + 事业 + 其他",
    (XIHU, "TOT001", "/income/total"),
)
_case("06", "收支下降率 = 484.05/(3874.92+484.05)", (XIHU, "YOY002", "/income/total/percent"))
_case("07", "收入预算 = 本年财政拨款收入 + 上年结转", (YONGSHENG, "TOT001", "/income/grand_total"))
_case(
    "07",
    "财政拨款收入占比 = 9538991.44/11376591.44",
    (YONGSHENG, "SHR001", "/income/appropriation/share"),
)
_case("07", "上年结转占比 = 1837600/11376591.44", (YONGSHENG, "SHR001", "/income/carryover/share"))
_case("08", "2022三公预算 = 出国 + 接待 + 用车", (ORDOS, "SG001", "/three_public/total"))
_case("08", "2021三公决算 = 出国 + 接待 + 用车", (ORDOS, "SG001", "/three_public/total#prior"))
_case("08", "预算较上年增加 = 21.8 - 20.12", (ORDOS, "YOY001", "/three_public/total/change"))
_case("08", "公务接待减少额 = 12.39 - 11.8", (ORDOS, "YOY001", "/three_public/reception/change"))
_case(
    "08",
    "公务接待减少率 = 0.58/12.39 (as stated)",
    lambda: _percent("4.68", ratio_range(_wan("0.58"), _wan("12.39"))),
)
_case(
    "08",
    "公务接待减少率 recomputed from 11.8 vs 12.39",
    (ORDOS, "YOY002", "/three_public/reception/percent"),
)
_case(
    "08",
    "公务用车运行费用增加额 = 10 - 7.73",
    (ORDOS, "YOY001", "/three_public/vehicle_operation/change"),
)
_case(
    "08",
    "公务用车运行费用增长率 (10 vs 7.73)",
    (ORDOS, "YOY002", "/three_public/vehicle_operation/percent"),
)
_case("09", "较上年减少 = 2.08 - 2.05", (HLX_2018, "YOY001", "/three_public/total/change"))
_case("09", "减少率 (2.05 vs 2.08)", (HLX_2018, "YOY002", "/three_public/total/percent"))
_case("09", "三公支出 = 出国 + 购置 + 运行维护 + 接待", (HLX_2018, "SG001", "/three_public/total"))
_case(
    "09",
    "与年初预算差值 = 2.95 - 2.05",
    (HLX_2018, "EXE002", "/three_public/total/budget_difference"),
)
_case(
    "09", "年初预算 = 0 + 0 + 0.95 + 2", (HLX_2018, "SG001", "/three_public/total#budget_initial")
)
_case(
    "09",
    "公务接待费差值 = 2.05 - 2 (over budget)",
    (HLX_2018, "EXE002", "/three_public/reception/budget_difference"),
)
_case("10", "2020三公 = 用车运行维护 + 用车购置 + 接待", (HLX_2020, "SG001", "/three_public/total"))
_case(
    "10", "2019三公 = 用车运行维护 + 接待 (购置0)", (HLX_2020, "SG001", "/three_public/total#prior")
)
_case("10", "减少额 = 433 - 431", (HLX_2020, "YOY001", "/three_public/total/change"))
_case("10", "下降率 (431 vs 433)", (HLX_2020, "YOY002", "/three_public/total/percent"))
_case(
    "10",
    "用车运行维护下降额 = 285 - 251",
    (HLX_2020, "YOY001", "/three_public/vehicle_operation/change"),
)
_case(
    "10",
    "用车运行维护下降率 (251 vs 285)",
    (HLX_2020, "YOY002", "/three_public/vehicle_operation/percent"),
)
_case("10", "接待下降额 = 148 - 124", (HLX_2020, "YOY001", "/three_public/reception/change"))
_case("10", "接待下降率 (124 vs 148)", (HLX_2020, "YOY002", "/three_public/reception/percent"))
_case("11", "三公预算 = 出国 + 接待 + 用车购置及运行", (ANHUI, "SG001", "/three_public/total"))
_case("11", "公务用车购置及运行费 = 运行维护 + 购置", (ANHUI, "SG002", "/three_public/vehicles"))
_case("11", "增加率 = 2.5/(57.9-2.5)", (ANHUI, "YOY002", "/three_public/total/percent"))
_case("11", "出国费增加率 = 1.7/(13.9-1.7)", (ANHUI, "YOY002", "/three_public/overseas/percent"))
_case("12", "总额减少 = 57.55 - 33", (YINGDE, "YOY001", "/three_public/total/change"))
_case("12", "2016预算 = 接待 + 车辆运行", (YINGDE, "SG001", "/three_public/total"))
_case("12", "2015预算 = 接待 + 车辆运行", (YINGDE, "SG001", "/three_public/total#prior"))
_case("12", "公务接待费减少 = 12.5 - 8", (YINGDE, "YOY001", "/three_public/reception/change"))
_case(
    "12",
    "公务接待费减少率 = 4.35/12.5 (as stated)",
    (YINGDE, "YOY002", "/three_public/reception/percent"),
)
_case(
    "12", "车辆运行减少 = 45.2 - 25", (YINGDE, "YOY001", "/three_public/vehicle_operation/change")
)
_case(
    "12",
    "车辆运行减少率 (25 vs 45.2)",
    (YINGDE, "YOY002", "/three_public/vehicle_operation/percent"),
)
_case("13", "2016三公(表) = 出国 + 接待 + 车(表)", (QUJIANG_TABLE, "SG001", "/three_public/total"))
_case(
    "13",
    "2016三公(正文) = 出国 + 接待 + 车(正文 995)",
    (QUJIANG_TEXT, "SG001", "/three_public/total"),
)
_case(
    "13",
    "公车购置及运行费(正文) = 购置38 + 运行958",
    (QUJIANG_TEXT, "SG002", "/three_public/vehicles"),
)
_case("13", "公车购置及运行费(表) = 37 + 959", (QUJIANG_TABLE, "SG002", "/three_public/vehicles"))
_case("13", "2015三公 = 90 + 1400 + 1350", (QUJIANG_TABLE, "SG001", "/three_public/total#prior"))
_case("13", "2015车 = 73 + 1277", (QUJIANG_TABLE, "SG002", "/three_public/vehicles#prior"))
_case("13", "合计增减 (2364 vs 2840)", (QUJIANG_TABLE, "YOY002", "/three_public/total/percent"))
_case("13", "出国增减 (12 vs 90)", (QUJIANG_TABLE, "YOY002", "/three_public/overseas/percent"))
_case("13", "接待增减 (1356 vs 1400)", (QUJIANG_TABLE, "YOY002", "/three_public/reception/percent"))
_case("13", "车合计增减 (996 vs 1350)", (QUJIANG_TABLE, "YOY002", "/three_public/vehicles/percent"))
_case(
    "13",
    "车辆购置增减 (37 vs 73)",
    (QUJIANG_TABLE, "YOY002", "/three_public/vehicle_purchase/percent"),
)
_case(
    "13",
    "公车购置及运行费: text figure = table figure",
    lambda: check_equal(_wan("995", 0), _wan("996", 0)),
)
_case(
    "13",
    "公务用车购置费: text figure = table figure",
    lambda: check_equal(_wan("38", 0), _wan("37", 0)),
)
_case(
    "13",
    "公务用车运行费: text figure = table figure",
    lambda: check_equal(_wan("958", 0), _wan("959", 0)),
)
_case(
    "13",
    "车辆运行增减 (959 vs 1277)",
    (QUJIANG_TABLE, "YOY002", "/three_public/vehicle_operation/percent"),
)


@needs(CONFORMANCE)
def test_every_relation_has_a_case() -> None:
    assert sorted(set(EXPECTED) - set(CASES)) == []


@needs(CONFORMANCE)
@pytest.mark.parametrize("key", sorted(CASES), ids=[f"{f[:2]}:{w}" for f, w in sorted(CASES)])
def test_relation_verdict(key: tuple[str, str]) -> None:
    expected = Outcome(EXPECTED[key])
    case = CASES[key]
    if callable(case):
        assert case().outcome is expected
        return
    budget, rule_id, path = case
    found = [
        c for c in validate(budget, select=[rule_id]).by_rule(rule_id) if c.location.path == path
    ]
    assert len(found) == 1, [
        c.location.path for c in validate(budget, select=[rule_id]).by_rule(rule_id)
    ]
    assert found[0].outcome is expected, found[0].message_en


def test_the_genuine_errors_are_errors() -> None:
    for budget in (YINGDE, QUJIANG_TABLE):
        assert not validate(budget).ok
    for budget in (
        DAYING_2,
        MIANZHU,
        FULING,
        KAIZHOU,
        XIHU,
        YONGSHENG,
        ORDOS,
        HLX_2018,
        HLX_2020,
        ANHUI,
    ):
        report = validate(budget, ignore=["codes"])
        assert report.ok, [f.message_en for f in report.findings]


def test_daying_grand_totals_do_not_balance() -> None:
    # Excerpt 01 states its 收、支总计 as 4125.49 and 4143.91 万元: grand totals of a 决算 always
    # balance, so these are the year's totals mislabelled 总计 (or an error): reported.
    report = validate(DAYING, ignore=["codes"])
    assert [
        (f.rule_id, f.location.path) for f in report.findings if f.severity.value == "error"
    ] == [("BAL002", "/income/grand_total")]


# --- the excerpts read as narratives -------------------------------------------------------
# Each real excerpt must give the figures a reader of the document reads, and every number
# the reader maps must be the figure at the path it names.


def _excerpt(name: str) -> str:
    path = next(CONFORMANCE.glob(f"{name}-*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))


# What a reader of each real excerpt reads (the excerpts name no department).
EXCERPTS: dict[str, dict[str, str]] = {
    "03": {
        "/three_public/total/amount": "1969",
        "/three_public/total/prior": "2190",
        "/three_public/total/change": "减少 221",
        "/three_public/overseas/change": "持平",
        "/three_public/vehicles/percent": "下降 11",
    },
    "04": {
        "/three_public/total/amount": "14.01",
        "/three_public/total/percent": "增长 16.75",
        "/three_public/vehicle_operation/change": "增加 2.01",
        "/three_public/reception/change": "减少 0",
    },
    "06": {
        "/income/grand_total/amount": "3874.92",
        "/expenditure/grand_total/change": "减少 484.05",
        "/expenditure/grand_total/percent": "降低 11.1",
        "/income/total/change": "减少 484.05",
        "/income/total/percent": "降低 11.1",
    },
    "07": {
        "/income/grand_total/amount": "11376591.44",
        "/income/appropriation/share": "83.85",
        "/income/carryover/amount": "1837600",
    },
    "08": {
        "/three_public/total/amount": "21.8",
        "/three_public/total/prior": "20.12",
        "/three_public/reception/prior": "12.39",
        "/three_public/vehicle_operation/percent": "增长 29.37",
    },
    "10": {
        "/three_public/total/prior": "433",
        "/three_public/overseas/none_stated": "True",
        "/three_public/vehicle_operation/amount": "251",
        "/three_public/vehicle_purchase/change": "增加 56",
    },
}


@pytest.mark.parametrize("name", sorted(EXCERPTS))
@needs(CONFORMANCE)
def test_real_excerpt(name: str) -> None:
    extraction = read_narrative(_excerpt(name), department="某单位")
    budget = extraction.budget
    assert budget is not None
    unit = budget.precision.unit
    assert {p: show(value_at(budget, p), unit) for p in EXCERPTS[name]} == EXCERPTS[name]
    assert extraction.not_understood == ()
    assert_mapped_numbers_are_their_figures(extraction)


@needs(CONFORMANCE)
def test_excerpt_01_reads_the_paired_totals_and_finds_them_unequal() -> None:
    # The excerpt states both grand totals in one clause (收、支总计各是 A，B): A is the
    # income's, B the expenditure's — and a 收入总计 must equal the 支出总计 (BAL002).
    extraction = read_narrative(_excerpt("01"), department="某单位")
    budget = extraction.budget
    assert budget is not None
    assert extraction.not_understood == ()
    unit = budget.precision.unit
    paths = ("/income/grand_total", "/expenditure/grand_total")
    read = {
        p: tuple(show(value_at(budget, f"{p}/{f}"), unit) for f in ("amount", "change", "percent"))
        for p in paths
    }
    assert read == {
        "/income/grand_total": ("4125.49", "减少 1267.86", "下降 23.51"),
        "/expenditure/grand_total": ("4143.91", "减少 2570.97", "下降 38.28"),
    }
    report = validate(budget)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert [(f.rule_id, f.location.path) for f in errors] == [("BAL002", "/income/grand_total")]
    # The two percents are as hand-verified (expected.json): exact and within rounding.
    yoy = {c.location.path: c.outcome for c in report.checks if c.rule_id == "YOY002"}
    assert yoy == {
        "/income/grand_total/percent": Outcome.EXACT,
        "/expenditure/grand_total/percent": Outcome.WITHIN_ROUNDING,
    }


@needs(CONFORMANCE)
def test_excerpt_09_is_a_final_account_with_initial_budgets() -> None:
    # No "决算" in the excerpt: "与年初预算对比" and "年初预算为 …" say it is one. The 三公 heading
    # has an ASCII closing quote (“三公"经费) and a subsection is titled 公务接待费支出情况. Each
    # 三公 part states its 年初预算 and the 差值.
    extraction = read_narrative(_excerpt("09"), department="某单位")
    budget = extraction.budget
    assert budget is not None
    assert budget.kind is Kind.FINAL
    unit = budget.precision.unit
    parts = ("total", "overseas", "vehicle_purchase", "vehicle_operation", "reception")
    read = {
        p: tuple(
            show(value_at(budget, f"/three_public/{p}/{field}"), unit)
            for field in ("budget_initial", "budget_difference")
        )
        for p in parts
    }
    assert read == {  # (年初预算, 差值)
        "total": ("2.95", "0.9"),
        "overseas": ("0", "0"),
        "vehicle_purchase": ("0", "0"),
        "vehicle_operation": ("0.95", "0.95"),
        "reception": ("2", "0.05"),  # over budget: 2.05 against 2
    }
    report = validate(budget)
    # expected.json: 年初预算 = 0 + 0 + 0.95 + 2, 与年初预算差值 = 2.95 − 2.05 and 公务接待费差值 =
    # 2.05 − 2, all exact.
    sums = {c.location.path: c.outcome for c in report.checks if c.rule_id == "SG001"}
    assert sums["/three_public/total#budget_initial"] is Outcome.EXACT
    gaps = {c.location.path: c.outcome for c in report.checks if c.rule_id == "EXE002"}
    assert gaps == {f"/three_public/{p}/budget_difference": Outcome.EXACT for p in parts}
    # The reception subsection states its figures after counts (…批次，…人次，支出 A 万元，
    # 较上年减少 B 万元，减少了 P%): they are the reception's, and nothing is left.
    assert extraction.not_understood == ()
    reception = {n.text: n.path for n in extraction.numbers if n.text in ("0.03", "1.44")}
    assert reception == {
        "0.03": "/three_public/reception/change",
        "1.44": "/three_public/reception/percent",
    }


@needs(CONFORMANCE)
def test_excerpt_01_reads_every_kind_of_spending() -> None:
    extraction = read_narrative(_excerpt("01"), department="某单位")
    budget = extraction.budget
    assert budget is not None
    unit = budget.precision.unit
    kinds = ("basic", "project", "to_higher", "operating", "to_affiliated")
    read = {k: show(value_at(budget, f"/expenditure/{k}/amount"), unit) for k in kinds}
    assert read == {
        "basic": "1140.27",
        "project": "3003.64",
        "to_higher": "0",
        "operating": "0",
        "to_affiliated": "0",
    }
    report = validate(budget, select=["TOT004"])
    assert [c.outcome for c in report.checks] == [Outcome.EXACT]


@pytest.mark.parametrize("path", sorted(CONFORMANCE.glob("*.txt")), ids=lambda p: p.name[:2])
def test_no_excerpt_gets_a_figure_it_does_not_state(path: Path) -> None:
    extraction = read_narrative(_excerpt(path.name[:2]), department="某单位")
    assert_mapped_numbers_are_their_figures(extraction)
    accounted = {n.disposition for n in extraction.numbers}
    assert accounted <= set(Disposition)
