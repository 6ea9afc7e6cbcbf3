"""Benchmark reading and checking a PDF disclosure, beside PDFium's bare text extraction.

Run from the repository root:
    .venv/bin/python benchmarks/bench_tables.py [--pages 30] [--repeat 5] [PDF ...]

Generates a consistent 部门决算 with all nine standard tables (tests/disclosure_factory.py)
long enough to fill about ``--pages`` pages, renders it to PDF and to an Excel workbook, and
for each PDF (the generated one, then any given) prints, as the median of ``--repeat`` runs
in this same run:

- the baseline: pypdfium2 extracting the text of every page (open, text page, get_text_range);
- ``read_pdf`` (characters, ruling lines, lines and grids), ``read_document`` (that, then the
  table recognition and the narrative reader), ``validate`` and ``govbudget check`` (the
  command, in process, its output discarded) — in seconds per page and as a multiple of the
  baseline;
- the characters PDFium reports on the pages (not spaces) and the characters the reader
  placed in lines, cells and running headers (equal: nothing lost).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pypdfium2 as pdfium  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govbudget import read_document, validate  # noqa: E402
from govbudget.cli import main as cli  # noqa: E402
from govbudget.io.pdf import read_pdf  # noqa: E402
from govbudget.tables.layout import characters  # noqa: E402
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


def bare_text(path: Path) -> list[str]:
    """Every page's text, the way pypdfium2 extracts it: the baseline."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _check(path: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli(["check", str(path)])


def bench_pdf(path: Path, repeat: int) -> None:
    bare, texts = _timed(repeat, lambda: bare_text(path))
    pages = len(texts)
    read, placed = _timed(repeat, lambda: read_pdf(path))
    document, disclosure = _timed(repeat, lambda: read_document(path))
    checking, report = _timed(repeat, lambda: validate(disclosure.budget))
    command, status = _timed(repeat, lambda: _check(path))
    tables = disclosure.budget.tables
    rows = sum(len(t.rows) for t in tables)
    cells = sum(len(t.rows) * len(t.columns) for t in tables)
    print(f"{path.name}: {pages} pages, {len(tables)} tables, {rows} rows, {cells} cells")
    on_pages = sum(len("".join(t.split())) for t in texts)
    read_chars = sum(characters(p) for p in placed.pages)
    print(
        f"  characters: {on_pages} on the pages (PDFium, not spaces), {read_chars} read into"
        f" lines, cells and running lines (of them {sum(p.folded for p in placed.pages)} folded:"
        f" leader dots, doubled bold); {len(placed.notes)} reading notes"
    )
    by_rule = Counter(c.rule_id for c in report.checks if c.rule.family == "tables")
    print(f"  checks: {report.summary.text('en')}")
    print(f"  table checks by rule: {dict(sorted(by_rule.items()))}")
    print(f"  seconds per page (median of {repeat}), and as a multiple of the baseline:")
    for name, seconds in (
        ("pypdfium2 text (baseline)", bare),
        ("read_pdf", read),
        ("read_document", document),
        ("validate", checking),
        (f"govbudget check (exit {status})", command),
    ):
        print(
            f"    {name:32} {seconds / pages:.4f} s/page  {seconds:7.3f} s  {seconds / bare:5.1f}×"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("pdf", nargs="*", type=Path, help="more PDFs to measure the same way")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lines = 20
        while True:
            doc = make_final(lines=lines)
            pdf = render_pdf(doc, Path(folder) / "disclosure.pdf")
            pages = len(bare_text(pdf))
            if pages >= args.pages or lines > 2000:
                break
            lines = int(lines * args.pages / pages) + 1
        for path in (pdf, *args.pdf):
            bench_pdf(path, args.repeat)
        xlsx = render_xlsx(doc, Path(folder) / "disclosure.xlsx")
        read_seconds, disclosure = _timed(args.repeat, lambda: read_document(xlsx))
        check_seconds, report = _timed(args.repeat, lambda: validate(disclosure.budget))
        print(f"{xlsx.name}: {len(disclosure.budget.tables)} sheets")
        print(f"  checks: {report.summary.text('en')}")
        print(
            f"  read_document {read_seconds:.3f} s, validate {check_seconds:.3f} s"
            f" (median of {args.repeat})"
        )


if __name__ == "__main__":
    main()
