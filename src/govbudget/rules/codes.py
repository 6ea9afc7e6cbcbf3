"""Codes: every classification code is real in that year's 政府收支分类科目 and named as it names it.

The tables come from :mod:`govbudget.classification`. A code missing from a
table is an error only where the table is complete at that level; otherwise
it is a warning ("not in the table"), since the shipped tables are subsets
wherever their sources were. A budget year earlier than every table gets one
note per tree and no code checks.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, TypeAlias, cast

import attrs
from attrs import evolve

from govbudget.classification import (
    CodeTable,
    Entry,
    Level,
    NameMatch,
    NoTable,
    Tree,
    normalize,
    table_for,
    tree_of_code,
    years,
)
from govbudget.classification.names import name_match
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


#: A line with a code in one classification tree of the budget, with what the code says by
#: itself, formed once for the four rules: ``(node, code, tree, tree_zh, tree_en, parent,
#: above, home, fits, cell)``. ``home``: the code's classification (its first digit's) is the
#: tree's; ``fits``: its level (its length's) is one the tree has; ``above``: the path of the
#: uncoded line above, or the coded line above; ``cell``: the line's location once formed.
#: A plain tuple, built in C: a large budget has one per line, and an object's ``__init__``
#: was most of what the index cost.
_Line: TypeAlias = tuple[
    Node, str, Tree, str, str, "Node | None", "str | _Line", bool, bool, "list[Location | None]"
]


class CodedLine:
    """A coded line of the budget as :func:`coded_lines` gives it: its tree, node, parent,
    code, classification (:attr:`found`), level and whether the tree has that level.

    A view of the rules' own record of the line, formed only when asked for.
    """

    __slots__ = ("_line",)

    def __init__(self, line: _Line) -> None:
        self._line = line

    @property
    def node(self) -> Node:
        """The line."""
        return self._line[0]

    @property
    def code(self) -> str:
        """The line's code."""
        return self._line[1]

    @property
    def tree(self) -> Tree:
        """The classification tree the line is listed in."""
        return self._line[2]

    @property
    def parent(self) -> Node | None:
        """The line above, if any."""
        return self._line[5]

    @property
    def found(self) -> Tree | None:
        """The classification the code belongs to by its first digit."""
        return _BY_DIGIT[self.code[0]]

    @property
    def level(self) -> Level | None:
        """The code's level, by its length."""
        return _BY_LENGTH[len(self.code)]

    @property
    def fits(self) -> bool:
        """Whether the code is of a level its tree has."""
        return self._line[8]

    @property
    def path(self) -> str:
        """The line's place by keys (its location's path), formed without the location."""
        return _path_of(self._line)

    @property
    def location(self) -> Location:
        """Where the line is (its tree's names and the line's label; its path by keys)."""
        return _location(self._line)


def _location(line: _Line) -> Location:
    """Where ``line`` is, formed when first read (most lines are only ever checked) and kept
    in its cell: the four rules' checks of a line, and the lines below it, share it."""
    cell = line[9]
    location = cell[0]
    if location is None:
        above = line[6]
        location = cell[0] = LineLocation(
            "",
            line[3],
            line[4],
            line=line[0],
            above=above if isinstance(above, str) else _location(above),
        )
    return location


def _path_of(above: str | _Line) -> str:
    """The path of an uncoded line's path (itself) or of a coded line."""
    if isinstance(above, str):
        return above
    return f"{_path_of(above[6])}/{above[1]}"


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
    return map(CodedLine, _lines(budget))


def _lines(budget: DepartmentBudget) -> list[_Line]:
    """The coded lines, listed once per ``validate()``."""
    return memo(budget, "coded_lines", lambda: _coded_lines(budget))


#: The code lengths of each tree's levels.
_LENGTHS: Final = {tree: frozenset(level.digits for level in tree.levels) for tree in Tree}


def _coded_lines(budget: DepartmentBudget) -> list[_Line]:
    lines: list[_Line] = []
    append = lines.append
    for tree_path, tree_zh, tree_en, roots in trees_of(budget):
        tree = _tree(budget, tree_path, roots)
        if tree is None:
            continue
        lengths = _LENGTHS[tree]
        # Depth first, parents first, without recursion (a hot loop on large budgets): each
        # frame is what is above its lines (the path of an uncoded line, or the coded line),
        # their parent and an iterator over them; a line with children pushes their frame
        # and its own loop resumes when that frame is done.
        stack: list[tuple[str | _Line, Node | None, Iterator[Node]]] = [
            (tree_path, None, iter(roots))
        ]
        push, pop = stack.append, stack.pop
        while stack:
            above, parent, nodes = stack[-1]
            for node in nodes:
                code = node.code
                children = node.children
                if code is None:
                    if children:
                        push((f"{_path_of(above)}/{node.name}", node, iter(children)))
                        break
                    continue
                line: _Line = (
                    node,
                    code,
                    tree,
                    tree_zh,
                    tree_en,
                    parent,
                    above,
                    _BY_DIGIT[code[0]] is tree,
                    len(code) in lengths,
                    [None],
                )
                append(line)
                if children:
                    push((line, node, iter(children)))
                    break
            else:
                pop()
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


#: Each code of a table with its entry, its official name in the year asked for and that name
#: normalised: what COD001 and COD002 ask of every line, answered by one probe.
_Officials: TypeAlias = dict[str, tuple[Entry, str, str]]


@functools.lru_cache(maxsize=64)
def _table_of(tree: Tree, year: int) -> tuple[CodeTable, _Officials] | None:
    """:func:`_table` and its codes' official names in ``year``: shipped data, formed once per
    process (by tree and year, never by budget)."""
    table = _table(tree, year)
    if table is None:
        return None
    officials: _Officials = {}
    for entry in table:
        official = entry.name_in(year)
        officials[entry.code] = (entry, official, normalize(official))
    return table, officials


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


def _exists(budget: DepartmentBudget) -> list[Record]:
    """Every classification code (功能分类, 经济分类, 收入分类) is in that year's 政府收支分类科目.

    Why: a mistyped or invented code misfiles spending; the shipped tables are subsets where
    their sources were, so a code is an error only where the table is complete at that level,
    else information; with no table for the year (or no year) one note per tree is given.
    Example: 2023年 208 社会保障和就业支出 is in the table; a 类 code 298 is not.
    """
    year = budget.year
    notes: set[Tree] = set()
    shared: _Shared = {}
    records: list[Record] = []
    append = records.append
    # The lines come tree by tree: the tree's table is looked up when the tree changes.
    tree: Tree | None = None
    found: tuple[CodeTable, _Officials] | None = None
    # The fields of a line by their place in it (see _Line): cheaper than unpacking all ten.
    for line in _lines(budget):
        if not (line[8] and line[7]):  # its level one the tree has, its code the tree's
            continue
        code = line[1]
        if line[2] is not tree:
            tree = line[2]
            found = None if year is None else _table_of(tree, year)
        if found is None:
            if tree not in notes:
                notes.add(tree)
                append(_no_table(tree, year))
            continue
        if code in found[1]:
            append((_observe_code, line, found[0], shared))
        else:
            append(_observe_code(line, found[0], shared))
    return records


def _observe_code(line: _Line, table: CodeTable, shared: _Shared) -> Observation:
    """COD001's check of ``line``'s code in ``table`` (a table of its tree, the code of a
    level the tree has)."""
    code = line[1]
    if code in table:
        return observe(Outcome.EXACT, _location(line))
    level = _BY_LENGTH[len(code)]
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
        _location(line), found[1], code, line[0].name, found[2], table.year, line[2].title
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


def _names(budget: DepartmentBudget) -> list[Record]:
    """Every coded line is named as that year's official table names it (after normalising).

    Why: a wrong name suggests a wrong code or a table copied from an old year; a former name
    (renamed in a later year) or an unknown name is a warning, a shortened name information.
    Example: 2024年 2130101 named 行政运行 agrees; 210 医疗卫生与计划生育支出 is a former name.
    """
    year = budget.year
    records: list[Record] = []
    if year is None:
        return records  # COD001 says once per tree that the codes could not be checked
    append = records.append
    tree: Tree | None = None
    officials: _Officials = {}
    # The fields of a line by their place in it (see _Line): cheaper than unpacking all ten.
    for line in _lines(budget):
        if not line[7]:
            continue  # COD004's error; no table of this tree names the code
        if line[2] is not tree:
            tree = line[2]
            found = _table_of(tree, year)
            officials = {} if found is None else found[1]
        known = officials.get(line[1])
        if known is None:
            continue
        # Most names are written as the table has them, or as it does but for width, spaces
        # and 支出: official, as compare() finds first.
        entry, official, normal = known
        name = line[0].name
        if name == official or normalize(name) == normal:
            append((_observe_name, line, entry, year))
        else:
            append(_observe_name(line, entry, year))
    return records


def _observe_name(line: _Line, entry: Entry, year: int) -> Observation:
    """COD002's check of ``line``'s name against the table's ``entry`` for its code."""
    stated = line[0].name
    match, official, former = name_match(stated, entry, year)
    if match is NameMatch.OFFICIAL:
        return observe(Outcome.EXACT, _location(line))
    if match is NameMatch.FORMER:
        assert former is not None
        changed = former.changed
        detail_zh = f"是{changed - 1}年及以前的名称，自{changed}年起为“{official}”"
        detail_en = f"the one in use until {changed - 1}; since {changed} it is “{official}”"
        severity = Severity.WARNING
    elif match is NameMatch.ABBREVIATED:
        detail_zh = f"是官方名称“{official}”的简写"
        detail_en = f"a shortened form of the official name “{official}”"
        severity = Severity.INFO
    else:
        detail_zh = f"与官方名称“{official}”不符"
        detail_en = f"not the official name “{official}”"
        severity = Severity.WARNING
    code = line[1]
    return observe(
        Outcome.INCONSISTENT,
        _location(line),
        params=(
            ("code", code),
            ("stated", stated),
            ("official", official),
            ("detail_zh", detail_zh),
            ("detail_en", detail_en),
        ),
        severity=severity,
        formula=f"name({code}, {year}) = {official}",
    )


def _hierarchy(budget: DepartmentBudget) -> list[Record]:
    """A code's length fits its level and place: 类 3 digits, 款 5, 项 7 (the levels its tree
    has), each two digits longer than its parent, and only 类 at the top of a tree.

    Why: a 项 listed straight under its 类, or a code of a wrong length, means a line was
    dropped or mistyped, and the tree's sums (TRE001) then compare the wrong lines.
    Example: 2080501 under 20805 holds; 2080501 straight under 208 fails.
    """
    records: list[Record] = []
    append = records.append
    for line in _lines(budget):
        # The fields by their place in the line (see _Line): its code, its parent and whether
        # the tree has its level. At the top only a 类 (3 digits); under a coded line, two
        # digits more than it.
        code, parent = line[1], line[5]
        if line[8] and (
            len(code) == 3
            if parent is None
            else parent.code is None or len(code) == len(parent.code) + 2
        ):
            append((_observe_level, line))
        else:
            append(_observe_level(line))
    return records


def _observe_level(line: _Line) -> Observation:
    """COD003's check of ``line``'s code against its level and its parent's code."""
    code = line[1]
    level = _BY_LENGTH[len(code)]
    tree = line[2]
    parent = line[5]
    parent_code = parent.code if parent is not None else None
    if (
        level is not None
        and level in tree.levels
        and (parent_code is None or len(code) == len(parent_code) + 2)
        and (parent is not None or level is Level.CLASS)
    ):
        return observe(Outcome.EXACT, _location(line))
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
    return Observation(outcome=Outcome.INCONSISTENT, location=_location(line), params=params)


def _misplaced(budget: DepartmentBudget) -> list[Record]:
    """A code belongs to the classification it is listed in (收入 1xx, 功能 2xx, 部门经济 3xx,
    政府经济 5xx).

    Why: an economic code in the function table (or the reverse) is a line pasted into the
    wrong table, which also throws off that table's totals.
    Example: 30213 维修（护）费 among the 功能分类 lines fails.
    """
    # line[7]: whether the code's classification is the tree's (see _Line).
    return [(_observe_tree, line) if line[7] else _observe_tree(line) for line in _lines(budget)]


def _observe_tree(line: _Line) -> Observation:
    """COD004's check of ``line``'s code against the classification it is listed in."""
    code = line[1]
    tree = line[2]
    found = _BY_DIGIT[code[0]]
    if found is tree:
        return observe(Outcome.EXACT, _location(line))
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=_location(line),
        params={
            "code": code,
            "tree_zh": tree.title,
            "tree_en": tree.value,
            "found_zh": found.title if found else "支出分类",
            "found_en": found.value if found else "any expenditure classification",
        },
        formula=f"{code} ∈ {tree.title}",
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
