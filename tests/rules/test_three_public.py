from __future__ import annotations

from govbudget import Outcome, Severity
from govbudget.model import Expenditure, Income, ThreePublic
from govbudget.money import wan
from govbudget.tree import Node

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def _three(total: str, vehicles: str | None = None) -> ThreePublic:
    return ThreePublic(
        total=fig(total),
        overseas=fig("0"),
        reception=fig("1.2"),
        vehicles=None if vehicles is None else fig(vehicles),
        vehicle_purchase=fig("0.5"),
        vehicle_operation=fig("2"),
    )


def test_sg001_sg002_three_public_totals() -> None:
    assert outcomes(budget(three_public=_three("3.7")), "SG001") == [E]
    assert outcomes(budget(three_public=_three("3.7", "2.5")), "SG002") == [E]
    finding = only(budget(three_public=_three("3.9")), "SG001")
    assert finding.outcome is I
    assert finding.message_zh == (
        "“三公”经费合计：合计 3.9万元，4 项之和 3.7万元；差额 0.2万元，超出舍入允许的 0.025万元"
    )
    assert outcomes(budget(three_public=_three("3.7", "2.6")), "SG002") == [I]


def test_sg003_against_the_economic_classification() -> None:
    tree = (
        Node(
            code="302",
            name="商品和服务支出",
            amount=wan("10"),
            children=(Node(code="30217", name="公务接待费", amount=wan("1.5")),),
            partial=True,
        ),
    )
    # All income is appropriation: the 三公 reception must equal the economic item (error).
    certain = budget(
        income=Income(total=fig("10"), appropriation=fig("10")),
        expenditure=Expenditure(total=fig("10"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.2")),
    )
    finding = only(certain, "SG003")
    assert finding.outcome is I
    assert finding.severity is Severity.ERROR
    assert finding.message_zh.startswith(
        "“三公”公务接待费与经济分类 30217 公务接待费：经济分类 1.5万元，“三公”写明 1.2万元"
    )
    # Other funds too: the 三公 part (appropriations only) may be smaller (fine), not larger (warning).
    mixed = budget(
        income=Income(total=fig("12"), appropriation=fig("10"), business=fig("2")),
        expenditure=Expenditure(total=fig("12"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.2")),
    )
    assert outcomes(mixed, "SG003") == [E]
    larger = budget(
        income=Income(total=fig("12"), appropriation=fig("10"), business=fig("2")),
        expenditure=Expenditure(total=fig("12"), by_economic=tree),
        three_public=ThreePublic(reception=fig("1.8")),
    )
    finding = only(larger, "SG003")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)
