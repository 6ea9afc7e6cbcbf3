"""The worked example's report: no error; 302's thirteen items within rounding; all else exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import Outcome, Report, Severity, load, validate

SEED = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025" / "budget.json"

# Non-arithmetic findings the seed rightly gets: the 三公 lines write "增加 0 万元，同比增加 0%"
# (a wording slip), and the names of two codes differ from the 2025 table.
WORDING = {"YOY004"}
NAMES = {"COD002"}


@pytest.fixture(scope="module")
def report() -> Report:
    return validate(load(SEED))


def test_no_error(report: Report) -> None:
    assert report.ok
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_302_is_within_rounding(report: Report) -> None:
    (finding,) = [f for f in report.findings if f.outcome is Outcome.WITHIN_ROUNDING]
    assert finding.rule_id == "TRE001"
    assert finding.location.path == "/expenditure/by_economic/302"
    assert finding.severity is Severity.INFO
    assert finding.figures()["stated"] == "24.1"
    assert finding.figures()["computed"] == "24.09"
    assert finding.message_zh == (
        "支出经济分类 302 商品和服务支出：合计 24.1万元，13 个明细之和 24.09万元；差额 0.01万元，"
        "在舍入允许的 0.07万元 以内（四舍五入）"
    )


def test_every_other_arithmetic_relation_is_exact(report: Report) -> None:
    arithmetic = [c for c in report.checks if c.verdict is not None and c.rule.family != "codes"]
    assert len(arithmetic) >= 40
    off = [c for c in arithmetic if c.outcome is not Outcome.EXACT]
    assert [(c.rule_id, c.location.path) for c in off] == [
        ("TRE001", "/expenditure/by_economic/302")
    ]


def test_the_other_findings(report: Report) -> None:
    others = [f for f in report.findings if f.outcome is Outcome.INCONSISTENT]
    assert {f.rule_id for f in others} <= WORDING | NAMES
    assert len([f for f in others if f.rule_id in WORDING]) == 5
    assert all(f.severity is not Severity.ERROR for f in others)


def test_relations_checked(report: Report) -> None:
    checked = {c.rule_id for c in report.checks}
    for rule_id in (
        "BAL002",
        "TOT001",
        "TOT002",
        "TOT003",
        "TOT006",
        "TRE001",
        "APP002",
        "APP004",
        "SG001",
        "SG003",
        "OPS001",
        "YOY001",
        "YOY002",
        "YOY003",
        "YOY005",
        "SHR001",
        "PRC001",
        "PRC002",
        "AST001",
        "STF001",
        "PRF001",
        "PRF002",
        "PRF003",
        "XS001",
        "XS002",
        "XS003",
    ):
        assert rule_id in checked, rule_id
