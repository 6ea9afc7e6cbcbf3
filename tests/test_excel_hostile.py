"""Excel workbooks built to hurt (issue 14): refused before openpyxl reads them, naming the limit;
and numbers read as the sheet shows them — percent and scaling formats applied, exactly."""

from __future__ import annotations

import io
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from govbudget.errors import DocumentError  # noqa: E402
from govbudget.io import excel  # noqa: E402
from govbudget.io.excel import _shown, read_workbook  # noqa: E402
from govbudget.tables.recognize import Grid  # noqa: E402


def _book(fill: object = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表1"
    sheet["A1"] = "收支总表"
    sheet["A2"] = "项目"
    sheet["B2"] = "金额"
    sheet["A3"] = "合计"
    sheet["B3"] = 1
    sheet.merge_cells("A5:B6")
    if callable(fill):
        fill(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _patched(data: bytes, part: str, old: str, new: str) -> bytes:
    """``data`` with ``old`` replaced by ``new`` in one part of the zip."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                text = content.decode("utf-8")
                assert old in text, text[:500]
                content = text.replace(old, new, 1).encode("utf-8")
            target.writestr(info.filename, content)
    return buffer.getvalue()


def _refused(data: bytes, limit: str) -> str:
    start = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        read_workbook(data, source="bomb.xlsx")
    assert time.monotonic() - start < 30  # refused before the book is built, not after
    message = str(caught.value)
    assert message.startswith("bomb.xlsx: ")
    assert limit in message
    assert "\n" not in message
    return message


def test_one_merged_range_over_the_whole_sheet_is_refused() -> None:
    bomb = _patched(_book(), "xl/worksheets/sheet1.xml", 'ref="A5:B6"', 'ref="A1:XFD1048576"')
    assert len(bomb) < 10_000
    message = _refused(bomb, "MAX_MERGED_CELLS")
    assert "A1:XFD1048576" in message


def test_many_merged_ranges_adding_up_are_refused() -> None:
    many = "".join(f'<mergeCell ref="A{r}:Z{r + 99}"/>' for r in range(1, 100_000, 100))
    bomb = _patched(_book(), "xl/worksheets/sheet1.xml", '<mergeCell ref="A5:B6" />', many)
    _refused(bomb, "MAX_MERGED_CELLS")


def test_a_sheet_spanning_more_than_the_cell_limit_is_refused_before_it_is_read() -> None:
    far = '<c r="XFD1048576"><v>1</v></c>'
    bomb = _patched(
        _book(), "xl/worksheets/sheet1.xml", "</row></sheetData>", f"{far}</row></sheetData>"
    )
    _refused(bomb, "MAX_CELLS")


def test_more_cells_than_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "MAX_CELLS", 50)

    def fill(sheet: object) -> None:
        for r in range(10, 20):
            for c in range(1, 8):
                sheet.cell(r, c, r * c)  # type: ignore[attr-defined]

    _refused(_book(fill), "MAX_CELLS")


def test_a_shared_string_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "MAX_SHARED_STRINGS", 1_000)
    strings = "".join(f"<si><t>{i}</t></si>" for i in range(1_001))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    part = f'<?xml version="1.0"?><sst xmlns="{main}" count="1001">{strings}</sst>'
    buffer = io.BytesIO(_book())
    with zipfile.ZipFile(buffer, "a") as archive:  # under any name: parts are found by links
        archive.writestr("xl/strings-elsewhere.xml", part)
    _refused(buffer.getvalue(), "MAX_SHARED_STRINGS")


def test_parts_that_inflate_past_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "MAX_INFLATED_BYTES", 1_000_000)
    padding = "<!-- " + "0 " * 600_000 + " -->"
    bomb = _patched(_book(), "xl/worksheets/sheet1.xml", "<sheetData>", padding + "<sheetData>")
    assert len(bomb) < 60_000  # a few KB compress to a megabyte
    _refused(bomb, "MAX_INFLATED_BYTES")


def test_a_damaged_part_is_one_clear_error() -> None:
    broken = _patched(_book(), "xl/worksheets/sheet1.xml", "</sheetData>", "</sheetDta>")
    message = _refused(broken, "damaged")
    assert "sheet1.xml" in message


def test_what_openpyxl_warns_of_is_a_note_not_noise(recwarn: pytest.WarningsRecorder) -> None:
    warned = _patched(
        _book(),
        "xl/worksheets/sheet1.xml",
        "</worksheet>",
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"/></extLst></worksheet>',
    )
    pages = read_workbook(warned, source="warned.xlsx")
    assert not [w for w in recwarn if "openpyxl" in str(w.filename)]
    assert any("读取文件的程序提示" in note.zh for note in pages.notes), pages.notes


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (Decimal("0.053"), "0.0%", "5.3%"),
        (Decimal("0.05349"), "0.00%", "5.35%"),
        (Decimal("0.5"), "0%", "50%"),
        (Decimal("12345678"), "0.00,,", "12.35"),
        (Decimal("1234567"), "#,##0,", "1235"),
        (Decimal("1234567"), "0,.0", "1234.6"),
        (Decimal("1234.5"), "#,##0.00", "1234.50"),
        (Decimal("-1234.5"), "#,##0.00_);(#,##0.00)", "-1234.50"),
        (Decimal("0.125"), "0.00", "0.13"),  # half away from zero, as Excel rounds
        (Decimal("-0.125"), "0.00", "-0.13"),
        (Decimal("1.5"), "0.0#", "1.5"),
        (Decimal("1.256"), "0.0#", "1.26"),
        (Decimal("42"), '"¥"#,##0.00', "42.00"),
        (Decimal("42"), '0.00"%"', "42.00"),  # a quoted % is text, not a percent
        (Decimal("5.25"), "General", "5.25"),
        (Decimal("31415.9"), "0.00E+00", "31415.9"),  # other notations: the value as stored
        (Decimal("7"), "@", "7"),
    ],
)
def test_numbers_are_read_as_the_sheet_shows_them(
    value: Decimal, number_format: str, shown: str
) -> None:
    assert _shown(value, number_format) == shown


def test_percent_and_scaled_cells_are_read_as_shown_from_a_workbook(tmp_path: Path) -> None:
    def fill(sheet: object) -> None:
        sheet["B3"] = 0.053  # type: ignore[index]
        sheet["B3"].number_format = "0.0%"  # type: ignore[index]
        sheet["A4"] = "其中"  # type: ignore[index]
        sheet["B4"] = 12345678  # type: ignore[index]
        sheet["B4"].number_format = "0.00,,"  # type: ignore[index]

    pages = read_workbook(_book(fill), source="formats.xlsx")
    texts = [
        cell.text
        for block in pages.pages[0].blocks
        if isinstance(block, Grid)
        for row in block.cells
        for cell in row
        if cell is not None
    ]
    assert "5.3%" in texts  # was "0.1": the format's one decimal, without its percent
    assert "12.35" in texts  # was "12345678"


def test_a_zip_whose_members_point_before_its_start_is_damaged() -> None:
    # Found by fuzz/fuzz_tables.py: zipfile raised ValueError ("negative seek value").
    message = _refused(_book()[300:], "damaged")
    assert "ValueError" in message
