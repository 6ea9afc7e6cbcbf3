"""The standard table set of each template, as data: titles, aliases and which are required.

The 部门决算 template prescribes nine tables; the 部门预算 template eight, with
国有资本经营预算, 项目支出 and 绩效目标 tables added where the locality's template
has them. Titles vary a little between localities and years ("部门收支总表",
"收支预算总表"); each spec lists the variants seen, and :func:`match_title`
finds the spec of a printed title line.

>>> match_title("上海市XX局2024年度财政拨款收入支出决算总表").kind
<TableKind.FINAL_APPROPRIATION: 'final.appropriation'>
>>> match_title("一、收入支出决算总体情况说明") is None
True
>>> match_title("2024年市级“三公”经费预算表").kind
<TableKind.BUDGET_THREE_PUBLIC: 'budget.three_public'>
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from attrs import frozen

from govbudget.model import Kind
from govbudget.table import TableKind

__all__ = ["SPECS", "TableSpec", "is_continued", "match_title", "normalize_text", "spec_of"]


_QUOTES: Final = re.compile("[\"'“”‘’「」『』]")
_SPACE: Final = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Text as compared: compatibility-folded, no whitespace, no quote marks.

    >>> normalize_text("财政拨款“三公”经费 支出决算表")
    '财政拨款三公经费支出决算表'
    """
    folded = unicodedata.normalize("NFKC", text)
    return _QUOTES.sub("", _SPACE.sub("", folded))


@frozen
class TableSpec:
    """One standard table: its kind, official title, other printed titles, and if required."""

    kind: TableKind
    title: str
    aliases: tuple[str, ...]
    document: Kind
    required: bool = True

    @property
    def titles(self) -> tuple[str, ...]:
        """Every title the table is printed under, normalised."""
        return tuple(normalize_text(t) for t in (self.title, *self.aliases))


def _final(kind: TableKind, title: str, *aliases: str) -> TableSpec:
    return TableSpec(kind, title, aliases, Kind.FINAL)


def _budget(kind: TableKind, title: str, *aliases: str, required: bool = True) -> TableSpec:
    return TableSpec(kind, title, aliases, Kind.BUDGET, required)


K = TableKind

#: Every standard table, 决算 first, each kind once.
SPECS: Final[tuple[TableSpec, ...]] = (
    _final(K.FINAL_SUMMARY, "收入支出决算总表", "部门收入支出决算总表", "收支决算总表"),
    _final(K.FINAL_INCOME, "收入决算表", "部门收入决算表"),
    _final(K.FINAL_EXPENDITURE, "支出决算表", "部门支出决算表"),
    _final(K.FINAL_APPROPRIATION, "财政拨款收入支出决算总表", "财政拨款收支决算总表"),
    _final(
        K.FINAL_GENERAL_PUBLIC,
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款支出决算明细表",
    ),
    _final(K.FINAL_GENERAL_PUBLIC_BASIC, "一般公共预算财政拨款基本支出决算表"),
    _final(
        K.FINAL_THREE_PUBLIC,
        "财政拨款“三公”经费支出决算表",
        "一般公共预算财政拨款“三公”经费支出决算表",
        "“三公”经费支出决算表",
    ),
    _final(
        K.FINAL_GOVERNMENT_FUND,
        "政府性基金预算财政拨款收入支出决算表",
        "政府性基金预算财政拨款支出决算表",
    ),
    _final(
        K.FINAL_STATE_CAPITAL,
        "国有资本经营预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款支出决算表",
    ),
    _budget(K.BUDGET_SUMMARY, "部门收支总表", "收支总表", "收支预算总表", "部门收支预算总表"),
    _budget(K.BUDGET_INCOME, "部门收入总表", "收入总表", "收入预算总表", "部门收入预算表"),
    _budget(K.BUDGET_EXPENDITURE, "部门支出总表", "支出总表", "支出预算总表", "部门支出预算表"),
    _budget(K.BUDGET_APPROPRIATION, "财政拨款收支总表", "财政拨款收支预算总表"),
    _budget(
        K.BUDGET_GENERAL_PUBLIC,
        "一般公共预算支出表",
        "一般公共预算支出预算表",
        "一般公共预算财政拨款支出表",
        "一般公共预算财政拨款支出预算表",
    ),
    _budget(
        K.BUDGET_GENERAL_PUBLIC_BASIC,
        "一般公共预算基本支出表",
        "一般公共预算基本支出预算表",
        "一般公共预算财政拨款基本支出表",
        "一般公共预算财政拨款基本支出预算表",
    ),
    _budget(
        K.BUDGET_THREE_PUBLIC,
        "一般公共预算“三公”经费支出表",
        "一般公共预算“三公”经费支出预算表",
        "财政拨款“三公”经费支出预算表",
        "“三公”经费支出预算表",
    ),
    _budget(
        K.BUDGET_GOVERNMENT_FUND,
        "政府性基金预算支出表",
        "政府性基金预算支出预算表",
        "政府性基金预算财政拨款支出表",
    ),
    _budget(
        K.BUDGET_STATE_CAPITAL,
        "国有资本经营预算支出表",
        "国有资本经营预算支出预算表",
        "国有资本经营预算财政拨款支出表",
        required=False,
    ),
    _budget(K.BUDGET_PROJECTS, "项目支出表", "项目支出预算表", required=False),
    _budget(
        K.BUDGET_PERFORMANCE,
        "项目支出绩效目标表",
        "绩效目标表",
        "部门整体支出绩效目标表",
        required=False,
    ),
)

_BY_KIND: Final = {spec.kind: spec for spec in SPECS}
# Longest first, so that 财政拨款收入支出决算总表 is not taken for 收入支出决算总表.
_TITLES: Final = sorted(
    ((title, spec) for spec in SPECS for title in spec.titles), key=lambda p: -len(p[0])
)
#: A “三公” table under a title no template uses ("2024年市级“三公”经费预算表",
#: "“三公”经费预算财政拨款情况统计表"): 决算 when the title says so, else 预算.
_THREE_PUBLIC: Final = re.compile(r"三公经费.{0,24}表$")
_CONTINUED: Final = re.compile(r"[(（]?续(?:表)?[0-9一二三四五六七八九十]*[)）]?$")
_YEAR_SUFFIX: Final = re.compile(r"[(（]\d{4}年度?[)）]$")
#: A title line is short: the title plus a department name, a year, a number.
_MAX_TITLE_LINE: Final = 60


def spec_of(kind: TableKind) -> TableSpec:
    """The spec of a table kind.

    >>> spec_of(TableKind.FINAL_INCOME).title
    '收入决算表'
    """
    return _BY_KIND[kind]


def is_continued(text: str) -> bool:
    """Whether a title line marks a continuation (续表, （续）).

    >>> is_continued("支出决算表（续）")
    True
    """
    return bool(_CONTINUED.search(normalize_text(text)))


def match_title(text: str) -> TableSpec | None:
    """The spec whose title the line ends with, or ``None`` when the line is no table title.

    Department names, years and numbering before the title are allowed
    ("表3 XX局2024年支出决算表"); a sentence is not a title.
    """
    line = normalize_text(text)
    if len(line) > _MAX_TITLE_LINE or "。" in line or "：" in line or ":" in line:
        return None
    line = _CONTINUED.sub("", line)
    line = _YEAR_SUFFIX.sub("", line)
    for title, spec in _TITLES:
        if line.endswith(title):
            return spec
    if _THREE_PUBLIC.search(line):
        final = "决算" in line and "预算表" not in line
        return _BY_KIND[TableKind.FINAL_THREE_PUBLIC if final else TableKind.BUDGET_THREE_PUBLIC]
    return None
