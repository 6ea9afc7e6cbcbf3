"""Inputs built to be expensive to read, each a function of its size: the linearity cases.

Each case makes an input of about ``size`` characters (or lines) and reads it. Reading
must stay linear: doubling the input doubles the time. ``benchmarks/bench_linearity.py``
doubles every case up to the readers' limits and fails on super-linear growth;
``tests/test_linearity.py`` does the same at small sizes within the suite. The first
cases are the quadratic ones found in issue 14 (each took minutes at the 500,000-character
limit before it was fixed); the rest are the worst inputs measured before them.
"""

from __future__ import annotations

import gc
import io
import json
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Final

from attrs import frozen

from govbudget import load
from govbudget.money import parse_decimal
from govbudget.narrative import MAX_CHARS, read_narrative
from govbudget.narrative.text import normalize

__all__ = ["CASES", "Case", "fill", "seconds"]

ROOT: Final = Path(__file__).resolve().parent.parent
SEED: Final = (ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt").read_text(
    encoding="utf-8"
)


def fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


@frozen
class Case:
    """An input family: ``make(size)`` builds it, ``run`` reads it; ``small`` suits the suite."""

    name: str
    make: Callable[[int], object]
    run: Callable[[object], object]
    small: int  # a size where a quadratic reader already costs several times a linear one
    large: int  # the largest size the benchmark doubles to


def _narrative(text: object) -> object:
    assert isinstance(text, str)
    return read_narrative(text)


def _normalize(text: object) -> object:
    assert isinstance(text, str)
    return normalize(text)


def _load(text: object) -> object:
    assert isinstance(text, str)
    return load(text)


def _parse(text: object) -> object:
    assert isinstance(text, str)
    try:
        return parse_decimal(text)
    except ValueError:
        return None


def _narrative_case(name: str, make: Callable[[int], str]) -> Case:
    # Doubled six times, the small size comes within 2% of the limit (some cases add a few
    # characters to the size).
    return Case(name, make, _narrative, 7_700, MAX_CHARS - 1_000)


def _tree_document(lines: int) -> str:
    """A document whose function tree has ``lines`` items (类 → 款 → 项, every sum exact)."""
    tree: dict[str, dict[str, int]] = {}
    for i in range(max(lines, 1)):
        top, group = f"{201 + i // 9801}", i // 99 % 99 + 1
        tree.setdefault(top, {})[f"{top}{group:02}"] = i % 99 + 1
    classes = []
    for code_of_class, groups in tree.items():
        children = [
            {
                "code": code,
                "name": "款",
                "amount": str(count),
                "children": [
                    {"code": f"{code}{k:02}", "name": "项", "amount": "1"}
                    for k in range(1, count + 1)
                ],
            }
            for code, count in groups.items()
        ]
        total = sum(groups.values())
        classes.append(
            {"code": code_of_class, "name": "类", "amount": str(total), "children": children}
        )
    document = {
        "format": "govbudget/1",
        "department": "某局",
        "year": 2025,
        "expenditure": {"total": {"amount": str(max(lines, 1))}, "by_function": classes},
    }
    return json.dumps(document, ensure_ascii=False)


def _merges(count: int) -> bytes:
    """A workbook with ``count`` merged ranges of two cells each, every part measured first."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, count + 1))
    merged = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(1, count + 1))
    sheet = (
        f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData>'
        f'<mergeCells count="{count}">{merged}</mergeCells></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def _inspect_workbook(data: object) -> object:
    from govbudget.io.excel import _inspect

    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _inspect(archive, "bench.xlsx")
    return None


def _streams(count: int) -> bytes:
    """A PDF's bytes with ``count`` small Flate streams, for the inflation check."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 700 Td (2025) Tj ET " * 4)
    one = b"1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\n"
    return b"%PDF-1.7\n" + one * count


def _check_streams(data: object) -> object:
    from govbudget.io._inflate import check_streams

    assert isinstance(data, bytes)
    return check_streams(data, "bench.pdf")


CASES: Final = (
    # The four quadratic readings of issue 14.
    _narrative_case(
        "staff part with a long name", lambda n: "实有在职人员14人（" + "一" * n + "）"
    ),
    _narrative_case("a long number ending a line early", lambda n: "1" * n + "a1\n1"),
    _narrative_case(
        "a reason after every figure", lambda n: fill("收入总计1万元，主要原因是人员增加，", n)
    ),
    _narrative_case("grouped digits", lambda n: "1" + fill(",000", n)),
    _narrative_case("grouped digits, a bad last group", lambda n: "1" + fill(",000", n) + "0"),
    # Their neighbours: reasons without figures, reasons cut at ；, long trailing commas.
    _narrative_case("reasons without figures", lambda n: fill("收入总计主要原因是增加3人，", n)),
    _narrative_case("reasons cut at ；", lambda n: fill("收入总计1万元，主要原因是增加；x；", n)),
    _narrative_case(
        "reasons before a run of commas",
        lambda n: fill("收入总计主要原因是增加，", n // 2) + "，" * (n // 2),
    ),
    _narrative_case(
        "a reason with a long run of blanks",
        lambda n: "收入总计1万元，主要原因是人员" + " " * n + "增加。",
    ),
    _narrative_case(
        "staff parts", lambda n: "实有在职人员14人（" + fill("其中：行政5人，", n) + "）"
    ),
    # The worst inputs measured before issue 14 (benchmarks/bench_narrative.py).
    _narrative_case("seed, repeated", lambda n: fill(SEED, n)),
    _narrative_case("a number on every line", lambda n: fill("1\n", n)),
    _narrative_case("one sentence of figures", lambda n: fill("收入总计1万元（上年", n)),
    _narrative_case("labelled figures", lambda n: fill("“三公”经费1万元，比上年增加1万元。", n)),
    _narrative_case("headings", lambda n: fill("（一）收入预算情况\n1万元\n", n)),
    _narrative_case("parentheses", lambda n: fill("（", n)),
    _narrative_case("digits", lambda n: fill("1234567890", n)),
    _narrative_case("one endless web address", lambda n: "http://" + fill("1/", n)),
    _narrative_case(
        "paired statements",
        lambda n: fill("收、支总计各是1，2万元，各减少1，2万元，各下降1%、2%。", n),
    ),
    _narrative_case(
        "class lines of unknown names",
        lambda n: (
            "五、一般公共预算财政拨款支出决算情况说明\n"
            + fill("某某某某某某某某某某某某某某某某某某某某（类）1万元；", n)
        ),
    ),
    _narrative_case(
        "item lines",
        lambda n: (
            "五、一般公共预算财政拨款支出决算情况说明\n"
            + fill("1、一般公共服务支出（类）人大事务（款）行政运行（项）。年初预算为1万元。\n", n)
        ),
    ),
    # The other readers.
    Case(
        "normalising spaces and line ends",
        lambda n: fill("1 2\n  3\r\n", n),
        _normalize,
        32_000,
        512_000,
    ),
    Case("a document with a long tree", _tree_document, _load, 500, 32_000),
    Case("a workbook of merged ranges (measured)", _merges, _inspect_workbook, 4_000, 256_000),
    Case("a PDF of many compressed streams (measured)", _streams, _check_streams, 4_000, 256_000),
    Case(
        "a number with a bad last group",
        lambda n: "1" + fill(",000", n) + "0",
        _parse,
        64_000,
        1_024_000,
    ),
)


def seconds(case: Case, size: int, repeat: int) -> float:
    """The least CPU time of ``repeat`` reads of ``case`` at ``size``.

    CPU time of this process, not wall-clock: other work on a shared machine then
    slows a read less; the least of several runs is the least disturbed.
    """
    data = case.make(size)
    best = float("inf")  # float-ok: a duration, not money
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        case.run(data)
        best = min(best, time.process_time() - start)
    return best
