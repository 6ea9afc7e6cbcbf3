"""Benchmark start-up: ``import govbudget`` and ``govbudget --help`` against ``python -c pass``.

Run from the repository root:  .venv/bin/python benchmarks/bench_import.py [--repeat 30]

Each command runs in a fresh interpreter of the project's environment, the three in turn
``--repeat`` times (so that load on a shared machine falls on all of them alike); each figure
is the fastest run and the median, and the ratio is of the fastest runs. The target is at most
5× ``python -c pass`` for both. Also listed: what importing the package pulls in (it should
not be the narrative reader, the PDF machinery or the strategies).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The console script pip installs beside the interpreter, as a user runs it.
SCRIPT = Path(PYTHON).with_name("govbudget")

COMMANDS = {
    "python -c pass": [PYTHON, "-c", "pass"],
    "import govbudget": [PYTHON, "-c", "import govbudget"],
    "govbudget --help": [str(SCRIPT), "--help"]
    if SCRIPT.exists()
    else [PYTHON, "-m", "govbudget", "--help"],
    "load + validate": [
        PYTHON,
        "-c",
        "import govbudget; govbudget.validate(govbudget.load("
        "'examples/zengdu-xinfang-2025/budget.json'))",
    ],
}


def _run(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def _modules(code: str) -> list[str]:
    probe = f"{code}; import sys; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [PYTHON, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return [name for name in out.split() if name.startswith("govbudget")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():
        _run(command)  # compile the bytecode caches first
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            times[name].append(_run(command))
    base = min(times["python -c pass"])
    print(f"{'command':<20} {'fastest ms':>10} {'median ms':>10} {'× pass':>7}")
    for name, runs in times.items():
        print(
            f"{name:<20} {min(runs) * 1e3:>10.1f} {statistics.median(runs) * 1e3:>10.1f}"
            f" {min(runs) / base:>7.1f}"
        )
    for code in ("import govbudget", "import govbudget.cli"):
        found = _modules(code)
        print(f"{code}: {len(found)} govbudget modules ({', '.join(found)})")


if __name__ == "__main__":
    main()
