"""Benchmark: double each adversarial input and fail on super-linear growth.

Run from the repository root:

    .venv/bin/python benchmarks/bench_linearity.py              # every case, up to its limit
    .venv/bin/python benchmarks/bench_linearity.py --max 64000  # a quicker run
    .venv/bin/python benchmarks/bench_linearity.py --case reason

The cases are ``tests/adversarial.py``'s: the quadratic readings of issue 14, their
neighbours and the worst inputs measured before them. Each is read at its small size and
doubled up to its large size (the narrative cases to the 500,000-character limit); each
line prints the CPU time, the time per 100,000 characters and the growth over the half-size
run just before it (the baseline, measured in the same run, so that a noisy shared machine
disturbs both alike). A linear reader grows 2× per doubling. The run fails (exit status 1)
when a case grows by more than ``--bound`` (2.6×, between linear and the 4× of a quadratic
reader) over its last two doublings, where the quadratic term dominates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.adversarial import CASES, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=None, help="the largest size read")
    parser.add_argument("--case", default="", help="only the cases whose name holds this")
    parser.add_argument("--bound", type=float, default=2.6, help="growth per doubling allowed")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size (the least kept)")
    options = parser.parse_args()
    failed: list[str] = []
    print(f"{'input':<40}{'size':>10}{'seconds':>10}{'s / 100,000':>13}{'growth':>8}")
    for case in CASES:
        if options.case not in case.name:
            continue
        largest = case.large if options.max is None else min(case.large, options.max)
        size, previous, growths = case.small, None, []
        while size <= largest:
            taken = seconds(case, size, options.repeat)
            growth = "" if previous is None else f"{taken / max(previous, 1e-6):.2f}×"
            if previous is not None:
                growths.append(taken / max(previous, 1e-6))
            print(f"{case.name:<40}{size:>10,}{taken:>10.3f}{taken * 1e5 / size:>13.3f}{growth:>8}")
            sys.stdout.flush()
            previous, size = taken, size * 2
        last = growths[-2:]
        if last and min(last) > options.bound:
            failed.append(f"{case.name} ({' then '.join(f'{g:.2f}×' for g in last)})")
    if failed:
        print("super-linear growth: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("every case grew linearly (at most the bound per doubling over its last two)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
