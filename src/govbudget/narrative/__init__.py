"""Reading the published narrative (说明) of a disclosure into the budget model.

>>> e = read_narrative("某局2025年部门预算。收入总计10万元，比上年增加1万元，增长11.1%。")
>>> e.budget.income.grand_total.percent.value, e.summary.not_understood
(Decimal('11.1'), 0)
"""

from govbudget.narrative.extraction import (
    CHECKED_BY,
    CONTEXT_KINDS,
    Disposition,
    Extraction,
    ExtractionSummary,
    NumberUse,
    QualityWarning,
    SectionInfo,
    value_at,
)
from govbudget.narrative.reader import MAX_CHARS, NarrativeError, read_narrative

__all__ = [
    "CHECKED_BY",
    "CONTEXT_KINDS",
    "MAX_CHARS",
    "Disposition",
    "Extraction",
    "ExtractionSummary",
    "NarrativeError",
    "NumberUse",
    "QualityWarning",
    "SectionInfo",
    "read_narrative",
    "value_at",
]
