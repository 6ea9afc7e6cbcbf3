"""Benchmark validate(): the seed, generated budgets of 10^3..10^6 tree lines, and a baseline.

Run from the repository root:  .venv/bin/python benchmarks/bench_validate.py [--max 1000000]

Prints the median time per validate() call on the worked example, the time per
tree line of validate() on generated budgets (which should stay flat: linear
cost), and the ratio of validate() to a hand-written loop that checks the same
sum relations on plain integers (fen).
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govbudget import DepartmentBudget, Figure, load, validate
from govbudget.model import Expenditure
from govbudget.money import Amount
from govbudget.rules import RULES
from govbudget.rules._facts import trees_of
from govbudget.rules._support import indexed
from govbudget.rules.base import Deferring
from govbudget.tree import Node, walk

ROOT = Path(__file__).resolve().parent.parent
#: The clock every figure is read from (``--clock``): the process's CPU time by default, which
#: load from other work on a shared machine does not inflate as it does the wall clock.
CLOCK: Callable[[], float] = time.process_time


def _leaf(code: str, fen: int) -> Node:
    return Node(code=code, name=f"项{code}", amount=Amount.from_fen(fen))


def generated_budget(lines: int) -> DepartmentBudget:
    """A budget whose function tree has about ``lines`` lines (类 → 款 → 项), all sums exact."""
    per_section = 99
    sections_needed = max(1, lines // (per_section + 1))
    per_class = min(99, max(1, int(sections_needed**0.5)))
    classes = max(1, sections_needed // per_class)
    roots = []
    made = 0
    for c in range(classes):
        class_code = f"{200 + c:03d}"
        sections = []
        for s in range(1, per_class + 1):
            section_code = f"{class_code}{s:02d}"
            items = tuple(
                _leaf(f"{section_code}{i:02d}", 10_000 * (i % 7 + 1) + i)
                for i in range(1, per_section + 1)
            )
            total = sum(item.amount.fen for item in items if item.amount is not None)
            sections.append(
                Node(
                    code=section_code,
                    name=f"款{section_code}",
                    amount=Amount.from_fen(total),
                    children=items,
                )
            )
            made += per_section + 1
        class_total = sum(n.amount.fen for n in sections if n.amount is not None)
        roots.append(
            Node(
                code=class_code,
                name=f"类{class_code}",
                amount=Amount.from_fen(class_total),
                children=tuple(sections),
            )
        )
        made += 1
    grand = sum(n.amount.fen for n in roots if n.amount is not None)
    return DepartmentBudget(
        department="基准测试局",
        year=2025,
        expenditure=Expenditure(
            total=Figure(amount=Amount.from_fen(grand)), by_function=tuple(roots)
        ),
    )


def count_lines(budget: DepartmentBudget) -> int:
    assert budget.expenditure is not None
    stack = list(budget.expenditure.by_function)
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


def baseline(budget: DepartmentBudget) -> int:
    """The same sum relations on plain integers (fen) in a loop: the number that fail."""
    assert budget.expenditure is not None
    half = 5_000  # 0.005 万元 in fen
    failures = 0
    stack = list(budget.expenditure.by_function)
    while stack:
        node = stack.pop()
        children = node.children
        if children:
            total = 0
            for child in children:
                total += child.amount.fen  # type: ignore[union-attr]
            if abs(node.amount.fen - total) > half * (len(children) + 1):  # type: ignore[union-attr]
                failures += 1
            stack.extend(children)
    return failures


def seed_kernel_data(budget: DepartmentBudget) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The sum relations TRE001 checks in ``budget`` as plain integers: for each line with
    children, its fen and half-width and its children's (amount and prior columns)."""
    relations = []
    for _, _, _, roots in trees_of(budget):
        for _, node in walk(roots):
            if not node.children or node.partial:
                continue
            for column in ("amount", "prior"):
                total = getattr(node, column)
                if total is None:
                    continue
                parts = [
                    (getattr(c, column).fen, budget.precision_of(c).half_width_fen)
                    for c in node.children
                    if getattr(c, column) is not None
                ]
                relations.append((total.fen, budget.precision_of(node).half_width_fen, parts))
    return relations


def seed_kernel(relations: list[tuple[int, int, list[tuple[int, int]]]]) -> int:
    """The integer kernel: each relation's sum and rounding test on ints; how many fail."""
    failures = 0
    for total, half, parts in relations:
        value = spread = 0
        for fen, part_half in parts:
            value += fen
            spread += part_half
        if abs(total - value) > half + spread:
            failures += 1
    return failures


def timed(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        # The budget is built before timing; freezing it keeps CPython's cyclic GC from
        # re-traversing millions of input objects while validate() allocates its report.
        gc.freeze()
        start = CLOCK()
        function()
        times.append(CLOCK() - start)
        gc.unfreeze()
    return min(times)


def by_rule(budget: DepartmentBudget, rounds: int, shown: int) -> None:
    """What each rule of the catalogue costs within ``validate()`` of ``budget``: its checks
    made in the catalogue's order within one shared index, as ``validate()`` makes them (a
    rule that is the first to ask for part of the index pays for building it), each rule's
    time the median of ``rounds``; the ``shown`` dearest are printed."""
    rules = list(RULES.values())
    runs: dict[str, list[float]] = {rule.id: [] for rule in rules}
    checks: dict[str, int] = {}
    collecting = gc.isenabled()
    gc.disable()  # as validate() does while it makes its checks
    for _ in range(rounds):
        with indexed(budget):
            for rule in rules:
                check = rule.check
                records = check.records if isinstance(check, Deferring) else check
                start = CLOCK()
                made = list(records(budget))
                runs[rule.id].append(CLOCK() - start)
                checks[rule.id] = len(made)
    if collecting:
        gc.enable()
    cost = {rule_id: statistics.median(times) for rule_id, times in runs.items()}
    quiet = [i for i in cost if not checks[i]]
    print(
        f"by rule (median of {rounds}): {sum(cost.values()) * 1e6:.0f} µs in all for"
        f" {sum(checks.values())} checks; the {len(quiet)} rules that make no check"
        f" {sum(cost[i] for i in quiet) * 1e6:.0f} µs"
    )
    for rule_id in sorted(cost, key=lambda i: -cost[i])[:shown]:
        print(f"  {rule_id:<8} {cost[rule_id] * 1e6:8.1f} µs {checks[rule_id]:5d} checks")


def peak_memory(lines: int) -> None:
    """In this (fresh) process: build a budget of ``lines`` tree lines, validate it, and print
    the peak resident memory after each (what a caller checking it needs)."""
    budget = generated_budget(lines)
    built = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gc.freeze()
    start = time.process_time()
    report = validate(budget)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"memory: {count_lines(budget):,} tree lines, {len(report.checks):,} checks: peak"
        f" {built:,.0f} MB once built, {peak:,.0f} MB once validated (target ≤ 1,200 MB);"
        f" validate() {seconds:.1f} s of CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=1_000_000, help="largest budget, in tree lines")
    parser.add_argument("--seed-rounds", type=int, default=300, help="validate() runs of the seed")
    parser.add_argument(
        "--memory", type=int, default=0, help="also the peak memory at this many lines"
    )
    parser.add_argument(
        "--by-rule",
        type=int,
        default=0,
        metavar="N",
        help="then the N rules that cost most on the worked example, each timed alone",
    )
    parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu", help="CPU time (default) or wall time"
    )
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    if args.memory_child:
        peak_memory(args.memory_child)
        return
    if args.memory:
        # A fresh interpreter, and first: a child forked from this process once it has built
        # and validated the large budgets below reports this process's peak as its own.
        command = [sys.executable, __file__, "--memory-child", str(args.memory)]
        subprocess.run(command, check=True)
    seed = load(ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json")
    relations = seed_kernel_data(seed)
    runs, kernel = [], []
    for _ in range(args.seed_rounds):  # in turn, so that load falls on both alike
        start = CLOCK()
        validate(seed)
        runs.append(CLOCK() - start)
        start = CLOCK()
        for _ in range(100):
            seed_kernel(relations)
        kernel.append((CLOCK() - start) / 100)
    print(
        f"seed: {len(validate(seed).checks)} checks, median {statistics.median(runs) * 1000:.3f} ms"
        f" per validate() (fastest {min(runs) * 1000:.3f}); the integer kernel of its"
        f" {len(relations)} sum relations median {statistics.median(kernel) * 1e6:.2f} µs;"
        f" ratio of medians {statistics.median(runs) / statistics.median(kernel):.0f}×"
        f" (target ≤ 100×), of fastest {min(runs) / min(kernel):.0f}×"
    )
    if args.by_rule:
        by_rule(seed, args.seed_rounds, args.by_rule)
    print(
        f"{'lines':>10} {'checks':>8} {'validate s':>11} {'µs/line':>8}"
        f" {'trees s':>10} {'baseline s':>11} {'ratio':>6}"
    )
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.max]
    per_line = []
    for size in sizes:
        budget = generated_budget(size)
        lines = count_lines(budget)
        repeat = 5 if lines <= 10_000 else (3 if lines <= 100_000 else 1)
        report = validate(budget)
        sums = [c for c in report.checks if c.rule.family in ("totals", "trees")]
        assert sums
        assert all(c.outcome.value == "exact" for c in sums)
        seconds = timed(lambda b=budget: validate(b), repeat)  # type: ignore[misc]
        sums = timed(lambda b=budget: validate(b, select=["trees"]), repeat)  # type: ignore[misc]
        base = timed(lambda b=budget: baseline(b), repeat)  # type: ignore[misc]
        per_line.append(seconds / lines)
        print(
            f"{lines:>10} {len(report.checks):>8} {seconds:>11.3f} {seconds / lines * 1e6:>8.2f}"
            f" {sums:>10.4f} {base:>11.4f} {sums / base:>6.1f}"
        )
    if len(per_line) > 1:
        print(
            f"µs per line at the largest size ÷ at the smallest: {per_line[-1] / per_line[0]:.2f}"
            " (target ≤ 1.2)"
        )


if __name__ == "__main__":
    main()
