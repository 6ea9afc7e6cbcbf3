"""``govbudget.strategies`` without its extra names the extra, as the PDF and Excel readers do."""

from __future__ import annotations

import subprocess
import sys

_PROGRAM = """
import sys
sys.modules["hypothesis"] = None  # as if Hypothesis were not installed
from govbudget.errors import MissingExtra
try:
    import govbudget.strategies
except MissingExtra as error:
    print(type(error).__name__, error.extra, error)
"""


def test_import_without_hypothesis_raises_missing_extra() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "MissingExtra strategies govbudget.strategies needs hypothesis:"
        " pip install 'govbudget[strategies]'"
    )
