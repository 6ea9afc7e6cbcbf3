from __future__ import annotations

from govbudget import Outcome
from govbudget.figure import Figure, pct
from govbudget.model import Kind, ThreePublic
from govbudget.money import wan
from govbudget.rules import RULES
from govbudget.rules.base import Deferring, Record

from .helpers import budget, only, outcomes


def _final(completion: str, *, initial: str | None = "9", full: str | None = None) -> object:
    figure = Figure(
        amount=wan("7.8"),
        budget_initial=None if initial is None else wan(initial),
        budget_full_year=None if full is None else wan(full),
        completion=pct(completion),
    )
    return budget(kind=Kind.FINAL, three_public=ThreePublic(reception=figure))


def test_exe001_completion_percent() -> None:
    assert outcomes(_final("86.67"), "EXE001") == [Outcome.EXACT]  # type: ignore[arg-type]
    # checked against the full-year budget when both are stated, else the initial one
    assert outcomes(_final("100", full="7.8"), "EXE001") == [Outcome.EXACT]  # type: ignore[arg-type]
    assert outcomes(_final("86.67", full="7.8"), "EXE001") == [Outcome.EXACT]  # type: ignore[arg-type]
    assert outcomes(_final("86.7"), "EXE001") == [Outcome.EXACT]  # type: ignore[arg-type]
    finding = only(_final("90"), "EXE001")  # type: ignore[arg-type]
    assert finding.outcome is Outcome.INCONSISTENT
    assert finding.message_zh.startswith(
        "公务接待费：写明完成年初预算数的 90%，按决算数 7.8、年初预算数 9 计算为 ≈86.67%（舍入范围 ≈86.56%～≈86.77%）；差额 ≈3.33%"
    )
    assert finding.message_en.startswith(
        "official reception: stated 90% of the initial budget; final 7.8 and initial budget 9 give ≈86.67%"
    )


def test_exe001_difference_written_as_percent() -> None:
    finding = only(_final("1.2"), "EXE001")  # type: ignore[arg-type]
    assert finding.outcome is Outcome.INCONSISTENT
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "amount_as_percent"
    assert "完成率位置写成了年初预算数与决算数之差（1.2）" in finding.message_zh


def test_exe001_needs_a_budget_figure() -> None:
    assert outcomes(_final("90", initial=None), "EXE001") == []  # type: ignore[arg-type]


def _difference(
    amount: str, difference: str, *, initial: str | None = "2.95", full: str | None = None
) -> object:
    figure = Figure(
        amount=wan(amount),
        budget_initial=None if initial is None else wan(initial),
        budget_full_year=None if full is None else wan(full),
        budget_difference=wan(difference),
    )
    return budget(kind=Kind.FINAL, three_public=ThreePublic(total=figure))


def test_exe002_difference_from_the_budget() -> None:
    # 2.05 against an initial budget of 2.95: 差值 0.9, written without sign
    assert outcomes(_difference("2.05", "0.9"), "EXE002") == [Outcome.EXACT]  # type: ignore[arg-type]
    # over budget: 2.05 against 2, 差值 0.05
    over = _difference("2.05", "0.05", initial="2")
    assert outcomes(over, "EXE002") == [Outcome.EXACT]  # type: ignore[arg-type]
    # against the full-year budget when no initial one is stated
    full = _difference("2.05", "0.45", initial=None, full="2.5")
    assert outcomes(full, "EXE002") == [Outcome.EXACT]  # type: ignore[arg-type]
    finding = only(_difference("2.05", "0.8"), "EXE002")  # type: ignore[arg-type]
    assert finding.outcome is Outcome.INCONSISTENT
    assert finding.message_zh.startswith(
        "“三公”经费合计：写明与年初预算数的差值 0.8万元，决算数 2.05 与年初预算数 2.95 相差 0.9万元；"
        "差额 0.1万元，超出舍入允许的 0.015万元"
    )
    assert (
        "stated difference from the initial budget 0.8 万元; final 2.05 and initial budget 2.95 differ by 0.9 万元"
        in finding.message_en
    )


def _worded(word: str, final: str = "651.1", change: str | None = None) -> object:
    from govbudget.figure import StatedChange
    from govbudget.model import Appropriation, Spending

    figure = Figure(
        amount=wan(final),
        budget_initial=wan("640"),
        budget_change=StatedChange(None if change is None else wan(change), word),
    )
    return budget(kind=Kind.FINAL, appropriation=Appropriation(total=Spending(total=figure)))


def test_exe003_a_word_alone_states_no_amount_and_exe005_checks_it() -> None:
    from govbudget import Severity

    flat = _worded("持平")
    assert outcomes(flat, "EXE003") == []  # type: ignore[arg-type]
    finding = only(flat, "EXE005")  # type: ignore[arg-type]
    assert (finding.outcome, finding.severity) == (Outcome.INCONSISTENT, Severity.ERROR)
    assert finding.message_zh.startswith("财政拨款支出：较预算写“持平”，数字显示增加。")
    assert "; the figures increase" in finding.message_en
    assert outcomes(_worded("大于"), "EXE005") == [Outcome.EXACT]  # type: ignore[arg-type]
    assert outcomes(_worded("等于", final="640"), "EXE005") == [Outcome.EXACT]  # type: ignore[arg-type]
    # with an amount the change is checked
    assert outcomes(_worded("增加", change="11.1"), "EXE003") == [Outcome.EXACT]  # type: ignore[arg-type]


def test_exe005_roughly_flat_for_figures_that_differ_is_a_warning() -> None:
    from govbudget import Severity

    finding = only(_worded("基本持平"), "EXE005")  # type: ignore[arg-type]
    assert (finding.outcome, finding.severity) == (Outcome.INCONSISTENT, Severity.WARNING)
    assert "基本持平" in finding.message_zh
    assert outcomes(_worded("基本持平", final="640"), "EXE005") == [Outcome.EXACT]  # type: ignore[arg-type]


def _records(rule_id: str, of: object) -> list[Record]:
    check = RULES[rule_id].check
    assert isinstance(check, Deferring)
    return list(check.records(of))  # type: ignore[arg-type]


def test_exact_execution_checks_are_deferred() -> None:
    # against the full-year budget first: 7.8 ÷ 7.8 = 100% holds, deferred
    assert [type(r) is tuple for r in _records("EXE001", _final("100", full="7.8"))] == [True]
    # 86.67% fails against the full-year budget, holds against the initial one: made at once
    records = _records("EXE001", _final("86.67", full="7.8"))
    assert [type(r) is tuple for r in records] == [False]
    assert [type(r) is tuple for r in _records("EXE001", _final("90"))] == [False]
    assert [
        type(r) is tuple for r in _records("EXE002", _difference("3.2", "0.8", initial="4"))
    ] == [True]
    assert [
        type(r) is tuple for r in _records("EXE002", _difference("3.2", "0.6", initial="4"))
    ] == [False]
    assert outcomes(_difference("3.2", "0.8", initial="4"), "EXE002") == [Outcome.EXACT]  # type: ignore[arg-type]
