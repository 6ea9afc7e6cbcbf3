"""The performance rules: a goal's indicators (PRF001–PRF003) on budgets built by hand, and the
performance-table rules (PRF004–PRF008) on tables built directly."""

from __future__ import annotations

from decimal import Decimal

from govbudget import RULES, DepartmentBudget, Outcome, Severity, validate, wan
from govbudget.figure import StatedPercent
from govbudget.model import (
    FundLine,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    Performance,
    PerformanceTable,
    PerformanceTableKind,
    Project,
    StatedWeight,
)
from govbudget.rules.base import Deferring, resolve

from .helpers import budget, only, outcomes

D = Decimal
E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def _budget(*tables: PerformanceTable) -> DepartmentBudget:
    return DepartmentBudget(department="某局", year=2024, performance=Performance(tables=tables))


def _outcomes(budget: DepartmentBudget, rule: str) -> list[tuple[str, Outcome]]:
    return [(f.location.path, f.outcome) for f in validate(budget, select=[rule]).checks]


def _indicator(kind: IndicatorKind, name: str, weight: int, score: int | None = None) -> Indicator:
    return Indicator(
        kind=kind,
        name=name,
        target=D(1),
        unit="项",
        weight=D(weight),
        score=None if score is None else D(score),
    )


def _table(**changes: object) -> PerformanceTable:
    fields: dict[str, object] = {
        "kind": PerformanceTableKind.SELF_EVALUATION,
        "title": "项目支出绩效自评表",
        "indicators": (
            _indicator(IndicatorKind.OUTPUT, "甲", 50, 50),
            _indicator(IndicatorKind.OUTPUT, "乙", 10, 8),
            _indicator(IndicatorKind.EFFECT, "丙", 30, 30),
        ),
        "weights": (
            StatedWeight(name="绩效指标", part="indicators", weight=D(90)),
            StatedWeight(name="产出指标", part="output", weight=D(60)),
            StatedWeight(name="效益指标", part="effect", weight=D(30)),
        ),
        "funds": (FundLine(name="总额", weight=D(10), score=D(10)),),
        "total_weight": D(100),
        "total_score": D(98),
        "complete": True,
    }
    fields.update(changes)
    return PerformanceTable(**fields)  # type: ignore[arg-type]


def test_an_exact_table_is_exact_throughout() -> None:
    budget = _budget(_table())
    for rule in ("PRF004", "PRF005", "PRF006"):
        outcomes = _outcomes(budget, rule)
        assert outcomes, rule
        assert {o for _, o in outcomes} == {Outcome.EXACT}, rule


def test_a_negative_score_or_one_above_the_weight() -> None:
    indicators = (
        _indicator(IndicatorKind.OUTPUT, "甲", 50, 51),
        _indicator(IndicatorKind.OUTPUT, "乙", 10, -1),
    )
    outcomes = dict(_outcomes(_budget(_table(indicators=indicators)), "PRF004"))
    assert outcomes["/performance/tables/0/indicators/0"] is Outcome.INCONSISTENT
    assert outcomes["/performance/tables/0/indicators/1"] is Outcome.INCONSISTENT


def test_a_group_cut_off_by_the_text_is_not_summed() -> None:
    # the text stops inside the effect indicators: output (followed by effect) is summed,
    # effect (perhaps cut off) and the whole are not
    table = _table(
        complete=False,
        indicators=(
            _indicator(IndicatorKind.OUTPUT, "甲", 50),
            _indicator(IndicatorKind.OUTPUT, "乙", 10),
            _indicator(IndicatorKind.EFFECT, "丙", 20),
        ),
    )
    outcomes = _outcomes(_budget(table), "PRF005")
    paths = [path for path, _ in outcomes]
    assert "/performance/tables/0/weights/1" in paths  # 产出指标 60 = 50 + 10
    assert "/performance/tables/0/weights/2" not in paths
    assert {o for _, o in outcomes} == {Outcome.EXACT}


def test_a_total_whose_funds_part_is_not_in_the_text_is_not_summed() -> None:
    table = _table(
        funds=(), weights=(StatedWeight(name="绩效指标", part="indicators", weight=D(90)),)
    )
    paths = [path for path, _ in _outcomes(_budget(table), "PRF005")]
    assert "/performance/tables/0/total_weight" not in paths


def test_the_total_score_needs_the_head_of_the_table() -> None:
    assert _outcomes(_budget(_table(title=None)), "PRF006") == []
    wrong = _outcomes(_budget(_table(total_score=D(90))), "PRF006")
    assert wrong == [("/performance/tables/0/total_score", Outcome.INCONSISTENT)]


def _rate(rate: str, **amounts: object) -> list[tuple[str, Outcome]]:
    line = FundLine(name="总额", rate=StatedPercent(D(rate)), **amounts)  # type: ignore[arg-type]
    return _outcomes(_budget(_table(funds=(line,))), "PRF007")


def test_the_execution_rate() -> None:
    assert _rate("98.97", full_year=wan("2.92"), executed=wan("2.89")) == [
        ("/performance/tables/0/funds/0/rate", Outcome.EXACT)
    ]
    # no full-year budget: against the initial one
    assert _rate("50", initial=wan(4), executed=wan(2)) == [
        ("/performance/tables/0/funds/0/rate", Outcome.EXACT)
    ]
    # a full-year budget of zero beside the initial: the initial one is the base
    assert _rate("100.00", initial=wan("3.36"), full_year=wan(0), executed=wan("3.36")) == [
        ("/performance/tables/0/funds/0/rate", Outcome.EXACT)
    ]
    assert _rate("90.00", full_year=wan("3.36"), executed=wan("3.36")) == [
        ("/performance/tables/0/funds/0/rate", Outcome.INCONSISTENT)
    ]


def test_no_rate_of_a_zero_budget() -> None:
    assert _rate("0.00", initial=wan(0), full_year=wan(0), executed=wan(0)) == []


def test_the_funds_add_up_column_by_column() -> None:
    funds = (
        FundLine(name="资金总额", initial=wan(3), executed=wan("2.5")),
        FundLine(name="其中：财政拨款", part=True, initial=wan(3), executed=wan("2.4")),
        FundLine(name="其他资金", part=True, initial=wan(0)),
    )
    outcomes = dict(_outcomes(_budget(_table(funds=funds)), "PRF008"))
    assert outcomes == {
        "/performance/tables/0/funds/0/initial": Outcome.EXACT,
        "/performance/tables/0/funds/0/executed": Outcome.INCONSISTENT,
    }


def test_a_satisfaction_counted_in_people_is_no_rate() -> None:
    counted = Indicator(kind=IndicatorKind.SATISFACTION, name="回访人数", target=D(200), unit="人")
    rate = Indicator(kind=IndicatorKind.SATISFACTION, name="群众满意度", target=D(101), unit="%")
    table = PerformanceTable(kind=PerformanceTableKind.TARGETS, indicators=(counted, rate))
    assert _outcomes(_budget(table), "PRF002") == [
        ("/performance/tables/0/indicators/1", Outcome.INCONSISTENT)
    ]


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


def _edges() -> DepartmentBudget:
    """A goal, a key project's goal and a table, with rates at and beyond each edge."""
    sat, out = IndicatorKind.SATISFACTION, IndicatorKind.OUTPUT
    indicators = (
        _ind(out, "小于", "0", "%"),  # cannot be met
        _ind(out, "达到", "0.00", "%"),
        _ind(out, "大于", "100", "%"),  # cannot be met
        _ind(out, "不低于", "100.0", "％"),
        _ind(out, "达到", "100.5", "%"),  # beyond 100%
        _ind(sat, "大于", "-1", "分"),  # below 0
        _ind(sat, None, "95", None),  # a satisfaction without a unit: a rate, and no unit
        _ind(sat, "大于", "200", "人"),  # counted in people: no rate
        Indicator(kind=IndicatorKind.EFFECT, name="质量", target_text="优良"),  # in words
    )
    goal = Goal(kind=GoalKind.ANNUAL, number=1, name="接待群众来访", indicators=indicators)
    table = PerformanceTable(
        kind=PerformanceTableKind.SELF_EVALUATION, project="项目甲", indicators=indicators
    )
    return DepartmentBudget(
        department="某局",
        year=2024,
        performance=Performance(annual=(goal,), tables=(table,)),
        projects=(Project(name="项目一", goals=(Goal(kind=GoalKind.PROJECT),)),),
    )


def test_prf001_to_prf003_defer_exactly_their_exact_checks() -> None:
    # validate() keeps an exact check as (make, *arguments), made when read; made, it must be
    # exact (resolve() asserts it) and the same as the check function makes it
    edges = _edges()
    for rule_id in ("PRF001", "PRF002", "PRF003"):
        check = RULES[rule_id].check
        assert isinstance(check, Deferring)
        records = list(check.records(edges))
        made = [resolve(record) for record in records]
        assert made == list(check(edges)), rule_id
        assert [type(r) is tuple for r in records] == [o.outcome is E for o in made], rule_id
    at_goal = [I, E, I, E, I, I, E]
    assert _outcomes(edges, "PRF002") == [
        *((f"/performance/annual/0/indicators/{n}", o) for n, o in enumerate(at_goal)),
        *((f"/performance/tables/0/indicators/{n}", o) for n, o in enumerate(at_goal)),
    ]
    assert [o for _, o in _outcomes(edges, "PRF003")] == 2 * [E, E, E, E, E, E, I, E]
    assert _outcomes(edges, "PRF001") == [
        ("/performance/annual/0", E),  # 产出, 满意度 and 效益 (质量)
        ("/projects/0/goals/0", I),
    ]


def test_deferred_checks_are_named_when_read() -> None:
    report = validate(_edges(), select=["PRF001", "PRF002", "PRF003"])
    named = {(c.rule_id, c.location.path): (c.location.zh, c.location.en) for c in report.checks}
    assert named["PRF003", "/performance/annual/0/indicators/1"] == (
        "年度目标 1：接待群众来访 产出指标“指标”",
        "annual goal 1: 接待群众来访, output indicator 指标",
    )
    assert named["PRF002", "/performance/tables/0/indicators/3"] == (
        "项目“项目甲”绩效自评表 指标“指标”",
        "performance self-evaluation of 项目甲, indicator 指标",
    )
    assert named["PRF001", "/projects/0/goals/0"] == (
        "重点项目“项目一”项目目标",
        "key project 项目一, project goal",
    )
