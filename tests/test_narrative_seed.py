"""The seed: the worked example's narrative read from its text alone (曾都区信访局 2025).

``examples/zengdu-xinfang-2025/narrative.txt`` is the PDF-extracted 说明 the example's
``budget.json`` was encoded from by hand. Read by :func:`read_narrative`, it must give
the same budget figure by figure, the same validation report, and account for at least
98% of its numbers (all of them, today).

What the reader cannot know the way the hand-made document does is text, not figures:
the notes and descriptions. The hand-made notes sometimes keep the closing 。 and
sometimes not ("落实过紧日子要求压减办公经费支出。" but "无"); the reader never keeps it.
Two notes of the document are an editor's summaries the text does not state as notes
(the 支出总计 note repeats the reasons sentence; the 信访解难资金项目 amount's note quotes
the sentence the amount is in), and the editor cut the first project's description after
its first sentence where the reader keeps the whole passage. Those are compared apart.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govbudget import load, validate
from govbudget.figure import StatedChange, StatedPercent
from govbudget.io import to_data
from govbudget.model import DepartmentBudget
from govbudget.money import Amount, Unit, amount
from govbudget.narrative import Disposition, Extraction, NumberUse, read_narrative, value_at

EXAMPLE = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025"
TEXT_FIELDS = {"note", "description", "source"}


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    raw = (EXAMPLE / "narrative.txt").read_text(encoding="utf-8")
    return read_narrative(raw, source="narrative.txt")


@pytest.fixture(scope="module")
def expected() -> DepartmentBudget:
    return load(EXAMPLE / "budget.json")


@pytest.fixture(scope="module")
def extracted(extraction: Extraction) -> DepartmentBudget:
    assert extraction.budget is not None
    return extraction.budget


def _leaves(data: Any, path: str = "") -> dict[str, Any]:
    """Every leaf of a document, by JSON Pointer."""
    if isinstance(data, dict | list):
        items = data.items() if isinstance(data, dict) else enumerate(data)
        found: dict[str, Any] = {}
        for key, value in items:
            found.update(_leaves(value, f"{path}/{key}"))
        return found
    return {path: data}


def _figures(data: Any) -> dict[str, Any]:
    """Every leaf except the text (notes, descriptions), the sources and how many digits
    each amount is written with (``written``: the text says it, a hand-made document need not)."""
    return {
        k: v
        for k, v in _leaves(data).items()
        if k.rsplit("/", 1)[-1] not in TEXT_FIELDS and "/written/" not in k
    }


def _texts(data: Any) -> dict[str, str]:
    return {
        k: v
        for k, v in _leaves(data).items()
        if k.rsplit("/", 1)[-1] in ("note", "description") and isinstance(v, str)
    }


def test_every_figure_is_recovered(extracted: DepartmentBudget, expected: DepartmentBudget) -> None:
    ours, theirs = _figures(to_data(extracted)), _figures(to_data(expected))
    assert len(theirs) > 600
    missing = {k: v for k, v in theirs.items() if ours.get(k) != v}
    extra = {k: v for k, v in ours.items() if k not in theirs}
    assert missing == {}
    assert extra == {}


def _same_text(a: str, b: str) -> bool:
    return a.rstrip("。").replace(" ", "") == b.rstrip("。").replace(" ", "")


# Notes the hand-made document has and the text does not state as a note (see above).
EDITORIAL = {
    "/expenditure/grand_total/note",
    "/projects/0/amount/note",
    "/projects/0/description",
}


def test_the_notes_are_the_text_s_own(
    extracted: DepartmentBudget, expected: DepartmentBudget
) -> None:
    ours, theirs = _texts(to_data(extracted)), _texts(to_data(expected))
    for path, text in theirs.items():
        if path in EDITORIAL:
            continue
        assert path in ours, path
        assert _same_text(ours[path], text), (path, ours[path], text)
    assert set(ours) - set(theirs) == set()
    # The published wording is kept, spaces and all.
    assert (
        ours["/appropriation/government_fund/total/note"] == "2025 年本部门无政府性基金收支预算。"
    )
    assert ours["/projects/0/description"].startswith(theirs["/projects/0/description"])


def test_the_budget_equals_the_document_but_for_text(
    extracted: DepartmentBudget, expected: DepartmentBudget
) -> None:
    assert _figures(to_data(extracted)) == _figures(to_data(expected))
    assert (extracted.department, extracted.year, extracted.region) == (
        "曾都区信访局",
        2025,
        "曾都区",
    )
    assert extracted.precision == expected.precision


def _findings(budget: DepartmentBudget) -> list[dict[str, object]]:
    return [
        {k: v for k, v in finding.to_dict().items() if k not in ("source", "place")}
        for finding in validate(budget).checks
    ]


def test_the_report_is_the_document_s_report(
    extracted: DepartmentBudget, expected: DepartmentBudget
) -> None:
    ours, theirs = validate(extracted), validate(expected)
    assert _findings(extracted) == _findings(expected)
    assert ours.summary == theirs.summary
    # …and each finding now says where in the text its figure is.
    sources = [f.location.source for f in ours.findings if f.location.source]
    assert sources
    assert all(s.startswith("narrative.txt:") for s in sources)


def test_nothing_is_lost(extraction: Extraction) -> None:
    summary = extraction.summary
    assert summary.found == len(extraction.numbers) == 211
    assert summary.mapped + summary.context + summary.not_understood == summary.found
    assert summary.accounted >= Decimal("0.98")
    assert extraction.not_understood == ()
    assert (summary.mapped, summary.context) == (180, 31)


def _agrees(use: NumberUse, value: object) -> bool:
    assert use.value is not None
    if isinstance(value, StatedChange):
        value = value.value
    if isinstance(value, StatedPercent):
        return value.value == use.value
    if isinstance(value, Amount):
        assert use.unit is not None
        return value == amount(use.value, Unit.parse(use.unit))
    if isinstance(value, int | Decimal):
        return value == use.value
    return value == use.text


def test_every_mapped_number_is_the_figure_it_maps_to(
    extraction: Extraction, extracted: DepartmentBudget
) -> None:
    mapped = [n for n in extraction.numbers if n.disposition is Disposition.MAPPED]
    for use in mapped:
        assert use.path is not None
        assert _agrees(use, value_at(extracted, use.path)), use


def test_context_numbers_are_dates_item_numbers_and_remarks(extraction: Extraction) -> None:
    reasons = {n.reason for n in extraction.numbers if n.disposition is Disposition.CONTEXT}
    assert reasons == {"date", "item-number", "remark"}
    remark = [n for n in extraction.numbers if n.reason == "remark"]
    # "一般不到 50 万元" bounds the matching funds; it is not a second figure.
    assert [(n.text, n.line) for n in remark] == [("50", 391)]


def test_figures_point_to_their_line(extracted: DepartmentBudget) -> None:
    assert extracted.income is not None
    assert extracted.income.grand_total is not None
    assert extracted.income.grand_total.source == "narrative.txt:45:1"
    assert extracted.institutional_operation is not None
    assert extracted.institutional_operation.source == "narrative.txt:159:12"


def test_the_parts_are_recognised(extraction: Extraction) -> None:
    kinds = [s.kind for s in extraction.sections]
    assert kinds[:6] == ["overview", "duties", "basic_info", "report", "totals", "income"]
    assert {"government_fund", "state_capital", "procurement", "assets", "three_public"} <= set(
        kinds
    )
    none = {s.kind for s in extraction.sections if s.stated_none}
    assert none == {"government_fund", "state_capital"}


def test_the_quality_of_the_disclosure(extraction: Extraction) -> None:
    codes = [w.code for w in extraction.warnings]
    assert codes == ["copied-indicators"] * 5
    copied = extraction.warnings[0]
    assert copied.message_zh.startswith("12 个绩效目标的效益指标全部照搬自产出指标")
    shared = extraction.warnings[2]
    assert "长期目标 2、年度目标 2、重点项目“信访劝返维稳经费”的绩效目标" in shared.message_zh
    assert shared.line == 315
