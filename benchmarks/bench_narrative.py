"""Benchmark ``read_narrative``: time per character on real text and on the worst inputs known.

Run from the repository root:  .venv/bin/python benchmarks/bench_narrative.py

Reads the seed narrative, then texts up to ``MAX_CHARS`` long — the seed repeated, and
inputs built to be expensive (a number on every line, one endless sentence of figures,
hundreds of thousands of parentheses or digits) — and prints the time each takes and the
time per 100,000 characters. Reading is linear: the per-100,000 column stays flat as the
texts grow.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from govbudget.narrative import MAX_CHARS, read_narrative

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt").read_text(encoding="utf-8")


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


CASES: dict[str, Callable[[int], str]] = {
    "seed, repeated": lambda n: _fill(SEED, n),
    "a number on every line": lambda n: _fill("1\n", n),
    "one sentence of figures": lambda n: _fill("收入总计1万元（上年", n),
    "labelled figures": lambda n: _fill("“三公”经费1万元，比上年增加1万元。", n),
    "headings": lambda n: _fill("（一）收入预算情况\n1万元\n", n),
    "parentheses": lambda n: _fill("（", n),
    "digits": lambda n: _fill("1234567890", n),
    "one endless web address": lambda n: "http://" + _fill("1/", n - 7),
    "paired statements": lambda n: _fill(
        "收、支总计各是1，2万元，各减少1，2万元，各下降1%、2%。", n
    ),
}


def _time(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_narrative(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    seed = _time(SEED, 20)
    print(f"seed narrative: {len(SEED):,} characters, {seed * 1000:.1f} ms")
    print(f"{'input':<26}{'characters':>12}{'seconds':>10}{'s / 100,000':>14}")
    for name, make in CASES.items():
        for size in (MAX_CHARS // 10, MAX_CHARS):
            text = make(size)
            seconds = _time(text, 1)
            per = seconds * 100_000 / len(text)
            print(f"{name:<26}{len(text):>12,}{seconds:>10.2f}{per:>14.2f}")


if __name__ == "__main__":
    main()
