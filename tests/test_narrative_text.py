"""Normalising the text mirrors and word processors leave: traditional characters, pinyin
glosses, Word field codes — each character keeping its place in the original."""

from __future__ import annotations

from govbudget.narrative import Disposition, read_narrative
from govbudget.narrative.text import normalize


def test_traditional_characters_read_as_simplified_in_place() -> None:
    raw = "本單位公務接待費支出3.5萬元，與上年相比減少1.2萬元。"
    text = normalize(raw)
    assert text.text == "本单位公务接待费支出3.5万元，与上年相比减少1.2万元。"
    # every character keeps its column in the original
    assert text.position(text.text.index("1.2")) == (1, raw.index("1.2") + 1)
    assert text.published(0, 4) == "本單位公"  # what the document wrote, as written


def test_pinyin_glosses_of_mirror_sites_are_dropped() -> None:
    raw = "公務(wù)用車運(yùn)行維護費(fèi)支出2萬(wàn)元"
    text = normalize(raw)
    assert text.text == "公务用车运行维护费支出2万元"
    assert text.position(text.text.index("2")) == (1, raw.index("2") + 1)


def test_brackets_that_are_not_glosses_stay() -> None:
    assert normalize("因公出國(境)費").text == "因公出国（境）费"
    assert normalize("收入(含上年结转)10万元").text == "收入（含上年结转）10万元"


def test_word_field_codes_of_a_table_of_contents_are_dropped() -> None:
    text = normalize("第二部分 部门决算情况说明 PAGEREF _Toc20715 \\h 4\n一、<![endif]>部门职能")
    assert text.text == "第二部分部门决算情况说明4\n一、部门职能"


def test_a_traditional_narrative_is_read_like_a_simplified_one() -> None:
    simplified = "某局2024年“三公”经费预算12万元，比上年减少3万元，下降20%。"
    traditional = "某局2024年“三公”經費預算12萬元，比上年減少3萬元，下降20%。"
    a, b = read_narrative(simplified), read_narrative(traditional)
    assert a.budget == b.budget
    assert {n.disposition for n in b.numbers} == {Disposition.MAPPED, Disposition.CONTEXT}


def test_a_lone_surrogate_stays_and_the_rest_is_converted() -> None:
    # OpenCC works on UTF-8, which has no lone surrogates (found by tests/test_fuzz.py).
    text = normalize("\ud800收入總計1萬元")
    assert text.text == "\ud800收入总计1万元"


def test_a_numbered_title_of_a_part_is_its_own_line() -> None:
    # an unwrapped text whose short lines set the page width: the title still stands alone
    raw = "一、支出情况\n本年支出100万元。\n二、财政拨款支出\n一般公共预算财政拨款支出90万元。\n"
    assert normalize(raw).text.split("\n")[2:] == [
        "二、财政拨款支出",
        "一般公共预算财政拨款支出90万元。",
    ]
    # a numbered line that ends in its number goes on with the unit on the next
    assert (
        normalize("1.一般公共服务支出（类）338.03\n万元").text
        == "1.一般公共服务支出（类）338.03万元"
    )


def test_a_bare_page_number_inside_a_number_the_margin_cut_is_dropped() -> None:
    # wrapped text (lines of the page's full width): "…项目支出3" / "8" / "12.40万元…" is
    # one number, 312.40, cut by the margin with the page's number between its halves
    full = "本年支出合计五百万元，其中基本支出一百八十八万元，项目支出3"
    raw = (
        "本单位是一个负责河道巡查工作的事业单位，下设三个科室和两个站所。\n"
        "二〇二四年度的支出安排主要用于人员经费和河道巡查的日常运转，\n"
        f"{full}\n8\n12.40万元，占本年支出的百分之六十二。\n"
    )
    text = normalize(raw).text
    assert "项目支出312.40万元" in text
    # the same lines with no page number between: nothing is dropped
    assert "项目支出312.40万元" in normalize(raw.replace("\n8\n", "\n")).text
    extraction = read_narrative(raw)
    assert "8" not in [n.text for n in extraction.numbers]
