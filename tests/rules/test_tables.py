"""The table rules on tables written for the tests: required tables, order, empty tables, “三公” cells."""

from __future__ import annotations

from govbudget import DepartmentBudget, validate, wan
from govbudget.figure import Figure, pct
from govbudget.model import Income, Kind, ThreePublic
from govbudget.report import Finding
from govbudget.rounding import Outcome
from govbudget.rules.base import Severity
from govbudget.table import Column, Row, Table, TableKind

K = TableKind


def _table(kind: TableKind, title: str, *, pasted: bool = False, **fields: object) -> Table:
    place: dict[str, object] = {"line": 3} if pasted else {"pages": (2,)}
    rows = fields.pop("rows", (Row(name="合计", values=(wan(1),)),))
    columns = fields.pop("columns", (Column("合计"),))
    return Table(
        title=title, kind=kind, unit_line="单位：万元", rows=rows, columns=columns,  # type: ignore[arg-type]
        **place, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def _bad(budget: DepartmentBudget, rule: str) -> list[Finding]:
    return [c for c in validate(budget, select=[rule]).checks if c.outcome is Outcome.INCONSISTENT]


def test_a_pasted_table_in_an_excerpt_does_not_call_the_others_missing() -> None:
    three = _table(K.FINAL_THREE_PUBLIC, "财政拨款“三公”经费支出决算表", pasted=True)
    budget = DepartmentBudget(kind=Kind.FINAL, tables=(three,))
    assert _bad(budget, "TAB007") == []
    assert _bad(budget, "TAB010") == []


def test_the_tables_the_contents_list_are_required() -> None:
    summary = _table(K.FINAL_SUMMARY, "收入支出决算总表")
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        contents=("第二部分 决算表", "一、收入支出决算总表", "二、收入决算表……6"),
        tables=(summary,),
    )
    (missing,) = _bad(budget, "TAB007")
    assert missing.severity is Severity.ERROR
    assert missing.message("zh") == "收入决算表：目录列出此表，但文件中没有此表，也未说明无此类资金"
    # without a 目录 the template's nine tables are required; with only one of them there the
    # document may be an excerpt (or the others images): their absence is a warning
    excerpt = _bad(DepartmentBudget(kind=Kind.FINAL, tables=(summary,)), "TAB007")
    assert len(excerpt) == 8
    assert {f.severity for f in excerpt} == {Severity.WARNING}
    assert "可能是节选" in excerpt[0].message("zh")


def test_most_of_the_template_s_tables_there_make_a_missing_one_an_error() -> None:
    kinds = (K.FINAL_SUMMARY, K.FINAL_INCOME, K.FINAL_EXPENDITURE, K.FINAL_APPROPRIATION,
             K.FINAL_GENERAL_PUBLIC)  # fmt: skip
    tables = tuple(_table(kind, kind.value) for kind in kinds)
    missing = _bad(DepartmentBudget(kind=Kind.FINAL, tables=tables), "TAB007")
    assert missing
    assert {f.severity for f in missing} == {Severity.ERROR}


def test_a_table_twice_or_out_of_order_is_a_warning() -> None:
    summary = _table(K.FINAL_SUMMARY, "收入支出决算总表")
    income = _table(K.FINAL_INCOME, "收入决算表")
    twice = _bad(DepartmentBudget(kind=Kind.FINAL, tables=(summary, income, summary)), "TAB010")
    assert [f.message("zh") for f in twice] == ["收入支出决算总表（第2页）：同一张表出现两次"]
    (late,) = _bad(DepartmentBudget(kind=Kind.FINAL, tables=(income, summary)), "TAB010")
    assert late.severity is Severity.WARNING
    assert "排在“收入决算表”之后" in late.message("zh")


def test_empty_tables_and_funds_stated_as_none() -> None:
    empty = _table(K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款收入支出决算表", rows=())
    (unsaid,) = _bad(DepartmentBudget(kind=Kind.FINAL, tables=(empty,)), "TAB011")
    assert unsaid.severity is Severity.WARNING
    said = DepartmentBudget(
        kind=Kind.FINAL,
        income=Income(government_fund=Figure(none_stated=True)),
        tables=(empty,),
    )
    assert _bad(said, "TAB011") == []
    full = _table(K.FINAL_GOVERNMENT_FUND, "政府性基金预算财政拨款收入支出决算表")
    stated_none = DepartmentBudget(
        kind=Kind.FINAL, income=Income(government_fund=Figure(none_stated=True)), tables=(full,)
    )
    (contradiction,) = _bad(stated_none, "TAB011")
    assert contradiction.severity is Severity.ERROR
    assert "说明中称无此类资金，但表中有数字" in contradiction.message("zh")


def test_three_public_figures_against_a_table_with_items_as_rows() -> None:
    table = _table(
        K.FINAL_THREE_PUBLIC,
        "“三公”经费支出决算表",
        pasted=True,
        columns=(Column("预算数"), Column("决算数")),
        rows=(
            Row(name="合计", values=(wan(10), wan(6))),
            Row(name="公务接待费", values=(wan(4), wan(2))),
            Row(name="公务用车购置及运行维护费", values=(wan(6), wan(4))),
        ),
        source="n.txt",
    )
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(table,),
        three_public=ThreePublic(
            total=Figure(amount=wan(6), budget_initial=wan(10)),
            # the narrative swaps 接待 and 用车
            reception=Figure(amount=wan(4)),
            vehicles=Figure(amount=wan(2), budget_initial=wan(6)),
        ),
    )
    checks = validate(budget, select=["TAB006"]).checks
    assert [(c.location.en.split(", ")[-2], c.outcome) for c in checks] == [
        ("row 合计", Outcome.EXACT),
        ("row 合计", Outcome.EXACT),
        ("row 公务接待费", Outcome.INCONSISTENT),
        ("row 公务用车购置及运行维护费", Outcome.INCONSISTENT),
        ("row 公务用车购置及运行维护费", Outcome.EXACT),
    ]
    assert checks[2].location.source == "n.txt:3"


def _sangong(*rows: tuple[str, str | None, str | None]) -> Table:
    return _table(
        K.FINAL_THREE_PUBLIC,
        "“三公”经费支出决算表",
        pasted=True,
        columns=(Column("预算数"), Column("决算数")),
        rows=tuple(
            Row(name=n, values=(None if b is None else wan(b), None if f is None else wan(f)))
            for n, b, f in rows
        ),
        source="n.txt",
    )


TABLE = _sangong(
    ("合计", "30", "8"),
    ("因公出国（境）费", "10", None),
    ("公务接待费", "12", "5"),
    ("公务用车购置及运行维护费", "8", "3"),
)


def test_shares_and_completion_from_the_table_where_the_narrative_leaves_a_figure_out() -> None:
    from govbudget.figure import pct

    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(TABLE,),
        three_public=ThreePublic(
            # no total stated: the shares are the table's; no budget stated: so is the completion
            reception=Figure(amount=wan(5), share=pct("62.5"), completion=pct("41.67")),
            vehicles=Figure(amount=wan(3), share=pct("37.5"), completion=pct("37.5")),
        ),
    )
    checks = {(c.location.path, c.outcome) for c in validate(budget, select=["TAB012"]).checks}
    assert checks == {
        ("/three_public/reception/share", Outcome.EXACT),  # 5 ÷ 8
        ("/three_public/reception/completion", Outcome.EXACT),  # 5 ÷ 12
        ("/three_public/vehicles/share", Outcome.EXACT),
        ("/three_public/vehicles/completion", Outcome.EXACT),  # 3 ÷ 8
    }
    swapped = evolve_three(budget, reception_share="37.5", vehicles_share="62.5")
    bad = _bad(swapped, "TAB012")
    assert {f.location.path for f in bad} == {
        "/three_public/reception/share",
        "/three_public/vehicles/share",
    }
    assert "公务接待费" in bad[0].message("zh")
    assert "÷" in bad[0].message("zh")


def evolve_three(budget: DepartmentBudget, **shares: str) -> DepartmentBudget:
    from attrs import evolve

    from govbudget.figure import pct

    three = budget.three_public
    assert three is not None
    for name, value in shares.items():
        item = name.removesuffix("_share")
        three = evolve(three, **{item: evolve(getattr(three, item), share=pct(value))})
    return evolve(budget, three_public=three)


def test_a_change_against_the_budget_with_the_tables_budget() -> None:
    from govbudget.figure import StatedChange, pct

    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(TABLE,),
        three_public=ThreePublic(
            # 与预算相比减少0.1万元，下降0.01% — the table says 12 and 5: 7 less, 58.33%
            reception=Figure(
                amount=wan(5),
                budget_change=StatedChange(wan("0.1"), "减少"),
                budget_percent=pct("0.01", "下降"),
            ),
            # 与预算相比无变化 — 3 against 8
            vehicles=Figure(amount=wan(3), budget_change=StatedChange(None, "无变化")),
            overseas=Figure(amount=wan(0), budget_change=StatedChange(wan(10), "减少")),
        ),
    )
    change = _bad(budget, "TAB013")
    # 无变化 writes no amount: a claim of no change that TAB015 judges, not a stated 0
    assert [f.location.path for f in change] == ["/three_public/reception/budget/change"]
    assert "表中预算数" in change[0].message("zh")
    assert "12" in change[0].message("zh")
    assert [f.location.path for f in _bad(budget, "TAB014")] == [
        "/three_public/reception/budget/percent"
    ]
    words = _bad(budget, "TAB015")
    assert [f.location.path for f in words] == ["/three_public/vehicles/budget/direction"]
    assert "数字显示数字显示" not in words[0].message("zh")
    # where the narrative states the budget itself, EXE003–EXE005 check it instead
    own = evolve_figure(budget, "reception", budget_initial=wan(12))
    assert [f.location.path for f in _bad(own, "TAB013")] == []
    assert [f.location.path for f in _bad(own, "EXE003")] == [
        "/three_public/reception/budget/change"
    ]


def evolve_figure(budget: DepartmentBudget, item: str, **fields: object) -> DepartmentBudget:
    from attrs import evolve

    three = budget.three_public
    assert three is not None
    figure = evolve(getattr(three, item), **fields)
    return evolve(budget, three_public=evolve(three, **{item: figure}))


def test_one_figure_one_unit_apart_in_two_tables_is_a_warning_naming_both() -> None:
    def pair(income: str, summary: str) -> DepartmentBudget:
        income_table = _table(
            K.FINAL_INCOME,
            "收入决算表",
            columns=(Column("本年收入合计"),),
            rows=(Row(name="合计", values=(wan(income),)),),
        )
        summary_table = _table(
            K.FINAL_SUMMARY,
            "收入支出决算总表",
            columns=(Column("决算数", side="收入"),),
            rows=(Row(name="本年收入合计", side="收入", values=(wan(summary),)),),
        )
        return DepartmentBudget(kind=Kind.FINAL, tables=(income_table, summary_table))

    (near,) = _bad(pair("326.71", "326.72"), "TAB005")
    assert near.severity is Severity.WARNING
    message = near.message("zh")
    assert "收入决算表" in message
    assert "收入支出决算总表" in message
    assert "两次舍入" in message
    (far,) = _bad(pair("326.71", "326.73"), "TAB005")
    assert far.severity is Severity.ERROR


def _basic_table(personnel: str, public: str) -> Table:
    return _table(
        K.FINAL_GENERAL_PUBLIC_BASIC,
        "一般公共预算财政拨款基本支出决算表",
        columns=(Column("决算数"),),
        rows=(
            Row(name="人员经费合计", values=(wan(personnel),)),
            Row(name="公用经费合计", values=(wan(public),)),
        ),
    )


def test_personnel_public_and_operation_against_the_basic_table_are_warnings() -> None:
    from govbudget.model import Appropriation, Expenditure, Spending

    table = _basic_table("40.5", "12.25")
    page = "d.pdf p. 14"
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(table,),
        # the narrative does not say these are of the general public budget only
        expenditure=Expenditure(
            personnel=Figure(amount=wan("40.5"), source=page),
            public=Figure(amount=wan("12.52"), source=page),
        ),
        institutional_operation=Figure(amount=wan("13"), source="d.pdf p. 15"),
    )
    (public, operation) = _bad(budget, "TAB006")
    assert (public.severity, operation.severity) == (Severity.WARNING, Severity.WARNING)
    message = public.message("zh")
    assert "12.25" in message
    assert "12.52" in message
    assert "说明（第14页）中的公用经费" in message
    assert "一般公共预算财政拨款基本支出决算表（第2页），公用经费合计" in message
    assert "说明（第15页）中的机关运行经费 ≤" in operation.message("zh")
    # said of the general public budget's basic spending: an error (the narrative's own figure)
    stated = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(table,),
        appropriation=Appropriation(
            general_public=Spending(public=Figure(amount=wan("12.52"), source=page))
        ),
        institutional_operation=Figure(amount=wan("12.25")),
    )
    (wrong,) = _bad(stated, "TAB006")
    assert wrong.severity is Severity.ERROR


def test_appropriation_income_against_the_income_table() -> None:
    table = _table(
        K.FINAL_INCOME,
        "收入决算表",
        columns=(Column("本年收入合计"), Column("财政拨款收入"), Column("事业收入")),
        rows=(Row(name="合计", values=(wan("120"), wan("100"), wan("20"))),),
    )
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(table,),
        income=Income(appropriation=Figure(amount=wan("110"), source="d.pdf p. 13")),
    )
    (wrong,) = _bad(budget, "TAB006")
    assert "说明（第13页）中的财政拨款收入 = 收入决算表·合计·财政拨款收入" in wrong.message("zh")


def test_shares_without_their_whole_are_recomputed_from_the_summary_table() -> None:
    from govbudget.model import Expenditure

    summary = _table(
        K.FINAL_SUMMARY,
        "收入支出决算总表",
        columns=(Column("决算数", side="收入"), Column("决算数", side="支出")),
        rows=(
            Row(name="一般公共预算财政拨款收入", side="收入", values=(wan("90"), None)),
            Row(name="事业收入", side="收入", values=(wan("30"), None)),
            Row(name="本年收入合计", side="收入", values=(wan("120"), None)),
            Row(name="本年支出合计", side="支出", values=(None, wan("100"))),
        ),
    )
    spending = _table(
        K.FINAL_EXPENDITURE,
        "支出决算表",
        columns=(Column("本年支出合计"), Column("基本支出"), Column("项目支出")),
        rows=(Row(name="合计", values=(wan("100"), wan("71.65"), wan("28.35"))),),
    )
    page = "d.pdf p. 13"
    budget = DepartmentBudget(
        kind=Kind.FINAL,
        tables=(summary, spending),
        # no 本年收入合计 or 本年支出合计 of the narrative's own: SHR001 cannot check these
        income=Income(business=Figure(amount=wan("30"), share=pct("25"), source=page)),
        expenditure=Expenditure(
            basic=Figure(amount=wan("71.65"), share=pct("71.73"), source=page),
            project=Figure(amount=wan("28.35"), share=pct("28.35"), source=page),
        ),
    )
    checks = list(validate(budget, select=["TAB012"]).checks)
    assert [(c.location.path, c.outcome) for c in checks] == [
        ("/income/business/share", Outcome.EXACT),
        ("/expenditure/basic/share", Outcome.INCONSISTENT),
        ("/expenditure/project/share", Outcome.EXACT),
    ]
    wrong = checks[1]
    assert wrong.severity is Severity.WARNING
    assert wrong.location.source == page
    assert "支出决算表·合计·基本支出 ÷ 收入支出决算总表·本年支出合计" in wrong.message("zh")


def test_header_relations_come_in_the_headers_order_whatever_the_hash_seed() -> None:
    # Found under PYTHONHASHSEED: the header's prefixes were a set, so two subtotal groups of
    # one depth were checked in an order that changed from one run to the next.
    import subprocess
    import sys

    code = (
        "from govbudget.rules.tables.sums import _header_relations\n"
        "group = [(0, ('合计',)), (1, ('甲', '小计')), (2, ('甲', '一')), (3, ('甲', '二')),"
        " (4, ('乙', '小计')), (5, ('乙', '一')), (6, ('乙', '二'))]\n"
        "print(_header_relations(group))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert runs == {"[(0, [1, 4]), (1, [2, 3]), (4, [5, 6])]\n"}
