"""CSV: one row per finding, every figure exact in a column of its own.

The columns are ``document`` (the file checked) and the keys of
:meth:`govbudget.report.Report.to_records` (the rule, the severity, the place
with its file, page, sheet, table, row, column, cell, pointer, line and
character, the unit, ``stated`` … ``min_gap`` as exact decimals, the messages).
A document that could not be read is a row with only its ``document`` and
the ``error``. UTF-8, with a header; spreadsheet programs read it with
"Data → From Text/CSV" (Excel: choose UTF-8).

Text from a document cannot become a formula: a spreadsheet program runs a cell
that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before
one) as a formula — a file or unit named ``=HYPERLINK(…)`` would be a link, and
worse, on the reader's machine (CSV injection). Such a text cell is written with
an apostrophe before it, which the program shows as text and hides; the exact
figures are numbers govbudget writes itself and are left as they are.

>>> safe_cell("=1+2"), safe_cell("@SUM(A1)"), safe_cell("某局")
("'=1+2", "'@SUM(A1)", '某局')

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

from govbudget.report import RECORD_KEYS, Report
from govbudget.words import Language

__all__ = ["COLUMNS", "failure", "rows", "safe_cell", "table"]

#: The columns, in order.
COLUMNS: Final = ("document", *RECORD_KEYS, "error")


#: What makes a spreadsheet program read a cell as a formula (OWASP's list), in ASCII
#: and in the full-width forms an input method types.
_FORMULA_START: Final = tuple("=+-@\t\r＝＋－＠")


def safe_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet program shows and does not run: with an
    apostrophe before it when it starts like a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):  # a figure govbudget wrote: a number, never a formula
        return f"{value:f}"
    if isinstance(value, int):
        return str(value)
    return safe_cell(str(value))


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
