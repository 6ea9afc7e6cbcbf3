"""Structured places: the fields, their checks, the short text form and reading it back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.place import InvalidPlace, Place, as_place
from govbudget.rules.base import Location
from govbudget.table import Column, Row, Table

# File and sheet names as users give them: letters, digits, Chinese, dots, dashes, slashes.
_NAME = st.text(
    alphabet=st.sampled_from("abcxyz019._-/收支总表部门预算"), min_size=1, max_size=12
).filter(lambda s: s.strip() == s)
_NUMBER = st.integers(min_value=1, max_value=10_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("narrative.txt:45:3", Place(file="narrative.txt", line=45, char=3)),
        ("narrative.txt:45", Place(file="narrative.txt", line=45)),
        ("dir/a.pdf p. 12", Place(file="dir/a.pdf", page=12)),
        ("a.xlsx sheet 表1", Place(file="a.xlsx", sheet="表1")),
        ("a.xlsx sheet 收支 总表!AB17", Place(file="a.xlsx", sheet="收支 总表", cell="AB17")),
        ("budget.json#/income/total", Place(file="budget.json", pointer="/income/total")),
        ("<stdin>", Place(file="<stdin>")),
        ("C:\\data\\a.txt", Place(file="C:\\data\\a.txt")),
    ],
)
def test_parse_reads_the_forms_readers_write(text: str, expected: Place) -> None:
    assert Place.parse(text) == expected
    assert str(Place.parse(text)) == text


@given(file=_NAME, line=_NUMBER, char=st.none() | _NUMBER)
def test_text_places_round_trip(file: str, line: int, char: int | None) -> None:
    place = Place(file=file, line=line, char=char)
    assert Place.parse(str(place)) == place


@given(file=_NAME, page=_NUMBER)
def test_page_places_round_trip(file: str, page: int) -> None:
    place = Place(file=file, page=page)
    assert Place.parse(str(place)) == place


@given(file=_NAME, sheet=_NAME, row=st.none() | _NUMBER, column=st.integers(0, 25))
def test_sheet_places_round_trip(file: str, sheet: str, row: int | None, column: int) -> None:
    cell = None if row is None else f"{chr(ord('A') + column)}{row}"
    place = Place(file=file, sheet=sheet, cell=cell)
    assert Place.parse(str(place)) == place


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"page": 0}, "page counts from 1, not 0"),
        ({"line": -2}, "line counts from 1, not -2"),
        ({"row": True}, "row counts from 1, not True"),
        ({"cell": "c4"}, "cell 'c4' is not an A1 reference"),
        ({"cell": "C0"}, "cell 'C0' is not an A1 reference"),
        ({"pointer": "income"}, "must be empty or start with /"),
    ],
)
def test_impossible_places_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidPlace, match=message):
        Place(**kwargs)  # type: ignore[arg-type]


def test_to_dict_has_every_key() -> None:
    data = Place(file="a.pdf", page=3, table="部门收支总表", row=2, column=4).to_dict()
    assert data == {
        "file": "a.pdf",
        "page": 3,
        "sheet": None,
        "table": "部门收支总表",
        "row": 2,
        "column": 4,
        "cell": None,
        "pointer": None,
        "line": None,
        "char": None,
    }


def test_location_keeps_its_source_string_for_existing_callers() -> None:
    by_position = Location("/income/total", "收入合计", "total income", "n.txt:3:7")
    by_keyword = Location("/income/total", "收入合计", "total income", source="n.txt:3:7")
    assert by_position == by_keyword
    assert by_position.source == "n.txt:3:7"
    assert by_position.place == Place(file="n.txt", line=3, char=7)
    assert Location("/x", "x", "x").source is None
    assert Location("/x", "x", "x").place is None


def test_location_takes_a_place() -> None:
    place = Place(
        file="a.xlsx", sheet="表2", cell="D9", table="一般公共预算支出表", row=5, column=2
    )
    where = Location("/tables/1/rows/4/values/1", "表2", "table 2", place)
    assert where.place is place
    assert where.source == "a.xlsx sheet 表2!D9"


def test_a_place_without_a_file_has_no_source_text() -> None:
    # An API-made table names no file: the place keeps its table, row and column.
    where = Location("/tables/0", "表", "table", Place(page=2, table="收支总表", row=1))
    assert where.source is None
    assert where.place is not None
    assert where.place.table == "收支总表"


def test_a_table_cell_place() -> None:
    table = Table(
        title="收支总表",
        columns=[Column("金额"), Column("决算数")],
        rows=[Row(name="收入", values=[None, None], page=2)] * 2,
        source="a.xlsx",
        sheet="Sheet1",
    )
    place = table.cell_place(1, 1)
    assert place == Place(file="a.xlsx", sheet="Sheet1", table="收支总表", row=2, column=2)
    assert str(place) == "a.xlsx sheet Sheet1"


def test_as_place() -> None:
    place = Place(file="a")
    assert as_place(place) is place
    assert as_place("a") == place
    assert as_place(None) is None
