"""JSON Pointers for the findings of a JSON document: where in the file each figure is.

A finding names its place in the budget by keys (``/expenditure/by_economic/302``,
a classification line by its code); the JSON document holds the same figure at
a JSON Pointer (``/expenditure/by_economic/1``, the line by its position). The
document format writes every field under its model name and every list in the
model's order, so the pointer is found by walking the budget itself — no second
reading of the file.

>>> from govbudget import load, validate
>>> budget = load("examples/zengdu-xinfang-2025/budget.json")
>>> pointer_of(budget, "/expenditure/by_economic/302")
'/expenditure/by_economic/1'
>>> pointer_of(budget, "/income/grand_total#prior")
'/income/grand_total/prior'
"""

from __future__ import annotations

import attrs

from govbudget.model import DepartmentBudget
from govbudget.place import Place
from govbudget.report import Finding, Report
from govbudget.rules.base import Location

__all__ = ["pointer_of", "with_pointers"]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _step(value: object, key: str) -> tuple[object, str] | None:
    """The value under ``key`` and the pointer segment(s) that reach it, if any."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            if getattr(item, "code", None) == key or getattr(item, "name", None) == key:
                return item, str(index)
        return None
    kind = type(value)
    if attrs.has(kind):
        names = {f.name for f in attrs.fields(kind)}
        if key in names:
            return getattr(value, key), _escape(key)
        children = getattr(value, "children", None)  # a classification line's own lines
        if "children" in names and isinstance(children, tuple):
            found = _step(children, key)
            if found is not None:
                return found[0], f"children/{found[1]}"
    return None


def pointer_of(budget: DepartmentBudget, path: str) -> str:
    """The JSON Pointer of the deepest part of ``path`` the document holds ("" for none).

    A path's column (``#prior``) is the figure's field of that name; keys that name
    a relation rather than a value (``/shares``, ``/direction``) stop the walk.
    """
    keys, _, column = path.partition("#")
    value: object = budget
    segments: list[str] = []
    for key in [k for k in keys.split("/") if k] + ([column] if column else []):
        found = _step(value, key)
        if found is None:
            break
        value, segment = found
        segments.append(segment)
    return "".join(f"/{s}" for s in segments)


def with_pointers(report: Report, budget: DepartmentBudget, source: str) -> Report:
    """``report`` with each finding that has no place placed at its JSON Pointer in ``source``."""
    shown = {id(f) for f in report.findings}
    checks = tuple(_placed(c, budget, source) if id(c) in shown else c for c in report.checks)
    return Report(report.department, report.year, checks)


def _placed(finding: Finding, budget: DepartmentBudget, source: str) -> Finding:
    location = finding.location
    if location.place is not None:
        return finding
    pointer = pointer_of(budget, location.path)
    if not pointer:
        return finding
    place = Place(file=source, pointer=pointer)
    observation = attrs.evolve(
        finding.observation, location=Location(location.path, location.zh, location.en, place)
    )
    return attrs.evolve(finding, observation=observation)
