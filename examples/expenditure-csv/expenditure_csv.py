"""Export a budget's expenditure lines to CSV, one row per line, flagged with what the checker found.

A downstream tool, written the way a user of govbudget writes one: the 支出合计 row, then
every line of the function and economic classifications (类 → 款 → 项), each with its
amount and prior-year amount in the document's unit — exact, never rounded — and the ids
of the rules that found the line inconsistent.

Run from the repository root::

    python examples/expenditure-csv/expenditure_csv.py examples/zengdu-xinfang-2025/budget.json out.csv
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Sequence
from typing import Final, TextIO

from govbudget import DepartmentBudget, Figure, Report, load, validate
from govbudget.money import to_unit
from govbudget.output.csvfile import safe_cell
from govbudget.rounding import Outcome
from govbudget.tree import walk

COLUMNS: Final = ("tree", "path", "level", "code", "name", "amount", "prior", "unit", "flags")
_TREES: Final = (("by_function", "功能分类"), ("by_economic", "经济分类"))
_LEVELS: Final = {1: "类", 2: "款", 3: "项"}


def _number(budget: DepartmentBudget, figure: Figure, column: str) -> str:
    value = getattr(figure, column)
    if value is None:
        return ""
    return f"{to_unit(value.fen, budget.precision_of(figure).unit):f}"


def _flags(report: Report) -> dict[str, set[str]]:
    """Rule ids by the place (JSON path) of each inconsistency."""
    found: dict[str, set[str]] = {}
    for check in report.checks:
        if check.outcome is Outcome.INCONSISTENT:
            place = check.location.path.split("#")[0]
            found.setdefault(place, set()).add(check.rule_id)
    return found


def rows(budget: DepartmentBudget, report: Report | None = None) -> Iterator[dict[str, str]]:
    """The rows of the export: 支出合计 first, then each tree's lines, parents first."""
    spending = budget.expenditure
    if spending is None:
        return
    flags = _flags(report if report is not None else validate(budget))
    unit = budget.precision.unit.label

    def row(
        tree: str, path: str, level: str, code: str, name: str, figure: Figure
    ) -> dict[str, str]:
        return {
            "tree": tree,
            "path": path,
            "level": level,
            "code": safe_cell(code),
            "name": safe_cell(name),  # a name like "=…" is shown, not run, in a spreadsheet
            "amount": _number(budget, figure, "amount"),
            "prior": _number(budget, figure, "prior"),
            "unit": budget.precision_of(figure).unit.label if figure.precision else unit,
            "flags": " ".join(sorted(flags.get(path, ()))),
        }

    for field, name in (("total", "支出合计"), ("grand_total", "支出总计")):
        figure = getattr(spending, field)
        if figure is not None:
            yield row("", f"/expenditure/{field}", "", "", name, figure)
    for field, tree_name in _TREES:
        for keys, node in walk(getattr(spending, field)):
            path = f"/expenditure/{field}/{'/'.join(keys)}"
            level = _LEVELS.get(len(keys), "") if node.code else "明细"
            yield row(tree_name, path, level, node.code or "", node.name, node)


def write_csv(budget: DepartmentBudget, stream: TextIO) -> int:
    """Write the export to ``stream``; the number of rows written."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for line in rows(budget):
        writer.writerow(line)
        count += 1
    return count


def to_csv(budget: DepartmentBudget) -> str:
    """The export as text."""
    stream = io.StringIO()
    write_csv(budget, stream)
    return stream.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: expenditure_csv.py BUDGET.json OUT.csv", file=sys.stderr)
        return 2
    budget = load(args[0])
    with open(args[1], "w", encoding="utf-8-sig", newline="") as out:
        count = write_csv(budget, out)
    print(f"{count} rows written to {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
