"""Benchmark load(): the worked examples against ``json.loads`` of the same text.

Run from the repository root:  .venv/bin/python benchmarks/bench_load.py [--rounds 30]

For each example document, ``json.loads(text)`` (the baseline: parsing alone, into plain
dicts), ``govbudget.loads(text)`` and ``govbudget.load(path)`` (reading the file too) run in
turn, ``--rounds`` rounds of a few hundred calls each, so that load on a shared machine falls
on all three alike; each figure is the fastest round, per call. The target is ``load()`` at
most 5× ``json.loads``. Then the parts of ``loads``: parsing with the checks of numbers and
keys, the walk that checks the limits, and building the model (what constructing the
model's objects alone costs is printed beside it: the floor of any loader); then the
fast path's two parts, which ``loads`` takes when it can vouch for the document: parsing
with the number hooks alone, and reading the parsed data into the model.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from govbudget import load
from govbudget.io import _fastload, document, loads
from govbudget.model import DepartmentBudget
from govbudget.money import Unit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json",
    ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json",
]


def _per_call(action: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        action()
    return (time.perf_counter() - start) / calls


def _race(actions: dict[str, Callable[[], object]], rounds: int, calls: int) -> dict[str, float]:
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(rounds):
        for name, action in actions.items():
            best[name] = min(best[name], _per_call(action, calls))
    return best


def _constructors(value: object) -> list[tuple[type, dict[str, object]]]:
    """Every attrs object of ``value``, innermost first, with the arguments that make it."""
    found: list[tuple[type, dict[str, object]]] = []

    def visit(item: object) -> None:
        if isinstance(item, tuple):
            for part in item:
                visit(part)
        elif attrs.has(type(item)):
            arguments = {f.name: getattr(item, f.name) for f in attrs.fields(type(item)) if f.init}
            for argument in arguments.values():
                visit(argument)
            found.append((type(item), arguments))

    visit(value)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        calls = max(20, 60_000 // len(text) * 10)
        budget = load(path)
        assert loads(text) == budget
        objects = _constructors(budget)

        def construct(objects: list[tuple[type, dict[str, object]]] = objects) -> None:
            for cls, arguments in objects:
                cls(**arguments)

        data = document._parse_json(text, str(path))
        body = dict(data)
        body.pop("format")
        read = document._reader(DepartmentBudget)
        fast_data = json.loads(text, parse_int=document._parse_int)
        fast_data.pop("format")
        unit = budget.precision.unit if "precision" in body else Unit.WAN
        best = _race(
            {
                "json.loads(text)": lambda t=text: json.loads(t),
                "govbudget.loads(text)": lambda t=text: loads(t),
                "govbudget.load(path)": lambda p=path: load(p),
                "  parse (numbers, keys)": lambda t=text: document._parse_json(t, "x"),
                "  limits walk": lambda d=data: document._check_limits(d, "x"),
                "  model from the data": lambda b=body, r=read, u=unit: r(b, u),
                "  constructors alone": construct,
                "  fast path: parse": lambda t=text: json.loads(
                    t, parse_int=document._parse_int, parse_float=document._parse_number
                ),
                "  fast path: model": lambda d=fast_data: _fastload._fast_reader(DepartmentBudget)(
                    d, Unit.WAN, 0, [0]
                ),
            },
            args.rounds,
            calls,
        )
        base = best["json.loads(text)"]
        print(f"{path.parent.name}: {len(text):,} characters, {len(objects)} model objects")
        for name, seconds in best.items():
            print(f"  {name:<26} {seconds * 1e6:8.1f} µs {seconds / base:6.2f}× json.loads")


if __name__ == "__main__":
    main()
