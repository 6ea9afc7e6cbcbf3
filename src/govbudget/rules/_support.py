"""Helpers for rule modules: stated values, sums, comparisons, percents and diagnoses.

Internal: rule modules use these so that every rule compares figures the same
way (rounding-aware, exact, on integers of fen) and explains itself the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import Final, Literal, TypeVar, cast

from attrs import evolve

from govbudget.figure import Figure, StatedPercent
from govbudget.model import DepartmentBudget, Project
from govbudget.money import Amount
from govbudget.paths import Kind, Slot, entries
from govbudget.precision import Precision
from govbudget.rounding import (
    Exact,
    Outcome,
    Stated,
    check_at_most,
    check_equal,
    check_ratio,
    check_total,
    decimal_fraction,
)
from govbudget.rules.base import (
    Diagnosis,
    Location,
    Observation,
    Record,
    Scale,
    Severity,
    observe,
)
from govbudget.tree import Node

Column = Literal["amount", "prior", "budget_initial", "budget_full_year"]

#: The columns a sum relation holds in, with their labels.
COLUMNS: Final[dict[Column, tuple[str, str]]] = {
    "amount": ("", ""),
    "prior": ("（上年）", " (prior year)"),
    "budget_initial": ("（年初预算数）", " (initial budget)"),
    "budget_full_year": ("（全年预算数）", " (full-year budget)"),
}


_COLUMN_OF: Final = {column: attrgetter(column) for column in COLUMNS}


def column_value(figure: Figure | None, column: Column = "amount") -> Amount | None:
    """The stated amount of ``figure`` in ``column``; a stated none (无) counts as zero."""
    if figure is None:
        return None
    if figure.none_stated and column == "amount":
        return Amount.from_fen(0)
    value: Amount | None = getattr(figure, column)
    return value


def carries_over(budget: DepartmentBudget) -> bool:
    """Whether the budget states money carried into or out of the year, used or distributed.

    Then the year's income and spending differ by it, and what holds without a
    carry-over (收入合计 = 支出合计; all spending is this year's appropriation) need not.
    """
    final = budget.final
    income = budget.income
    carried = [income.carryover, income.surplus_used] if income is not None else []
    if final is not None:
        carried += [final.carried_in, final.distribution, final.carried_out]
    return any(
        f is not None and not f.none_stated and any(getattr(f, column) for column in COLUMNS)
        for f in carried
    )


#: Whether the rules read each amount at the decimals it is written with (``Figure.written``)
#: rather than at the figure's precision: set by :func:`govbudget.validate` while it looks
#: again at its errors (see :func:`read_as_written`), never otherwise.
READ_AS_WRITTEN: Final[ContextVar[bool]] = ContextVar("READ_AS_WRITTEN", default=False)
#: Where :func:`stated` notes each figure column it read wider than the figure's precision
#: (``(id(figure), column)``) while :data:`READ_AS_WRITTEN` is set, when a list is given.
WIDENED: Final[ContextVar[list[tuple[int, str]] | None]] = ContextVar("WIDENED", default=None)


def stated(
    budget: DepartmentBudget, figure: Figure | None, column: Column = "amount"
) -> Stated | None:
    """The figure's amount in ``column`` with its rounding half-width, in fen."""
    value = column_value(figure, column)
    if value is None or figure is None:
        return None
    precision = budget.precision_of(figure)
    half = Fraction(0) if figure.none_stated else precision.half_width_fen
    if figure.written and READ_AS_WRITTEN.get():
        written = next((w.decimals for w in figure.written if w.column == column), None)
        if written is not None and not figure.none_stated:
            half = max(half, Precision(precision.unit, written).half_width_fen)
            widened = WIDENED.get()
            if widened is not None:
                widened.append((id(figure), column))
    return Stated(value.fen, half)


def money(budget: DepartmentBudget, figure: Figure | None = None) -> Scale:
    """The scale to show amounts of ``figure`` (or of the document) in."""
    precision = budget.precision if figure is None else budget.precision_of(figure)
    index = _INDEX.get()
    if index is None or index.budget is not budget:
        return Scale.money(precision)
    # Within validate(): one scale per precision (most figures share the document's).
    found = index.scales.get(id(precision))
    if found is None or found[0] is not precision:
        found = index.scales[id(precision)] = (precision, Scale.money(precision))
    return found[1]


def place(
    path: str, zh: str, en: str, figure: Figure | None = None, column: Column = "amount"
) -> Location:
    """A location, with the column's label and the figure's source."""
    suffix_zh, suffix_en = COLUMNS[column]
    suffix = "" if column == "amount" else f"#{column}"
    return Location(
        path + suffix, zh + suffix_zh, en + suffix_en, None if figure is None else figure.source
    )


#: A part of a sum: a node (named lazily by its label) or a (name, figure) pair.
Part = Node | tuple[str, Figure | None]


def _part_figure(part: Part) -> Figure | None:
    return part[1] if isinstance(part, tuple) else part


def _part_name(part: Part) -> str:
    return part[0] if isinstance(part, tuple) else part.label


def sum_relation(
    budget: DepartmentBudget,
    *,
    location: Location,
    total: Figure | None,
    parts: Sequence[Part],
    column: Column = "amount",
    partial: bool = False,
    formula: str | None = None,
) -> Observation | None:
    """``total = Σ parts`` in ``column``; ``None`` when there is nothing to compare.

    Parts that are not stated make the relation partial: then only
    ``Σ stated parts ≤ total`` can be checked. Each part is a node or a
    ``(name, figure)`` pair; names are only used to explain an inconsistency.
    """
    whole = stated(budget, total, column)
    if whole is None:
        return None
    value, spread, count = _parts_sum(parts, column, budget.precision.half_width_fen)
    if count == 0:
        return None
    return sum_observation(
        location,
        whole,
        value,
        spread,
        lambda: _known(budget, parts, column),
        money(budget, total),
        (("count", str(count)),),
        partial=partial or count < len(parts),
        formula=formula,
    )


def sum_observation(
    location: Location,
    whole: Stated,
    value: Exact,
    spread: Exact,
    named: Callable[[], Sequence[tuple[str, Stated]]],
    scale: Scale,
    params: tuple[tuple[str, str], ...],
    *,
    partial: bool = False,
    severity: Severity | None = None,
    formula: str | None = None,
) -> Observation:
    """``whole = Σ parts`` (``Σ parts ≤ whole`` when ``partial``) for parts whose stated
    values add up to ``value`` and their half-widths to ``spread``, wherever the figures
    come from (the model's figures, or table cells).

    ``named`` gives the parts, named, and is called only to explain an inconsistency (a
    part left out or counted twice, a unit slip, transposed digits; only a unit slip for a
    partial relation).
    """
    if partial:
        observation = _at_most(location, value, spread, whole, scale, dict(params), formula)
        if observation.outcome is Outcome.INCONSISTENT:
            slip = _unit_slip_in(whole, named(), scale)
            if slip is not None:
                observation = evolve(observation, diagnosis=slip)
        return observation if severity is None else evolve(observation, severity=severity)
    verdict = check_total(whole, value, spread)
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT:
        diagnosis = diagnose_sum(whole, named(), scale)
    return observe(verdict.outcome, location, verdict, scale, params, diagnosis, severity, formula)


def _parts_sum(
    parts: Sequence[Part], column: Column, default_half: Exact | None
) -> tuple[Exact, Exact, int]:
    """The stated parts' fen in ``column``, their half-widths (when ``default_half``, the
    document's, is given) and how many are stated: a part stated as none (无) counts as zero
    this year, a part with no figure in the column not at all. The one place
    :func:`sum_relation` and :func:`exact_sum` count a sum's parts."""
    # A hot loop: whole fen and half-widths added directly, without intermediate objects.
    value: Exact = 0
    spread: Exact = 0
    count = 0
    current = column == "amount"
    of_column = _COLUMN_OF[column]
    for part in parts:
        figure = part[1] if isinstance(part, tuple) else part
        if figure is None:
            continue
        if current and figure.none_stated:
            count += 1
            continue
        amount: Amount | None = of_column(figure)
        if amount is None:
            continue
        value += amount.fen
        if default_half is not None:
            precision = figure.precision
            spread += default_half if precision is None else precision.half_width_fen
        count += 1
    return value, spread, count


def _known(
    budget: DepartmentBudget, parts: Sequence[Part], column: Column
) -> list[tuple[str, Stated]]:
    return [
        (_part_name(p), s)
        for p in parts
        if (s := stated(budget, _part_figure(p), column)) is not None
    ]


def _unit_slip_in(
    whole: Stated, parts: Sequence[tuple[str, Stated]], scale: Scale
) -> Diagnosis | None:
    """One part written in 元 among 万元 (or the reverse): rescaling it makes the sum hold."""
    total = sum((Fraction(s.value) for _, s in parts), Fraction(0))
    spread = sum((Fraction(s.half) for _, s in parts), Fraction(0))
    factors = (
        (Fraction(1, 10_000), "元", "元 for 万元"),
        (Fraction(10_000), "万元", "万元 for 元"),
    )
    for name, part in parts:
        for factor, zh, en in factors:
            corrected = total - part.value + part.value * factor
            # Even for a partial (≤) relation the rescaled parts must meet the total:
            # shrinking any part would satisfy "≤" and prove nothing.
            fits = abs(corrected - whole.value) <= whole.half + spread
            if part.value and fits:
                return Diagnosis(
                    "unit_slip",
                    f"单位错位：“{name}”{scale.show(part.value)} 像是按{zh}填写的，换算后合计相符",
                    f"a unit slip: {name} ({scale.show(part.value)}) looks written in {en};"
                    " rescaled, the sum holds",
                )
    return None


def _at_most(
    location: Location,
    total: Exact,
    spread: Exact,
    whole: Stated,
    scale: Scale,
    params: dict[str, str],
    formula: str | None,
) -> Observation:
    verdict = check_at_most(whole, total, spread)
    return Observation(
        outcome=verdict.outcome,
        location=location,
        verdict=verdict,
        scale=scale,
        params={**params, "partial": "yes"},
        formula=formula,
    )


def at_most(
    budget: DepartmentBudget,
    *,
    location: Location,
    part: Figure | None,
    whole: Figure | None,
    column: Column = "amount",
    severity: Severity | None = None,
    formula: str | None = None,
) -> Observation | None:
    """``part ≤ whole`` in ``column``, rounding-aware."""
    small, big = stated(budget, part, column), stated(budget, whole, column)
    if small is None or big is None:
        return None
    observation = _at_most(
        location, small.value, small.half, big, money(budget, whole), {}, formula
    )
    return observation if severity is None else evolve(observation, severity=severity)


def exact_at_most(
    part: Figure | None, whole: Figure | None, column: Column = "amount"
) -> bool | None:
    """Whether :func:`at_most` of these figures would be exact (the part's stated value is at
    most the whole's), on integers of fen; ``None`` when it would have nothing to compare."""
    small, big = column_value(part, column), column_value(whole, column)
    if small is None or big is None:
        return None
    return small.fen <= big.fen


def equal_relation(
    budget: DepartmentBudget,
    *,
    location: Location,
    first: Figure | None,
    second: Figure | None,
    column: Column = "amount",
    severity: Severity | None = None,
    formula: str | None = None,
) -> Observation | None:
    """The same figure stated twice: both statements agree."""
    a, b = stated(budget, first, column), stated(budget, second, column)
    if a is None or b is None:
        return None
    return equal_observation(
        location, a, b, money(budget, first), (), severity=severity, formula=formula
    )


def equal_observation(
    location: Location,
    first: Stated,
    second: Stated,
    scale: Scale,
    params: tuple[tuple[str, str], ...],
    *,
    severity: Severity | None = None,
    formula: str | None = None,
) -> Observation:
    """Two statements of the same figure agree, wherever they come from (the model's figures,
    or table cells); a unit slip or transposed digits explain a difference where they can."""
    verdict = check_equal(first, second)
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT:
        diagnosis = diagnose_value(first.value, second.value, scale)
    return observe(verdict.outcome, location, verdict, scale, params, diagnosis, severity, formula)


def percent_observation(
    *,
    location: Location,
    percent: StatedPercent,
    computed: tuple[Exact, Exact, Exact],
    magnitude: bool,
    formula: str | None = None,
    alternatives: Sequence[tuple[Exact, Diagnosis]]
    | Callable[[], Sequence[tuple[Exact, Diagnosis]]] = (),
    params: dict[str, str] | None = None,
) -> Observation:
    """A stated percent checked against a computed point and range.

    ``alternatives`` are values that common publishing mistakes would give (or a function
    giving them, called only for an inconsistent percent); one the stated percent matches
    exactly becomes the diagnosis.
    """
    value = percent.value if magnitude else percent.signed
    verdict = check_ratio(value, computed, magnitude=magnitude)
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT:
        candidates = alternatives() if callable(alternatives) else alternatives
        diagnosis = diagnose_percent(value, percent.decimals, candidates, magnitude)
    return observe(
        verdict.outcome,
        location,
        verdict,
        Scale.percent(percent.decimals),
        tuple(params.items()) if params else (),
        diagnosis,
        None,
        formula,
    )


def diagnose_percent(
    value: Decimal,
    decimals: int,
    alternatives: Sequence[tuple[Exact, Diagnosis]],
    magnitude: bool,
) -> Diagnosis | None:
    """The first alternative the stated percent equals once rounded to its digits."""
    from govbudget.rounding import round_half_up

    stated_value = decimal_fraction(value)
    for candidate, diagnosis in alternatives:
        probe = -candidate if magnitude and candidate < 0 else candidate
        if round_half_up(probe, decimals) == stated_value:
            return diagnosis
    return None


def diagnose_value(stated_value: Exact, computed: Exact, scale: Scale) -> Diagnosis | None:
    """A unit slip (元 vs 万元) or two transposed digits explaining a wrong figure."""
    if stated_value and computed:
        for factor in (10_000, Fraction(1, 10_000)):
            if stated_value == computed * factor:
                return Diagnosis(
                    "unit_slip",
                    f"单位错位：{scale.show(stated_value)} 恰为 {scale.show(computed)} 的 {factor} 倍（元与万元混用）",
                    f"a unit slip: {scale.show(stated_value)} is exactly {factor} × "
                    f"{scale.show(computed)} (元 written for 万元 or the reverse)",
                )
    a, b = scale.show(stated_value), scale.show(computed)
    if len(a) == len(b) and a != b and not a.startswith("≈") and not b.startswith("≈"):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i, j = diffs
            if a[i] == b[j] and a[j] == b[i]:
                return Diagnosis(
                    "transposed_digits",
                    f"数字颠倒：{a} 与 {b} 只差相邻两位数字的顺序",
                    f"transposed digits: {a} and {b} differ only by two adjacent digits swapped",
                )
    return None


def diagnose_sum(
    whole: Stated, parts: Sequence[tuple[str, Stated]], scale: Scale
) -> Diagnosis | None:
    """A part left out of (or counted twice in) the total, a unit slip, or transposed digits."""
    total: Exact = sum((s.value for _, s in parts), 0)
    gap = total - whole.value
    # Counts are small integers: a gap equal to some part proves nothing there.
    candidates = () if scale.kind == "count" else parts
    for name, part in candidates:
        if part.value and gap == part.value:
            return Diagnosis(
                "part_left_out",
                f"合计漏计了“{name}”，或另一项已包含了它：差额 {scale.show(gap)} 恰等于该项",
                f"the total leaves out {name}, or another part already includes it: the gap "
                f"{scale.show(gap)} equals that part exactly",
            )
        if part.value and -gap == part.value:
            return Diagnosis(
                "part_counted_twice",
                f"合计多计了“{name}”：差额 {scale.show(-gap)} 恰等于该项",
                f"the total counts {name} twice: the gap {scale.show(-gap)} equals that part exactly",
            )
    return (
        _unit_slip_in(whole, parts, scale)
        or diagnose_value(whole.value, total, scale)
        or _transposed_part(whole, parts, scale, total)
    )


def _transposed_part(
    whole: Stated, parts: Sequence[tuple[str, Stated]], scale: Scale, total: Exact
) -> Diagnosis | None:
    """One part with two adjacent digits swapped ("169.5" for "196.5"): the only swap of any
    part's shown digits that makes the sum meet the total within rounding (asked only when
    the total's own digits swapped do not explain the gap)."""
    if scale.kind != "money" or scale.unit is None:
        return None
    spread = sum((s.half for _, s in parts), whole.half)
    fits: list[tuple[str, str, str]] = []
    for name, part in parts:
        shown = scale.show(part.value)
        if shown.startswith("≈"):
            continue
        for i in range(len(shown) - 1):
            a, b = shown[i], shown[i + 1]
            if a == b or not (a.isdigit() and b.isdigit()) or (i == 0 and b == "0"):
                continue
            swapped = f"{shown[:i]}{b}{a}{shown[i + 2 :]}"
            value = Fraction(Decimal(swapped)) * scale.unit.fen
            if abs(total - part.value + value - whole.value) <= spread:
                fits.append((name, shown, swapped))
    if len(fits) != 1:
        return None
    name, shown, swapped = fits[0]
    return Diagnosis(
        "transposed_digits",
        f"数字颠倒：“{name}”{shown} 若为 {swapped}（相邻两位数字互换），合计即相符",
        f"transposed digits: {name} {shown} read as {swapped} (two adjacent digits swapped)"
        " makes the sum hold",
    )


def sums_in_columns(
    budget: DepartmentBudget,
    *,
    path: str,
    zh: str,
    en: str,
    total: Figure | None,
    parts: Sequence[Part],
    partial: bool = False,
    formula: str | None = None,
) -> Iterator[Record]:
    """``total = Σ parts`` in every column where it is stated (current, prior, budgets); the
    exact ones deferred (:data:`~govbudget.rules.base.Deferred`).

    ``zh``/``en`` name the place; without a ``formula`` they state the relation
    instead, which then becomes the formula and the place is named from the path.
    """
    if total is None:
        return
    yield from sum_records(
        total, parts, partial, column_sum, budget, path, zh, en, total, parts, partial, formula
    )


def column_sum(
    budget: DepartmentBudget,
    path: str,
    zh: str,
    en: str,
    total: Figure,
    parts: Sequence[Part],
    partial: bool,
    formula: str | None,
    column: Column,
) -> Observation | None:
    """The observation of :func:`sums_in_columns` in one column."""
    if formula is None:
        formula = zh
        zh, en = place_names(path, zh, en)
    return sum_relation(
        budget,
        location=place(path, zh, en, total, column),
        total=total,
        parts=parts,
        column=column,
        partial=partial,
        formula=formula,
    )


def sum_records(
    total: Figure,
    parts: Sequence[Part],
    partial: bool,
    make: Callable[..., Observation | None],
    *arguments: object,
) -> Iterator[Record]:
    """For each column where ``total = Σ parts`` can be checked (as :func:`sum_relation`
    does), the observation ``make(*arguments, column)`` — deferred when the sum is exact, so
    that an exact sum costs its integer test alone."""
    for column in COLUMNS:
        exact = exact_sum(total, parts, column, partial)
        if exact is None:
            continue
        if exact:
            yield (make, *arguments, column)
            continue
        observation = make(*arguments, column)
        if observation is not None:
            yield observation


def exact_sum(
    total: Figure, parts: Sequence[Part], column: Column, partial: bool = False
) -> bool | None:
    """Whether :func:`sum_relation` of these figures would be exact (the parts' stated values
    add up to the total's, or stay within it for a partial relation), on integers of fen;
    ``None`` when it would have nothing to compare.

    >>> from govbudget.tree import Node
    >>> line = Node(code="201", name="一般公共服务支出", amount=Amount.from_fen(300), children=(
    ...     Node(code="20101", name="人大事务", amount=Amount.from_fen(100)),
    ...     Node(code="20102", name="政协事务", amount=Amount.from_fen(200))))
    >>> exact_sum(line, line.children, "amount"), exact_sum(line, line.children, "prior")
    (True, None)
    """
    whole = column_value(total, column)
    if whole is None:
        return None
    value, _, count = _parts_sum(parts, column, None)
    if count == 0:
        return None
    if partial or count < len(parts):
        return value <= whole.fen
    return value == whole.fen


def place_names(path: str, zh: str, en: str) -> tuple[str, str]:
    """The Chinese and English names of a fixed figure's place, from its path.

    >>> place_names("/appropriation/general_public/basic", "", "")
    ('一般公共预算财政拨款支出·基本支出', 'general public budget spending, basic')
    """
    from govbudget.rules._labels import LABELS, label

    keys = path.strip("/").split("/")
    if len(keys) == 2 and (keys[0], keys[1]) in LABELS:
        return label(keys[0], keys[1])
    if len(keys) == 3 and keys[0] == "appropriation" and (keys[0], keys[1]) in LABELS:
        fund_zh, fund_en = label("appropriation", keys[1])
        if keys[2] == "total":
            return fund_zh, fund_en
        part_zh, part_en = label("spending", keys[2])
        return f"{fund_zh}·{part_zh}", f"{fund_en}, {part_en}"
    return zh, en


class _Index:
    """What the rules of one :func:`govbudget.validate` call share about its budget."""

    __slots__ = ("budget", "memo", "scales")

    def __init__(self, budget: DepartmentBudget) -> None:
        self.budget = budget
        self.memo: dict[str, object] = {}
        # The scale of each precision, with the precision (which keeps its id its own).
        self.scales: dict[int, tuple[Precision, Scale]] = {}


_INDEX: Final[ContextVar[_Index | None]] = ContextVar("_INDEX", default=None)
_T = TypeVar("_T")


@contextmanager
def indexed(budget: DepartmentBudget) -> Iterator[None]:
    """While it lasts, the rules share one index of ``budget`` (set by ``validate()``)."""
    token = _INDEX.set(_Index(budget))
    try:
        yield
    finally:
        _INDEX.reset(token)


def memo(budget: DepartmentBudget, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, once per ``validate()`` of ``budget`` (every time outside one).

    ``key`` names what is computed; the value must depend on the budget only.
    """
    index = _INDEX.get()
    if index is None or index.budget is not budget:
        return compute()
    try:
        return cast(_T, index.memo[key])
    except KeyError:
        value = index.memo[key] = compute()
        return value


Named = tuple[str, str, str, Figure]

#: The fields of a figure besides its amount that rules look for (see :func:`figures_with`).
FIGURE_FIELDS: Final = (
    "prior",
    "change",
    "percent",
    "share",
    "share_of",
    "budget_initial",
    "budget_full_year",
    "completion",
    "budget_difference",
    "budget_change",
    "budget_percent",
)
_FIELDS_OF: Final = attrgetter(*FIGURE_FIELDS)


_NONE_OF_THEM: Final = (None,) * len(FIGURE_FIELDS)


def _has_fields(figure: Figure) -> bool:
    # Every figure and tree line of the budget passes here: one getter, one tuple compare.
    return _FIELDS_OF(figure) != _NONE_OF_THEM or bool(figure.restated)


def _present(figure: Figure, names: Sequence[str]) -> bool:
    return any(
        bool(figure.restated) if n == "restated" else getattr(figure, n) is not None for n in names
    )


def _by_field(budget: DepartmentBudget) -> list[Named]:
    return list(_figures(budget, _has_fields))


def figures_with(budget: DepartmentBudget, *names: str) -> tuple[Named, ...]:
    """The figures of :func:`figures` that state any of the fields ``names`` (``"percent"``,
    ``"restated"`` …), in the same order: lines that state none of them are not even named.

    Within ``validate()`` the budget's figures are walked once for every rule.
    """
    found = memo(budget, "figures_with", lambda: _by_field(budget))
    # Several rules ask for the same fields (YOY001 and EXE003 for "change" …): filtered once.
    return memo(budget, "figures_with " + " ".join(names), lambda: _filtered(found, names))


def _filtered(found: Sequence[Named], names: Sequence[str]) -> tuple[Named, ...]:
    """The figures of ``found`` that state any of the fields ``names``."""
    if tuple(names) == ("restated",):
        return tuple(item for item in found if item[3].restated)
    if "restated" in names:
        return tuple(item for item in found if _present(item[3], names))
    # One C-level getter for the fields: a figure states one when they are not all None.
    values = attrgetter(*names)
    if len(names) == 1:
        return tuple(item for item in found if values(item[3]) is not None)
    nothing = (None,) * len(names)
    return tuple(item for item in found if values(item[3]) != nothing)


def figures(budget: DepartmentBudget) -> Iterator[Named]:
    """Every stated figure of the budget with its path and names: (path, zh, en, figure)."""
    return _figures(budget, None)


def _figures(budget: DepartmentBudget, wanted: Callable[[Figure], bool] | None) -> Iterator[Named]:
    """The figures of :func:`figures`, only those ``wanted`` accepts (the others not named).

    The figures and their paths are :func:`govbudget.paths.entries`' (but a key project's
    funding and other figures); the names are the fields' labels (:mod:`._labels`).
    """
    names = _SLOT_NAMES
    for path, figure, slot, above in entries(budget, wanted, _NOT_NAMED):
        found = names.get(slot)
        if found is None:
            found = names[slot] = _slot_names(slot)
        zh, en, how = found
        if how == _FIXED:
            yield path, zh, en, figure
        elif how == _LINE:
            line = cast(Node, figure).label
            yield path, f"{zh} {line}", f"{en}, {line}", figure
        elif how == _PROJECT:
            name = cast(Project, above[-1]).name
            yield path, f"重点项目“{name}”", f"key project {name}", figure
        else:  # a statement's line, named by the lines down to it
            chain = " · ".join(n.label for n in (*above, figure) if isinstance(n, Node))
            yield path, chain, chain, figure


#: Where :func:`figures` does not look: a key project's funding and other figures.
_NOT_NAMED: Final = frozenset({"/projects/*/funding", "/projects/*/other_figures"})
#: How a slot's figures are named: by the slot, by it and the line's label, by the key
#: project, by the statement's lines.
_FIXED, _LINE, _PROJECT, _STATEMENT = range(4)
#: The names of each slot's figures (of a tree's lines, before the line's own label).
_SLOT_NAMES: Final[dict[Slot, tuple[str, str, int]]] = {}
#: Trees named otherwise than by their field's label.
_TREE_NAMES: Final = {"/income/lines": ("收入", "income"), "/assets/parts": ("资产", "assets")}


def _slot_names(slot: Slot) -> tuple[str, str, int]:
    """The Chinese and English names of the figures (or tree lines) in ``slot``, and how."""
    from govbudget.rules._labels import label

    if slot.kind is Kind.TREES:
        return "", "", _STATEMENT
    if slot.path == "/projects/*/amount":
        return "", "", _PROJECT
    if slot.kind is Kind.TREE:
        zh, en = _TREE_NAMES.get(slot.path) or label(*slot.path.strip("/").split("/")[:2])
        return zh, en, _LINE
    keys = slot.path.strip("/").split("/")
    if len(keys) == 1:
        return (*label(keys[0], ""), _FIXED)
    return (*place_names(slot.path, *label(keys[0], keys[-1])), _FIXED)


def figure_at(budget: DepartmentBudget, path: str) -> tuple[str, str, Figure] | None:
    """The figure at ``path`` with its names, or ``None`` when no figure is there."""
    return memo(budget, "figure_at", lambda: _paths(budget)).get(path)


def _paths(budget: DepartmentBudget) -> dict[str, tuple[str, str, Figure]]:
    found: dict[str, tuple[str, str, Figure]] = {}
    for path, zh, en, figure in figures(budget):
        found.setdefault(path, (zh, en, figure))
    return found
