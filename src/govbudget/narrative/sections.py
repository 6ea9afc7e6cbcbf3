"""The parts of a narrative: recognising headings whatever their numbering.

A heading is a logical line that starts with a numbering marker (第一部分, 一、,
（一）, 1., 1、, （1）), is short, has no amount and no sentence after a colon,
and whose title names a standard part (收入预算, 政府采购, “三公”经费 …). The
marker style does not decide the part: "（三）财政拨款支出情况" and "3.财政拨款支出"
are the same part. Arabic-numbered lines inside the performance part, the
duties and the glossary are list items there, not new parts.

>>> from govbudget.narrative.text import normalize
>>> [s.kind.value for s in find_sections(normalize("一、收入预算情况\\n收入合计10万元。\\n（二）政府采购情况\\n无。"))]
['income', 'procurement']
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

from attrs import frozen

from govbudget.narrative.text import ITEM_MARKER, Text

__all__ = ["REQUIRED", "Section", "SectionKind", "find_sections"]


class SectionKind(Enum):
    """A standard part of a 部门预算/决算 narrative."""

    PREAMBLE = "preamble"  # text before the first heading
    OVERVIEW = "overview"  # 部门概况
    DUTIES = "duties"  # 部门主要职责
    BASIC_INFO = "basic_info"  # 基本情况、人员、机构设置
    REPORT = "report"  # 部门预算/决算情况说明 (a container)
    TOTALS = "totals"  # 收支预算总体情况
    INCOME = "income"  # 收入预算
    EXPENDITURE = "expenditure"  # 支出预算
    APPROPRIATION = "appropriation"  # 财政拨款支出
    GOVERNMENT_FUND = "government_fund"  # 政府性基金
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算
    OPERATION = "operation"  # 机关运行经费
    PROCUREMENT = "procurement"  # 政府采购
    ASSETS = "assets"  # 国有资产占用
    THREE_PUBLIC = "three_public"  # “三公”经费
    OTHER_MATTERS = "other_matters"  # 其他重要事项 (a container)
    TABLES = "tables"  # 预算表/决算表
    PERFORMANCE = "performance"  # 预算绩效 (a container)
    PERFORMANCE_OVERALL = "performance_overall"  # 部门整体绩效目标
    KEY_PROJECTS = "key_projects"  # 重点项目绩效目标
    GLOSSARY = "glossary"  # 名词解释
    OTHER = "other"  # a heading of no standard part

    @property
    def zh(self) -> str:
        """The part's name in Chinese."""
        return _ZH[self]


_ZH: Final = {
    SectionKind.PREAMBLE: "开头",
    SectionKind.OVERVIEW: "部门概况",
    SectionKind.DUTIES: "部门主要职责",
    SectionKind.BASIC_INFO: "部门基本情况",
    SectionKind.REPORT: "预算（决算）情况说明",
    SectionKind.TOTALS: "收支总体情况",
    SectionKind.INCOME: "收入预算",
    SectionKind.EXPENDITURE: "支出预算",
    SectionKind.APPROPRIATION: "财政拨款支出",
    SectionKind.GOVERNMENT_FUND: "政府性基金预算",
    SectionKind.STATE_CAPITAL: "国有资本经营预算",
    SectionKind.OPERATION: "机关运行经费",
    SectionKind.PROCUREMENT: "政府采购",
    SectionKind.ASSETS: "国有资产占用",
    SectionKind.THREE_PUBLIC: "“三公”经费",
    SectionKind.OTHER_MATTERS: "其他重要事项",
    SectionKind.TABLES: "公开表",
    SectionKind.PERFORMANCE: "预算绩效",
    SectionKind.PERFORMANCE_OVERALL: "部门整体绩效目标",
    SectionKind.KEY_PROJECTS: "重点项目绩效目标",
    SectionKind.GLOSSARY: "名词解释",
    SectionKind.OTHER: "其他",
}

#: The parts a complete 部门预算 narrative has (the standard template's list).
REQUIRED: Final = (
    SectionKind.DUTIES,
    SectionKind.INCOME,
    SectionKind.EXPENDITURE,
    SectionKind.APPROPRIATION,
    SectionKind.GOVERNMENT_FUND,
    SectionKind.STATE_CAPITAL,
    SectionKind.OPERATION,
    SectionKind.PROCUREMENT,
    SectionKind.ASSETS,
    SectionKind.THREE_PUBLIC,
    SectionKind.PERFORMANCE,
    SectionKind.GLOSSARY,
)

# Checked in order: the first title pattern that matches names the part.
_TITLES: Final = (
    (SectionKind.GLOSSARY, re.compile(r"名词解释|专业名词|名词说明")),
    (SectionKind.TABLES, re.compile(r"(?:预算|决算|公开)(?:报)?表$|预算表|决算表")),
    (SectionKind.KEY_PROJECTS, re.compile(r"重点项目|项目绩效目标|项目支出绩效")),
    (SectionKind.PERFORMANCE_OVERALL, re.compile(r"整体绩效|部门绩效目标")),
    (SectionKind.PERFORMANCE, re.compile(r"绩效")),
    (SectionKind.THREE_PUBLIC, re.compile(r"三公|因公出国|公务接待|公务用车|公车")),
    (SectionKind.GOVERNMENT_FUND, re.compile(r"政府性基金")),
    (SectionKind.STATE_CAPITAL, re.compile(r"国有资本经营")),
    (SectionKind.OPERATION, re.compile(r"机关运行经费|运行经费")),
    (SectionKind.PROCUREMENT, re.compile(r"政府采购")),
    (SectionKind.ASSETS, re.compile(r"国有资产|资产占用|资产情况")),
    (
        SectionKind.APPROPRIATION,
        re.compile(
            r"财政拨款(?:基本)?支出|财政拨款收支|一般公共预算(?:财政)?(?:拨款)?(?:基本)?支出"
            r"|一般公共预算(?:财政)?(?:当年)?拨款(?!收入)"
        ),
    ),
    (SectionKind.TOTALS, re.compile(r"收入支出|收支")),
    (SectionKind.INCOME, re.compile(r"收入(?:预算|决算)?(?:情况|总体情况)|收入预算|收入决算")),
    (SectionKind.EXPENDITURE, re.compile(r"支出(?:预算|决算)?(?:情况|总体情况)|支出预算|支出决算")),
    (SectionKind.TOTALS, re.compile(r"收支")),
    (SectionKind.OTHER_MATTERS, re.compile(r"其他重要事项|重要事项")),
    (SectionKind.DUTIES, re.compile(r"职责|职能|主要任务")),
    (SectionKind.BASIC_INFO, re.compile(r"基本情况|人员|机构设置|单位构成|机构情况")),
    (SectionKind.OVERVIEW, re.compile(r"概况")),
    (SectionKind.REPORT, re.compile(r"(?:预算|决算)(?:情况)?说明|(?:预算|决算)情况$")),
)
_AMOUNT: Final = re.compile(r"\d(?:\.\d+)?\s*(?:万元|万|亿元|千元|元)")
_LIST_PARTS: Final = frozenset(
    {
        SectionKind.DUTIES,
        SectionKind.GLOSSARY,
        SectionKind.PERFORMANCE,
        SectionKind.PERFORMANCE_OVERALL,
        SectionKind.KEY_PROJECTS,
    }
)
_TOP: Final = re.compile(r"第[一二三四五六七八九十百零〇]+部分")
#: A sub-part's title about the spending's classes ("按功能科目分类支出情况").
_CLASSIFIED: Final = re.compile(r"按(?:照)?(?:支出)?(?:功能|经济)(?:科目)?分类")
#: A part's own marker ("四、"), not a sub-part's ("（二）", "2.").
_TOP_MARKER: Final = re.compile(r"[一二三四五六七八九十]+[、.]")
_CHINESE_MARKER: Final = re.compile(r"[一二三四五六七八九十]+[、.]|（[一二三四五六七八九十]+）")


@frozen
class Section:
    """A recognised part: its kind, heading title, and span in the normalised text.

    ``start``/``end`` delimit the body (after the heading line); ``heading`` is
    the offset of the heading line (``-1`` for the preamble).
    """

    kind: SectionKind
    title: str
    heading: int
    start: int
    end: int


def _kind_of(title: str) -> SectionKind | None:
    stripped = title.strip().rstrip("。：")
    if not stripped or len(stripped) > 40 or _AMOUNT.search(stripped):
        return None
    if "：" in stripped or "。" in stripped or "，" in stripped:
        return None
    for kind, pattern in _TITLES:
        if pattern.search(stripped):
            return kind
    return None


def _heading(line: str, current: SectionKind) -> tuple[SectionKind, str] | None:
    marker = ITEM_MARKER.match(line)
    if marker is None:
        return None
    title = line[marker.end() :].strip()
    is_top = bool(_TOP.match(line))
    if current is SectionKind.GLOSSARY and not is_top:
        return None
    if current in _LIST_PARTS and not (is_top or _CHINESE_MARKER.match(line)):
        return None
    if current in (SectionKind.DUTIES, SectionKind.GLOSSARY) and not is_top:
        # Their 一、（一） items are duties or terms; only a standard part's title ends them.
        kind = _kind_of(title)
        if kind in (None, SectionKind.OTHER, SectionKind.DUTIES, SectionKind.GLOSSARY):
            return None
        return kind, title
    kind = _kind_of(title)
    if (
        current is SectionKind.APPROPRIATION
        and kind is SectionKind.EXPENDITURE
        and _CLASSIFIED.search(title)
        and not (is_top or _TOP_MARKER.match(line))
    ):
        # "（二）按功能分类支出情况" under 一般公共预算财政拨款支出: that spending's classes.
        return None
    if kind is None:
        if is_top and len(title) <= 40:
            return SectionKind.OTHER, title
        return None
    return kind, title


def find_sections(text: Text) -> tuple[Section, ...]:
    """The parts of ``text`` in order, starting with the preamble (text before any heading)."""
    found: list[Section] = []
    kind, title, heading, body = SectionKind.PREAMBLE, "", -1, 0
    written = False  # whether the part has any text of its own yet
    for start, line in text.lines():
        # A glossary or duties heading with nothing under it yet (the last line of a table
        # of contents) holds no terms or duties: the next heading is a heading.
        recognised = _heading(line, kind if written else SectionKind.OTHER)
        if recognised is None:
            written = written or bool(line.strip())
            continue
        written = False
        found.append(Section(kind, title, heading, body, max(body, start - 1)))
        kind, title = recognised
        heading, body = start, min(len(text.text), start + len(line) + 1)
    found.append(Section(kind, title, heading, body, len(text.text)))
    return tuple(s for s in found if s.kind is not SectionKind.PREAMBLE or s.end > s.start)
