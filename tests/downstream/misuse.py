"""Downstream mistakes ``mypy --strict`` must catch: each marked line fails with that code."""

from __future__ import annotations

from govbudget import DepartmentBudget, Figure, Report, load, pct, validate, wan
from govbudget.model import Expenditure

budget = load("budget.json")

# Money is never a float.
wan(0.1)  # E: arg-type
wan(1) + 0.5  # E: operator
Figure(amount=0.5)  # E: arg-type
pct(5.3)  # E: arg-type

# The model is frozen.
budget.year = 2026  # E: misc
Expenditure().total = None  # E: misc

# A Severity, not its name.
validate(budget, severity_overrides={"TOT004": "warning"})  # E: dict-item

# No such field.
print(budget.expenditure_total)  # E: attr-defined
report: Report = validate(budget)
print(report.findings[0].rule_name)  # E: attr-defined

# Optional parts must be checked for None.
print(budget.expenditure.total)  # E: union-attr

# Tuples, not lists.
report.findings.append(report.findings[0])  # E: attr-defined

# A document is a path, text, bytes or a mapping.
load(2025)  # E: arg-type
DepartmentBudget(department="某局", year="2025")  # E: arg-type
