"""The official code tables (政府收支分类科目) by year, read from package data.

Each table is one CSV file under ``data/`` named ``<tree>-<year>.csv``, with
``# key: value`` header lines (source, completeness by level, evidence) and
rows ``code,name,former_names,evidence``. Tables are read lazily, once.

>>> table = function_codes(2025)
>>> table.lookup("210").name
'卫生健康支出'
>>> table.lookup("2101101").parent
'21011'
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator, Mapping
from enum import Enum
from importlib import resources
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from govbudget.errors import GovBudgetError
from govbudget.model import EconomicScheme

__all__ = [
    "ClassificationError",
    "CodeTable",
    "Entry",
    "FormerName",
    "Level",
    "NoTable",
    "Tree",
    "economic_codes",
    "function_codes",
    "income_codes",
    "table_for",
    "tree_of_code",
    "years",
]


class ClassificationError(GovBudgetError, ValueError):
    """A code table that cannot be read, or a request no table answers."""


class NoTable(ClassificationError, LookupError):
    """No table covers the year asked for (it is earlier than every shipped table)."""


class Level(Enum):
    """The level of a code: 类 (3 digits), 款 (5 digits) or 项 (7 digits)."""

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"

    @property
    def digits(self) -> int:
        """The length of a code at this level.

        >>> Level.SECTION.digits
        5
        """
        return _DIGITS[self]

    @classmethod
    def of(cls, code: str) -> Level | None:
        """The level a code's length gives, or ``None`` for any other length.

        >>> Level.of("30101")
        <Level.SECTION: '款'>
        """
        return _OF_LENGTH.get(len(code))


_DIGITS: Final = MappingProxyType({Level.CLASS: 3, Level.SECTION: 5, Level.ITEM: 7})
_OF_LENGTH: Final = MappingProxyType({n: level for level, n in _DIGITS.items()})


class Tree(Enum):
    """Which classification a table holds (its codes' first digit tells them apart)."""

    INCOME = "income"  # 政府收入分类, 1xx
    FUNCTION = "function"  # 支出功能分类, 2xx
    ECONOMIC_DEPARTMENT = "economic-department"  # 部门预算支出经济分类, 3xx
    ECONOMIC_GOVERNMENT = "economic-government"  # 政府预算支出经济分类, 5xx

    @property
    def title(self) -> str:
        """The official Chinese name of the classification.

        >>> Tree.ECONOMIC_DEPARTMENT.title
        '部门预算支出经济分类'
        """
        return _TITLES[self]

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels this classification has (economic classes have no 项; the
        income classification's 目, nine digits, is not modelled).

        >>> Tree.ECONOMIC_GOVERNMENT.levels
        (<Level.CLASS: '类'>, <Level.SECTION: '款'>)
        """
        return _LEVELS[self]


_TITLES: Final = MappingProxyType(
    {
        Tree.INCOME: "政府收入分类",
        Tree.FUNCTION: "支出功能分类",
        Tree.ECONOMIC_DEPARTMENT: "部门预算支出经济分类",
        Tree.ECONOMIC_GOVERNMENT: "政府预算支出经济分类",
    }
)
_LEVELS: Final = MappingProxyType(
    {
        Tree.INCOME: (Level.CLASS, Level.SECTION, Level.ITEM),
        Tree.FUNCTION: (Level.CLASS, Level.SECTION, Level.ITEM),
        Tree.ECONOMIC_DEPARTMENT: (Level.CLASS, Level.SECTION),
        Tree.ECONOMIC_GOVERNMENT: (Level.CLASS, Level.SECTION),
    }
)
_FIRST_DIGIT: Final = MappingProxyType(
    {
        "1": Tree.INCOME,
        "2": Tree.FUNCTION,
        "3": Tree.ECONOMIC_DEPARTMENT,
        "5": Tree.ECONOMIC_GOVERNMENT,
    }
)
_CODE: Final = re.compile(r"\d{3}(?:\d{2}){0,2}")


def tree_of_code(code: str) -> Tree | None:
    """The classification a code belongs to by its first digit, or ``None``.

    1xx is an income code, 2xx a function code, 3xx a 部门预算 economic code,
    5xx a 政府预算 one.

    >>> tree_of_code("30101")
    <Tree.ECONOMIC_DEPARTMENT: 'economic-department'>
    >>> tree_of_code("10304")
    <Tree.INCOME: 'income'>
    >>> tree_of_code("401") is None
    True
    """
    return _FIRST_DIGIT.get(code[:1]) if _CODE.fullmatch(code) else None


@frozen
class FormerName:
    """A name a code had in earlier years: in force from ``since`` (``None``: not
    sourced) to ``until`` inclusive; the current name applies from ``until + 1``.

    >>> FormerName("医疗卫生与计划生育支出", None, 2018).covers(2017)
    True
    """

    name: str
    since: int | None
    until: int

    def covers(self, year: int) -> bool:
        """Whether this name was the official one in ``year``."""
        return (self.since is None or self.since <= year) and year <= self.until

    @property
    def changed(self) -> int:
        """The first year of the next name."""
        return self.until + 1


def _former(value: tuple[FormerName, ...] | list[FormerName]) -> tuple[FormerName, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Entry:
    """One line of a code table: code, official name, level, parent and former names.

    >>> entry = function_codes(2025).lookup("210")
    >>> entry.level, entry.parent
    (<Level.CLASS: '类'>, None)
    >>> entry.name_in(2018), entry.name_in(2025)
    ('医疗卫生与计划生育支出', '卫生健康支出')
    """

    code: str
    name: str
    level: Level
    parent: str | None
    former_names: tuple[FormerName, ...] = field(default=(), converter=_former)
    evidence: tuple[str, ...] = field(default=(), eq=False)

    def name_in(self, year: int) -> str:
        """The official name in ``year``: a former name where one covers it."""
        if not self.former_names:
            return self.name
        return next((f.name for f in self.former_names if f.covers(year)), self.name)


@frozen(kw_only=True)
class CodeTable:
    """A read-only table of one classification for one year.

    ``year`` is the table's own year; ``requested_year`` the year asked for,
    later where no table of its own exists (:attr:`is_fallback`). Iteration is
    in code order.

    >>> table = economic_codes(2026)
    >>> table.year, table.requested_year, table.is_fallback
    (2025, 2026, True)
    >>> [e.code for e in table][:3]
    ['301', '30101', '30102']
    """

    tree: Tree
    year: int
    requested_year: int
    title: str
    source: str
    completeness: Mapping[Level, bool]
    evidence: Mapping[str, str]
    notes: tuple[str, ...]
    entries: tuple[Entry, ...]
    _index: Mapping[str, Entry] = field(alias="index", repr=False, eq=False)

    def lookup(self, code: str) -> Entry | None:
        """The entry for ``code``, or ``None`` when the table does not list it.

        >>> function_codes(2025).lookup("999") is None
        True
        """
        return self._index.get(code)

    def is_complete(self, level: Level) -> bool:
        """Whether every official code of ``level`` is in the table (so a code
        missing from it is not a real one).

        >>> economic_codes(2025).is_complete(Level.CLASS)
        True
        """
        return self.completeness.get(level, False)

    @property
    def is_fallback(self) -> bool:
        """Whether this is an earlier year's table standing in for ``requested_year``."""
        return self.requested_year != self.year

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._index


def function_codes(year: int) -> CodeTable:
    """The 支出功能分类 table for ``year`` (or the nearest earlier year's).

    >>> function_codes(2025).lookup("221").name
    '住房保障支出'
    """
    return table_for(Tree.FUNCTION, year)


def income_codes(year: int) -> CodeTable:
    """The 政府收入分类 table for ``year`` (or the nearest earlier year's).

    >>> income_codes(2025).lookup("10304").name
    '行政事业性收费收入'
    """
    return table_for(Tree.INCOME, year)


def economic_codes(year: int, kind: EconomicScheme | str = "department") -> CodeTable:
    """The 支出经济分类 table for ``year``: ``kind`` ``"department"`` (3xx) or
    ``"government"`` (5xx).

    >>> economic_codes(2025, kind="government").lookup("501").name
    '机关工资福利支出'
    """
    try:
        scheme = EconomicScheme(kind)
    except ValueError:
        raise ClassificationError(
            f"economic kind must be 'department' or 'government', not {kind!r}"
        ) from None
    tree = (
        Tree.ECONOMIC_DEPARTMENT
        if scheme is EconomicScheme.DEPARTMENT
        else Tree.ECONOMIC_GOVERNMENT
    )
    return table_for(tree, year)


def table_for(tree: Tree, year: int) -> CodeTable:
    """The table of ``tree`` for ``year``: its own, or the nearest earlier year's.

    Raises :class:`NoTable` when ``year`` is earlier than every shipped table.

    >>> table_for(Tree.FUNCTION, 2030).year
    2025
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ClassificationError(f"year must be an integer, not {year!r}")
    earlier = [y for y in years(tree) if y <= year]
    if not earlier:
        raise NoTable(
            f"no {tree.title} table for {year}: the earliest shipped is"
            f" {min(years(tree), default='none')}"
        )
    table = _load(tree, max(earlier))
    if table.year == year:
        return table
    return CodeTable(
        tree=table.tree,
        year=table.year,
        requested_year=year,
        title=table.title,
        source=table.source,
        completeness=table.completeness,
        evidence=table.evidence,
        notes=table.notes,
        entries=table.entries,
        index=table._index,
    )


@functools.cache
def years(tree: Tree) -> tuple[int, ...]:
    """The years that have a table of their own, oldest first.

    >>> years(Tree.FUNCTION)
    (2025,)
    """
    prefix = f"{tree.value}-"
    found = []
    for item in _data().iterdir():
        name = item.name
        if name.startswith(prefix) and name.endswith(".csv"):
            stem = name[len(prefix) : -len(".csv")]
            if stem.isdigit():
                found.append(int(stem))
    return tuple(sorted(found))


def _data() -> resources.abc.Traversable:
    return resources.files("govbudget.classification").joinpath("data")


def _file_name(tree: Tree, year: int) -> str:
    return f"{tree.value}-{year}.csv"


@functools.cache
def _load(tree: Tree, year: int) -> CodeTable:
    name = _file_name(tree, year)
    text = _data().joinpath(name).read_text(encoding="utf-8")
    return parse_table(text, tree=tree, year=year, name=name)


_HEADER: Final = re.compile(r"#\s*([a-z-]+):\s*(.*\S)\s*")
_FORMER: Final = re.compile(r"(?P<name>[^@]+)@(?P<since>\d{4})?-(?P<until>\d{4})")
_COLUMNS: Final = ("code", "name", "former_names", "evidence")


def parse_table(text: str, *, tree: Tree, year: int, name: str = "<text>") -> CodeTable:
    """Read a table file's text; raises :class:`ClassificationError` naming the
    file and line of the first problem (a table must be well-formed to ship).

    >>> text = "\\n".join([
    ...     "# source: an example", "# complete: 类=yes 款=no", "# evidence: A = a source",
    ...     "code,name,former_names,evidence", "301,工资福利支出,,A",
    ... ])
    >>> parse_table(text, tree=Tree.ECONOMIC_DEPARTMENT, year=2025).lookup("301").name
    '工资福利支出'
    """
    headers: dict[str, list[str]] = {}
    body: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            match = _HEADER.fullmatch(line)
            if match is None:
                raise ClassificationError(f"{name}:{number}: a header line is '# key: value'")
            headers.setdefault(match[1], []).append(match[2])
        elif line.strip():
            body.append((number, line))
    source = _one(headers, "source", name)
    completeness = _completeness(_one(headers, "complete", name), tree, name)
    evidence = _evidence(headers.get("evidence", []), name)
    entries = _entries(body, tree, name, evidence)
    return CodeTable(
        tree=tree,
        year=year,
        requested_year=year,
        title=headers.get("title", [tree.title])[0],
        source=source,
        completeness=completeness,
        evidence=evidence,
        notes=tuple(headers.get("not-included", [])),
        entries=entries,
        index=MappingProxyType({e.code: e for e in entries}),
    )


def _one(headers: Mapping[str, list[str]], key: str, name: str) -> str:
    values = headers.get(key, [])
    if len(values) != 1:
        raise ClassificationError(f"{name}: needs exactly one '# {key}:' header line")
    return values[0]


def _completeness(value: str, tree: Tree, name: str) -> Mapping[Level, bool]:
    result: dict[Level, bool] = {}
    for part in value.split():
        level_text, _, flag = part.partition("=")
        try:
            level = Level(level_text)
        except ValueError:
            raise ClassificationError(
                f"{name}: unknown level {level_text!r} in '# complete:'"
            ) from None
        if flag not in ("yes", "no"):
            raise ClassificationError(f"{name}: completeness of {level_text} must be yes or no")
        result[level] = flag == "yes"
    if set(result) != set(tree.levels):
        levels = " ".join(level.value for level in tree.levels)
        raise ClassificationError(f"{name}: '# complete:' must state each of {levels}")
    return MappingProxyType(result)


def _evidence(lines: list[str], name: str) -> Mapping[str, str]:
    result: dict[str, str] = {}
    for line in lines:
        key, sep, text = line.partition(" = ")
        if not sep or not key.isalnum() or not text.strip():
            raise ClassificationError(f"{name}: an evidence line is '# evidence: KEY = text'")
        result[key] = text
    return MappingProxyType(result)


def _entries(
    body: list[tuple[int, str]], tree: Tree, name: str, evidence: Mapping[str, str]
) -> tuple[Entry, ...]:
    if not body or tuple(next(csv.reader([body[0][1]]))) != _COLUMNS:
        raise ClassificationError(f"{name}: the first row must be {','.join(_COLUMNS)}")
    entries: dict[str, Entry] = {}
    for number, line in body[1:]:
        where = f"{name}:{number}"
        row = next(csv.reader([line]))
        if len(row) != len(_COLUMNS):
            raise ClassificationError(f"{where}: expected {len(_COLUMNS)} columns, got {len(row)}")
        entry = _entry(row, tree, where, evidence)
        if entry.code in entries:
            raise ClassificationError(f"{where}: code {entry.code} appears twice")
        if entry.parent is not None and entry.parent not in entries:
            raise ClassificationError(
                f"{where}: the parent {entry.parent} of {entry.code} must come before it"
            )
        entries[entry.code] = entry
    return tuple(sorted(entries.values(), key=lambda e: e.code))


def _entry(row: list[str], tree: Tree, where: str, evidence: Mapping[str, str]) -> Entry:
    code, entry_name, former_text, evidence_text = row
    level = Level.of(code)
    if not _CODE.fullmatch(code) or level is None or level not in tree.levels:
        levels = "/".join(str(level.digits) for level in tree.levels)
        raise ClassificationError(f"{where}: {code!r} is not a {levels}-digit code")
    if tree_of_code(code) is not tree:
        raise ClassificationError(f"{where}: {code} does not belong to {tree.title}")
    if not entry_name or entry_name != entry_name.strip():
        raise ClassificationError(f"{where}: the name of {code} is empty or has outer spaces")
    keys = tuple(evidence_text.split())
    unknown = [key for key in keys if key not in evidence]
    if not keys or unknown:
        raise ClassificationError(
            f"{where}: {code} needs evidence keys defined in the header, not {evidence_text!r}"
        )
    return Entry(
        code=code,
        name=entry_name,
        level=level,
        parent=code[: len(code) - 2] if level is not Level.CLASS else None,
        former_names=_former_names(former_text, where),
        evidence=keys,
    )


def _former_names(text: str, where: str) -> tuple[FormerName, ...]:
    result = []
    for part in filter(None, text.split("|")):
        match = _FORMER.fullmatch(part)
        if match is None:
            raise ClassificationError(f"{where}: a former name is 'name@since-until', not {part!r}")
        since = int(match["since"]) if match["since"] else None
        until = int(match["until"])
        if since is not None and since > until:
            raise ClassificationError(f"{where}: {part!r} ends before it starts")
        result.append(FormerName(match["name"], since, until))
    return tuple(result)
