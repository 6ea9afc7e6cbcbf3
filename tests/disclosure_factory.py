"""Generated 部门决算 disclosures with all nine standard tables, as PDF and as Excel workbooks.

A :class:`Disclosure` holds each table as header rows and data rows of text, the
way the template prints them, with figures that add up; tests change a cell
(:meth:`Disclosure.with_cell`) to make an error and render the result with
:func:`render_pdf` (reportlab, Chinese CID font STSong-Light) or
:func:`render_xlsx` (openpyxl). Used by the tests and by ``benchmarks/``.

Header cells: ``None`` is covered by the cell to its left, ``"^"`` by the cell above.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

CENT = Decimal("0.01")
Rows = tuple[tuple[str | None, ...], ...]


@dataclass(frozen=True)
class Sheet:
    """One table: title, unit line, header rows, data rows, a statement below."""

    title: str
    header: Rows
    rows: Rows
    unit: str = "单位：万元"
    statement: str | None = None


@dataclass(frozen=True)
class Disclosure:
    """A generated 决算: identity, the nine tables, the narrative paragraphs."""

    department: str
    year: int
    sheets: tuple[Sheet, ...]
    narrative: tuple[str, ...] = field(default=())

    def sheet(self, title: str) -> Sheet:
        return next(s for s in self.sheets if s.title == title)

    def with_cell(self, title: str, row: int, column: int, text: str) -> Disclosure:
        """A copy with one data cell of one table replaced."""
        sheets = []
        for s in self.sheets:
            if s.title == title:
                rows = [list(r) for r in s.rows]
                rows[row][column] = text
                s = replace(s, rows=tuple(tuple(r) for r in rows))
            sheets.append(s)
        return replace(self, sheets=tuple(sheets))

    def without(self, title: str) -> Disclosure:
        return replace(self, sheets=tuple(s for s in self.sheets if s.title != title))


def _m(value: Decimal) -> str:
    return f"{value.quantize(CENT):,.2f}" if value else "0.00"


class Item(NamedTuple):
    """A 项 line of the function classification with its class and 款."""

    klass: str
    kname: str
    section: str
    sname: str
    code: str
    name: str
    basic: Decimal
    project: Decimal


_BASE = (
    ("201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010301", "行政运行"),
    (
        "201",
        "一般公共服务支出",
        "20103",
        "政府办公厅（室）及相关机构事务",
        "2010302",
        "一般行政管理事务",
    ),
    (
        "208",
        "社会保障和就业支出",
        "20805",
        "行政事业单位养老支出",
        "2080505",
        "机关事业单位基本养老保险缴费支出",
    ),
    ("210", "卫生健康支出", "21011", "行政事业单位医疗", "2101101", "行政单位医疗"),
    ("221", "住房保障支出", "22102", "住房改革支出", "2210201", "住房公积金"),
)


def _lines(count: int) -> list[Item]:
    """``count`` distinct 项 lines: the five common ones, then numbered ones under the same 款."""
    out: list[Item] = []
    for i in range(count):
        klass, kname, section, sname, code, name = _BASE[i % len(_BASE)]
        if i >= len(_BASE):
            j = i - len(_BASE)
            block = j // (len(_BASE) * 90)
            if block:
                section = f"{klass}{50 + block % 49:02d}"
                sname = f"{sname}（{block}）"
            code = f"{section}{10 + (j // len(_BASE)) % 90:02d}"
            name = f"{name}（{i}）"
        basic = Decimal(100 + 7 * i) + Decimal(i % 100) / 100
        project = Decimal(20 + 3 * i) if i % 3 else Decimal(0)
        out.append(Item(klass, kname, section, sname, code, name, basic, project))
    unique = {item.code: item for item in out}
    return sorted(unique.values(), key=lambda item: item.code)


def make_final(*, lines: int = 5, split_codes: bool = False, unit: str = "万元") -> Disclosure:
    """A consistent 部门决算 with ``lines`` 项 lines in the function tables."""
    items = _lines(lines)
    classes: dict[str, tuple[str, Decimal, Decimal]] = {}
    sections: dict[str, tuple[str, Decimal, Decimal]] = {}
    for klass, kname, section, sname, _code, _name, line_basic, project in items:
        b, p = classes.get(klass, (kname, Decimal(0), Decimal(0)))[1:]
        classes[klass] = (kname, b + line_basic, p + project)
        b, p = sections.get(section, (sname, Decimal(0), Decimal(0)))[1:]
        sections[section] = (sname, b + line_basic, p + project)
    basic_total = sum((i.basic for i in items), Decimal(0))
    project_total = sum((i.project for i in items), Decimal(0))
    spending = basic_total + project_total
    carried_in = Decimal("35.50")
    income = spending + Decimal("12.25")
    carried_out = income + carried_in - spending

    def coded_rows(
        value_of: Sequence[str], extra: Decimal = Decimal(0)
    ) -> list[tuple[str | None, ...]]:
        """Class, 款 and 项 rows; ``extra`` is added to the totals of the first line and its parents."""
        first = items[0].code
        rows: list[tuple[str | None, ...]] = []
        for klass, (kname, b, p) in classes.items():
            more = extra if first.startswith(klass) else Decimal(0)
            rows.append(_coded(klass, kname, b, p, value_of, split_codes, more))
            for section, (sname, sb, sp) in sections.items():
                if not section.startswith(klass):
                    continue
                more = extra if first.startswith(section) else Decimal(0)
                rows.append(_coded(section, sname, sb, sp, value_of, split_codes, more))
                for item in items:
                    if item.code.startswith(section):
                        more = extra if item.code == first else Decimal(0)
                        rows.append(
                            _coded(
                                item.code,
                                item.name,
                                item.basic,
                                item.project,
                                value_of,
                                split_codes,
                                more,
                            )
                        )
        return rows

    code_head: tuple[tuple[str | None, ...], ...]
    if split_codes:
        code_head = (("科目编码", None, None, "科目名称"), ("类", "款", "项", "^"))
        blank_label: tuple[str | None, ...] = ("合计", None, None, None)
    else:
        code_head = (("功能分类科目编码", "科目名称"),)
        blank_label = ("合计", None)

    def header(values: Sequence[str]) -> Rows:
        top = (("项目",) + (None,) * (len(code_head[0]) - 1)) + tuple(values)
        rest = tuple(row + ("^",) * len(values) for row in code_head)
        return (top, *rest)

    expenditure_cols = [
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ]
    expenditure = Sheet(
        "支出决算表",
        header(expenditure_cols),
        (
            (*blank_label, _m(spending), _m(basic_total), _m(project_total), "", "", ""),
            *coded_rows(("total", "basic", "project", "", "", "")),
        ),
    )
    income_cols = [
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    income_rows = coded_rows(("total", "total", "", "", "", "", ""), income - spending)
    income_sheet = Sheet(
        "收入决算表",
        header(income_cols),
        ((*blank_label, _m(income), _m(income), "", "", "", "", ""), *income_rows),
    )
    general = Sheet(
        "一般公共预算财政拨款支出决算表",
        header(["合计", "基本支出", "项目支出"]),
        (
            *coded_rows(("total", "basic", "project")),
            (*blank_label, _m(spending), _m(basic_total), _m(project_total)),
        ),
    )
    summary = _summary(classes, income, spending, carried_in, carried_out)
    appropriation = _appropriation(classes, income, spending, carried_in, carried_out)
    basic = _basic(basic_total)
    sangong = _three_public()
    fund = Sheet(
        "政府性基金预算财政拨款收入支出决算表",
        (
            ("项目", None, "年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"),
            ("功能分类科目编码", "科目名称", "^", "^", "合计", "基本支出", "项目支出", "^"),
        ),
        (("合计", None, "", "", "", "", "", ""),),
        statement="说明：本年度本单位未取得政府性基金预算财政拨款，也未用此类资金安排支出，故本表无数据。",
    )
    capital = replace(
        fund,
        title="国有资本经营预算财政拨款收入支出决算表",
        statement="说明：本年度本单位未取得国有资本经营预算财政拨款，也未用此类资金安排支出，故本表无数据。",
    )
    sheets: tuple[Sheet, ...] = (
        summary,
        income_sheet,
        expenditure,
        appropriation,
        general,
        basic,
        sangong,
        fund,
        capital,
    )
    if unit != "万元":
        sheets = tuple(replace(s, unit=f"单位：{unit}") for s in sheets)
    narrative = (
        "第三部分 2024年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        f"2024年度收入、支出总计{_m(income + carried_in)}万元。",
        "二、收入决算情况说明",
        f"本年收入合计{_m(income)}万元，其中：一般公共预算财政拨款收入{_m(income)}万元，占100%。",
        "三、支出决算情况说明",
        f"本年支出合计{_m(spending)}万元，其中：基本支出{_m(basic_total)}万元；项目支出{_m(project_total)}万元。",
    )
    return Disclosure("某市某某局", 2024, sheets, narrative)


def _coded(
    code: str,
    name: str,
    basic: Decimal,
    project: Decimal,
    value_of: Sequence[str],
    split: bool,
    extra: Decimal = Decimal(0),
) -> tuple[str | None, ...]:
    values = {"total": basic + project + extra, "basic": basic, "project": project, "": Decimal(0)}
    cells = tuple(_m(values[v]) if v else "" for v in value_of)
    if not split:
        return (code, name, *cells)
    if len(code) == 3:
        parts = (code, "", "")
    elif len(code) == 5:
        parts = ("", code[3:5], "")
    else:
        parts = ("", "", code[5:7])
    return (*parts, name, *cells)


_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _NUMERALS[tens - 1]
    return head + "十" + (_NUMERALS[ones - 1] if ones else "")


_CLASSES = (
    ("201", "一般公共服务支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("221", "住房保障支出"),
    ("229", "其他支出"),
)
_INCOME = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
)


def _summary(
    classes: dict[str, tuple[str, Decimal, Decimal]],
    income: Decimal,
    spending: Decimal,
    carried_in: Decimal,
    carried_out: Decimal,
) -> Sheet:
    left = [
        (f"{_numeral(i + 1)}、{name}", _m(income) if i == 0 else "")
        for i, name in enumerate(_INCOME)
    ]
    right = []
    for i, (code, name) in enumerate(_CLASSES):
        amount = classes.get(code)
        right.append((f"{_numeral(i + 1)}、{name}", _m(amount[1] + amount[2]) if amount else ""))
    height = max(len(left), len(right))
    left += [("", "")] * (height - len(left))
    right += [("", "")] * (height - len(right))
    rows = [(a, b, c, d) for (a, b), (c, d) in zip(left, right, strict=True)]
    rows += [
        ("本年收入合计", _m(income), "本年支出合计", _m(spending)),
        ("使用非财政拨款结余", "", "结余分配", ""),
        ("年初结转和结余", _m(carried_in), "年末结转和结余", _m(carried_out)),
        ("总计", _m(income + carried_in), "总计", _m(spending + carried_out)),
    ]
    return Sheet(
        "收入支出决算总表",
        (("收入", None, "支出", None), ("项目", "决算数", "项目", "决算数")),
        tuple(rows),
    )


def _appropriation(
    classes: dict[str, tuple[str, Decimal, Decimal]],
    income: Decimal,
    spending: Decimal,
    carried_in: Decimal,
    carried_out: Decimal,
) -> Sheet:
    funds = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    left = [(f"{_numeral(i + 1)}、{f}", _m(income) if i == 0 else "") for i, f in enumerate(funds)]
    right = []
    for i, (code, name) in enumerate(_CLASSES):
        amount = classes.get(code)
        text = _m(amount[1] + amount[2]) if amount else ""
        right.append((f"{_numeral(i + 1)}、{name}", text, text, "", ""))
    left += [("", "")] * (len(right) - len(left))
    rows: list[tuple[str | None, ...]] = [(a, b, *r) for (a, b), r in zip(left, right, strict=True)]
    rows += [
        ("本年收入合计", _m(income), "本年支出合计", _m(spending), _m(spending), "", ""),
        (
            "年初财政拨款结转和结余",
            _m(carried_in),
            "年末财政拨款结转和结余",
            _m(carried_out),
            _m(carried_out),
            "",
            "",
        ),
        ("一、一般公共预算财政拨款", _m(carried_in), "", "", "", "", ""),
        ("二、政府性基金预算财政拨款", "", "", "", "", "", ""),
        ("三、国有资本经营预算财政拨款", "", "", "", "", "", ""),
        (
            "总计",
            _m(income + carried_in),
            "总计",
            _m(spending + carried_out),
            _m(spending + carried_out),
            "",
            "",
        ),
    ]
    return Sheet(
        "财政拨款收入支出决算总表",
        (
            ("收入", None, "支出", None, None, None, None),
            (
                "项目",
                "决算数",
                "项目",
                "合计",
                "一般公共预算财政拨款",
                "政府性基金预算财政拨款",
                "国有资本经营预算财政拨款",
            ),
        ),
        tuple(rows),
    )


def _split(total: Decimal, weights: Sequence[int]) -> list[Decimal]:
    parts = [(total * w / sum(weights)).quantize(CENT) for w in weights[:-1]]
    return [*parts, total - sum(parts, Decimal(0))]


def _basic(basic_total: Decimal) -> Sheet:
    personnel, public = _split(basic_total, [75, 25])
    wages, families = _split(personnel, [9, 1])
    goods, capital = _split(public, [9, 1])
    w = _split(wages, [40, 25, 10, 15, 10])
    g = _split(goods, [30, 10, 20, 25, 15])
    left = [
        ("301", "工资福利支出", _m(wages)),
        ("30101", "基本工资", _m(w[0])),
        ("30102", "津贴补贴", _m(w[1])),
        ("30108", "机关事业单位基本养老保险缴费", _m(w[2])),
        ("30113", "住房公积金", _m(w[3])),
        ("30199", "其他工资福利支出", _m(w[4])),
        ("303", "对个人和家庭的补助", _m(families)),
        ("30302", "退休费", _m(families)),
    ]
    right = [
        ("302", "商品和服务支出", _m(goods)),
        ("30201", "办公费", _m(g[0])),
        ("30211", "差旅费", _m(g[1])),
        ("30217", "公务接待费", _m(g[2])),
        ("30231", "公务用车运行维护费", _m(g[3])),
        ("30299", "其他商品和服务支出", _m(g[4])),
        ("310", "资本性支出", _m(capital)),
        ("31002", "办公设备购置", _m(capital)),
    ]
    rows: list[tuple[str | None, ...]] = [(*a, *b) for a, b in zip(left, right, strict=True)]
    rows.append(("人员经费合计", None, _m(personnel), "公用经费合计", None, _m(public)))
    return Sheet(
        "一般公共预算财政拨款基本支出决算表",
        (("经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"),),
        tuple(rows),
    )


def _three_public() -> Sheet:
    budget = {
        "overseas": Decimal("0"),
        "purchase": Decimal("0"),
        "operation": Decimal("8.00"),
        "reception": Decimal("3.00"),
    }
    final = {
        "overseas": Decimal("0"),
        "purchase": Decimal("0"),
        "operation": Decimal("6.58"),
        "reception": Decimal("1.42"),
    }

    def row(values: dict[str, Decimal]) -> list[str]:
        vehicles = values["purchase"] + values["operation"]
        total = values["overseas"] + vehicles + values["reception"]
        return [
            _m(total),
            _m(values["overseas"]),
            _m(vehicles),
            _m(values["purchase"]),
            _m(values["operation"]),
            _m(values["reception"]),
        ]

    b, f = row(budget), row(final)
    data = tuple(x for pair in zip(b, f, strict=True) for x in pair)
    return Sheet(
        "财政拨款“三公”经费支出决算表",
        (
            ("财政拨款“三公”经费",) + (None,) * 11,
            (
                "合计",
                None,
                "因公出国（境）费",
                None,
                "公务用车购置及运行维护费",
                None,
                None,
                None,
                None,
                None,
                "公务接待费",
                None,
            ),
            (
                "^",
                "^",
                "^",
                "^",
                "小计",
                None,
                "公务用车购置费",
                None,
                "公务用车运行维护费",
                None,
                "^",
                "^",
            ),
            ("预算数", "决算数") * 6,
        ),
        (data,),
    )


def _spans(header: Rows, data: Rows) -> list[tuple[int, int, int, int]]:
    """Merged ranges (row0, col0, row1, col1) of header and data rows."""
    grid = [list(r) for r in (*header, *data)]
    spans = []
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None or cell == "^":
                continue
            c1 = c
            while c1 + 1 < len(row) and row[c1 + 1] is None:
                c1 += 1
            r1 = r
            while r1 + 1 < len(grid) and grid[r1 + 1][c] == "^":
                r1 += 1
            if (r1, c1) != (r, c):
                spans.append((r, c, r1, c1))
    return spans


def render_pdf(doc: Disclosure, path: Path, *, narrative_first: bool = False) -> Path:
    """The disclosure as a PDF: each table on its own pages, the header repeated on each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
    title = ParagraphStyle("title", parent=text, fontSize=14, leading=20)
    story: list[object] = [
        Paragraph(doc.department, title),
        Paragraph(f"{doc.year}年度部门决算", title),
        PageBreak(),
    ]
    narrative = [Paragraph(p, text) for p in doc.narrative]
    if narrative_first:
        story += [*narrative, PageBreak()]
    for sheet in doc.sheets:
        cells = [
            ["" if c in (None, "^") else c for c in row] for row in (*sheet.header, *sheet.rows)
        ]
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), "STSong-Light", 8),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        style += [
            ("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in _spans(sheet.header, sheet.rows)
        ]
        table = Table(cells, repeatRows=len(sheet.header))
        table.setStyle(TableStyle(style))
        story += [Paragraph(sheet.title, title), Paragraph(sheet.unit, text), Spacer(1, 4), table]
        if sheet.statement:
            story.append(Paragraph(sheet.statement, text))
        story.append(PageBreak())
    if not narrative_first:
        story += narrative
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)  # type: ignore[arg-type]
    return path


def render_xlsx(doc: Disclosure, path: Path, *, hidden: str | None = None) -> Path:
    """The disclosure as a workbook: one sheet per table, title and unit rows above the grid."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for index, sheet in enumerate(doc.sheets):
        ws = book.create_sheet(sheet.title[:31].replace("“", "").replace("”", ""))
        width = len(sheet.header[0])
        prefix = f"{doc.department}{doc.year}年度" if index == 0 else ""
        ws.cell(1, 1, prefix + sheet.title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(2, width, sheet.unit)
        rows = (*sheet.header, *sheet.rows)
        for r, row in enumerate(rows, start=3):
            for c, value in enumerate(row, start=1):
                if value not in (None, "^", ""):
                    number = value.replace(",", "")
                    try:
                        ws.cell(
                            r, c, Decimal(number) if value[0].isdigit() and "." in value else value
                        )
                    except ArithmeticError:
                        ws.cell(r, c, value)
                    ws.cell(r, c).number_format = "0.00"
        for r0, c0, r1, c1 in _spans(sheet.header, sheet.rows):
            ws.merge_cells(start_row=r0 + 3, start_column=c0 + 1, end_row=r1 + 3, end_column=c1 + 1)
        if sheet.statement:
            ws.cell(3 + len(rows), 1, sheet.statement)
        if hidden == sheet.title:
            ws.sheet_state = "hidden"
    book.save(path)
    return path
