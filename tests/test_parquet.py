"""The Parquet dataset of findings: one row per finding, exact decimal figures read back exactly
by pyarrow and DuckDB, one row per document, parts rolled and written whole, and --parquet."""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from govbudget import load, validate
from govbudget.cli import main
from govbudget.io import parquet
from govbudget.io.parquet import (
    DOCUMENT_COLUMNS,
    FINDING_COLUMNS,
    DatasetError,
    FindingsDataset,
    document_row,
    finding_rows,
)
from govbudget.money import Unit
from govbudget.output.pointer import with_pointers
from govbudget.precision import Precision
from govbudget.rules.base import Scale

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"


def _rows(path: Path, *, checked: bool = False) -> list[dict[str, object]]:
    budget = load(path)
    report = validate(budget)
    if checked:  # as govbudget check does: a JSON document's findings at their JSON Pointer
        report = with_pointers(report, budget, str(path))
    return finding_rows(report, str(path), budget)


def _write(target: Path | str, *paths: Path) -> None:
    with FindingsDataset(str(target)) as dataset:
        for path in paths:
            budget = load(path)
            report = validate(budget)
            status = 0 if report.ok else 1
            dataset.add(
                document_row(str(path), status, report, budget),
                finding_rows(report, str(path), budget),
            )


def _table(target: Path, table: str) -> list[dict[str, object]]:
    read: list[dict[str, object]] = pq.read_table(target / table).to_pylist()
    return read


@pytest.mark.parametrize(
    ("value", "scale", "expected", "exact"),
    [
        (24_100_000, Scale.money(Precision(Unit.WAN, 2)), "24.100000000000", True),
        (5000, Scale.money(Precision(Unit.WAN, 2)), "0.005000000000", True),
        (Fraction(1, 2), Scale.money(Precision(Unit.YUAN, 2)), "0.005000000000", True),
        (-123, Scale.money(Precision(Unit.YUAN, 0)), "-1.230000000000", True),
        (Fraction(-53, 10), Scale.percent(1), "-5.300000000000", True),
        (Fraction(100, 3), Scale.percent(2), "33.333333333333", False),
        (Fraction(2, 3), Scale.percent(2), "0.666666666667", False),
        (14, Scale.count(), "14.000000000000", True),
    ],
)
def test_figures_are_exact_decimals_in_the_finding_unit(
    value: int | Fraction, scale: Scale, expected: str, exact: bool
) -> None:
    assert parquet._decimal(value, scale) == (Decimal(expected), exact)


def test_a_value_too_large_for_the_column_is_null_and_not_exact() -> None:
    assert parquet._decimal(10**40, Scale.count()) == (None, False)


def test_one_row_per_finding_with_the_report_figures() -> None:
    budget = load(FINAL)
    report = validate(budget)
    rows = finding_rows(report, "final.json", budget)
    assert len(rows) == len(report.findings) > 0
    for row, finding in zip(rows, report.findings, strict=True):
        assert set(row) == set(FINDING_COLUMNS)
        assert (row["rule_id"], row["severity"]) == (finding.rule_id, finding.severity.value)
        assert (row["department"], row["year"], row["kind"]) == (
            "示例县文化广电旅游局",
            2024,
            "final",
        )
        shown = finding.figures()
        for name in ("stated", "computed", "gap", "tolerance"):
            text = shown[name]
            if text is None:
                assert row[name] is None
            elif not text.startswith("≈"):  # a terminating value: the same number exactly
                assert row[name] == Decimal(text)
            else:
                assert row["exact"] is False


def test_the_dataset_reads_back_exactly_with_pyarrow(tmp_path: Path) -> None:
    _write(tmp_path / "out", FINAL, SEED)
    findings = _table(tmp_path / "out", "findings")
    assert findings == _rows(FINAL) + _rows(SEED)
    schema = pq.read_schema(next((tmp_path / "out" / "findings").glob("*.parquet")))
    assert schema.field("stated").type == pa.decimal128(38, 12)
    assert schema.field("year").type == pa.int16()
    documents = _table(tmp_path / "out", "documents")
    assert [(d["document"], d["status"], d["kind"]) for d in documents] == [
        (str(FINAL), 1, "final"),
        (str(SEED), 0, "budget"),
    ]
    assert set(documents[0]) == set(DOCUMENT_COLUMNS)
    assert documents[1]["checks"] == len(validate(load(SEED)).checks)


def test_duckdb_reads_the_figures_exactly(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    _write(tmp_path / "out", FINAL)
    glob = str(tmp_path / "out" / "findings" / "*.parquet")
    read = duckdb.sql(
        f"SELECT rule_id, stated, computed, gap, tolerance FROM '{glob}' ORDER BY ALL"
    ).fetchall()
    expected = sorted(
        (r["rule_id"], r["stated"], r["computed"], r["gap"], r["tolerance"]) for r in _rows(FINAL)
    )
    assert read == expected
    assert all(isinstance(value, Decimal) for row in read for value in row[1:] if value)


def test_a_batch_without_findings_still_has_both_tables(tmp_path: Path) -> None:
    with FindingsDataset(str(tmp_path / "out")) as dataset:
        dataset.add(document_row("bad.json", 2, error="bad.json: not valid JSON"))
    assert _table(tmp_path / "out", "findings") == []
    assert _table(tmp_path / "out", "documents")[0]["error"] == "bad.json: not valid JSON"


def _interrupted_after(count: int, target: Path) -> None:
    with FindingsDataset(str(target)) as dataset:
        for i in range(count):
            dataset.add(document_row(f"{i}.json", 2, error="unreadable"))
        raise KeyboardInterrupt


def test_parts_roll_and_only_whole_parts_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "PART_ROWS", 3)
    target = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        _interrupted_after(7, target)
    parts = sorted(p.name for p in (target / "documents").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet"]  # the seventh was dropped
    assert [d["document"] for d in _table(target, "documents")] == [f"{i}.json" for i in range(6)]


def test_a_dataset_is_written_once(tmp_path: Path) -> None:
    _write(tmp_path / "out", SEED)
    with pytest.raises(DatasetError, match=r"findings/ already holds 1 part file\(s\)"):
        FindingsDataset(str(tmp_path / "out"))


def test_a_dataset_at_a_url(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    _write("memory://govbudget-tests/out", FINAL)
    fs = fsspec.filesystem("memory")
    try:
        (part,) = fs.ls("/govbudget-tests/out/findings", detail=False)
        with fs.open(part, "rb") as stream:
            assert pq.read_table(stream).to_pylist() == _rows(FINAL)
    finally:
        fs.rm("/govbudget-tests/out", recursive=True)


def test_check_parquet_writes_every_document(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["check", "--format", "json", "--jobs", "2", "--parquet", str(tmp_path / "out")]
    status = main([*argv, str(FINAL), str(bad), str(SEED)], stdout=out, stderr=err, environ={})
    assert status == 2
    documents = _table(tmp_path / "out", "documents")
    assert [(d["document"], d["status"]) for d in documents] == [
        (str(FINAL), 1),
        (str(bad), 2),
        (str(SEED), 0),
    ]
    assert documents[1]["error"] == err.getvalue().removeprefix("govbudget: ").strip()
    findings = _table(tmp_path / "out", "findings")
    assert findings == _rows(FINAL, checked=True) + _rows(SEED, checked=True)


def test_check_parquet_refuses_a_used_folder_before_checking(tmp_path: Path) -> None:
    _write(tmp_path / "out", SEED)
    out, err = io.StringIO(), io.StringIO()
    status = main(
        ["check", "--parquet", str(tmp_path / "out"), str(SEED)],
        stdout=out,
        stderr=err,
        environ={},
    )
    assert (status, out.getvalue()) == (2, "")
    assert err.getvalue().count("\n") == 1
    assert "already holds 1 part file(s)" in err.getvalue()
