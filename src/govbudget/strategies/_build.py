"""The generator behind :func:`govbudget.strategies.budgets` and its relatives.

Internal. A budget is built from exact values in fen, bottom-up where the
accounts add up (income sources → income → expenditure) and top-down where a
whole is split (expenditure → basic/project, → classification trees). Every
relation the checker knows is built in, not filtered for: a tree node *is* the
sum of its children, a 三公 part *is* the economic item that states the same
spending, 住房公积金 *fits* in 住房改革支出. A :class:`~._writing.Style` then
writes each figure down, exactly or rounded.

Every random choice of structure goes through :meth:`Builder.decide` with a
named token, so a caller can require a part (a breaker needs the thing it
breaks) or forbid it; :data:`TOKENS` lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias, TypedDict

from attrs import evolve, field, frozen
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.classification import CodeTable, Entry, economic_codes, function_codes
from govbudget.figure import Direction, Figure, Restatement, StatedChange, StatedPercent
from govbudget.model import (
    COMPARATOR_WORDS,
    Appropriation,
    Assets,
    Comparator,
    Count,
    DepartmentBudget,
    EconomicScheme,
    Expenditure,
    FinalAccounts,
    FundLine,
    Goal,
    GoalKind,
    Income,
    Indicator,
    IndicatorKind,
    Kind,
    Performance,
    PerformanceTable,
    PerformanceTableKind,
    Procurement,
    Project,
    ProjectCount,
    Spending,
    Staffing,
    StatedWeight,
    ThreePublic,
)
from govbudget.model import (
    Level as BudgetLevel,
)
from govbudget.money import Amount, Unit
from govbudget.precision import Precision
from govbudget.rounding import round_half_up
from govbudget.strategies import _vocabulary as vocab
from govbudget.strategies._writing import WORDS, Rounding, Style, largest_remainder, percent_text
from govbudget.tree import Node

__all__ = ["TOKENS", "Builder", "Shape", "Vec", "build_budget"]

#: Exact values of one figure in fen: amount, prior, budget_initial, budget_full_year.
Vec: TypeAlias = tuple[int, int, int, int]
ZERO: Final[Vec] = (0, 0, 0, 0)
AMOUNT, PRIOR, INITIAL, FULL = range(4)

#: Every decision token; ``require``/``forbid`` in :class:`Shape` name these.
TOKENS: Final = frozenset(
    {
        "prior_year",
        "final",
        "final.budget_columns",
        "carryover",
        "staffing",
        "income",
        "income.total",
        "income.grand_total",
        "income.appropriation",
        "income.funds",
        "income.other_funds",
        "income.other_sources",
        "income.lines",
        "income.carryover",
        "income.surplus_used",
        "expenditure",
        "expenditure.total",
        "expenditure.grand_total",
        "expenditure.split",
        "expenditure.basic_split",
        "expenditure.other_kinds",
        "expenditure.by_function",
        "expenditure.by_economic",
        "economic.government",
        "appropriation",
        "appropriation.total",
        "appropriation.grand_total",
        "appropriation.funds",
        "appropriation.split",
        "appropriation.by_function",
        "appropriation.by_economic",
        "all_appropriation",
        "three_public",
        "three_public.vehicles",
        "three_public.items",
        "operation",
        "procurement",
        "procurement.sme",
        "assets",
        "projects",
        "projects.funding",
        "projects.lines",
        "performance",
        "housing",
        "shares",
        "partial",
        "precision_override",
        "trees.nested",
        "statements",
        "final.budget_compared",
    }
)

_REQUIRED_KINDS: Final = (IndicatorKind.OUTPUT, IndicatorKind.EFFECT, IndicatorKind.SATISFACTION)
#: 三公 parts and the economic items stating the same spending (as the SG003 rule pairs them).
_THREE_PUBLIC_ITEMS: Final = (
    ("overseas", "30212"),
    ("reception", "30217"),
    ("vehicle_operation", "30231"),
    ("vehicle_purchase", "31013"),
)


def vadd(*vectors: Vec) -> Vec:
    """The column-wise sum of ``vectors``."""
    total = [0, 0, 0, 0]
    for vector in vectors:
        for i in range(4):
            total[i] += vector[i]
    return (total[0], total[1], total[2], total[3])


def vsub(a: Vec, b: Vec) -> Vec:
    """``a − b`` column by column."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3])


def _tokens(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


class Fields(TypedDict, total=False):
    """What :meth:`Builder.fields` states about an amount (keyword arguments of a Figure)."""

    amount: Amount
    prior: Amount
    change: StatedChange
    percent: StatedPercent
    budget_initial: Amount
    budget_full_year: Amount
    completion: StatedPercent
    budget_difference: Amount
    budget_change: StatedChange
    budget_percent: StatedPercent


@frozen(kw_only=True)
class Shape:
    """What to generate: the year range, kind, precision, sizes, and required or forbidden parts."""

    min_year: int = 2025
    max_year: int = 2030
    kind: Kind | None = None
    precision: Precision | None = None
    max_lines: int = 12
    max_depth: int = 3
    max_children: int = 4
    max_total: int = 10**11
    require: frozenset[str] = field(default=frozenset(), converter=_tokens)
    forbid: frozenset[str] = field(default=frozenset(), converter=_tokens)

    def needs(self, *tokens: str) -> Shape:
        """This shape with ``tokens`` required as well."""
        return evolve(self, require=self.require | set(tokens), forbid=self.forbid - set(tokens))

    def without(self, *tokens: str) -> Shape:
        """This shape with ``tokens`` forbidden as well."""
        return evolve(self, forbid=self.forbid | set(tokens), require=self.require - set(tokens))


@frozen
class Line:
    """A line of a tree before it has amounts: code (or none), name, children."""

    code: str | None
    name: str
    children: tuple[Line, ...] = ()
    partial: bool = False

    def has(self, code: str) -> bool:
        """Whether this line or one under it has ``code``."""
        return self.code == code or any(c.has(code) for c in self.children)


def _children(table: CodeTable) -> dict[str | None, tuple[Entry, ...]]:
    found: dict[str | None, list[Entry]] = {}
    for entry in table:
        found.setdefault(entry.parent, []).append(entry)
    return {parent: tuple(entries) for parent, entries in found.items()}


def _official_name(entry: Entry, year: int, short: bool) -> str:
    name = entry.name_in(year)
    # Disclosures often drop the trailing 支出 ("一般公共服务"); the checker reads both as official.
    if short and name.endswith("支出") and len(name) > 4:
        return name[:-2]
    return name


class Builder:
    """Draws one budget (or one tree) for a :class:`Shape`, written in a :class:`Style`."""

    def __init__(self, draw: DrawFn, shape: Shape, style: Style, year: int) -> None:
        self.draw = draw
        self.shape = shape
        self.style = style
        self.year = year
        self.columns: tuple[int, ...] = (AMOUNT,)
        self.forms: tuple[str, ...] = ("none",)
        self.items: dict[str, Vec] = {}  # exact values of economic items found by code

    # -- choices -------------------------------------------------------------------------

    def decide(self, token: str) -> bool:
        """A random yes/no for ``token`` unless the shape requires or forbids it."""
        assert token in TOKENS, token
        if token in self.shape.require:
            return True
        if token in self.shape.forbid:
            return False
        return self.draw(st.booleans())

    def number(self, high: int, *, low: int = 0) -> int:
        """A non-negative amount in fen, a multiple of the style's quantum."""
        q = self.style.quantum
        low_q = -(-low // q)
        return self.draw(st.integers(low_q, max(low_q, high // q))) * q

    @property
    def step(self) -> int:
        """One printed step of the document's precision in fen (at least one fen)."""
        step = self.style.precision.step_fen
        return max(step.numerator // step.denominator, 1)

    def significant(self, high: int) -> int:
        """Zero or at least one printed step: an amount whose being zero the reader can see."""
        if high < self.step or not self.draw(st.booleans()):
            return 0
        return self.number(high, low=self.step)

    def vec(self, high: int, *, significant: bool = False) -> Vec:
        """Exact values for the active columns."""
        if significant and not self.draw(st.booleans()):
            return ZERO  # a part a document would leave out altogether, in every column
        values = [0, 0, 0, 0]
        for column in self.columns:
            if significant and column == AMOUNT:
                values[column] = self.number(high, low=self.step)
            else:
                values[column] = self.number(high)
        return (values[0], values[1], values[2], values[3])

    def split(self, total: Vec, parts: int, *, floor: tuple[int, int] | None = None) -> list[Vec]:
        """``total`` split into ``parts`` non-negative vectors; ``floor`` = (index, least amount)."""
        assert parts >= 1
        q = self.style.quantum
        reserved = [0] * parts
        if floor is not None:
            reserved[floor[0]] = floor[1]
        columns: list[list[int]] = []
        for column in range(4):
            whole = total[column] - (sum(reserved) if column == AMOUNT else 0)
            if column not in self.columns or whole == 0 or parts == 1:
                columns.append([whole] + [0] * (parts - 1))
                continue
            units, rest = divmod(whole, q)
            cuts = sorted(self.draw(st.integers(0, units)) for _ in range(parts - 1))
            edges = [0, *cuts, units]
            values = [(edges[i + 1] - edges[i]) * q for i in range(parts)]
            values[-1] += rest
            columns.append(values)
        vectors = [
            (columns[0][i], columns[1][i], columns[2][i], columns[3][i]) for i in range(parts)
        ]
        return [
            (v[0] + reserved[i], v[1], v[2], v[3]) if reserved[i] else v
            for i, v in enumerate(vectors)
        ]

    # -- figures -----------------------------------------------------------------------

    def precision_override(self) -> Precision | None:
        """Sometimes a figure states its own, finer precision (元, or more decimals)."""
        if not self.decide("precision_override") or not self.draw(st.booleans()):
            return None
        document = self.style.precision
        finer = [
            p
            for p in (Precision(Unit.YUAN, 2), Precision(Unit.YUAN, 0), Precision(Unit.WAN, 4))
            if p != document and p.step_fen <= document.step_fen
        ]
        if not finer:
            return None
        return self.draw(st.sampled_from(finer))

    def figure(
        self,
        v: Vec,
        *,
        yoy: bool = True,
        share: StatedPercent | None = None,
        precision: Precision | None = None,
        note: bool = False,
        forms: Sequence[str] | None = None,
    ) -> Figure:
        """A figure stating the exact values ``v`` the way the style writes them."""
        return Figure(
            **self.fields(v, yoy=yoy, precision=precision, forms=forms),
            share=share,
            precision=precision,
            note=self.draw(st.sampled_from(vocab.NOTES)) if note else None,
        )

    def fields(
        self,
        v: Vec,
        *,
        yoy: bool = True,
        precision: Precision | None = None,
        forms: Sequence[str] | None = None,
    ) -> Fields:
        """Amount, prior, change, percent and the 决算 columns of ``v``."""
        style = self.style
        out: Fields = {"amount": style.amount(v[AMOUNT], precision)}
        if INITIAL in self.columns:
            out["budget_initial"] = style.amount(v[INITIAL], precision)
            out["budget_full_year"] = style.amount(v[FULL], precision)
            completion = self.completion(v, precision)
            if completion is not None:
                out["completion"] = completion
            if self.draw(st.booleans()):
                out["budget_difference"] = self.difference(v[AMOUNT], v[INITIAL], precision)
            if self.decide("final.budget_compared") and self.draw(st.booleans()):
                # "与年初预算相比减少 … 万元，下降 …%": the budget in place of the year before.
                # The budget is stated beside it: a percent only against a budget that
                # prints as more than zero.
                printed = self.style.amount(v[INITIAL], precision).fen
                forms = ("change", "change+percent") if printed > 0 else ("change",)
                compared = self.year_on_year(v[AMOUNT], v[INITIAL], precision, forms)
                if "change" in compared:
                    out["budget_change"] = compared["change"]
                if "percent" in compared:
                    out["budget_percent"] = compared["percent"]
        if PRIOR in self.columns and yoy:
            out.update(self.year_on_year(v[AMOUNT], v[PRIOR], precision, forms or self.forms))
        return out

    def completion(self, v: Vec, precision: Precision | None) -> StatedPercent | None:
        if v[FULL] == 0 or not self.draw(st.booleans()):
            return None
        full = self.style.amount(v[FULL], precision).fen
        if full == 0:
            return None
        decimals = self.draw(st.sampled_from((1, 2)))
        value = self.style.percent(Fraction(v[AMOUNT] * 100, v[FULL]), decimals)
        return StatedPercent(percent_text(value, decimals))

    def difference(self, final: int, initial: int, precision: Precision | None) -> Amount:
        """差值: the difference from the 年初预算数, without sign, rounded from the exact one
        or, as some publishers do, taken from the printed figures."""
        style = self.style
        if style.changes_from_printed:
            printed = style.amount(final, precision).fen - style.amount(initial, precision).fen
            return Amount.from_fen(abs(printed))
        return style.amount(abs(final - initial), precision)

    def year_on_year(
        self, current: int, prior: int, precision: Precision | None, forms: Sequence[str]
    ) -> Fields:
        """How a document states the prior year: the prior, a change, a percent, words."""
        form = self.draw(st.sampled_from(forms))
        if form == "none":
            return {}
        style = self.style
        printed_current = style.amount(current, precision).fen
        printed_prior = style.amount(prior, precision).fen
        state_prior = "prior" in form
        state_change = "change" in form
        state_percent = "percent" in form
        difference = current - prior
        if style.changes_from_printed:
            change_fen = printed_current - printed_prior
        else:
            change_fen = style.amount(difference, precision).fen
        out: Fields = {}
        if state_prior:
            out["prior"] = style.amount(prior, precision)
        base = printed_prior if state_prior else printed_current - change_fen
        percent: Fraction | None = None
        decimals = self.draw(st.sampled_from((1, 2, 1, 0)))
        if state_percent and prior > 0 and base > 0:
            percent = style.percent(Fraction(difference * 100, prior), decimals)
        worded = self.draw(st.booleans())
        direction = (
            Direction.UP if difference > 0 else Direction.DOWN if difference < 0 else Direction.FLAT
        )
        numbers = ([change_fen] if state_change else []) + (
            [percent] if percent is not None else []
        )
        if not style.exact and change_fen == 0 and all(n == 0 for n in numbers):
            direction = Direction.FLAT  # a change that prints as zero is written 持平
        words = self.draw(st.sampled_from(WORDS[direction]))
        if state_change:
            if worded:
                flat_alone = direction is Direction.FLAT and self.draw(st.booleans())
                value = None if flat_alone else Amount.from_fen(abs(change_fen))
                out["change"] = StatedChange(value, words[0])
            else:
                out["change"] = StatedChange(Amount.from_fen(change_fen))
        if percent is not None:
            if worded:
                out["percent"] = StatedPercent(percent_text(abs(percent), decimals), words[1])
            else:
                out["percent"] = StatedPercent(percent_text(percent, decimals))
        return out

    def shares(
        self, whole: int, parts: Sequence[int], *, complete: bool
    ) -> list[StatedPercent | None]:
        """Shares (占比) of ``parts`` in ``whole`` as the style writes them, or none."""
        nothing: list[StatedPercent | None] = [None] * len(parts)
        if not parts or whole <= 0 or not self.decide("shares"):
            return nothing
        if self.style.amount(whole).fen == 0:
            return nothing
        decimals = self.draw(st.sampled_from((1, 2, 0)))
        ratios = [Fraction(p * 100, whole) for p in parts]
        rounding = Rounding.HALF_UP
        if not self.style.exact:
            options = [Rounding.HALF_UP, Rounding.TRUNCATE]
            if complete and len(parts) > 1:
                options.append(Rounding.LARGEST_REMAINDER)
            rounding = self.draw(st.sampled_from(options))
        # Shares of the printed amounts, whose printed parts need not add up to the printed
        # whole: then their shares do not add up to 100% (SHR002 reports it).
        of_unequal_printed = False
        if rounding is Rounding.LARGEST_REMAINDER:
            values = largest_remainder(ratios, decimals)
        else:
            if self.style.shares_from_printed:
                printed = self.style.amount(whole).fen
                printed_parts = [self.style.amount(p).fen for p in parts]
                ratios = [Fraction(p * 100, printed) for p in printed_parts]
                of_unequal_printed = sum(printed_parts) != printed
            values = [self.style.percent(r, decimals, rounding) for r in ratios]
        # Shares adjusted to add up to 100% are all stated: the adjustment shows in their sum.
        adjusted = rounding is Rounding.LARGEST_REMAINDER
        chosen = [adjusted or self.draw(st.booleans()) for _ in parts]
        nonzero = [i for i, value in enumerate(values) if value]
        inexact = self.style.exact and sum(values) != 100
        if complete and len(parts) > 1 and of_unequal_printed and not nonzero:
            return nothing  # only zero shares, which a part stated as none (无) may drop
        if complete and len(parts) > 1 and (inexact or of_unequal_printed) and nonzero:
            # Half-up shares that do not add up to 100 exactly are within rounding, not
            # exact, and shares of printed parts that do not add up to the printed whole
            # are inconsistent: a budget that is to pass leaves one out — not a zero one,
            # which a part stated as none (无) drops anyway and which changes no sum.
            chosen[self.draw(st.sampled_from(nonzero))] = False
        return [
            StatedPercent(percent_text(value, decimals)) if keep else None
            for value, keep in zip(values, chosen, strict=True)
        ]

    # -- trees -------------------------------------------------------------------------

    def tree_lines(
        self,
        table: CodeTable,
        *,
        required: Sequence[str] = (),
        projects: Sequence[str] = (),
    ) -> tuple[Line, ...]:
        """The lines of one tree: real codes of ``table``, with ``required`` codes present."""
        shape = self.shape
        children = _children(table)
        keep: set[str] = set()
        for code in required:
            while code:
                keep.add(code)
                entry = table.lookup(code)
                code = entry.parent if entry is not None and entry.parent else ""
        if projects:
            keep.add("399")
        budget = [max(shape.max_lines, len(keep) + len(projects))]
        short = self.draw(st.booleans())

        def grow(parent: str | None, depth: int) -> tuple[Line, ...]:
            options = children.get(parent, ())
            if not options or depth > shape.max_depth:
                return ()
            wanted = {e.code for e in options if e.code in keep}
            limit = max(0, min(shape.max_children, budget[0] - len(wanted)))
            if parent is not None and not self.decide("trees.nested") and not wanted:
                limit = 0
            # A required nesting gives each class at least one line under it.
            least = (
                1 if parent is not None and depth == 2 and "trees.nested" in shape.require else 0
            )
            picked = self.draw(
                st.lists(
                    st.sampled_from(options),
                    unique_by=lambda e: e.code,
                    min_size=min(least, limit),
                    max_size=limit,
                )
                if limit and options
                else st.just([])
            )
            codes = wanted | {e.code for e in picked}
            if parent is None and not codes:
                codes = {
                    options[0].code if limit == 0 else self.draw(st.sampled_from(options)).code
                }
            lines = []
            for entry in options:
                if entry.code not in codes:
                    continue
                budget[0] -= 1
                below = grow(entry.code, depth + 1)
                if entry.code == "399" and projects:
                    below = below + tuple(Line(None, name) for name in projects)
                partial = bool(below) and self.decide("partial") and self.draw(st.booleans())
                lines.append(
                    Line(entry.code, _official_name(entry, self.year, short), below, partial)
                )
            return tuple(lines)

        return grow(None, 1)

    def fill(
        self,
        lines: Sequence[Line],
        total: Vec,
        *,
        floor: tuple[str, int] | None = None,
        record: bool = False,
        shares: bool = False,
    ) -> tuple[Node, ...]:
        """Nodes for ``lines`` whose amounts add up to ``total``, each parent the sum of its children.

        ``floor`` = (code, amount): the line with that code gets at least that amount.
        """
        index = None
        if floor is not None:
            index = next((i for i, line in enumerate(lines) if line.has(floor[0])), None)
        vectors = self.split(
            total, len(lines), floor=None if index is None or floor is None else (index, floor[1])
        )
        if shares:
            stated_shares = self.shares(total[AMOUNT], [v[AMOUNT] for v in vectors], complete=True)
        else:
            stated_shares = [None] * len(lines)
        return tuple(
            self.node(line, vector, share=share, floor=floor if i == index else None, record=record)
            for i, (line, vector, share) in enumerate(
                zip(lines, vectors, stated_shares, strict=True)
            )
        )

    def node(
        self,
        line: Line,
        v: Vec,
        *,
        share: StatedPercent | None = None,
        floor: tuple[str, int] | None = None,
        record: bool = False,
    ) -> Node:
        if record:
            self.items[line.code if line.code is not None else f"line:{line.name}"] = v
        children: tuple[Node, ...] = ()
        if line.children:
            below_floor = floor if floor is not None and floor[0] != line.code else None
            inner = v
            if line.partial and below_floor is None:
                inner = self.split(v, 2)[0]  # a 其中 list: the children name only part of it
            children = self.fill(
                line.children, inner, floor=below_floor, record=record, shares=not line.partial
            )
        return Node(
            code=line.code,
            name=line.name,
            children=children,
            partial=line.partial,
            share=share,
            **self.fields(v),
        )


#: How a figure with a prior year may be stated: which of prior, change and percent it shows.
FORMS: Final = (
    "none",
    "prior",
    "prior+change",
    "prior+change+percent",
    "prior+percent",
    "change+percent",
    "change",
)

PRECISIONS: Final = (
    Precision(Unit.WAN, 2),
    Precision(Unit.WAN, 2),
    Precision(Unit.WAN, 1),
    Precision(Unit.WAN, 4),
    Precision(Unit.YUAN, 2),
    Precision(Unit.YUAN, 0),
    Precision(Unit.QIAN_YUAN, 1),
    Precision(Unit.YI, 4),
)


@frozen
class _Accounts:
    """The exact money of a budget: where it comes from and where it goes."""

    general_public: Vec
    government_fund: Vec
    state_capital: Vec
    others: dict[str, Vec]
    lines: tuple[tuple[str, Vec], ...]
    carried_in: Vec  # 上年结转结余 / 年初结转和结余
    distribution: Vec
    carried_out: Vec
    expenditure: Vec
    surplus_used: Vec = ZERO  # 决算: 使用非财政拨款结余

    @property
    def appropriation(self) -> Vec:
        return vadd(self.general_public, self.government_fund, self.state_capital)

    @property
    def income(self) -> Vec:
        return vadd(self.appropriation, *self.others.values(), *(v for _, v in self.lines))

    @property
    def all_appropriation(self) -> bool:
        """All money spent is this year's appropriation (财政拨款), of whichever fund, in
        every column (a carry-over stated for the prior year only makes the prior year's
        支出总计 more than its spending)."""
        return (
            not any(any(v) for v in self.others.values())
            and not any(any(v) for _, v in self.lines)
            and not any(self.carried_in)
            and not any(self.distribution)
            and not any(self.carried_out)
            and not any(self.surplus_used)
        )

    @property
    def all_general_public(self) -> bool:
        """All money spent is this year's general public budget appropriation."""
        return (
            self.all_appropriation and not any(self.government_fund) and not any(self.state_capital)
        )


_OTHER_SOURCES: Final = ("business", "operating", "higher_subsidy", "affiliated", "other")


def _accounts(b: Builder, kind: Kind) -> _Accounts:
    third = b.shape.max_total // 4
    general_public = b.vec(third)
    funds = [
        b.vec(third // 4, significant=True) if b.decide("income.other_funds") else ZERO
        for _ in range(2)
    ]
    others = {
        name: b.vec(third // 4, significant=True)
        for name in _OTHER_SOURCES
        if b.decide("income.other_sources") and b.draw(st.booleans())
    }
    lines: tuple[tuple[str, Vec], ...] = ()
    if b.decide("income.lines"):
        names = b.draw(
            st.lists(st.sampled_from(vocab.INCOME_LINES), min_size=1, max_size=2, unique=True)
        )
        lines = tuple((name, b.vec(third // 8, significant=True)) for name in names)
    carry = b.decide("carryover")
    carried_in = b.vec(third // 4, significant=True) if carry else ZERO
    accounts = _Accounts(
        general_public, funds[0], funds[1], others, lines, carried_in, ZERO, ZERO, ZERO
    )
    if kind is Kind.BUDGET or not carry:
        return evolve(accounts, expenditure=vadd(accounts.income, carried_in))
    # Only a 决算 uses earlier years' non-appropriation balances (使用非财政拨款结余).
    if b.decide("income.surplus_used"):
        accounts = evolve(accounts, surplus_used=b.vec(third // 8, significant=True))
    available = vadd(accounts.income, accounts.surplus_used, carried_in)
    distribution = _below(b, available, significant=True)
    carried_out = _below(b, vsub(available, distribution), significant=True)
    spent = vsub(available, vadd(distribution, carried_out))
    return evolve(accounts, distribution=distribution, carried_out=carried_out, expenditure=spent)


def _below(b: Builder, ceiling: Vec, *, significant: bool = False, same: bool = False) -> Vec:
    """A vector at most ``ceiling`` in the amount column (in every column unless ``same``)."""
    values = list(ceiling)
    for column in b.columns:
        if column == AMOUNT and significant:
            values[column] = min(b.significant(ceiling[column]), ceiling[column])
        elif column == AMOUNT or not same:
            values[column] = b.number(ceiling[column])
    return (values[0], values[1], values[2], values[3])


def _none_or(
    b: Builder,
    v: Vec,
    *,
    share: StatedPercent | None = None,
    precision: Precision | None = None,
    forms: Sequence[str] | None = None,
) -> Figure:
    """A zero part is sometimes stated as none (无), never as a bare absence of a number."""
    if not any(v) and b.draw(st.booleans()):
        return Figure(none_stated=True)
    return b.figure(v, share=share, precision=precision, forms=forms)


_FUND_NAMES: Final = ("general_public", "government_fund", "state_capital")


def _income(b: Builder, acc: _Accounts) -> Income:
    state_total = b.decide("income.total")
    state_grand = b.decide("income.grand_total")
    if not state_total and not state_grand:
        state_total = True
    carry, used = acc.carried_in, acc.surplus_used
    whole = acc.income if state_total else vadd(acc.income, used, carry)
    state_appropriation = b.decide("income.appropriation")
    state_funds = b.decide("income.funds")
    funds = [
        (name, v)
        for name, v in zip(
            _FUND_NAMES, (acc.general_public, acc.government_fund, acc.state_capital), strict=True
        )
        if v[AMOUNT] or name == "general_public" or b.draw(st.booleans())
    ]
    # A carry-over explains why income and spending differ: a document with one states it.
    carry_stated = b.decide("income.carryover") or (
        "income.carryover" not in b.shape.forbid and any(carry)
    )
    # The sources a publisher lists as the breakdown of the whole (its shares add up to 100%).
    sources: list[tuple[str, Vec]] = []
    if state_appropriation:
        sources.append(("appropriation", acc.appropriation))
    elif state_funds:
        sources.extend(funds)
    sources.extend(acc.others.items())
    sources.extend((f"line:{name}", v) for name, v in acc.lines)
    # Balances used are always stated: nothing else tells a reader they were.
    used_stated = any(used)
    if used_stated and not state_total:
        sources.append(("surplus_used", used))
    if carry_stated and not state_total:
        sources.append(("carryover", carry))
    complete = (state_appropriation or state_funds) and (
        state_total or carry_stated or not carry[AMOUNT]
    )
    shares = dict(
        zip(
            [name for name, _ in sources],
            b.shares(whole[AMOUNT], [v[AMOUNT] for _, v in sources], complete=complete),
            strict=True,
        )
    )
    if state_appropriation and state_funds:
        # 其中 lines: each fund's share of the whole, beside the appropriation's own.
        shares.update(
            zip(
                [name for name, _ in funds],
                b.shares(whole[AMOUNT], [v[AMOUNT] for _, v in funds], complete=False),
                strict=True,
            )
        )
    figures: dict[str, Figure] = {}
    if state_appropriation:
        figures["appropriation"] = b.figure(acc.appropriation, share=shares.get("appropriation"))
    if state_funds:
        figures.update((name, _none_or(b, v, share=shares.get(name))) for name, v in funds)
    figures.update((name, _none_or(b, v, share=shares.get(name))) for name, v in acc.others.items())
    if carry_stated:
        figures["carryover"] = _carried(b, carry, share=shares.get("carryover"))
    if used_stated:
        figures["surplus_used"] = _carried(b, used, share=shares.get("surplus_used"))
    lines = tuple(
        b.node(Line(None, name, _income_children(b, name)), v, share=shares.get(f"line:{name}"))
        for name, v in acc.lines
    )
    return Income(
        total=b.figure(acc.income, note=True) if state_total else None,
        grand_total=b.figure(vadd(acc.income, used, carry)) if state_grand else None,
        lines=lines,
        **figures,
    )


def _income_children(b: Builder, name: str) -> tuple[Line, ...]:
    if not b.decide("trees.nested") or not b.draw(st.booleans()):
        return ()
    return (Line(None, f"{name}（本级）"), Line(None, f"{name}（上级）"))


#: The kinds of spending beside 基本支出 and 项目支出: 上缴上级, 经营, 对附属单位补助支出.
_OTHER_KINDS: Final = ("to_higher", "operating", "to_affiliated")


@frozen
class _Split:
    """Spending split into 基本支出 (personnel + public), 项目支出 and, for a unit that has
    them, the ``others`` kinds (in the order of ``_OTHER_KINDS``)."""

    total: Vec
    basic: Vec
    project: Vec
    personnel: Vec
    public: Vec
    others: tuple[Vec, ...] = ()


def _split(b: Builder, total: Vec, *, others: bool = False) -> _Split:
    if others:
        basic, project, *rest = b.split(total, 2 + len(_OTHER_KINDS))
    else:
        (basic, project), rest = b.split(total, 2), []
    personnel, public = b.split(basic, 2)
    return _Split(total, basic, project, personnel, public, tuple(rest))


def _spending_figures(
    b: Builder,
    split: _Split,
    *,
    kinds: bool,
    basic_parts: bool,
    total: bool = True,
    shares_of_total: bool = True,
) -> dict[str, Figure | None]:
    """The figures of a split, with shares of the kinds (basic, project …) in the total.

    The other kinds of a split that has them are stated with basic and project (a
    zero one sometimes as none): left out, basic + project would not make the total.
    """
    vectors = [split.basic, split.project, *split.others]
    shares: list[StatedPercent | None] = [None] * len(vectors)
    if kinds and shares_of_total:
        shares = b.shares(split.total[AMOUNT], [v[AMOUNT] for v in vectors], complete=True)
    figures: dict[str, Figure | None] = {
        "total": b.figure(split.total, note=True) if total else None,
        "basic": b.figure(split.basic, share=shares[0], note=True) if kinds else None,
        "project": b.figure(split.project, share=shares[1], note=True) if kinds else None,
        "personnel": b.figure(split.personnel) if kinds and basic_parts else None,
        "public": b.figure(split.public) if kinds and basic_parts else None,
    }
    if split.others:
        for name, v, share in zip(_OTHER_KINDS, split.others, shares[2:], strict=True):
            figures[name] = _none_or(b, v, share=share) if kinds else None
    return figures


@frozen
class _Parts:
    """What the expenditure section put down that later sections refer to."""

    expenditure: Expenditure | None
    split: _Split
    scheme: EconomicScheme


def _expenditure(b: Builder, acc: _Accounts, kind: Kind, projects: Sequence[str]) -> _Parts:
    # A public institution (事业单位) with income beside appropriations may also spend on the
    # other kinds; appropriations fund 基本支出 and 项目支出 only.
    others = not acc.all_appropriation and b.decide("expenditure.other_kinds")
    split = _split(b, acc.expenditure, others=others)
    government = b.decide("economic.government")
    scheme = EconomicScheme.GOVERNMENT if government else EconomicScheme.DEPARTMENT
    if not b.decide("expenditure"):
        return _Parts(None, split, scheme)
    state_total = b.decide("expenditure.total")
    grand = vadd(acc.expenditure, acc.distribution, acc.carried_out)
    state_grand = b.decide("expenditure.grand_total")
    if not state_total and not state_grand:
        state_total = True
    # The whole the classification trees and shares are checked against.
    whole_is_spending = state_total or not (acc.carried_out[AMOUNT] or acc.distribution[AMOUNT])
    figures = _spending_figures(
        b,
        split,
        kinds=b.decide("expenditure.split"),
        basic_parts=b.decide("expenditure.basic_split"),
        total=state_total,
        shares_of_total=whole_is_spending,
    )
    required: list[str] = []
    if not government:
        if b.decide("three_public.items"):
            codes = [code for _, code in _THREE_PUBLIC_ITEMS]
            required.extend(b.draw(st.lists(st.sampled_from(codes), min_size=1, unique=True)))
        if b.decide("housing"):
            required.append("30113")
        if b.decide("operation") and b.draw(st.booleans()):
            required.append("302")
    economic: tuple[Node, ...] = ()
    if b.decide("expenditure.by_economic") or projects or required:
        table = economic_codes(b.year, kind=scheme)
        lines = b.tree_lines(table, required=required, projects=projects if not government else ())
        economic = b.fill(lines, acc.expenditure, record=True, shares=whole_is_spending)
    function: tuple[Node, ...] = ()
    if b.decide("expenditure.by_function") or "30113" in b.items:
        table = function_codes(b.year)
        housing = ["22102" if b.draw(st.booleans()) else "221"] if "30113" in b.items else []
        lines = b.tree_lines(table, required=housing)
        floor = None
        if housing:
            target = "22102" if any(line.has("22102") for line in lines) else "221"
            floor = (target, b.items["30113"][AMOUNT])
        function = b.fill(lines, acc.expenditure, floor=floor, shares=whole_is_spending)
    expenditure = Expenditure(
        grand_total=b.figure(grand) if state_grand else None,
        by_function=function,
        by_economic=economic,
        economic_scheme=scheme,
        function_partial=False,  # every class is listed
        economic_partial=False,
        **figures,
    )
    return _Parts(expenditure, split, scheme)


def _appropriation(b: Builder, acc: _Accounts, parts: _Parts) -> Appropriation | None:
    if not b.decide("appropriation"):
        return None
    mirror = acc.all_general_public
    spending = parts.expenditure
    funds: dict[str, _Split] = {}
    for name, v in zip(
        _FUND_NAMES, (acc.general_public, acc.government_fund, acc.state_capital), strict=True
    ):
        if name == "general_public" and mirror:
            funds[name] = parts.split
        elif v[AMOUNT] or name == "general_public":
            funds[name] = _split(b, v)
    blocks: dict[str, Spending | None] = {}
    kinds = b.decide("appropriation.split")
    basic_parts = b.decide("expenditure.basic_split")
    if b.decide("appropriation.total"):

        def summed(part: str) -> Vec:
            return vadd(*(getattr(f, part) for f in funds.values()))

        total = _Split(
            summed("total"),
            summed("basic"),
            summed("project"),
            summed("personnel"),
            summed("public"),
        )
        figures = _spending_figures(
            b, total, kinds=kinds, basic_parts=basic_parts, shares_of_total=False
        )
        blocks["total"] = Spending(**figures)
    if b.decide("appropriation.funds") or "total" not in blocks:
        for name, split in funds.items():
            if (
                name == "general_public"
                and mirror
                and spending is not None
                and b.draw(st.booleans())
            ):
                fresh = _spending_figures(
                    b, split, kinds=kinds, basic_parts=basic_parts, shares_of_total=False
                )
                blocks[name] = _mirror(spending, fresh)
            else:
                figures = _spending_figures(
                    b, split, kinds=kinds, basic_parts=basic_parts, shares_of_total=False
                )
                blocks[name] = Spending(**figures)
    by_function: tuple[Node, ...] = ()
    by_economic: tuple[Node, ...] = ()
    general = funds["general_public"]
    if "general_public" in blocks and b.decide("appropriation.by_function"):
        by_function = b.fill(b.tree_lines(function_codes(b.year)), general.total)
    if "general_public" in blocks and b.decide("appropriation.by_economic"):
        table = economic_codes(b.year, kind=parts.scheme)
        by_economic = b.fill(b.tree_lines(table), general.basic)
    # 财政拨款收入支出总计: this year's appropriations (the strategies carry none over).
    grand_total = b.figure(acc.appropriation) if b.decide("appropriation.grand_total") else None
    return Appropriation(
        grand_total=grand_total,
        by_function=by_function,
        by_economic=by_economic,
        function_partial=False,  # every class is listed
        economic_partial=False,
        **blocks,
    )


def _mirror(spending: Expenditure, fresh: dict[str, Figure | None]) -> Spending:
    """The general public block stating the expenditure section's own figures (``fresh``
    ones for what that section leaves out)."""

    def copy(name: str, figure: Figure | None) -> Figure | None:
        return fresh[name] if figure is None else evolve(figure, share=None)

    return Spending(
        total=copy("total", spending.total or spending.grand_total),
        basic=copy("basic", spending.basic),
        project=copy("project", spending.project),
        personnel=copy("personnel", spending.personnel),
        public=copy("public", spending.public),
    )


def _three_public(b: Builder, acc: _Accounts, parts: _Parts, certain: bool) -> ThreePublic | None:
    if not b.decide("three_public"):
        return None
    small = max(b.shape.max_total // 200, 1)
    values: dict[str, Vec] = {}
    for name, code in _THREE_PUBLIC_ITEMS:
        item = b.items.get(code) if parts.expenditure is not None else None
        if item is None:
            values[name] = b.vec(small)
        elif certain:
            values[name] = item  # all spending is appropriation: the same money
        else:
            values[name] = _below(b, item, same=True)
    vehicles = vadd(values["vehicle_purchase"], values["vehicle_operation"])
    total = vadd(values["overseas"], values["reception"], vehicles)
    precision = b.precision_override()
    state_vehicles = b.decide("three_public.vehicles")
    counts = tuple(
        Count(name=name, value=b.draw(st.integers(0, 30)), unit=unit)
        for name, unit in vocab.THREE_PUBLIC_COUNTS
        if b.draw(st.booleans())
    )
    return ThreePublic(
        total=b.figure(total, precision=precision, note=True),
        overseas=_none_or(b, values["overseas"], precision=precision),
        reception=_none_or(b, values["reception"], precision=precision),
        vehicles=b.figure(vehicles, precision=precision) if state_vehicles else None,
        vehicle_purchase=_none_or(b, values["vehicle_purchase"], precision=precision),
        vehicle_operation=_none_or(b, values["vehicle_operation"], precision=precision),
        counts=counts,
    )


def _operation(b: Builder, parts: _Parts) -> Figure | None:
    if not b.decide("operation"):
        return None
    spending = parts.expenditure
    ceiling: Vec | None = None
    if spending is not None and spending.public is not None:
        ceiling = parts.split.public
    elif spending is not None and "302" in b.items:
        ceiling = b.items["302"]
    value = b.vec(b.shape.max_total // 50) if ceiling is None else _below(b, ceiling, same=False)
    return b.figure(value, precision=b.precision_override(), note=True)


def _procurement(b: Builder) -> Procurement | None:
    if not b.decide("procurement"):
        return None
    high = b.shape.max_total // 20
    kinds = [b.vec(high, significant=True) for _ in range(3)]
    total = vadd(*kinds)
    shares = b.shares(total[AMOUNT], [v[AMOUNT] for v in kinds], complete=True)
    sme = _below(b, total) if b.decide("procurement.sme") else None
    sme_share = None
    if sme is not None:
        (sme_share,) = b.shares(total[AMOUNT], [sme[AMOUNT]], complete=False)
    stated = [
        _none_or(b, v, share=share) if b.draw(st.booleans()) or v[AMOUNT] else None
        for v, share in zip(kinds, shares, strict=True)
    ]
    return Procurement(
        total=b.figure(total),
        goods=stated[0],
        works=stated[1],
        services=stated[2],
        sme=None if sme is None else b.figure(sme, share=sme_share),
    )


def _assets(b: Builder) -> Assets | None:
    if not b.decide("assets"):
        return None
    names = b.draw(
        st.lists(st.sampled_from(vocab.ASSET_PARTS), min_size=1, max_size=4, unique=True)
    )
    lines = []
    for name in vocab.ASSET_PARTS:
        if name not in names:
            continue
        children: tuple[Line, ...] = ()
        if name == "固定资产" and b.decide("trees.nested") and b.draw(st.booleans()):
            picked = b.draw(
                st.lists(
                    st.sampled_from(vocab.FIXED_ASSET_PARTS), min_size=2, max_size=4, unique=True
                )
            )
            children = tuple(Line(None, n) for n in vocab.FIXED_ASSET_PARTS if n in picked)
        lines.append(Line(None, name, children))
    total = b.vec(b.shape.max_total // 4)
    counts: tuple[Count, ...] = ()
    if b.draw(st.booleans()):
        counts = (Count(name="车辆", value=b.draw(st.integers(0, 20)), unit="辆"),)
    return Assets(
        total=b.figure(total, note=True),
        parts=b.fill(lines, total, shares=True),
        as_of=f"{b.year - 1}年12月31日" if b.draw(st.booleans()) else None,
        counts=counts,
    )


def _statements(b: Builder) -> tuple[Node, ...]:
    """Figures a narrative states that no field holds: lines by label, some with their parts,
    some stated twice, some with a share of another (占 … 的 P%)."""
    if not b.decide("statements"):
        return ()
    names = b.draw(st.lists(st.sampled_from(vocab.STATEMENTS), min_size=1, max_size=3, unique=True))
    found: list[Node] = []
    totals: list[Vec] = []
    for name in names:
        parts: tuple[Line, ...] = ()
        if b.draw(st.booleans()):
            picked = b.draw(
                st.lists(
                    st.sampled_from(vocab.STATEMENT_PARTS), min_size=2, max_size=3, unique=True
                )
            )
            parts = tuple(Line(None, n) for n in vocab.STATEMENT_PARTS if n in picked)
        total = b.vec(b.shape.max_total // 10)
        (node,) = b.fill((Line(None, name, parts),), total)
        if node.amount is not None and b.draw(st.booleans()):
            node = evolve(node, restated=(Restatement(node.amount),))
        found.append(node)
        totals.append(total)
    if len(found) > 1 and totals[0][AMOUNT] > 0 and b.draw(st.booleans()):
        (share,) = b.shares(totals[0][AMOUNT], [totals[1][AMOUNT]], complete=False)
        if share is not None:
            found[1] = evolve(found[1], share=share, share_of=f"/statements/0/{found[0].key}")
    return tuple(found)


def _staffing(b: Builder) -> Staffing | None:
    if not b.decide("staffing"):
        return None

    def counts(options: Sequence[tuple[str, str]], most: int) -> tuple[Count, ...]:
        picked = b.draw(st.lists(st.sampled_from(options), max_size=most, unique=True))
        return tuple(
            Count(name=name, value=b.draw(st.integers(0, 200)), unit=unit) for name, unit in picked
        )

    in_service = counts(vocab.STAFF_IN_SERVICE, 4)
    retired = counts(vocab.STAFF_RETIRED, 2)
    total = sum(c.value for c in in_service)
    return Staffing(
        establishment=b.draw(st.none() | st.integers(total, total + 20)),
        in_service=total if bool(in_service) or b.draw(st.booleans()) else None,
        in_service_parts=in_service,
        retired=sum(c.value for c in retired) if bool(retired) or b.draw(st.booleans()) else None,
        retired_parts=retired,
    )


def _indicator(b: Builder, kind: IndicatorKind) -> Indicator:
    name, unit, rate = b.draw(st.sampled_from(vocab.INDICATORS[kind]))
    if rate:
        comparator = b.draw(st.sampled_from(("不低于", "达到", "≥", "大于", "不高于", None)))
        ceiling = 99 if comparator == "大于" else 100
        target = Decimal(b.draw(st.integers(0, ceiling)))
        if comparator is not None and COMPARATOR_WORDS[comparator] is Comparator.LT:
            target = max(target, Decimal(1))
    else:
        comparator = b.draw(st.sampled_from(("大于", "不少于", "达到", None)))
        target = Decimal(b.draw(st.integers(1, 5000)))
    if b.draw(st.booleans()) and not rate:
        target = target / 2  # targets can have decimals (2.5 天)
    return Indicator(
        kind=kind,
        name=name,
        comparator=comparator,
        target=target,
        unit=unit,
        basis=b.draw(st.sampled_from(vocab.BASES)),
    )


def _goal(b: Builder, kind: GoalKind, number: int | None) -> Goal:
    kinds = list(_REQUIRED_KINDS)
    if b.draw(st.booleans()):
        kinds.append(IndicatorKind.COST)
    extra = b.draw(st.lists(st.sampled_from(list(IndicatorKind)), max_size=2))
    indicators = tuple(
        _indicator(b, k) for k in sorted(kinds + extra, key=list(IndicatorKind).index)
    )
    return Goal(
        kind=kind,
        name=b.draw(st.none() | st.sampled_from(vocab.GOALS)),
        number=number,
        indicators=indicators,
    )


def _rate(executed: int, budget: int) -> StatedPercent | None:
    """The 执行率 as a table prints it: executed ÷ budget, rounded half up to 0.01%."""
    if budget == 0:
        return None
    rate = round_half_up(Fraction(executed * 100, budget), 2)
    return StatedPercent(Decimal(rate.numerator) / Decimal(rate.denominator))


def _fund_lines(b: Builder) -> tuple[FundLine, ...]:
    """A total with its parts (其中 …), every column adding up, each with its 执行率."""
    names = b.draw(
        st.lists(
            st.sampled_from(("财政资金", "财政专户管理资金", "单位资金", "其他资金")),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    # amounts as the table prints them: whole printed steps, so each is exactly what it says
    steps = b.shape.max_total // 20 // b.step

    def printed(most: int) -> int:
        return b.draw(st.integers(0, max(most, 0))) * b.step

    parts: list[tuple[str, int, int, int]] = []
    for name in names:
        initial, full_year = printed(steps), printed(steps)
        parts.append((name, initial, full_year, printed(full_year // b.step)))
    total = (
        sum(p[1] for p in parts),
        sum(p[2] for p in parts),
        sum(p[3] for p in parts),
    )
    weight = Decimal(b.draw(st.integers(5, 20)))
    lines = [
        FundLine(
            name="总额",
            initial=Amount.from_fen(total[0]),
            full_year=Amount.from_fen(total[1]),
            executed=Amount.from_fen(total[2]),
            rate=_rate(total[2], total[1]),
            weight=weight,
            score=Decimal(b.draw(st.integers(0, int(weight)))),
        )
    ]
    lines += [
        FundLine(
            name=("其中：" if i == 0 else "") + name,
            part=True,
            initial=Amount.from_fen(initial),
            full_year=Amount.from_fen(full_year),
            executed=Amount.from_fen(executed),
            rate=_rate(executed, full_year),
        )
        for i, (name, initial, full_year, executed) in enumerate(parts)
    ]
    return tuple(lines)


def _performance_table(b: Builder) -> PerformanceTable:
    """A self-evaluation whose weights, scores, rates and funds all add up."""
    funds = _fund_lines(b)
    funds_weight = funds[0].weight
    assert funds_weight is not None
    kinds = (IndicatorKind.OUTPUT, IndicatorKind.EFFECT, IndicatorKind.SATISFACTION)
    indicators: list[Indicator] = []
    weights: list[StatedWeight] = []
    for kind in kinds:
        group = [
            evolve(_indicator(b, kind), weight=Decimal(b.draw(st.integers(1, 30))))
            for _ in range(b.draw(st.integers(1, 3)))
        ]
        group = [
            evolve(i, score=Decimal(b.draw(st.integers(0, int(i.weight or 0))))) for i in group
        ]
        indicators += group
        name = {IndicatorKind.OUTPUT: "产出指标", IndicatorKind.EFFECT: "效益指标"}.get(
            kind, "满意度指标"
        )
        weights.append(
            StatedWeight(
                name=name,
                part=kind.value,
                weight=sum((i.weight or Decimal(0) for i in group), Decimal(0)),
            )
        )
    indicators_weight = sum((w.weight for w in weights), Decimal(0))
    weights = [
        StatedWeight(name="预算执行情况", part="funds", weight=funds_weight),
        StatedWeight(name="绩效指标", part="indicators", weight=indicators_weight),
        *weights,
    ]
    scores = sum((i.score or Decimal(0) for i in indicators), funds[0].score or Decimal(0))
    return PerformanceTable(
        kind=PerformanceTableKind.SELF_EVALUATION,
        title="项目支出绩效自评表",
        project=b.draw(st.sampled_from(vocab.GOALS)),
        funds=funds,
        indicators=indicators,
        weights=weights,
        total_weight=funds_weight + indicators_weight,
        total_score=scores,
        complete=True,
    )


def _project_count(b: Builder) -> ProjectCount:
    initial, added = b.draw(st.integers(0, 30)), b.draw(st.integers(0, 30))
    return ProjectCount(total=initial + added, initial=initial, added=added)


def _performance(b: Builder) -> Performance | None:
    if not b.decide("performance"):
        return None
    long_term = tuple(_goal(b, GoalKind.LONG_TERM, i + 1) for i in range(b.draw(st.integers(0, 2))))
    annual = tuple(_goal(b, GoalKind.ANNUAL, i + 1) for i in range(b.draw(st.integers(1, 3))))
    tables = tuple(_performance_table(b) for _ in range(b.draw(st.integers(0, 2))))
    counts = (_project_count(b),) if b.draw(st.booleans()) else ()
    return Performance(
        overall=b.draw(st.none() | st.sampled_from(vocab.GOALS)),
        long_term=long_term,
        annual=annual,
        tables=tables,
        project_counts=counts,
    )


def _projects(b: Builder, names: Sequence[str], in_tree: bool) -> tuple[Project, ...]:
    projects = []
    for name in names:
        line = b.items.get(f"line:{name}") if in_tree else None
        value = line if line is not None else b.vec(b.shape.max_total // 20)
        amount = b.figure(value, note=True)
        funding: tuple[Node, ...] = ()
        if b.decide("projects.funding"):
            sources = b.draw(
                st.lists(st.sampled_from(vocab.FUNDING), min_size=1, max_size=3, unique=True)
            )
            pieces = b.split(value, len(sources) + 1)
            funding = tuple(
                Node(name=source, **b.fields(piece, yoy=False))
                for source, piece in zip(sources, pieces, strict=False)
            )
        goals = (_goal(b, GoalKind.PROJECT, None),) if b.decide("performance") else ()
        projects.append(
            Project(
                name=name,
                amount=amount,
                funding=funding,
                description=b.draw(st.none() | st.just(f"用于{name}")),
                goals=goals,
            )
        )
    return tuple(projects)


def _carried(b: Builder, v: Vec, *, share: StatedPercent | None = None) -> Figure:
    """A carry-over states the prior year where the document has one: it explains the
    difference between the two years' income and spending too."""
    return _none_or(b, v, share=share, forms=("prior", "prior+change", "prior+change+percent"))


def _final(b: Builder, acc: _Accounts) -> FinalAccounts:
    distributed = any(acc.distribution) or b.draw(st.booleans())
    return FinalAccounts(
        carried_in=_carried(b, acc.carried_in),
        distribution=_carried(b, acc.distribution) if distributed else None,
        carried_out=_carried(b, acc.carried_out),
    )


def _department(b: Builder) -> tuple[str, str | None]:
    region = b.draw(st.sampled_from(vocab.REGIONS))
    agency = b.draw(st.sampled_from(vocab.AGENCIES))
    return f"{region}{agency}", region if b.draw(st.booleans()) else None


def build_budget(draw: DrawFn, shape: Shape, *, exact: bool) -> DepartmentBudget:
    """One budget of ``shape``: exact (every rule holds exactly) or as published (rounded)."""
    year = draw(st.integers(shape.min_year, shape.max_year))
    if shape.kind is not None:
        kind = shape.kind
    elif "final" in shape.require or "final" in shape.forbid:
        kind = Kind.FINAL if "final" in shape.require else Kind.BUDGET
    else:
        kind = draw(st.sampled_from(Kind))
    precision = shape.precision or draw(st.sampled_from(PRECISIONS))
    style = Style(precision)
    if not exact:
        style = Style(
            precision,
            exact=False,
            percents=draw(st.sampled_from((Rounding.HALF_UP, Rounding.TRUNCATE))),
            changes_from_printed=draw(st.booleans()),
            shares_from_printed=draw(st.booleans()),
        )
    b = Builder(draw, shape, style, year)
    if b.decide("all_appropriation"):
        b = Builder(
            draw,
            shape.needs("income", "income.appropriation").without(
                "income.other_funds", "income.other_sources", "income.lines", "carryover"
            ),
            style,
            year,
        )
    columns = [AMOUNT]
    if b.decide("prior_year"):
        columns.append(PRIOR)
    if kind is Kind.FINAL and b.decide("final.budget_columns"):
        columns.extend((INITIAL, FULL))
    b.columns = tuple(columns)
    b.forms = FORMS if PRIOR in b.columns else ("none",)
    acc = _accounts(b, kind)
    names: list[str] = []
    if b.decide("projects"):
        names = b.draw(
            st.lists(st.sampled_from(vocab.PROJECTS), min_size=1, max_size=3, unique=True)
        )
    in_tree = bool(names) and b.decide("projects.lines")
    parts = _expenditure(b, acc, kind, names if in_tree else ())
    income = _income(b, acc) if b.decide("income") else None
    certain = (
        acc.all_appropriation
        and income is not None
        and income.appropriation is not None
        and parts.expenditure is not None
    )
    department, region = _department(b)
    return DepartmentBudget(
        department=department,
        year=year,
        kind=kind,
        level=draw(st.sampled_from(BudgetLevel)),
        region=region,
        precision=precision,
        staffing=_staffing(b),
        income=income,
        expenditure=parts.expenditure,
        appropriation=_appropriation(b, acc, parts),
        institutional_operation=_operation(b, parts),
        three_public=_three_public(b, acc, parts, certain),
        procurement=_procurement(b),
        assets=_assets(b),
        projects=_projects(b, names, in_tree),
        performance=_performance(b),
        final=_final(b, acc) if kind is Kind.FINAL else None,
        statements=_statements(b),
    )
