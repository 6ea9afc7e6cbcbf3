"""Each likely cause govbudget names, on a constructed case."""

from __future__ import annotations

from govbudget.model import Expenditure, Income
from govbudget.money import wan
from govbudget.tree import Node

from .rules.helpers import budget, fig, only


def _code(b: object, rule_id: str) -> str:
    finding = only(b, rule_id)  # type: ignore[arg-type]
    assert finding.diagnosis is not None, finding.message_en
    return finding.diagnosis.code


def test_percent_against_the_current_year() -> None:
    # 100 vs 94: the change 6 ÷ 100 (current) = 6.00%, not 6 ÷ 94 = 6.38%
    b = budget(
        expenditure=Expenditure(total=fig("100", prior="94", percent="6.00", percent_word="增长"))
    )
    assert _code(b, "YOY002") == "percent_of_current"
    assert (
        "可能原因：百分比按本年数而非上年数计算（增减额 ÷ 本年数）" in only(b, "YOY002").message_zh
    )


def test_amount_where_the_percent_belongs() -> None:
    # 完成…的 27.22%, where 27.22 is the change in 万元
    b = budget(
        expenditure=Expenditure(
            total=fig("500", prior="472.78", percent="27.22", percent_word="增长")
        )
    )
    assert _code(b, "YOY002") == "amount_as_percent"
    assert (
        "an amount (the change) was written where the percent belongs"
        in only(b, "YOY002").message_en
    )


def test_direction_word_with_the_wrong_sign() -> None:
    b = budget(expenditure=Expenditure(total=fig("90", prior="100", change="10", word="增加")))
    assert _code(b, "YOY003") == "wrong_direction"


def test_unit_slip() -> None:
    # 财政拨款收入 written in 元 where the document uses 万元
    b = budget(
        income=Income(total=fig("425.23"), grand_total=fig("425.23"), appropriation=fig("4252300"))
    )
    assert _code(b, "TOT001") == "unit_slip"
    assert "单位错位" in only(b, "TOT001").message_zh


def test_transposed_digits() -> None:
    tree = (
        Node(code="201", name="一般公共服务支出", amount=wan("338.03")),
        Node(code="208", name="社会保障和就业支出", amount=wan("47.7")),
    )
    b = budget(expenditure=Expenditure(total=fig("358.73"), by_function=tree))
    assert _code(b, "TOT002") == "transposed_digits"


def test_transposed_digits_in_a_part() -> None:
    # 基本支出 215.2 = 人员经费 196.5 + 公用经费 18.7, with 人员经费 printed as 169.5
    b = budget(
        expenditure=Expenditure(basic=fig("215.2"), personnel=fig("169.5"), public=fig("18.7"))
    )
    assert _code(b, "TOT005") == "transposed_digits"
    assert "“人员经费”169.5 若为 196.5" in only(b, "TOT005").message_zh


def test_no_transposition_is_named_when_two_would_fit() -> None:
    # 44 against 12 + 23 = 35: 12 → 21 and 23 → 32 both give 44, so neither is named
    b = budget(expenditure=Expenditure(basic=fig("44"), personnel=fig("12"), public=fig("23")))
    finding = only(b, "TOT005")
    assert finding.diagnosis is None or finding.diagnosis.code != "transposed_digits"


def test_part_left_out() -> None:
    tree = (
        Node(code="201", name="一般公共服务支出", amount=wan("338.03")),
        Node(code="208", name="社会保障和就业支出", amount=wan("47.7")),
    )
    b = budget(expenditure=Expenditure(total=fig("338.03"), by_function=tree))
    assert _code(b, "TOT002") == "part_left_out"
    assert "合计漏计了“208 社会保障和就业支出”" in only(b, "TOT002").message_zh
