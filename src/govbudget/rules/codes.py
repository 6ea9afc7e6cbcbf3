"""Codes: every classification code is real in that year's 政府收支分类科目 and named as it names it.

The tables come from :mod:`govbudget.classification`. A code missing from a
table is an error only where the table is complete at that level; otherwise
it is a warning ("not in the table"), since the shipped tables are subsets
wherever their sources were. A budget year earlier than every table gets one
note per tree and no code checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat
from typing import Any, Final, cast

import attrs
from attrs import evolve

from govbudget.classification import (
    CodeTable,
    Entry,
    Level,
    NameMatch,
    NoTable,
    Tree,
    compare,
    normalize,
    table_for,
    tree_of_code,
    years,
)
from govbudget.model import DepartmentBudget, EconomicScheme
from govbudget.rounding import Outcome
from govbudget.rules._facts import trees_of
from govbudget.rules._support import memo
from govbudget.rules.base import (
    LineLocation,
    Location,
    Observation,
    Record,
    Rule,
    Scale,
    Severity,
    _params,
    deferring,
    observe,
)
from govbudget.tree import Node, walk

__all__ = ["RULES", "coded_lines"]

_ECONOMIC: Final = {
    EconomicScheme.DEPARTMENT: Tree.ECONOMIC_DEPARTMENT,
    EconomicScheme.GOVERNMENT: Tree.ECONOMIC_GOVERNMENT,
}
_LEVEL_EN: Final = {Level.CLASS: "class", Level.SECTION: "section", Level.ITEM: "item"}
# A line's code is 3, 5 or 7 digits (a Node checks it): its classification (tree_of_code) is
# its first digit's and its level (Level.of) its length's, read here without the pattern.
_BY_DIGIT: Final = {digit: tree_of_code(digit * 3) for digit in "0123456789"}
_BY_LENGTH: Final = {digits: Level.of("0" * digits) for digits in (3, 5, 7)}


class CodedLine:
    """A line with a code in one classification tree of the budget, with what the code says
    by itself (its classification and level), formed once for the four rules.

    Its :attr:`location` is formed when first read: most lines are only ever checked.
    """

    __slots__ = (
        "_above",
        "_en",
        "_location",
        "_zh",
        "code",
        "fits",
        "found",
        "level",
        "node",
        "parent",
        "tree",
    )
    tree: Tree
    node: Node
    parent: Node | None
    #: The line's code, the classification it belongs to by its first digit, and its level.
    code: str
    found: Tree | None
    level: Level | None
    #: Whether the code is of a level its tree has.
    fits: bool
    _zh: str
    _en: str
    #: The path of the line above (a string), or the coded line above.
    _above: str | CodedLine
    _location: Location | None

    def __init__(
        self,
        tree: Tree,
        node: Node,
        parent: Node | None,
        levels: tuple[Level, ...],
        zh: str,
        en: str,
        above: str | CodedLine,
    ) -> None:
        code = node.code
        assert code is not None
        level = _BY_LENGTH[len(code)]
        self.tree = tree
        self.node = node
        self.parent = parent
        self.code = code
        self.found = _BY_DIGIT[code[0]]
        self.level = level
        self.fits = level in levels
        self._zh = zh
        self._en = en
        self._above = above
        self._location = None

    @property
    def path(self) -> str:
        """The line's place by keys (its location's path), formed without the location."""
        return f"{_path_of(self._above)}/{self.node.key}"

    @property
    def location(self) -> Location:
        """Where the line is (its tree's names and the line's label; its path by keys)."""
        location = self._location
        if location is None:
            above = self._above
            location = self._location = LineLocation(
                "",
                self._zh,
                self._en,
                line=self.node,
                above=above if isinstance(above, str) else above.location,
            )
        return location


def _scheme(roots: tuple[Node, ...], default: EconomicScheme) -> EconomicScheme:
    """The economic scheme a tree's codes show, where they all agree."""
    kinds = {tree_of_code(node.code) for _, node in walk(roots) if node.code is not None}
    if kinds == {Tree.ECONOMIC_GOVERNMENT}:
        return EconomicScheme.GOVERNMENT
    if kinds == {Tree.ECONOMIC_DEPARTMENT}:
        return EconomicScheme.DEPARTMENT
    return default


def _tree(budget: DepartmentBudget, path: str, roots: tuple[Node, ...]) -> Tree | None:
    if path.endswith("/by_function"):
        return Tree.FUNCTION
    if not path.endswith("/by_economic"):
        return None
    declared = budget.expenditure.economic_scheme if budget.expenditure else None
    if path.startswith("/expenditure") and declared is not None:
        return _ECONOMIC[declared]
    return _ECONOMIC[_scheme(roots, declared or EconomicScheme.DEPARTMENT)]


def coded_lines(budget: DepartmentBudget) -> Iterator[CodedLine]:
    """Every coded line of the budget's function and economic trees, parents first."""
    return iter(_lines(budget))


def _lines(budget: DepartmentBudget) -> list[CodedLine]:
    """:func:`coded_lines`, listed once per ``validate()``."""
    return memo(budget, "coded_lines", lambda: _coded_lines(budget))


def _coded_lines(budget: DepartmentBudget) -> list[CodedLine]:
    lines: list[CodedLine] = []
    append = lines.append
    for tree_path, tree_zh, tree_en, roots in trees_of(budget):
        tree = _tree(budget, tree_path, roots)
        if tree is None:
            continue
        levels = tree.levels
        # One pass that keeps each node's parent (a hot loop on large budgets); each entry has
        # what is above it: the path of an uncoded line, or the coded line (a coded line's path
        # is formed from it when read).
        stack: list[tuple[str | CodedLine, Node, Node | None]] = [
            (tree_path, n, None) for n in reversed(roots)
        ]
        pop, extend = stack.pop, stack.extend
        while stack:
            above, node, parent = pop()
            children = node.children
            if node.code is None:
                here: str | CodedLine = f"{_path_of(above)}/{node.key}"
                if children:
                    extend(zip(repeat(here), reversed(children), repeat(node)))
                continue
            line = CodedLine(tree, node, parent, levels, tree_zh, tree_en, above)
            append(line)
            if children:  # each child with what is above it and its parent, pushed in C
                extend(zip(repeat(line), reversed(children), repeat(node)))
    return lines


_COUNT: Final = Scale("count")


class _MissingCode(Observation):
    """COD001's observation of a code its table lacks, its ``params`` and ``formula`` formed
    when read (a generated budget of a million lines has a million of them).

    An :class:`Observation` in every other way: equal to, hashed, shown and pickled as the
    ``Observation`` with the same fields; built with the fields (as ``attrs.evolve`` does),
    it keeps them as given.
    """

    __slots__ = ("_code", "_name", "_title", "_words", "_year")
    _code: str | None
    _name: str
    _words: tuple[tuple[str, str], ...]
    _year: int
    _title: str | None

    @classmethod
    def lazy(
        cls,
        location: Location,
        severity: Severity,
        code: str,
        name: str,
        words: tuple[tuple[str, str], ...],
        year: int,
        title: str,
    ) -> _MissingCode:
        """The observation of ``code`` missing from the ``year`` table of ``title``, its params
        and formula formed when read (positional: one per line of a large budget)."""
        self = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(self, "outcome", Outcome.INCONSISTENT)
        setattr_(self, "location", location)
        setattr_(self, "verdict", None)
        setattr_(self, "scale", _COUNT)
        setattr_(self, "diagnosis", None)
        setattr_(self, "severity", severity)
        setattr_(self, "_code", code)
        setattr_(self, "_name", name)
        setattr_(self, "_words", words)
        setattr_(self, "_year", year)
        setattr_(self, "_title", title)
        return self

    def __init__(self, **fields: object) -> None:
        setattr_ = object.__setattr__
        lazy = "code" in fields
        setattr_(self, "outcome", fields.get("outcome", Outcome.INCONSISTENT))
        setattr_(self, "location", fields["location"])
        setattr_(self, "verdict", fields.get("verdict"))
        setattr_(self, "scale", fields.get("scale", _COUNT))
        setattr_(self, "diagnosis", fields.get("diagnosis"))
        setattr_(self, "severity", fields.get("severity"))
        if lazy:  # the code, the line's name, the table's words, its year and tree's title
            setattr_(self, "_code", fields["code"])
            setattr_(self, "_name", fields["name"])
            setattr_(self, "_words", fields["words"])
            setattr_(self, "_year", fields["year"])
            setattr_(self, "_title", fields["title"])
        else:
            params = cast("Mapping[str, str] | Iterable[tuple[str, str]]", fields.get("params", ()))
            setattr_(self, "_code", None)
            setattr_(self, "_words", _params(params))
            setattr_(self, "_title", fields.get("formula"))

    @property
    def params(self) -> tuple[tuple[str, str], ...]:
        """The code, the line's name, the table's names and what its level says."""
        if self._code is None:
            return self._words
        return (("code", self._code), ("name", self._name), *self._words)

    @property
    def formula(self) -> str | None:
        """``code ∈ year tree``."""
        if self._code is None:
            return self._title
        return f"{self._code} ∈ {self._year} {self._title}"

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in attrs.fields(Observation))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Observation):
            return NotImplemented
        return self._fields() == tuple(getattr(other, f.name) for f in attrs.fields(Observation))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Observation.__hash__

    def _plain(self) -> Observation:
        return Observation(**{f.name: getattr(self, f.name) for f in attrs.fields(Observation)})

    def __repr__(self) -> str:
        return repr(self._plain())

    def __reduce__(self) -> str | tuple[Any, ...]:
        return self._plain().__reduce__()


def _path_of(above: str | CodedLine) -> str:
    return above if isinstance(above, str) else above.path


def _table_of(budget: DepartmentBudget, tree: Tree, year: int) -> CodeTable | None:
    """:func:`_table`, looked up once per tree in a ``validate()`` (a fallback table is built
    anew by each lookup)."""
    tables: dict[tuple[Tree, int], CodeTable | None] = memo(budget, "code_tables", dict)
    key = (tree, year)
    if key not in tables:
        tables[key] = _table(tree, year)
    return tables[key]


def _table(tree: Tree, year: int) -> CodeTable | None:
    """That year's table, or the nearest one (earlier, else later), marked as a fallback."""
    try:
        return table_for(tree, year)
    except NoTable:
        shipped = years(tree)
        if not shipped:
            return None
        return evolve(table_for(tree, shipped[0]), requested_year=year)


def _table_params(table: CodeTable) -> dict[str, str]:
    zh = f"{table.year}年{table.tree.title}科目表"
    en = f"the {table.year} {table.tree.value} code table"
    if table.is_fallback:
        zh += f"（{table.requested_year}年无单独科目表）"
        en += f" (no table of its own for {table.requested_year})"
    return {"table_zh": zh, "table_en": en}


#: What every code a table lacks at a level shares, by the table's id and the level: the
#: table (so that its id stays its own), the severity and the table's words.
_Shared = dict[tuple[int, Level], tuple[CodeTable, Severity, tuple[tuple[str, str], ...]]]


def _exists(budget: DepartmentBudget) -> Iterator[Record]:
    """Every classification code (功能分类, 经济分类, 收入分类) is in that year's 政府收支分类科目.

    Why: a mistyped or invented code misfiles spending; the shipped tables are subsets where
    their sources were, so a code is an error only where the table is complete at that level,
    else information; with no table for the year (or no year) one note per tree is given.
    Example: 2023年 208 社会保障和就业支出 is in the table; a 类 code 298 is not.
    """
    year = budget.year
    notes: set[Tree] = set()
    shared: _Shared = {}
    # The lines come tree by tree: the tree's table is looked up when the tree changes.
    tree: Tree | None = None
    table: CodeTable | None = None
    for line in _lines(budget):
        if not line.fits or line.found is not line.tree:
            continue
        if line.tree is not tree:
            tree = line.tree
            table = None if year is None else _table_of(budget, tree, year)
        if table is None:
            if tree not in notes:
                notes.add(tree)
                yield _no_table(tree, year)
            continue
        if line.code in table:
            yield (_observe_code, line, table, shared)
        else:
            yield _observe_code(line, table, shared)


def _observe_code(line: CodedLine, table: CodeTable, shared: _Shared) -> Observation:
    """COD001's check of ``line``'s code in ``table`` (a table of its tree, the code of a
    level the tree has)."""
    code = line.code
    if code in table:
        return observe(Outcome.EXACT, line.location)
    level = line.level
    assert level is not None
    found = shared.get((id(table), level))
    if found is None:
        # Another year's table cannot prove a code absent: codes are added and retired.
        complete = table.is_complete(level) and not table.is_fallback
        state_zh = "完整，故此编码不存在" if complete else "不完整，无法确认此编码"
        state_en = "is complete, so the code does not exist" if complete else "is incomplete"
        words = (
            *_table_params(table).items(),
            ("note_zh", f"该表{level.value}级{state_zh}"),
            ("note_en", f"its {_LEVEL_EN[level]} level {state_en}"),
        )
        # A code an incomplete table lacks may well exist: information, not a warning.
        severity = Severity.ERROR if complete else Severity.INFO
        found = shared[(id(table), level)] = (table, severity, words)
    return _MissingCode.lazy(
        line.location, found[1], code, line.node.name, found[2], table.year, line.tree.title
    )


def _no_table(tree: Tree, year: int | None) -> Observation:
    if year is None:
        table_zh = f"{tree.title}科目表（文件未说明年度，未核对编码）"
        table_en = f"any {tree.value} code table (the document names no year; codes not checked)"
    else:
        table_zh = f"{tree.title}科目表（{year}年及以前无科目表，未核对编码）"
        table_en = f"any {tree.value} code table (none covers {year}; codes not checked)"
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=Location(f"/codes/{tree.value}", tree.title, tree.value),
        severity=Severity.INFO,
        params={
            "code": "—",
            "name": "—",
            "table_zh": table_zh,
            "table_en": table_en,
            "note_zh": "未核对",
            "note_en": "not checked",
        },
    )


def _names(budget: DepartmentBudget) -> Iterator[Record]:
    """Every coded line is named as that year's official table names it (after normalising).

    Why: a wrong name suggests a wrong code or a table copied from an old year; a former name
    (renamed in a later year) or an unknown name is a warning, a shortened name information.
    Example: 2024年 2130101 named 行政运行 agrees; 210 医疗卫生与计划生育支出 is a former name.
    """
    year = budget.year
    if year is None:
        return  # COD001 says once per tree that the codes could not be checked
    tree: Tree | None = None
    table: CodeTable | None = None
    for line in _lines(budget):
        if line.found is not line.tree:
            continue  # COD004's error; no table of this tree names the code
        if line.tree is not tree:
            tree = line.tree
            table = _table_of(budget, tree, year)
        entry = None if table is None else table.lookup(line.code)
        if entry is None:
            continue
        # Most names are written as the table has them, or as it does but for width, spaces
        # and 支出: official, as compare() finds first.
        name, official = line.node.name, entry.name_in(year)
        if name == official or normalize(name) == normalize(official):
            yield (_observe_name, line, entry, year)
        else:
            yield _observe_name(line, entry, year)


def _observe_name(line: CodedLine, entry: Entry, year: int) -> Observation:
    """COD002's check of ``line``'s name against the table's ``entry`` for its code."""
    code = line.code
    result = compare(line.node.name, entry, year)
    if result.match is NameMatch.OFFICIAL:
        return observe(Outcome.EXACT, line.location)
    params = {"code": code, "stated": line.node.name, "official": result.official}
    if result.match is NameMatch.FORMER:
        assert result.former is not None
        changed = result.former.changed
        detail_zh = f"是{changed - 1}年及以前的名称，自{changed}年起为“{result.official}”"
        detail_en = f"the one in use until {changed - 1}; since {changed} it is “{result.official}”"
        severity = Severity.WARNING
    elif result.match is NameMatch.ABBREVIATED:
        detail_zh = f"是官方名称“{result.official}”的简写"
        detail_en = f"a shortened form of the official name “{result.official}”"
        severity = Severity.INFO
    else:
        detail_zh = f"与官方名称“{result.official}”不符"
        detail_en = f"not the official name “{result.official}”"
        severity = Severity.WARNING
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=line.location,
        severity=severity,
        params={**params, "detail_zh": detail_zh, "detail_en": detail_en},
        formula=f"name({code}, {year}) = {result.official}",
    )


def _hierarchy(budget: DepartmentBudget) -> Iterator[Record]:
    """A code's length fits its level and place: 类 3 digits, 款 5, 项 7 (the levels its tree
    has), each two digits longer than its parent, and only 类 at the top of a tree.

    Why: a 项 listed straight under its 类, or a code of a wrong length, means a line was
    dropped or mistyped, and the tree's sums (TRE001) then compare the wrong lines.
    Example: 2080501 under 20805 holds; 2080501 straight under 208 fails.
    """
    for line in _lines(budget):
        parent = line.parent
        parent_code = None if parent is None else parent.code
        if (
            line.fits
            and (parent_code is None or len(line.code) == len(parent_code) + 2)
            and (parent is not None or line.level is Level.CLASS)
        ):
            yield (_observe_level, line)
        else:
            yield _observe_level(line)


def _observe_level(line: CodedLine) -> Observation:
    """COD003's check of ``line``'s code against its level and its parent's code."""
    code = line.code
    level = line.level
    tree = line.tree
    parent_code = line.parent.code if line.parent is not None else None
    if (
        level is not None
        and level in tree.levels
        and (parent_code is None or len(code) == len(parent_code) + 2)
        and (line.parent is not None or level is Level.CLASS)
    ):
        return observe(Outcome.EXACT, line.location)
    params = {"code": code}
    if level is None or level not in tree.levels:
        levels = "、".join(f"{lv.value}（{lv.digits}位）" for lv in tree.levels)
        params |= {
            "detail_zh": f"{tree.title}只有{levels}编码",
            "detail_en": f"not a valid length: {tree.value} codes have only "
            + ", ".join(f"{lv.digits} digits" for lv in tree.levels),
        }
    elif parent_code is not None and len(code) != len(parent_code) + 2:
        params |= {
            "detail_zh": f"{level.value}级编码，其上级 {parent_code} 不是上一级科目",
            "detail_en": f"a {_LEVEL_EN[level]} code whose parent {parent_code}"
            " is not one level up",
        }
    else:  # a code below the class level at the top of the tree
        params |= {
            "detail_zh": f"{level.value}级编码列在最上层，缺少其上级科目",
            "detail_en": f"a {_LEVEL_EN[level]} code at the top of the tree, without its parent",
        }
    return Observation(outcome=Outcome.INCONSISTENT, location=line.location, params=params)


def _misplaced(budget: DepartmentBudget) -> Iterator[Record]:
    """A code belongs to the classification it is listed in (收入 1xx, 功能 2xx, 部门经济 3xx,
    政府经济 5xx).

    Why: an economic code in the function table (or the reverse) is a line pasted into the
    wrong table, which also throws off that table's totals.
    Example: 30213 维修（护）费 among the 功能分类 lines fails.
    """
    for line in _lines(budget):
        if line.found is line.tree:
            yield (_observe_tree, line)
        else:
            yield _observe_tree(line)


def _observe_tree(line: CodedLine) -> Observation:
    """COD004's check of ``line``'s code against the classification it is listed in."""
    code = line.code
    found = line.found
    if found is line.tree:
        return observe(Outcome.EXACT, line.location)
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=line.location,
        params={
            "code": code,
            "tree_zh": line.tree.title,
            "tree_en": line.tree.value,
            "found_zh": found.title if found else "支出分类",
            "found_en": found.value if found else "any expenditure classification",
        },
        formula=f"{code} ∈ {line.tree.title}",
    )


RULES: Final = (
    Rule(
        id="COD001",
        family="codes",
        severity=Severity.ERROR,
        title_zh="分类科目：编码见于当年的政府收支分类科目",
        title_en="Every classification code is in that year's official code table",
        message_zh="{where}：编码 {code} 不在{table_zh}中（{note_zh}）",
        message_en="{where}: code {code} is not in {table_en} ({note_en})",
        formula="code ∈ 当年科目表；该级完整时缺失为错误，不完整时为提示",
        check=deferring(_exists),
        example="2025年：201 一般公共服务支出见于科目表；不存在的类级编码（如 299）为错误，款/项级表不完整时为提示",
    ),
    Rule(
        id="COD002",
        family="codes",
        severity=Severity.WARNING,
        title_zh="分类科目：名称与当年官方名称一致",
        title_en="Every classification line is named as that year's official table names it",
        message_zh="{where}：名称{detail_zh}",
        message_en="{where}: the name is {detail_en}",
        formula="normalize(名称) = normalize(当年官方名称)；旧名、未知名称为警告，简写为提示",
        check=deferring(_names),
        example="210 医疗卫生与计划生育支出 → 自2019年起为“卫生健康支出”",
    ),
    Rule(
        id="COD003",
        family="codes",
        severity=Severity.ERROR,
        title_zh="分类科目：编码级次与所在层级一致",
        title_en="A code's level matches its length and its place: 款 under 类, 项 under 款",
        message_zh="{where}：{detail_zh}",
        message_en="{where}: {detail_en}",
        formula="len(类)=3，len(款)=5，len(项)=7；len(编码) = len(上级编码) + 2",
        check=deferring(_hierarchy),
        example="2010301 行政运行列在 20103 之下（项在款下）；直接列在 201 之下则级次不符",
    ),
    Rule(
        id="COD004",
        family="codes",
        severity=Severity.ERROR,
        title_zh="分类科目：编码属于所在的分类",
        title_en="A code belongs to the classification it is listed in",
        message_zh="{where}：{code} 是{found_zh}编码，却列在{tree_zh}中",
        message_en="{where}: {code} is a {found_en} code listed among {tree_en} codes",
        formula="收入分类 1xx；功能分类 2xx；部门预算经济分类 3xx；政府预算经济分类 5xx",
        check=deferring(_misplaced),
        example="30201 办公费是部门预算经济分类编码，列在功能分类中为错误",
    ),
)
