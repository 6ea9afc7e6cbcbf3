"""Load the worked example (曾都区信访局 2025年部门预算) and print what it states.

Run from the repository root: ``python examples/zengdu-xinfang-2025/check.py``.
"""

from __future__ import annotations

from pathlib import Path

import govbudget
from govbudget.summary import summarize

HERE = Path(__file__).resolve().parent


def main() -> None:
    budget = govbudget.load(HERE / "budget.json")
    print(summarize(budget))


if __name__ == "__main__":
    main()
