"""Tables against each other (TAB005): the same figure in two tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.classification.names import normalize as name_key
from govbudget.model import DepartmentBudget
from govbudget.rounding import Exact, Outcome, Verdict
from govbudget.rules.base import Observation
from govbudget.rules.tables._cells import (
    K,
    Ref,
    Spot,
    _blank,
    _column,
    _equal,
    _first_row,
    _place,
    _rule,
    _scale,
    _short,
    _side_named,
    _spot,
    _sum,
    _value,
)
from govbudget.table import Table
from govbudget.tables.query import column_index, find_table, is_numbered, key, rows_of

__all__ = ["RULES", "spot_cell"]


_FINAL_PAIRS: Final[tuple[tuple[Spot, tuple[Spot, ...]], ...]] = (
    (
        (K.FINAL_INCOME, None, "合计", "本年收入合计"),
        ((K.FINAL_SUMMARY, "收入", "本年收入合计", ""),),
    ),
    (
        (K.FINAL_EXPENDITURE, None, "合计", "本年支出合计"),
        ((K.FINAL_SUMMARY, "支出", "本年支出合计", ""),),
    ),
    (
        (K.FINAL_INCOME, None, "合计", "财政拨款收入"),
        (
            (K.FINAL_SUMMARY, "收入", "一般公共预算财政拨款收入", ""),
            (K.FINAL_SUMMARY, "收入", "政府性基金预算财政拨款收入", ""),
            (K.FINAL_SUMMARY, "收入", "国有资本经营预算财政拨款收入", ""),
        ),
    ),
    *(
        ((K.FINAL_INCOME, None, "合计", name), ((K.FINAL_SUMMARY, "收入", name, ""),))
        for name in ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
    ),
    *(
        ((K.FINAL_APPROPRIATION, "收入", fund, ""), ((K.FINAL_SUMMARY, "收入", fund + "收入", ""),))
        for fund in ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    ),
    (
        (K.FINAL_GENERAL_PUBLIC, None, "合计", "合计"),
        ((K.FINAL_APPROPRIATION, "支出", "本年支出合计", "一般公共预算财政拨款"),),
    ),
    (
        (K.FINAL_GENERAL_PUBLIC, None, "合计", "基本支出"),
        (
            (K.FINAL_GENERAL_PUBLIC_BASIC, None, "人员经费合计", ""),
            (K.FINAL_GENERAL_PUBLIC_BASIC, None, "公用经费合计", ""),
        ),
    ),
    *(
        (
            (kind, None, "合计", "本年支出/合计"),
            ((K.FINAL_APPROPRIATION, "支出", "本年支出合计", fund),),
        )
        for kind, fund in (
            (K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
            (K.FINAL_STATE_CAPITAL, "国有资本经营预算财政拨款"),
        )
    ),
    *(
        ((kind, None, "合计", "本年收入"), ((K.FINAL_APPROPRIATION, "收入", fund, ""),))
        for kind, fund in (
            (K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款"),
            (K.FINAL_STATE_CAPITAL, "国有资本经营预算财政拨款"),
        )
    ),
    ((K.BUDGET_INCOME, None, "合计", "合计"), ((K.BUDGET_SUMMARY, "收入", "本年收入合计", ""),)),
    (
        (K.BUDGET_EXPENDITURE, None, "合计", "合计"),
        ((K.BUDGET_SUMMARY, "支出", "本年支出合计", ""),),
    ),
    (
        (K.BUDGET_GENERAL_PUBLIC, None, "合计", "合计"),
        ((K.BUDGET_APPROPRIATION, "支出", "本年支出合计", "一般公共预算"),),
    ),
)


def spot_cell(budget: DepartmentBudget, spot: Spot) -> Ref | None:
    """The cell (table, row, column) of a standard table's row and column, by their names:
    ``(kind, side, row, column)``, ``""`` for the side's amount column (for other modules:
    the series across years read a document's 收支总表 with it)."""
    return _first_row(budget, spot)


def _cross_tables(budget: DepartmentBudget) -> Iterator[Observation]:
    """The same figure agrees across tables: 收入表 and 支出表 totals with the 总表's lines, the
    funds with the 财政拨款收支总表, each 类 of a 总表 with the detail table's, and each 一般公共预算
    line ≤ the same line of the 支出表 (all funds).

    Why: tables made separately drift apart when one is revised. Two cells one unit apart in the
    last place are one 元 amount rounded twice, a warning; further apart, an error.
    Example: 收入决算表 合计 本年收入合计 150 = 收入支出决算总表 本年收入合计 150.
    """
    if len(budget.tables) < 2:
        return  # two tables to compare, or nothing
    for first, others in _FINAL_PAIRS:
        ref = _spot(budget, first)
        refs = [_spot(budget, other) for other in others]
        if ref is None or any(r is None for r in refs):
            continue
        parts = [r for r in refs if r is not None]
        names = " + ".join(_short(budget, r) for r in parts)
        relation = f"{_short(budget, ref)} = {names}"
        observation = _sum(budget, ref, parts, relation, twice=True)
        if observation is not None:
            yield observation
    yield from _class_lines(budget)
    yield from _detail_lines(budget)


def _class_lines(budget: DepartmentBudget) -> Iterator[Observation]:
    """Each 类 line of a 总表 equals the same 类 in the detail table, matched by name."""
    pairs = (
        (K.FINAL_SUMMARY, "支出", "", K.FINAL_EXPENDITURE, "本年支出合计"),
        (K.FINAL_APPROPRIATION, "支出", "一般公共预算财政拨款", K.FINAL_GENERAL_PUBLIC, "合计"),
        (K.BUDGET_SUMMARY, "支出", "", K.BUDGET_EXPENDITURE, "合计"),
        (K.BUDGET_APPROPRIATION, "支出", "一般公共预算", K.BUDGET_GENERAL_PUBLIC, "合计"),
    )
    for summary_kind, side, summary_column, detail_kind, detail_column in pairs:
        summary, detail = (
            find_table(budget.tables, summary_kind),
            find_table(budget.tables, detail_kind),
        )
        if summary is None or detail is None:
            continue
        si, stable = summary
        di, dtable = detail
        stable_side = _side_named(stable, side)
        sc = _column(stable, summary_column, stable_side)
        dc = column_index(dtable, detail_column)
        if sc is None or dc is None:
            continue
        classes = {
            name_key(key(row.name)): i
            for i, row in rows_of(dtable)
            if row.code and len(row.code) == 3
        }
        for ri, row in rows_of(stable, stable_side):
            if not is_numbered(row.name):
                continue
            found = classes.get(name_key(key(row.name)))
            if found is None:
                if row.values[sc] is None or row.values[sc] == 0:
                    continue
                yield _missing_line(budget, (si, ri, sc), dtable)
                continue
            observation = _sum(
                budget,
                (si, ri, sc),
                [(di, found, dc)],
                f"{_short(budget, (si, ri, sc))} = {_short(budget, (di, found, dc))}",
                twice=True,
            )
            if observation is not None:
                yield observation


def _missing_line(budget: DepartmentBudget, ref: Ref, detail: Table) -> Observation:
    value = _value(budget, ref)
    size: Exact = value.value if value.value >= 0 else -value.value
    verdict = Verdict(
        Outcome.INCONSISTENT, value.value, 0, 0, 0, size, value.half, size - value.half
    )
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=_place(budget, ref),
        verdict=verdict,
        scale=_scale(budget, budget.tables[ref[0]]),
        params={"relation": f"{detail.title} 中没有这一类", "count": "1"},
        formula=f"{_short(budget, ref)} = {detail.title} 中同名的类",
    )


def _detail_lines(budget: DepartmentBudget) -> Iterator[Observation]:
    """A 一般公共预算 line is part of the same line of all funds: each column at most the other."""
    for part_kind, whole_kind in (
        (K.FINAL_GENERAL_PUBLIC, K.FINAL_EXPENDITURE),
        (K.BUDGET_GENERAL_PUBLIC, K.BUDGET_EXPENDITURE),
    ):
        part, whole = find_table(budget.tables, part_kind), find_table(budget.tables, whole_kind)
        if part is None or whole is None:
            continue
        pi, ptable = part
        wi, wtable = whole
        codes = {row.code: i for i, row in rows_of(wtable) if row.code}
        for ci, column in enumerate(ptable.columns):
            name = (
                "本年支出合计"
                if column.name == "合计" and whole_kind is K.FINAL_EXPENDITURE
                else column.name
            )
            wc = column_index(wtable, name)
            if wc is None:
                continue
            for ri, row in rows_of(ptable):
                target = codes.get(row.code) if row.code else None
                if target is None or (
                    _blank(budget, (pi, ri, ci)) and _blank(budget, (wi, target, wc))
                ):
                    continue
                yield _equal(
                    budget,
                    (pi, ri, ci),
                    _value(budget, (wi, target, wc)),
                    f"{_short(budget, (pi, ri, ci))} ≤ {_short(budget, (wi, target, wc))}",
                    at_most=True,
                )


RULES: Final = (
    _rule(
        "TAB005",
        "同一数字在不同表中一致",
        "The same figure agrees across tables",
        "总表、收入表、支出表、财政拨款表、一般公共预算表、基本支出表、政府性基金表的对应单元格相等；一般公共预算各行 ≤ 支出表同一行",
        _cross_tables,
    ),
)
