"""The HTML report: one self-contained page per document, and an index for a batch.

A page needs nothing from the network: its style, its charts (inline SVG,
:mod:`govbudget.output.svg`) and the few lines of script of its language
switch are in the file, so it can be mailed, archived or opened offline. At
the top the verdict and the counts; then the charts — expenditure by
function and by economic class, stated beside computed for every
inconsistent relation, the year-on-year changes — and the findings by section
of the document, each with its stated and computed figures, the gap and the
tolerance, linked to its place (the PDF page, the table's row and column, the
cell, the narrative's line). Chinese first, with an English switch: both
languages are in the page, the switch shows one.

>>> from govbudget import load, validate
>>> budget = load("examples/zengdu-xinfang-2025/budget.json")
>>> page = render_html(validate(budget), source="budget.json", budget=budget)
>>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), "http" in page.replace(_SVG_NS, "")
(True, 2, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from html import escape
from typing import Final

from attrs import frozen

from govbudget import __version__
from govbudget.model import DepartmentBudget
from govbudget.output.svg import Bar, bars, number_label
from govbudget.place import Place
from govbudget.render import SECTIONS, sections
from govbudget.report import Finding, Report
from govbudget.rounding import Outcome
from govbudget.rules import Severity
from govbudget.rules.base import OTHER_SECTION_NAMES
from govbudget.table import TableKind
from govbudget.tree import Node
from govbudget.words import OUTCOME_WORDS, SEVERITY_COUNT_WORDS, SEVERITY_WORDS, Language

__all__ = ["IndexEntry", "render_failure", "render_html", "render_index", "report_fragment"]

_SVG_NS: Final = "http://www.w3.org/2000/svg"
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_STYLE: Final = """
:root{color-scheme:light;--err:#b3261e;--warn:#8a5a00;--info:#1b5e8a;--ok:#1e7a34}
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
margin:0 auto;max-width:1100px;padding:1rem 1.5rem;line-height:1.5;color:#1d1d1f}
html:not(.show-en) .en,html.show-en .zh{display:none}
header{border-bottom:2px solid #ddd;margin-bottom:1rem}
h1{font-size:1.4rem;margin:.2rem 0}
.verdict{display:inline-block;padding:.2rem .7rem;border-radius:4px;color:#fff;font-weight:bold}
.verdict.pass{background:var(--ok)}.verdict.fail{background:var(--err)}
.counts{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0;padding:0;list-style:none}
.counts li{background:#f4f4f6;padding:.2rem .6rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sev-error{color:var(--err);font-weight:bold}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
tr:target,li:target{background:#fff6d5}
ol.text{font-size:.85rem;color:#333;white-space:pre-wrap;padding-left:3.5rem}
button#lang{float:right;margin-top:.4rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{max-width:100%;height:auto}
.notes{color:#555;font-size:.9rem}footer{color:#777;font-size:.8rem;margin-top:2rem}
"""

_SCRIPT: Final = """
document.getElementById("lang").addEventListener("click", function () {
  var root = document.documentElement;
  var english = root.classList.toggle("show-en");
  root.lang = english ? "en" : "zh-CN";
});
"""


def _text(value: str) -> str:
    """Text for the page: escaped, and any control character shown as U+FFFD."""
    return escape(_CONTROL.sub("\ufffd", value))


def _both(zh: str, en: str) -> str:
    return f'<span class="zh">{_text(zh)}</span><span class="en">{_text(en)}</span>'


def _page(title: str, body: str, lang: Language) -> str:
    root = ' class="show-en" lang="en"' if lang == "en" else ' lang="zh-CN"'
    return (
        f'<!DOCTYPE html>\n<html{root}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        '<button id="lang" type="button"><span class="zh">English</span>'
        '<span class="en">中文</span></button>\n'
        f"{body}\n<footer>govbudget {escape(__version__)}</footer>\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _place_words(place: Place) -> tuple[str, str]:
    zh: list[str] = []
    en: list[str] = []
    if place.page is not None:
        zh.append(f"第{place.page}页")
        en.append(f"p. {place.page}")
    if place.sheet is not None:
        zh.append(f"工作表“{place.sheet}”")
        en.append(f"sheet {place.sheet}")
    if place.cell is not None:
        zh.append(place.cell)
        en.append(place.cell)
    if place.row is not None:
        zh.append(f"第{place.row}行")
        en.append(f"row {place.row}")
    if place.column is not None:
        zh.append(f"第{place.column}列")
        en.append(f"column {place.column}")
    if place.line is not None:
        char = f"第{place.char}字" if place.char is not None else ""
        zh.append(f"第{place.line}行{char}")
        en.append(f"line {place.line}" + (f", char {place.char}" if place.char else ""))
    if place.pointer is not None:
        zh.append(place.pointer)
        en.append(place.pointer)
    return " ".join(zh), ", ".join(en)


def _link(place: Place | None, href: str | None, lines: bool = False) -> str:
    """The place in words, linked to it: a line of the text shown in the page (``lines``),
    else the document (a PDF at its page) when ``href`` is known."""
    if place is None:
        return ""
    zh, en = _place_words(place)
    words = _both(zh, en) if zh else _text(place.file or "")
    if lines and place.line is not None:
        return f'<a href="#L{place.line}">{words}</a>'
    if href is None:
        return words
    target = href + (f"#page={place.page}" if place.page is not None else "")
    return f'<a href="{escape(target)}">{words}</a>'


def _row(index: int, finding: Finding, href: str | None, lines: bool) -> str:
    figures = finding.figures()
    zh, en = SEVERITY_WORDS[finding.severity]
    cells = [
        f'<td class="sev-{finding.severity.value}">{_both(zh, en)}</td>',
        f"<td><code>{_text(finding.rule_id)}</code></td>",
        f"<td>{_both(finding.location.zh, finding.location.en)}"
        f"<br><small>{_link(finding.location.place, href, lines)}</small></td>",
        *(
            f'<td class="num">{_text(figures[key] or "")}</td>'
            for key in ("stated", "computed", "gap", "tolerance")
        ),
        f"<td>{_text(finding.scale.label)}</td>",
        f"<td>{_both(finding.message('zh'), finding.message('en'))}</td>",
    ]
    return f'<tr id="f-{index}">{"".join(cells)}</tr>'


_HEAD: Final = (
    ("严重程度", "severity"),
    ("规则", "rule"),
    ("位置", "location"),
    ("填报", "stated"),
    ("计算", "computed"),
    ("差额", "gap"),
    ("舍入允许", "tolerance"),
    ("单位", "unit"),
    ("说明", "message"),
)


def _findings(report: Report, href: str | None, lines: bool = False) -> str:
    if not report.findings:
        return f"<p>{_both('未发现问题。', 'No findings.')}</p>"
    numbers = {id(f): i for i, f in enumerate(report.findings, 1)}
    head = "".join(f"<th>{_both(zh, en)}</th>" for zh, en in _HEAD)
    parts = []
    for name, findings in sections(report.findings):
        zh, en = SECTIONS.get(name, OTHER_SECTION_NAMES)
        rows = "".join(_row(numbers[id(f)], f, href, lines) for f in findings)
        parts.append(
            f'<section class="findings" id="s-{escape(name)}"><h3>{_both(zh, en)}</h3>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
        )
    return "".join(parts)


def _counts(report: Report) -> str:
    s = report.summary
    items = (
        ("检查", "checks", s.checks),
        (*OUTCOME_WORDS[Outcome.EXACT], s.exact),
        (*OUTCOME_WORDS[Outcome.WITHIN_ROUNDING], s.within_rounding),
        (*OUTCOME_WORDS[Outcome.INCONSISTENT], s.inconsistent),
        (*SEVERITY_COUNT_WORDS[Severity.ERROR], s.errors),
        (*SEVERITY_COUNT_WORDS[Severity.WARNING], s.warnings),
        (*SEVERITY_COUNT_WORDS[Severity.INFO], s.infos),
    )
    return (
        '<ul class="counts">'
        + "".join(f'<li>{_both(zh, en)} <b class="count">{n}</b></li>' for zh, en, n in items)
        + "</ul>"
    )


def _verdict(ok: bool) -> str:
    if ok:
        return f'<span class="verdict pass">✓ {_both("通过", "passed")}</span>'
    return f'<span class="verdict fail">✗ {_both("有错误", "errors found")}</span>'


# ---- charts -----------------------------------------------------------------


def _in_unit(budget: DepartmentBudget, fen: int) -> Fraction:
    return Fraction(fen, budget.precision.unit.fen)


def _class_bars(budget: DepartmentBudget, roots: Iterable[Node]) -> list[Bar]:
    return [
        Bar(node.label, _in_unit(budget, node.amount.fen))
        for node in roots
        if node.amount is not None
    ]


def _table_class_bars(
    budget: DepartmentBudget, kinds: Sequence[TableKind]
) -> tuple[list[Bar], str]:
    """The 类 rows (three-digit codes) of the first of ``kinds`` among the document's tables,
    each at its side's first column (本年支出合计, 合计, 决算数 …), with the table's unit: the
    classes of a PDF or workbook, whose narrative seldom lists them."""
    from govbudget.tables.query import column_index, find_table

    found = find_table(budget.tables, *kinds)
    if found is None:
        return [], ""
    table = found[1]
    unit = (table.precision or budget.precision).unit
    found_bars = []
    for row in table.rows:
        code = (row.code or "").replace(" ", "")
        if len(code) != 3 or not code.isdigit():
            continue
        column = column_index(table, "", row.side)
        value = None if column is None else row.values[column]
        if value is not None:
            found_bars.append(Bar(row.label, Fraction(value.fen, unit.fen)))
    return found_bars, unit.label


def _yoy_figures(budget: DepartmentBudget) -> Iterable[tuple[str, object]]:
    income, expenditure, three = budget.income, budget.expenditure, budget.three_public
    if income is not None:
        yield "收入合计", income.total
    if expenditure is not None:
        yield "支出合计", expenditure.total
        yield "基本支出", expenditure.basic
        yield "项目支出", expenditure.project
        yield from ((n.label, n) for n in expenditure.by_function)
    yield "机关运行经费", budget.institutional_operation
    if three is not None:
        yield "“三公”经费", three.total


def _yoy_bars(budget: DepartmentBudget) -> list[Bar]:
    found = []
    for label, figure in _yoy_figures(budget):
        amount = getattr(figure, "amount", None)
        prior = getattr(figure, "prior", None)
        if amount is None or prior is None:
            continue
        change = _in_unit(budget, amount.fen - prior.fen)
        note = None
        if prior.fen:
            note = f"{number_label(Fraction(amount.fen - prior.fen, prior.fen) * 100, 1)}%"
        found.append(Bar(label, change, note=note))
    return found


def _inconsistent_charts(report: Report) -> list[str]:
    numbers = {id(f): i for i, f in enumerate(report.findings, 1)}
    groups: dict[str, list[Bar]] = {}
    for finding in report.findings:
        if finding.outcome is not Outcome.INCONSISTENT or finding.verdict is None:
            continue
        exact = finding.exact_figures()
        stated, computed = exact["stated"], exact["computed"]
        assert stated is not None
        label = f"{finding.rule_id} {finding.location.zh}"
        groups.setdefault(finding.scale.label, []).append(
            Bar(label, stated, computed, href=f"#f-{numbers[id(finding)]}")
        )
    return [
        bars(
            rows,
            unit=unit,
            title="不一致：填报与计算 stated vs computed",
            series=("填报 stated", "计算 computed"),
        )
        for unit, rows in groups.items()
    ]


#: The tables of a disclosure whose classes are charted when the narrative gives none.
_TABLE_CHARTS: Final = (
    (
        (TableKind.FINAL_EXPENDITURE, TableKind.BUDGET_EXPENDITURE),
        "支出功能分类 expenditure by function",
    ),
    (
        (TableKind.FINAL_GENERAL_PUBLIC_BASIC, TableKind.BUDGET_GENERAL_PUBLIC_BASIC),
        "基本支出经济分类 basic expenditure by economic class",
    ),
)


def _charts(report: Report, budget: DepartmentBudget | None) -> str:
    charts: list[str] = []
    if budget is not None and budget.expenditure is not None:
        unit = budget.precision.unit.label
        function = _class_bars(budget, budget.expenditure.by_function)
        if function:
            charts.append(bars(function, unit=unit, title="支出功能分类 expenditure by function"))
        economic = _class_bars(budget, budget.expenditure.by_economic)
        if economic:
            charts.append(
                bars(economic, unit=unit, title="支出经济分类 expenditure by economic class")
            )
    if budget is not None and not charts and budget.tables:  # a PDF or a workbook: its tables
        for kinds, title in _TABLE_CHARTS:
            rows, unit = _table_class_bars(budget, kinds)
            if rows:
                charts.append(bars(rows, unit=unit, title=title))
    charts += _inconsistent_charts(report)
    if budget is not None:
        changes = _yoy_bars(budget)
        if changes:
            unit = budget.precision.unit.label
            charts.append(bars(changes, unit=unit, title="比上年增减 change on the prior year"))
    if not charts:
        return ""
    return (
        f'<section id="charts"><h2>{_both("图表", "Charts")}</h2>'
        f'<div class="charts">{"".join(charts)}</div></section>'
    )


# ---- pages ------------------------------------------------------------------


def render_html(
    report: Report,
    *,
    source: str,
    lang: Language = "zh",
    budget: DepartmentBudget | None = None,
    href: str | None = None,
    notes: Sequence[str] = (),
    text: str | None = None,
) -> str:
    """One document's page; ``budget`` adds the charts, ``href`` links places to the document.

    ``href`` is the document's address from where the page will be (a relative
    path); a PDF is opened at the finding's page. ``text``, a narrative's text,
    is shown at the end of the page line by line, and a finding's place links to
    its line there.
    """
    title = report.title(lang)
    notes_html = "".join(f"<li>{_text(n)}</li>" for n in notes)
    body = (
        f"<header><h1>{_both(report.title('zh'), report.title('en'))}</h1>"
        f'<p class="source">{_text(source)}</p>'
        f"{_verdict(report.ok)}{_counts(report)}</header>"
        + (f'<ul class="notes">{notes_html}</ul>' if notes_html else "")
        + _charts(report, budget)
        + f'<section id="findings"><h2>{_both("检查结果", "Findings")}</h2>'
        + _findings(report, href, lines=text is not None)
        + "</section>"
        + ("" if text is None else _lines(text))
    )
    return _page(f"{title} — govbudget", body, lang)


def _lines(text: str) -> str:
    """The narrative, each line anchored (``#L12``) for the findings' links."""
    items = "".join(
        f'<li id="L{n}">{_text(line.rstrip(chr(13))) or "&nbsp;"}</li>'
        for n, line in enumerate(text.split("\n"), 1)
    )
    return (
        f'<section id="text"><h2>{_both("说明原文", "The narrative")}</h2>'
        f'<ol class="text">{items}</ol></section>'
    )


def render_failure(source: str, message: str, lang: Language = "zh") -> str:
    """The page of a document that could not be read or checked."""
    body = (
        f"<header><h1>{_text(source)}</h1>"
        f'<span class="verdict fail">✗ {_both("无法读取", "unreadable")}</span></header>'
        f"<p>{_text(message)}</p>"
    )
    return _page(f"{source} — govbudget", body, lang)


@frozen
class IndexEntry:
    """One document of a batch as its index lists it."""

    source: str
    page: str
    title: str | None
    ok: bool
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    failed: str | None = None


def render_index(entries: Sequence[IndexEntry], *, lang: Language = "zh") -> str:
    """The index of a batch: the totals, then each document with its verdict, counts and page."""
    passed = sum(1 for e in entries if e.ok and e.failed is None)
    unreadable = sum(1 for e in entries if e.failed is not None)
    head = "".join(
        f"<th>{_both(zh, en)}</th>"
        for zh, en in (
            ("文件", "file"),
            ("部门与年度", "department and year"),
            ("结论", "verdict"),
            *SEVERITY_COUNT_WORDS.values(),
        )
    )
    rows = []
    for entry in entries:
        verdict = (
            _both("无法读取", "unreadable")
            if entry.failed is not None
            else (_both("通过", "passed") if entry.ok else _both("有错误", "errors found"))
        )
        css = "sev-info" if entry.ok and entry.failed is None else "sev-error"
        rows.append(
            f'<tr><td><a href="{escape(entry.page)}">{_text(entry.source)}</a></td>'
            f'<td>{_text(entry.title or "")}</td><td class="{css}">{verdict}</td>'
            f'<td class="num">{entry.errors}</td><td class="num">{entry.warnings}</td>'
            f'<td class="num">{entry.infos}</td></tr>'
        )
    summary = _both(
        f"共 {len(entries)} 个文件：{passed} 个通过，{len(entries) - passed - unreadable} 个未通过，"
        f"{unreadable} 个无法读取",
        f"{len(entries)} files: {passed} passed, {len(entries) - passed - unreadable} failed,"
        f" {unreadable} unreadable",
    )
    body = (
        f"<header><h1>govbudget</h1><p>{summary}</p></header>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return _page("govbudget", body, lang)


def report_fragment(report: Report) -> str:
    """The verdict, counts and findings as an HTML fragment (a notebook's view of a report)."""
    style = "<style>.en{display:none}</style>"
    return (
        f'<div class="govbudget-report">{style}<b>{_text(report.title())}</b> '
        f"{_verdict(report.ok)}{_counts(report)}{_findings(report, None)}</div>"
    )
