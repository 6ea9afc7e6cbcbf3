from __future__ import annotations

from govbudget import Outcome
from govbudget.model import (
    Count,
    Staffing,
)

from .helpers import budget, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_stf001_staff() -> None:
    parts = (
        Count(name="行政人员", value=6),
        Count(name="工勤人员", value=1),
        Count(name="事业岗人员", value=5),
        Count(name="转业干部", value=2, unit="名"),
    )
    assert outcomes(budget(staffing=Staffing(in_service=14, in_service_parts=parts)), "STF001") == [
        E
    ]
    finding = only(budget(staffing=Staffing(in_service=15, in_service_parts=parts)), "STF001")
    assert finding.outcome is I
    assert (
        finding.message_zh
        == "实有在职人员：共 15 人，4 类（行政人员、工勤人员、事业岗人员、转业干部）之和 14 人；差额 1，超出舍入允许的 0"
    )
    assert finding.message_en == (
        "staff in service: 15 in all, its 4 categories (行政人员、工勤人员、事业岗人员、转业干部) add up to 14;"
        " gap 1, beyond the 0 rounding allows"
    )
