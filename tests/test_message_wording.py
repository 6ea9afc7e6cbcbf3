"""Messages without a placeholder where a figure is missing (issue 15): no "—%", no "数字显示未知"."""

from __future__ import annotations

from collections.abc import Mapping

from govbudget import DepartmentBudget, load, validate


def _doc(body: Mapping[str, object]) -> DepartmentBudget:
    return load({"format": "govbudget/1", "department": "某局", "year": 2025, **body})


def test_direction_words_that_disagree_without_both_years() -> None:
    budget = _doc(
        {
            "expenditure": {
                "total": {
                    "change": {"value": "5", "word": "增加"},
                    "percent": {"value": "3", "word": "减少"},
                }
            }
        }
    )
    (finding,) = validate(budget, select=["YOY003"]).findings
    assert finding.message("zh").startswith(
        "支出合计：方向用词“增加、减少”，数字未写明本年数与上年数，无法判断增减"
    )
    assert "the figures do not state both years" in finding.message("en")
    assert "未知" not in finding.message("zh")


def test_a_share_of_a_zero_whole() -> None:
    budget = _doc(
        {
            "income": {
                "total": {"amount": "0"},
                "general_public": {"amount": "5", "share": {"value": "10"}},
            }
        }
    )
    (finding,) = validate(budget, select=["SHR001"]).findings
    assert finding.message("zh").startswith(
        "一般公共预算财政拨款收入：写明占比 10%，但合计为零，占比无从计算"
    )
    assert "—" not in finding.message("zh")
    assert "—" not in finding.message("en")
    assert "the whole is zero" in finding.message("en")
