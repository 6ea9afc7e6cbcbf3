"""``read_narrative()``: from the published narrative (说明) to a budget, with nothing lost.

The text is normalised (:mod:`~govbudget.narrative.text`), cut into its
standard parts (:mod:`~govbudget.narrative.sections`), and each part is read
with the labels that part uses and the sentence patterns of
:mod:`~govbudget.narrative.patterns`. Every number of the text ends up in the
:class:`~govbudget.narrative.extraction.Extraction`: read into a figure, taken
as context, or listed as not understood with its place. The reader never
makes a figure up: a number it cannot place is reported, not guessed.

Bounds: the text may have at most :data:`MAX_CHARS` characters (500,000);
reading is linear in its length — about 0.25 s per 100,000 characters of real
narrative and under 1 s per 100,000 for the worst input measured (a number on
every line), so under 5 s for the longest text; ``benchmarks/bench_narrative.py``
measures both.
Binary data, NUL characters or mostly-control text are refused with
:class:`NarrativeError`.

>>> from pathlib import Path
>>> e = read_narrative(Path("examples/zengdu-xinfang-2025/narrative.txt").read_text(encoding="utf-8"))
>>> e.budget.department, e.budget.year, e.summary.not_understood
('曾都区信访局', 2025, 0)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, Final

from attrs import evolve

from govbudget._escaping import printable
from govbudget.errors import GovBudgetError
from govbudget.model import (
    Appropriation,
    Assets,
    DepartmentBudget,
    Expenditure,
    FinalAccounts,
    Income,
    Kind,
    Level,
    Performance,
    Procurement,
    Spending,
    ThreePublic,
)
from govbudget.money import Unit
from govbudget.narrative._classes import GENERAL_PUBLIC_TITLE, ClassLines
from govbudget.narrative._labelled import (
    APPROPRIATION,
    ASSETS,
    BUDGET_TOTALS,
    EXPENDITURE,
    FUND_SECTION,
    HEADS,
    INCOME,
    OPERATION,
    PROCUREMENT,
    THREE_PUBLIC,
)
from govbudget.narrative._ledger import Ledger
from govbudget.narrative._paired import read_paired
from govbudget.narrative._parts import PartReader
from govbudget.narrative._performance import read_performance
from govbudget.narrative._statements import StatementReader
from govbudget.narrative.extraction import (
    Disposition,
    Extraction,
    NumberUse,
    SectionInfo,
    value_at,
)
from govbudget.narrative.identity import identify, unit_from_file_name, year_from_file_name
from govbudget.narrative.numbers import Number, context_kind, scan
from govbudget.narrative.quality import copied_indicators, missing_sections, unmatched_projects
from govbudget.narrative.sections import Section, SectionKind, find_sections
from govbudget.narrative.text import Text, fold_line, normalize
from govbudget.narrative.wording import scan_wording, table_of_contents
from govbudget.paths import Kind as PathKind
from govbudget.paths import figure_fields, plan
from govbudget.precision import Precision
from govbudget.tables.text import Pasted, find_pasted
from govbudget.wording import Wording, WordingKind

__all__ = ["MAX_CHARS", "NarrativeError", "read_narrative"]

#: The longest text read, in characters: five times the longest narrative seen (the
#: seed has 5,799; a large department's runs to some 100,000).
MAX_CHARS: Final = 500_000


class NarrativeError(GovBudgetError, ValueError):
    """A text that cannot be read as a narrative at all (binary, too long, not text)."""


# ---------------------------------------------------------------------------
# Identity: department, year, kind.

_YEAR_IN_TITLE: Final = re.compile(r"((?:19|20)\d\d)\s*年")
_REGION: Final = re.compile(r"^(.{2,8}?(?:自治区|自治州|省|市|区|县|旗|盟))(?!场|委|直|属|级)")


def _identity(
    normal: Text,
    source: str,
    department: str | None,
    year: int | None,
    given_kind: Kind | None,
) -> tuple[str | None, int | None, Kind, Level]:
    """Who and when: the caller's, else the text's, else the file name's."""
    tail = "\n".join(fold_line(line) for line in normal.raw[-2000:].splitlines()[-12:])
    found = identify(normal.text, lines=tail)
    stem = PurePath(source).stem if not source.startswith("<") else ""
    return (
        department or found.department or unit_from_file_name(stem),
        year or found.year or year_from_file_name(stem),
        given_kind or found.kind,
        found.level,
    )


def _region(department: str) -> str | None:
    match = _REGION.match(department)
    return match.group(1) if match else None


# ---------------------------------------------------------------------------
# The entry point.


def _decode(data: str | bytes) -> str:
    if isinstance(data, bytes):
        if b"\x00" in data[:4096]:
            raise NarrativeError("binary data, not text (NUL bytes)")
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise NarrativeError("not UTF-8 or GB18030 text")
    if not isinstance(data, str):
        raise NarrativeError(f"expected text (str or bytes), not {type(data).__name__}")
    return data


def _check_pages(pages: Sequence[tuple[int, int]]) -> None:
    offsets = [offset for offset, _ in pages]
    if offsets != sorted(offsets) or any(o < 0 for o in offsets):
        raise NarrativeError(f"the page starts {offsets[:20]} are not in order")


def _check(raw: str) -> None:
    if len(raw) > MAX_CHARS:
        raise NarrativeError(
            f"the text has {len(raw):,} characters; at most {MAX_CHARS:,} are read"
            " (the limit MAX_CHARS)"
        )
    if "\x00" in raw:
        raise NarrativeError("binary data, not text (NUL characters)")
    controls = sum(1 for c in raw if ord(c) < 32 and c not in "\n\r\t\f\v")
    if raw and controls * 100 > len(raw):
        raise NarrativeError(f"binary data, not text ({controls} control characters)")


_SECTION_PARTS: Final = frozenset(
    {
        SectionKind.PREAMBLE,
        SectionKind.OTHER,
        SectionKind.REPORT,
        SectionKind.TOTALS,
        SectionKind.OTHER_MATTERS,
        SectionKind.OVERVIEW,
    }
)


def read_narrative(
    text: str | bytes,
    *,
    source: str = "<text>",
    department: str | None = None,
    year: int | None = None,
    kind: Kind | None = None,
    pages: Sequence[tuple[int, int]] = (),
    function_lines: Sequence[tuple[str, str]] = (),
) -> Extraction:
    """Read a narrative (说明) into a budget, accounting for every number in it.

    ``department``, ``year`` and ``kind`` override what the text says (or supply
    what it does not). ``pages`` says where the text of each printed page starts, as
    ``(character offset in the text, page number)`` pairs in order, for a text
    taken from a PDF: the figures then cite the page (``file p. 12``) rather
    than a line of the extracted text. ``function_lines`` are the (code, name) of the
    function classification lines the document's own general public table prints: a 项
    the narrative names alone ("行政运行（项）：年初预算为…") is placed where that table
    prints the one 项 of its name. Raises :class:`NarrativeError` for input
    that is not text or is longer than :data:`MAX_CHARS`, or for ``pages`` out
    of order; any other text gives an :class:`Extraction` with a budget — one
    that names no unit or year when the text does not (IDN001 then says so).

    >>> e = read_narrative("封面\\n某局2025年“三公”经费预算0.4万元。", source="a.pdf", pages=[(0, 1), (3, 2)])
    >>> e.budget.three_public.total.source
    'a.pdf p. 2'

    >>> e = read_narrative("2025年某局部门预算。某局2025年“三公”经费预算0.4万元，比上年减少0.1万元。")
    >>> e.budget.three_public.total.amount, e.budget.three_public.total.change.word
    (Money('4000.00', 'CNY'), '减少')
    """
    try:
        raw = _decode(text)
        _check(raw)
        _check_pages(pages)
    except NarrativeError as error:  # every error names the text it is about
        raise NarrativeError(f"{printable(source)}: {error}") from None
    normal = normalize(raw)
    numbers = scan(normal)
    sections = find_sections(normal)
    units = Counter(n.money for n in numbers if n.money is not None)
    unit = units.most_common(1)[0][0] if units else Unit.WAN
    ledger = Ledger(normal, numbers, source, unit, pages)
    department, year, kind, level = _identity(normal, source, department, year, kind)
    pasted = _pasted_tables(ledger, raw, kind, year, source)
    scored = read_performance(ledger, raw)  # before the parts: no pattern takes a cell
    final = kind is Kind.FINAL
    reader = PartReader(ledger, year, final, ClassLines(ledger, year, final, function_lines))
    for section in sections:
        _read_section(reader, section)
    statements = StatementReader(ledger, sections, year, final)
    statements.read()
    stated = statements.nodes()  # may move a field's figure into a statement: before _assemble
    _pasted_rates(ledger, raw, pasted, len(stated))
    stated = (*stated, *pasted.statements)
    budget = evolve(_assemble(reader, department, year, kind, level), statements=stated)
    budget = evolve(budget, performance=scored.into(budget.performance))
    budget = evolve(
        budget,
        tables=pasted.tables,
        contents=table_of_contents(normal),
        wording=_outside_cells(scan_wording(normal, source), pasted),
    )
    copied_indicators(ledger, budget.performance, budget.projects)
    unmatched_projects(
        ledger, budget.projects, budget.expenditure.by_economic if budget.expenditure else ()
    )
    missing_sections(ledger, sections, kind)
    if department is None:
        ledger.warn(
            "no-department",
            "文本中找不到部门（单位）名称",
            "the text names no department",
            None,
            None,
        )
    if year is None:
        ledger.warn("no-year", "文本中找不到预算年度", "the text names no budget year", None, None)
    uses = _held(budget, _account(ledger, sections))
    infos = tuple(
        SectionInfo(
            s.kind.value,
            s.title,
            normal.position(max(s.heading, 0))[0],
            s.kind in reader.stated_none,
        )
        for s in sections
    )
    return Extraction(source, budget, uses, infos, tuple(ledger.warnings))


def _pasted_tables(ledger: Ledger, raw: str, kind: Kind, year: int | None, source: str) -> Pasted:
    """The tables pasted into the text; each number in one is its cell's value or a label.

    Marked before the parts are read, so no sentence pattern takes a cell for a figure;
    a rate the table prints is its statement's (:func:`_pasted_rates`).
    """
    pasted = find_pasted(raw, fold=ledger.text.fold, kind=kind, year=year, source=source)
    if not pasted.tables:
        return pasted
    for number in ledger.numbers:
        offset = ledger.text.origin(number.start)
        if pasted.table_at(offset) is None:
            continue
        path = pasted.path_at(offset)
        if path is not None:
            ledger.mark(number, path)
        elif pasted.rate_at(offset) is None:
            ledger.context(number, "table label")
    return pasted


def _outside_cells(wording: tuple[Wording, ...], pasted: Pasted) -> tuple[Wording, ...]:
    """The wording places that are not a pasted table's cells (a "2023年决算数" row is no heading)."""
    if not pasted.bodies:
        return wording
    kept: list[Wording] = []
    for place in wording:
        line = (
            place.source.rsplit(":", 2)[-2] if place.source and place.source.count(":") >= 2 else ""
        )
        heading = place.kind is WordingKind.HEADING_YEAR
        if not (heading and line.isdigit() and pasted.in_cells(int(line))):
            kept.append(place)
    return tuple(kept)


def _pasted_rates(ledger: Ledger, raw: str, pasted: Pasted, first: int) -> None:
    """Each rate a pasted table prints, mapped to its statement (after the text's own, from ``first``)."""
    if not pasted.rates:
        return
    for number in ledger.numbers:
        path = pasted.rate_at(ledger.text.origin(number.start), first)
        if path is not None:
            ledger.mark(number, path)


def _read_section(reader: PartReader, section: Section) -> None:
    kind, start, end = section.kind, section.start, section.end
    title_year = _YEAR_IN_TITLE.search(section.title)
    reader.prior_part = (
        reader.stated_year is not None
        and title_year is not None
        and int(title_year.group(1)) == reader.stated_year - 1
    )
    if kind in (SectionKind.BASIC_INFO, SectionKind.OVERVIEW, SectionKind.PREAMBLE):
        reader.staff(start, end)
    if kind is SectionKind.INCOME:
        reader.labelled(INCOME, start, end, head=HEADS[kind])
    elif kind is SectionKind.EXPENDITURE:
        spans = reader.classified(start, end)
        for s, e in _gaps(start, end, spans):
            reader.labelled(EXPENDITURE, s, e, head=HEADS[kind])
    elif kind is SectionKind.APPROPRIATION:
        # A part about the general public budget's spending: what it says without naming a
        # fund ("基本支出…其中：人员经费…") is that fund's.
        general = GENERAL_PUBLIC_TITLE.search(section.title) is not None
        reader.fund = "general_public" if general else "total"
        spans = reader.general_public_lines.read(start, end) if general else []
        for s, e in _gaps(start, end, spans):
            reader.labelled(APPROPRIATION, s, e)
    elif kind in FUND_SECTION:
        reader.labelled(FUND_SECTION[kind], start, end, head=HEADS[kind])
    elif kind is SectionKind.OPERATION:
        reader.labelled(OPERATION, start, end, head=HEADS[kind])
    elif kind is SectionKind.PROCUREMENT:
        reader.labelled(PROCUREMENT, start, end, head=HEADS[kind])
    elif kind is SectionKind.ASSETS:
        reader.assets(start, end)
    elif kind is SectionKind.THREE_PUBLIC:
        reader.labelled(THREE_PUBLIC, start, end, head=HEADS[kind])
        reader.three_public_counts_in(start, end)
    elif kind is SectionKind.PERFORMANCE_OVERALL or kind is SectionKind.PERFORMANCE:
        reader.performance_overall(start, end)
    elif kind is SectionKind.KEY_PROJECTS:
        reader.key_projects(start, end)
    elif kind in _SECTION_PARTS:
        labels = (
            *INCOME,
            *EXPENDITURE[:2],
            *(() if reader.final else BUDGET_TOTALS),
            *THREE_PUBLIC,
            *OPERATION,
            *PROCUREMENT[:1],
            *(label for label in PROCUREMENT if label.target == "/procurement/sme"),
            *ASSETS,
        )
        paired = read_paired(reader.ledger, start, end, year=reader.stated_year)
        for s, e in _gaps(start, end, paired):
            reader.labelled(labels, s, e)
    heads = HEADS.get(kind)
    if heads:
        reader.none_stated(section, heads[0])


def _gaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    cursor = start
    for s, e in sorted(spans):
        if s > cursor:
            result.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        result.append((cursor, end))
    return result


def _assemble(
    reader: PartReader, department: str | None, year: int | None, kind: Kind, level: Level
) -> DepartmentBudget:
    ledger = reader.ledger
    f = ledger.figure

    def figures(part: type, path: str) -> dict[str, Any]:
        """The figure stated at ``{path}/{field}`` for each figure field of ``part``, as its
        keyword arguments (typed ``Any``: the fields are known when the model is read)."""
        return {name: f(f"{path}/{name}") for name in figure_fields(part)}

    def spending(fund: str) -> Spending | None:
        parts = figures(Spending, f"/appropriation/{fund}")
        return Spending(**parts) if any(parts.values()) else None

    income = Income(**figures(Income, "/income"))
    expenditure = figures(Expenditure, "/expenditure")
    funds = [slot.name for slot in plan(Appropriation) if slot.kind is PathKind.PART]
    spent: dict[str, Any] = {fund: spending(fund) for fund in funds}
    appropriation = Appropriation(
        **figures(Appropriation, "/appropriation"),
        **spent,
        by_function=reader.general_public_lines.nodes(),
        function_partial=reader.general_public_lines.partial,
    )
    three = figures(ThreePublic, "/three_public")
    procurement = figures(Procurement, "/procurement")
    assets = figures(Assets, "/assets")
    final = figures(FinalAccounts, "/final")
    precision = Precision(ledger.unit, ledger.decimals)
    return DepartmentBudget(
        department=department,
        year=year,
        kind=kind,
        level=level,
        region=None if department is None else _region(department),
        precision=precision,
        staffing=reader.staffing,
        income=income if income != Income() else None,
        expenditure=(
            Expenditure(
                **expenditure,
                by_function=reader.function,
                by_economic=reader.economic,
                economic_scheme=reader.scheme,
                function_partial="功能" in reader.partial,
                economic_partial="经济" in reader.partial,
            )
            if any(expenditure.values()) or reader.function or reader.economic
            else None
        ),
        appropriation=appropriation if appropriation != Appropriation() else None,
        institutional_operation=f("/institutional_operation"),
        three_public=ThreePublic(**three, counts=reader.three_public_counts)
        if any(three.values()) or reader.three_public_counts
        else None,
        procurement=Procurement(**procurement) if any(procurement.values()) else None,
        assets=Assets(
            **assets,
            parts=reader.asset_parts,
            as_of=reader.as_of,
            counts=reader.asset_counts,
        )
        if any(assets.values()) or reader.asset_parts or reader.asset_counts
        else None,
        final=FinalAccounts(**final) if any(final.values()) else None,
        projects=reader.projects,
        performance=(
            Performance(overall=reader.overall, long_term=reader.long_term, annual=reader.annual)
            if reader.overall or reader.long_term or reader.annual
            else None
        ),
    )


def _held(budget: DepartmentBudget, uses: tuple[NumberUse, ...]) -> tuple[NumberUse, ...]:
    """``uses``, a number read into a place the budget does not hold not understood.

    Nothing read is lost: a pattern that reads a number into a path the model has no field
    for (or the assembly leaves out) would otherwise count it as read.
    """
    return tuple(
        use
        if use.disposition is not Disposition.MAPPED or use.path is None or _holds(budget, use)
        else evolve(
            use,
            disposition=Disposition.NOT_UNDERSTOOD,
            path=None,
            reason=f"read as {use.path}, which the document's model does not hold",
        )
        for use in uses
    )


def _holds(budget: DepartmentBudget, use: NumberUse) -> bool:
    assert use.path is not None
    try:
        return value_at(budget, use.path) is not None
    except KeyError:
        return False


def _section_of(sections: Sequence[Section], starts: Sequence[int], offset: int) -> Section | None:
    """The part whose heading or body holds ``offset``; ``starts`` are where each begins."""
    index = bisect_right(starts, offset) - 1
    return sections[index] if index >= 0 else None


def _account(ledger: Ledger, sections: Sequence[Section]) -> tuple[NumberUse, ...]:
    text = ledger.text
    starts = [s.heading if s.heading >= 0 else s.start for s in sections]
    uses: list[NumberUse] = []
    for number in ledger.numbers:
        use = ledger.uses.get(number.start)
        if use is None:
            use = _leftover(ledger, sections, starts, number)
        disposition, path, reason = use
        line, column = text.position(number.start)
        uses.append(
            NumberUse(
                text=number.text,
                value=number.value,
                unit=number.unit,
                line=line,
                column=column,
                disposition=disposition,
                path=path,
                reason=reason,
                around=text.around(number.start, number.unit_end),
            )
        )
    return tuple(uses)


def _leftover(
    ledger: Ledger, sections: Sequence[Section], starts: Sequence[int], number: Number
) -> tuple[Disposition, str | None, str | None]:
    section = _section_of(sections, starts, number.start)
    kind = section.kind if section is not None else SectionKind.PREAMBLE
    reason = context_kind(ledger.text, number, counts=kind is not SectionKind.BASIC_INFO)
    if reason is not None:
        return Disposition.CONTEXT, None, reason
    if number.start in ledger.remarks:
        return Disposition.CONTEXT, None, "remark"
    if kind is SectionKind.GLOSSARY:
        return Disposition.CONTEXT, None, "glossary"
    in_heading = section is not None and section.heading <= number.start < section.start
    if in_heading and number.money is None and not number.is_percent:
        return Disposition.CONTEXT, None, "heading"
    if kind is SectionKind.TABLES:
        return (
            Disposition.NOT_UNDERSTOOD,
            None,
            "in the tables part: tables are not read from the narrative",
        )
    return Disposition.NOT_UNDERSTOOD, None, f"no pattern of {kind.zh} ({kind.value}) read it"
