"""Reading stays linear: each adversarial input, made four times larger, takes about four times as long.

A quadratic reader takes sixteen times as long. The sizes are small, so this checks the
growth, never an absolute time; ``benchmarks/bench_linearity.py`` doubles the same inputs
up to the readers' limits. A growth past the bound is measured once more before it fails,
since one disturbed run on a shared machine can double a time.
"""

from __future__ import annotations

import pytest

from tests.adversarial import CASES, Case, seconds

#: Growth allowed when the input grows fourfold: 4^1.5, against 16 for a quadratic reader.
MAX_GROWTH = 8.0


def _growth(case: Case) -> float:
    small = seconds(case, case.small, repeat=2)
    large = seconds(case, 4 * case.small, repeat=2)
    return large / max(small, 1e-4)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reading_is_linear(case: Case) -> None:
    growth = _growth(case)
    if growth > MAX_GROWTH:
        growth = min(growth, _growth(case))
    assert growth <= MAX_GROWTH, f"{case.name}: 4× the input took {growth:.1f}× the time"
