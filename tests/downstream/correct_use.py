"""Downstream code that uses govbudget as documented: passes ``mypy --strict``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs

import govbudget
from govbudget import (
    RULES,
    Amount,
    DepartmentBudget,
    Figure,
    Finding,
    Outcome,
    Report,
    Rule,
    Severity,
    pct,
    validate,
    wan,
    yuan,
)
from govbudget.errors import DocumentError, GovBudgetError
from govbudget.model import Expenditure, ThreePublic
from govbudget.render import render_json, render_text
from govbudget.rules import Location, Observation


def total_of(budget: DepartmentBudget) -> Amount | None:
    if budget.expenditure is None or budget.expenditure.total is None:
        return None
    return budget.expenditure.total.amount


def errors(report: Report) -> list[tuple[str, str, str | None]]:
    return [
        (f.rule_id, f.location.path, f.figures()["gap"])
        for f in report.findings
        if f.severity is Severity.ERROR and f.outcome is Outcome.INCONSISTENT
    ]


def raise_total(budget: DepartmentBudget, by: Amount) -> DepartmentBudget:
    spending = budget.expenditure or Expenditure()
    old = spending.total.amount if spending.total and spending.total.amount else wan(0)
    return attrs.evolve(budget, expenditure=attrs.evolve(spending, total=Figure(amount=old + by)))


def no_receptions(budget: DepartmentBudget) -> Iterator[Observation]:
    three = budget.three_public
    if three is not None and three.reception is not None and three.reception.amount:
        yield Observation(
            outcome=Outcome.INCONSISTENT,
            location=Location("/three_public/reception", "公务接待费", "official reception"),
        )


MY_RULE = Rule(
    id="MY001",
    family="house",
    severity=Severity.WARNING,
    title_zh="不安排公务接待费",
    title_en="No reception spending",
    message_zh="{where}：有公务接待费",
    message_en="{where}: reception spending",
    formula="公务接待费 = 0",
    check=no_receptions,
)


def main(path: Path) -> int:
    try:
        budget = govbudget.load(path)
    except DocumentError as error:
        print(error.source, error.pointer, error.message)
        return 2
    except GovBudgetError:
        return 2
    share: Fraction = wan("24.1").ratio(wan("425.23"))
    exact: Amount = yuan("1,234.50") + wan(Decimal("0.5")) - wan(1)
    percent: Decimal = pct("5.3", "减少").signed
    report = validate(
        raise_total(budget, exact),
        select=["totals", "three_public"],
        severity_overrides={"TOT004": Severity.WARNING},
        rules={**RULES, MY_RULE.id: MY_RULE},
    )
    first: Finding | None = report.findings[0] if report.findings else None
    if first is not None:
        print(first.message("en"), first.to_dict()["rule_id"])
    print(share, percent, report.summary.text("en"), errors(report))
    print(render_text(report, lang="en"), json.loads(render_json(report))["ok"])
    budget = attrs.evolve(budget, three_public=ThreePublic(total=Figure(amount=wan("0.4"))))
    return 0 if report.ok else 1
