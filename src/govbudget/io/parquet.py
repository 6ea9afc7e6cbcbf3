"""Findings as a Parquet dataset: one row per finding, the figures as exact decimal columns.

A dataset is a folder (local, or an fsspec URL such as ``s3://bucket/run-1``)
with two tables, each a set of ``part-NNNNN.parquet`` files of one schema:

- ``findings/``: one row per finding (every check that is not exact) —
  :data:`FINDING_COLUMNS`;
- ``documents/``: one row per document, read or not — :data:`DOCUMENT_COLUMNS`.

DuckDB, pandas, Polars and Spark read either folder directly::

    SELECT rule_id, count(*) FROM 'out/findings/*.parquet' GROUP BY rule_id;

The figures (``stated``, ``computed``, ``low``, ``high``, ``gap``, ``tolerance``,
``min_gap``) are ``decimal(38, 12)`` in the finding's ``unit`` (万元, 元, % …, as
the report shows them): exact, since every amount is whole fen and every
half-width a terminating decimal. Only a computed ratio can fail to terminate
(a growth of 1/3): it is rounded half-even to 12 places and the row's
``exact`` is false. A part file is written under a temporary name and renamed
when complete (on a local disk), so an interrupted batch leaves only whole
parts; a new part starts every :data:`PART_ROWS` rows.

>>> from govbudget import load, validate
>>> report = validate(load("examples/shiliwenlv-2024-final/budget.json"))
>>> row = finding_rows(report, "final.json")[0]
>>> row["rule_id"], row["unit"], row["stated"], row["computed"], row["exact"]
('SG001', '万元', Decimal('20.380000000000'), Decimal('19.750000000000'), True)
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from govbudget.errors import GovBudgetError, MissingExtra

if TYPE_CHECKING:
    from govbudget.model import DepartmentBudget
    from govbudget.report import Finding, Report
    from govbudget.rules.base import Scale

__all__ = [
    "DOCUMENT_COLUMNS",
    "FIGURE_COLUMNS",
    "FINDING_COLUMNS",
    "PART_ROWS",
    "SCALE",
    "DatasetError",
    "FindingsDataset",
    "document_row",
    "finding_rows",
]

#: Decimal places of the figure columns.
SCALE: Final = 12
#: Digits of the figure columns (Parquet's widest common decimal: DuckDB and Spark read it).
PRECISION: Final = 38
#: The figure columns of a finding, each ``decimal(38, 12)``.
FIGURE_COLUMNS: Final = ("stated", "computed", "low", "high", "gap", "tolerance", "min_gap")
#: Rows per part file, at most (findings or documents).
PART_ROWS: Final = 100_000

#: The columns of ``findings/``, with their meaning.
FINDING_COLUMNS: Final[Mapping[str, str]] = {
    "document": "the document as named on the command line or in the batch (path or URL)",
    "department": "the unit the document is about (null when it does not say)",
    "year": "the budget year (null when the document does not say)",
    "kind": "budget (预算) or final (决算)",
    "rule_id": "the rule (TOT001 …)",
    "family": "the rule's family",
    "severity": "error, warning or info",
    "outcome": "within_rounding or inconsistent",
    "location": "the place as a path (/expenditure/by_economic/302)",
    "location_zh": "the place, in Chinese",
    "location_en": "the place, in English",
    "place": "where the figure was read (narrative.txt:45:1, a.pdf p. 3), when known",
    "unit": "the unit of the figure columns (万元, 元, %, or empty for counts)",
    **{
        name: f"{name.replace('_', ' ')} as a decimal(38, 12) in unit (null when the check has no figures)"
        for name in FIGURE_COLUMNS
    },
    "exact": "every figure column holds the exact value (false: a ratio rounded to 12 places)",
    "method": "how a within-rounding result is explained (rounded, truncated, adjusted …)",
    "diagnosis": "the likely cause's code (unit_slip, part_left_out …), when one is known",
    "formula": "the relation with this place's names",
    "message_zh": "the finding in Chinese",
    "message_en": "the finding in English",
}

#: The columns of ``documents/``, with their meaning.
DOCUMENT_COLUMNS: Final[Mapping[str, str]] = {
    "document": "the document as named on the command line or in the batch (path or URL)",
    "department": "the unit (null when unread or not stated)",
    "year": "the budget year (null when unread or not stated)",
    "kind": "budget or final (null when unread)",
    "status": "the exit status for this document: 0 passed, 1 failed, 2 unreadable, 3 govbudget failed",
    "error": "why the document has no report (statuses 2 and 3)",
    "checks": "checks made (null when unread)",
    "exact": "checks exact",
    "within_rounding": "checks within rounding",
    "inconsistent": "checks inconsistent",
    "errors": "findings with the severity error",
    "warnings": "findings with the severity warning",
    "infos": "findings with the severity info",
}


class DatasetError(GovBudgetError, ValueError):
    """A dataset that cannot be written where asked (a part file already there …)."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra("parquet", "pyarrow", "writing Parquet") from None
    return pyarrow


_COUNTS: Final = (
    "checks",
    "exact",
    "within_rounding",
    "inconsistent",
    "errors",
    "warnings",
    "infos",
)


def _schema(columns: Mapping[str, str], types: Mapping[str, Any]) -> Any:
    pa = _pyarrow()
    return pa.schema(
        [
            pa.field(name, types.get(name, pa.string()), metadata={"doc": doc})
            for name, doc in columns.items()
        ]
    )


def _schemas() -> tuple[Any, Any]:
    """The schemas of ``findings/`` and ``documents/``; every other column is a string."""
    pa = _pyarrow()
    findings = _schema(
        FINDING_COLUMNS,
        {
            "year": pa.int16(),
            "exact": pa.bool_(),
            **dict.fromkeys(FIGURE_COLUMNS, pa.decimal128(PRECISION, SCALE)),
        },
    )
    documents = _schema(
        DOCUMENT_COLUMNS,
        {"year": pa.int16(), "status": pa.int8(), **dict.fromkeys(_COUNTS, pa.int32())},
    )
    return findings, documents


# ---- rows (pure: a worker makes them, the writer only writes) ----------------------


def _decimal(value: int | Fraction, scale: Scale) -> tuple[Decimal | None, bool]:
    """``value`` (fen, or percentage points) in the scale's unit: the decimal, and whether exact."""
    number = Fraction(value)
    if scale.kind == "money" and scale.unit is not None:
        number /= scale.unit.fen
    shifted = number * 10**SCALE
    exact = shifted.denominator == 1
    whole = shifted.numerator if exact else round(shifted)  # round(): half-even, exact
    if abs(whole) >= 10**PRECISION:
        return None, False
    return Decimal(f"{whole}E-{SCALE}"), exact


def _figures(finding: Finding) -> tuple[dict[str, Decimal | None], bool]:
    verdict = finding.verdict
    if verdict is None:
        return dict.fromkeys(FIGURE_COLUMNS), True
    values: dict[str, Decimal | None] = {}
    every = True
    for name in FIGURE_COLUMNS:
        values[name], exact = _decimal(getattr(verdict, name), finding.scale)
        every = every and exact
    return values, every


def finding_rows(
    report: Report, document: str, budget: DepartmentBudget | None = None
) -> list[dict[str, object]]:
    """One row per finding of ``report`` (the non-exact checks), for ``findings/``.

    ``budget`` gives the document's kind (budget or final); without it ``kind`` is null.
    """
    kind = None if budget is None else budget.kind.value
    rows: list[dict[str, object]] = []
    for finding in report.findings:
        figures, exact = _figures(finding)
        method = None if finding.verdict is None else finding.verdict.method
        rows.append(
            {
                "document": document,
                "department": report.department,
                "year": report.year,
                "kind": kind,
                "rule_id": finding.rule_id,
                "family": finding.rule.family,
                "severity": finding.severity.value,
                "outcome": finding.outcome.value,
                "location": finding.location.path,
                "location_zh": finding.location.zh,
                "location_en": finding.location.en,
                "place": finding.location.source,
                "unit": finding.scale.label,
                **figures,
                "exact": exact,
                "method": None if method is None else method.value,
                "diagnosis": None if finding.diagnosis is None else finding.diagnosis.code,
                "formula": finding.observation.formula,
                "message_zh": finding.message_zh,
                "message_en": finding.message_en,
            }
        )
    return rows


def document_row(
    document: str,
    status: int,
    report: Report | None = None,
    budget: DepartmentBudget | None = None,
    error: str | None = None,
) -> dict[str, object]:
    """The row of one document for ``documents/``: its identity, status and counts.

    >>> document_row("a.json", 2, error="a.json: not valid JSON")["checks"] is None
    True
    """
    summary = None if report is None else report.summary
    counts: dict[str, object] = dict.fromkeys(_COUNTS)
    if summary is not None:
        counts = {
            "checks": summary.checks,
            "exact": summary.exact,
            "within_rounding": summary.within_rounding,
            "inconsistent": summary.inconsistent,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        }
    return {
        "document": document,
        "department": None if report is None else report.department,
        "year": None if report is None else report.year,
        "kind": None if budget is None else budget.kind.value,
        "status": status,
        "error": error,
        **counts,
    }


# ---- the writer --------------------------------------------------------------------


class _Part:
    """One table's part files: rows are buffered, written in row groups, parts rolled."""

    def __init__(self, dataset: FindingsDataset, table: str, schema: Any) -> None:
        self.dataset, self.table, self.schema = dataset, table, schema
        self.rows: list[Mapping[str, object]] = []
        self.number = 0
        self.written = 0  # rows in the open part
        self.writer: Any = None
        self.stream: Any = None
        self.final = ""
        self.temporary = ""

    def add(self, rows: Sequence[Mapping[str, object]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= 10_000:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        pa = _pyarrow()
        if self.writer is None:
            self._open()
        batch = pa.Table.from_pylist(self.rows, schema=self.schema)
        self.writer.write_table(batch)
        self.written += len(self.rows)
        self.rows = []

    def _open(self) -> None:
        pa = _pyarrow()
        name = f"part-{self.number:05d}.parquet"
        self.final = self.dataset.path(self.table, name)
        self.temporary = self.dataset.path(self.table, f".{name}.tmp")
        self.stream = self.dataset.open(self.temporary)
        self.writer = pa.parquet.ParquetWriter(self.stream, self.schema, compression="zstd")

    def close(self, *, last: bool = False) -> None:
        """Write what is buffered and finish the open part under its own name.

        The ``last`` close of a table that has no rows at all writes an empty part, so
        that the table is there (with its schema) for a reader that globs its parts.
        """
        if self.rows:
            self.flush()
        if self.writer is None and last and self.number == 0:
            self._open()
        if self.writer is None:
            return
        self.writer.close()
        self.stream.close()
        self.dataset.rename(self.temporary, self.final)
        self.writer = self.stream = None
        self.number += 1
        self.written = 0

    def discard(self) -> None:
        """Drop the open part (an interrupted batch keeps only its whole parts)."""
        self.rows = []
        if self.writer is None:
            return
        try:
            self.writer.close()
            self.stream.close()
        finally:
            self.writer = self.stream = None
            self.dataset.remove(self.temporary)


class FindingsDataset:
    """A Parquet dataset of findings being written: add documents, then close.

    ``target`` is a local folder or an fsspec URL; its ``findings/`` and
    ``documents/`` must not hold part files already (a dataset is written once).
    As a context manager it closes on success and, on an exception, keeps the
    parts already complete and drops the one being written.
    """

    def __init__(self, target: str) -> None:
        from govbudget.io.remote import is_url

        _pyarrow()
        self.target = target
        self._fs: Any = None
        self._root = target
        if is_url(target):
            from govbudget.io.remote import _filesystem

            self._fs, self._root = _filesystem(target)
        for table in ("findings", "documents"):
            self._make_folder(table)
        findings, documents = _schemas()
        self._findings = _Part(self, "findings", findings)
        self._documents = _Part(self, "documents", documents)

    def _make_folder(self, table: str) -> None:
        folder = self.path(table, "")
        try:
            if self._fs is None:
                os.makedirs(folder, exist_ok=True)
                existing = [n for n in os.listdir(folder) if n.endswith(".parquet")]
            else:
                self._fs.makedirs(folder, exist_ok=True)
                existing = [n for n in self._fs.ls(folder, detail=False) if n.endswith(".parquet")]
        except OSError as error:
            raise DatasetError(f"{self.target}: cannot write the dataset here: {error}") from None
        if existing:
            raise DatasetError(
                f"{self.target}: {table}/ already holds {len(existing)} part file(s);"
                " write each dataset to a new folder"
            )

    def path(self, table: str, name: str) -> str:
        """The path of ``name`` in the table's folder (in the dataset's filesystem)."""
        if self._fs is None:
            return str(Path(self._root, table, name)) if name else str(Path(self._root, table))
        return f"{self._root.rstrip('/')}/{table}/{name}".rstrip("/")

    def open(self, path: str) -> Any:
        """A binary stream writing ``path``."""
        return open(path, "wb") if self._fs is None else self._fs.open(path, "wb")

    def rename(self, source: str, target: str) -> None:
        """Give a finished part its name (atomic on a local disk)."""
        if self._fs is None:
            os.replace(source, target)
        else:
            self._fs.mv(source, target)

    def remove(self, path: str) -> None:
        """Remove an unfinished part."""
        if self._fs is None:
            Path(path).unlink(missing_ok=True)
        elif self._fs.exists(path):
            self._fs.rm(path)

    def add(
        self,
        document: Mapping[str, object],
        findings: Sequence[Mapping[str, object]] = (),
    ) -> None:
        """Add one document's row and its findings' rows."""
        self._documents.add([document])
        self._findings.add(findings)
        parts = (self._findings, self._documents)
        if any(part.written + len(part.rows) >= PART_ROWS for part in parts):
            # Roll both tables together, so that parts of one number cover the same documents.
            self._findings.close()
            self._documents.close()

    def close(self) -> None:
        """Write what is buffered and finish the open parts."""
        self._findings.close(last=True)
        self._documents.close(last=True)

    def discard(self) -> None:
        """Drop the parts being written; the complete ones stay."""
        self._findings.discard()
        self._documents.discard()

    def __enter__(self) -> FindingsDataset:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()
