from __future__ import annotations

import attrs

from govbudget import DepartmentBudget, Outcome, Severity, validate
from govbudget.figure import Figure, Written
from govbudget.model import Appropriation, Expenditure, Spending, ThreePublic
from govbudget.money import Unit
from govbudget.precision import Precision
from govbudget.rounding import Method
from govbudget.rules import RULES
from govbudget.rules._support import READ_AS_WRITTEN, WIDENED
from govbudget.rules.base import Deferring, resolve
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def _spend(figure: Figure) -> DepartmentBudget:
    return budget(expenditure=Expenditure(total=figure))


def test_yoy001_change_is_current_minus_prior() -> None:
    good = _spend(fig("425.23", prior="449.17", change="23.94", word="减少"))
    assert outcomes(good, "YOY001") == [E]
    signed = _spend(fig("425.23", prior="449.17", change="-23.94"))
    assert outcomes(signed, "YOY001") == [E]
    bad = _spend(fig("425.23", prior="449.17", change="24.94", word="减少"))
    finding = only(bad, "YOY001")
    assert finding.outcome is I
    assert finding.message_zh == (
        "支出合计：写明增减 24.94万元，本年 425.23 与上年 449.17 之差为 23.94万元；差额 1万元，超出舍入允许的 0.015万元"
    )
    assert finding.message_en == (
        "total expenditure: stated change 24.94 万元, current 425.23 less prior 449.17 is 23.94 万元;"
        " gap 1 万元, beyond the 0.015 万元 rounding allows"
    )


def test_yoy002_percent_three_ways() -> None:
    # current and prior stated
    assert outcomes(
        _spend(fig("425.23", prior="449.17", percent="5.3", percent_word="减少")), "YOY002"
    ) == [E]
    # only current and change stated: the prior is implied (the seed's assets: 16.24, 减少 2.46, 13.2%)
    assert outcomes(
        _spend(fig("16.24", change="2.46", word="减少", percent="13.2", percent_word="减少")),
        "YOY002",
    ) == [E]
    # only change and prior
    assert outcomes(
        _spend(fig(None, prior="200", change="10", word="增加", percent="5", percent_word="增长")),
        "YOY002",
    ) == [E]
    # signed, no word, whole 万元 (1530 vs 1840 is −16.848%, stated −16.82%)
    whole = budget(
        precision=Precision(Unit.WAN, 0),
        expenditure=Expenditure(total=fig("1530", prior="1840", percent="-16.82")),
    )
    assert outcomes(whole, "YOY002") == [W]
    assert outcomes(_spend(fig("1530", prior="1840", percent="-16.82")), "YOY002") == [I]
    bad = _spend(fig("100", prior="80", percent="20", percent_word="增长"))
    finding = only(bad, "YOY002")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "支出合计：写明 20%，按本年 100、上年 80计算为 25%（舍入范围"
    )
    assert finding.message_en.startswith(
        "total expenditure: stated 20%, current 100 and prior 80 give 25% (rounding range"
    )


def test_yoy002_truncated_percent_is_consistent() -> None:
    # 1418.53 ÷ (2396.14 + 1418.53) = 37.1862%, published as 37.18 (truncated)
    finding = only(
        _spend(fig("2396.14", change="1418.53", word="减少", percent="37.18", percent_word="下降")),
        "YOY002",
    )
    assert finding.outcome is W
    assert finding.verdict is not None
    assert finding.verdict.method is Method.TRUNCATED
    assert "截尾而非四舍五入" in finding.message_zh


def test_yoy002_zero_prior() -> None:
    fine = _spend(fig("0", change="0", word="增加", percent="0", percent_word="增加"))
    assert outcomes(fine, "YOY002") == [E]
    undefined = _spend(fig("5", prior="0", percent="100", percent_word="增长"))
    finding = only(undefined, "YOY002")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "zero_prior"
    assert "上年数为零，增减率无意义" in finding.message_zh


def test_yoy003_direction_words() -> None:
    assert outcomes(_spend(fig("10", prior="12", change="2", word="减少")), "YOY003") == [E]
    bad = _spend(fig("10", prior="12", change="2", word="增加"))
    finding = only(bad, "YOY003")
    assert finding.outcome is I
    assert (
        finding.message_zh
        == "支出合计：方向用词“增加”，数字显示减少。可能原因：方向用词与实际增减相反：写“增加”，实际减少"
    )
    assert finding.message_en == (
        "total expenditure: the words “增加” state a direction; the figures decrease."
        " Likely cause: the direction word contradicts the figures: “增加” but they decrease"
    )
    disagree = _spend(fig(None, change="2", word="增加", percent="5", percent_word="下降"))
    diagnosis = only(disagree, "YOY003").diagnosis
    assert diagnosis is not None
    assert diagnosis.code == "words_disagree"
    flat = _spend(fig("10", prior="12", word="持平"))
    assert outcomes(flat, "YOY003") == [I]


def test_yoy004_zero_change_with_a_word_is_only_a_wording_slip() -> None:
    slip = budget(
        three_public=ThreePublic(
            total=fig("0.4", change="0", word="增加", percent="0", percent_word="增加")
        )
    )
    finding = only(slip, "YOY004")
    assert (finding.outcome, finding.severity) == (I, Severity.INFO)
    assert finding.message_zh == "“三公”经费合计：增减为零，却写作“增加”（用词不当，不是计算错误）"
    assert outcomes(slip, "YOY003") == []  # not also a direction error
    assert (
        outcomes(
            budget(three_public=ThreePublic(total=fig("0.4", change="0", word="持平"))), "YOY004"
        )
        == []
    )


def test_yoy005_changes_add_up() -> None:
    good = budget(
        appropriation=Appropriation(
            general_public=Spending(
                total=fig("425.23", change="23.94", word="减少"),
                basic=fig("295.23", change="6.06", word="增加"),
                project=fig("130", change="30", word="减少"),
            )
        )
    )
    assert outcomes(good, "YOY005") == [E]
    bad = budget(
        expenditure=Expenditure(
            total=fig(None, change="23.94", word="减少"),
            basic=fig(None, change="6.06", word="增加"),
            project=fig(None, change="20", word="减少"),
        )
    )
    finding = only(bad, "YOY005")
    assert finding.outcome is I
    assert (
        "合计增减 -23.94万元，2 个部分（基本支出、项目支出）增减之和 -13.94万元"
        in finding.message_zh
    )
    assert len(checks(bad, "YOY005")) == 1


def _verdicts(figure: Figure) -> list[tuple[str, Outcome, Severity]]:
    report = validate(_spend(figure), select=["YOY001", "YOY003"])
    return [(c.rule_id, c.outcome, c.severity) for c in report.checks]


def test_flat_alone_is_a_claim_of_no_change_judged_once() -> None:
    # "与上年持平" writes no amount: no stated 0 for YOY001, the word is YOY003's
    assert _verdicts(fig("10", prior="10", word="持平")) == [("YOY003", E, Severity.INFO)]
    # 10.01 and 10 may both be 10.005: flat within the figures' rounding
    assert _verdicts(fig("10.01", prior="10", word="持平")) == [("YOY003", W, Severity.INFO)]
    assert _verdicts(fig("10.02", prior="10", word="持平")) == [("YOY003", I, Severity.ERROR)]
    # with a written amount, the amount is checked as any other
    assert _verdicts(fig("10.02", prior="10", change="0", word="持平")) == [
        ("YOY001", I, Severity.ERROR),
        ("YOY003", I, Severity.ERROR),
    ]


def test_roughly_flat_for_figures_that_differ_is_a_warning() -> None:
    # "基本持平" says close, not equal: how close is the publisher's judgement
    assert _verdicts(fig("10.01", prior="10", word="基本持平")) == [("YOY003", W, Severity.INFO)]
    assert _verdicts(fig("10.3", prior="10", word="基本持平")) == [("YOY003", I, Severity.WARNING)]
    # a written change beside it is still checked as an amount
    assert _verdicts(fig("10.3", prior="10", change="0.5", word="基本持平")) == [
        ("YOY001", I, Severity.ERROR),
        ("YOY003", I, Severity.WARNING),
    ]


def _deferred(b: DepartmentBudget, rule_id: str) -> list[tuple[bool, Outcome]]:
    """Each record of the rule's check: whether it was deferred, and its observation's outcome."""
    check = RULES[rule_id].check
    assert isinstance(check, Deferring)
    return [(type(r) is tuple, resolve(r).outcome) for r in check.records(b)]


def test_exact_checks_are_deferred_and_only_they() -> None:
    # The quick tests on integers agree with the observations, at the edges of rounding.
    figures = [
        fig("425.23", prior="449.17", change="23.94", word="减少"),  # YOY001 magnitude
        fig("425.23", prior="449.17", change="-23.94"),  # signed
        fig("425.23", prior="449.17", change="23.95", word="减少"),  # within rounding
        fig("425.23", prior="449.17", percent="5.3", percent_word="减少"),
        fig("425.23", prior="449.17", percent="-5.3"),  # signed: −5.33 rounds to −5.3
        fig("425.23", prior="449.17", percent="5.3"),  # the sign is wrong
        fig("425.23", prior="449.17", percent="-5.33"),  # −5.3298… rounds to −5.33
        fig("100.5", prior="100", percent="0.5"),  # exactly 0.5
        fig("100.5", prior="100", percent="1"),  # 0.5 rounds half up to 1
        fig("99.5", prior="100", percent="-1"),  # −0.5 rounds half away from zero
        fig("99.5", prior="100", percent="0"),
        fig("16.24", change="2.46", word="减少", percent="13.2", percent_word="减少"),  # implied
        fig(None, prior="200", change="10", word="增加", percent="5", percent_word="增长"),
        fig("0", change="0", word="增加", percent="0", percent_word="增加"),  # zero base
        fig("5", prior="0", percent="100", percent_word="增长"),  # undefined
        fig("10", prior="10", word="持平", percent="0"),  # 持平 alone, its change zero
        fig("10", prior="12", change="2", word="增加"),  # YOY003 wrong direction
        fig(None, change="2", word="增加", percent="5", percent_word="下降"),  # words disagree
        fig(None, change="2", word="增加", percent="5", percent_word="增长"),  # words agree
    ]
    for figure in figures:
        b = _spend(figure)
        for rule_id in ("YOY001", "YOY002", "YOY003"):
            for deferred, outcome in _deferred(b, rule_id):
                assert deferred == (outcome is E), (rule_id, figure)
    parts = budget(
        expenditure=Expenditure(
            total=fig(None, change="23.94", word="减少"),
            basic=fig(None, change="6.06", word="增加"),
            project=fig(None, change="30", word="减少"),
            by_function=(
                Node(
                    code="201",
                    name="一般公共服务支出",
                    change=fig(None, change="3").change,
                    children=(
                        Node(code="20101", name="人大事务", change=fig(None, change="1").change),
                        Node(code="20102", name="政协事务", change=fig(None, change="1").change),
                    ),
                ),
            ),
        )
    )
    assert _deferred(parts, "YOY005") == [(True, E), (False, I)]


def test_what_a_check_reads_as_written_is_noted_with_it_alone() -> None:
    # While validate() reads amounts as written, a check notes the figures it read wider — an
    # exact check deferred too; a figure a rule passes over (nothing to check) is noted with
    # no check, so it cannot be counted against the rule's next one.
    def widened(figure: Figure, rule_id: str) -> tuple[list[Outcome], set[tuple[int, str]]]:
        noted: list[tuple[int, str]] = []
        tokens = READ_AS_WRITTEN.set(True), WIDENED.set(noted)
        try:
            found = [o.outcome for o in RULES[rule_id].check(_spend(figure))]
        finally:
            READ_AS_WRITTEN.reset(tokens[0])
            WIDENED.reset(tokens[1])
        return found, set(noted)

    written = (Written("amount", 0),)
    for rule_id, figure, outcome in (
        ("YOY003", fig("10", prior="12", change="2", word="减少"), [E]),
        ("YOY003", fig("10", prior="12", change="2", word="增加"), [I]),
        ("YOY003", fig("10", change="2", word="增加"), []),  # one word, no sign: passed over
        ("YOY001", fig("10", change="2", word="增加"), []),  # no prior: passed over
        # YOY004 is only information, unless an override makes it an error (read again then)
        ("YOY004", fig("0.4", change="0", word="增加"), [I]),
        ("YOY004", fig("10", prior="12", change="2", word="增加"), []),
    ):
        figure = attrs.evolve(figure, written=written)
        noted = {(id(figure), "amount")} if outcome else set()
        assert widened(figure, rule_id) == (outcome, noted), rule_id
