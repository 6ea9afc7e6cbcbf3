"""Findings and the report of one validation, with JSON-ready data and text rendering.

A :class:`Report` keeps every check made (``checks``) and the ones a person
should see (``findings``: inconsistencies, within-rounding results as
information, warnings). Each :class:`Finding` explains itself: the rule, the
place, the stated and computed figures, the gap and the largest gap rounding
allows, a likely cause where one is known, and the message in Chinese and
English with the figures in the document's unit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final, Literal

from attrs import frozen

from govbudget.rounding import Method, Outcome, Verdict
from govbudget.rules.base import (
    FAMILIES,
    Diagnosis,
    Location,
    Observation,
    Rule,
    Scale,
    Severity,
)

__all__ = ["Finding", "Language", "Report", "Summary"]

Language = Literal["zh", "en"]

_METHOD: Final[dict[Method, tuple[str, str]]] = {
    Method.ROUNDED: ("四舍五入", "rounded"),
    Method.TRUNCATED: ("截尾而非四舍五入", "truncated, not rounded"),
    Method.ADJUSTED: ("尾差调整使合计为100%", "adjusted so the shares add up to 100%"),
}
_OUTCOME: Final[dict[Outcome, tuple[str, str]]] = {
    Outcome.EXACT: ("一致", "exact"),
    Outcome.WITHIN_ROUNDING: ("在舍入范围内", "within rounding"),
    Outcome.INCONSISTENT: ("不一致", "inconsistent"),
}
_SEVERITY: Final[dict[Severity, tuple[str, str]]] = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
}
_SEVERITY_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


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

    def figures(self) -> dict[str, str | None]:
        """Stated, computed, interval, gap and tolerance as text in the document's unit."""
        verdict, show = self.verdict, self.scale.show
        if verdict is None:
            return dict.fromkeys(
                ("stated", "computed", "low", "high", "gap", "tolerance", "min_gap")
            )
        return {
            "stated": show(verdict.stated),
            "computed": show(verdict.computed),
            "low": show(verdict.low),
            "high": show(verdict.high),
            "gap": show(verdict.gap),
            "tolerance": show(verdict.tolerance),
            "min_gap": show(verdict.min_gap),
        }

    def message(self, lang: Language = "zh") -> str:
        """The finding in words, with its figures and, where known, the likely cause."""
        zh = lang == "zh"
        if self.verdict is None and self.outcome is Outcome.EXACT:
            # A relation without figures that holds: its title says what was checked.
            where = self.location.zh if zh else self.location.en
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
        body = (self.rule.message_zh if zh else self.rule.message_en).format_map(values)
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
        return tuple(sorted(shown, key=lambda f: _SEVERITY_RANK[f.severity]))

    @property
    def ok(self) -> bool:
        """True when no finding has the severity error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def summary(self) -> Summary:
        """Counts of checks by outcome and of findings by severity."""
        outcomes = Counter(c.outcome for c in self.checks)
        severities = Counter(f.severity for f in self.findings)
        return Summary(
            checks=len(self.checks),
            exact=outcomes[Outcome.EXACT],
            within_rounding=outcomes[Outcome.WITHIN_ROUNDING],
            inconsistent=outcomes[Outcome.INCONSISTENT],
            errors=severities[Severity.ERROR],
            warnings=severities[Severity.WARNING],
            infos=severities[Severity.INFO],
        )

    def by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """Every check made by one rule."""
        return tuple(c for c in self.checks if c.rule_id == rule_id)

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
        """The report as text (or Markdown), findings grouped by family."""
        return "\n".join(_render(self, lang, markdown))


def _render(report: Report, lang: Language, markdown: bool) -> Iterable[str]:
    zh = lang == "zh"
    title = report.title(lang)
    title += " — govbudget 检查报告" if zh else " — govbudget report"
    yield f"# {title}" if markdown else title
    yield ""
    families: dict[str, list[Finding]] = {}
    for finding in report.findings:
        families.setdefault(finding.rule.family, []).append(finding)
    for family, findings in families.items():
        name = FAMILIES.get(family, (family, family))[0 if zh else 1]
        yield f"## {name}" if markdown else f"[{name}]"
        for f in findings:
            severity = _SEVERITY[f.severity][0 if zh else 1]
            outcome = _OUTCOME[f.outcome][0 if zh else 1]
            where = f.location.zh if zh else f.location.en
            source = f" ({f.location.source})" if f.location.source else ""
            head = f"{f.rule_id} {severity}/{outcome}"
            if markdown:
                yield f"- **{head}** — {where}{source}: {f.message(lang)}"
            else:
                yield f"  {head}  {where}{source}"
                yield f"      {f.message(lang)}"
        yield ""
    if not report.findings:
        yield "未发现问题。" if zh else "No findings."
        yield ""
    yield report.summary.text(lang)
