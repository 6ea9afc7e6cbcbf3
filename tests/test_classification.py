"""The official code tables: integrity of every shipped file, and the look-up API."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import attrs
import pytest

from govbudget import load
from govbudget.classification import (
    ClassificationError,
    CodeTable,
    Level,
    NameMatch,
    NoTable,
    Tree,
    compare,
    economic_codes,
    function_codes,
    income_codes,
    normalize,
    table_for,
    tree_of_code,
    years,
)
from govbudget.classification.table import parse_table
from govbudget.model import EconomicScheme
from govbudget.tree import walk

EXAMPLE = Path(__file__).parent.parent / "examples" / "zengdu-xinfang-2025" / "budget.json"

SHIPPED = [(tree, year) for tree in Tree for year in years(tree)]


def _raw(tree: Tree, year: int) -> str:
    data = resources.files("govbudget.classification").joinpath("data")
    return data.joinpath(f"{tree.value}-{year}.csv").read_text(encoding="utf-8")


def test_every_classification_ships_a_2025_table() -> None:
    assert all(2025 in years(tree) for tree in Tree)


@pytest.mark.parametrize(("tree", "year"), SHIPPED)
class TestShippedTable:
    def test_header_names_its_source_and_completeness(self, tree: Tree, year: int) -> None:
        table = table_for(tree, year)
        assert "政府收支分类科目" in table.source
        assert set(table.completeness) == set(tree.levels)
        assert table.evidence, "every table says what its rows were checked against"

    def test_codes_are_unique(self, tree: Tree, year: int) -> None:
        rows = [line.split(",")[0] for line in _raw(tree, year).splitlines()[1:]]
        codes = [row for row in rows if row[:1].isdigit()]
        assert len(codes) == len(set(codes)) == len(table_for(tree, year))

    def test_codes_are_in_order_and_in_their_tree(self, tree: Tree, year: int) -> None:
        codes = [entry.code for entry in table_for(tree, year)]
        assert codes == sorted(codes)
        assert all(tree_of_code(code) is tree for code in codes)

    def test_levels_follow_code_length(self, tree: Tree, year: int) -> None:
        for entry in table_for(tree, year):
            assert entry.level in tree.levels
            assert len(entry.code) == entry.level.digits

    def test_parents_exist_and_are_prefixes(self, tree: Tree, year: int) -> None:
        table = table_for(tree, year)
        for entry in table:
            if entry.level is Level.CLASS:
                assert entry.parent is None
                continue
            assert entry.parent is not None
            parent = table.lookup(entry.parent)
            assert parent is not None, entry.code
            assert entry.code.startswith(parent.code)
            assert len(entry.code) == len(parent.code) + 2

    def test_names_are_clean(self, tree: Tree, year: int) -> None:
        for entry in table_for(tree, year):
            for name in (entry.name, *(f.name for f in entry.former_names)):
                assert name, entry.code
                assert name == name.strip(), entry.code
                assert "," not in name

    def test_no_line_has_trailing_spaces(self, tree: Tree, year: int) -> None:
        for number, line in enumerate(_raw(tree, year).splitlines(), start=1):
            assert line == line.rstrip(), f"line {number}"

    def test_every_row_cites_evidence_the_header_defines(self, tree: Tree, year: int) -> None:
        table = table_for(tree, year)
        used = {key for entry in table for key in entry.evidence}
        assert all(entry.evidence for entry in table)
        assert used <= set(table.evidence)
        assert used == set(table.evidence), "an evidence key no row uses"

    def test_former_names_end_before_the_table_year(self, tree: Tree, year: int) -> None:
        for entry in table_for(tree, year):
            for former in entry.former_names:
                assert former.until < year
                assert former.name != entry.name


def test_lookup_gives_the_entry_with_its_level_and_parent() -> None:
    entry = function_codes(2025).lookup("2101101")
    assert entry is not None
    assert (entry.name, entry.level, entry.parent) == ("行政单位医疗", Level.ITEM, "21011")
    assert function_codes(2025).lookup("20140") is None


def test_former_name_and_the_year_it_changed() -> None:
    entry = function_codes(2025).lookup("210")
    assert entry is not None
    (former,) = entry.former_names
    assert (former.name, former.until, former.changed) == ("医疗卫生与计划生育支出", 2018, 2019)
    assert entry.name_in(2018) == "医疗卫生与计划生育支出"
    assert entry.name_in(2019) == "卫生健康支出"


def test_a_later_year_uses_the_nearest_earlier_table_and_says_so() -> None:
    table = function_codes(2026)
    assert (table.year, table.requested_year, table.is_fallback) == (2025, 2026, True)
    assert not function_codes(2025).is_fallback
    assert table.lookup("210") == function_codes(2025).lookup("210")


def test_a_year_before_every_table_raises() -> None:
    with pytest.raises(NoTable, match="2017"):
        function_codes(2017)
    with pytest.raises(LookupError):
        economic_codes(2017)


def test_economic_kind_accepts_the_model_scheme_and_refuses_others() -> None:
    assert economic_codes(2025, EconomicScheme.GOVERNMENT).tree is Tree.ECONOMIC_GOVERNMENT
    assert economic_codes(2025, "department").tree is Tree.ECONOMIC_DEPARTMENT
    with pytest.raises(ClassificationError, match="'function'"):
        economic_codes(2025, "function")


def test_tables_are_cached_and_read_only() -> None:
    table = economic_codes(2025)
    assert table is economic_codes(2025)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        table.year = 2024  # type: ignore[misc]
    with pytest.raises(TypeError):
        table.completeness[Level.CLASS] = False  # type: ignore[index]


def test_completeness_is_what_the_header_says() -> None:
    assert economic_codes(2025).is_complete(Level.CLASS)
    assert not economic_codes(2025).is_complete(Level.SECTION)
    assert not economic_codes(2025).is_complete(Level.ITEM)
    assert not function_codes(2025).is_complete(Level.CLASS)


def test_iteration_is_in_code_order() -> None:
    table = economic_codes(2025)
    assert isinstance(table, CodeTable)
    assert [e.code for e in table] == sorted(e.code for e in table)
    assert "30217" in table
    assert len(table) == len(list(table))


def test_tree_of_code() -> None:
    assert tree_of_code("2010301") is Tree.FUNCTION
    assert tree_of_code("399") is Tree.ECONOMIC_DEPARTMENT
    assert tree_of_code("50101") is Tree.ECONOMIC_GOVERNMENT
    assert tree_of_code("1030401") is Tree.INCOME
    assert tree_of_code("401") is None
    assert tree_of_code("30") is None


def test_every_code_of_the_worked_example_is_in_its_table() -> None:
    budget = load(EXAMPLE)
    assert budget.expenditure is not None
    assert budget.year is not None
    function = function_codes(budget.year)
    economic = economic_codes(budget.year, budget.expenditure.economic_scheme)
    checked = 0
    for table, roots in (
        (function, budget.expenditure.by_function),
        (economic, budget.expenditure.by_economic),
    ):
        for _, node in walk(roots):
            if node.code is not None:
                assert node.code in table, node.code
                checked += 1
    assert checked == 32


@pytest.mark.parametrize(
    ("stated", "code", "match"),
    [
        ("卫生健康支出", "210", NameMatch.OFFICIAL),
        ("医疗卫生与计划生育支出", "210", NameMatch.FORMER),
        ("一般公共服务", "201", NameMatch.OFFICIAL),
        ("社会保障和就业", "208", NameMatch.OFFICIAL),
        ("住房保障", "221", NameMatch.OFFICIAL),
        ("公共卫生支出", "210", NameMatch.UNKNOWN),
    ],
)
def test_function_names(stated: str, code: str, match: NameMatch) -> None:
    entry = function_codes(2025).lookup(code)
    assert entry is not None
    assert compare(stated, entry, 2025).match is match


@pytest.mark.parametrize(
    ("stated", "code", "match"),
    [
        ("对个人和家庭的补助支出", "303", NameMatch.OFFICIAL),
        ("其他工资福利", "30199", NameMatch.OFFICIAL),
        ("因公出国(境)费用", "30212", NameMatch.OFFICIAL),
        ("维修 （护） 费", "30213", NameMatch.OFFICIAL),
        ("医疗补助缴费", "30111", NameMatch.ABBREVIATED),
        ("补助", "30111", NameMatch.UNKNOWN),
        ("水电费", "30205", NameMatch.UNKNOWN),
    ],
)
def test_economic_names(stated: str, code: str, match: NameMatch) -> None:
    entry = economic_codes(2025).lookup(code)
    assert entry is not None
    assert compare(stated, entry, 2025).match is match


def test_a_former_name_is_official_in_its_own_years() -> None:
    entry = function_codes(2025).lookup("210")
    assert entry is not None
    comparison = compare("医疗卫生与计划生育支出", entry, 2017)
    assert comparison.match is NameMatch.OFFICIAL
    assert comparison.official == "医疗卫生与计划生育支出"
    later = compare("医疗卫生与计划生育支出", entry, 2025)
    assert later.former is not None
    assert (later.official, later.former.changed) == ("卫生健康支出", 2019)


def test_normalize_keeps_a_bare_suffix() -> None:
    assert normalize("支出") == "支出"
    assert normalize("其他　支出") == "其他"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,name,former_names,evidence\n301,工资福利支出,,A", "source"),
        (
            "# source: s\n# complete: 类=yes\n# evidence: A = a\ncode,name,former_names,evidence",
            "each of",
        ),
        ("# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\ncode,name\n", "first row"),
        (
            "# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\n"
            "code,name,former_names,evidence\n30101,基本工资,,A",
            "parent 301",
        ),
        (
            "# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\n"
            "code,name,former_names,evidence\n301,工资福利支出,,A\n301,工资,,A",
            "twice",
        ),
        (
            "# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\n"
            "code,name,former_names,evidence\n201,一般公共服务支出,,A",
            "does not belong",
        ),
        (
            "# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\n"
            "code,name,former_names,evidence\n301,工资福利支出 ,,A",
            "outer spaces",
        ),
        (
            "# source: s\n# complete: 类=yes 款=no\n# evidence: A = a\n"
            "code,name,former_names,evidence\n301,工资福利支出,旧名@2019-2018,A",
            "ends before",
        ),
    ],
)
def test_a_malformed_table_is_refused_with_its_place(text: str, message: str) -> None:
    with pytest.raises(ClassificationError, match=message):
        parse_table(text, tree=Tree.ECONOMIC_DEPARTMENT, year=2025, name="t.csv")


def test_capital_classes_list_their_sections_with_shared_names() -> None:
    table = economic_codes(2025)
    for code, name in (
        ("30907", "信息网络及软件购置更新"),
        ("31009", "土地补偿"),
        ("31099", "其他资本性支出"),
    ):
        entry = table.lookup(code)
        assert entry is not None
        assert entry.name == name
    first = table.lookup("30901")
    second = table.lookup("31001")
    assert first is not None
    assert second is not None
    assert first.name == second.name == "房屋建筑物购建"
    assert (first.parent, second.parent) == ("309", "310")
    assert table.lookup("30904") is None  # a gap in the official numbering


def test_function_items_under_the_first_section_of_201() -> None:
    table = function_codes(2025)
    for code, name, parent in (
        ("20101", "人大事务", "201"),
        ("2010101", "行政运行", "20101"),
        ("2010102", "一般行政管理事务", "20101"),
        ("2019999", "其他一般公共服务支出", "20199"),
    ):
        entry = table.lookup(code)
        assert entry is not None
        assert (entry.name, entry.parent) == (name, parent)


def test_income_table_gives_classes_and_sections_of_non_tax_revenue() -> None:
    table = income_codes(2025)
    assert table.tree is Tree.INCOME
    assert table.title.startswith("政府收入分类科目")
    assert table.tree.levels == (Level.CLASS, Level.SECTION, Level.ITEM)
    entry = table.lookup("10304")
    assert entry is not None
    assert (entry.name, entry.level, entry.parent) == ("行政事业性收费收入", Level.SECTION, "103")
    taxes = table.lookup("101")
    assert taxes is not None
    assert taxes.name == "税收收入"
    assert not any(table.is_complete(level) for level in Level)
    assert income_codes(2026).is_fallback
    with pytest.raises(NoTable):
        income_codes(2017)


@pytest.mark.parametrize(
    ("stated", "code", "match"),
    [
        ("非税收入", "103", NameMatch.OFFICIAL),
        ("行政事业性收费", "10304", NameMatch.ABBREVIATED),
        ("国有资本经营收入", "10306", NameMatch.OFFICIAL),
        ("罚没收入", "10302", NameMatch.UNKNOWN),
    ],
)
def test_income_names(stated: str, code: str, match: NameMatch) -> None:
    entry = income_codes(2025).lookup(code)
    assert entry is not None
    assert compare(stated, entry, 2025).match is match
