"""Hypothesis fuzz tests of the readers (issue 14): whatever the input, a result or a
``GovBudgetError`` — never another exception — and what is written reads back the same.

Quick under the ``ci`` profile, long under ``thorough``
(``GOVBUDGET_HYPOTHESIS_PROFILE=thorough``). Inputs mix the text of real documents (budget
words, digits, units, punctuation) with what hostile ones hold: lone surrogates, control
characters, exponents, very long and very deep values, damaged bytes of valid files. The
coverage-guided counterparts are in ``fuzz/``; every crash either finds is an ``@example``
here or a regression test in ``tests/test_hostile.py``.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govbudget import DepartmentBudget, dumps, load, read_narrative
from govbudget.errors import GovBudgetError
from govbudget.figure import StatedPercent
from govbudget.narrative import Extraction
from govbudget.strategies import budgets
from govbudget.tables.recognize import Grid, GridCell, Line, Page, recognize

ROOT = Path(__file__).parent.parent
SEED = (ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json").read_text(encoding="utf-8")
NARRATIVE = (ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt").read_text(
    encoding="utf-8"
)

# The characters of disclosures, and of hostile text.
_WORDS = ["收入总计", "支出", "万元", "元", "%", "比上年", "增加", "减少", "“三公”经费", "（", "）"]
_WORDS += ["。", "，", "；", "：", "\n", "一、", "（一）", "1.", "实有在职人员", "人", "主要原因是"]
_WORDS += ["2025年", "部门预算", "某局", ",", ".", "-", "E", "e", "+", "http://", "〔2024〕", "号"]
_HOSTILE = ["\ud800", "\udfff", "\x00", "\x1b[2J", "\r", "\u202e", "\ufeff", "\u3000", "１２"]
_HOSTILE += ["٣", "𝟏", "\x85", "\u2028"]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(_WORDS + _HOSTILE),
        st.integers(-(10**12), 10**12).map(str),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
        st.text(max_size=8),
    ),
    max_size=60,
).map("".join)

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(["1E+7", "1e-7", "0.0000001", "-0", "1" * 40, "NaN", "1,234.5", "\ud800"]),
    st.decimals(allow_nan=False, allow_infinity=False),
)
KEYS = st.one_of(
    st.sampled_from(
        ["format", "department", "year", "income", "expenditure", "total", "amount", "percent"]
    ),
    st.sampled_from(["value", "word", "children", "code", "name", "precision", "unit"]),
    st.text(max_size=8),
)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=30,
)


def _document(body: dict[str, object]) -> str:
    head = {"format": "govbudget/1", "department": "某局", "year": 2025}
    return _json({**head, **body})


def _refusal(read: Callable[[], object]) -> tuple[object, str | None]:
    """What ``read()`` gives, or the message of the ``GovBudgetError`` it raises."""
    try:
        return read(), None
    except GovBudgetError as error:
        return None, str(error)


def _loads_or_refuses(text: str | bytes) -> None:
    budget, refused = _refusal(lambda: load(text))
    if refused is not None:
        assert "\n" not in refused
        return
    assert isinstance(budget, DepartmentBudget)
    assert load(dumps(budget)) == budget


@given(st.dictionaries(KEYS, JSON_VALUES, max_size=6).map(_document))
@example('{"format": "govbudget/1", "department": "某局", "year": 2025, "year": 2025}')
@example(_document({"\n": None}))  # found by this test: a key with a line break in the pointer
@example(_document({"three_public": {"total": {"amount": "1", "percent": "1E-7"}}}))
@example(_document({"three_public": {"total": {"amount": "1", "percent": 1e-7}}}))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_load_gives_a_budget_or_a_document_error(text: str) -> None:
    _loads_or_refuses(text)


@given(TEXT.map(lambda t: "{" + t))
def test_load_of_any_text_starting_like_json(text: str) -> None:
    _loads_or_refuses(text)


@given(st.binary(max_size=200), st.integers(0, len(SEED) - 1))
def test_load_of_damaged_bytes(noise: bytes, at: int) -> None:
    data = SEED.encode("utf-8")
    _loads_or_refuses(data[:at] + noise + data[at + len(noise) :])


def _no_surrogate_pair(text: str) -> bool:
    # JSON cannot keep a high surrogate before a low one apart from the character they encode.
    return not any(
        "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff" for a, b in itertools.pairwise(text)
    )


#: A number written in exponent form, quoted (amounts, percents) or bare.
_EXPONENT = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?[eE][-+]?\d+")


@given(
    budgets(),
    st.text(min_size=1).filter(_no_surrogate_pair),
    st.decimals(allow_nan=False, allow_infinity=False).filter(
        lambda d: len(d.as_tuple().digits) <= 30 and abs(d.as_tuple().exponent) <= 20  # type: ignore[arg-type]
    ),
)
@example(DepartmentBudget(department="x", year=2025), "\ud800", Decimal("1E-7"))
@example(DepartmentBudget(department="x", year=2025), " ", Decimal(1))  # a blank name: refused
@example(DepartmentBudget(department="x", year=2025), "E-", Decimal(0))  # a name, not a number
def test_every_value_the_model_accepts_reads_back_the_same(
    budget: DepartmentBudget, name: str, percent: Decimal
) -> None:
    try:
        stated = StatedPercent(percent)
    except GovBudgetError:
        return
    try:
        changed = attrs.evolve(budget, department=name)
    except GovBudgetError:  # a name the model refuses (blank: " ") is not one it accepts
        return
    if changed.three_public is not None and changed.three_public.total is not None:
        total = attrs.evolve(changed.three_public.total, percent=stated)
        changed = attrs.evolve(
            changed, three_public=attrs.evolve(changed.three_public, total=total)
        )
    text = dumps(changed)
    text.encode("utf-8")  # always writable
    # No number is written in exponent form (a name may hold "E-": the numbers are looked at).
    assert _EXPONENT.search(text) is None, text
    assert load(text) == changed


@given(TEXT)
@example("实有在职人员14人（" + "一" * 500 + "）")
@example("1" * 500 + "a1\n1")
@example("1" + ",000" * 200 + "0")
@example("\ud800收入总计1万元")
def test_read_narrative_gives_an_extraction_or_a_narrative_error(text: str) -> None:
    extraction, refused = _refusal(lambda: read_narrative(text, source="fuzz.txt"))
    if refused is not None:
        assert refused.startswith("fuzz.txt: ")
        return
    assert isinstance(extraction, Extraction)
    summary = extraction.summary
    assert summary.mapped + summary.context + summary.not_understood == summary.found


@given(st.integers(0, len(NARRATIVE)), TEXT)
def test_read_narrative_of_a_real_text_with_noise(at: int, noise: str) -> None:
    text = NARRATIVE[:at] + noise + NARRATIVE[at:]
    with contextlib.suppress(GovBudgetError):
        read_narrative(text)


CELL_TEXT = st.one_of(
    st.sampled_from(
        ["项目", "合计", "金额", "预算数", "决算数", "201", "20101", "一般公共服务支出"]
    ),
    st.sampled_from(["", "-", "…", "单位：万元", "本表无数据", "5.3%", "1,234.50", "\ud800"]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    TEXT,
)
CELLS = st.builds(GridCell, CELL_TEXT, st.integers(1, 3), st.integers(1, 3)) | st.none()
BLOCKS = st.one_of(
    st.builds(
        Line,
        st.one_of(
            CELL_TEXT, st.sampled_from(["收入支出决算总表", "一般公共预算财政拨款支出决算表"])
        ),
    ),
    st.builds(Grid, st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8)),
)
PAGES = st.lists(
    st.builds(Page, st.integers(1, 50), st.lists(BLOCKS, max_size=6)), min_size=1, max_size=4
)


@given(PAGES)
def test_table_recognition_gives_tables_or_a_document_error(pages: list[Page]) -> None:
    with contextlib.suppress(GovBudgetError):
        recognize(pages, source="fuzz.pdf")


def _workbook() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["收入支出决算总表"])
    sheet.append(["单位：万元"])
    sheet.append(["项目", "决算数"])
    sheet.append(["一般公共预算财政拨款收入", 1.5])
    sheet.merge_cells("A1:B1")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@given(st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_read_workbook_of_damaged_parts(data: st.DataObject) -> None:
    from govbudget.io.excel import read_workbook

    archive = zipfile.ZipFile(io.BytesIO(_workbook()))
    names = archive.namelist()
    target = data.draw(st.sampled_from(names))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            content = archive.read(name)
            if name == target:
                at = data.draw(st.integers(0, len(content)))
                noise = data.draw(
                    st.binary(max_size=40) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))
                )
                content = content[:at] + noise + content[at + data.draw(st.integers(0, 40)) :]
            out.writestr(name, content)
    _, refused = _refusal(lambda: read_workbook(buffer.getvalue(), source="fuzz.xlsx"))
    assert refused is None or refused.startswith("fuzz.xlsx")


@given(st.binary(max_size=300))
@example(b"%PDF-1.7\n")
@example(b"PK\x03\x04")
def test_read_document_of_any_bytes(data: bytes) -> None:
    from govbudget.io.disclosure import read_document

    for name in ("fuzz.pdf", "fuzz.xlsx"):
        with contextlib.suppress(GovBudgetError):
            read_document(data, source=name)


@pytest.mark.parametrize(
    ("target", "seed"),
    [
        ("load", "examples/zengdu-xinfang-2025/budget.json"),
        ("narrative", "examples/zengdu-xinfang-2025/narrative.txt"),
    ],
)
def test_the_atheris_targets_are_guided_by_govbudgets_coverage(
    tmp_path: Path, target: str, seed: str
) -> None:
    """The coverage-guided targets see the readers' code: govbudget imports its readers on
    first use, after a target's ``instrument_imports`` block, and a block nested in it ended
    the instrumenting early; uninstrumented code gives atheris nothing to follow (the targets
    ran at a coverage of 17 and 4 edges, blind)."""
    pytest.importorskip("atheris", reason="atheris (the fuzz extra) is not installed")
    import re
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / Path(seed).name).write_bytes((ROOT / seed).read_bytes())
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / f"fuzz_{target}.py"), str(corpus), "-runs=50"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = [int(n) for n in re.findall(r"INITED cov: (\d+)", result.stderr)]
    assert found, result.stderr[-2000:]
    assert found[0] > 200  # the reader's branches, not only the harness's
