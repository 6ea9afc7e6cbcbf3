"""Benchmark reading and checking a PDF disclosure with all nine 决算 tables.

Run from the repository root:  .venv/bin/python benchmarks/bench_tables.py [--pages 30] [--repeat 3]

Generates a consistent 部门决算 (tests/disclosure_factory.py) long enough to fill
about ``--pages`` pages, renders it to PDF and to an Excel workbook, and prints
the page count, the tables and rows read, the checks made by outcome, and the
median seconds of read_document() and of validate() over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govbudget import read_document, validate  # noqa: E402
from tests.disclosure_factory import make_final, render_pdf, render_xlsx  # noqa: E402

T = TypeVar("T")


def _timed(repeat: int, run: Callable[[], T]) -> tuple[float, T]:  # float-ok: seconds
    times: list[float] = []  # float-ok: seconds
    result = run()
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lines = 20
        while True:
            doc = make_final(lines=lines)
            pdf = render_pdf(doc, Path(folder) / "disclosure.pdf")
            pages = _pages(pdf)
            if pages >= args.pages or lines > 2000:
                break
            lines = int(lines * args.pages / pages) + 1
        xlsx = render_xlsx(doc, Path(folder) / "disclosure.xlsx")
        for path in (pdf, xlsx):
            read_seconds, disclosure = _timed(args.repeat, lambda p=path: read_document(p))  # type: ignore[misc]
            check_seconds, report = _timed(args.repeat, lambda d=disclosure: validate(d.budget))  # type: ignore[misc]
            tables = disclosure.budget.tables
            rows = sum(len(t.rows) for t in tables)
            cells = sum(len(t.rows) * len(t.columns) for t in tables)
            print(
                f"{path.name}: {pages} pages"
                if path is pdf
                else f"{path.name}: {len(tables)} sheets"
            )
            print(f"  {len(tables)} tables, {rows} rows, {cells} cells")
            by_rule = Counter(c.rule_id for c in report.checks if c.rule.family == "tables")
            print(f"  checks: {report.summary.text('en')}")
            print(f"  table checks by rule: {dict(sorted(by_rule.items()))}")
            print(
                f"  read_document {read_seconds:.2f} s, validate {check_seconds:.3f} s,"
                f" total {read_seconds + check_seconds:.2f} s (median of {args.repeat})"
            )


if __name__ == "__main__":
    main()
