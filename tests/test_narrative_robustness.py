"""Any input gives a clear result or a clear error: never a crash, a hang or a made-up figure.

The bound on size is :data:`govbudget.narrative.MAX_CHARS`; the time per character is
measured by ``benchmarks/bench_narrative.py``, not here.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.errors import GovBudgetError
from govbudget.model import DepartmentBudget
from govbudget.narrative import MAX_CHARS, Disposition, NarrativeError, read_narrative
from govbudget.narrative.text import normalize

SEED = (
    Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025" / "narrative.txt"
).read_text(encoding="utf-8")


def test_empty_text() -> None:
    extraction = read_narrative("")
    assert extraction.budget == DepartmentBudget()  # nothing stated, nothing made up
    assert extraction.numbers == ()
    assert [w.code for w in extraction.warnings] == ["no-department", "no-year"]
    assert extraction.summary.accounted == 1


def test_text_in_another_language() -> None:
    text = "The Bureau's budget for 2025 totals 425.23 million yuan, up 5.3% on last year."
    extraction = read_narrative(text)
    assert (extraction.budget.department, extraction.budget.year) == (None, None)
    kinds = {n.text: n.disposition for n in extraction.numbers}
    assert kinds == {
        "2025": Disposition.CONTEXT,
        "425.23": Disposition.NOT_UNDERSTOOD,
        "5.3": Disposition.NOT_UNDERSTOOD,
    }


def test_bytes_in_utf8_and_gb18030() -> None:
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        extraction = read_narrative(SEED.encode(encoding))
        assert extraction.budget is not None
        assert extraction.summary.not_understood == 0


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "abc\x00def", "\x01\x02\x03\x04" * 10],
    ids=["png", "nul", "controls"],
)
def test_binary_is_refused(data: str | bytes) -> None:
    with pytest.raises(NarrativeError, match="binary"):
        read_narrative(data)


def test_too_long_is_refused_before_reading() -> None:
    with pytest.raises(NarrativeError, match="500,000"):
        read_narrative("一" * (MAX_CHARS + 1))


def test_not_text_is_refused() -> None:
    with pytest.raises(NarrativeError, match="not int"):
        read_narrative(12345)  # type: ignore[arg-type]


def test_the_error_is_a_value_error() -> None:
    assert issubclass(NarrativeError, ValueError)
    assert issubclass(NarrativeError, GovBudgetError)


_DIGITS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def _check_accounting(text: str) -> None:
    extraction = read_narrative(text, department="某单位", year=2025)
    normal = normalize(text)
    assert len(extraction.numbers) == len(_DIGITS.findall(normal.text))
    for number in extraction.numbers:
        assert number.disposition in Disposition
        assert 1 <= number.line <= max(1, len(re.split(r"\r\n|\r|\n|\u2028|\u2029|\x85", text)))
        assert number.column >= 1
        if number.disposition is Disposition.MAPPED:
            assert number.path is not None
        else:
            assert number.reason


@given(st.text(max_size=300))
def test_any_text_is_read_and_every_number_accounted(text: str) -> None:
    with contextlib.suppress(NarrativeError):  # control characters: refused, with a message
        _check_accounting(text)


_PIECES = [line for line in SEED.splitlines() if line.strip()]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.sampled_from(["\n", "\n\n", " ", "　", "（", "）", "万元", "%", "，", "。"]),
            st.from_regex(r"[0-9０-９]{1,4}(\.[0-9]{1,2})?", fullmatch=True),
        ),
        max_size=40,
    )
)
def test_scrambled_narratives_never_crash(pieces: list[str]) -> None:
    _check_accounting("".join(pieces))
