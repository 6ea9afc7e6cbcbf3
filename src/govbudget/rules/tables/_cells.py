"""The cells the table rules share: a cell's value and place, sums and relations of cells.

Also the cell spots by name (``Spot``) and the template every table rule is made from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

from attrs import evolve

from govbudget.model import DepartmentBudget
from govbudget.rounding import (
    Exact,
    Outcome,
    Stated,
    Verdict,
    check_at_most,
    check_equal,
    check_sum,
)
from govbudget.rules._support import diagnose_sum, equal_observation, sum_observation
from govbudget.rules.base import Diagnosis, Location, Observation, Rule, Scale, Severity
from govbudget.table import Table, TableKind
from govbudget.tables.query import column_index, find_table, grand_row, key, row_index, total_row

K = TableKind


#: A cell: (table index, row index, column index).
Ref = tuple[int, int, int]


def _precision_half(budget: DepartmentBudget, table: Table) -> Exact:
    return (table.precision or budget.precision).half_width_fen


def _scale(budget: DepartmentBudget, table: Table) -> Scale:
    return Scale.money(table.precision or budget.precision)


def _value(budget: DepartmentBudget, ref: Ref) -> Stated:
    table = budget.tables[ref[0]]
    value = table.rows[ref[1]].values[ref[2]]
    if value is None:
        return Stated(0)
    return Stated(value.fen, _precision_half(budget, table))


def _blank(budget: DepartmentBudget, ref: Ref) -> bool:
    return budget.tables[ref[0]].rows[ref[1]].values[ref[2]] is None


def _place(budget: DepartmentBudget, ref: Ref) -> Location:
    index, row, column = ref
    table = budget.tables[index]
    return Location(
        f"/tables/{index}/rows/{row}/values/{column}",
        table.cell_label(row, column, "zh"),
        table.cell_label(row, column, "en"),
        table.cell_place(row, column),
    )


def _short(budget: DepartmentBudget, ref: Ref) -> str:
    """A cell named for a relation: 表·行·列."""
    table = budget.tables[ref[0]]
    row, column = table.rows[ref[1]], table.columns[ref[2]]
    return f"{table.title}·{row.label}·{column.name}"


def _sum(
    budget: DepartmentBudget,
    total: Ref,
    parts: Sequence[Ref],
    relation: str,
    *,
    signs: Sequence[int] = (),
    severity: Severity | None = None,
    twice: bool = False,
) -> Observation | None:
    """``total = Σ parts`` over cells; ``None`` when every cell is blank.

    ``twice``: the one part is the same figure printed in another table. Printed
    one unit in the last place apart (326.71 and 326.72), it is one 元 amount
    rounded twice, each time from its own sum: a warning naming both cells, not
    an error; further apart, an error.
    """
    if not parts or all(_blank(budget, r) for r in (total, *parts)):
        return None
    whole = _value(budget, total)
    values = [_value(budget, r) for r in parts]
    scale = _scale(budget, budget.tables[total[0]])
    params = (("relation", relation), ("count", str(len(parts))))

    def named() -> list[tuple[str, Stated]]:
        return [(_short(budget, r), v) for r, v in zip(parts, values, strict=True)]

    if len(values) > 1 and not signs:  # a sum of cells, as a sum of the model's figures
        return sum_observation(
            _place(budget, total),
            whole,
            sum((v.value for v in values), 0),
            sum((v.half for v in values), 0),
            named,
            scale,
            params,
            severity=severity,
            formula=relation,
        )
    # A balance with signs (no part to blame), or one figure stated twice, rounded the same
    # way: then any difference is one.
    verdict = check_sum(whole, values, signs=signs) if signs else check_equal(whole, values[0])
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT and not signs:
        diagnosis = diagnose_sum(whole, named(), scale)
    if twice and _one_unit_apart(whole, values, verdict):
        severity = Severity.WARNING
        diagnosis = Diagnosis(
            "rounded_twice",
            "两处相差末位一个单位：同一元数两次舍入所致",
            "one unit in the last place apart: the same amount in 元 rounded twice",
        )
    return Observation(
        outcome=verdict.outcome,
        location=_place(budget, total),
        verdict=verdict,
        scale=scale,
        params=params,
        diagnosis=diagnosis,
        severity=severity,
        formula=relation,
    )


def _one_unit_apart(whole: Stated, values: Sequence[Stated], verdict: Verdict) -> bool:
    """Two statements of one figure at one precision, one last-place unit apart."""
    if len(values) != 1 or verdict.outcome is not Outcome.INCONSISTENT:
        return False
    other = values[0]
    return whole.half == other.half > 0 and abs(whole.value - other.value) == 2 * whole.half


def _equal(
    budget: DepartmentBudget,
    first: Ref,
    second: Stated,
    relation: str,
    *,
    at_most: bool = False,
    at_least: bool = False,
    severity: Severity | None = None,
) -> Observation:
    """A cell against another statement of the same figure (or ``cell ≤ other``, or
    ``cell ≥ other``)."""
    mine = _value(budget, first)
    scale = _scale(budget, budget.tables[first[0]])
    params = (("relation", relation), ("count", "1"))
    if not at_most and not at_least:
        return equal_observation(
            _place(budget, first), mine, second, scale, params, severity=severity, formula=relation
        )
    # Not the model's at-most relation: here the cell is the figure stated (and, ≤, the part).
    verdict = _at_most(mine, second) if at_most else _at_least(mine, second)
    return Observation(
        outcome=verdict.outcome,
        location=_place(budget, first),
        verdict=verdict,
        scale=scale,
        params=params,
        severity=severity,
        formula=relation,
    )


def _at_most(part: Stated, whole: Stated) -> Verdict:
    """``part ≤ whole``, stated as the part against the whole (the figure it must not exceed)."""
    return evolve(
        check_at_most(whole, part.value, part.half),
        stated=part.value,
        computed=whole.value,
        low=whole.low,
        high=whole.high,
    )


def _at_least(whole: Stated, part: Stated) -> Verdict:
    """``part ≤ whole``, stated as the whole against the part (the figure it must not be under)."""
    return check_at_most(whole, part.value, part.half)


def _find_row(table: Table, side: str | None, *names: str) -> int | None:
    for name in names:
        found = row_index(table, name, side)
        if found is not None:
            return found
    return None


#: (table kind, side, row name or names separated by |, column name): a cell as a person reads it.
Spot = tuple[TableKind, str | None, str, str]


def _spot(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    kind, side, row_name, column_name = spot
    found = find_table(budget.tables, kind)
    if found is None:
        return None
    ti, table = found
    side = _side_named(table, side)
    if row_name == "合计":
        row = total_row(table, side)
        row = row_index(table, "合计", side) if row is None else row
    elif row_name == "总计":
        row = grand_row(table, side)
    else:
        row = _find_row(table, side, *row_name.split("|"))
    column = _column(table, column_name, side)
    if row is None or column is None:
        return None
    return ti, row, column


def _column(table: Table, name: str, side: str | None = None) -> int | None:
    """The column called ``name``, or else the first whose header contains it."""
    found = column_index(table, name, side)
    if found is None and name:
        found = next(
            (i for i, c in enumerate(table.columns) if c.side == side and key(name) in key(c.name)),
            None,
        )
    return found


def _side_named(table: Table, side: str | None) -> str | None:
    if side is None:
        return None
    sides = {c.side for c in table.columns}
    return side if side in sides else next((s for s in sides if s and side in s), side)


def _first_row(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    if spot[2]:
        return _spot(budget, spot)
    found = find_table(budget.tables, spot[0])
    if found is None or not found[1].rows:
        return None
    ti, table = found
    column = column_index(table, spot[3])
    return None if column is None else (ti, 0, column)


_SUM_ZH: Final = "{where}：表中为 {stated}{unit}，按“{relation}”应为 {computed}{unit}"


_SUM_EN: Final = (
    "{where}: the table states {stated} {unit}; by {relation} it should be {computed} {unit}"
)


def _rule(
    id: str,
    title_zh: str,
    title_en: str,
    formula: str,
    check: Callable[[DepartmentBudget], Iterator[Observation]],
    *,
    severity: Severity = Severity.ERROR,
    message_zh: str = _SUM_ZH,
    message_en: str = _SUM_EN,
) -> Rule:
    return Rule(
        id=id,
        family="tables",
        severity=severity,
        title_zh=title_zh,
        title_en=title_en,
        message_zh=message_zh,
        message_en=message_en,
        formula=formula,
        check=check,
    )
