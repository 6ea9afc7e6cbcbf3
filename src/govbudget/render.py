"""Reports and the rule catalogue for people: terminal text, Markdown and JSON lines.

Built on the public :class:`~govbudget.report.Report` and
:class:`~govbudget.report.Finding` API. Findings are grouped by the section of
the document they are in (收入, 支出, “三公”经费 …), in the document's order,
worst first within a section; each shows its location, its message, and for a
numeric check the stated and computed figures, the gap and the tolerance.

>>> from govbudget import load, validate
>>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
>>> print(render_text(report, lang="en").splitlines()[0])
曾都区信访局 2025
>>> record = json.loads(render_json(report, source="budget.json"))
>>> record["source"], record["ok"], record["summary"]["error"]
('budget.json', True, 0)
"""

from __future__ import annotations

import inspect
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Literal

from govbudget._escaping import json_text, printable
from govbudget.report import Finding, Report
from govbudget.rules.base import FAMILIES, OTHER_SECTION_NAMES, Rule, Severity
from govbudget.rules.base import SECTIONS as _SECTIONS
from govbudget.words import OUTCOME_WORDS, SEVERITY_RANK, SEVERITY_WORDS, Language, pick

__all__ = [
    "SECTIONS",
    "Layout",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "explain",
    "nothing_to_check",
    "render_json",
    "render_markdown",
    "render_text",
    "sections",
]

#: How :func:`render_text` and :func:`render_markdown` group findings: by the document's
#: sections (the CLI's report), or by rule family (the layout of the deprecated
#: :meth:`Report.render <govbudget.report.Report.render>`).
Layout = Literal["sections", "families"]

#: The sections of a disclosure in the order it states them, with their names in
#: Chinese and English (owned by :mod:`govbudget.rules.base`: a finding's section is
#: its :attr:`Location.section <govbudget.rules.base.Location.section>`).
SECTIONS: Final = _SECTIONS

# Styles (rich's names): red, yellow and cyan for the severities; bold, dim, green.
_COLOUR: Final[dict[Severity, str]] = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
_BOLD: Final = "bold"
_DIM: Final = "dim"
_GREEN: Final = "green"

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "stated": ("填报", "stated"),
    "computed": ("计算", "computed"),
    "gap": ("差额", "gap"),
    "tolerance": ("舍入允许", "tolerance"),
    "source": ("来源", "source"),
    "passed": ("通过", "passed"),
    "failed": ("有错误", "errors found"),
    "none": ("未发现问题。", "No findings."),
    "nothing": ("没有可检查的内容", "nothing to check"),
    "severity": ("严重程度", "severity"),
    "rule": ("规则", "rule"),
    "where": ("位置", "location"),
    "message": ("说明", "message"),
    "family": ("类别", "family"),
    "formula": ("公式", "formula"),
    "example": ("示例", "example"),
    "template": ("消息模板", "message template"),
}


def _say(key: str, lang: Language) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - _width(text))


def _body(finding: Finding, lang: Language) -> str:
    """The message without its leading place, which the line above already shows."""
    return finding.message(lang, with_place=False)


def _paint(text: str, style: str, colour: bool) -> str:
    """``text`` in ``style``, its escape codes written by rich (the 16 standard colours)."""
    if not colour:
        return text
    from rich.color import ColorSystem
    from rich.style import Style

    return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)


def section_of(finding: Finding) -> str:
    """The document section a finding is in: its location's
    :attr:`~govbudget.rules.base.Location.section`.

    >>> from govbudget import load, validate
    >>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
    >>> sorted({section_of(f) for f in report.findings})
    ['expenditure', 'three_public']
    """
    return finding.location.section


def sections(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """``findings`` grouped by section, in the document's order, worst first in each."""
    order = {name: i for i, name in enumerate(SECTIONS)}
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.location.section, []).append(finding)
    return [
        (name, sorted(groups[name], key=lambda f: SEVERITY_RANK[f.severity]))
        for name in sorted(groups, key=lambda n: order.get(n, len(order)))
    ]


def _section_name(name: str, lang: Language) -> str:
    return pick(SECTIONS.get(name, OTHER_SECTION_NAMES), lang)


def _figures_line(finding: Finding, lang: Language) -> str | None:
    figures = finding.figures()
    parts = [
        f"{_say(key, lang)} {figures[key]}"
        for key in ("stated", "computed", "gap", "tolerance")
        if figures[key] is not None
    ]
    if not parts:
        return None
    unit = finding.scale.label
    line = " · ".join(parts)
    if unit:
        line += f"（{unit}）" if lang == "zh" else f" ({unit})"
    return line


#: Families whose checks are about the document, not its figures.
_ABOUT_THE_DOCUMENT: Final = frozenset({"identity"})


def nothing_to_check(report: Report) -> bool:
    """Whether no rule checked a figure of the document (its name and year aside).

    A blank PDF, or a document of its name and year only, passes every check it
    gets; saying so would claim more than was looked at.

    >>> from govbudget import DepartmentBudget, validate
    >>> nothing_to_check(validate(DepartmentBudget(department="某局", year=2025)))
    True
    """
    return all(check.rule.family in _ABOUT_THE_DOCUMENT for check in report.checks)


def _verdict(report: Report) -> str:
    if nothing_to_check(report):
        return "nothing"
    return "passed" if report.ok else "failed"


def _status(report: Report, lang: Language, colour: bool) -> str:
    if nothing_to_check(report):  # not a pass
        return _paint(f"⚠ {_say('nothing', lang)}", _COLOUR[Severity.WARNING], colour)
    if report.ok:
        return _paint(f"✓ {_say('passed', lang)}", _GREEN, colour)
    return _paint(f"✗ {_say('failed', lang)}", _COLOUR[Severity.ERROR], colour)


def _title(report: Report, source: str | None, lang: Language) -> str:
    # Names come from the document: escaped, so that they cannot drive the terminal.
    title = printable(report.title(lang))
    return f"{title} — {printable(source)}" if source else title


def render_text(
    report: Report,
    *,
    lang: Language = "zh",
    colour: bool = False,
    source: str | None = None,
    notes: Sequence[str] = (),
    layout: Layout = "sections",
) -> str:
    """The report for a terminal: findings by section, then one summary line.

    ``colour`` adds ANSI colours (the CLI asks for it only when writing to a
    terminal); ``notes`` are lines a reader adds (what it could not read …).
    ``layout="families"`` writes the plain layout of the deprecated
    :meth:`Report.render <govbudget.report.Report.render>` instead: findings by rule
    family, each with its severity and outcome, then the summary (no colour, source
    or notes).

    >>> from govbudget import load, validate
    >>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
    >>> print(render_text(report, lang="en", layout="families").splitlines()[0])
    曾都区信访局 2025 — govbudget report
    """
    if layout == "families":
        _plain_only(colour=colour, source=source, notes=notes)
        return "\n".join(_family_lines(report, lang, markdown=False))
    lines = [_paint(_title(report, source, lang), _BOLD, colour)]
    lines += [f"  {printable(note)}" for note in notes]
    for name, findings in sections(report.findings):
        lines += ["", _paint(_section_name(name, lang), _BOLD, colour)]
        for f in findings:
            label = _pad(pick(SEVERITY_WORDS[f.severity], lang), 7)
            where = printable(f.location.zh if lang == "zh" else f.location.en)
            lines.append(f"  {_paint(label, _COLOUR[f.severity], colour)} {f.rule_id:<7} {where}")
            lines.append(f"          {printable(_body(f, lang))}")
            detail = _figures_line(f, lang)
            if _source_shown(f):
                source_note = f"{_say('source', lang)} {f.location.source}"
                detail = f"{detail} · {source_note}" if detail else source_note
            if detail:
                lines.append("          " + _paint(printable(detail), _DIM, colour))
    if not report.findings:
        lines += ["", _say("none", lang)]
    lines += ["", f"{_status(report, lang, colour)} — {report.summary.text(lang)}"]
    return "\n".join(lines)


def _source_shown(finding: Finding) -> bool:
    """A place worth a line: a text's line, a page, a sheet — not a JSON document's pointer,
    which says again what the location already says."""
    place = finding.location.place
    if finding.location.source is None or place is None:
        return False
    return place.pointer is None or any(
        v is not None for v in (place.line, place.page, place.sheet, place.cell)
    )


def _cell(text: str | None) -> str:
    if text is None:
        return "—"
    return printable(text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " "))


def render_markdown(
    report: Report,
    *,
    lang: Language = "zh",
    source: str | None = None,
    notes: Sequence[str] = (),
    layout: Layout = "sections",
) -> str:
    """The report as Markdown: a heading, the summary, and a table per section.

    ``layout="families"`` writes the Markdown of the deprecated
    :meth:`Report.render <govbudget.report.Report.render>` instead: a list of findings
    per rule family, then the summary (no source or notes).
    """
    if layout == "families":
        _plain_only(colour=False, source=source, notes=notes)
        return "\n".join(_family_lines(report, lang, markdown=True))
    lines = [f"## {printable(report.title(lang))}"]
    if source:
        lines[0] += f" — `{printable(source)}`"
    lines += [
        "",
        f"**{_say(_verdict(report), lang)}** — {report.summary.text(lang)}",
    ]
    lines += [f"- {_cell(note)}" for note in notes]
    header = ["severity", "rule", "where", "stated", "computed", "gap", "tolerance", "message"]
    for name, findings in sections(report.findings):
        lines += ["", f"### {_section_name(name, lang)}", ""]
        lines.append("| " + " | ".join(_say(h, lang) for h in header) + " |")
        lines.append("|" + "---|" * len(header))
        for f in findings:
            figures = f.figures()
            row = [
                pick(SEVERITY_WORDS[f.severity], lang),
                f"`{f.rule_id}`",
                _cell(f.location.zh if lang == "zh" else f.location.en),
                *(_cell(figures[k]) for k in ("stated", "computed", "gap", "tolerance")),
                _cell(_body(f, lang)),
            ]
            lines.append("| " + " | ".join(row) + " |")
    if not report.findings:
        lines += ["", _say("none", lang)]
    return "\n".join(lines)


def _plain_only(*, colour: bool, source: str | None, notes: Sequence[str]) -> None:
    if colour or source is not None or notes:
        raise ValueError('layout="families" takes no colour, source or notes')


def _family_lines(report: Report, lang: Language, *, markdown: bool) -> Iterator[str]:
    """The plain layout: the title, findings by rule family (the catalogue's order of
    findings, worst first), then the summary. Names are written as the document gives them."""
    title = report.title(lang)
    title += " — govbudget 检查报告" if lang == "zh" else " — govbudget report"
    yield f"# {title}" if markdown else title
    yield ""
    families: dict[str, list[Finding]] = {}
    for finding in report.findings:
        families.setdefault(finding.rule.family, []).append(finding)
    for family, findings in families.items():
        name = _family_name(family, lang)
        yield f"## {name}" if markdown else f"[{name}]"
        for f in findings:
            severity = pick(SEVERITY_WORDS[f.severity], lang)
            outcome = pick(OUTCOME_WORDS[f.outcome], lang)
            where = f.location.zh if lang == "zh" else f.location.en
            source = f" ({f.location.source})" if f.location.source else ""
            head = f"{f.rule_id} {severity}/{outcome}"
            if markdown:
                yield f"- **{head}** — {where}{source}: {f.message(lang)}"
            else:
                yield f"  {head}  {where}{source}"
                yield f"      {f.message(lang)}"
        yield ""
    if not report.findings:
        yield _say("none", lang)
        yield ""
    yield report.summary.text(lang)


def report_record(report: Report, *, source: str | None = None) -> dict[str, object]:
    """The JSON record of one document: ``format``, ``source`` and :meth:`Report.to_dict`'s
    keys, each finding with its ``fingerprint`` (see ``govbudget schema --report``)."""
    from govbudget.output.baseline import fingerprint
    from govbudget.output.schema import REPORT_FORMAT

    data = report.to_dict()
    records = data["findings"]
    assert isinstance(records, list)
    for finding, record in zip(report.findings, records, strict=True):
        record["fingerprint"] = fingerprint(report, finding, source)
    return {"format": REPORT_FORMAT, "source": source, **data}


def render_json(report: Report, *, source: str | None = None) -> str:
    """One line of JSON for one document (see :func:`report_record`)."""
    return json_text(json.dumps(report_record(report, source=source), ensure_ascii=False))


# ---- the rule catalogue -------------------------------------------------------


def rule_record(rule: Rule) -> dict[str, object]:
    """A rule as JSON-ready data with stable keys.

    >>> from govbudget import RULES
    >>> rule_record(RULES["TOT005"])["formula"]
    '基本支出 = 人员经费 + 公用经费'
    """
    return {
        "id": rule.id,
        "family": rule.family,
        "severity": rule.severity.value,
        "title_zh": rule.title_zh,
        "title_en": rule.title_en,
        "formula": rule.formula,
        "message_zh": rule.message_zh,
        "message_en": rule.message_en,
        "example": rule.example,
    }


def catalogue_json(rules: Iterable[Rule]) -> str:
    """The catalogue as a JSON array, one object per rule."""
    return json.dumps([rule_record(r) for r in rules], ensure_ascii=False, indent=2)


def _family_name(family: str, lang: Language) -> str:
    return pick(FAMILIES.get(family, (family, family)), lang)


def catalogue_text(rules: Iterable[Rule], *, lang: Language = "zh") -> str:
    """The catalogue as aligned columns: id, family, severity, title.

    >>> from govbudget import RULES
    >>> print(catalogue_text([RULES["TOT004"], RULES["OPS001"]], lang="en"))
    TOT004  totals     error    Total expenditure equals basic plus project expenditure (and the other kinds stated)
    OPS001  operation  warning  Institutional operation expenses do not exceed the public expenses they come from
    """
    rows = [
        (
            r.id,
            r.family,
            r.severity.value,
            r.title_zh if lang == "zh" else r.title_en,
        )
        for r in rules
    ]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    )


def _by_family(rules: Iterable[Rule]) -> Iterator[tuple[str, list[Rule]]]:
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.family, []).append(rule)
    yield from groups.items()


def catalogue_markdown(rules: Iterable[Rule]) -> str:
    """The catalogue as Markdown for the docs: per family a table, then each rule in full."""
    lines: list[str] = []
    for family, members in _by_family(rules):
        zh, en = FAMILIES.get(family, (family, family))
        lines += [f"## {zh} — {en} (`{family}`)", ""]
        lines += ["| id | severity | 名称 | title |", "|---|---|---|---|"]
        lines += [
            f"| [`{r.id}`](#{r.id.lower()}) | {r.severity.value} | {_cell(r.title_zh)} | {_cell(r.title_en)} |"
            for r in members
        ]
        lines.append("")
        for r in members:
            lines += [f"### {r.id}", "", f"**{r.title_zh}** — {r.title_en}", ""]
            lines += [f"- family: `{r.family}` ({zh}); default severity: **{r.severity.value}**"]
            lines += [f"- formula: {r.formula}"]
            lines += [f"- message: {r.message_zh}", f"- message (en): {r.message_en}"]
            if r.example:
                lines += [f"- example: {r.example}"]
            lines.append("")
    return "\n".join(lines)


def explain(rule: Rule, *, lang: Language = "zh") -> str:
    """A rule in full: titles, family, severity, formula, messages and its example.

    >>> from govbudget import RULES
    >>> print(explain(RULES["TOT004"], lang="en").splitlines()[0])
    TOT004 — Total expenditure equals basic plus project expenditure (and the other kinds stated)
    """
    title = rule.title_zh if lang == "zh" else rule.title_en
    other = rule.title_en if lang == "zh" else rule.title_zh
    message = rule.message_zh if lang == "zh" else rule.message_en
    lines = [
        f"{rule.id} — {title}",
        f"  {other}",
        "",
        f"{_say('family', lang)}: {rule.family} ({_family_name(rule.family, lang)})",
        f"{_say('severity', lang)}: {pick(SEVERITY_WORDS[rule.severity], lang)}",
        f"{_say('formula', lang)}: {rule.formula}",
        f"{_say('template', lang)}: {message}",
    ]
    if rule.example:
        lines.append(f"{_say('example', lang)}: {rule.example}")
    doc = inspect.cleandoc(rule.check.__doc__ or "")  # the source's indentation left out
    if doc:
        lines += ["", doc]
    return "\n".join(lines)
