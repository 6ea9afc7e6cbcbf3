"""Benchmark ``govbudget check`` over a folder of documents: throughput with --jobs, and where the
time of one document goes (load, validate, render).

Run from the repository root:  .venv/bin/python benchmarks/bench_cli.py [--files 200]

Copies the two worked examples into a temporary folder ``--files`` times in all, then times
``govbudget check --format json`` over them in-process with ``--jobs 1`` and ``--jobs N`` (the
machine's CPUs), and the median of load(), validate() and render_text() for each example.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govbudget import load, validate
from govbudget.cli import main
from govbudget.render import render_json, render_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json",
    ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json",
]


def _median(action: Callable[[], object], repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _check(files: list[str], jobs: int) -> float:
    start = time.perf_counter()
    main(
        ["check", "--format", "json", "--jobs", str(jobs), *files],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        environ={},
    )
    return time.perf_counter() - start


def main_(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    count = parser.parse_args(argv).files
    cpus = os.cpu_count() or 1
    for path in EXAMPLES:
        budget = load(path)
        report = validate(budget)
        print(
            f"{path.parent.name}: load {_median(lambda p=path: load(p)) * 1e3:.1f} ms,"
            f" validate {_median(lambda b=budget: validate(b)) * 1e3:.1f} ms"
            f" ({len(report.checks)} checks),"
            f" render text {_median(lambda r=report: render_text(r)) * 1e3:.2f} ms,"
            f" json {_median(lambda r=report: render_json(r)) * 1e3:.2f} ms"
        )
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i in range(count):
            target = Path(folder) / f"{i:05d}.json"
            shutil.copy(EXAMPLES[i % len(EXAMPLES)], target)
            files.append(str(target))
        for jobs in sorted({1, cpus}):
            seconds = _check(files, jobs)
            print(
                f"govbudget check --format json --jobs {jobs}: {count} files in {seconds:.2f} s"
                f" ({count / seconds:.0f} files/s)"
            )


if __name__ == "__main__":
    main_()
