"""Numbers that are plainly not budget figures are context, each with its kind.

Every sentence here is written for the test; each is one phrasing family seen in published
texts (a measure, a site's index code, a document number in 【】, a bare date, an item number
in brackets, a table's number, a range of ages, counts of things in the basic information).
"""

from __future__ import annotations

import pytest

from govbudget.narrative import Disposition, read_narrative

BASIC = "一、单位基本情况\n"


def _reasons(text: str) -> dict[str, tuple[Disposition, str | None]]:
    extraction = read_narrative(text, department="某某局", year=2024)
    return {n.text: (n.disposition, n.reason) for n in extraction.numbers}


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        (BASIC + "本镇总面积356.4平方公里，年平均气温16.5℃。", "356.4", "measure"),
        (BASIC + "本镇总面积356.4平方公里，年平均气温16.5℃。", "16.5", "measure"),
        (BASIC + "办公楼建筑面积3000多平方米，层高约3.9m。", "3000", "measure"),
        (BASIC + "办公楼建筑面积3000多平方米，层高约3.9m。", "3.9", "measure"),
        ("索引号：ABC-2024-0012\n", "0012", "document-number"),
        ("• 11500000123456789X/2024-00012 •\n", "11500000123456789", "code"),
        ("• 11500000123456789X/2024-00012 •\n", "00012", "code"),
        ("• 330000123456/2024-000123\n", "330000123456", "code"),
        ("网站已支持IPv6访问。\n", "6", "code"),
        ("依据《某某办法》（某财预【2021】15号）执行。\n", "15", "document-number"),
        ("公开日期：2024815\n", "2024815", "date"),
        ("“三公”经费包括：（1）因公出国（境）费；（2）公务接待费。\n", "1", "item-number"),
        ("详见部门收支总表（预算公开03表）。\n", "03", "item-number"),
        (BASIC + "本园招收3-6岁幼儿。", "3", "count"),
        (BASIC + "本局内设机构5个，下属学校2所。", "5", "count"),
        (BASIC + "本局内设机构5个，下属学校2所。", "2", "count"),
    ],
)
def test_context(text: str, number: str, reason: str) -> None:
    assert _reasons(text)[number] == (Disposition.CONTEXT, reason)


def test_people_in_the_basic_information_are_not_counts() -> None:
    # Counts of people there are the staffing reader's: if it cannot read them, they are listed.
    uses = _reasons(BASIC + "另有临时聘用人员7名从事后勤工作。")
    assert uses["7"][0] is not Disposition.CONTEXT


def test_amounts_and_percents_are_never_context() -> None:
    uses = _reasons("项目编号A01的支出为12.5万元，占比3.5%。\n")
    assert uses["12.5"][0] is not Disposition.CONTEXT
    assert uses["3.5"][0] is not Disposition.CONTEXT


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("“三公”经费预算约18万元，比上年减少1.5万元。", "18"),
        ("基本支出2600万元，比上年增加160万元，增长6%左右。", "6"),
        ("项目支出1200万元，比上年增加150万元，增长近14%。", "14"),
        ("专项资金超过300万元。", "300"),
    ],
    ids=["about-amount", "percent-or-so", "nearly-percent", "over-amount"],
)
def test_an_approximate_number_is_the_wordings(text: str, number: str) -> None:
    assert _reasons(text)[number] == (Disposition.CONTEXT, "approximate")


def test_an_approximate_percent_is_not_checked_as_exact() -> None:
    # 160 ÷ 2440 = 6.56%: "6%左右" says about 6%, which is no claim to check to the digit
    text = "二、支出预算情况\n基本支出2600万元，比上年增加160万元，增长6%左右。"
    read = read_narrative(text, department="某某局", year=2024)
    assert read.budget.expenditure is not None
    basic = read.budget.expenditure.basic
    assert basic is not None
    assert basic.percent is None
    assert basic.change is not None


def test_an_approximate_change_keeps_its_direction() -> None:
    text = "公务接待费预算3万元，比上年减少近1万元。"
    three = read_narrative(text, department="某某局", year=2024).budget.three_public
    assert three is not None
    assert three.reception is not None
    change = three.reception.change
    assert change is not None
    assert change.value is None
    assert change.word == "减少"
