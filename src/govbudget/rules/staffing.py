"""人员: staff in service and retirees equal the sum of their categories (exact counts)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from govbudget.model import Count, DepartmentBudget
from govbudget.rounding import Outcome, Stated, check_sum
from govbudget.rules._support import diagnose_sum
from govbudget.rules.base import Location, Observation, Record, Rule, Scale, Severity, deferring

__all__ = ["RULES"]


def _counts(
    path: str, zh: str, en: str, total: int | None, parts: Sequence[Count]
) -> Iterator[Record]:
    if total is None or not parts:
        return
    if total == sum(c.value for c in parts):  # head counts are whole: exact, made when read
        yield (_observe_counts, path, zh, en, total, parts)
    else:
        yield _observe_counts(path, zh, en, total, parts)


def _observe_counts(path: str, zh: str, en: str, total: int, parts: Sequence[Count]) -> Observation:
    """The observation of one staff total against its categories."""
    verdict = check_sum(Stated(total), [Stated(c.value) for c in parts])
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT:
        diagnosis = diagnose_sum(
            Stated(total), [(c.name, Stated(c.value)) for c in parts], Scale.count()
        )
    return Observation(
        outcome=verdict.outcome,
        location=Location(path, zh, en, parts[0].source),
        verdict=verdict,
        scale=Scale.count(),
        params={"count": str(len(parts)), "names": "、".join(c.name for c in parts)},
        diagnosis=diagnosis,
    )


@deferring
def _staff(budget: DepartmentBudget) -> Iterator[Record]:
    """实有在职人员, 退休人员 and 编制人数 each equal the sum of their categories.

    Why: head counts are exact (no rounding), so any gap is a miscount or a category left out.
    Example: 实有在职人员 12 = 行政编制 7 + 事业编制 4 + 工勤人员 1.
    """
    staffing = budget.staffing
    if staffing is None:
        return
    yield from _counts(
        "/staffing/in_service",
        "实有在职人员",
        "staff in service",
        staffing.in_service,
        staffing.in_service_parts,
    )
    yield from _counts(
        "/staffing/retired", "退休人员", "retired staff", staffing.retired, staffing.retired_parts
    )
    yield from _counts(
        "/staffing/establishment",
        "编制人数",
        "establishment",
        staffing.establishment,
        staffing.establishment_parts,
    )


RULES: Final = (
    Rule(
        id="STF001",
        family="staffing",
        severity=Severity.ERROR,
        title_zh="人员总数等于各类人员之和",
        title_en="A staff total equals the sum of its categories",
        message_zh="{where}：共 {stated} 人，{count} 类（{names}）之和 {computed} 人",
        message_en="{where}: {stated} in all, its {count} categories ({names}) add up to {computed}",
        formula="实有在职人员 = Σ 各类人员；退休人员 = Σ 各类退休人员；编制人数 = Σ 各类编制",
        check=_staff,
        example="实有在职人员 14 = 行政 6 + 工勤 1 + 事业岗 5 + 转业干部 2",
    ),
)
