"""Where a figure was read: a structured place in a file.

A :class:`Place` names the file and, as far as the reader knows them, the PDF
page, the Excel sheet and cell, the table with its row and column, the JSON
Pointer in a JSON document, and the line and character of a text. Every number
counts from 1, as a person counts (page 1, row 1, line 1), except the JSON
Pointer, which is the document's own.

Findings carry one (:attr:`govbudget.rules.base.Location.place`), so that a
report can link each finding to its place: the HTML report to the page and
cell, SARIF to the file, line and column, the CSV to its own columns.

Readers fill it in one of two ways: by building a :class:`Place` and passing
it where a source is asked for (``Location(path, zh, en, Place(...))``), or by
writing a source string in one of the forms :func:`Place.parse` reads, which is
what :class:`~govbudget.figure.Figure` keeps (``Figure.source`` is text):

>>> place = Place.parse("narrative.txt:45:3")
>>> place.file, place.line, place.char
('narrative.txt', 45, 3)
>>> str(Place(file="budget.xlsx", sheet="收支总表", cell="C4"))
'budget.xlsx sheet 收支总表!C4'
>>> Place.parse("budget.pdf p. 3").page
3

``str(place)`` is the short form people read in a text report (the forms above,
as govbudget has always printed them); the table, row and column are not part of
it, since a finding's location already names them in words.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from attrs import field, frozen

from govbudget.errors import GovBudgetError

__all__ = ["InvalidPlace", "Place", "as_place"]


class InvalidPlace(GovBudgetError, ValueError):
    """A place that cannot be: a page 0, a cell that is not an A1 reference …"""


_CELL: Final = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")
_TEXT: Final = (
    re.compile(r"(?s)(.+):([1-9][0-9]*):([1-9][0-9]*)"),
    re.compile(r"(?s)(.+):([1-9][0-9]*)"),
)
_PAGE: Final = re.compile(r"(?s)(.*) p\. ([1-9][0-9]*)")
_SHEET: Final = re.compile(r"(?s)(.*?) sheet (.+?)(?:!([A-Z]{1,3}[1-9][0-9]*))?")
_POINTER: Final = re.compile(r"(?s)(.*?)#(/.*)?")


def _positive(instance: object, attribute: object, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        name = getattr(attribute, "name", "?")
        raise InvalidPlace(f"a place's {name} counts from 1, not {value!r}")


def _cell(instance: object, attribute: object, value: str | None) -> None:
    if value is not None and not _CELL.fullmatch(value):
        raise InvalidPlace(f"cell {value!r} is not an A1 reference like C4")


def _pointer(instance: object, attribute: object, value: str | None) -> None:
    if value is not None and value and not value.startswith("/"):
        raise InvalidPlace(f"JSON Pointer {value!r} must be empty or start with /")


@frozen
class Place:
    """A place in a file; every field is optional, numbers count from 1.

    - ``file``: the file (as the user named it, or ``<stdin>``);
    - ``page``: the PDF page; ``sheet``: the Excel worksheet;
    - ``table``: the table's title as printed; ``row``/``column``: the row
      and the column of that table, as govbudget read it;
    - ``cell``: the spreadsheet cell, an A1 reference (``C4``);
    - ``pointer``: the JSON Pointer of the value in a JSON document;
    - ``line``/``char``: the line of a text and the character on that line.

    >>> Place(file="a.pdf", page=2, table="部门收支总表", row=3, column=2).page
    2
    >>> Place(page=0)
    Traceback (most recent call last):
    ...
    govbudget.place.InvalidPlace: a place's page counts from 1, not 0
    """

    file: str | None = None
    page: int | None = field(default=None, validator=_positive)
    sheet: str | None = None
    table: str | None = None
    row: int | None = field(default=None, validator=_positive)
    column: int | None = field(default=None, validator=_positive)
    cell: str | None = field(default=None, validator=_cell)
    pointer: str | None = field(default=None, validator=_pointer)
    line: int | None = field(default=None, validator=_positive)
    char: int | None = field(default=None, validator=_positive)

    def __str__(self) -> str:
        text = self.file or ""
        if self.line is not None:
            text += f":{self.line}" + (f":{self.char}" if self.char is not None else "")
        if self.page is not None:
            text += f" p. {self.page}"
        if self.sheet is not None:
            text += f" sheet {self.sheet}"
        if self.cell is not None:
            text += f"!{self.cell}" if self.sheet is not None else f" {self.cell}"
        if self.pointer is not None:
            text += f"#{self.pointer}"
        return text.strip()

    @classmethod
    def parse(cls, text: str) -> Place:
        """The place a source string names, in the forms govbudget's readers write.

        ``file:line``, ``file:line:char``, ``file p. N``, ``file sheet NAME`` (with
        ``!C4`` for a cell) and ``file#/json/pointer``; any other text is a file name.

        >>> Place.parse("a.xlsx sheet 表1!B7")
        Place(file='a.xlsx', page=None, sheet='表1', table=None, row=None, column=None, cell='B7', pointer=None, line=None, char=None)
        >>> Place.parse("notes").file
        'notes'
        """
        for pattern in _TEXT:
            found = pattern.fullmatch(text)
            if found:
                groups = found.groups()
                char = int(groups[2]) if len(groups) > 2 else None
                return cls(file=groups[0], line=int(groups[1]), char=char)
        found = _PAGE.fullmatch(text)
        if found:
            return cls(file=found[1] or None, page=int(found[2]))
        found = _SHEET.fullmatch(text)
        if found:
            return cls(file=found[1] or None, sheet=found[2], cell=found[3])
        found = _POINTER.fullmatch(text)
        if found and found[2] is not None:
            return cls(file=found[1] or None, pointer=found[2])
        return cls(file=text)

    def to_dict(self) -> dict[str, str | int | None]:
        """JSON-ready data, every key present (``None`` where unknown).

        >>> Place(file="n.txt", line=4, char=2).to_dict()["line"]
        4
        """
        return {
            "file": self.file,
            "page": self.page,
            "sheet": self.sheet,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "pointer": self.pointer,
            "line": self.line,
            "char": self.char,
        }


def as_place(value: Place | str | None) -> Place | None:
    """``value`` as a place: a :class:`Place` as it is, a source string parsed.

    >>> as_place("narrative.txt:3:1").line
    3
    >>> as_place(None) is None
    True
    """
    if value is None or isinstance(value, Place):
        return value
    return _parse(value)


#: Places are immutable: a source string is parsed once (every check at a figure names it).
_parse: Final = functools.lru_cache(maxsize=4096)(Place.parse)
