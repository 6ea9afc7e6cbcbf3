"""Table recognition on pages of lines and grids (pure: no PDF or workbook involved)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from attrs import evolve
from hypothesis import example, given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, validate
from govbudget.errors import DocumentError, GovBudgetError, ModelError
from govbudget.figure import Figure
from govbudget.model import Income, Kind
from govbudget.money import Amount, Unit, amount, parse_decimal, wan, yuan
from govbudget.tables import Column, Row, Table, TableKind
from govbudget.tables.recognize import Grid, GridCell, Line, Page, plain_amount, recognize
from govbudget.tables.specs import SPECS, match_title


def _one(*blocks: Line | Grid, number: int = 1) -> Table:
    found = recognize([Page(number, blocks)], source="t.pdf")
    assert len(found.tables) == 1, found
    return found.tables[0]


def test_every_official_title_and_alias_is_recognised() -> None:
    for spec in SPECS:
        for title in (spec.title, *spec.aliases):
            assert match_title(f"表1 某局2024年{title}") is spec, title
            assert match_title(f"{title}（续）") is spec, title
    assert match_title("第二部分 上海市 XX 局 2024 年度部门决算表") is None
    assert match_title("详见收入决算表。") is None


def test_two_sided_summary_table() -> None:
    table = _one(
        Line("收入支出决算总表"),
        Line("单位：万元"),
        Grid.of(
            ["收入", None, "支出", None],
            ["项目", "决算数", "项目", "决算数"],
            ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "90.00"],
            ["", "", "二、教育支出", "10.00"],
            ["本年收入合计", "100.00", "本年支出合计", "100.00"],
        ),
    )
    assert [(c.side, c.name) for c in table.columns] == [("收入", "决算数"), ("支出", "决算数")]
    assert [(r.side, r.name, r.values) for r in table.rows] == [
        ("收入", "一、一般公共预算财政拨款收入", (wan(100), None)),
        ("收入", "本年收入合计", (wan(100), None)),
        ("支出", "一、一般公共服务支出", (None, wan(90))),
        ("支出", "二、教育支出", (None, wan(10))),
        ("支出", "本年支出合计", (None, wan(100))),
    ]


def test_split_code_columns_with_parts_printed_alone() -> None:
    grid = Grid(
        [
            [
                GridCell("科目编码", colspan=3),
                None,
                None,
                GridCell("科目名称", rowspan=2),
                GridCell("合计", rowspan=2),
            ],
            [GridCell("类"), GridCell("款"), GridCell("项"), None, None],
            [
                GridCell("201"),
                GridCell(""),
                GridCell(""),
                GridCell("一般公共服务支出"),
                GridCell("3.00"),
            ],
            [
                GridCell(""),
                GridCell("03"),
                GridCell(""),
                GridCell("政府办公厅（室）及相关机构事务"),
                GridCell("3.00"),
            ],
            [GridCell(""), GridCell(""), GridCell("01"), GridCell("行政运行"), GridCell("1.00")],
            [
                GridCell(""),
                GridCell(""),
                GridCell("02"),
                GridCell("一般行政管理事务"),
                GridCell("2.00"),
            ],
        ]
    )
    table = _one(Line("部门支出总表"), Line("单位：万元"), grid)
    assert table.kind is TableKind.BUDGET_EXPENDITURE
    assert [r.code for r in table.rows] == ["201", "20103", "2010301", "2010302"]
    assert [c.name for c in table.columns] == ["合计"]


def test_code_and_name_in_one_cell() -> None:
    table = _one(
        Line("一般公共预算支出表"),
        Grid.of(
            ["功能分类科目", "合计", "基本支出", "项目支出"],
            ["2010301 行政运行", "5.00", "5.00", "0"],
        ),
    )
    assert (table.rows[0].code, table.rows[0].name) == ("2010301", "行政运行")
    assert table.unit_line is None
    assert table.rows[0].values == (wan(5), wan(5), wan(0))


def test_blank_zero_dash_and_text_cells() -> None:
    found = recognize(
        [
            Page(
                3,
                (
                    Line("支出决算表"),
                    Line("单位：元"),
                    Grid.of(
                        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
                        ["201", "一般公共服务支出", "1,234.50", "0.00", "—"],
                        ["205", "教育支出", "", "-", "见附注"],
                    ),
                ),
            )
        ],
        source="t.pdf",
    )
    table = found.tables[0]
    assert table.precision is not None
    assert table.precision.unit is Unit.YUAN
    assert table.rows[0].values == (yuan("1234.50"), yuan(0), None)
    assert table.rows[1].values == (None, None, None)
    assert [n.place for n in found.notes] == ["t.pdf p. 3"]
    assert "“见附注”不是金额" in found.notes[0].zh


def test_a_table_continues_on_the_next_page_with_or_without_its_header() -> None:
    header = ["科目编码", "科目名称", "合计"]
    pages = [
        Page(1, (Line("一般公共预算财政拨款支出决算表"), Grid.of(header, ["201", "一般", "1.00"]))),
        Page(2, (Line("- 2 -"), Grid.of(header, ["205", "教育", "2.00"]))),
        Page(3, (Line("一般公共预算财政拨款支出决算表（续）"), Grid.of(["208", "社保", "3.00"]))),
    ]
    found = recognize(pages, source="t.pdf")
    assert len(found.tables) == 1
    table = found.tables[0]
    assert [r.code for r in table.rows] == ["201", "205", "208"]
    assert table.pages == (1, 2, 3)
    assert [r.page for r in table.rows] == [1, 2, 3]


def test_a_paragraph_ends_a_table_and_a_grid_without_title_is_noted() -> None:
    found = recognize(
        [
            Page(1, (Line("收入决算表"), Grid.of(["科目编码", "科目名称", "本年收入合计"]))),
            Page(2, (Line("第三部分 情况说明"), Grid.of(["序号", "单位名称"], ["1", "本级"]))),
        ],
        source="t.pdf",
    )
    assert len(found.tables) == 1
    assert found.notes[0].place == "t.pdf p. 2"
    assert "第三部分 情况说明" in found.narrative


def test_value_merged_across_value_columns_is_refused() -> None:
    grid = Grid(
        [
            [GridCell("项目"), GridCell("合计"), GridCell("基本支出")],
            [GridCell("合计"), GridCell("5.00", colspan=2), None],
        ]
    )
    with pytest.raises(DocumentError, match=r"t\.pdf p\. 1: .*merged across 2 value columns"):
        recognize([Page(1, (Line("支出决算表"), grid))], source="t.pdf")


def test_identity_from_the_title_page() -> None:
    found = recognize(
        [Page(1, (Line("某县某某局"), Line("2025年部门预算"))), Page(2, (Line("部门收支总表"),))],
        source="t.pdf",
    )
    assert (found.department, found.year, found.kind) == ("某县某某局", 2025, Kind.BUDGET)


def test_rows_must_match_the_columns() -> None:
    with pytest.raises(ModelError, match=r"row 0 .* has 1 values for 2 columns"):
        Table(
            title="x", columns=(Column("a"), Column("b")), rows=(Row(name="r", values=(wan(1),)),)
        )


def _budget_tables() -> DepartmentBudget:
    pages = [
        Page(
            1,
            (
                Line("某局2025年部门预算"),
                Line("部门收支总表"),
                Line("单位：万元"),
                Grid.of(
                    ["收入", None, "支出", None],
                    ["项目", "预算数", "项目", "预算数"],
                    ["一、一般公共预算拨款收入", "10.00", "一、一般公共服务支出", "10.00"],
                    ["本年收入合计", "10.00", "本年支出合计", "10.00"],
                    ["上年结转", "1.00", "年末结转结余", "1.00"],
                    ["收入总计", "11.00", "支出总计", "11.00"],
                ),
                Line("部门支出总表"),
                Line("单位：万元"),
                Grid.of(
                    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                    ["合计", None, "10.00", "7.00", "3.00"],
                    ["201", "一般公共服务支出", "10.00", "7.00", "3.00"],
                ),
            ),
        )
    ]
    found = recognize(pages, source="b.pdf")
    assert found.kind is Kind.BUDGET
    return DepartmentBudget(department="某局", year=2025, kind=Kind.BUDGET, tables=found.tables)


def test_budget_tables_are_checked_like_final_ones() -> None:
    budget = _budget_tables()
    assert [t.kind for t in budget.tables] == [
        TableKind.BUDGET_SUMMARY,
        TableKind.BUDGET_EXPENDITURE,
    ]
    report = validate(budget, select=["tables"])
    rules = {c.rule_id for c in report.checks if c.outcome.value == "exact"}
    assert {"TAB001", "TAB002", "TAB003", "TAB004", "TAB005"} <= rules
    carryover = evolve(
        budget, income=Income(carryover=Figure(amount=wan(1)), grand_total=Figure(amount=wan(12)))
    )
    narrative = validate(carryover, select=["TAB006"]).checks
    assert [(c.outcome.value, c.location.zh.split("，")[1]) for c in narrative] == [
        ("inconsistent", "收入总计 行"),
        ("exact", "上年结转 行"),
    ]
    missing = {f.location.zh for f in report.findings if f.rule_id == "TAB007"}
    assert "部门收入总表" in missing
    assert "国有资本经营预算支出表" not in missing  # not required in the 预算 template


@st.composite
def _coded_tables(draw: st.DrawFn) -> tuple[list[list[str | None]], list[tuple[str, int, int]]]:
    """A 支出表 of 类/款/项 lines whose parents add up, with the lines (code, basic, project)."""
    lines: list[tuple[str, int, int]] = []
    for k in draw(st.lists(st.sampled_from(["201", "205", "208", "221"]), min_size=1, unique=True)):
        for s in draw(st.lists(st.sampled_from(["01", "02", "99"]), min_size=1, unique=True)):
            for i in draw(st.lists(st.sampled_from(["01", "02", "50"]), min_size=1, unique=True)):
                amounts = st.integers(0, 10**9)
                lines.append((k + s + i, draw(amounts), draw(amounts)))
    rows: list[list[str | None]] = [
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]
    ]

    def total(prefix: str) -> tuple[int, int]:
        found = [(b, p) for code, b, p in lines if code.startswith(prefix)]
        return sum(b for b, _ in found), sum(p for _, p in found)

    def fen(value: int) -> str:
        return f"{Decimal(value) / 100:,.2f}"

    b, p = total("")
    rows.append(["合计", None, fen(b + p), fen(b), fen(p)])
    for code in sorted({c[:n] for c, _, _ in lines for n in (3, 5, 7)}):
        b, p = total(code)
        rows.append([code, f"科目{code}", fen(b + p), fen(b), fen(p)])
    return rows, lines


@given(_coded_tables(), st.data())
def test_generated_tables_read_back_and_a_changed_cell_is_found(
    drawn: tuple[list[list[str | None]], list[tuple[str, int, int]]], data: st.DataObject
) -> None:
    rows, lines = drawn
    table = _one(Line("支出决算表"), Line("单位：元"), Grid.of(*rows))
    by_code = {r.code: r for r in table.rows if r.code}
    for code, basic, project in lines:
        assert by_code[code].values == tuple(
            map(Amount.from_fen, (basic + project, basic, project))
        )
    budget = DepartmentBudget(department="某局", year=2024, kind=Kind.FINAL, tables=(table,))
    assert validate(budget, select=["TAB001", "TAB002"]).findings == ()
    row = data.draw(st.integers(1, len(rows) - 2))
    changed = [list(r) for r in rows]
    changed[row][3] = f"{Decimal(str(changed[row][3]).replace(',', '')) + Decimal('0.03'):,.2f}"
    broken = _one(Line("支出决算表"), Line("单位：元"), Grid.of(*changed))
    findings = validate(
        DepartmentBudget(department="某局", year=2024, kind=Kind.FINAL, tables=(broken,)),
        select=["TAB001", "TAB002"],
    ).findings
    assert findings
    assert any(f"rows/{row - 1}/values/" in f.location.path for f in findings)


def test_a_title_with_only_a_no_data_statement_is_an_empty_table() -> None:
    table = _one(
        Line("国有资本经营预算财政拨款收入支出决算表"),
        Line("单位：万元"),
        Line(
            "本单位2024年度未取得国有资本经营预算财政拨款，也未用此类资金安排支出，故本表无数据。"
        ),
    )
    assert table.kind is TableKind.FINAL_STATE_CAPITAL
    assert (table.columns, table.rows, table.pages) == ((), (), (1,))
    assert table.empty_statement is not None
    budget = DepartmentBudget(department="某局", year=2024, kind=Kind.FINAL, tables=(table,))
    stated = [c for c in validate(budget, select=["TAB007"]).checks if "国有资本" in c.location.zh]
    assert [c.outcome.value for c in stated] == ["exact"]


def test_percent_columns_are_not_amounts_and_are_noted() -> None:
    found = recognize(
        [
            Page(
                1,
                (
                    Line("一般公共预算支出表"),
                    Grid.of(
                        ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "增长率（%）"],
                        ["201", "一般公共服务支出", "3.00", "2.00", "1.00", "5.3"],
                    ),
                ),
            )
        ],
        source="t.pdf",
    )
    assert [c.name for c in found.tables[0].columns] == ["合计", "基本支出", "项目支出"]
    assert [n.en for n in found.notes] == [
        "一般公共预算支出表: the percent columns (增长率（%）) are not amounts; not read as such"
    ]


def test_the_same_figure_in_two_tables_must_be_equal_not_within_rounding() -> None:
    budget = _budget_tables()
    summary = budget.tables[0]
    rows = [
        evolve(r, values=(wan("10.01"), None)) if r.name == "本年收入合计" else r
        for r in summary.rows
    ]
    income = Table(
        title="部门收入总表",
        kind=TableKind.BUDGET_INCOME,
        columns=(Column("合计"),),
        rows=(Row(name="合计", values=(wan(10),)),),
    )
    changed = evolve(budget, tables=(evolve(summary, rows=rows), budget.tables[1], income))
    cross = [f for f in validate(changed, select=["TAB005"]).findings if "收入" in f.location.zh]
    assert [f.outcome.value for f in cross] == ["inconsistent"]


def test_narrative_pages_say_where_each_page_starts() -> None:
    found = recognize(
        [
            Page(1, (Line("某局"), Line("2024年度部门决算"))),
            Page(2, ()),
            Page(3, (Line("一、收入决算情况说明"), Line("本年收入合计10.00万元。"))),
        ],
        source="t.pdf",
    )
    text = found.narrative
    start = text.index("一、")
    assert found.narrative_pages == ((0, 1), (start - 1, 2), (start, 3))  # page 2 is blank
    assert recognize([Page(1, (Line("x"),), sheet="S")], source="t.xlsx").narrative_pages == ()


def test_contents_entries_are_kept_apart() -> None:
    found = recognize(
        [
            Page(
                1,
                (
                    Line("目 录"),
                    Line("一、收入支出决算总表……5"),
                    Line("二、收入决算表.......6"),
                    Line("第三部分 情况说明 · · · · · · 12"),
                ),
            ),
            Page(2, (Line("一、收入支出决算总体情况说明"), Line("本年收入合计10.00万元。"))),
        ],
        source="t.pdf",
    )
    assert found.contents == (
        ("一、收入支出决算总表", 5),
        ("二、收入决算表", 6),
        ("第三部分 情况说明", 12),
    )
    assert "……" not in found.narrative
    assert "收入决算表" not in found.narrative
    assert found.tables == ()


@given(
    st.one_of(
        st.from_regex(r"-?[0-9]{1,3}(,[0-9]{3}){0,3}(\.[0-9]{1,7})?", fullmatch=True),
        st.from_regex(r"-?[0-9]{1,26}(\.[0-9]{0,7})?", fullmatch=True),
        st.text(alphabet="0123456789,.-+ －１２", max_size=12),
    ),
    st.sampled_from(list(Unit)),
)
@example("1,234.56", Unit.WAN)
@example("0.001", Unit.YUAN)
@example("１２", Unit.YUAN)
@example("-0.00", Unit.WAN)
def test_a_plainly_printed_amount_reads_as_parse_decimal_reads_it(text: str, unit: Unit) -> None:
    """The fast path of cell reading gives what the careful one does, or leaves the text to it."""
    fast = plain_amount(text, unit)
    try:
        careful: tuple[Amount, int] | None = (amount(parse_decimal(text), unit), 0)
    except GovBudgetError:
        careful = None
    if fast is None:
        return
    assert careful is not None, text
    assert fast[0] == careful[0], text
    assert fast[1] == (len(text.split(".", 1)[1]) if "." in text else 0)
