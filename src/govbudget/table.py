"""The standard tables of a disclosure (公开表) as printed: columns, rows and cells.

A :class:`Table` keeps what one table of a 部门预算/决算 states, the way a
reader finds it: its title, the unit line, the columns with their header
levels, and every row with its classification code, name and one value per
column. A blank cell is ``None``; a printed zero is an amount of zero. Nothing
is summed or filled in: checking the sums is the rules' job.

>>> from govbudget.money import wan
>>> t = Table(title="一般公共预算财政拨款支出决算表", kind=TableKind.FINAL_GENERAL_PUBLIC,
...           columns=(Column("合计"), Column("基本支出"), Column("项目支出")),
...           rows=(Row(name="合计", values=(wan(10), wan(8), wan(2))),
...                 Row(code="201", name="一般公共服务支出", values=(wan(10), wan(8), wan(2)))),
...           pages=(10,))
>>> t.cell_label(1, 1)
'一般公共预算财政拨款支出决算表（第10页），201 一般公共服务支出 行，基本支出 列'
>>> t.cell_label(1, 1, "en")
'一般公共预算财政拨款支出决算表 (p. 10), row 201 一般公共服务支出, column 基本支出'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from typing import Final

from attrs import field, frozen
from moneyed import Money

from govbudget.errors import ModelError
from govbudget.language import Language
from govbudget.money import Amount, as_amount
from govbudget.place import Place
from govbudget.precision import Precision

__all__ = ["Column", "Row", "Table", "TableKind"]


class TableKind(Enum):
    """The standard tables of the Ministry of Finance templates, for 决算 and for 预算."""

    FINAL_SUMMARY = "final.summary"  # 收入支出决算总表
    FINAL_INCOME = "final.income"  # 收入决算表
    FINAL_EXPENDITURE = "final.expenditure"  # 支出决算表
    FINAL_APPROPRIATION = "final.appropriation"  # 财政拨款收入支出决算总表
    FINAL_GENERAL_PUBLIC = "final.general_public"  # 一般公共预算财政拨款支出决算表
    FINAL_GENERAL_PUBLIC_BASIC = "final.general_public_basic"  # …基本支出决算表
    FINAL_THREE_PUBLIC = "final.three_public"  # 财政拨款“三公”经费支出决算表
    FINAL_GOVERNMENT_FUND = "final.government_fund"  # 政府性基金预算财政拨款收入支出决算表
    FINAL_STATE_CAPITAL = "final.state_capital"  # 国有资本经营预算财政拨款收入支出决算表
    BUDGET_SUMMARY = "budget.summary"  # 部门收支总表
    BUDGET_INCOME = "budget.income"  # 部门收入总表
    BUDGET_EXPENDITURE = "budget.expenditure"  # 部门支出总表
    BUDGET_APPROPRIATION = "budget.appropriation"  # 财政拨款收支总表
    BUDGET_GENERAL_PUBLIC = "budget.general_public"  # 一般公共预算支出表
    BUDGET_GENERAL_PUBLIC_BASIC = "budget.general_public_basic"  # 一般公共预算基本支出表
    BUDGET_THREE_PUBLIC = "budget.three_public"  # 一般公共预算“三公”经费支出表
    BUDGET_GOVERNMENT_FUND = "budget.government_fund"  # 政府性基金预算支出表
    BUDGET_STATE_CAPITAL = "budget.state_capital"  # 国有资本经营预算支出表
    BUDGET_PROJECTS = "budget.projects"  # 项目支出表
    BUDGET_PERFORMANCE = "budget.performance"  # 项目支出绩效目标表


@frozen
class Column:
    """A value column: its header as printed (levels joined by "/"), and its side.

    ``side`` names the half of a two-sided table the column is in ("收入" or
    "支出" in a 收支总表); ``None`` in an ordinary table.

    >>> Column("公务用车购置及运行维护费/小计/决算数").levels
    ('公务用车购置及运行维护费', '小计', '决算数')
    """

    name: str
    side: str | None = None

    @property
    def levels(self) -> tuple[str, ...]:
        """The header levels, from the top row down."""
        return tuple(self.name.split("/"))


def _values(value: Iterable[Money | None]) -> tuple[Amount | None, ...]:
    return tuple(None if v is None else as_amount(v) for v in value)


_A1: Final = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


def _refs(value: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(value)


def _check_cells(instance: Row, _attribute: object, cells: tuple[str | None, ...]) -> None:
    if cells and len(cells) != len(instance.values):
        raise ModelError(
            f"row {instance.label}: {len(cells)} cell references for {len(instance.values)} values"
        )
    for cell in cells:
        if cell is not None and not _A1.fullmatch(cell):
            raise ModelError(f"row {instance.label}: {cell!r} is not a cell reference like C4")


@frozen(kw_only=True)
class Row:
    """A row: its code (类/款/项 joined, as published) and name, one value per column.

    ``values[i]`` belongs to ``Table.columns[i]``; ``None`` is a blank cell.
    ``side`` is the half of a two-sided table the row is in; ``page`` the page
    (or sheet number) it was printed on; ``line`` the line of a text it starts on,
    for a table pasted into a narrative; ``cells`` the spreadsheet cell of each
    value (``C4``; ``None`` for a value with none), for a row read from a
    workbook — empty otherwise.
    """

    name: str
    code: str | None = None
    values: tuple[Amount | None, ...] = field(default=(), converter=_values)
    side: str | None = None
    page: int | None = None
    line: int | None = None
    cells: tuple[str | None, ...] = field(default=(), converter=_refs, validator=_check_cells)

    @property
    def label(self) -> str:
        """Code and name as a person reads them ("2010301 行政运行")."""
        return f"{self.code} {self.name}" if self.code else self.name


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _rows(value: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(value)


def _pages(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _check_rows(instance: Table, _attribute: object, rows: tuple[Row, ...]) -> None:
    width = len(instance.columns)
    for index, row in enumerate(rows):
        if len(row.values) != width:
            raise ModelError(
                f"{instance.title}: row {index} ({row.label}) has {len(row.values)} values"
                f" for {width} columns"
            )


@frozen(kw_only=True)
class Table:
    """One standard table as printed.

    - ``title``: the title as printed; ``kind``: the standard table it is, if recognised;
    - ``precision``: the unit of its 单位 line and the decimals; ``None`` means the document's;
    - ``unit_line``: the unit line as printed (``None`` when the table prints none);
    - ``columns``/``rows``: the value columns and the rows, each row one value per column;
    - ``pages``: the pages it is printed on; ``sheet``: the worksheet it was read from;
      ``line``: the line of a text its title is on, for a table pasted into a narrative;
    - ``empty_statement``: the statement that the table has no data (本表无数据 …);
    - ``source``: the file it was read from (not part of equality).
    """

    title: str
    kind: TableKind | None = None
    precision: Precision | None = None
    unit_line: str | None = None
    columns: tuple[Column, ...] = field(default=(), converter=_columns)
    rows: tuple[Row, ...] = field(default=(), converter=_rows, validator=_check_rows)
    pages: tuple[int, ...] = field(default=(), converter=_pages)
    sheet: str | None = None
    line: int | None = None
    empty_statement: str | None = None
    source: str | None = field(default=None, eq=False)

    @property
    def pasted(self) -> bool:
        """Whether the table was pasted into a text (read from its lines, not a page or sheet).

        >>> Table(title="“三公”经费支出预算表", line=12).pasted
        True
        """
        return self.line is not None and not self.pages and self.sheet is None

    def where(
        self,
        lang: Language = "zh",
        page: int | None = None,
        line: int | None = None,
        cell: str | None = None,
    ) -> str:
        """The title with the page (sheet and cell, or text line) a person finds it on."""
        shown = page if page is not None else (self.pages[0] if self.pages else None)
        if self.sheet is not None:
            if lang == "zh":
                return f"{self.title}（工作表“{self.sheet}”{cell or ''}）"
            return f"{self.title} (sheet {self.sheet}{'!' + cell if cell else ''})"
        if shown is None:
            at = line if line is not None else self.line
            if at is None:
                return self.title
            return f"{self.title}（第{at}行）" if lang == "zh" else f"{self.title} (line {at})"
        return f"{self.title}（第{shown}页）" if lang == "zh" else f"{self.title} (p. {shown})"

    def place(self) -> Place:
        """Where the table is, structured: file, first page (or sheet) and title.

        >>> Table(title="收支总表", pages=(4, 5), source="a.pdf").place().page
        4
        """
        return Place(
            file=self.source,
            page=self.pages[0] if self.pages and self.sheet is None else None,
            sheet=self.sheet,
            table=self.title,
        )

    def cell_place(self, row: int, column: int) -> Place:
        """Where one cell is, structured: file, page or sheet, table, row and column.

        ``row`` and ``column`` are indices into :attr:`rows` and :attr:`columns`;
        the place counts them from 1.

        >>> table = Table(title="收支总表", columns=[Column("金额")],
        ...               rows=[Row(name="收入", values=[None], page=2)], source="a.pdf")
        >>> str(table.cell_place(0, 0)), table.cell_place(0, 0).row
        ('a.pdf p. 2', 1)
        """
        page = self.rows[row].page
        cells = self.rows[row].cells
        return Place(
            file=self.source,
            page=page if self.sheet is None else None,
            sheet=self.sheet,
            table=self.title,
            row=row + 1,
            column=column + 1,
            # a table pasted into a text: the line its row (or title) is on
            line=(self.rows[row].line or self.line) if self.pasted else None,
            cell=cells[column] if cells else None,
        )

    def cell_label(self, row: int, column: int, lang: Language = "zh") -> str:
        """Where one cell is: table and page, row and column, as a person finds it."""
        line, col = self.rows[row], self.columns[column]
        head = self.where(lang, line.page, line.line, line.cells[column] if line.cells else None)
        side = f"{col.side}·" if col.side else ""
        if lang == "zh":
            row_part = f"{line.label} 行，" if line.label else ""
            return f"{head}，{row_part}{side}{col.name} 列"
        row_part = f"row {line.label}, " if line.label else ""
        return f"{head}, {row_part}column {side}{col.name}"
