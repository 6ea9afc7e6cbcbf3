"""Page layout from character boxes and ruling lines (pure geometry: no PDF involved)."""

from __future__ import annotations

from govbudget.tables.layout import (
    Char,
    Layout,
    PlacedLine,
    Rule,
    characters,
    lay_out,
    margins,
    to_page,
)
from govbudget.tables.recognize import Grid, GridCell, Line


def _run(
    text: str, x: float, top: float, size: float = 16.0, *, width: float | None = None
) -> list[Char]:
    """Characters of ``text`` side by side from ``x``; CJK a full em wide, Latin half."""
    chars = []
    for char in text:
        w = width if width is not None else (size if ord(char) > 127 else size / 2)
        chars.append(Char(char, x, top, x + w, top + size))
        x += w
    return chars


def _texts(layout: Layout) -> list[str]:
    return [line.text for line in layout.lines]


def test_digits_a_quarter_em_off_the_baseline_stay_in_their_line() -> None:
    # 16-point CJK at top 100; the Latin font's digits 4 points lower, as Word sets them
    chars = _run("年初预算为", 72, 100) + _run("2993.92", 156, 104) + _run("万元，", 216, 100)
    chars += _run("完成", 72, 124)  # the next line, 1.5 lines down
    assert _texts(lay_out(chars, ())) == ["年初预算为2993.92万元，", "完成"]


def test_lines_set_solid_are_not_joined() -> None:
    # leading equal to the type size: middles one character height apart
    chars = _run("第一行", 72, 100) + _run("第二行", 72, 116)
    assert _texts(lay_out(chars, ())) == ["第一行", "第二行"]


def test_the_quarter_em_between_scripts_is_no_space_but_a_wide_gap_is() -> None:
    chars = _run("上海市", 0, 100) + _run("XX", 52, 100) + _run("局", 72, 100)
    assert _texts(lay_out(chars, ())) == ["上海市XX局"]
    chars = _run("目", 0, 100) + _run("录", 48, 100)
    assert _texts(lay_out(chars, ())) == ["目 录"]


def test_a_typed_space_is_kept() -> None:
    chars = [*_run("201", 0, 100), Char(" ", 24, 100, 28, 116), *_run("一般", 28, 100)]
    assert _texts(lay_out(chars, ())) == ["201 一般"]


def test_leader_dots_become_an_ellipsis() -> None:
    chars = _run("二、收入决算表", 0, 100) + _run("." * 30, 120, 100, width=5) + _run("6", 280, 100)
    layout = lay_out(chars, ())
    assert (_texts(layout), layout.folded) == (["二、收入决算表……6"], 28)


def test_a_character_printed_twice_a_hair_apart_is_read_once() -> None:
    chars = [*_run("合计", 0, 100), *_run("合计", 0.3, 100)]
    layout = lay_out(chars, ())
    assert (_texts(layout), layout.folded) == (["合计"], 2)


def _ruled(xs: list[float], ys: list[float], *, skip: set[tuple[str, int, int]]) -> list[Rule]:
    """A ruled grid on ``xs``×``ys``; ``skip`` leaves out ("v", col line, row) / ("h", row line, col)."""
    rules = []
    for i, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if ("v", i, r) not in skip:
                rules.append(Rule(x - 0.25, ys[r], x + 0.25, ys[r + 1]))
    for j, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if ("h", j, c) not in skip:
                rules.append(Rule(xs[c], y - 0.25, xs[c + 1], y + 0.25))
    return rules


def test_ruled_table_with_merged_cells_across_and_down() -> None:
    xs, ys = [0.0, 100.0, 200.0, 300.0], [100.0, 120.0, 140.0, 160.0]
    # row 0: "项目" over cols 0-1 (no line between them); col 2: "合计" over rows 0-1
    skip = {("v", 1, 0), ("h", 1, 2)}
    chars = (
        _run("项目", 80, 102, 12)
        + _run("合计", 240, 112, 12)
        + _run("编码", 30, 122, 12)
        + _run("名称", 130, 122, 12)
        + _run("201", 10, 142, 12)
        + _run("一般", 110, 142, 12)
        + _run("10.00", 260, 142, 12)
    )
    layout = lay_out(chars, _ruled(xs, ys, skip=skip))
    assert layout.lines == ()
    [placed] = layout.grids
    assert placed.top == 100.0
    assert placed.grid == Grid(
        [
            [GridCell("项目", 1, 2), None, GridCell("合计", 2, 1)],
            [GridCell("编码"), GridCell("名称"), None],
            [GridCell("201"), GridCell("一般"), GridCell("10.00")],
        ]
    )


def test_borders_drawn_cell_by_cell_a_little_apart_are_one_ruling() -> None:
    xs, ys = [0.0, 100.0, 200.0], [100.0, 120.0, 140.0]
    rules = _ruled(xs, ys, skip=set())
    # Word draws each cell's borders: the second column's left border 1 pt off the first's right
    rules = [Rule(r.x0 + 1, r.top, r.x1 + 1, r.bottom) if r.x0 > 150 else r for r in rules]
    chars = _run("合计", 10, 102, 12) + _run("1.00", 150, 122, 12)
    [placed] = lay_out(chars, rules).grids
    assert [[c.text if c else None for c in row] for row in placed.grid.cells] == [
        ["合计", ""],
        ["", "1.00"],
    ]


def test_a_framed_paragraph_is_text_not_a_table() -> None:
    rules = _ruled([50.0, 500.0], [90.0, 200.0], skip=set())
    layout = lay_out(_run("本部门无政府性基金预算。", 60, 100), rules)
    assert (layout.grids, _texts(layout)) == ((), ["本部门无政府性基金预算。"])


def test_a_wrapped_cell_is_one_cell_with_its_lines() -> None:
    xs, ys = [0.0, 60.0, 120.0], [100.0, 140.0, 160.0]
    chars = _run("其他文化", 2, 104, 12) + _run("支出", 2, 120, 12) + _run("1.00", 90, 110, 12)
    chars += _run("合计", 2, 142, 12)
    [placed] = lay_out(chars, _ruled(xs, ys, skip=set())).grids
    assert placed.grid.cells[0][0] == GridCell("其他文化\n支出")


def test_running_headers_and_page_numbers_are_set_apart() -> None:
    def page(number: int, body: str) -> Layout:
        return Layout(
            (
                PlacedLine("某局2024年度部门决算", 200, 30, 400, 40),
                PlacedLine(body, 72, 300, 500, 316),
                PlacedLine(f"第 {number} 页 共 3 页", 260, 800, 340, 810),
            ),
            (),
        )

    layouts = [page(1, "一、收入决算情况说明"), page(2, "本年收入合计10.00万元。"), page(3, "无")]
    assert margins(layouts, [842.0] * 3) == [{0, 2}, {0, 2}, {0, 2}]
    built = to_page(2, layouts[1], {0, 2})
    assert built.blocks == (Line("本年收入合计10.00万元。"),)
    assert built.margins == ("某局2024年度部门决算", "第 2 页 共 3 页")
    assert characters(built) == 12 + 14 + 6


def test_a_title_at_the_top_of_every_page_is_no_running_header() -> None:
    layouts = [
        Layout(
            (PlacedLine("支出决算表（续）", 300, 60, 500, 76), PlacedLine("x", 0, 400, 9, 410)), ()
        )
        for _ in range(4)
    ]
    assert margins(layouts, [595.0] * 4) == [set(), set(), set(), set()]


def test_a_page_number_alone_is_a_footer_on_any_page() -> None:
    layouts = [
        Layout((PlacedLine("正文", 72, 300, 100, 316), PlacedLine("- 7 -", 280, 790, 300, 800)), ())
    ]
    assert margins(layouts, [842.0]) == [{1}]
