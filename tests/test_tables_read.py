"""Reading the standard tables from PDF and Excel: the real template and generated disclosures."""

from __future__ import annotations

import builtins
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govbudget
from govbudget import load, validate
from govbudget.errors import DocumentError, MissingExtra
from govbudget.io import dumps
from govbudget.io.disclosure import read_document
from govbudget.model import Kind
from govbudget.money import Unit, wan, yuan
from govbudget.tables import TableKind
from govbudget.tables.query import column_index, row_index
from govbudget.tables.recognize import Line

from .disclosure_factory import Disclosure, make_final, render_pdf, render_xlsx
from .realdata import TEMPLATE_PDF as TEMPLATE
from .realdata import have

NINE = [
    TableKind.FINAL_SUMMARY,
    TableKind.FINAL_INCOME,
    TableKind.FINAL_EXPENDITURE,
    TableKind.FINAL_APPROPRIATION,
    TableKind.FINAL_GENERAL_PUBLIC,
    TableKind.FINAL_GENERAL_PUBLIC_BASIC,
    TableKind.FINAL_THREE_PUBLIC,
    TableKind.FINAL_GOVERNMENT_FUND,
    TableKind.FINAL_STATE_CAPITAL,
]


@pytest.fixture(scope="module")
def template() -> govbudget.Disclosure:
    if not have(TEMPLATE):
        pytest.skip(f"the official template is not at {TEMPLATE} (set GOVBUDGET_SHARED)")
    return read_document(TEMPLATE)


def test_template_has_the_nine_tables_in_order(template: govbudget.Disclosure) -> None:
    budget = template.budget
    assert [t.kind for t in budget.tables] == NINE
    assert (budget.department, budget.year, budget.kind) == ("上海市XX局", 2024, Kind.FINAL)
    assert [t.pages for t in budget.tables] == [
        (5,),
        (6,),
        (7,),
        (8, 9),
        (10,),
        (11,),
        (12,),
        (13,),
        (14,),
    ]
    assert all(t.unit_line == "单位：万元" for t in budget.tables)


def test_template_headers_as_printed(template: govbudget.Disclosure) -> None:
    tables = {t.kind: t for t in template.budget.tables}
    income = tables[TableKind.FINAL_INCOME]
    assert [c.name for c in income.columns] == [
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    assert [(r.code, r.name) for r in income.rows][:3] == [
        (None, "合计"),
        ("205", "教育支出"),
        ("20502", "普通教育"),
    ]
    # a wrapped name cell is one name
    assert any(r.name == "其他文化旅游体育与传媒支出" for r in income.rows)
    summary = tables[TableKind.FINAL_SUMMARY]
    assert [(c.side, c.name) for c in summary.columns] == [("收入", "决算数"), ("支出", "决算数")]
    three = tables[TableKind.FINAL_THREE_PUBLIC]
    assert three.columns[5].name == "公务用车购置及运行维护费/小计/决算数"
    assert three.columns[2].name == "因公出国（境）费/预算数"  # as printed, full-width brackets
    assert len(three.rows) == 1
    basic = tables[TableKind.FINAL_GENERAL_PUBLIC_BASIC]
    assert [c.name for c in basic.columns] == ["决算数"]
    assert {r.code for r in basic.rows} >= {"301", "30101", "302", "30299", "310", "31099"}
    fund = tables[TableKind.FINAL_GOVERNMENT_FUND]
    assert [c.name for c in fund.columns][2:5] == [
        "本年支出/合计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    ]
    assert fund.empty_statement is not None
    assert fund.empty_statement.endswith("故本表无数据。")


def test_template_appropriation_table_continues_over_a_page(
    template: govbudget.Disclosure,
) -> None:
    table = template.budget.tables[3]
    income_rows = [r.name for r in table.rows if r.side == "收入"]
    assert (
        income_rows[-4:]
        == [
            "年初财政拨款结转和结余",
            "一、一般公共预算财政拨款",
            "二、政府性基金预算财政拨款",
            "三、国有资本经营预算财政拨款",
        ]
        or income_rows[-1] == "总计"
    )
    assert {r.page for r in table.rows} == {8, 9}


def test_template_report_names_the_empty_tables_without_statement(
    template: govbudget.Disclosure,
) -> None:
    report = validate(template.budget, select=["tables"])
    assert report.ok
    flagged = {f.location.zh for f in report.findings if f.rule_id == "TAB011"}
    assert "政府性基金预算财政拨款收入支出决算表（第13页）" not in flagged
    assert "收入决算表（第6页）" in flagged
    assert all(f.severity is govbudget.Severity.WARNING for f in report.findings)
    assert "一、收入支出决算总体情况说明" in template.narrative
    assert [n.place for n in template.notes] == [f"{TEMPLATE} p. 4"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Disclosure:
    return make_final(lines=60)


def _read_pdf(doc: Disclosure, tmp_path: Path, **kwargs: Any) -> govbudget.Disclosure:
    return read_document(render_pdf(doc, tmp_path / "d.pdf", **kwargs))


def test_generated_pdf_is_read_whole_and_checks_exact(
    generated: Disclosure, tmp_path: Path
) -> None:
    read = _read_pdf(generated, tmp_path)
    budget = read.budget
    assert [t.kind for t in budget.tables] == NINE
    expenditure = budget.tables[2]
    assert len(expenditure.pages) > 1  # continued over pages, header repeated
    assert len(expenditure.rows) == len(generated.sheet("支出决算表").rows)
    report = validate(budget)
    assert report.findings == ()
    counts = Counter(c.rule_id for c in report.checks)
    assert {f"TAB00{i}" for i in range(1, 10)} <= set(counts)
    # the narrative's 本年收入合计, 一般公共预算财政拨款收入, 本年支出合计, 基本支出, 项目支出, and
    # 收入总计 and 支出总计 ("收入、支出总计 X 万元")
    assert counts["TAB006"] == 7
    assert read.notes == ()
    assert read.extraction is not None


@pytest.mark.usefixtures("cjk_font")
def test_split_code_columns_are_joined(tmp_path: Path) -> None:
    budget = _read_pdf(make_final(lines=7, split_codes=True), tmp_path).budget
    codes = [r.code for r in budget.tables[2].rows if r.code]
    assert codes[:4] == ["201", "20103", "2010301", "2010302"]
    assert validate(budget).findings == ()


def test_a_wrong_cell_is_found_at_its_place(generated: Disclosure, tmp_path: Path) -> None:
    sheet = generated.sheet("支出决算表")
    row = next(i for i, r in enumerate(sheet.rows) if r[0] == "2010302")
    broken = generated.with_cell("支出决算表", row, 3, "999.99")
    report = validate(_read_pdf(broken, tmp_path).budget)
    places = {(f.rule_id, f.location.en.split(", ", 1)[1]) for f in report.findings}
    assert ("TAB002", "row 2010302 一般行政管理事务, column 基本支出") not in places
    assert any(
        f.rule_id == "TAB002"
        and "row 2010302 一般行政管理事务, column 本年支出合计" in f.location.en
        for f in report.findings
    )
    parent = [f for f in report.findings if f.rule_id == "TAB001" and "20103 " in f.location.zh]
    assert parent
    assert parent[0].location.zh.startswith("支出决算表（第")
    assert "基本支出 列" in parent[0].location.zh
    assert parent[0].location.source is not None
    assert parent[0].location.source.startswith(str(tmp_path))
    assert not report.ok


def test_a_missing_table_is_named(generated: Disclosure, tmp_path: Path) -> None:
    report = validate(_read_pdf(generated.without("收入决算表"), tmp_path).budget)
    missing = [f for f in report.findings if f.rule_id == "TAB007"]
    assert [f.message("zh") for f in missing] == ["收入决算表：缺少此表，也未说明无此类资金"]
    assert missing[0].location.en == "收入决算表"
    assert missing[0].severity is govbudget.Severity.ERROR


def test_a_unit_slip_between_tables_is_diagnosed(tmp_path: Path) -> None:
    doc = make_final(lines=5)
    sheets = tuple(
        s if s.title != "支出决算表" else type(s)(s.title, s.header, s.rows, "单位：元")
        for s in doc.sheets
    )
    budget = _read_pdf(type(doc)(doc.department, doc.year, sheets), tmp_path).budget
    assert budget.tables[2].precision is not None
    assert budget.tables[2].precision.unit is Unit.YUAN
    report = validate(budget)
    cross = [f for f in report.findings if f.rule_id == "TAB005"]
    assert cross
    assert cross[0].diagnosis is not None
    assert cross[0].diagnosis.code == "unit_slip"


def test_narrative_figures_against_the_tables(generated: Disclosure, tmp_path: Path) -> None:
    from attrs import evolve

    from govbudget.figure import Figure
    from govbudget.model import Expenditure, Income

    read = _read_pdf(generated, tmp_path).budget
    budget = govbudget.DepartmentBudget(
        department=read.department, year=read.year, kind=Kind.FINAL, tables=read.tables
    )
    summary = budget.tables[0]
    total = summary.rows[row_index(summary, "本年支出合计", "支出") or 0].values[1]
    assert total is not None
    right = evolve(budget, expenditure=Expenditure(total=Figure(amount=total)))
    checks = validate(right, select=["TAB006"]).checks
    assert [c.outcome.value for c in checks] == ["exact"]
    wrong = evolve(
        budget,
        expenditure=Expenditure(total=Figure(amount=total * 10000)),
        income=Income(other=Figure(amount=wan(0))),
    )
    findings = validate(wrong, select=["TAB006"]).findings
    assert [f.diagnosis.code if f.diagnosis else None for f in findings] == ["unit_slip"]
    assert "说明中为" in findings[0].message("zh")


def test_budget_with_tables_round_trips_through_json(generated: Disclosure, tmp_path: Path) -> None:
    budget = _read_pdf(make_final(lines=5), tmp_path).budget
    assert load(dumps(budget)) == budget


def test_excel_workbook_reads_like_the_pdf(generated: Disclosure, tmp_path: Path) -> None:
    doc = make_final(lines=8)
    from_pdf = _read_pdf(doc, tmp_path).budget
    from_xlsx = read_document(render_xlsx(doc, tmp_path / "d.xlsx")).budget
    assert [t.kind for t in from_xlsx.tables] == NINE
    for a, b in zip(from_pdf.tables, from_xlsx.tables, strict=True):
        assert [(r.code, r.name, r.values) for r in a.rows] == [
            (r.code, r.name, r.values) for r in b.rows
        ]
    assert from_xlsx.tables[1].sheet == "收入决算表"
    assert validate(from_xlsx).findings == ()


def test_hidden_sheet_is_named_in_a_note(tmp_path: Path) -> None:
    read = read_document(render_xlsx(make_final(), tmp_path / "h.xlsx", hidden="收入决算表"))
    assert [n.en for n in read.notes] == ["sheet 收入决算表 is hidden; not read"]
    assert TableKind.FINAL_INCOME not in {t.kind for t in read.budget.tables}


def test_formula_without_value_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = render_xlsx(make_final(), tmp_path / "f.xlsx")
    book = load_workbook(path)
    book["支出决算表"]["C5"] = "=SUM(C6:C9)"
    book.save(path)
    with pytest.raises(DocumentError, match=r"f\.xlsx: sheet 支出决算表!C5: .*formula =SUM"):
        read_document(path)


def test_value_merged_across_columns_is_an_error(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = render_xlsx(make_final(), tmp_path / "m.xlsx")
    book = load_workbook(path)
    book["支出决算表"].merge_cells("C6:D6")
    book.save(path)
    with pytest.raises(DocumentError, match="merged across 2 value columns"):
        read_document(path)


def test_values_in_yuan(tmp_path: Path) -> None:
    doc = make_final(lines=5, unit="元")
    budget = _read_pdf(doc, tmp_path).budget
    table = budget.tables[2]
    assert table.unit_line == "单位：元"
    first = table.rows[0].values[column_index(table, "本年支出合计") or 0]
    assert first == yuan(doc.sheet("支出决算表").rows[0][2] or "0")
    # the tables add up; the narrative says 万元 for the same numbers: a unit slip each time
    findings = validate(budget).findings
    assert findings
    assert {f.rule_id for f in findings} == {"TAB006"}
    assert {f.diagnosis.code if f.diagnosis else None for f in findings} == {"unit_slip"}


def test_narrative_figure_differing_from_the_table(generated: Disclosure, tmp_path: Path) -> None:
    from dataclasses import replace

    spending = generated.sheet("收入支出决算总表").rows[-4][3]
    assert spending is not None
    narrative = tuple(
        p.replace(f"本年支出合计{spending}", "本年支出合计1,234.56") for p in generated.narrative
    )
    assert narrative != generated.narrative
    report = validate(_read_pdf(replace(generated, narrative=narrative), tmp_path).budget)
    wrong = [f for f in report.findings if f.rule_id == "TAB006"]
    assert len(wrong) == 1
    assert wrong[0].location.zh.startswith("收入支出决算总表（第2页），本年支出合计 行")
    assert "说明中为 1234.56万元" in wrong[0].message("zh")


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"x\.pdf: not a PDF file"):
        read_document(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = render_pdf(make_final(lines=5), tmp_path / "whole.pdf")
    path = tmp_path / "t.pdf"
    path.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(DocumentError, match=r"t\.pdf: .*(damaged|no pages|text layer)"):
        read_document(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "e.pdf"
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(100, 700, "locked")
    canvas.save()
    with pytest.raises(DocumentError, match=r"e\.pdf: the PDF is encrypted with a password"):
        read_document(path)


def test_scanned_pdf_names_its_pages(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "s.pdf"
    canvas = Canvas(str(path))
    for _ in range(3):
        canvas.drawInlineImage(Image.new("L", (40, 40), 128), 100, 500, 200, 200)
        canvas.showPage()
    canvas.save()
    with pytest.raises(DocumentError, match=r"no text layer on any page \(1-3\)"):
        read_document(path)


def _pdf_with_a_font_not_embedded(shows: list[bytes]) -> bytes:
    """A one-page PDF whose text is in a CJK font it does not embed (Identity-H, with a
    ToUnicode map of CIDs 1–4 to 第 页 共 年), one text string per item of ``shows``."""
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def"
        b" /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange"
        b" 4 beginbfchar <0001> <7B2C> <0002> <9875> <0003> <5171> <0004> <5E74> endbfchar"
        b" endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b" ".join(
        b"BT /F1 12 Tf %d 700 Td %s ET" % (100 + 80 * i, show) for i, show in enumerate(shows)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R"
        b" /DW 1000 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859]"
        b" /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
    ]
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_text_pdfium_cannot_read_is_a_note_naming_the_page() -> None:
    """PDFium reads no text from some strings of a font it cannot find (a lone glyph of a CJK
    font not embedded, on a machine without one to substitute): what it does not read is
    counted in a note, never silently lost."""
    from govbudget.io.pdf import read_pdf

    pieces = {b"<0001> Tj": "第", b"<00020003> Tj": "页共", b"[<0004>] TJ": "年"}
    read = read_pdf(_pdf_with_a_font_not_embedded(list(pieces)), source="f.pdf")
    text = " ".join(b.text for p in read.pages for b in p.blocks if isinstance(b, Line))
    lost = [piece for piece in pieces.values() if piece not in text]
    notes = [n for n in read.notes if "PDFium 读不出" in n.zh]
    if not lost:
        assert notes == []
        return
    (note,) = notes
    assert note.place == "f.pdf p. 1"
    assert f"该页有 {len(lost)} 处文字" in note.zh


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pypdfium2":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    pdf = render_pdf(make_final(lines=5), tmp_path / "d.pdf")
    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingExtra, match=r"needs pypdfium2: pip install 'govbudget\[pdf\]'"):
        read_document(pdf)


def test_other_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    path.write_bytes(b"PK")
    with pytest.raises(DocumentError, match=r"not a PDF \(\.pdf\) or Excel workbook"):
        read_document(path)


def test_cli_checks_a_pdf(
    generated: Disclosure, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govbudget.cli import main

    path = render_pdf(make_final(lines=5).without("收入决算表"), tmp_path / "c.pdf")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "TAB007" in out
    assert "收入决算表" in out
    assert main(["check", "--format", "json", str(path)]) == 1
    reading = json.loads(capsys.readouterr().out)["reading"]
    assert (reading["tables"], reading["notes"], reading["not_understood"]) == (8, [], [])
    assert reading["summary"] == {"found": 10, "mapped": 7, "context": 3, "not_understood": 0}


def test_a_table_printed_without_ruling_lines(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", "", "30.00", "20.00", "10.00"],
        ["201", "一般公共服务支出", "30.00", "20.00", "10.00"],
        ["2010301", "行政运行", "20.00", "20.00", ""],
        ["2010302", "一般行政管理事务", "10.00", "", "10.00"],
    ]
    table = Table(rows)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 9)]))
    path = tmp_path / "2024-unruled.pdf"
    story = [
        Paragraph("一般公共预算财政拨款支出决算表", style),
        Paragraph("单位：万元", style),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    read = read_document(path).budget.tables
    assert [t.kind for t in read] == [TableKind.FINAL_GENERAL_PUBLIC]
    assert [(r.code, r.values[1]) for r in read[0].rows] == [
        (None, wan(20)),
        ("201", wan(20)),
        ("2010301", wan(20)),
        ("2010302", None),
    ]


def test_three_public_budget_column_against_the_narrative(
    generated: Disclosure, tmp_path: Path
) -> None:
    from govbudget.figure import Figure
    from govbudget.model import ThreePublic

    read = _read_pdf(generated, tmp_path).budget
    budget = govbudget.DepartmentBudget(
        department=read.department,
        year=read.year,
        kind=Kind.FINAL,
        tables=read.tables,
        three_public=ThreePublic(
            total=Figure(amount=wan(8), budget_initial=wan(11)),
            reception=Figure(amount=wan("1.42"), budget_initial=wan(4)),
        ),
    )
    checks = validate(budget, select=["TAB006"]).checks
    outcomes = {(c.location.en.split("column ")[1], c.outcome.value) for c in checks}
    assert outcomes == {
        ("合计/决算数", "exact"),
        ("合计/预算数", "exact"),
        ("公务接待费/决算数", "exact"),
        ("公务接待费/预算数", "inconsistent"),
    }
    wrong = validate(budget, select=["TAB006"]).findings
    assert [f.severity for f in wrong] == [govbudget.Severity.WARNING]


def test_narrative_figures_cite_the_page_they_are_printed_on(
    generated: Disclosure, tmp_path: Path
) -> None:
    from govbudget.io.pdf import read_pdf
    from govbudget.tables.recognize import Line

    path = render_pdf(generated, tmp_path / "n.pdf", narrative_first=True)
    pages = read_pdf(path).pages
    printed = next(
        p.number
        for p in pages
        if any(isinstance(b, Line) and "本年支出合计" in b.text for b in p.blocks)
    )
    assert printed == 2  # the narrative follows the cover
    expenditure = read_document(path).budget.expenditure
    assert expenditure is not None
    assert expenditure.total is not None
    assert expenditure.total.source == f"{path} p. {printed}"


def test_excel_findings_cite_the_sheet_and_cell(tmp_path: Path) -> None:
    doc = make_final(lines=5)
    row = next(i for i, r in enumerate(doc.sheet("支出决算表").rows) if r[0] == "2010301")
    path = render_xlsx(doc.with_cell("支出决算表", row, 3, "999.99"), tmp_path / "c.xlsx")
    budget = read_document(path).budget
    table = budget.tables[2]
    assert table.rows[row].cells[1] == f"D{row + 5}"  # title, unit and two header rows above
    findings = [f for f in validate(budget).findings if f.rule_id == "TAB002"]
    assert [f.location.zh for f in findings] == [
        f"支出决算表（工作表“支出决算表”C{row + 5}），2010301 行政运行 行，本年支出合计 列"
    ]
    place = findings[0].location.place
    assert place is not None
    assert (place.sheet, place.cell) == ("支出决算表", f"C{row + 5}")
    assert str(place) == f"{path} sheet 支出决算表!C{row + 5}"


def test_a_table_drawn_in_a_form_xobject_is_found_where_it_is_shown(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    from govbudget.io.pdf import read_pdf
    from govbudget.tables.recognize import Grid

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "form.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(72, 780, "一般公共预算财政拨款支出决算表")
    canvas.beginForm("grid")  # the table drawn once in a form, shown moved and scaled
    for x in (0, 100, 200):
        canvas.line(x, 0, x, 40)
    for y in (0, 20, 40):
        canvas.line(0, y, 200, y)
    canvas.setFont("STSong-Light", 10)
    for x, y, text in ((5, 25, "合计"), (105, 25, "10.00"), (5, 5, "201"), (105, 5, "10.00")):
        canvas.drawString(x, y, text)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(72, 600)
    canvas.scale(1.5, 1.5)
    canvas.doForm("grid")
    canvas.restoreState()
    canvas.save()
    [page] = read_pdf(path).pages
    grids = [b for b in page.blocks if isinstance(b, Grid)]
    assert grids == [Grid.of(["合计", "10.00"], ["201", "10.00"])]
    [table] = read_document(path).budget.tables
    assert table.kind is TableKind.FINAL_GENERAL_PUBLIC


def test_a_document_naming_no_unit_takes_it_from_its_file_name(tmp_path: Path) -> None:
    from dataclasses import replace

    doc = replace(make_final(lines=5), department="")
    named = render_pdf(doc, tmp_path / "上海市某某局2024年度部门决算.pdf")
    assert (read_document(named).budget.department, read_document(named).budget.year) == (
        "上海市某某局",
        2024,
    )
    bracketed = render_pdf(doc, tmp_path / "附件1：2024年度部门决算（某某中心）.pdf")
    assert read_document(bracketed).budget.department == "某某中心"
    plain = render_pdf(doc, tmp_path / "js-report.pdf")
    assert read_document(plain).budget.department == "js-report"  # nothing else to go by


def test_sides_over_unmerged_halves_of_a_summary_table(tmp_path: Path) -> None:
    # 收入 and 支出 written over the first cell of each half, the cell beside it left empty (not
    # merged, as a sheet retyped by hand has it): the halves are the table's two sides.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows: list[list[str | Decimal | None]] = [
        ["某县气象局2025年部门收支总表"],
        ["单位：万元"],
        ["收入", None, "支出", None],
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", Decimal("90.5"), "一、一般公共服务支出", Decimal("10")],
        ["二、事业收入", Decimal("9.5"), "二、气象事务支出", Decimal("92")],
        ["本年收入合计", Decimal("100"), "本年支出合计", Decimal("100")],
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "sides.xlsx"
    book.save(path)
    budget = read_document(path).budget
    (table,) = budget.tables
    assert [(c.name, c.side) for c in table.columns] == [("预算数", "收入"), ("预算数", "支出")]
    assert (budget.department, budget.year) == ("某县气象局", 2025)
    # 10 + 92 is not the 100 stated: the spending side's sum is checked, and fails
    assert [f.rule_id for f in validate(budget).findings if f.rule_id == "TAB003"] == ["TAB003"]
