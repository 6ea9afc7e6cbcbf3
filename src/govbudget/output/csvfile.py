"""CSV: one row per finding, every figure exact in a column of its own.

The columns are ``document`` (the file checked) and the keys of
:meth:`govbudget.report.Report.to_records` (the rule, the severity, the place
with its file, page, sheet, table, row, column, cell, pointer, line and
character, the unit, ``stated`` … ``min_gap`` as exact decimals, the messages).
A document that could not be read is a row with only its ``document`` and
the ``error``. UTF-8, with a header; spreadsheet programs read it with
"Data → From Text/CSV" (Excel: choose UTF-8).

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> text = table([rows(report, source="budget.json")])
>>> rows_read = list(csv.DictReader(io.StringIO(text)))
>>> [(r["rule_id"], r["stated"], r["computed"]) for r in rows_read if r["rule_id"] == "TRE001"]
[('TRE001', '24.1', '24.09')]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from govbudget.report import RECORD_KEYS, Language, Report

__all__ = ["COLUMNS", "failure", "rows", "table"]

#: The columns, in order.
COLUMNS: Final = ("document", *RECORD_KEYS, "error")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def _write(records: Sequence[dict[str, object]], header: bool = False) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for record in records:
        writer.writerow({key: _text(record.get(key)) for key in COLUMNS})
    return out.getvalue()


def rows(report: Report, *, source: str, lang: Language = "zh") -> str:
    """The rows of one document's findings, without the header (a piece for :func:`table`)."""
    return _write([{"document": source, **record} for record in report.to_records()])


def failure(source: str, message: str) -> str:
    """The row of a document that could not be read."""
    return _write([{"document": source, "error": message}])


def table(pieces: Sequence[str]) -> str:
    """The header and every piece's rows."""
    return _write([], header=True) + "".join(pieces)
