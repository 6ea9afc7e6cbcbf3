from __future__ import annotations

from govbudget import Outcome
from govbudget.model import (
    Procurement,
)

from .helpers import budget, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_prc001_prc002_procurement() -> None:
    good = budget(
        procurement=Procurement(
            total=fig("512.36"),
            goods=fig("200"),
            works=fig("300"),
            services=fig("12.36"),
            sme=fig("500"),
        )
    )
    assert outcomes(good, "PRC001") == [E]
    assert outcomes(good, "PRC002") == [E]
    bad = budget(
        procurement=Procurement(
            total=fig("512.36"),
            goods=fig("200"),
            works=fig("300"),
            services=fig("22.36"),
            sme=fig("800"),
        )
    )
    assert outcomes(bad, "PRC001") == [I]
    finding = only(bad, "PRC002")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "面向中小企业采购 ≤ 政府采购总额：采购总额 512.36万元，面向中小企业 800万元"
    )
