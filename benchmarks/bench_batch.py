"""Benchmark the batch engine: a 2-worker Dask LocalCluster against ``--jobs 2``, and the cost of
one document, for the estimate of 10⁶ PDFs on N workers (docs/batch.md).

Run from the repository root:
    .venv/bin/python benchmarks/bench_batch.py [--documents 2000] [--repeat 3] [--pdf-pages 30]

1. Writes ``--documents`` files into a temporary folder, round-robin: the worked example's
   budget (JSON), the constructed 决算 example (JSON) and the worked example's narrative (.txt).
2. Times ``govbudget check --format json`` over the folder, in-process: serially (``--jobs 1``),
   with ``--jobs 2`` (local pool), with ``--executor dask --jobs 2`` (a LocalCluster started by
   the command: the cold start counts), and on an already running 2-worker LocalCluster
   (``--scheduler``: what a user of a running cluster pays). The runs alternate, ``--repeat``
   times, and the median of each is compared with ``--jobs 2``'s; every output must equal the
   serial run's, byte for byte.
3. Times the API on the running cluster with one document per task and with the default chunks
   (about 50 per task), to show why work goes in chunks.
4. Measures the cost of one document of each kind in this process (median of ``--repeat`` + 2):
   read and check, the way a worker does it — for a PDF, a generated 部门决算 of about
   ``--pdf-pages`` pages with all nine tables (tests/disclosure_factory.py) — and prints the
   estimate of 10⁶ PDFs on N workers from it.
"""

from __future__ import annotations

import argparse
import io
import logging
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govbudget import batch, validate  # noqa: E402
from govbudget.cli import main as cli  # noqa: E402
from govbudget.cli import read_input  # noqa: E402
from tests.disclosure_factory import make_final, render_pdf  # noqa: E402

SOURCES = [
    ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json",
    ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json",
    ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt",
]


def _check(argv: list[str]) -> tuple[float, str]:  # float-ok: seconds
    out = io.StringIO()
    start = time.perf_counter()
    status = cli(["check", "--format", "json", *argv], stdout=out, stderr=io.StringIO(), environ={})
    seconds = time.perf_counter() - start
    if status not in (0, 1):
        raise SystemExit(f"govbudget check {' '.join(argv)} exited with {status}")
    return seconds, out.getvalue()


def _cost(action: Callable[[], object], repeat: int) -> float:  # float-ok: seconds
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pdf(folder: Path, pages: int) -> tuple[Path, int]:
    import pypdfium2  # type: ignore[import-untyped]  # comes with the pdf extra

    lines = 20
    while True:
        path = render_pdf(make_final(lines=lines), folder / "disclosure.pdf")
        printed = len(pypdfium2.PdfDocument(path))
        if printed >= pages or lines > 2000:
            return path, printed
        lines = int(lines * pages / printed) + 1


def _read_and_check(path: Path) -> object:
    return validate(read_input(str(path)).budget)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf-pages", type=int, default=30)
    args = parser.parse_args()
    import distributed

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary, "documents")
        folder.mkdir()
        for i in range(args.documents):
            source = SOURCES[i % len(SOURCES)]
            shutil.copy(source, folder / f"{i:06d}{source.suffix}")
        files = [str(folder)]
        print(f"{args.documents} documents (JSON budget, JSON 决算, narrative text, in turn)")
        serial_seconds, serial = _check(["--jobs", "1", *files])
        print(f"  --jobs 1: {serial_seconds:.2f} s")
        with distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        ) as cluster:
            address = cluster.scheduler_address
            runs: dict[str, list[str]] = {
                "--jobs 2": ["--jobs", "2"],
                "--executor dask --jobs 2 (cold: starts its LocalCluster)": [
                    "--executor",
                    "dask",
                    "--jobs",
                    "2",
                ],
                "--executor dask --scheduler (a running 2-worker LocalCluster)": [
                    "--executor",
                    "dask",
                    "--scheduler",
                    address,
                ],
            }
            times: dict[str, list[float]] = {name: [] for name in runs}  # float-ok: seconds
            for _ in range(args.repeat):
                for name, argv in runs.items():
                    seconds, output = _check([*argv, *files])
                    if output != serial:
                        raise SystemExit(f"{name}: the output differs from the serial run's")
                    times[name].append(seconds)
            baseline = statistics.median(times["--jobs 2"])
            for name, measured in times.items():
                median = statistics.median(measured)
                print(
                    f"  {name}: {median:.2f} s (median of {args.repeat}:"
                    f" {', '.join(f'{t:.2f}' for t in measured)}), {median / baseline:.2f}× --jobs 2"
                )
            print("  every output identical to the serial run's")
            sources = [str(p) for p in sorted(folder.iterdir())]
            for chunk in (1, None):
                start = time.perf_counter()
                for _ in batch.check(sources, executor="dask", scheduler=address, chunk_size=chunk):
                    pass
                label = "1 document per task" if chunk else "default chunks (≤ 50 per task)"
                print(f"  API on the running cluster, {label}: {time.perf_counter() - start:.2f} s")
        pdf, pages = _pdf(Path(temporary), args.pdf_pages)
        repeat = args.repeat + 2
        print(f"cost of one document (read and check, median of {repeat}):")
        per_pdf = 0.0  # float-ok: seconds
        for source in [*SOURCES, pdf]:
            label = f"{source.name} ({pages} pages)" if source == pdf else source.name
            seconds = _cost(lambda s=source: _read_and_check(s), repeat)  # type: ignore[misc]
            print(f"  {label}: {seconds * 1000:.1f} ms")
            per_pdf = seconds  # the last one: the PDF
    print(f"estimate for 10⁶ PDFs like it at {per_pdf:.2f} s each (perfect scaling, no I/O wait):")
    core_hours = 1_000_000 * per_pdf / 3600
    print(f"  {core_hours:,.0f} core-hours")
    for workers in (2, 16, 64, 256, 1024):
        print(f"  {workers:>5} workers: {core_hours / workers:,.1f} h")


if __name__ == "__main__":
    main()
