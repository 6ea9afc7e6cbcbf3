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


def test_a_message_without_its_place_reads_on_its_own() -> None:
    # the text report shows the place on the line above: the message leaves it out, also
    # where the template puts the relation in brackets after it (BAL001–BAL004)
    from govbudget import read_narrative, validate

    text = "某局2024年度部门决算\n一、收入支出决算总体情况说明\n2024年度收入总计100万元，支出总计90万元。\n"
    (finding,) = [c for c in validate(read_narrative(text).budget).checks if c.rule_id == "BAL002"]
    assert finding.message("zh").startswith("收入总计（收入总计 = 支出总计）：100万元")
    assert finding.message("zh", with_place=False).startswith("收入总计 = 支出总计：100万元")
    assert finding.message("en", with_place=False).startswith("收入总计 = 支出总计: stated 100")
