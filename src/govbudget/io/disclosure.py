"""Read a published disclosure — a PDF or an Excel workbook — with its tables and narrative.

:func:`read_document` reads the file's pages (:mod:`govbudget.io.pdf`,
:mod:`govbudget.io.excel`), recognises the standard tables on them
(:func:`govbudget.tables.recognize.recognize`), and reads the text outside the
tables — the narrative (情况说明) — with :func:`govbudget.narrative.read_narrative`,
so that the narrative's figures can be checked against the tables. The result is a
:class:`Disclosure`: the budget with every table and its cells, the narrative
text, and notes on whatever could not be read as it stands.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from attrs import evolve, field, frozen

from govbudget.errors import DocumentError
from govbudget.model import DepartmentBudget, Kind
from govbudget.narrative import Extraction, read_narrative
from govbudget.narrative.identity import unit_from_file_name
from govbudget.page import Note, Page, Pages
from govbudget.table import Table, TableKind
from govbudget.tables.identity import identify
from govbudget.tables.recognize import Recognition, recognize

__all__ = ["Disclosure", "is_disclosure_file", "read_document"]

_PDF: Final = frozenset({".pdf"})
_EXCEL: Final = frozenset({".xlsx", ".xlsm"})
_YEAR: Final = re.compile(r"(20\d{2})")


def _notes(value: tuple[Note, ...] | list[Note]) -> tuple[Note, ...]:
    return tuple(value)


@frozen
class Disclosure:
    """A disclosure as read: the budget (with its tables), the narrative text and notes.

    ``extraction`` is what the narrative reader made of the narrative text:
    every number in it and what became of it (``None`` when there is no text
    outside the tables).
    """

    budget: DepartmentBudget
    narrative: str
    notes: tuple[Note, ...] = field(converter=_notes)
    extraction: Extraction | None = None


def is_disclosure_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a PDF or Excel file, which :func:`read_document` reads.

    >>> is_disclosure_file("2024年部门决算.PDF"), is_disclosure_file("budget.json")
    (True, False)
    """
    return Path(path).suffix.lower() in _PDF | _EXCEL


def _pages(document: str | bytes, source: str) -> Pages:
    suffix = Path(source).suffix.lower()
    if isinstance(document, bytes):
        suffix = ".pdf" if document[:1024].find(b"%PDF-") >= 0 else suffix
        if suffix not in _PDF and document[:2] == b"PK":
            suffix = ".xlsx"
    if suffix in _EXCEL:
        from govbudget.io.excel import read_workbook

        return read_workbook(document, source=source)
    if suffix in _PDF:
        from govbudget.io.pdf import read_pdf

        return read_pdf(document, source=source)
    raise DocumentError(
        "not a PDF (.pdf) or Excel workbook (.xlsx); a JSON document is read with load()",
        source=source,
    )


def _identity(
    pages: Sequence[Page], found: Recognition, source: str
) -> tuple[str | None, int | None, Kind | None]:
    """Department, year and kind: from the cover and titles, else the file name.

    The kind is ``None`` when neither the titles nor the tables tell it.
    """
    named = identify(pages)
    stem = Path(source).stem
    department = named.department or found.department
    if not stem.startswith("<"):
        department = department or unit_from_file_name(stem) or stem
    year = named.year or found.year
    if year is None:
        match = _YEAR.search(stem)
        year = None if match is None else int(match.group(1))
    return department, year, named.kind or found.kind


def _function_lines(tables: Sequence[Table]) -> tuple[tuple[str, str], ...]:
    """The (code, name) of each coded line of the general public table, for the narrative."""
    kinds = (TableKind.FINAL_GENERAL_PUBLIC, TableKind.BUDGET_GENERAL_PUBLIC)
    table = next((t for t in tables if t.kind in kinds), None)
    if table is None:
        return ()
    return tuple((row.code, row.name) for row in table.rows if row.code)


def read_document(
    document: str | os.PathLike[str] | bytes,
    *,
    source: str | None = None,
    department: str | None = None,
    year: int | None = None,
    kind: Kind | None = None,
) -> Disclosure:
    """Read a PDF or Excel disclosure: every standard table with its cells, and the narrative.

    ``document`` is a path, or the file's bytes (then ``source`` names it in
    messages). ``department``, ``year`` and ``kind`` override what the document
    says; where neither they nor the document (nor the file name) say the unit or
    the year, the budget leaves it ``None`` and IDN001 reports it. Errors are :class:`~govbudget.errors.DocumentError` naming the
    file and the page or sheet; a missing optional dependency is a
    :class:`~govbudget.errors.MissingExtra` naming the extra to install.
    """
    if isinstance(document, bytes):
        source = source or "<bytes>"
        read = _pages(document, source)
    else:
        source = source or str(document)
        read = _pages(str(document), source)
    found = recognize(read.pages, source=source)
    found_department, found_year, found_kind = _identity(read.pages, found, source)
    department = department or found_department
    year = year or found_year
    kind = kind or found_kind
    extraction = None
    budget = DepartmentBudget(department=department, year=year, kind=kind or Kind.BUDGET)
    if found.narrative.strip():
        extraction = read_narrative(
            found.narrative,
            source=source,
            department=department,
            year=year,
            kind=kind,
            pages=found.narrative_pages,
            function_lines=_function_lines(found.tables),
        )
        budget = evolve(extraction.budget, kind=kind or extraction.budget.kind)
    budget = evolve(budget, tables=found.tables)
    return Disclosure(budget, found.narrative, (*read.notes, *found.notes), extraction)
