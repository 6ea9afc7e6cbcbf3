"""Which tables are published and what they hold (TAB007–TAB011).

The tables the contents list or the template requires, their order, their units, the 基本支出
table's 人员经费 and 公用经费, and the tables that are empty or stated as none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.rounding import Outcome
from govbudget.rules.base import Location, Observation, Severity
from govbudget.rules.tables._cells import K, _rule, _sum
from govbudget.table import Table, TableKind
from govbudget.tables.query import find_table, row_index, rows_of
from govbudget.tables.specs import SPECS, match_title, spec_of

__all__ = ["RULES"]


# --- TAB007: the required tables are there, or their absence is stated ------------------------


def _stated_none(budget: DepartmentBudget, kind: TableKind) -> bool:
    income, three = budget.income, budget.three_public
    figures: dict[TableKind, Figure | None] = {
        K.FINAL_GOVERNMENT_FUND: income.government_fund if income else None,
        K.FINAL_STATE_CAPITAL: income.state_capital if income else None,
        K.BUDGET_GOVERNMENT_FUND: income.government_fund if income else None,
        K.BUDGET_STATE_CAPITAL: income.state_capital if income else None,
        K.FINAL_THREE_PUBLIC: three.total if three else None,
        K.BUDGET_THREE_PUBLIC: three.total if three else None,
    }
    figure = figures.get(kind)
    return figure is not None and figure.none_stated


#: A 目录 entry's dotted leader and page number ("二、收入决算表……6").
_LEADER: Final = re.compile(r"\s*(?:[.．·…_\-—]{2,}\s*)?\d{0,3}$")


def _listed(budget: DepartmentBudget) -> list[TableKind]:
    """The standard tables the table of contents (目录) lists, in its order."""
    kinds: list[TableKind] = []
    for entry in budget.contents:
        spec = match_title(_LEADER.sub("", entry))
        if spec is not None and spec.document is budget.kind and spec.kind not in kinds:
            kinds.append(spec.kind)
    return kinds


def _expected(budget: DepartmentBudget) -> list[TableKind] | None:
    """The tables the document should have: those its 目录 lists, else the template's.

    Only for a document whose tables were printed (PDF, workbook). ``None`` for a
    text with tables pasted into it: a web page shows some tables as text and
    others as images or attachments, so the ones pasted are not its whole set.
    """
    if all(t.pasted for t in budget.tables):
        return None
    listed = _listed(budget)
    if listed:
        return listed
    return [s.kind for s in SPECS if s.document is budget.kind and s.required]


def _required(budget: DepartmentBudget) -> Iterator[Observation]:
    """Every table the 目录 lists (without one: the template's, 决算九张表、预算八张表) is in the
    document, or the narrative states that there is no such fund (无).

    Why: a missing table (the 政府性基金 one, say) is a gap in what must be published; a fund
    stated as none needs no table. Not checked for tables pasted into a text (a web page); a
    warning only when, with no 目录, fewer than half the template's tables are there (an excerpt,
    or tables printed as images).
    Example: no 政府性基金预算财政拨款收入支出决算表, and the text says 本单位无政府性基金: fine.
    """
    if not budget.tables:
        return
    expected = _expected(budget)
    if expected is None:
        return
    listed = bool(_listed(budget))
    present = {t.kind: (i, t) for i, t in reversed(list(enumerate(budget.tables))) if t.kind}
    # Without a 目录, a document holding fewer than half the template's tables may be an
    # excerpt, or have the others as images no reader can take: their absence is a warning.
    excerpt = not listed and 2 * sum(kind in present for kind in expected) < len(expected)
    for kind in expected:
        spec = spec_of(kind)
        found = present.get(kind)
        if found is not None:
            index, table = found
            yield Observation(
                outcome=Outcome.EXACT,
                location=Location(
                    f"/tables/{index}", table.where("zh"), table.where("en"), table.place()
                ),
                params={"title": spec.title, "state": "存在"},
                formula=f"{spec.title} 存在，或说明无此类资金",
            )
            continue
        stated_none = _stated_none(budget, kind)
        if stated_none:
            state = "未附此表，说明中已说明无此类资金"
        elif listed:
            state = "目录列出此表，但文件中没有此表，也未说明无此类资金"
        elif excerpt:
            state = "缺少此表，也未说明无此类资金（文件只读到少数几张表，可能是节选或其余表为图片）"
        else:
            state = "缺少此表，也未说明无此类资金"
        yield Observation(
            outcome=Outcome.EXACT if stated_none else Outcome.INCONSISTENT,
            location=Location(f"/tables#{kind.value}", spec.title, spec.title),
            severity=Severity.WARNING if excerpt and not stated_none else None,
            params={"title": spec.title, "state": state},
            formula=f"{spec.title} 存在，或说明无此类资金",
        )


# --- TAB010: no table twice, and the tables in the order of the 目录 (or the template) --------


def _order(budget: DepartmentBudget) -> Iterator[Observation]:
    """No standard table appears twice, and the tables follow the order of the 目录 (else the template).

    Why: a table printed twice may be two versions of it, and one out of place is compared with
    the wrong pages by a reader; the order is presentation, so only a warning.
    Example: the 一般公共预算财政拨款支出表 printed before the 收入表 when the 目录 lists it after.
    """
    expected = _expected(budget)
    if not budget.tables or expected is None:
        return
    rank = {kind: i for i, kind in enumerate(expected)}
    seen: set[TableKind] = set()
    latest: tuple[int, Table] | None = None  # the table furthest along the expected order so far
    for index, table in enumerate(budget.tables):
        kind = table.kind
        if kind is None or kind not in rank:
            continue
        location = Location(f"/tables/{index}", table.where("zh"), table.where("en"), table.place())
        if kind in seen:
            state = "同一张表出现两次"
        elif latest is not None and rank[kind] < rank[latest[1].kind or kind]:
            state = f"排在“{latest[1].title}”之后，应在其前"
        else:
            state = ""
        seen.add(kind)
        if latest is None or rank[kind] > rank[latest[1].kind or kind]:
            latest = (index, table)
        yield Observation(
            outcome=Outcome.INCONSISTENT if state else Outcome.EXACT,
            location=location,
            params={"title": table.title, "state": state or "顺序正确"},
            formula="各表只出现一次，顺序与目录（或模板）一致",
        )


# --- TAB011: an empty table says so, and a fund stated as none has an empty table -----------


def _empty_statements(budget: DepartmentBudget) -> Iterator[Observation]:
    """A table with no figures says so (本表无数据, or the narrative states the fund none),
    and a table said to be empty, or of a fund stated as none, has no figures.

    Why: a reader cannot tell an empty table from a missing page unless it says so (a warning);
    a fund stated as none with figures in its table is a contradiction (an error).
    Example: an empty 国有资本经营预算 table with the note “本表无数据” is fine.
    """
    for index, table in enumerate(budget.tables):
        if table.kind is None:
            continue
        location = Location(f"/tables/{index}", table.where("zh"), table.where("en"), table.place())
        empty = all(v is None or v.fen == 0 for row in table.rows for v in row.values)
        stated_none = _stated_none(budget, table.kind)
        if empty:
            said = table.empty_statement is not None or stated_none
            yield Observation(
                outcome=Outcome.EXACT if said else Outcome.INCONSISTENT,
                location=location,
                params={
                    "state": "表内无数据，且未说明“本表无数据”"
                    if not said
                    else "表内无数据，已说明"
                },
                severity=None if said else Severity.WARNING,
                formula="无数据的表说明“本表无数据”",
            )
        elif stated_none or table.empty_statement is not None:
            claim = "说明中称无此类资金" if stated_none else f"表注称“{table.empty_statement}”"
            yield Observation(
                outcome=Outcome.INCONSISTENT,
                location=location,
                params={"state": f"{claim}，但表中有数字"},
                formula="说明无此类资金（本表无数据）的表中没有数字",
            )


# --- TAB008: every table states its unit ------------------------------------------------------


def _units(budget: DepartmentBudget) -> Iterator[Observation]:
    """Every table states its money unit (单位：万元 / 单位：元) in its header.

    Why: a table without a unit may be read at the wrong scale (元 for 万元), so every figure is
    in doubt; read with the document's unit, and only a warning.
    Example: a 支出决算表 whose header has no “单位：万元” line is flagged (read as 万元).
    """
    for index, table in enumerate(budget.tables):
        if table.kind is None and not table.rows:
            continue
        unit = (table.precision or budget.precision).unit.label
        yield Observation(
            outcome=Outcome.EXACT if table.unit_line else Outcome.INCONSISTENT,
            location=Location(
                f"/tables/{index}/unit_line", table.where("zh"), table.where("en"), table.place()
            ),
            params={
                "title": table.title,
                "read_unit": unit,
                "state": table.unit_line or "未标明单位",
            },
            formula="每张表标明金额单位（单位：万元 / 单位：元）",
        )


# --- TAB009: 人员经费合计 and 公用经费合计 of the 基本支出 table ---------------------------------

_PERSONNEL: Final = ("301", "303")


_PUBLIC: Final = ("302", "307", "309", "310", "399")


def _basic_split(budget: DepartmentBudget) -> Iterator[Observation]:
    """In the 基本支出 table: 人员经费合计 = 301 + 303, and 公用经费合计 = 302 + 307 + 309 + 310
    + 399 (the classes printed), in every column.

    Why: the two subtotals are what the narrative quotes; which classes each includes differs
    by locality, so a gap is a warning rather than an error.
    Example: 人员经费合计 82 = 301 工资福利支出 76 + 303 对个人和家庭的补助 6.
    """
    found = find_table(budget.tables, K.FINAL_GENERAL_PUBLIC_BASIC, K.BUDGET_GENERAL_PUBLIC_BASIC)
    if found is None:
        return
    ti, table = found
    for total_name, classes in (("人员经费合计", _PERSONNEL), ("公用经费合计", _PUBLIC)):
        total = row_index(table, total_name)
        if total is None:
            continue
        parts = [i for i, row in rows_of(table) if row.code in classes]
        for c in range(len(table.columns)):
            codes = "+".join(table.rows[i].code or "" for i in parts)
            observation = _sum(
                budget,
                (ti, total, c),
                [(ti, i, c) for i in parts],
                f"{total_name} = {codes}",
                severity=Severity.WARNING,
            )
            if observation is not None:
                yield observation


RULES: Final = (
    _rule(
        "TAB007",
        "应公开的表齐全（目录所列、或模板所定），或说明无此类资金",
        "Every table the contents list (or the template requires) is published, or its absence explained",
        "目录列出的表（无目录时：决算九张表、预算八张表）均在，或说明无此类资金",
        _required,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
    _rule(
        "TAB008",
        "每张表标明金额单位",
        "Every table states its unit",
        "表头有“单位：万元”或“单位：元”",
        _units,
        severity=Severity.WARNING,
        message_zh="{where}：{state}（按 {read_unit} 读取）",
        message_en="{where}: {state} (read as {read_unit})",
    ),
    _rule(
        "TAB009",
        "基本支出表：人员经费合计 = 301 + 303，公用经费合计 = 302 + 310 等",
        "Basic spending table: personnel = 301 + 303, public expenses = 302 + 310 (+ others)",
        "人员经费合计 = 工资福利支出 + 对个人和家庭的补助；公用经费合计 = 商品和服务支出 + 资本性支出 + …（各地口径不一，警告）",
        _basic_split,
        severity=Severity.WARNING,
    ),
    _rule(
        "TAB010",
        "各表不重复，顺序与目录（或模板）一致",
        "No table twice, and the tables in the order of the contents (or the template)",
        "每张标准表只出现一次，且按目录（无目录时按模板）的顺序排列",
        _order,
        severity=Severity.WARNING,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
    _rule(
        "TAB011",
        "无数据的表说明“本表无数据”；说明无此类资金的表中没有数字",
        "An empty table says so; a table of funds stated as none is empty",
        "空表有“本表无数据”说明（或说明无此类资金）；说明无此类资金或本表无数据的表中全为空",
        _empty_statements,
        message_zh="{where}：{state}",
        message_en="{where}: {state}",
    ),
)
