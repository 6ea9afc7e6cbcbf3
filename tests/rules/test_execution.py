from __future__ import annotations

from govbudget import Outcome
from govbudget.figure import Figure, pct
from govbudget.model import Kind, ThreePublic
from govbudget.money import wan

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
        "公务接待费：写明完成年初预算数的 90%，按决算数 7.8、年初预算数 9 计算为 ≈86.6667%（舍入范围 ≈86.563%～≈86.7704%）；差额 ≈3.3333%"
    )
    assert finding.message_en.startswith(
        "official reception: stated 90% of the initial budget; final 7.8 and initial budget 9 give ≈86.6667%"
    )


def test_exe001_difference_written_as_percent() -> None:
    finding = only(_final("1.2"), "EXE001")  # type: ignore[arg-type]
    assert finding.outcome is Outcome.INCONSISTENT
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "amount_as_percent"
    assert "完成率位置写成了年初预算数与决算数之差（1.2）" in finding.message_zh


def test_exe001_needs_a_budget_figure() -> None:
    assert outcomes(_final("90", initial=None), "EXE001") == []  # type: ignore[arg-type]
