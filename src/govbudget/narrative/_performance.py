"""Performance tables printed in a text: 项目支出绩效目标表 and 绩效自评表.

Internal to :mod:`govbudget.narrative`. Real pages paste these tables the ways
they paste the standard tables (:mod:`govbudget.tables.text`): one row per line
with ``|`` between the cells or runs of spaces, or one cell per line ended by
``|`` (a line of ``|`` alone is a blank cell, a line of several ``|`` the end of
a row). A table is found by its title (…绩效目标表, …绩效目标申报表, …绩效自评表)
or by its indicator header (一级指标 | 二级指标 | 三级指标 …), and read as a stream
of cells:

- the heading fields (项目名称, 主管部门, 实施单位 …): the project's name is kept;
  the numbers of the others are codes (``(433)``, ``51000021R…``), context;
- the funds: a header naming 年初预算数 / 全年预算数 (调整后预算数) / 全年执行数
  (预算执行数) / 执行率 / 权重 / 得分, then one line per source (总额, 其中：财政资金 …);
- the stated weights: 绩效指标（90分）, 预算执行情况（10分）, 产出指标权重分值50分;
- the indicators: a header naming the columns (一级/二级/三级指标, 指标性质, 指标值,
  计量单位, 完成值, 分值/权重, 得分 …), then one row per indicator; a row that does
  not repeat its 一级 or 二级指标 (a merged cell) takes it from the row above;
- the 合计 row: the total weight and the total score.

Every number of a table is read into the table's model
(:class:`~govbudget.model.PerformanceTable`) or taken as context with its reason
(a target that is only a date or a period, a code, the number of characters an
instruction allows …); nothing in a table is left to the sentence patterns. Reading
is one pass over the lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from itertools import islice
from typing import Final

from attrs import define, evolve, field, frozen

from govbudget.figure import StatedPercent
from govbudget.model import (
    COMPARATOR_WORDS,
    FundLine,
    Indicator,
    IndicatorKind,
    Performance,
    PerformanceTable,
    PerformanceTableKind,
    ProjectCount,
    StatedWeight,
)
from govbudget.money import Amount, Unit, amount
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.numbers import Number, context_kind
from govbudget.narrative.patterns import KIND_HEAD

__all__ = ["Found", "read_performance"]

_TITLE: Final = re.compile(r"绩效(?:目标|自评)(?:申报)?表|绩效自评情况表|绩效目标情况表")
_SELF: Final = re.compile(r"自评")
#: The longest line taken for a title, in characters.
_MAX_TITLE: Final = 80
#: A line longer than this that is not a table row is narrative again.
_MAX_CELL_LINE: Final = 100
_SENTENCE: Final = re.compile(r"。$|。[^|]*$")
_PART_HEADING: Final = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)"
)


class _Role(Enum):
    L1 = "一级指标"
    L2 = "二级指标"
    L3 = "三级指标"
    NATURE = "指标性质"
    DIRECTION = "指标方向"
    TARGET = "指标值"
    UNIT = "计量单位"
    ACTUAL = "完成值"
    WEIGHT = "分值"
    SCORE = "得分"
    REMARK = "备注"
    INITIAL = "年初预算数"
    FULL_YEAR = "全年预算数"
    EXECUTED = "全年执行数"
    RATE = "执行率"


_INDICATOR_HEADERS: Final[dict[str, _Role]] = {
    "一级指标": _Role.L1,
    "二级指标": _Role.L2,
    "三级指标": _Role.L3,
    "指标名称": _Role.L3,
    "指标性质": _Role.NATURE,
    "指标方向": _Role.DIRECTION,
    "指标类型": _Role.NATURE,
    "目标值": _Role.TARGET,
    "指标值": _Role.TARGET,
    "年度指标值": _Role.TARGET,
    "指标值及单位": _Role.TARGET,
    "预期目标值": _Role.TARGET,
    "年度目标值": _Role.TARGET,
    "全年目标值": _Role.TARGET,
    "当年预期实现值": _Role.TARGET,
    "预期实现值": _Role.TARGET,
    "计量单位": _Role.UNIT,
    "度量单位": _Role.UNIT,
    "完成值": _Role.ACTUAL,
    "实际完成值": _Role.ACTUAL,
    "全年实际值": _Role.ACTUAL,
    "全年完成值": _Role.ACTUAL,
    "实际值": _Role.ACTUAL,
    "分值": _Role.WEIGHT,
    "权重": _Role.WEIGHT,
    "权重分值": _Role.WEIGHT,
    "指标分值": _Role.WEIGHT,
    "得分": _Role.SCORE,
    "自评得分": _Role.SCORE,
    "备注": _Role.REMARK,
    "未完成原因分析": _Role.REMARK,
    "偏差原因分析及改进措施": _Role.REMARK,
    "偏差原因分析": _Role.REMARK,
    "绩效标准": _Role.REMARK,
    "指标解释": _Role.REMARK,
    "评分标准": _Role.REMARK,
}
_FUND_HEADERS: Final[dict[str, _Role]] = {
    "年初预算": _Role.INITIAL,
    "年初预算数": _Role.INITIAL,
    "年初安排金额": _Role.INITIAL,
    "年初预算金额": _Role.INITIAL,
    "调整后预算数": _Role.FULL_YEAR,
    "调整后预算": _Role.FULL_YEAR,
    "全年预算数": _Role.FULL_YEAR,
    "全年预算": _Role.FULL_YEAR,
    "预算执行数": _Role.EXECUTED,
    "全年执行数": _Role.EXECUTED,
    "执行数": _Role.EXECUTED,
    "实际执行数": _Role.EXECUTED,
    "预算执行率": _Role.RATE,
    "执行率": _Role.RATE,
    "权重": _Role.WEIGHT,
    "分值": _Role.WEIGHT,
    "得分": _Role.SCORE,
    "原因": _Role.REMARK,
    "偏差原因": _Role.REMARK,
}
#: Heading fields of a table; the cell after one is its value.
_FIELDS: Final = frozenset(
    {
        "项目名称",
        "项目支出名称",
        "项目类别",
        "项目性质",
        "归口科室",
        "主管部门",
        "预算部门",
        "实施单位",
        "实施单位（盖章）",
        "项目负责人",
        "填报单位",
        "项目支出实施期",
        "立项依据",
    }
)
_FIELD: Final = re.compile(
    "^(?:"
    + "|".join(sorted(_FIELDS, key=len, reverse=True))
    + r")(?:及代码|（代码）|（盖章）)?：?$"
)
#: Cells whose text (and the numbers in it) is prose of the table: goals, conclusions.
_PROSE: Final = frozenset(
    {
        "年度目标",
        "实施期绩效目标",
        "本年度绩效目标",
        "年度绩效目标",
        "绩效目标",
        "项目基本情况",
        "项目年度目标",
        "年度目标完成情况",
        "评价结论",
        "存在问题",
        "改进措施",
        "财政部门审核意见",
        "主管部门审核意见",
        "年度总体目标",
        "总体目标",
        "预期目标",
        "实际完成情况",
        "目标完成情况",
        "年度绩效目标完成情况",
        "项目概况",
        "项目主要内容",
    }
)
_ENDS_INDICATORS: Final = frozenset({"评价结论", "存在问题", "改进措施", "财政部门审核意见"})
_TOTAL: Final = frozenset({"合计", "总分", "总计", "自评总分", "合计得分"})
_PART_WORDS: Final = re.compile(r"^其中[：:]?")
_NUMBER: Final = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PERCENT: Final = re.compile(r"^[-+]?\d+(?:\.\d+)?[%％]$")
_BLANK: Final = frozenset({"", "/", "-", "--", "—", "——", "\\", "无"})
_COMPARATORS: Final = sorted(COMPARATOR_WORDS, key=len, reverse=True)
_NATURE_WORDS: Final = frozenset(
    {"正向", "反向", "定量", "定性", "共性", "个性", "正向指标", "反向指标"}
)
#: A target: an optional comparator, a number, and a short unit (or nothing).
_TARGET: Final = re.compile(
    r"^(?P<word>" + "|".join(re.escape(w) for w in _COMPARATORS) + r")?"
    r"(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<unit>[^\d]{0,8})$"
)
#: A stated weight: 绩效指标（90分）, 预算执行情况（10分）, 产出指标权重分值50分.
_WEIGHT_STATED: Final = re.compile(
    r"(?P<name>绩效指标|预算执行情况|预算执行|产出指标|效益指标|满意度指标|成本指标)"
    r"(?:[（(]\s*(?:权重分值|权重|分值)?\s*|权重分值|权重|分值)"
    r"(?P<weight>\d+(?:\.\d+)?)分"
)
_PART_OF_WEIGHT: Final = {
    "绩效指标": "indicators",
    "预算执行情况": "funds",
    "预算执行": "funds",
    "产出指标": IndicatorKind.OUTPUT.value,
    "效益指标": IndicatorKind.EFFECT.value,
    "满意度指标": IndicatorKind.SATISFACTION.value,
    "成本指标": IndicatorKind.COST.value,
}
#: A heading field that states the project's money (年度本级预算金额, 该项目支出上级资金).
_AMOUNT_FIELD: Final = re.compile(
    r"(?:预算金额|安排金额|资金总额|项目金额|上级资金|总金额|预算资金|财政拨款(?:资金)?|其他资金"
    r"|上年结转(?:资金)?|单位资金|财政资金|自有资金)(?:（万元）|（元）)?$"
)
_AMOUNT_VALUE: Final = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?P<unit>万元|万|元)?$")
_UNITS: Final = {"万元": Unit.WAN, "万": Unit.WAN, "元": Unit.YUAN}
_LEVEL1: Final = frozenset(
    {"产出指标", "效益指标", "满意度指标", "成本指标", "产出", "效益", "满意度"}
)
#: Spreadsheet dates (days since 1899-12-30) of the years 2000 to 2040, as a cell formatted
#: as a date comes out when the format is lost: 44,561 is 2021-12-31.
_SERIAL_DAYS: Final = range(36526, 51500)


def _kind_of(level1: str | None, level2: str | None) -> IndicatorKind | None:
    if level2 and "满意" in level2:
        return IndicatorKind.SATISFACTION
    for name in (level1, level2):
        if not name:
            continue
        if "满意" in name:
            return IndicatorKind.SATISFACTION
        if "效益" in name or "影响" in name:
            return IndicatorKind.EFFECT
        if "成本" in name and name == level1:
            return IndicatorKind.COST
        if "产出" in name or name in ("数量指标", "质量指标", "时效指标", "成本指标"):
            return IndicatorKind.OUTPUT
    return None


def _is_level2(text: str) -> bool:
    return text.endswith("指标") and len(text) <= 16 and text not in _INDICATOR_HEADERS


# -- cells -------------------------------------------------------------------------------------


@frozen
class _Cell:
    text: str  # folded, without whitespace
    start: int  # offsets in the raw text
    end: int
    row: int  # the row it is in (a line, or the cells between two row ends)

    @property
    def blank(self) -> bool:
        return self.text in _BLANK

    @property
    def number(self) -> bool:
        return bool(_NUMBER.match(self.text))

    @property
    def percent(self) -> bool:
        return bool(_PERCENT.match(self.text))

    @property
    def value(self) -> bool:
        return self.blank or self.number or self.percent


@frozen
class _Line:
    text: str
    start: int


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append(_Line(line.rstrip("\r\n"), offset))
        offset += len(line)
    return lines


def _squeeze(text: str) -> str:
    return "".join(text.split())


class _Tokens:
    """The cells of a table's lines, in order, each with its row."""

    def __init__(self, lines: Sequence[_Line], fold: _Fold) -> None:
        self.cells: list[_Cell] = []
        self.row = 0
        self.fold = fold
        squeezed_lines = [_squeeze(line.text) for line in lines]
        breaks = any(t.count("|") >= 2 and not t.strip("|") for t in squeezed_lines)
        after_break = False
        for line, squeezed in zip(lines, squeezed_lines, strict=True):
            if not squeezed:
                continue
            if not squeezed.strip("|"):
                if breaks and (squeezed.count("|") >= 2 or after_break):
                    if not after_break:
                        self.row += 1
                    after_break = squeezed.count("|") >= 2
                    continue
                self.add("", line.start, line.start + len(line.text))
                if not breaks:
                    self.row += 1
                after_break = False
                continue
            after_break = False
            parts = self.parts(line)
            filled = [p for p in parts if _squeeze(p[0])]
            if "|" in line.text and len(filled) >= 2:
                self.row += 1
                # the line's own folding (made once, when the text was normalised) cut at its
                # bars, when folding kept them all; else each cell folded on its own
                folded = _squeeze(fold(line.text)).split("|")
                whole = len(folded) >= len(parts) and all(
                    bool(f) == bool(_squeeze(p[0])) for f, p in zip(folded, parts, strict=False)
                )
                for number, (piece, start, end) in enumerate(parts):
                    self.add(piece, start, end, folded[number] if whole else None)
                self.row += 1
            elif "|" in line.text:
                (piece, start, end), *rest = filled
                if rest:
                    for piece, start, end in filled:
                        self.add(piece, start, end)
                else:  # one cell: the line's folding without its bars
                    self.add(piece, start, end, squeezed and _squeeze(fold(line.text)).strip("|"))
                if not breaks:
                    self.row += 1
            else:
                self.row += 1
                for match in re.finditer(r"\S+", line.text):
                    self.add(match.group(0), line.start + match.start(), line.start + match.end())
                self.row += 1

    @staticmethod
    def parts(line: _Line) -> list[tuple[str, int, int]]:
        parts: list[tuple[str, int, int]] = []
        position = 0
        for piece in line.text.split("|"):
            parts.append((piece, line.start + position, line.start + position + len(piece)))
            position += len(piece) + 1
        while parts and not _squeeze(parts[-1][0]):
            parts.pop()
        return parts

    def add(self, raw: str, start: int, end: int, folded: str | None = None) -> None:
        text = _squeeze(self.fold(raw)) if folded is None else folded
        self.cells.append(_Cell(text, start, end, self.row))


class _Fold:
    """A folding of a line (full-width forms, traditional characters) as the text's own."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.folded: dict[str, str] = {}  # tables repeat their cells (0.00, /, 指标 names)

    def __call__(self, text: str) -> str:
        found = self.folded.get(text)
        if found is None:
            found = self.folded[text] = self.ledger.text.fold(text)
        return found


# -- the reading -------------------------------------------------------------------------------


@define
class _Table:
    """A table being read."""

    kind: PerformanceTableKind
    title: str | None
    source: str
    project: str | None = None
    funds: list[FundLine] = field(factory=list)
    indicators: list[Indicator] = field(factory=list)
    weights: list[StatedWeight] = field(factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    complete: bool = False

    def model(self) -> PerformanceTable:
        return PerformanceTable(
            kind=self.kind,
            title=self.title,
            project=self.project,
            funds=self.funds,
            indicators=self.indicators,
            weights=self.weights,
            total_weight=self.total_weight,
            total_score=self.total_score,
            complete=self.complete,
            source=self.source,
        )


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("%％"))
    except InvalidOperation:
        return None


class _Reader:
    """Reads the tables of a text, one region of lines after another, into ``tables``."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.tables: list[_Table] = []
        # the numbers by their offset in the raw text
        self.origins = [ledger.text.origin(n.start) for n in ledger.numbers]
        self.raw_lines: list[int] = []

    # -- numbers of a cell -----------------------------------------------------------------------
    def numbers_in(self, cell: _Cell) -> list[Number]:
        low = bisect_right(self.origins, cell.start - 1)
        found: list[Number] = []
        for index in range(low, len(self.origins)):
            if self.origins[index] >= cell.end:
                break
            found.append(self.ledger.numbers[index])
        return found

    def context(self, cell: _Cell, reason: str) -> None:
        for number in self.numbers_in(cell):
            if not self.ledger.is_used(number):
                self.ledger.context(number, reason)

    def leftover(self, cell: _Cell, reason: str) -> None:
        """Numbers of a cell the table does not use: context where they plainly are, else unread."""
        for number in self.numbers_in(cell):
            if self.ledger.is_used(number):
                continue
            why = context_kind(self.ledger.text, number)
            if why is not None:
                self.ledger.context(number, why)
            else:
                self.ledger.unread(number, reason)

    def mark(self, cell: _Cell, path: str) -> None:
        for number in self.numbers_in(cell):
            self.ledger.mark(number, path)

    def where(self, offset: int) -> str:
        line = bisect_right(self.raw_lines, offset)
        if self.ledger.page_starts:
            index = bisect_right(self.ledger.page_starts, offset) - 1
            return f"{self.ledger.source} p. {self.ledger.page_numbers[max(index, 0)]}"
        return f"{self.ledger.source}:{line}:{offset - self.raw_lines[line - 1] + 1}"

    # -- the tables ------------------------------------------------------------------------------
    def path(self) -> str:
        return f"/performance/tables/{len(self.tables) - 1}"

    def read(self, cells: Sequence[_Cell], title: str | None, kind: PerformanceTableKind) -> None:
        self.start(title, kind, cells[0].start if cells else 0)
        state = "meta"
        fund_columns: list[_Role] = []
        columns: list[_Role] = []
        previous: dict[_Role, str] = {}
        parts = False
        index = 0
        while index < len(cells):
            cell = cells[index]
            text = cell.text
            table = self.tables[-1]
            if (
                _TITLE.search(text)
                and len(text) <= _MAX_TITLE
                and (table.indicators or table.funds)
            ):
                table.complete = table.complete or bool(table.indicators)
                self.start(text, _kind_of_title(text, kind), cell.start)
                state, columns, fund_columns, parts = "meta", [], [], False
                self.context(cell, "table title")
                index += 1
                continue
            if _TITLE.search(text) and len(text) <= _MAX_TITLE:
                table.title = table.title or text
                self.context(cell, "table title")
                index += 1
                continue
            if self.weights(cell):
                index += 1
                continue
            header = self.header(cells, index)
            if header is not None:
                roles, found, funds = header
                if table.indicators or (funds and table.funds):
                    # a header after a table's indicators begins the next table
                    table.complete = table.complete or bool(table.indicators)
                    self.start(None, kind, cell.start)
                if funds:
                    fund_columns, state, parts = roles, "funds", False
                else:
                    columns, state, previous = roles, "indicators", {}
                index = found
                continue
            if _FIELD.match(text):
                index = self.heading_field(cells, index)
                continue
            if text in _PROSE or text.rstrip("：") in _PROSE:
                if text in _ENDS_INDICATORS and state == "indicators":
                    table.complete = True
                self.context(cell, "performance table label")
                state = "prose"
                index += 1
                continue
            if state in ("meta", "prose") and self.amount_field(cells, index):
                index += 2
                continue
            if state == "prose" and not cell.blank:
                self.context(cell, "performance table text")
                index += 1
                continue
            if state == "indicators" and text in _TOTAL:
                index = self.total(cells, index)
                table.complete = True
                state = "after"
                continue
            if (
                state == "funds"
                and not cell.value
                and len(text) <= 20
                and not text.startswith(("1.", "1、"))
            ):
                parts = parts or bool(_PART_WORDS.match(text))
                index = self.fund_line(cells, index, fund_columns, parts)
                continue
            if state == "indicators" and not cell.blank:
                index = self.indicator(cells, index, columns, previous)
                continue
            if cell.blank:
                index += 1
                continue
            if state == "meta" and re.fullmatch(r"\d{5,}", text):
                self.context(cell, "code")  # 主管部门及代码 | 某局 | 123001
            else:
                self.leftover(cell, "a cell of a performance table no column explains")
            index += 1

    def amount_field(self, cells: Sequence[_Cell], index: int) -> bool:
        """A heading field stating an amount (年度本级预算金额 | 180万): a fund line."""
        if index + 1 >= len(cells) or not _AMOUNT_FIELD.search(cells[index].text):
            return False
        value = _AMOUNT_VALUE.match(cells[index + 1].text)
        if value is None:
            return False
        unit = _UNITS.get(value.group("unit") or "", self.ledger.unit)
        figure = _money(value.group("number"), unit)
        if figure is None:
            return False
        table = self.tables[-1]
        path = f"{self.path()}/funds/{len(table.funds)}/initial"
        self.context(cells[index], "performance table label")
        self.mark(cells[index + 1], path)
        name = _strip_unit(cells[index].text)
        # 其中 starts the parts; the lines after a part are parts too
        part = bool(_PART_WORDS.match(name)) or bool(table.funds and table.funds[-1].part)
        table.funds.append(
            FundLine(name=name, part=part, initial=figure, source=self.where(cells[index].start))
        )
        return True

    def start(self, title: str | None, kind: PerformanceTableKind, offset: int) -> None:
        if self.tables and not (self.tables[-1].indicators or self.tables[-1].funds):
            self.tables.pop()  # nothing read in it: a heading of the one that follows
        self.tables.append(_Table(kind, title, self.where(offset)))

    def weights(self, cell: _Cell) -> bool:
        found = list(_WEIGHT_STATED.finditer(cell.text))
        if not found:
            return False
        if self.tables[-1].indicators:  # the weights of a part come before it: a new table
            self.tables[-1].complete = True
            self.start(None, self.tables[-1].kind, cell.start)
        table = self.tables[-1]
        numbers = [n for n in self.numbers_in(cell) if n.value is not None]
        for match in found:
            weight = Decimal(match.group("weight"))
            path = f"{self.path()}/weights/{len(table.weights)}/weight"
            table.weights.append(
                StatedWeight(
                    name=match.group("name"),
                    part=_PART_OF_WEIGHT[match.group("name")],
                    weight=weight,
                )
            )
            for number in numbers:
                if number.value == weight and not self.ledger.is_used(number):
                    self.ledger.mark(number, path)
                    break
        self.leftover(cell, "a weight of a performance table not read")
        return True

    def header(self, cells: Sequence[_Cell], index: int) -> tuple[list[_Role], int, bool] | None:
        """The columns of an indicator or a fund header starting at ``index``, and where it ends."""
        text = cells[index].text
        indicator = _INDICATOR_HEADERS.get(_strip_unit(text))
        fund = _FUND_HEADERS.get(_strip_unit(text))
        if indicator not in (_Role.L1, _Role.L2, _Role.L3) and fund not in (
            _Role.INITIAL,
            _Role.FULL_YEAR,
            _Role.EXECUTED,
        ):
            return None
        funds = indicator is None
        names = _FUND_HEADERS if funds else _INDICATOR_HEADERS
        roles: list[_Role] = []
        end = index
        while end < len(cells):
            role = names.get(_strip_unit(cells[end].text))
            if role is None:
                break
            roles.append(role)
            self.context(cells[end], "table header")
            end += 1
        return roles, end, funds

    def heading_field(self, cells: Sequence[_Cell], index: int) -> int:
        label = cells[index].text.rstrip("：")
        label = next((f for f in _FIELDS if label.startswith(f)), label)
        self.context(cells[index], "performance table label")
        index += 1
        if index < len(cells) and (
            cells[index].row == cells[index - 1].row or not _is_label(cells[index].text)
        ):
            value = cells[index]
            if label in ("项目名称", "项目支出名称") and not value.blank:
                self.tables[-1].project = self.tables[-1].project or re.sub(
                    r"^[\dA-Z]{12,}-", "", value.text
                )
            self.context(
                value,
                "code"
                if value.number or re.match(r"^[（(]?\d", value.text)
                else "performance table heading",
            )
            index += 1
        return index

    def total(self, cells: Sequence[_Cell], index: int) -> int:
        table = self.tables[-1]
        self.context(cells[index], "performance table label")
        row = cells[index].row
        index += 1
        # the row's numbers: on its line, or the cells that follow (one cell per line)
        by_line = index < len(cells) and cells[index].row == row
        values: list[_Cell] = []
        while index < len(cells) and cells[index].value and len(values) < 2:
            if by_line and cells[index].row != row:
                break
            if not cells[index].blank:
                values.append(cells[index])
            index += 1
        names = ("total_weight", "total_score")
        for name, cell in zip(names, values, strict=False):
            value = _decimal(cell.text)
            setattr(table, name, value)
            self.mark(cell, f"{self.path()}/{name}")
        return index

    def fund_line(
        self, cells: Sequence[_Cell], index: int, columns: Sequence[_Role], part: bool
    ) -> int:
        table = self.tables[-1]
        label = cells[index]
        name = label.text
        self.context(label, "performance table label")
        index += 1
        if _PART_WORDS.fullmatch(name) and index < len(cells) and not cells[index].value:
            # "其中：" alone, then the part's name
            name += cells[index].text
            index += 1
        name = re.sub(r"[（(](?:万元|元)[)）]$", "", name)
        values: dict[_Role, _Cell] = {}
        column = 0
        while index < len(cells) and column < len(columns):
            cell = cells[index]
            if not cell.value:
                if len(cell.text) > 20:
                    self.context(cell, "remark")
                    index += 1
                    column += 1
                    continue
                break
            values[columns[column]] = cell
            index += 1
            column += 1
        line = len(table.funds)
        path = f"{self.path()}/funds/{line}"
        kwargs: dict[str, object] = {}
        unit = self.ledger.unit
        for role, key in (
            (_Role.INITIAL, "initial"),
            (_Role.FULL_YEAR, "full_year"),
            (_Role.EXECUTED, "executed"),
        ):
            found = values.get(role)
            if found is None or found.blank:
                continue
            figure = _money(found.text, unit)
            if figure is None:
                self.leftover(found, "an amount of a performance table not read")
                continue
            kwargs[key] = figure
            self.mark(found, f"{path}/{key}")
        rate = values.get(_Role.RATE)
        if rate is not None and not rate.blank:
            value = _decimal(rate.text)
            if value is not None:
                kwargs["rate"] = StatedPercent(value)
                self.mark(rate, f"{path}/rate")
        for role, key in ((_Role.WEIGHT, "weight"), (_Role.SCORE, "score")):
            found = values.get(role)
            if found is not None and found.number:
                kwargs[key] = _decimal(found.text)
                self.mark(found, f"{path}/{key}")
        for cell in values.values():
            self.leftover(cell, "a cell of a performance table's funds not read")
        table.funds.append(
            FundLine(
                name=name,
                part=part and not _is_total_fund(name),
                source=self.where(label.start),
                **kwargs,  # type: ignore[arg-type]
            )
        )
        return index

    def indicator(
        self,
        cells: Sequence[_Cell],
        index: int,
        columns: Sequence[_Role],
        previous: dict[_Role, str],
    ) -> int:
        """One indicator row from ``index``; returns where the next row starts."""
        row = cells[index].row
        first = cells[index].text
        following = cells[index + 1].text if index + 1 < len(cells) else ""
        ambiguous = first in ("成本指标", "满意度指标") and not _is_level2(following)
        if first in _LEVEL1 and _Role.L1 in columns and not (ambiguous and _Role.L2 in columns):
            column = columns.index(_Role.L1)
        elif _is_level2(first) and _Role.L2 in columns:
            column = columns.index(_Role.L2)
        elif _Role.L3 in columns:
            column = columns.index(_Role.L3)
        else:
            column = 0
        # the cells of the row: the line's, or as many as the columns from here (cell per line)
        by_line = any(c.row == row for c in cells[index + 1 : index + 2])
        taken: list[_Cell] = []
        end = index
        if by_line:
            while end < len(cells) and cells[end].row == row:
                taken.append(cells[end])
                end += 1
        else:
            while end < len(cells) and len(taken) < len(columns) - column:
                if taken and (cells[end].text in _TOTAL or cells[end].text in _PROSE):
                    break
                if taken and _starts_row(cells[end], taken, columns, column):
                    break
                taken.append(cells[end])
                end += 1
        values = self.assign(taken, columns, column)
        if sum(1 for c in taken if not c.blank) < 2:
            for cell in taken:  # a row cut off where the text stops
                self.leftover(cell, "a performance table row cut off")
            return max(end, index + 1)
        self.build(values, columns, previous)
        return max(end, index + 1)

    def assign(
        self, taken: Sequence[_Cell], columns: Sequence[_Role], column: int
    ) -> dict[_Role, _Cell]:
        values: dict[_Role, _Cell] = {}
        spare = len(taken) < len(columns) - column
        for position, cell in enumerate(taken):
            while column < len(columns):
                role = columns[column]
                left = len(taken) - position
                room = len(columns) - column
                if spare and left < room and not _fits(role, cell):
                    column += 1  # a blank cell the text left out
                    continue
                break
            if column >= len(columns):
                self.leftover(cell, "a cell beyond the columns of a performance table")
                continue
            values.setdefault(columns[column], cell)
            column += 1
        return values

    def build(
        self, values: dict[_Role, _Cell], columns: Sequence[_Role], previous: dict[_Role, str]
    ) -> None:
        table = self.tables[-1]
        for role in (_Role.L1, _Role.L2):
            cell = values.get(role)
            if cell is not None and not cell.blank:
                previous[role] = cell.text
                if role is _Role.L1:
                    previous.pop(_Role.L2, None)
                self.context(cell, "performance table label")
        name_cell = values.get(_Role.L3)
        for role in (_Role.REMARK,):
            if role in values:
                self.context(values[role], "remark")
        if name_cell is None or name_cell.blank:
            for cell in values.values():
                self.leftover(cell, "a cell of a performance table row without an indicator")
            return
        level1, level2 = previous.get(_Role.L1), previous.get(_Role.L2)
        kind = _kind_of(level1, level2) or IndicatorKind.OUTPUT
        path = f"{self.path()}/indicators/{len(table.indicators)}"
        self.context(name_cell, "performance indicator name")
        fields: dict[str, object] = {}
        nature = values.get(_Role.NATURE)
        for role in (_Role.NATURE, _Role.DIRECTION):
            nature = values.get(role)
            if nature is not None and nature.text in COMPARATOR_WORDS:
                fields["comparator"] = nature.text
            if nature is not None:
                self.context(nature, "performance table label")
        date = "时间" in name_cell.text or "日期" in name_cell.text or "时效" in (level2 or "")
        target = values.get(_Role.TARGET)
        if target is not None and not target.blank:
            self.target(target, path, fields, "target", date)
        unit = values.get(_Role.UNIT)
        if unit is not None and not unit.blank:
            if unit.number:
                self.context(unit, "a date written as a spreadsheet serial number")
            else:
                fields.setdefault("unit", unit.text)
        actual = values.get(_Role.ACTUAL)
        if actual is not None and not actual.blank:
            self.target(actual, path, fields, "actual", date)
        for role, key in ((_Role.WEIGHT, "weight"), (_Role.SCORE, "score")):
            cell = values.get(role)
            if cell is not None and cell.number:
                fields[key] = _decimal(cell.text)
                self.mark(cell, f"{path}/{key}")
            elif cell is not None:
                self.leftover(cell, f"the {key} of a performance indicator not read")
        table.indicators.append(
            Indicator(
                kind=kind,
                name=name_cell.text,
                category=level2,
                source=self.where(name_cell.start),
                **fields,  # type: ignore[arg-type]
            )
        )

    def target(
        self, cell: _Cell, path: str, fields: dict[str, object], key: str, date: bool
    ) -> None:
        """A target (or actual) value: comparator, number and unit, or words kept as written."""
        text_key = f"{key}_text"
        match = _TARGET.match(cell.text)
        if match is None or (date and _serial(match.group("number"))):
            fields[text_key] = cell.text
            reason = (
                "a date written as a spreadsheet serial number"
                if match
                else "a target written in words"
            )
            for number in self.numbers_in(cell):
                why = context_kind(self.ledger.text, number)
                self.ledger.context(number, why or reason)
            return
        word, unit = match.group("word"), match.group("unit").strip()
        if word and key == "target":
            fields["comparator"] = word
        value = _decimal(match.group("number"))
        fields[key] = value
        if unit and key == "target":
            fields["unit"] = unit
        self.mark(cell, f"{path}/{key}")


def _is_label(text: str) -> bool:
    return (
        bool(_FIELD.match(text))
        or text in _PROSE
        or text in _INDICATOR_HEADERS
        or text in _FUND_HEADERS
    )


def _strip_unit(text: str) -> str:
    """A header or label without its unit or its column letter: 年初预算数（万元）, 年度指标值（A）."""
    return re.sub(r"[（(](?:万元|元|分|[A-Za-z]|[A-Za-z][/÷][A-Za-z])[)）]$", "", text)


def _is_total_fund(name: str) -> bool:
    return name in ("总额", "资金总额", "合计", "年度资金总额", "总计")


def _serial(text: str) -> bool:
    value = _decimal(text)
    return value is not None and value == value.to_integral_value() and int(value) in _SERIAL_DAYS


def _money(text: str, unit: Unit) -> Amount | None:
    value = _decimal(text)
    if value is None:
        return None
    try:
        return amount(value, unit)
    except ValueError:
        return None


def _fits(role: _Role, cell: _Cell) -> bool:
    """Whether a cell can be of the column: used to find the blank cells a text left out."""
    if role in (_Role.WEIGHT, _Role.SCORE):
        return cell.number or cell.blank
    if role is _Role.UNIT:
        return not cell.number or _serial(cell.text)
    if role in (_Role.NATURE, _Role.DIRECTION):
        return cell.text in COMPARATOR_WORDS or cell.text in _NATURE_WORDS
    return True


def _starts_row(cell: _Cell, taken: Sequence[_Cell], columns: Sequence[_Role], column: int) -> bool:
    """In a text of one cell per line, whether ``cell`` begins the next row (a 一级/二级指标)."""
    role = columns[column + len(taken)] if column + len(taken) < len(columns) else None
    if role in (_Role.L1, _Role.L2):
        return False
    return cell.text in _LEVEL1 or (_is_level2(cell.text) and role is not _Role.L3)


def _kind_of_title(title: str, default: PerformanceTableKind) -> PerformanceTableKind:
    if _SELF.search(title):
        return PerformanceTableKind.SELF_EVALUATION
    if "目标" in title:
        return PerformanceTableKind.TARGETS
    return default


def _begins(line: str) -> PerformanceTableKind | None:
    """The kind of table a line begins: a title, or an indicator header."""
    text = _squeeze(line).replace("|", "")
    if not text:
        return None
    if _TITLE.search(text) and len(text) <= _MAX_TITLE and "。" not in text:
        return _kind_of_title(text, PerformanceTableKind.TARGETS)
    if "一级指标" in text and "二级指标" in text:
        self_evaluation = "得分" in text or "完成值" in text
        return (
            PerformanceTableKind.SELF_EVALUATION
            if self_evaluation
            else PerformanceTableKind.TARGETS
        )
    return None


def _narrative(line: str, fold: _Fold) -> bool:
    """A line of prose after a table: long, or a sentence, and no row of cells."""
    text = _squeeze(fold(line))
    if not text or "|" in text or "一级指标" in text or _WEIGHT_STATED.search(text):
        return False
    if _PART_HEADING.match(text):
        return True
    first = _squeeze(fold(re.split(r"\s+", line.strip(), maxsplit=1)[0]))
    if first in _PROSE or first in _FIELDS:
        return False
    return len(text) > _MAX_CELL_LINE or bool(_SENTENCE.search(text))


def _tables(ledger: Ledger, raw: str) -> tuple[PerformanceTable, ...]:
    """The performance tables of ``raw`` (the text as given), their numbers marked in ``ledger``."""
    if "指标" not in raw:
        return ()
    lines = _lines(raw)
    reader = _Reader(ledger)
    reader.raw_lines = [line.start for line in lines]
    fold = _Fold(ledger)
    index = 0
    while index < len(lines):
        kind = _begins(fold(lines[index].text))
        if kind is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not _narrative(lines[end].text, fold):
            end += 1
        tokens = _Tokens(lines[index:end], fold)
        title_text = _squeeze(fold(lines[index].text)).strip("|")
        title = title_text if _TITLE.search(title_text) else None
        before, read = len(ledger.uses), len(reader.tables)
        reader.read(tokens.cells, title, kind)
        if not any(t.indicators or t.funds for t in reader.tables[read:]):
            # a title with no table under it (a table of contents, a heading): nothing is
            # taken from these lines (the uses are in the order they were made)
            del reader.tables[read:]
            for start in list(islice(reversed(ledger.uses), len(ledger.uses) - before)):
                del ledger.uses[start]
        index = end
    return tuple(table.model() for table in reader.tables if table.indicators or table.funds)


# -- project counts of a performance report ---------------------------------------------------

#: 实施项目共12个, 项目共计12个, 共实施12个项目.
_COUNT_TOTAL: Final = re.compile(
    r"项目(?:共|共计|合计|总计)(?P<n>\d+)个|共(?:实施|安排|有|计|涉及)?(?P<m>\d+)个项目"
)
#: 年初批复预算6个项目540万元, 年初安排5个项目.
_COUNT_INITIAL: Final = re.compile(
    r"年初(?:批复|安排|下达)?(?:预算)?(?:项目)?(?P<n>\d+)个(?:项目)?(?P<amount>\d+(?:\.\d+)?)?(?:万元)?"
)
#: 年中增加8个项目, 年中追加项目3个.
_COUNT_ADDED: Final = re.compile(r"年中(?:新增|增加|追加|调增)(?:项目)?(?P<n>\d+)个")
#: What a count includes: （含上年结转项目3个）.
_INCLUDES: Final = re.compile(r"（含[^（）]{0,60}）")


def _counts(ledger: Ledger) -> tuple[ProjectCount, ...]:
    """实施项目共 N 个 … 年初 … N₁ 个项目 … 年中增加 N₂ 个项目, sentence by sentence."""
    text = ledger.text.text
    if "个项目" not in text and "项目共" not in text:
        return ()
    by_start = {n.start: n for n in ledger.numbers}
    found: list[ProjectCount] = []
    for sentence in re.finditer(r"[^。\n]+", text):
        body = sentence.group(0)
        total = _COUNT_TOTAL.search(body)
        if total is None:
            continue
        start = sentence.start()
        initial = _COUNT_INITIAL.search(body, total.end())
        added = _COUNT_ADDED.search(body, total.end())
        if initial is None and added is None:
            continue
        path = f"/performance/project_counts/{len(found)}"
        group = "n" if total.group("n") is not None else "m"
        values: dict[str, object] = {}
        for name, match, key in (
            ("total", total, group),
            ("initial", initial, "n"),
            ("added", added, "n"),
        ):
            if match is None:
                continue
            number = by_start.get(start + match.start(key))
            if number is None or ledger.is_used(number):
                continue
            values[name] = int(match.group(key))
            ledger.mark(number, f"{path}/{name}")
        if "total" not in values:
            continue
        if initial is not None and initial.group("amount") is not None:
            number = by_start.get(start + initial.start("amount"))
            if number is not None and number.money is not None and not ledger.is_used(number):
                parsed = ledger.money(number)
                if parsed is not None:
                    values["initial_amount"] = parsed[0]
                    ledger.mark(number, f"{path}/initial_amount")
        for bracket in _INCLUDES.finditer(body):
            for offset in range(start + bracket.start(), start + bracket.end()):
                number = by_start.get(offset)
                if number is not None and not ledger.is_used(number):
                    ledger.context(number, "included in the count or amount before it (含 …)")
        found.append(ProjectCount(source=ledger.where(start + total.start()), **values))  # type: ignore[arg-type]
    return tuple(found)


# -- execution rates in sentences --------------------------------------------------------------

_AMOUNT: Final = r"(?:为|是|共计|合计|共|达|：)?(?P<{0}>\d+(?:\.\d+)?)(?:万元|元|亿元)"
#: The amounts of a sentence about execution, each after its label.
_EXECUTION_AMOUNTS: Final = (
    ("initial", re.compile(r"(?:年初预算数|年初预算|年初批复预算|年初安排)" + _AMOUNT.format("v"))),
    (
        "full_year",
        re.compile(
            r"(?:全年预算数|调整后预算数|调整后预算|全年预算|预算数|预算资金|预算金额|批复预算|年度预算)"
            + _AMOUNT.format("v")
        ),
    ),
    (
        "executed",
        re.compile(
            r"(?:全年执行数|预算执行数|执行数|实际支出|实际执行|实际使用|已支付|累计支付|支出)"
            + _AMOUNT.format("v")
        ),
    ),
)
_EXECUTION_RATE: Final = re.compile(r"执行率(?:为|达到|达|是)?(?P<v>\d+(?:\.\d+)?)%")
#: A rate or a score a performance report states with nothing to check it against.
#: Any rate ("到位率", "优良中等路率") but a change's or a completion's, which are figures, and
#: the target a goal sets for one ("满意度不低于90%", "覆盖率≥95%").
_PERFORMANCE_VALUE: Final = re.compile(
    r"(?:(?<=[\u4e00-\u9fff])(?<!增长)(?<!下降)(?<!完成)(?<!增)(?<!降)率|满意度)"
    r"(?:为|达到|达|是|" + "|".join(re.escape(w) for w in _COMPARATORS) + r")?(?:了)?"
    r"(?P<v>\d+(?:\.\d+)?)%"
    r"|(?:自评|综合|评价)(?:得分|评分|总分)(?:为|是)?(?P<s>\d+(?:\.\d+)?)分"
)


def _executions(ledger: Ledger) -> tuple[FundLine, ...]:
    """全年预算数 A 万元 … 全年执行数 B 万元 … 执行率 P%, sentence by sentence; a rate or a
    score stated alone (资金到位率 100%, 自评得分 96.5 分) is the report's context."""
    text = ledger.text.text
    if "率" not in text and "得分" not in text:
        return ()
    if "绩效" not in text:
        return ()
    by_start = {n.start: n for n in ledger.numbers}
    found: list[FundLine] = []
    for sentence in re.finditer(r"[^。\n；]+", text):
        body, start = sentence.group(0), sentence.start()
        rate = _EXECUTION_RATE.search(body)
        if rate is not None:
            line = _execution(ledger, by_start, body, start, rate, len(found))
            if line is not None:
                found.append(line)
        # The targets of an indicator clause ("质量指标：…准确率≥98%") are the indicator's.
        clause = KIND_HEAD.search(body)
        for value in _PERFORMANCE_VALUE.finditer(body, 0, clause.start() if clause else len(body)):
            key = "v" if value.group("v") is not None else "s"
            number = by_start.get(start + value.start(key))
            if number is not None and not ledger.is_used(number):
                ledger.context(number, "a rate or score a performance report states")
    return tuple(found)


def _execution(
    ledger: Ledger,
    by_start: dict[int, Number],
    body: str,
    start: int,
    rate: re.Match[str],
    index: int,
) -> FundLine | None:
    amounts: dict[str, tuple[Number, Amount]] = {}
    for name, pattern in _EXECUTION_AMOUNTS:
        for match in pattern.finditer(body, 0, rate.start()):
            number = by_start.get(start + match.start("v"))
            if number is None or ledger.is_used(number) or number.money is None:
                continue
            parsed = ledger.money(number)
            if parsed is not None:
                amounts[name] = (number, parsed[0])  # the last before the rate
    rate_number = by_start.get(start + rate.start("v"))
    if "executed" not in amounts or not ({"initial", "full_year"} & set(amounts)):
        return None
    if rate_number is None or ledger.is_used(rate_number) or rate_number.value is None:
        return None
    path = f"/performance/funds/{index}"
    for name, (number, _) in amounts.items():
        ledger.mark(number, f"{path}/{name}")
    ledger.mark(rate_number, f"{path}/rate")
    return FundLine(
        name="项目资金",
        rate=StatedPercent(rate_number.value),
        source=ledger.where(start),
        **{name: value for name, (_, value) in amounts.items()},  # type: ignore[arg-type]
    )


@frozen
class Found:
    """What :func:`read_performance` found: the tables, the project counts and the funds
    the report's sentences state."""

    tables: tuple[PerformanceTable, ...]
    project_counts: tuple[ProjectCount, ...]
    funds: tuple[FundLine, ...] = ()

    def into(self, performance: Performance | None) -> Performance | None:
        """``performance`` with what was found added (a new one if there was none)."""
        if not self.tables and not self.project_counts and not self.funds:
            return performance
        base = performance or Performance()
        return evolve(
            base, tables=self.tables, project_counts=self.project_counts, funds=self.funds
        )


def read_performance(ledger: Ledger, raw: str) -> Found:
    """The performance tables of ``raw`` (the text as given) and the project counts of its
    performance report, their numbers marked in ``ledger``.

    Run before the parts of the narrative are read, so no sentence pattern takes a
    table cell or a count for a figure.
    """
    tables = _tables(ledger, raw)
    return Found(tables, _counts(ledger), _executions(ledger))
