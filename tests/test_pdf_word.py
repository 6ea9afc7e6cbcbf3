"""Reading disclosures made the way Word and WPS write PDFs (tests/word_pdf.py), whole."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

import govbudget
from govbudget import validate
from govbudget.io.disclosure import read_document
from govbudget.io.pdf import read_pdf
from govbudget.model import Kind
from govbudget.money import wan
from govbudget.tables import TableKind
from govbudget.tables.layout import characters
from govbudget.tables.recognize import Line, Page, Pages

from .disclosure_factory import Disclosure, make_final, render_xlsx
from .test_tables_read import NINE
from .word_pdf import Rendered, render_word_pdf

# The test PDFs set Chinese in a CJK font they do not embed (see the fixture).
pytestmark = pytest.mark.usefixtures("cjk_font")

NAME = "上海市示例区规划和自然资源局"


@pytest.fixture(scope="module")
def doc() -> Disclosure:
    return make_final(lines=60)


@pytest.fixture(scope="module")
def word(doc: Disclosure, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    path = tmp_path_factory.mktemp("word") / "2024年部门决算.pdf"
    return render_word_pdf(doc, path, department=NAME, footer="of")


@pytest.fixture(scope="module")
def pages(word: Rendered) -> Pages:
    return read_pdf(word.path)


@pytest.fixture(scope="module")
def read(word: Rendered) -> govbudget.Disclosure:
    return read_document(word.path)


def _lines(page: Page) -> list[str]:
    return [b.text for b in page.blocks if isinstance(b, Line)]


def _narrative_pages(word: Rendered, pages: Pages) -> list[Page]:
    return [p for p in pages.pages if p.number >= word.parts["第三部分"]]


def test_digits_off_the_cjk_baseline_stay_in_their_sentence(
    word: Rendered, pages: Pages, read: govbudget.Disclosure, doc: Disclosure
) -> None:
    narrative = [line for page in _narrative_pages(word, pages) for line in _lines(page)]
    # a baseline tolerance too tight leaves the digits on lines of their own ("2024 1,624.26")
    assert not [line for line in narrative if re.fullmatch(r"[\d.,%（）()\s]+", line)]
    spending = doc.sheet("收入支出决算总表").rows[-4][3]
    assert any(f"本年支出合计{spending}万元" in line for line in narrative)
    budget = read.budget
    assert budget.expenditure is not None
    assert budget.expenditure.total is not None
    assert budget.expenditure.total.amount == wan((spending or "").replace(",", ""))


def test_running_headers_and_page_numbers_are_set_apart(
    word: Rendered, pages: Pages, read: govbudget.Disclosure
) -> None:
    for page in pages.pages[1:]:
        assert page.margins == (word.header, f"第 {page.number} 页 共 {word.pages} 页")
        assert word.header not in _lines(page)
    assert pages.pages[0].margins == ()
    assert "页 共" not in read.narrative
    assert word.header not in read.narrative.splitlines()


def test_a_sentence_broken_by_a_page_end_is_not_broken_by_its_footer(
    word: Rendered, pages: Pages, read: govbudget.Disclosure
) -> None:
    first, second = _narrative_pages(word, pages)[1:3]
    end, start = _lines(first)[-1], _lines(second)[0]
    assert f"{end}\n\n{start}" in read.narrative  # the next page's text follows at once
    assert read.extraction is not None
    # no footer's "第 20 页 共 26 页" among the narrative's numbers
    assert not [n for n in read.extraction.numbers if "页" in n.around]


def test_a_table_continued_over_pages_is_read_once_with_every_row(
    word: Rendered, read: govbudget.Disclosure, doc: Disclosure
) -> None:
    for title in ("收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表"):
        assert len(word.tables[title]) > 1, title
        table = next(t for t in read.budget.tables if t.title == title)
        assert table.pages == word.tables[title]
        printed = [r[0] for r in doc.sheet(title).rows]
        assert [r.code or r.name for r in table.rows] == printed  # no repeated header as a row


def test_merged_header_cells_name_their_columns(read: govbudget.Disclosure) -> None:
    tables = {t.kind: t for t in read.budget.tables}
    income = tables[TableKind.FINAL_INCOME]
    assert [c.name for c in income.columns] == [
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",  # wrapped in its header cell
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    three = tables[TableKind.FINAL_THREE_PUBLIC]
    assert three.columns[5].name == "公务用车购置及运行维护费/小计/决算数"
    fund = tables[TableKind.FINAL_GOVERNMENT_FUND]
    assert [c.name for c in fund.columns][2:5] == [
        "本年支出/合计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    ]


def test_blank_cells_stay_blank(read: govbudget.Disclosure, doc: Disclosure) -> None:
    table = next(t for t in read.budget.tables if t.kind is TableKind.FINAL_EXPENDITURE)
    sheet = doc.sheet("支出决算表")
    for row, printed in zip(table.rows, sheet.rows, strict=True):
        blanks = [v is None for v in row.values]
        assert blanks == [text == "" for text in printed[2:]]


def test_empty_tables_and_their_statements(read: govbudget.Disclosure) -> None:
    tables = {t.kind: t for t in read.budget.tables}
    fund = tables[TableKind.FINAL_GOVERNMENT_FUND]
    assert fund.empty_statement is not None
    assert fund.empty_statement.endswith("故本表无数据。")
    capital = tables[TableKind.FINAL_STATE_CAPITAL]  # a title and its statement, no grid
    assert (capital.rows, capital.columns) == ((), ())
    assert capital.empty_statement is not None
    assert "本表无数据" in capital.empty_statement


def test_a_landscape_table_on_a_turned_portrait_page(
    word: Rendered, read: govbudget.Disclosure, doc: Disclosure
) -> None:
    turned = word.tables["财政拨款收入支出决算总表"]
    assert turned[0] in word.turned
    with pdfium.PdfDocument(str(word.path)) as pdf:
        page = pdf[turned[0] - 1]
        assert (page.get_rotation(), page.get_mediabox()[2:]) == (90, (595.0, 842.0))
    table = next(t for t in read.budget.tables if t.kind is TableKind.FINAL_APPROPRIATION)
    assert [(c.side, c.name) for c in table.columns][:3] == [
        ("收入", "决算数"),
        ("支出", "合计"),
        ("支出", "一般公共预算财政拨款"),
    ]
    sheet = doc.sheet("财政拨款收入支出决算总表")
    assert [r.name for r in table.rows if r.side == "收入" and r.name] == [
        r[0] for r in sheet.rows if r[0]
    ]


def test_the_table_of_contents_is_read_apart(word: Rendered, read: govbudget.Disclosure) -> None:
    from govbudget.tables.recognize import recognize

    found = recognize(read_pdf(word.path).pages, source=str(word.path))
    titles = [title for title, _ in found.contents]
    assert titles[2:4] == ["一、收入支出决算总表", "二、收入决算表"]
    assert dict(found.contents)["三、支出决算表"] == word.tables["支出决算表"][0]
    assert dict(found.contents)["第四部分 名词解释"] == word.parts["第四部分"]
    assert "……" not in read.narrative


def test_identity_from_the_cover_in_large_type(read: govbudget.Disclosure) -> None:
    # the cover wraps the name ("…自然资源" / "局") and spaces the year ("2024 年度部门决算")
    budget = read.budget
    assert (budget.department, budget.year, budget.kind) == (NAME, 2024, Kind.FINAL)


def test_every_character_on_the_pages_is_read(word: Rendered, pages: Pages) -> None:
    with pdfium.PdfDocument(str(word.path)) as pdf:
        on_pages = []
        for index in range(len(pdf)):
            text = pdf[index].get_textpage().get_text_range()
            on_pages.append(len("".join(text.split())))
    assert [characters(p) for p in pages.pages] == on_pages
    # the table of contents' leader dots are read as one "……" per entry: folded, not lost
    leaders = sum(1 for line in _lines(pages.pages[1]) if "……" in line)
    assert pages.pages[1].folded > 20 * leaders > 0
    assert sum(p.folded for p in pages.pages) == pages.pages[1].folded
    assert pages.notes == ()


def test_the_whole_disclosure_reads_like_its_workbook_and_checks_clean(
    read: govbudget.Disclosure, doc: Disclosure, tmp_path: Path
) -> None:
    budget = read.budget
    assert [t.kind for t in budget.tables] == NINE
    workbook = read_document(render_xlsx(doc, tmp_path / "d.xlsx")).budget
    for a, b in zip(budget.tables[:8], workbook.tables[:8], strict=True):
        assert [(r.code, r.name, r.values) for r in a.rows] == [
            (r.code, r.name, r.values) for r in b.rows
        ], a.title
    report = validate(budget)
    assert [f for f in report.findings if f.severity is not govbudget.Severity.INFO] == []
    assert read.notes == ()


def test_a_landscape_table_printed_sideways_on_a_portrait_page(
    word: Rendered, read: govbudget.Disclosure, doc: Disclosure
) -> None:
    [page] = word.tables["一般公共预算财政拨款基本支出决算表"]
    assert page in word.sideways
    with pdfium.PdfDocument(str(word.path)) as pdf:
        assert (pdf[page - 1].get_rotation(), pdf[page - 1].get_mediabox()[2:]) == (
            0,
            (595.0, 842.0),
        )
    table = next(t for t in read.budget.tables if t.kind is TableKind.FINAL_GENERAL_PUBLIC_BASIC)
    assert table.pages == (page,)
    sheet = doc.sheet("一般公共预算财政拨款基本支出决算表")
    assert [r.code for r in table.rows if r.side is None][:3] == [r[0] for r in sheet.rows[:3]]
    assert len(table.rows) == 2 * len(sheet.rows)  # both halves, side by side
