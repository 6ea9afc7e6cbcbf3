"""Whole narratives written for the tests (``tests/probes/``): read, checked, and broken.

Each probe is a complete disclosure in our own words whose figures all agree. The checker must
find nothing wrong with it (no error and no warning: zero false alarms), the reader must leave
at most the numbers listed here not understood, and a publishing error put into the text — a
wrong share, a wrong direction word, a class or a part mistyped — must be found by its rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from govbudget import Severity, validate
from govbudget.narrative import Disposition, Extraction, read_narrative

PROBES: Final = Path(__file__).parent / "probes"


def _read(name: str, text: str | None = None) -> Extraction:
    body = (PROBES / name).read_text(encoding="utf-8") if text is None else text
    return read_narrative(body, source=name)


def _unread(extraction: Extraction) -> list[str]:
    return [n.text for n in extraction.numbers if n.disposition is Disposition.NOT_UNDERSTOOD]


@pytest.mark.parametrize(
    ("name", "checks", "unread"),
    [
        # 资金285.28万元, 100%: a performance summary's figures the model has no place for
        ("agriculture-2025-final.txt", 40, ["285.28", "100"]),
        ("culture-2024-final.txt", 41, []),
        ("emergency-2025-budget.txt", 48, []),
        ("archives-2023-final.txt", 66, []),
    ],
)
def test_a_consistent_probe_is_read_and_found_consistent(
    name: str, checks: int, unread: list[str]
) -> None:
    extraction = _read(name)
    report = validate(extraction.budget)
    assert [f.message_en for f in report.findings if f.severity is not Severity.INFO] == []
    assert len(report.checks) >= checks
    assert _unread(extraction) == unread


def test_the_enforcement_budget_s_two_errors_are_found_and_nothing_else() -> None:
    extraction = _read("enforcement-2025-budget.txt")
    errors = {
        f.rule_id: f.location.path
        for f in validate(extraction.budget).findings
        if f.severity is Severity.ERROR
    }
    assert errors == {
        "SG001": "/three_public/total",
        "YOY002": "/institutional_operation/percent",
    }
    assert _unread(extraction) == []


@pytest.mark.parametrize(
    ("old", "new", "rule_id"),
    [
        ("项目支出79万元，占25.55%", "项目支出79万元，占25.45%", "SHR001"),
        ("增加1,345.60元，增长12.23%", "增加1,345.60元，下降12.23%", "YOY003"),
        (
            "文化旅游体育与传媒支出（类）250.3万元",
            "文化旅游体育与传媒支出（类）250.8万元",
            "APP005",
        ),
        ("人员经费196.5万元", "人员经费169.5万元", "APP002"),
        ("完成预算的61.73%", "完成预算的62.73%", "EXE001"),
    ],
    ids=["share", "direction", "class", "transposed", "completion"],
)
def test_an_error_put_into_a_probe_is_found(old: str, new: str, rule_id: str) -> None:
    text = (PROBES / "culture-2024-final.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    report = validate(_read("culture-2024-final.txt", text.replace(old, new)).budget)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert rule_id in {f.rule_id for f in errors}, [f.message_en for f in errors]


def test_a_transposed_part_is_named() -> None:
    text = (PROBES / "culture-2024-final.txt").read_text(encoding="utf-8")
    broken = text.replace("人员经费196.5万元", "人员经费169.5万元")
    report = validate(_read("culture-2024-final.txt", broken).budget)
    (finding,) = [f for f in report.findings if f.rule_id == "APP002"]
    assert finding.diagnosis is not None
    assert finding.diagnosis.code == "transposed_digits"
    assert "169.5 若为 196.5" in finding.message_zh


@pytest.mark.parametrize(
    ("name", "old", "new", "rule_id"),
    [
        # the 当年拨款 part's classes, a heading of their own under "（四）一般公共预算当年拨款情况"
        ("emergency-2025-budget.txt", "占83.08%", "占80.38%", "SHR001"),
        # 收入预算总额 stated before "收、支预算总额各增加…" in the same sentence
        (
            "emergency-2025-budget.txt",
            "本部门2025年收入预算总额6,850,000元",
            "本部门2025年收入预算总额6,580,000元",
            "BAL002",
        ),
        ("emergency-2025-budget.txt", "下降6%", "下降7%", "YOY002"),
        ("archives-2023-final.txt", "占８４．９９％", "占８５．９９％", "SHR001"),
        (
            "archives-2023-final.txt",
            "支出决算为８５．００万元",
            "支出决算为８５．５０万元",
            "EXE001",
        ),
        ("archives-2023-final.txt", "下降１０．００％", "下降１１．００％", "YOY002"),
        ("archives-2023-final.txt", "合同金额５６．００万元", "合同金额５８．００万元", "SHR003"),
    ],
    ids=["class-share", "income-total", "operation", "fullwidth-share", "item", "yoy", "small"],
)
def test_an_error_put_into_a_new_probe_is_found(
    name: str, old: str, new: str, rule_id: str
) -> None:
    text = (PROBES / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    report = validate(_read(name, text.replace(old, new)).budget)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert rule_id in {f.rule_id for f in errors}, [f.message_en for f in errors]
