"""Findings and the report of one validation, with JSON-ready data and records.

A :class:`Report` keeps every check made (``checks``) and the ones a person
should see (``findings``: inconsistencies, within-rounding results as
information, warnings). Each :class:`Finding` explains itself: the rule, the
place, the stated and computed figures, the gap and the largest gap rounding
allows, a likely cause where one is known, and the message in Chinese and
English with the figures in the document's unit.
"""

from __future__ import annotations

import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from attrs import frozen

from govbudget.errors import MissingExtra
from govbudget.rounding import Method, Outcome, Verdict
from govbudget.rules.base import (
    Diagnosis,
    Location,
    Observation,
    Record,
    Rule,
    Scale,
    Severity,
    resolve,
)
from govbudget.words import SEVERITY_RANK, Language

if TYPE_CHECKING:  # the DataFrame libraries are optional extras
    import pandas
    import polars

__all__ = ["FIGURES", "Finding", "Language", "Report", "Summary", "exact_text"]

_METHOD: Final[dict[Method, tuple[str, str]]] = {
    Method.ROUNDED: ("四舍五入", "rounded"),
    Method.TRUNCATED: ("截尾而非四舍五入", "truncated, not rounded"),
    Method.ADJUSTED: ("尾差调整使合计为100%", "adjusted so the shares add up to 100%"),
}

#: The figures of a numeric check, in the order reports show them.
FIGURES: Final = ("stated", "computed", "low", "high", "gap", "tolerance", "min_gap")


def exact_text(value: Fraction) -> str:
    """``value`` written exactly: a decimal when it terminates, else ``p/q``.

    >>> exact_text(Fraction(241, 10)), exact_text(Fraction(-1, 8)), exact_text(Fraction(20, 3))
    ('24.1', '-0.125', '20/3')
    """
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    digits = Decimal(value.numerator * 10**places // value.denominator).scaleb(-places)
    text = f"{digits:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_decimal(value: Fraction, places: int = 12) -> Decimal:
    """``value`` as a ``Decimal``: exact when it terminates, else rounded half-even at ``places``.

    >>> exact_decimal(Fraction(241, 10)), exact_decimal(Fraction(1, 3), 4)
    (Decimal('24.1'), Decimal('0.3333'))
    """
    text = exact_text(value)
    if "/" not in text:
        return Decimal(text)
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum)


def _without_place(rest: str) -> str:
    """A message template after its opening ``{where}``, reading without it: "：…" loses its
    colon, and a bracket after the place ("（{formula}）：…") becomes the opening words.

    >>> _without_place("（{formula}）：{stated}"), _without_place(" ({formula}): {stated}")
    ('{formula}：{stated}', '{formula}: {stated}')
    """
    for colon in ("：", ": "):
        if rest.startswith(colon):
            return rest.removeprefix(colon)
    for opening, closing, colon in (("（", "）：", "："), (" (", "): ", ": ")):
        if rest.startswith(opening) and closing in rest:
            return rest.removeprefix(opening).replace(closing, colon, 1)
    return rest


@frozen
class Finding:
    """One check as the report keeps it: the rule, its outcome and the figures."""

    rule: Rule
    severity: Severity
    observation: Observation

    @property
    def rule_id(self) -> str:
        """The id of the rule that made the check."""
        return self.rule.id

    @property
    def outcome(self) -> Outcome:
        """Exact, within rounding, or inconsistent."""
        return self.observation.outcome

    @property
    def location(self) -> Location:
        """Where in the document the check is."""
        return self.observation.location

    @property
    def verdict(self) -> Verdict | None:
        """The numbers of a numeric check."""
        return self.observation.verdict

    @property
    def diagnosis(self) -> Diagnosis | None:
        """The likely cause of an inconsistency, where one explains it."""
        return self.observation.diagnosis

    @property
    def scale(self) -> Scale:
        """How the check's values are shown."""
        return self.observation.scale

    def exact_figures(self) -> dict[str, Fraction | None]:
        """Stated, computed, interval, gap and tolerance as exact ``Fraction`` values in the
        unit the report shows them in (万元, percentage points …); ``None`` for a check
        without figures.

        >>> from govbudget import load, validate
        >>> report = validate(load("examples/zengdu-xinfang-2025/budget.json"))
        >>> tre = report.findings_by_rule("TRE001")[0]
        >>> tre.exact_figures()["computed"], tre.scale.label
        (Fraction(2409, 100), '万元')
        """
        verdict = self.verdict
        if verdict is None:
            return dict.fromkeys(FIGURES)
        exact = self.scale.exact
        return {
            "stated": exact(verdict.stated),
            "computed": exact(verdict.computed),
            "low": exact(verdict.low),
            "high": exact(verdict.high),
            "gap": exact(verdict.gap),
            "tolerance": exact(verdict.tolerance),
            "min_gap": exact(verdict.min_gap),
        }

    def figures(self) -> dict[str, str | None]:
        """Stated, computed, interval, gap and tolerance as text in the document's unit."""
        verdict, show = self.verdict, self.scale.show
        if verdict is None:
            return dict.fromkeys(FIGURES)
        return {
            "stated": show(verdict.stated),
            "computed": show(verdict.computed),
            "low": show(verdict.low),
            "high": show(verdict.high),
            "gap": show(verdict.gap),
            "tolerance": show(verdict.tolerance),
            "min_gap": show(verdict.min_gap),
        }

    def message(self, lang: Language = "zh", *, with_place: bool = True) -> str:
        """The finding in words, with its figures and, where known, the likely cause.

        ``with_place=False`` leaves out the place the message opens with, for a report
        that shows the place on a line of its own.
        """
        zh = lang == "zh"
        if self.verdict is None and self.outcome is Outcome.EXACT:
            # A relation without figures that holds: its title says what was checked.
            where = self.location.zh if zh else self.location.en
            if not with_place:
                return f"{self.rule.title_zh}（一致）" if zh else f"{self.rule.title_en} (holds)"
            return (
                f"{where}：{self.rule.title_zh}（一致）"
                if zh
                else f"{where}: {self.rule.title_en} (holds)"
            )
        figures = {k: v if v is not None else "—" for k, v in self.figures().items()}
        values = {
            **figures,
            **dict(self.observation.params),
            "where": self.location.zh if zh else self.location.en,
            "unit": self.scale.label,
            "formula": self.observation.formula or self.rule.formula,
        }
        # An observation whose figures the rule's template cannot show (a share of a zero
        # whole has no computed value) carries its own template in its params.
        template = values.get("message_zh" if zh else "message_en")
        if not template:
            template = self.rule.message_zh if zh else self.rule.message_en
        if not with_place and template.startswith("{where}"):
            template = _without_place(template.removeprefix("{where}"))
        body = template.format_map(values)
        return body + self._tail(zh, figures) + self._cause(zh)

    def _tail(self, zh: bool, figures: dict[str, str]) -> str:
        verdict = self.verdict
        if verdict is None:
            return ""
        unit = self.scale.label
        space = "" if zh else " "
        gap = f"{figures['gap']}{space}{unit}".rstrip()
        tolerance = f"{figures['tolerance']}{space}{unit}".rstrip()
        if self.outcome is Outcome.EXACT:
            return "（一致）" if zh else " (exact)"
        if self.outcome is Outcome.WITHIN_ROUNDING:
            how = _METHOD[verdict.method or Method.ROUNDED][0 if zh else 1]
            if zh:
                return f"；差额 {gap}，在舍入允许的 {tolerance} 以内（{how}）"
            return f"; gap {gap}, within the {tolerance} rounding allows ({how})"
        if zh:
            return f"；差额 {gap}，超出舍入允许的 {tolerance}"
        return f"; gap {gap}, beyond the {tolerance} rounding allows"

    def _cause(self, zh: bool) -> str:
        if self.diagnosis is None:
            return ""
        if zh:
            return f"。可能原因：{self.diagnosis.zh}"
        return f". Likely cause: {self.diagnosis.en}"

    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
        return self.message("zh")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data with stable keys."""
        figures = self.figures()
        method = self.verdict.method if self.verdict is not None else None
        return {
            "rule_id": self.rule_id,
            "family": self.rule.family,
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "location": self.location.path,
            "location_zh": self.location.zh,
            "location_en": self.location.en,
            "source": self.location.source,
            "place": None if self.location.place is None else self.location.place.to_dict(),
            "unit": self.scale.label,
            "stated": figures["stated"],
            "computed": figures["computed"],
            "interval": None if figures["low"] is None else [figures["low"], figures["high"]],
            "gap": figures["gap"],
            "tolerance": figures["tolerance"],
            "method": None if method is None else method.value,
            "diagnosis": None if self.diagnosis is None else self.diagnosis.code,
            "formula": self.observation.formula,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "exact": {
                key: None if value is None else exact_text(value)
                for key, value in self.exact_figures().items()
            },
        }


@frozen
class Summary:
    """Counts of checks by outcome and of findings by severity."""

    checks: int
    exact: int
    within_rounding: int
    inconsistent: int
    errors: int
    warnings: int
    infos: int

    def text(self, lang: Language = "zh") -> str:
        """One line, e.g. "97 checks: 95 exact, 1 within rounding, 1 inconsistent"."""
        if lang == "zh":
            return (
                f"共 {self.checks} 项检查：{self.exact} 项一致，{self.within_rounding} 项在舍入范围内，"
                f"{self.inconsistent} 项不一致；错误 {self.errors}，警告 {self.warnings}，提示 {self.infos}"
            )
        return (
            f"{self.checks} checks: {self.exact} exact, {self.within_rounding} within rounding,"
            f" {self.inconsistent} inconsistent; findings: {self.errors} error(s),"
            f" {self.warnings} warning(s), {self.infos} info"
        )


def _summary(outcomes: Counter[Outcome], findings: Iterable[Finding]) -> Summary:
    severities = Counter(f.severity for f in findings)
    return Summary(
        checks=outcomes.total(),
        exact=outcomes[Outcome.EXACT],
        within_rounding=outcomes[Outcome.WITHIN_ROUNDING],
        inconsistent=outcomes[Outcome.INCONSISTENT],
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        infos=severities[Severity.INFO],
    )


@frozen
class Report:
    """The result of validating one budget. ``ok`` means no finding is an error."""

    department: str | None
    year: int | None
    checks: tuple[Finding, ...]

    def title(self, lang: Language = "zh") -> str:
        """The unit and year the report is about, saying so where the document does not.

        >>> Report(None, 2024, ()).title("en")
        '(unit not named) 2024'
        """
        zh = lang == "zh"
        unit = self.department or ("（未写明单位）" if zh else "(unit not named)")
        year = (
            str(self.year)
            if self.year is not None
            else ("（未写明年度）" if zh else "(year not named)")
        )
        return f"{unit} {year}"

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The checks a person should see: every one that is not exact, worst first."""
        shown = [c for c in self.checks if c.outcome is not Outcome.EXACT]
        return tuple(sorted(shown, key=lambda f: SEVERITY_RANK[f.severity]))

    @property
    def ok(self) -> bool:
        """True when no finding has the severity error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def summary(self) -> Summary:
        """Counts of checks by outcome and of findings by severity."""
        return _summary(Counter(c.outcome for c in self.checks), self.findings)

    def by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """Every check made by one rule (the same as :meth:`checks_by_rule`)."""
        return self.checks_by_rule(rule_id)

    def checks_by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """Every check made by one rule, exact ones included, in the order made."""
        return tuple(c for c in self.checks if c.rule_id == rule_id)

    def findings_by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """The findings of one rule: its checks that are not exact, worst first."""
        return tuple(f for f in self.findings if f.rule_id == rule_id)

    def to_records(self, *, all_checks: bool = False) -> list[dict[str, object]]:
        """One flat record per finding (per check with ``all_checks``), for any DataFrame
        library: ``pandas.DataFrame(report.to_records())``, ``polars.DataFrame(…)``.

        Keys: the document (``department``, ``year``), the rule (``rule_id``,
        ``family``, ``severity``, ``outcome``), the place (``location``,
        ``location_zh``, ``location_en``, ``source`` and the structured place's
        ``file``, ``page``, ``sheet``, ``table``, ``row``, ``column``, ``cell``,
        ``pointer``, ``line``, ``char``), ``unit``, the figures as ``Decimal``
        (``stated`` … ``min_gap``: exact when they terminate, else to 12 places;
        :meth:`Finding.exact_figures` has them as fractions), ``method``,
        ``diagnosis``, ``message_zh`` and ``message_en``.

        >>> from govbudget import load, validate
        >>> records = validate(load("examples/zengdu-xinfang-2025/budget.json")).to_records()
        >>> [(r["rule_id"], r["computed"]) for r in records if r["rule_id"] == "TRE001"]
        [('TRE001', Decimal('24.09'))]
        """
        return [_record(self, f) for f in (self.checks if all_checks else self.findings)]

    def to_pandas(self, *, all_checks: bool = False) -> pandas.DataFrame:
        """:meth:`to_records` as a pandas ``DataFrame`` (the ``pandas`` extra)."""
        try:
            import pandas
        except ModuleNotFoundError:
            raise MissingExtra("pandas", "pandas", "Report.to_pandas()") from None
        return pandas.DataFrame(self.to_records(all_checks=all_checks), columns=RECORD_KEYS)

    def to_polars(self, *, all_checks: bool = False) -> polars.DataFrame:
        """:meth:`to_records` as a polars ``DataFrame`` (the ``polars`` extra)."""
        try:
            import polars
        except ModuleNotFoundError:
            raise MissingExtra("polars", "polars", "Report.to_polars()") from None
        records = self.to_records(all_checks=all_checks)
        return polars.DataFrame(records, schema=_polars_schema(), orient="row")

    def _repr_html_(self) -> str:
        """The report as an HTML table, for notebooks."""
        from govbudget.output.html import report_fragment

        return report_fragment(self)

    def to_dict(self, *, all_checks: bool = False) -> dict[str, object]:
        """JSON-ready data with stable keys; ``all_checks`` adds every exact check too."""
        s = self.summary
        data: dict[str, object] = {
            "department": self.department,
            "year": self.year,
            "ok": self.ok,
            "summary": {
                "checks": s.checks,
                "exact": s.exact,
                "within_rounding": s.within_rounding,
                "inconsistent": s.inconsistent,
                "error": s.errors,
                "warning": s.warnings,
                "info": s.infos,
            },
            "findings": [f.to_dict() for f in self.findings],
        }
        if all_checks:
            data["checks"] = [c.to_dict() for c in self.checks]
        return data

    def render(self, lang: Language = "zh", *, markdown: bool = False) -> str:
        """The report as text (or Markdown), findings grouped by family.

        Deprecated: :func:`govbudget.render.render_text` (or
        :func:`~govbudget.render.render_markdown`) with ``layout="families"`` writes the
        same text; this warns with a :class:`DeprecationWarning` and calls it.
        """
        warnings.warn(
            "Report.render is deprecated: use govbudget.render.render_text(report, "
            'layout="families") or render_markdown(report, layout="families")',
            DeprecationWarning,
            stacklevel=2,
        )
        from govbudget.render import render_markdown, render_text

        write = render_markdown if markdown else render_text
        return write(self, lang=lang, layout="families")


class _Checked(Report):
    """The report of :func:`govbudget.validate`: each check kept as the rule's observation,
    made a :class:`Finding` when it is read.

    A :class:`Report` in every way (equal to, hashed, shown and pickled as the ``Report``
    with the same checks); the findings, ``ok`` and the summary build only the findings,
    and ``checks`` builds every check once. A budget of a million lines makes three million
    checks and reports a few.
    """

    __slots__ = ("_all", "_cache", "_observations", "_rules", "_severities", "_stops")
    _observations: tuple[Record, ...]  # an exact check may be deferred (rules.base.Deferred)
    _stops: tuple[int, ...]  # the checks of _rules[k] end before _stops[k]
    _rules: tuple[Rule, ...]
    _severities: Mapping[int, Severity]  # the checks' severities that are not info
    _cache: list[Finding | None] | None
    _all: tuple[Finding, ...] | None

    def __init__(self, department: str | None, year: int | None, checks: tuple[Finding, ...]):
        # As Report is built (attrs.evolve builds one so): every check given.
        self._set(department, year, tuple(c.observation for c in checks), (), (), {})
        object.__setattr__(self, "_cache", list(checks))
        object.__setattr__(self, "_all", tuple(checks))

    @classmethod
    def of(
        cls,
        department: str | None,
        year: int | None,
        observations: tuple[Record, ...],
        stops: tuple[int, ...],
        rules: tuple[Rule, ...],
        severities: Mapping[int, Severity],
    ) -> _Checked:
        """The report of ``observations``, made by ``rules`` (the checks of ``rules[k]`` end
        before ``stops[k]``), their severities info but those in ``severities``."""
        self = object.__new__(cls)
        self._set(department, year, observations, stops, rules, severities)
        object.__setattr__(self, "_cache", None)
        object.__setattr__(self, "_all", None)
        return self

    def _set(
        self,
        department: str | None,
        year: int | None,
        observations: tuple[Record, ...],
        stops: tuple[int, ...],
        rules: tuple[Rule, ...],
        severities: Mapping[int, Severity],
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "department", department)
        setattr_(self, "year", year)
        setattr_(self, "_observations", observations)
        setattr_(self, "_stops", stops)
        setattr_(self, "_rules", rules)
        setattr_(self, "_severities", severities)

    def _finding(self, index: int) -> Finding:
        cache = self._cache
        if cache is None:
            cache = [None] * len(self._observations)
            object.__setattr__(self, "_cache", cache)
        found = cache[index]
        if found is None:
            rule = self._rules[bisect_right(self._stops, index)]
            severity = self._severities.get(index, Severity.INFO)
            found = cache[index] = Finding(rule, severity, resolve(self._observations[index]))
        return found

    @property
    def checks(self) -> tuple[Finding, ...]:
        """Every check made, in the order made."""
        built = self._all
        if built is None:
            built = tuple(self._finding(i) for i in range(len(self._observations)))
            object.__setattr__(self, "_all", built)
        return built

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The checks a person should see: every one that is not exact, worst first."""
        exact = Outcome.EXACT
        shown = [
            self._finding(i)
            for i, o in enumerate(self._observations)
            if not isinstance(o, tuple) and o.outcome is not exact
        ]
        return tuple(sorted(shown, key=lambda f: SEVERITY_RANK[f.severity]))

    @property
    def summary(self) -> Summary:
        """Counts of checks by outcome and of findings by severity."""
        exact = Outcome.EXACT
        outcomes = Counter(exact if isinstance(o, tuple) else o.outcome for o in self._observations)
        return _summary(outcomes, self.findings)

    def checks_by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """Every check made by one rule, exact ones included, in the order made."""
        if self._all is not None:
            return super().checks_by_rule(rule_id)
        found: list[Finding] = []
        start = 0
        for stop, rule in zip(self._stops, self._rules, strict=True):
            if rule.id == rule_id:
                found += (self._finding(i) for i in range(start, stop))
            start = stop
        return tuple(found)

    def _plain(self) -> Report:
        return Report(self.department, self.year, self.checks)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return (self.department, self.year, self.checks) == (
            other.department,
            other.year,
            other.checks,
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Report.__hash__

    def __repr__(self) -> str:
        return repr(self._plain())

    def __reduce__(self) -> tuple[type[Report], tuple[str | None, int | None, tuple[Finding, ...]]]:
        return Report, (self.department, self.year, self.checks)


_PLACE_KEYS: Final = (
    "file",
    "page",
    "sheet",
    "table",
    "row",
    "column",
    "cell",
    "pointer",
    "line",
    "char",
)
#: The keys of :meth:`Report.to_records`, in order.
RECORD_KEYS: Final = (
    "department",
    "year",
    "rule_id",
    "family",
    "severity",
    "outcome",
    "location",
    "location_zh",
    "location_en",
    "source",
    *_PLACE_KEYS,
    "unit",
    *FIGURES,
    "method",
    "diagnosis",
    "message_zh",
    "message_en",
)


def _record(report: Report, finding: Finding) -> dict[str, object]:
    place = finding.location.place
    record: dict[str, object] = {
        "department": report.department,
        "year": report.year,
        "rule_id": finding.rule_id,
        "family": finding.rule.family,
        "severity": finding.severity.value,
        "outcome": finding.outcome.value,
        "location": finding.location.path,
        "location_zh": finding.location.zh,
        "location_en": finding.location.en,
        "source": finding.location.source,
    }
    record.update(dict.fromkeys(_PLACE_KEYS) if place is None else place.to_dict())
    record["unit"] = finding.scale.label
    for key, value in finding.exact_figures().items():
        record[key] = None if value is None else exact_decimal(value)
    method = finding.verdict.method if finding.verdict is not None else None
    record["method"] = None if method is None else method.value
    record["diagnosis"] = None if finding.diagnosis is None else finding.diagnosis.code
    record["message_zh"] = finding.message_zh
    record["message_en"] = finding.message_en
    return record


def _polars_schema() -> dict[str, polars.DataType | type[polars.DataType]]:
    """Column types, so that an empty report or a column of ``None`` still has its type."""
    import polars

    types: dict[str, polars.DataType | type[polars.DataType]] = dict.fromkeys(
        RECORD_KEYS, polars.String
    )
    for key in ("year", "page", "row", "column", "line", "char"):
        types[key] = polars.Int64
    for key in FIGURES:
        types[key] = polars.Decimal(precision=38, scale=12)
    return types
