"""Breakers: for each rule, how to break it in an exact budget by more than rounding allows.

Internal to :mod:`govbudget.strategies`. A :class:`Breaker` names the parts the
budget must have (tokens of :data:`~._build.TOKENS`) and edits an exact budget
the way real documents go wrong: a changed figure (a total that does not add
up, a part counted twice), a dropped indicator, a wrong percent, a flipped
direction word, a misplaced code. The change is always many last places
(at least :data:`LEAST_STEPS`), far beyond what rounding allows for any
relation the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias, TypedDict

from attrs import evolve, frozen
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govbudget.classification import Tree, table_for
from govbudget.figure import Figure, Restatement, StatedChange, StatedPercent
from govbudget.model import (
    Count,
    DepartmentBudget,
    FundLine,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    Kind,
    Performance,
    PerformanceTable,
    PerformanceTableKind,
    Procurement,
    ProjectCount,
    Staffing,
    StatedWeight,
    ThreePublic,
)
from govbudget.money import Amount, wan
from govbudget.paths import Place, entries, replace
from govbudget.paths import replaced_at as put
from govbudget.paths import value_at as get
from govbudget.rules._facts import SPENDING_KINDS
from govbudget.strategies._writing import percent_text, quantum
from govbudget.table import Column as TableColumn
from govbudget.table import Row, Table, TableKind
from govbudget.tree import Node, find
from govbudget.wording import Wording, WordingKind

__all__ = ["BREAKERS", "LEAST_STEPS", "Breaker", "Place", "get", "put", "slots"]

#: The smallest change a breaker makes, in last places of the document's precision: far
#: more than the (n + 1) half-widths rounding allows a sum of n parts of any generated budget.
LEAST_STEPS: Final = 120

Apply: TypeAlias = Callable[[DrawFn, DepartmentBudget], DepartmentBudget]


@frozen
class Breaker:
    """How to break one rule: the parts the budget needs, and the edit."""

    needs: frozenset[str]
    apply: Apply
    forbid: frozenset[str] = frozenset()
    kind: Kind | None = None
    how: str = ""


def _replace(budget: DepartmentBudget, place: Place, new: object) -> DepartmentBudget:
    result = put(budget, place, new)
    assert isinstance(result, DepartmentBudget)
    return result


#: Where figures are not amounts the year-on-year and share rules read.
_SKIPPED: Final = frozenset({"/projects/*/funding", "/projects/*/other_figures"})


def slots(budget: DepartmentBudget) -> Iterator[tuple[str, Figure]]:
    """Every figure of the budget (tree lines included) with its path (:mod:`govbudget.paths`)."""
    for path, figure, _slot, _above in entries(budget, skip=_SKIPPED):
        yield path, figure


def _step(budget: DepartmentBudget) -> int:
    return quantum(budget.precision)


def _delta(draw: DrawFn, budget: DepartmentBudget) -> int:
    """A change in fen far beyond rounding: many last places of the document's precision."""
    return draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS)) * _step(budget)


def _amount(figure: Figure | None) -> int:
    if figure is None or figure.amount is None:
        return 0
    return figure.amount.fen


def _with_amount(figure: Figure | None, fen: int) -> Figure:
    base = figure if figure is not None else Figure()
    return evolve(base, amount=Amount.from_fen(fen), none_stated=False)


def _bump(draw: DrawFn, budget: DepartmentBudget, place: Place) -> DepartmentBudget:
    """The figure at ``place`` raised by many last places, nothing else changed."""
    figure = get(budget, place)
    assert figure is None or isinstance(figure, Figure), place
    return _replace(budget, place, _with_amount(figure, _amount(figure) + _delta(draw, budget)))


def _above(
    draw: DrawFn, budget: DepartmentBudget, place: Place, ceiling: Figure
) -> DepartmentBudget:
    """The figure at ``place`` set well above ``ceiling``."""
    figure = get(budget, place)
    assert figure is None or isinstance(figure, Figure), place
    return _replace(budget, place, _with_amount(figure, _amount(ceiling) + _delta(draw, budget)))


def _bumper(*place: str | int) -> Apply:
    return lambda draw, budget: _bump(draw, budget, place)


def _pick(draw: DrawFn, options: list[Place]) -> Place:
    assert options, "the breaker's needs guarantee a place to break"
    return draw(st.sampled_from(options))


# -- trees -----------------------------------------------------------------------------

_TREES: Final[tuple[Place, ...]] = (
    ("expenditure", "by_function"),
    ("expenditure", "by_economic"),
    ("appropriation", "by_function"),
    ("appropriation", "by_economic"),
    ("income", "lines"),
    ("assets", "parts"),
)


def _nodes(budget: DepartmentBudget, tree: Place) -> Iterator[tuple[Place, Node]]:
    try:
        roots = get(budget, tree)
    except AttributeError:
        return
    if not isinstance(roots, tuple):
        return

    def walk(nodes: tuple[Node, ...], place: Place) -> Iterator[tuple[Place, Node]]:
        for index, node in enumerate(nodes):
            here = (*place, index)
            yield here, node
            yield from walk(node.children, (*here, "children"))

    yield from walk(roots, tree)


def _parent_node(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A line with children raised alone: it no longer equals their sum."""
    options = [
        place
        for tree in _TREES
        for place, node in _nodes(budget, tree)
        if node.children and not node.partial
    ]
    return _bump(draw, budget, _pick(draw, options))


def _root(*tree: str) -> Apply:
    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        roots = get(budget, tree)
        assert isinstance(roots, tuple)
        assert roots
        return _bump(draw, budget, (*tree, draw(st.integers(0, len(roots) - 1))))

    return apply


def _coded(budget: DepartmentBudget) -> list[tuple[Place, Node]]:
    return [
        (place, node)
        for tree in _TREES[:4]
        for place, node in _nodes(budget, tree)
        if node.code is not None
    ]


def _unknown_code(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A line's code that the year's table does not have (a typo, an invented code)."""
    options = [(p, n) for p, n in _coded(budget) if not any(c.code is not None for c in n.children)]
    place, node = draw(st.sampled_from(options))
    assert node.code is not None
    assert budget.year is not None  # the strategies always name the year
    tree = {"2": Tree.FUNCTION, "3": Tree.ECONOMIC_DEPARTMENT, "5": Tree.ECONOMIC_GOVERNMENT}
    table = table_for(tree[node.code[0]], budget.year)
    parent = get(budget, place[:-2]) if len(place) > 3 else None
    siblings = get(budget, place[:-1])
    assert isinstance(siblings, tuple)
    used = {n.code for n in siblings}
    prefix = parent.code if isinstance(parent, Node) and parent.code else node.code[0]
    width = len(node.code) - len(prefix)
    free = [
        code
        for n in range(10**width - 1, 0, -1)
        if (code := prefix + str(n).rjust(width, "0")) not in table and code not in used
    ]
    return _replace(budget, place, evolve(node, code=draw(st.sampled_from(free[:40]))))


def _wrong_name(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A coded line named as no table names it."""
    place, node = draw(st.sampled_from(_coded(budget)))
    name = draw(st.sampled_from(("未列明科目", "其他杂项经费", "综合业务费用")))
    return _replace(budget, place, evolve(node, name=name))


def _orphan_section(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 款 line copied to the top of its tree, without its 类."""
    options = [(p, n) for p, n in _coded(budget) if n.code is not None and len(n.code) == 5]
    place, node = draw(st.sampled_from(options))
    tree = place[:2]
    roots = get(budget, tree)
    assert isinstance(roots, tuple)
    return _replace(budget, tree, (*roots, evolve(node, amount=Amount.from_fen(0), children=())))


def _foreign_code(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A function class listed among the economic classes (or the reverse), amount zero."""
    economic = draw(st.booleans())
    tree: Place = ("expenditure", "by_economic" if economic else "by_function")
    roots = get(budget, tree)
    assert isinstance(roots, tuple)
    stray = (
        Node(code="201", name="一般公共服务支出", amount=Amount.from_fen(0))
        if economic
        else Node(code="301", name="工资福利支出", amount=Amount.from_fen(0))
    )
    return _replace(budget, tree, (*roots, stray))


# -- relations between sections --------------------------------------------------------------


def _three_public_item(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 三公 part stated above the economic item that holds the same spending."""
    assert budget.expenditure is not None
    assert budget.three_public is not None
    pairs = [
        (field, item)
        for field, code in (
            ("overseas", "30212"),
            ("reception", "30217"),
            ("vehicle_operation", "30231"),
            ("vehicle_purchase", "31013"),
        )
        if (item := find(budget.expenditure.by_economic, code)) is not None
    ]
    field, item = draw(st.sampled_from(pairs))
    return _above(draw, budget, ("three_public", field), item)


def _operation(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """机关运行经费 above the 公用经费 it is part of."""
    assert budget.expenditure is not None
    assert budget.expenditure.public is not None
    return _above(draw, budget, ("institutional_operation",), budget.expenditure.public)


def _housing(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """住房公积金 (30113) above 住房改革支出 (22102, or 221)."""
    assert budget.expenditure is not None
    spending = budget.expenditure
    reform = find(spending.by_function, "22102") or find(spending.by_function, "221")
    assert reform is not None
    place = next(p for p, n in _nodes(budget, ("expenditure", "by_economic")) if n.code == "30113")
    return _above(draw, budget, place, reform)


def _project_line(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A key project's amount different from its line in 项目支出 (其他支出)."""
    lines = {n.name for _, n in _nodes(budget, ("expenditure", "by_economic")) if n.code is None}
    options = [i for i, p in enumerate(budget.projects) if p.name in lines]
    return _bump(draw, budget, ("projects", draw(st.sampled_from(options)), "amount"))


def _section_figure(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The general public block states a figure other than the expenditure section's."""
    assert budget.appropriation is not None
    assert budget.appropriation.general_public is not None
    return _bump(draw, budget, ("appropriation", "general_public", "total"))


def _funding(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A key project's funding sources add up to more than the project."""
    options = [i for i, p in enumerate(budget.projects) if p.funding and p.amount is not None]
    index = draw(st.sampled_from(options))
    project = budget.projects[index]
    return _above(draw, budget, ("projects", index, "funding", 0), project.amount or Figure())


def _grand_total(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """支出总计 other than 支出合计 + 结余分配 + 年末结转和结余 (a missing 结余分配 stated as 无)."""
    final = budget.final
    assert final is not None
    if final.distribution is None:
        budget = evolve(budget, final=evolve(final, distribution=Figure(none_stated=True)))
    return _bump(draw, budget, ("expenditure", "grand_total"))


def _appropriation_spending(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Appropriation spending stated above appropriation income."""
    assert budget.appropriation is not None
    block = "total" if budget.appropriation.total is not None else "general_public"
    return _bump(draw, budget, ("appropriation", block, "total"))


def _split(block: str) -> Apply:
    """A fund's total raised alone: it no longer equals basic + project."""

    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        assert budget.appropriation is not None
        blocks = [
            name
            for name in ("total", "general_public", "government_fund", "state_capital")
            if (b := getattr(budget.appropriation, name)) is not None
            and b.total is not None
            and b.basic is not None
            and b.project is not None
        ]
        return _bump(draw, budget, ("appropriation", draw(st.sampled_from(blocks)), block))

    return apply


# -- figures and their year-on-year statements ----------------------------------------------


def _yoy_slots(budget: DepartmentBudget) -> list[tuple[str, Figure]]:
    """Figures the year-on-year rules read, with an amount stated."""
    return [
        (place, figure)
        for place, figure in slots(budget)
        if figure.amount is not None and not figure.none_stated
    ]


class _Restatement(TypedDict, total=False):
    """What a breaker states anew about a figure (keyword arguments of ``evolve``)."""

    prior: Amount | None
    change: StatedChange | None
    percent: StatedPercent | None
    budget_initial: Amount
    budget_full_year: Amount
    completion: StatedPercent
    budget_difference: Amount
    budget_change: StatedChange | None
    budget_percent: StatedPercent | None
    restated: tuple[Restatement, ...]


def _restated(
    draw: DrawFn, budget: DepartmentBudget, make: Callable[[int, int], _Restatement]
) -> DepartmentBudget:
    """One figure restated with a prior year and what ``make(amount, step)`` gives."""
    path, figure = draw(st.sampled_from(_yoy_slots(budget)))
    fields = make(
        _amount(figure), quantum(budget.precision_of(figure)) * _step_ratio(budget, figure)
    )
    return replace(budget, path, evolve(figure, **fields))


def _step_ratio(budget: DepartmentBudget, figure: Figure) -> int:
    """How many of the figure's own last places make one of the document's."""
    return max(1, _step(budget) // quantum(budget.precision_of(figure)))


def _wrong_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """增减额 that is not current − prior."""
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))
    prior_steps = draw(st.integers(0, 10 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        prior = prior_steps * step
        return {
            "prior": Amount.from_fen(prior),
            "change": StatedChange(Amount.from_fen(amount - prior + steps * step)),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _wrong_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A growth percent far from (current − prior) ÷ prior."""
    worded = draw(st.booleans())

    def make(amount: int, step: int) -> _Restatement:
        # A prior at least as large as the amount and a thousand last places keeps the
        # percent's rounding range within a tenth of a point; fifty points off is far out.
        prior = max(amount, 1000 * step)
        point = Fraction((amount - prior) * 100, prior)
        wrong = point - 50 if point > -50 else point + 50
        text = percent_text(Fraction(round(wrong * 10), 10), 1)
        if worded:
            word = "增长" if wrong > 0 else "下降"
            percent = StatedPercent(abs(text), word)
        else:
            percent = StatedPercent(text)
        return {"prior": Amount.from_fen(prior), "change": None, "percent": percent}

    return _restated(draw, budget, make)


def _flipped_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """增加 written for a decrease (or 减少 for an increase)."""
    steps = draw(st.integers(10, 10 * LEAST_STEPS))
    up = draw(st.booleans())

    def make(amount: int, step: int) -> _Restatement:
        # up: the prior is above the amount, so the figures fall, yet 增加 is written
        prior = amount + steps * step if up or amount < steps * step else amount - steps * step
        word = "增加" if prior > amount else "减少"
        return {
            "prior": Amount.from_fen(prior),
            "change": StatedChange(Amount.from_fen(abs(prior - amount)), word),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _zero_with_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“比上年增加 0 万元”: a zero change written with 增加/减少."""
    word = draw(st.sampled_from(("增加", "减少", "增长")))

    def make(amount: int, step: int) -> _Restatement:
        return {
            "prior": Amount.from_fen(amount),
            "change": StatedChange(Amount.from_fen(0), word),
            "percent": None,
        }

    return _restated(draw, budget, make)


def _changes_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Δ支出合计 that is not Δ基本支出 + Δ项目支出."""
    spending = budget.expenditure
    assert spending is not None
    assert spending.total is not None
    steps = [draw(st.integers(-10 * LEAST_STEPS, 10 * LEAST_STEPS)) for _ in range(2)]
    step = _step(budget)
    off = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))
    total_change = (steps[0] + steps[1] + off) * step

    def change(figure: Figure | None, fen: int) -> Figure:
        return evolve(
            figure or Figure(), prior=None, change=StatedChange(Amount.from_fen(fen)), percent=None
        )

    spending = evolve(
        spending,
        total=change(spending.total, total_change),
        basic=change(spending.basic, steps[0] * step),
        project=change(spending.project, steps[1] * step),
    )
    return evolve(budget, expenditure=spending)


def _completion(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """完成全年预算的 X% far from 决算数 ÷ 预算数."""

    def make(amount: int, step: int) -> _Restatement:
        base = Amount.from_fen(amount + 100 * step)
        value = draw(st.integers(150, 900))
        return {
            "budget_initial": base,
            "budget_full_year": base,
            "completion": StatedPercent(Decimal(value)),
        }

    return _restated(draw, budget, make)


def _budget_difference(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """差值 far from |决算数 − 年初预算数|."""
    below = draw(st.integers(0, 10 * LEAST_STEPS))
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + below * step
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_difference": Amount.from_fen(base - amount + steps * step),
        }

    return _restated(draw, budget, make)


def _budget_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """较预算增减额 far from 决算数 − 年初预算数."""
    below = draw(st.integers(0, 10 * LEAST_STEPS))
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + below * step
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": StatedChange(Amount.from_fen(amount - base + steps * step)),
            "budget_percent": None,
        }

    return _restated(draw, budget, make)


def _budget_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A percent against the budget far from (决算数 − 预算数) ÷ 预算数."""

    def make(amount: int, step: int) -> _Restatement:
        base = max(amount, 1000 * step)
        point = Fraction((amount - base) * 100, base)
        wrong = point - 50 if point > -50 else point + 50
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": None,
            "budget_percent": StatedPercent(percent_text(Fraction(round(wrong * 10), 10), 1)),
        }

    return _restated(draw, budget, make)


def _budget_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“决算数大于预算数” for a final figure below its budget (or 小于 above it)."""
    steps = draw(st.integers(10, 10 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        base = amount + steps * step if amount < steps * step else amount - steps * step
        word = "大于" if base > amount else "小于"
        return {
            "budget_initial": Amount.from_fen(base),
            "budget_change": StatedChange(Amount.from_fen(abs(base - amount)), word),
            "budget_percent": None,
        }

    return _restated(draw, budget, make)


def _stated_twice(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A figure stated again elsewhere with another number (a digit dropped, a slip)."""
    steps = draw(st.integers(LEAST_STEPS, 50 * LEAST_STEPS))

    def make(amount: int, step: int) -> _Restatement:
        return {"restated": (Restatement(Amount.from_fen(amount + steps * step)),)}

    return _restated(draw, budget, make)


def _named_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """“占 W 的 P%” far from the figure ÷ W: two statements of the text, the share off."""
    step = _step(budget)
    whole = draw(st.integers(1000, 100 * LEAST_STEPS)) * step
    part = draw(st.integers(0, 1000)) * step
    point = Fraction(part * 100, whole)
    wrong = point + 50 if point < 50 else point - 50
    index = len(budget.statements)
    w = Node(name="某项收入合计", amount=Amount.from_fen(whole))
    p = Node(
        name="其中某项收入",
        amount=Amount.from_fen(part),
        share=StatedPercent(percent_text(Fraction(round(wrong * 10), 10), 1)),
        share_of=f"/statements/{index}/{w.key}",
    )
    return evolve(budget, statements=(*budget.statements, w, p))


# -- shares -----------------------------------------------------------------------------------


def _share_pairs(budget: DepartmentBudget) -> list[tuple[Place, Figure]]:
    """Parts with a stated amount whose whole is stated and more than zero: (place, whole)."""
    found: list[tuple[Place, Figure]] = []
    spending = budget.expenditure
    if spending is not None and spending.total is not None:
        for name in ("basic", "project"):
            if getattr(spending, name) is not None:
                found.append((("expenditure", name), spending.total))
    procurement = budget.procurement
    if procurement is not None and procurement.total is not None:
        for name in ("goods", "works", "services"):
            figure = getattr(procurement, name)
            if figure is not None and not figure.none_stated:
                found.append((("procurement", name), procurement.total))
    for tree in _TREES:
        for place, node in _nodes(budget, tree):
            for index, child in enumerate(node.children):
                if not child.none_stated and child.amount is not None:
                    found.append(((*place, "children", index), node))
    return [(p, w) for p, w in found if _amount(w) > 0 and _amount(get(budget, p)) >= 0]  # type: ignore[arg-type]


def _wrong_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A share (占比) far from part ÷ whole: above every value rounding allows."""
    pairs = _share_pairs(budget)
    if not pairs:  # every whole is zero: state a procurement with a share to get wrong
        whole = Figure(amount=Amount.from_fen(3 * _step(budget)))
        budget = evolve(budget, procurement=Procurement(total=whole, goods=whole))
        pairs = _share_pairs(budget)
    place, whole = draw(st.sampled_from(pairs))
    part = get(budget, place)
    assert isinstance(part, Figure)
    half = Fraction(quantum(budget.precision), 2)
    w, p = _amount(whole), _amount(part)
    highest = (p + half) * 100 / (w - half) if w > half else Fraction(10**6)
    value = int(highest) + draw(st.integers(10, 60))
    return _replace(budget, place, evolve(part, share=StatedPercent(Decimal(value))))


def _shares_not_100(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The shares of the kinds of spending (basic, project and any other kind stated) that
    add up to well over 100%."""
    spending = budget.expenditure
    assert spending is not None
    assert spending.total is not None
    total = _amount(spending.total) or _step(budget)
    extra = draw(st.integers(10, 60))
    kinds = {
        name: f
        for name in SPENDING_KINDS
        if (f := getattr(spending, name)) is not None and not f.none_stated
    }
    first = next(iter(kinds))
    shares = {}
    for name, figure in kinds.items():
        value = round(Fraction(_amount(figure) * 100, total)) + (extra if name == first else 0)
        shares[name] = evolve(figure, share=StatedPercent(percent_text(Fraction(value), 0)))
    spending = evolve(spending, total=_with_amount(spending.total, total), **shares)
    return evolve(budget, expenditure=spending)


# -- counts, performance ----------------------------------------------------------------------


def _staff(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """实有在职人员 that is not the sum of its categories."""
    staffing = budget.staffing or Staffing()
    parts = staffing.in_service_parts or (Count(name="行政人员", value=draw(st.integers(1, 40))),)
    wrong = sum(c.value for c in parts) + draw(st.sampled_from((-1, 1, 2, 10)))
    if wrong < 0:
        wrong = sum(c.value for c in parts) + 1
    return evolve(budget, staffing=evolve(staffing, in_service=wrong, in_service_parts=parts))


def _goals(budget: DepartmentBudget) -> list[Place]:
    performance = budget.performance
    if performance is None:
        return []
    return [
        ("performance", part, i)
        for part in ("long_term", "annual")
        for i, _ in enumerate(getattr(performance, part))
    ]


def _performance(budget: DepartmentBudget) -> DepartmentBudget:
    if _goals(budget):
        return budget
    indicators = tuple(
        Indicator(kind=kind, name=name, comparator=word, target=Decimal(target), unit=unit)
        for kind, name, word, target, unit in (
            (IndicatorKind.OUTPUT, "办理信访事项", "大于", 100, "件"),
            (IndicatorKind.EFFECT, "群众诉求解决率", "不低于", 90, "%"),
            (IndicatorKind.SATISFACTION, "群众满意度", "不低于", 95, "%"),
        )
    )
    goal = Goal(kind=GoalKind.ANNUAL, number=1, indicators=indicators)
    return evolve(budget, performance=Performance(annual=(goal,)))


def _missing_kind(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A goal without its 满意度 (or 产出, 效益) indicators."""
    budget = _performance(budget)
    place = draw(st.sampled_from(_goals(budget)))
    goal = get(budget, place)
    assert isinstance(goal, Goal)
    kind = draw(
        st.sampled_from((IndicatorKind.SATISFACTION, IndicatorKind.OUTPUT, IndicatorKind.EFFECT))
    )
    kept = tuple(i for i in goal.indicators if i.kind is not kind)
    return _replace(budget, place, evolve(goal, indicators=kept))


def _indicator(draw: DrawFn, budget: DepartmentBudget) -> tuple[DepartmentBudget, Place, Indicator]:
    budget = _performance(budget)
    place = draw(st.sampled_from(_goals(budget)))
    goal = get(budget, place)
    assert isinstance(goal, Goal)
    assert goal.indicators
    index = draw(st.integers(0, len(goal.indicators) - 1))
    return budget, (*place, "indicators", index), goal.indicators[index]


def _rate_out_of_range(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A satisfaction or rate target above 100% (or “大于 100%”)."""
    budget, place, indicator = _indicator(draw, budget)
    if draw(st.booleans()):
        changed = evolve(indicator, target=Decimal(draw(st.integers(101, 1000))), unit="%")
    else:
        changed = evolve(indicator, comparator="大于", target=Decimal(100), unit="%")
    return _replace(budget, place, changed)


def _unparsed_target(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A target without its unit (or without a number)."""
    budget, place, indicator = _indicator(draw, budget)
    if draw(st.booleans()):
        changed = evolve(indicator, unit=None)
    else:
        changed = evolve(indicator, target=None)
    return _replace(budget, place, changed)


# -- performance tables -----------------------------------------------------------------------


def _scored_table(budget: DepartmentBudget) -> PerformanceTable:
    """A self-evaluation whose every relation holds: 10 + 50 + 30 + 10 = 100 points, its
    amounts in the budget's last places (executed 10,800 of a budget of 12,000: 90.00%)."""
    step = _step(budget)
    initial, full_year, executed = (Amount.from_fen(n * step) for n in (10_000, 12_000, 10_800))
    funds = (
        FundLine(
            name="总额",
            initial=initial,
            full_year=full_year,
            executed=executed,
            rate=StatedPercent(Decimal("90.00")),
            weight=Decimal(10),
            score=Decimal(9),
        ),
        FundLine(
            name="其中：财政资金",
            part=True,
            initial=initial,
            full_year=full_year,
            executed=executed,
            rate=StatedPercent(Decimal("90.00")),
        ),
        FundLine(name="其他资金", part=True, initial=wan(0), full_year=wan(0), executed=wan(0)),
    )
    indicators = tuple(
        Indicator(
            kind=kind,
            name=name,
            category=category,
            comparator="≥",
            target=Decimal(target),
            unit=unit,
            weight=Decimal(weight),
            score=Decimal(score),
        )
        for kind, category, name, target, unit, weight, score in (
            (IndicatorKind.OUTPUT, "数量指标", "完成培训人次", 300, "人次", 50, 45),
            (IndicatorKind.EFFECT, "社会效益指标", "群众知晓率", 90, "%", 30, 30),
            (IndicatorKind.SATISFACTION, "服务对象满意度指标", "学员满意度", 95, "%", 10, 10),
        )
    )
    weights = tuple(
        StatedWeight(name=name, part=part, weight=Decimal(weight))
        for name, part, weight in (
            ("预算执行情况", "funds", 10),
            ("绩效指标", "indicators", 90),
            ("产出指标", "output", 50),
            ("效益指标", "effect", 30),
            ("满意度指标", "satisfaction", 10),
        )
    )
    return PerformanceTable(
        kind=PerformanceTableKind.SELF_EVALUATION,
        title="项目支出绩效自评表",
        project="业务培训",
        funds=funds,
        indicators=indicators,
        weights=weights,
        total_weight=Decimal(100),
        total_score=Decimal(94),
        complete=True,
    )


def _with_table(budget: DepartmentBudget, table: PerformanceTable) -> DepartmentBudget:
    performance = budget.performance or Performance()
    return evolve(budget, performance=evolve(performance, tables=(*performance.tables, table)))


def _score_above_weight(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """An indicator (or budget execution) scored above its weight."""
    table = _scored_table(budget)
    extra = Decimal(draw(st.integers(1, 40)))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(table.indicators) - 1))
        indicator = table.indicators[index]
        assert indicator.weight is not None
        changed = evolve(indicator, score=indicator.weight + extra)
        indicators = (*table.indicators[:index], changed, *table.indicators[index + 1 :])
        return _with_table(budget, evolve(table, indicators=indicators))
    first = table.funds[0]
    assert first.weight is not None
    funds = (evolve(first, score=first.weight + extra), *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _weights_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A stated weight (of all indicators, of one 一级指标, or the 合计) off by some points."""
    table = _scored_table(budget)
    extra = Decimal(draw(st.integers(1, 40)) * draw(st.sampled_from((1, -1))))
    which = draw(st.integers(0, len(table.weights)))
    if which == len(table.weights):
        assert table.total_weight is not None
        return _with_table(budget, evolve(table, total_weight=table.total_weight + extra))
    stated = table.weights[which]
    changed = evolve(stated, weight=stated.weight + extra)
    weights = (*table.weights[:which], changed, *table.weights[which + 1 :])
    return _with_table(budget, evolve(table, weights=weights))


def _total_score_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A total score other than the sum of the scores."""
    table = _scored_table(budget)
    assert table.total_score is not None
    extra = Decimal(draw(st.integers(1, 40)) * draw(st.sampled_from((1, -1))))
    return _with_table(budget, evolve(table, total_score=table.total_score + extra))


def _rate_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """An execution rate other than executed ÷ budget (by whole points)."""
    table = _scored_table(budget)
    first = table.funds[0]
    assert first.rate is not None
    points = Decimal(draw(st.integers(1, 60)) * draw(st.sampled_from((1, -1))))
    funds = (evolve(first, rate=StatedPercent(first.rate.value + points)), *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _fund_parts_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A funds total other than the sum of its parts, in one column."""
    table = _scored_table(budget)
    first = table.funds[0]
    assert first.initial is not None
    assert first.full_year is not None
    assert first.executed is not None
    bump = Amount.from_fen(_delta(draw, budget))
    changed = draw(
        st.sampled_from(
            (
                evolve(first, initial=first.initial + bump),
                evolve(first, full_year=first.full_year + bump),
                evolve(first, executed=first.executed + bump),
            )
        )
    )
    funds = (changed, *table.funds[1:])
    return _with_table(budget, evolve(table, funds=funds))


def _project_count_off(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A number of projects other than those of the initial budget plus those added."""
    initial, added = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    off = draw(st.integers(1, 5)) * draw(st.sampled_from((1, -1)))
    total = max(0, initial + added + off) if initial + added + off >= 0 else initial + added + 1
    count = ProjectCount(total=total, initial=initial, added=added)
    performance = budget.performance or Performance()
    counts = (*performance.project_counts, count)
    return evolve(budget, performance=evolve(performance, project_counts=counts))


# -- procurement ------------------------------------------------------------------------------


def _procurement_part(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A kind of procurement larger than the procurement total."""
    assert budget.procurement is not None
    assert budget.procurement.total is not None
    field = draw(st.sampled_from(("goods", "works", "services")))
    return _above(draw, budget, ("procurement", field), budget.procurement.total)


def _sme(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """面向中小企业 more than the whole procurement."""
    procurement = budget.procurement or Procurement()
    total = procurement.total or Figure(amount=Amount.from_fen(0))
    budget = evolve(budget, procurement=evolve(procurement, total=total))
    return _above(draw, budget, ("procurement", "sme"), total)


# -- the standard tables (公开表) ----------------------------------------------------------------

_UNIT_LINES: Final = {
    "元": "单位：元",
    "千元": "单位：千元",
    "万元": "单位：万元",
    "亿元": "单位：亿元",
}


def _table(budget: DepartmentBudget, **fields: object) -> Table:
    unit_line = _UNIT_LINES[budget.precision.unit.label]
    return Table(unit_line=unit_line, pages=(1,), **fields)  # type: ignore[arg-type]


def _one_column(
    budget: DepartmentBudget, title: str, kind: TableKind, rows: tuple[Row, ...]
) -> Table:
    return _table(budget, title=title, kind=kind, columns=(TableColumn("合计"),), rows=rows)


def _money(draw: DrawFn, budget: DepartmentBudget) -> Amount:
    return Amount.from_fen(draw(st.integers(0, 10 * LEAST_STEPS)) * _step(budget))


def _off(draw: DrawFn, budget: DepartmentBudget, value: Amount) -> Amount:
    return Amount.from_fen(value.fen + _delta(draw, budget))


def _with_tables(budget: DepartmentBudget, *tables: Table) -> DepartmentBudget:
    return evolve(budget, tables=(*budget.tables, *tables))


def _classes(draw: DrawFn, budget: DepartmentBudget) -> list[tuple[str, str, Amount]]:
    """Function classes (code, name, amount): the budget's own, or two made up."""
    spending = budget.expenditure
    if spending is not None and spending.by_function:
        return [
            (n.code or "", n.name, n.amount or Amount.from_fen(0))
            for n in spending.by_function
            if n.code is not None
        ]
    return [
        ("201", "一般公共服务支出", _money(draw, budget)),
        ("208", "社会保障和就业支出", _money(draw, budget)),
    ]


def _table_column_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 部门支出总表 whose 合计 row is not the sum of its 类 lines."""
    classes = _classes(draw, budget)
    total = sum((a for *_, a in classes), Amount.from_fen(0))
    rows = (
        Row(name="合计", values=(_off(draw, budget, total),)),
        *(Row(code=code, name=name, values=(amount,)) for code, name, amount in classes),
    )
    return _with_tables(
        budget, _one_column(budget, "部门支出总表", TableKind.BUDGET_EXPENDITURE, rows)
    )


def _table_row_sum(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A row whose 合计 column is not 基本支出 + 项目支出."""
    basic, project = _money(draw, budget), _money(draw, budget)
    table = _table(
        budget,
        title="一般公共预算支出表",
        kind=TableKind.BUDGET_GENERAL_PUBLIC,
        columns=(TableColumn("合计"), TableColumn("基本支出"), TableColumn("项目支出")),
        rows=(Row(name="合计", values=(_off(draw, budget, basic + project), basic, project)),),
    )
    return _with_tables(budget, table)


def _summary(
    budget: DepartmentBudget,
    income: tuple[Amount, Amount, Amount | None],
    spending: tuple[Amount, Amount, Amount | None],
) -> Table:
    """A 部门收支总表: (item, 本年合计, 总计) on each side."""
    rows: list[Row] = []
    for side, item, (first, total, grand) in (
        ("收入", "一、一般公共预算拨款收入", income),
        ("支出", "一、一般公共服务支出", spending),
    ):
        rows.append(
            Row(name=item, side=side, values=(first, None) if side == "收入" else (None, first))
        )
        pair = (total, None) if side == "收入" else (None, total)
        rows.append(Row(name=f"本年{side}合计", side=side, values=pair))
        if grand is not None:
            values = (grand, None) if side == "收入" else (None, grand)
            rows.append(Row(name=f"{side}总计", side=side, values=values))
    return _table(
        budget,
        title="部门收支总表",
        kind=TableKind.BUDGET_SUMMARY,
        columns=(TableColumn("预算数", side="收入"), TableColumn("预算数", side="支出")),
        rows=tuple(rows),
    )


def _table_summary_side(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 收支总表 whose 本年收入合计 is not the sum of its items."""
    value = _money(draw, budget)
    table = _summary(budget, (value, _off(draw, budget, value), None), (value, value, None))
    return _with_tables(budget, table)


def _table_balance(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 收支总表 whose 收入总计 and 支出总计 differ."""
    value = _money(draw, budget)
    wrong = _off(draw, budget, value)
    table = _summary(budget, (value, value, value), (wrong, wrong, wrong))
    return _with_tables(budget, table)


def _table_cross(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """部门收入总表 合计 other than the 收支总表's 本年收入合计."""
    value = _money(draw, budget)
    income_table = _table(
        budget,
        title="部门收入总表",
        kind=TableKind.BUDGET_INCOME,
        columns=(TableColumn("合计"),),
        rows=(Row(name="合计", values=(_off(draw, budget, value),)),),
    )
    return _with_tables(
        budget, _summary(budget, (value, value, None), (value, value, None)), income_table
    )


def _table_narrative(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The 收支总表's 本年收入合计 other than the narrative's 收入合计."""
    assert budget.income is not None
    assert budget.income.total is not None
    stated = budget.income.total.amount or Amount.from_fen(0)
    wrong = _off(draw, budget, stated)
    return _with_tables(budget, _summary(budget, (wrong, wrong, None), (wrong, wrong, None)))


def _table_required(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """One standard table published, the others neither published nor said to be empty."""
    value = _money(draw, budget)
    return _with_tables(budget, _summary(budget, (value, value, None), (value, value, None)))


def _table_twice(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """The 收支总表 printed twice (or after the 收入总表)."""
    value = _money(draw, budget)
    summary = _summary(budget, (value, value, None), (value, value, None))
    income = _one_column(
        budget, "部门收入总表", TableKind.BUDGET_INCOME, (Row(name="合计", values=(value,)),)
    )
    tables = draw(st.sampled_from(((summary, summary), (income, summary))))
    return _with_tables(budget, *tables)


def _table_said_empty(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A table said to have no data (本表无数据) that has figures."""
    value = Amount.from_fen(_money(draw, budget).fen + _step(budget))
    table = evolve(
        _summary(budget, (value, value, None), (value, value, None)),
        empty_statement="本表无数据",
    )
    return _with_tables(budget, table)


def _table_unit(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A table printed without its 单位 line."""
    value = _money(draw, budget)
    table = evolve(_summary(budget, (value, value, None), (value, value, None)), unit_line=None)
    return _with_tables(budget, table)


def _table_basic(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A 基本支出表 whose 人员经费合计 is not 301 + 303."""
    wages, aid, goods = (_money(draw, budget) for _ in range(3))
    rows = (
        Row(name="人员经费合计", values=(_off(draw, budget, wages + aid),)),
        Row(code="301", name="工资福利支出", values=(wages,)),
        Row(code="303", name="对个人和家庭的补助", values=(aid,)),
        Row(name="公用经费合计", values=(goods,)),
        Row(code="302", name="商品和服务支出", values=(goods,)),
    )
    return _with_tables(
        budget,
        _one_column(budget, "一般公共预算基本支出表", TableKind.BUDGET_GENERAL_PUBLIC_BASIC, rows),
    )


def _sangong_final(
    draw: DrawFn, budget: DepartmentBudget
) -> tuple[DepartmentBudget, Amount, Amount, Amount]:
    """A 决算 with a pasted “三公” table: (budget, 合计, 接待费 预算数, 接待费 决算数)."""
    planned = Amount.from_fen(_money(draw, budget).fen + 200 * _step(budget))
    spent = Amount.from_fen(planned.fen // 2 // _step(budget) * _step(budget))
    total = Amount.from_fen(spent.fen * 2 + _step(budget) * 10)
    table = _table(
        budget,
        title="“三公”经费支出决算表",
        kind=TableKind.FINAL_THREE_PUBLIC,
        columns=(TableColumn("预算数"), TableColumn("决算数")),
        rows=(
            Row(name="合计", values=(planned + total, total)),
            Row(name="公务接待费", values=(planned, spent)),
        ),
    )
    return _with_tables(budget, table), total, planned, spent


def _table_three_rows(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A “三公” table whose 合计 row is not the sum of its item rows."""
    overseas, reception, vehicles = (_money(draw, budget) for _ in range(3))
    total = _off(draw, budget, Amount.from_fen(overseas.fen + reception.fen + vehicles.fen))
    table = _table(
        budget,
        title="“三公”经费支出预算表",
        kind=TableKind.BUDGET_THREE_PUBLIC,
        columns=(TableColumn("预算数"),),
        rows=(
            Row(name="合计", values=(total,)),
            Row(name="因公出国（境）费", values=(overseas,)),
            Row(name="公务接待费", values=(reception,)),
            Row(name="公务用车购置及运行维护费", values=(vehicles,)),
        ),
    )
    return _with_tables(budget, table)


def _with_reception(budget: DepartmentBudget, figure: Figure) -> DepartmentBudget:
    return evolve(budget, three_public=ThreePublic(reception=figure))


def _table_share(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """公务接待费's share of the “三公” total far from the table's figures (the total not stated)."""
    budget, total, _planned, spent = _sangong_final(draw, budget)
    right = spent.fen * 100 // total.fen  # just under 50%
    wrong = right + draw(st.sampled_from((30, 45)))
    return _with_reception(budget, Figure(amount=spent, share=StatedPercent(Decimal(wrong))))


def _table_budget_change(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比减少 C, where the table's 预算数 and 决算数 differ by far more."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    wrong = Amount.from_fen((planned.fen - spent.fen) // 10 // _step(budget) * _step(budget))
    change = StatedChange(wrong, "减少")
    return _with_reception(budget, Figure(amount=spent, budget_change=change))


def _table_budget_percent(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比下降 P%, P far from (预算数 − 决算数) ÷ 预算数 in the table."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    right = (planned.fen - spent.fen) * 100 // planned.fen  # about 50%
    wrong = right + draw(st.sampled_from((-30, 30)))
    percent = StatedPercent(Decimal(wrong), "下降")
    change = StatedChange(planned - spent, "减少")
    return _with_reception(
        budget, Figure(amount=spent, budget_change=change, budget_percent=percent)
    )


def _table_budget_word(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """与预算相比“增加”, where the table's 决算数 is below its 预算数."""
    budget, _total, planned, spent = _sangong_final(draw, budget)
    word = draw(st.sampled_from(("增加", "增长")))
    return _with_reception(
        budget, Figure(amount=spent, budget_change=StatedChange(planned - spent, word))
    )


# -- wording (用语) -----------------------------------------------------------------------------


def _worded(budget: DepartmentBudget, *wording: Wording) -> DepartmentBudget:
    return evolve(budget, wording=(*budget.wording, *wording))


def _placeholder(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A template placeholder left in the text."""
    text = draw(st.sampled_from(("XX局", "××", "增加（减少）", "（增加/减少）")))
    return _worded(budget, Wording(WordingKind.PLACEHOLDER, text))


def _wrong_year(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A heading naming the year before, among headings naming the document's year."""
    year = budget.year or 2024
    word = "决算" if budget.kind is Kind.FINAL else "预算"
    offset = draw(st.sampled_from((-1, 1, -2)))
    heading = [Wording(WordingKind.HEADING_YEAR, f"{year}年度", year=year, word=word)] * 2
    odd = Wording(WordingKind.HEADING_YEAR, f"{year + offset}年度", year=year + offset, word=word)
    return _worded(evolve(budget, year=year), *heading, odd)


def _mixed_level(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """Headings calling the document a 部门 one and, once, a 单位 one (or the other way)."""
    usual, odd = draw(st.sampled_from((("部门", "单位"), ("单位", "部门"))))
    kind = "决算" if budget.kind is Kind.FINAL else "预算"
    words = [Wording(WordingKind.LEVEL_WORD, f"{w}{kind}", word=w) for w in (usual, usual, odd)]
    return _worded(budget, *words)


def _wording_of(kind: WordingKind, *texts: str) -> Apply:
    def apply(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
        return _worded(budget, Wording(kind, draw(st.sampled_from(texts))))

    return apply


# -- the catalogue of breakers -----------------------------------------------------------------


def _b(
    needs: str, apply: Apply, how: str, *, forbid: str = "", kind: Kind | None = None
) -> Breaker:
    return Breaker(frozenset(needs.split()), apply, frozenset(forbid.split()), kind, how)


_EXPENDITURE = "expenditure expenditure.total"
_ECONOMIC = "expenditure expenditure.by_economic"


def _anonymous(draw: DrawFn, budget: DepartmentBudget) -> DepartmentBudget:
    """A document that leaves its unit or its year (or both) unsaid."""
    which = draw(st.sampled_from(("department", "year", "both")))
    return evolve(
        budget,
        department=budget.department if which == "year" else None,
        year=budget.year if which == "department" else None,
    )


#: Every rule that data can break, with how.
BREAKERS: Final[dict[str, Breaker]] = {
    "IDN001": _b("", _anonymous, "the unit or the year not named"),
    "BAL001": _b(
        "income income.total " + _EXPENDITURE,
        _bumper("income", "total"),
        "收入合计 changed, 支出合计 not",
        forbid="carryover income.carryover",
        kind=Kind.BUDGET,
    ),
    "BAL002": _b(
        "income income.grand_total expenditure expenditure.grand_total",
        _bumper("income", "grand_total"),
        "收入总计 changed, 支出总计 not",
    ),
    "BAL003": _b(
        "income income.total income.grand_total income.carryover",
        _bumper("income", "grand_total"),
        "收入总计 other than 收入合计 + 上年结转结余",
    ),
    "BAL004": _b(
        _EXPENDITURE + " expenditure.grand_total",
        _grand_total,
        "支出总计 other than 支出合计 + 结余分配 + 年末结转和结余",
        kind=Kind.FINAL,
    ),
    "BAL005": _b(
        "income income.total " + _EXPENDITURE,
        _bumper("final", "carried_out"),
        "年末结转和结余 that the year's movements do not give",
        kind=Kind.FINAL,
    ),
    "TOT001": _b(
        "income income.total income.appropriation",
        _bumper("income", "appropriation"),
        "a source of income changed, the total not",
    ),
    "TOT002": _b(
        _EXPENDITURE + " expenditure.by_function",
        _root("expenditure", "by_function"),
        "a function class changed, the total not",
    ),
    "TOT003": _b(
        _EXPENDITURE + " expenditure.by_economic",
        _root("expenditure", "by_economic"),
        "an economic class changed, the total not",
    ),
    "TOT004": _b(
        _EXPENDITURE + " expenditure.split",
        _bumper("expenditure", "basic"),
        "基本支出 changed, 支出合计 not",
    ),
    "TOT005": _b(
        _EXPENDITURE + " expenditure.split expenditure.basic_split",
        _bumper("expenditure", "personnel"),
        "人员经费 changed, 基本支出 not",
    ),
    "TOT006": _b("projects projects.funding", _funding, "funding sources above the project"),
    "TRE001": _b(
        _ECONOMIC + " housing trees.nested",
        _parent_node,
        "a line with children changed alone",
        forbid="economic.government partial",
    ),
    "APP001": _b(
        "appropriation appropriation.total appropriation.funds",
        lambda draw, budget: _bump(draw, budget, ("appropriation", "general_public", "total")),
        "a fund's spending changed, 财政拨款支出 not",
    ),
    "APP002": _b(
        "appropriation appropriation.split appropriation.funds",
        _split("total"),
        "a fund's spending other than its basic + project",
    ),
    "APP003": _b(
        "income income.appropriation income.funds",
        _bumper("income", "general_public"),
        "一般公共预算拨款收入 above 财政拨款收入",
    ),
    "APP004": _b(
        "income income.appropriation appropriation appropriation.funds",
        _appropriation_spending,
        "appropriation spending above appropriation income",
        kind=Kind.BUDGET,
    ),
    "APP005": _b(
        "appropriation appropriation.funds appropriation.by_function",
        _root("appropriation", "by_function"),
        "a function class of 一般公共预算 spending changed, its total not",
    ),
    "APP006": _b(
        "appropriation appropriation.funds appropriation.split appropriation.by_economic",
        _root("appropriation", "by_economic"),
        "an economic class of 一般公共预算 basic spending changed, its total not",
    ),
    "SG001": _b(
        "three_public", _bumper("three_public", "total"), "“三公” total changed, its parts not"
    ),
    "SG002": _b(
        "three_public three_public.vehicles",
        _bumper("three_public", "vehicles"),
        "公务用车 subtotal changed, purchase and operation not",
    ),
    "SG003": _b(
        "three_public three_public.items " + _ECONOMIC,
        _three_public_item,
        "a 三公 part above the economic item that holds it",
        forbid="economic.government",
    ),
    "OPS001": _b(
        "operation " + _EXPENDITURE + " expenditure.split expenditure.basic_split",
        _operation,
        "机关运行经费 above 公用经费",
    ),
    "YOY001": _b("expenditure", _wrong_change, "增减额 other than current − prior"),
    "YOY002": _b("expenditure", _wrong_percent, "a growth percent fifty points off"),
    "YOY003": _b("expenditure", _flipped_word, "a direction word against the figures"),
    "YOY004": _b("expenditure", _zero_with_word, "a zero change written 增加/减少"),
    "YOY005": _b(
        _EXPENDITURE + " expenditure.split",
        _changes_sum,
        "Δ total other than Σ Δ parts",
        forbid="expenditure.other_kinds",  # their figures may state no change to add up
    ),
    "EXE001": _b(
        "expenditure", _completion, "a completion percent far from 决算数 ÷ 预算数", kind=Kind.FINAL
    ),
    "EXE002": _b(
        "expenditure",
        _budget_difference,
        "a 差值 far from |决算数 − 年初预算数|",
        kind=Kind.FINAL,
    ),
    "SHR001": _b(
        "expenditure.by_economic housing trees.nested",
        _wrong_share,
        "a share above part ÷ whole",
        forbid="economic.government",
    ),
    "SHR002": _b(
        _EXPENDITURE + " expenditure.split", _shares_not_100, "shares adding up to over 100%"
    ),
    "SHR003": _b("", _named_share, "a share of a named whole far from part ÷ whole"),
    "EXE003": _b(
        "expenditure",
        _budget_change,
        "a change against the budget far from 决算 − 预算",
        kind=Kind.FINAL,
    ),
    "EXE004": _b(
        "expenditure",
        _budget_percent,
        "a percent against the budget fifty points off",
        kind=Kind.FINAL,
    ),
    "EXE005": _b(
        "expenditure",
        _budget_word,
        "决算数大于预算数 for a final figure below it",
        kind=Kind.FINAL,
    ),
    "RPT001": _b("expenditure", _stated_twice, "a figure stated again with another number"),
    "PRC001": _b("procurement", _procurement_part, "a kind of procurement above the total"),
    "PRC002": _b("procurement", _sme, "中小企业 above the procurement total"),
    "AST001": _b("assets", _bumper("assets", "total"), "资产总额 changed, its parts not"),
    "STF001": _b("", _staff, "实有在职人员 not the sum of its categories"),
    "PRF001": _b("", _missing_kind, "a goal without one kind of indicator"),
    "PRF002": _b("", _rate_out_of_range, "a rate target above 100%"),
    "PRF003": _b("", _unparsed_target, "a target without a unit or a number"),
    "PRF004": _b("", _score_above_weight, "a score above its weight"),
    "PRF005": _b("", _weights_off, "a stated weight other than the sum of its parts"),
    "PRF006": _b("", _total_score_off, "a total score other than the sum of the scores"),
    "PRF007": _b("", _rate_off, "an execution rate other than executed ÷ budget"),
    "PRF008": _b("", _fund_parts_off, "a funds total other than the sum of its parts"),
    "PRF009": _b("", _project_count_off, "a number of projects other than initial plus added"),
    "XS001": _b(
        "projects projects.lines " + _ECONOMIC,
        _project_line,
        "a key project's amount other than its line",
        forbid="economic.government",
    ),
    "XS002": _b(
        "housing " + _ECONOMIC,
        _housing,
        "住房公积金 above 住房改革支出",
        forbid="economic.government",
    ),
    "XS003": _b(
        "all_appropriation appropriation appropriation.funds " + _EXPENDITURE,
        _section_figure,
        "一般公共预算支出 other than the expenditure section's",
        forbid="income.other_funds",
    ),
    "COD001": _b(_ECONOMIC, _unknown_code, "a code the year's table does not have"),
    "COD002": _b(_ECONOMIC, _wrong_name, "a line named as no table names it"),
    "COD003": _b(
        _ECONOMIC + " housing trees.nested",
        _orphan_section,
        "a 款 at the top of its tree",
        forbid="economic.government",
    ),
    "COD004": _b(
        _ECONOMIC + " expenditure.by_function", _foreign_code, "a code of the other classification"
    ),
    "TAB001": _b("", _table_column_sum, "a table's 合计 row other than Σ 类", kind=Kind.BUDGET),
    "TAB002": _b("", _table_row_sum, "a 合计 column other than Σ its columns", kind=Kind.BUDGET),
    "TAB003": _b("", _table_summary_side, "本年收入合计 other than Σ items", kind=Kind.BUDGET),
    "TAB004": _b("", _table_balance, "收入总计 other than 支出总计", kind=Kind.BUDGET),
    "TAB005": _b("", _table_cross, "one figure different in two tables", kind=Kind.BUDGET),
    "TAB006": _b(
        "income income.total",
        _table_narrative,
        "a table other than the narrative",
        kind=Kind.BUDGET,
    ),
    "TAB007": _b("", _table_required, "standard tables missing", kind=Kind.BUDGET),
    "TAB008": _b("", _table_unit, "a table without its unit line", kind=Kind.BUDGET),
    "TAB009": _b("", _table_basic, "人员经费合计 other than 301 + 303", kind=Kind.BUDGET),
    "TAB010": _b("", _table_twice, "a table twice, or out of order", kind=Kind.BUDGET),
    "TAB011": _b("", _table_said_empty, "a table said to be empty has figures", kind=Kind.BUDGET),
    "TAB012": _b("", _table_share, "a share far from the table's figures", kind=Kind.FINAL),
    "TAB013": _b(
        "", _table_budget_change, "a change against the table's 预算数, far off", kind=Kind.FINAL
    ),
    "TAB014": _b(
        "", _table_budget_percent, "a percent against the table's 预算数, far off", kind=Kind.FINAL
    ),
    "TAB015": _b("", _table_budget_word, "增加 against the table's larger 预算数", kind=Kind.FINAL),
    "TAB016": _b("", _table_three_rows, "a “三公” 合计 row other than its items", kind=Kind.BUDGET),
    "WRD001": _b("", _placeholder, "a template placeholder left in"),
    "WRD002": _b("", _wrong_year, "a heading naming another year"),
    "WRD003": _b("", _mixed_level, "部门 and 单位 both used for the document"),
    "WRD004": _b(
        "", _wording_of(WordingKind.CUT_REASON, "主要原因是：", "原因："), "a reason cut off"
    ),
    "WRD005": _b("", _wording_of(WordingKind.PUNCTUATION, "。。", "，，"), "doubled punctuation"),
    "WRD007": _b("", _wording_of(WordingKind.BLANK, "占%", "增加万元"), "a slot left empty"),
    "WRD006": _b(
        "", _wording_of(WordingKind.PERCENT_SIGN, "下降5.2", "增长12"), "a percent without %"
    ),
}
