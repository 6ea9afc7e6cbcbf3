"""The rule type and what a rule's check function returns.

A :class:`Rule` is data: a stable id, a family, a default severity, titles and
message templates in Chinese and English, the formula in words, and a pure
check function ``budget -> Iterable[Observation]``. Each
:class:`Observation` is one relation the rule checked, with its outcome, its
place in the document and the figures; :func:`govbudget.validate` turns them
into :class:`~govbudget.report.Finding` objects.

Message templates are ``str.format`` templates. Every template may use
``{where}`` (the place, in the message's language), ``{stated}``,
``{computed}``, ``{gap}``, ``{tolerance}``, ``{low}``, ``{high}`` and ``{unit}``
(figures in the document's unit), and any key of the observation's ``params``.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeAlias, cast

import attrs
from attrs import field, frozen

from govbudget.errors import GovBudgetError
from govbudget.money import Unit
from govbudget.place import Place, as_place
from govbudget.precision import Precision
from govbudget.rounding import Exact, Outcome, Verdict

if TYPE_CHECKING:
    from govbudget.model import DepartmentBudget

__all__ = [
    "FAMILIES",
    "CheckFunction",
    "Deferred",
    "Deferring",
    "Diagnosis",
    "LineLocation",
    "Location",
    "Observation",
    "Outcome",
    "Record",
    "RecordFunction",
    "Rule",
    "RuleError",
    "Scale",
    "Severity",
    "deferring",
    "resolve",
]


class RuleError(GovBudgetError, ValueError):
    """A rule definition or selection that is invalid (a bad id, an unknown family)."""


class Severity(Enum):
    """How much a finding matters: an error, a warning, or information."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: The families of the catalogue, each with its Chinese and English name.
FAMILIES: Final[dict[str, tuple[str, str]]] = {
    "identity": ("文件信息", "identity"),
    "balance": ("收支平衡", "balance"),
    "totals": ("合计", "totals"),
    "trees": ("分类层级", "classification trees"),
    "appropriation": ("财政拨款", "appropriations"),
    "three_public": ("“三公”经费", "three public expenses"),
    "operation": ("机关运行经费", "institutional operation"),
    "yoy": ("同比变化", "year on year"),
    "execution": ("预算执行", "budget execution"),
    "shares": ("占比", "shares"),
    "procurement": ("政府采购", "procurement"),
    "assets": ("国有资产", "assets"),
    "staffing": ("人员", "staffing"),
    "performance": ("绩效目标", "performance"),
    "cross": ("交叉核对", "cross-section"),
    "codes": ("分类科目", "classification codes"),
    "tables": ("公开表", "tables"),
    "repeats": ("前后一致", "repeated figures"),
    "wording": ("用语", "wording"),
    "series": ("跨年核对", "across years"),
}

#: The sections of a disclosure in the order it states them, with their names in
#: Chinese and English; a finding belongs to the section its location's path starts
#: with (:attr:`Location.section`).
SECTIONS: Final[dict[str, tuple[str, str]]] = {
    "staffing": ("人员", "staffing"),
    "income": ("收入", "income"),
    "expenditure": ("支出", "expenditure"),
    "appropriation": ("财政拨款支出", "appropriations"),
    "institutional_operation": ("机关运行经费", "institutional operation"),
    "three_public": ("“三公”经费", "three public expenses"),
    "procurement": ("政府采购", "procurement"),
    "assets": ("国有资产", "assets"),
    "projects": ("重点项目", "key projects"),
    "performance": ("绩效目标", "performance"),
    "final": ("结转和结余", "carry-over and balances"),
    "tables": ("公开表", "tables"),
}
#: The section of a location whose path starts with none of :data:`SECTIONS`, and its names.
OTHER_SECTION: Final = "other"
OTHER_SECTION_NAMES: Final = ("其他", "other")

_ID: Final = re.compile(r"[A-Z]{2,5}\d{3}")


@frozen
class Scale:
    """How the values of a check are shown: money in a unit, a percent, or a count.

    >>> Scale.money(Precision(Unit.WAN, 2)).show(Fraction(24_100_000))
    '24.1'
    >>> Scale.percent(1).show(Fraction(-1315, 100))
    '-13.15'
    """

    kind: Literal["money", "percent", "count"]
    unit: Unit | None = None
    decimals: int = 2

    @classmethod
    def money(cls, precision: Precision) -> Scale:
        """Amounts in fen, shown in ``precision``'s unit."""
        return cls("money", precision.unit, precision.decimals)

    @classmethod
    def percent(cls, decimals: int) -> Scale:
        """Percentage points."""
        return cls("percent", None, decimals)

    @classmethod
    def count(cls) -> Scale:
        """Whole counts (人, 件 …)."""
        return cls("count", None, 0)

    @property
    def label(self) -> str:
        """The unit label ("万元", "%", "")."""
        if self.kind == "money":
            assert self.unit is not None
            return self.unit.label
        return "%" if self.kind == "percent" else ""

    def exact(self, value: Exact) -> Fraction:
        """``value`` in this scale's unit, exactly (fen → 万元 for money).

        >>> Scale.money(Precision(Unit.WAN, 2)).exact(24_100_000)
        Fraction(241, 10)
        """
        if self.kind == "money" and self.unit:
            return Fraction(value, self.unit.fen)
        return Fraction(value)

    def show(self, value: Exact) -> str:
        """``value`` in this scale: exact if it terminates within a few more places, else ≈.

        A percent is shown to two places more than it is stated with (a stated 25.21%
        against a computed ≈20.1321%); an amount to six more, or ≈ at four more.

        >>> Scale.percent(2).show(Fraction(201321, 10000)), Scale.percent(2).show(Fraction(200, 3))
        ('20.1321', '≈66.6667')
        """
        # On integers (numerator and denominator of the value in this scale): no Fraction.
        if type(value) is int:
            numerator, denominator = value, 1
        else:
            numerator, denominator = value.numerator, value.denominator
        if self.kind == "money" and self.unit:
            denominator *= self.unit.fen
        percent = self.kind == "percent"
        places = self.decimals + (2 if percent else 6)
        shifted, rest = divmod(numerator * 10**places, denominator)
        if not rest:
            return _decimal_text(shifted, places)
        keep = self.decimals + (2 if percent else 4)
        rounded = (abs(numerator) * 10**keep * 2 + denominator) // (2 * denominator)
        text = _decimal_text(rounded, keep, strip=False)  # ≈: every place it keeps
        return ("≈-" if numerator < 0 else "≈") + text


def _decimal_text(number: int, places: int, *, strip: bool = True) -> str:
    sign = "-" if number < 0 else ""
    digits = str(abs(number)).rjust(places + 1, "0")
    whole, fraction = digits[:-places], digits[-places:]
    if strip:
        fraction = fraction.rstrip("0")
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


@frozen
class Location:
    """Where a check is in the document.

    ``path`` names the place by keys (``/expenditure/by_economic/302/30201``),
    ``zh``/``en`` say it for people, and ``place`` is where the figure was read,
    when known: a :class:`~govbudget.place.Place` with the file, page, sheet,
    table, row, column, cell, JSON Pointer or text line and character. The
    fourth argument (``source``) takes a ``Place`` or a source string in the
    forms :meth:`Place.parse <govbudget.place.Place.parse>` reads
    (``narrative.txt:47:1``, ``a.pdf p. 3``, ``a.xlsx sheet 表1!C4``);
    :attr:`source` gives the short text form back.

    >>> where = Location("/income/total", "收入合计", "total income", "narrative.txt:12:5")
    >>> where.place.line, where.source
    (12, 'narrative.txt:12:5')
    """

    path: str
    zh: str
    en: str
    place: Place | None = field(default=None, converter=as_place, alias="source")

    @property
    def source(self) -> str | None:
        """Where the figure was read, as people read it (``narrative.txt:47:1``); ``None``
        when the place names no file."""
        if self.place is None or self.place.file is None:
            return None
        return str(self.place)

    @property
    def section(self) -> str:
        """The section of the document this is in: the first key of :attr:`path` when it
        is one of :data:`SECTIONS`, else ``"other"``.

        >>> Location("/three_public/total", "“三公”经费合计", "three public total").section
        'three_public'
        >>> Location("/department", "部门名称", "department name").section
        'other'
        """
        head = self.path.lstrip("/").split("/", 1)[0].split("#", 1)[0]
        return head if head in SECTIONS else OTHER_SECTION


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def key(self) -> str: ...


class LineLocation(Location):
    """The location of a tree line whose names are formed when they are read.

    A :class:`Location` in every way (equal to, hashed, shown and pickled as the
    ``Location`` with the same names). Given the ``line``, ``zh`` and ``en`` are the
    tree's names, completed by the line's label when asked for (``"支出功能分类 2010301
    行政运行"``): a large budget has a location for every line and reports only a few.
    Given ``above`` too (the path of the line's parent, or the parent's location), the
    path is that and the line's key, formed when read.

    >>> from govbudget.tree import Node
    >>> where = LineLocation("/expenditure/by_function/201", "支出功能分类", "function",
    ...                      line=Node(code="201", name="一般公共服务支出"))
    >>> where == Location("/expenditure/by_function/201", "支出功能分类 201 一般公共服务支出",
    ...                   "function, 201 一般公共服务支出")
    True
    """

    __slots__ = ("_above", "_en", "_line", "_path", "_zh")
    _zh: str
    _en: str
    _line: _Labelled | None
    _above: str | Location | None
    _path: str

    def __init__(
        self,
        path: str,
        zh: str,
        en: str,
        source: Place | str | None = None,
        *,
        line: _Labelled | None = None,
        above: str | Location | None = None,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "_path", path)
        setattr_(self, "place", as_place(source))
        setattr_(self, "_zh", zh)
        setattr_(self, "_en", en)
        setattr_(self, "_line", line)
        setattr_(self, "_above", None if line is None else above)

    @property
    def path(self) -> str:
        """The place by keys."""
        above, line = self._above, self._line
        if above is None or line is None:
            return self._path
        return f"{above if isinstance(above, str) else above.path}/{line.key}"

    @property
    def zh(self) -> str:
        """The place in Chinese."""
        return self._zh if self._line is None else f"{self._zh} {self._line.label}"

    @property
    def en(self) -> str:
        """The place in English."""
        return self._en if self._line is None else f"{self._en}, {self._line.label}"

    def _fields(self) -> tuple[str, str, str, Place | None]:
        return self.path, self.zh, self.en, self.place

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._fields() == (other.path, other.zh, other.en, other.place)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Location.__hash__

    def __repr__(self) -> str:
        return repr(Location(self.path, self.zh, self.en, self.place))

    def __reduce__(self) -> tuple[type[Location], tuple[str, str, str, Place | None]]:
        return Location, self._fields()


@frozen
class Diagnosis:
    """A likely cause of an inconsistency, in both languages."""

    code: str
    zh: str
    en: str


def _params(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    # Every check passes here: the common types first, without the ABC's isinstance.
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]
    if kind is dict:
        return tuple(value.items())  # type: ignore[union-attr]
    return tuple(value.items() if isinstance(value, Mapping) else value)


@frozen(kw_only=True)
class Observation:
    """One relation a rule checked: outcome, place, figures and message parameters.

    ``verdict`` carries the numbers (stated, computed, interval, gap, tolerance)
    for numeric relations and is ``None`` for others (a missing indicator kind).
    ``severity`` overrides the rule's severity for this observation (a code not
    in an incomplete table is only a warning). ``formula`` is the relation with
    this place's names ("302 = Σ 13 items").
    """

    outcome: Outcome
    location: Location
    verdict: Verdict | None = None
    scale: Scale = Scale("count")
    params: tuple[tuple[str, str], ...] = field(default=(), converter=_params)
    diagnosis: Diagnosis | None = None
    severity: Severity | None = None
    formula: str | None = None


_COUNT: Final = cast(Scale, attrs.fields(Observation).scale.default)  # the same object
# Each slot's setter: a rule's hot path builds its observations positionally, through them.
_SET: Final = tuple(
    cast("Callable[[object, object], None]", getattr(Observation, f.name).__set__)
    for f in attrs.fields(Observation)
)


def observe(
    outcome: Outcome,
    location: Location,
    verdict: Verdict | None = None,
    scale: Scale = _COUNT,
    params: tuple[tuple[str, str], ...] = (),
    diagnosis: Diagnosis | None = None,
    severity: Severity | None = None,
    formula: str | None = None,
) -> Observation:
    """The :class:`Observation` of these fields (``params`` a tuple of pairs), built without
    the keyword constructor: the same object, in half the time, for the rules' hot paths.

    >>> observe(Outcome.EXACT, Location("/income/total", "收入合计", "total income")) == (
    ...     Observation(outcome=Outcome.EXACT, location=Location("/income/total", "收入合计",
    ...                                                           "total income")))
    True
    """
    self = object.__new__(Observation)
    s_outcome, s_location, s_verdict, s_scale, s_params, s_diagnosis, s_severity, s_formula = _SET
    s_outcome(self, outcome)
    s_location(self, location)
    s_verdict(self, verdict)
    s_scale(self, scale)
    s_params(self, params)
    s_diagnosis(self, diagnosis)
    s_severity(self, severity)
    s_formula(self, formula)
    return self


CheckFunction = Callable[["DepartmentBudget"], Iterable[Observation]]

#: A check a rule found exact, kept as what makes its observation: ``(make, *arguments)``,
#: the observation being ``make(*arguments)``, made only when the check is read. Most checks
#: of a document are exact and never shown; what they cost is then their outcome alone.
Deferred: TypeAlias = tuple[Any, ...]
#: What a deferring check function yields: an observation, or an exact check deferred.
Record: TypeAlias = "Observation | Deferred"
#: A check function that may defer its exact checks (see :class:`Deferring`).
RecordFunction: TypeAlias = Callable[["DepartmentBudget"], Iterable[Record]]


def resolve(record: Record) -> Observation:
    """The observation of ``record`` (made now if it was deferred).

    A deferred check must be exact: a rule whose quick test and observation disagree is a
    bug, and reported as one here rather than hidden in a report.

    >>> where = Location("/income/total", "收入合计", "total income")
    >>> resolve((observe, Outcome.EXACT, where)).outcome
    <Outcome.EXACT: 'exact'>
    """
    if type(record) is not tuple:
        return cast(Observation, record)
    made = cast("Callable[..., Observation]", record[0])(*record[1:])
    if made.outcome is not Outcome.EXACT:
        raise AssertionError(f"a check deferred as exact is {made.outcome.value}: {made!r}")
    return made


class Deferring:
    """A check function whose exact checks may be deferred (:data:`Deferred`), as
    :func:`govbudget.validate` keeps them; called, it makes every observation as a
    :data:`CheckFunction` does.

    The catalogue's rules are declared with it (``check=deferring(records)``); ``records``
    is what ``validate()`` calls, and the function's name and docstring are the rule's.
    """

    def __init__(self, records: RecordFunction) -> None:
        self.records = records
        functools.update_wrapper(self, records)

    def __call__(self, budget: DepartmentBudget) -> Iterator[Observation]:
        for record in self.records(budget):
            yield resolve(record)

    # The function it wraps is what it is: equal, hashed, copied and pickled by it (a rule
    # holding it stays equal to itself through a pickle or a deep copy).
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deferring):
            return NotImplemented
        return self.records == other.records

    def __hash__(self) -> int:
        return hash(self.records)

    def __reduce__(self) -> str | tuple[type[Deferring], tuple[RecordFunction]]:
        # Declared as a decorator, it is what its module holds under the function's name.
        name = getattr(self.records, "__qualname__", "")
        if getattr(sys.modules.get(getattr(self.records, "__module__", "")), name, None) is self:
            return str(name)
        return Deferring, (self.records,)

    def __deepcopy__(self, memo: dict[int, object]) -> Deferring:
        return self

    def __repr__(self) -> str:
        return f"deferring({self.records!r})"


def deferring(records: RecordFunction) -> Deferring:
    """``records`` as a rule's check function (a decorator): see :class:`Deferring`."""
    return Deferring(records)


def _check_id(_instance: object, _attribute: object, value: str) -> None:
    if not _ID.fullmatch(value):
        raise RuleError(f"rule id {value!r} must be 2-5 capital letters and 3 digits, like TOT001")


def _check_family(_instance: object, _attribute: object, value: str) -> None:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise RuleError(f"rule family {value!r} must be a lower-case identifier")


@frozen(kw_only=True)
class Rule:
    """An invariant of a disclosure, declared once and importable.

    Downstream tools make their own rules with this type and pass them to
    :func:`govbudget.validate` (``rules=RULES | {...}``).
    """

    id: str = field(validator=_check_id)
    family: str = field(validator=_check_family)
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    formula: str
    check: CheckFunction = field(repr=False)
    example: str | None = None
