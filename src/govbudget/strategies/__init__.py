"""Hypothesis strategies for property-testing code that reads, writes or checks budgets.

Install with the ``strategies`` extra (``pip install govbudget[strategies]``).
Every function takes keyword arguments only, checks them when called (a bad
one raises :class:`hypothesis.errors.InvalidArgument` naming it) and returns a
``SearchStrategy``:

- :func:`amounts` — exact CNY :class:`~govbudget.money.Amount` values at a
  precision, in a range; :func:`money` — the same as plain py-moneyed ``Money``
  whose ``Decimal`` is written with varying trailing zeros, as other code hands
  them over;
- :func:`trees` — classification trees (类 → 款 → 项) of real codes from
  :mod:`govbudget.classification`, named as that year's table names them,
  each node the sum of its children;
- :func:`budgets` — whole :class:`~govbudget.model.DepartmentBudget` objects,
  each part present or absent at random, on which every rule of
  :data:`govbudget.RULES` holds **exactly**;
- :func:`published_budgets` — budgets as publishers print them: exact accounts
  rounded half-up to the declared precision, percents rounded half-up or
  truncated, shares adjusted to add up to 100% — the checker finds no
  inconsistency in any of them;
- :func:`broken_budgets` — ``(budget, rule_id)`` pairs in which the named rule
  is broken by more than rounding allows.

Importing this module registers :func:`budgets` for
``st.from_type(DepartmentBudget)`` and one classification line with its
children (a root of :func:`trees`) for ``st.from_type(Node)``.

>>> from hypothesis import given, settings
>>> from govbudget import validate
>>> @settings(max_examples=20)
... @given(budgets(max_lines=6))
... def test_exact(budget):
...     assert validate(budget).ok
>>> test_exact()

Rules that no data can break
----------------------------
Every rule of :data:`govbudget.RULES` has a breaker in :func:`broken_budgets`
(:data:`BREAKABLE` says how each is broken) except the rules listed in
:data:`UNBREAKABLE` with the reason no document can break them. **That list is
the "series" family only**: each other rule checks a relation between stated
figures, names, codes or printed tables, and a document can contradict every one
of them — totals and their parts, years and their changes, shares, words, goals
and indicators, codes and names, tables and the narrative — while a series rule
compares two documents of one unit, which one budget cannot break. A rule that
could not be broken (one that only ever reports information, say) would be
listed there. govbudget's
property suite fails, naming the rule, for any rule that has neither a breaker
nor a reason, so a new rule comes with the way to break it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal

from attrs import evolve

from govbudget.errors import GovBudgetError, MissingExtra

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:  # pragma: no cover - exercised in a subprocess
    if missing.name != "hypothesis":
        raise
    raise MissingExtra("strategies", "hypothesis", "govbudget.strategies") from None
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy
from moneyed import Money

from govbudget.classification import NoTable, Tree, table_for, years
from govbudget.model import DepartmentBudget, EconomicScheme, Kind
from govbudget.money import CNY, Amount, Unit, as_amount, to_unit, yi
from govbudget.precision import Precision
from govbudget.rules import RULES
from govbudget.strategies._breakers import BREAKERS
from govbudget.strategies._build import AMOUNT, PRIOR, Builder, Shape, build_budget
from govbudget.strategies._writing import Style, quantum
from govbudget.tree import Node

__all__ = [
    "BREAKABLE",
    "UNBREAKABLE",
    "amounts",
    "broken_budgets",
    "budgets",
    "money",
    "published_budgets",
    "trees",
]

#: Rules no data can break, with the reason (see the module's documentation).
UNBREAKABLE: Final[Mapping[str, str]] = MappingProxyType(
    dict.fromkeys(
        ("SER001", "SER002", "SER003", "SER004", "SER005", "SER006", "SER007", "SER008"),
        "compares a unit's documents of different years (govbudget.series.check_series):"
        " one budget has nothing to compare; tests/test_series.py breaks it with two",
    )
)

#: The ids of the rules :func:`broken_budgets` can break, and how it breaks each.
BREAKABLE: Final[Mapping[str, str]] = MappingProxyType(
    {rule: breaker.how for rule, breaker in BREAKERS.items()}
)

_ZERO: Final = Amount(0)
_DEFAULT_MAX: Final = yi(100)
_DEFAULT_TOTAL: Final = yi(10)


def _check_money(name: str, value: object) -> Amount:
    if not isinstance(value, Money):
        raise InvalidArgument(f"{name}={value!r} must be a CNY Money (e.g. govbudget.wan('1.5'))")
    try:
        return as_amount(value)
    except GovBudgetError as error:
        raise InvalidArgument(f"{name}={value!r}: {error}") from None


def _check_precision(value: object, name: str = "precision") -> Precision | None:
    if value is not None and not isinstance(value, Precision):
        raise InvalidArgument(f"{name}={value!r} must be a govbudget.precision.Precision or None")
    return value


def _check_int(name: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an integer")
    if value < low or (high is not None and value > high):
        bound = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise InvalidArgument(f"{name}={value!r} must be {bound}")
    return value


def _check_flag(name: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(
            f"{name}={value!r} must be True (always), False (never) or None (at random)"
        )
    return value


def _range(
    min_value: object, max_value: object, precision: Precision | None
) -> tuple[int, int, int]:
    low = _check_money("min_value", min_value).fen
    high = _check_money("max_value", max_value).fen
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} is larger than max_value={max_value!r}")
    step = 1 if precision is None else quantum(precision)
    first, last = -(-low // step), high // step
    if first > last:
        raise InvalidArgument(
            f"no amount from {min_value!r} to {max_value!r} is a whole number of"
            f" {precision.label if precision else 'fen'} steps"
        )
    return first, last, step


def amounts(
    *,
    min_value: Money = _ZERO,
    max_value: Money = _DEFAULT_MAX,
    precision: Precision | None = None,
) -> SearchStrategy[Amount]:
    """Exact amounts from ``min_value`` to ``max_value``, stated at ``precision``.

    With a precision, every amount is a whole number of its last places
    (``Precision(Unit.WAN, 2)``: multiples of 100 元); without, any whole fen.

    >>> from hypothesis import find
    >>> from govbudget.money import Unit, wan
    >>> a = find(amounts(max_value=wan(1), precision=Precision(Unit.WAN, 2)), lambda a: a.fen > 0)
    >>> 0 < a.fen <= wan(1).fen, a.fen % 10_000  # a whole number of 0.01 万元
    (True, 0)
    """
    first, last, step = _range(min_value, max_value, _check_precision(precision))
    return st.integers(first, last).map(lambda n: Amount.from_fen(n * step))


def money(
    *,
    min_value: Money = _ZERO,
    max_value: Money = _DEFAULT_MAX,
    precision: Precision | None = None,
) -> SearchStrategy[Money]:
    """The amounts of :func:`amounts` as plain py-moneyed ``Money`` in CNY.

    Their ``Decimal`` is written the way other code writes it — ``24.1``,
    ``24.10`` or ``24.1000`` — always a whole number of fen.

    >>> from hypothesis import find
    >>> m = find(money(max_value=Amount(5)), lambda m: m.amount > 1)
    >>> type(m).__name__, 1 < m.amount <= 5, m.amount == m.amount.quantize(Decimal("0.01"))
    ('Money', True, True)
    """

    def plain(value: Amount, zeros: int) -> Money:
        text = f"{to_unit(value.fen, Unit.YUAN):f}"
        if zeros and "." not in text:
            text += "."
        return Money(Decimal(text + "0" * zeros), CNY)

    return st.builds(
        plain,
        amounts(min_value=min_value, max_value=max_value, precision=precision),
        st.integers(0, 3),
    )


def _table_year(name: str, year: object, tree: Tree) -> int:
    value = _check_int(name, year, 1949, 2200)
    try:
        table_for(tree, value)
    except NoTable:
        first = min(years(tree))
        raise InvalidArgument(
            f"{name}={value}: the code tables start in {first}; pick {first} or later"
        ) from None
    return value


def _shape(
    *,
    min_year: int | None,
    max_year: int | None,
    kind: Kind | None,
    precision: Precision | None,
    max_lines: int,
    max_depth: int,
    max_children: int,
    max_total: Money,
    flags: Mapping[str, bool | None],
) -> Shape:
    first = min(years(Tree.FUNCTION))
    low = _table_year("min_year", first if min_year is None else min_year, Tree.FUNCTION)
    high = _check_int("max_year", low + 5 if max_year is None else max_year, low, 2200)
    if kind is not None and not isinstance(kind, Kind):
        raise InvalidArgument(f"kind={kind!r} must be a govbudget.model.Kind or None")
    require: set[str] = set()
    forbid: set[str] = set()
    for name, value in flags.items():
        flag = _check_flag(name, value)
        if flag is not None:
            (require if flag else forbid).add(name)
    total = _check_money("max_total", max_total).fen
    if total <= 0:
        raise InvalidArgument(f"max_total={max_total!r} must be more than zero")
    return Shape(
        min_year=low,
        max_year=high,
        kind=kind,
        precision=_check_precision(precision),
        max_lines=_check_int("max_lines", max_lines, 1, 500),
        max_depth=_check_int("max_depth", max_depth, 1, 3),
        max_children=_check_int("max_children", max_children, 1, 50),
        max_total=total,
        require=frozenset(require),
        forbid=frozenset(forbid),
    )


def trees(
    *,
    classification: Literal["function", "economic"] = "function",
    scheme: EconomicScheme | Literal["department", "government"] = EconomicScheme.DEPARTMENT,
    year: int = 2025,
    precision: Precision | None = None,
    total: Money | None = None,
    max_lines: int = 12,
    max_depth: int = 3,
    max_children: int = 4,
    prior_year: bool = False,
) -> SearchStrategy[tuple[Node, ...]]:
    """The roots of a classification tree whose every node is the sum of its children.

    Codes and names come from ``year``'s table in :mod:`govbudget.classification`
    (:func:`~govbudget.classification.function_codes` for ``"function"``,
    :func:`~govbudget.classification.economic_codes` of ``scheme`` for
    ``"economic"``); the roots add up to ``total`` when it is given. With
    ``prior_year`` the nodes also state a prior-year amount, a change or a
    percent, all exact.

    >>> from hypothesis import find
    >>> from govbudget.money import wan
    >>> roots = find(trees(total=wan(100), max_lines=4), lambda roots: len(roots) > 1)
    >>> sum((n.amount for n in roots), wan(0)) == wan(100)
    True
    """
    if classification not in ("function", "economic"):
        raise InvalidArgument(f"classification={classification!r} must be 'function' or 'economic'")
    try:
        chosen_scheme = EconomicScheme(scheme)
    except ValueError:
        raise InvalidArgument(f"scheme={scheme!r} must be 'department' or 'government'") from None
    if classification == "function":
        tree = Tree.FUNCTION
    elif chosen_scheme is EconomicScheme.DEPARTMENT:
        tree = Tree.ECONOMIC_DEPARTMENT
    else:
        tree = Tree.ECONOMIC_GOVERNMENT
    chosen_year = _table_year("year", year, tree)
    chosen_precision = _check_precision(precision) or Precision()
    fixed = None if total is None else _check_money("total", total)
    if fixed is not None and fixed.fen % quantum(chosen_precision):
        raise InvalidArgument(f"total={total!r} is not stated exactly at {chosen_precision.label}")
    if fixed is not None and fixed.fen < 0:
        raise InvalidArgument(f"total={total!r} must not be negative")
    if not isinstance(prior_year, bool):
        raise InvalidArgument(f"prior_year={prior_year!r} must be True or False")
    shape = Shape(
        min_year=chosen_year,
        max_year=chosen_year,
        precision=chosen_precision,
        max_lines=_check_int("max_lines", max_lines, 1, 500),
        max_depth=_check_int("max_depth", max_depth, 1, 3),
        max_children=_check_int("max_children", max_children, 1, 50),
        forbid=frozenset({"shares", "precision_override"}),
    )

    @st.composite
    def draw_tree(draw: DrawFn) -> tuple[Node, ...]:
        builder = Builder(draw, shape, Style(chosen_precision), chosen_year)
        if prior_year:
            builder.columns = (AMOUNT, PRIOR)
            builder.forms = ("prior", "prior+change", "prior+change+percent", "none")
        whole = fixed.fen if fixed is not None else builder.number(_DEFAULT_MAX.fen // 100)
        prior = builder.number(_DEFAULT_MAX.fen // 100) if prior_year else 0
        table = table_for(tree, chosen_year)
        return builder.fill(builder.tree_lines(table), (whole, prior, 0, 0))

    return draw_tree()


def _budget_strategy(
    exact: bool,
    *,
    min_year: int | None,
    max_year: int | None,
    kind: Kind | None,
    precision: Precision | None,
    max_lines: int,
    max_depth: int,
    max_children: int,
    max_total: Money,
    **flags: bool | None,
) -> SearchStrategy[DepartmentBudget]:
    shape = _shape(
        min_year=min_year,
        max_year=max_year,
        kind=kind,
        precision=precision,
        max_lines=max_lines,
        max_depth=max_depth,
        max_children=max_children,
        max_total=max_total,
        flags=flags,
    )

    @st.composite
    def draw_budget(draw: DrawFn) -> DepartmentBudget:
        return build_budget(draw, shape, exact=exact)

    return draw_budget()


def budgets(
    *,
    min_year: int | None = None,
    max_year: int | None = None,
    kind: Kind | None = None,
    precision: Precision | None = None,
    max_lines: int = 12,
    max_depth: int = 3,
    max_children: int = 4,
    max_total: Money = _DEFAULT_TOTAL,
    prior_year: bool | None = None,
    staffing: bool | None = None,
    income: bool | None = None,
    expenditure: bool | None = None,
    appropriation: bool | None = None,
    three_public: bool | None = None,
    operation: bool | None = None,
    procurement: bool | None = None,
    assets: bool | None = None,
    projects: bool | None = None,
    performance: bool | None = None,
    carryover: bool | None = None,
    shares: bool | None = None,
) -> SearchStrategy[DepartmentBudget]:
    """Whole budgets on which every rule of :data:`govbudget.RULES` holds exactly.

    Each part — ``prior_year`` figures, ``staffing``, ``income``,
    ``expenditure``, ``appropriation`` (财政拨款支出), ``three_public`` (三公),
    ``operation`` (机关运行经费), ``procurement``, ``assets``, key ``projects``,
    ``performance`` goals, a ``carryover`` (上年结转 / 决算的结转结余) and stated
    ``shares`` — is there when its flag is ``True``, never when ``False``, and
    at random when ``None``. Amounts are stated at the document's
    ``precision`` (drawn when ``None``); ``max_lines`` bounds each
    classification tree, ``max_depth`` (1-3) and ``max_children`` its shape,
    ``max_total`` the money. Years run from ``min_year`` (the first year with
    code tables, by default) to ``max_year`` (five years later).

    >>> from hypothesis import find
    >>> from govbudget import validate
    >>> budget = find(budgets(three_public=True), lambda b: b.three_public.total.amount.fen > 0)
    >>> budget.three_public.total.amount.fen > 0, validate(budget).ok
    (True, True)
    """
    return _budget_strategy(True, **locals())


def published_budgets(
    *,
    min_year: int | None = None,
    max_year: int | None = None,
    kind: Kind | None = None,
    precision: Precision | None = None,
    max_lines: int = 12,
    max_depth: int = 3,
    max_children: int = 4,
    max_total: Money = _DEFAULT_TOTAL,
    prior_year: bool | None = None,
    staffing: bool | None = None,
    income: bool | None = None,
    expenditure: bool | None = None,
    appropriation: bool | None = None,
    three_public: bool | None = None,
    operation: bool | None = None,
    procurement: bool | None = None,
    assets: bool | None = None,
    projects: bool | None = None,
    performance: bool | None = None,
    carryover: bool | None = None,
    shares: bool | None = None,
) -> SearchStrategy[DepartmentBudget]:
    """Budgets as publishers print them: exact accounts, rounded.

    The accounts behind each budget add up to the fen; the document states
    every amount rounded half-up to its precision, each percent rounded
    half-up or truncated (one way per document), each set of shares rounded
    half-up, truncated or adjusted by largest remainder to add up to 100%, and
    changes either rounded from the exact change or taken as the difference of
    the two printed figures. A change that prints as zero is written 持平. The
    checker must find no inconsistency in any of them. Arguments as for
    :func:`budgets`.
    """
    return _budget_strategy(False, **locals())


def broken_budgets(
    *,
    rule_id: str | Iterable[str] | None = None,
    min_year: int | None = None,
    max_year: int | None = None,
    precision: Precision | None = None,
    max_lines: int = 12,
    max_children: int = 4,
    max_total: Money = _DEFAULT_TOTAL,
) -> SearchStrategy[tuple[DepartmentBudget, str]]:
    """``(budget, rule_id)``: an exact budget in which that one rule is broken beyond rounding.

    ``rule_id`` picks the rule (or any of several); ``None`` draws one of every
    rule :data:`BREAKABLE` names. The break is what real documents get wrong —
    a figure changed without its total, a part counted twice, a dropped
    indicator, a wrong percent, a flipped direction word, a misplaced code — by
    at least a hundred last places, so the named rule reports it inconsistent
    (other rules may too). A rule in :data:`UNBREAKABLE` cannot be asked for.

    >>> from hypothesis import find
    >>> from govbudget import validate
    >>> budget, rule = find(broken_budgets(rule_id="SG001"), lambda pair: True)
    >>> rule, validate(budget, select=[rule]).ok
    ('SG001', False)
    """
    if rule_id is None:
        wanted = sorted(BREAKERS)
    else:
        wanted = [rule_id] if isinstance(rule_id, str) else list(rule_id)
        if not wanted:
            raise InvalidArgument("rule_id=[] names no rule; pass None for every rule")
    for rule in wanted:
        if not isinstance(rule, str) or rule not in RULES:
            raise InvalidArgument(f"rule_id={rule!r} is not a rule of govbudget.RULES")
        if rule in UNBREAKABLE:
            raise InvalidArgument(f"rule_id={rule!r} cannot be broken by data: {UNBREAKABLE[rule]}")
        if rule not in BREAKERS:
            raise InvalidArgument(f"rule_id={rule!r} has no breaker yet")
    base = _shape(
        min_year=min_year,
        max_year=max_year,
        kind=None,
        precision=precision,
        max_lines=max_lines,
        max_depth=3,
        max_children=max_children,
        max_total=max_total,
        flags={},
    )

    @st.composite
    def draw_broken(draw: DrawFn) -> tuple[DepartmentBudget, str]:
        rule = draw(st.sampled_from(wanted))
        breaker = BREAKERS[rule]
        shape = base.needs(*breaker.needs).without(*breaker.forbid)
        if breaker.kind is not None:
            shape = evolve(shape, kind=breaker.kind)
        return breaker.apply(draw, build_budget(draw, shape, exact=True)), rule

    return draw_broken()


st.register_type_strategy(DepartmentBudget, budgets())
st.register_type_strategy(Node, trees(max_lines=6).map(lambda roots: roots[0]))
