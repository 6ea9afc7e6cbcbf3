"""Edits to a valid budget, as a state machine.

A budget with income, expenditure (total, basic/project, personnel/public) and both
classification trees is edited step by step:

- change a line and carry the change to its ancestors and to the totals (the other
  tree, 基本支出/人员经费, the expenditure and income totals, 财政拨款收入);
- add a line or remove one, carried the same way;
- move money between 基本支出 and 项目支出 (and 人员经费).

After every carried edit every check is exact. The same edit left uncarried breaks
exactly the rules it should: the line's parent relation (TRE001) or, for a class, the
tree's total (TOT002/TOT003); stopping at the tree, only that tree's total; 基本支出 alone,
TOT004 and TOT005.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from attrs import evolve
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from govbudget import DepartmentBudget, Figure, Node, validate
from govbudget.model import Expenditure, Income
from govbudget.money import Amount
from govbudget.rounding import Outcome
from govbudget.strategies._build import Shape, build_budget
from govbudget.strategies._writing import quantum
from govbudget.tree import Path, replace_at, walk

SHAPE = Shape(
    kind=None,
    max_lines=8,
    require=frozenset(
        {
            "income",
            "income.appropriation",
            "expenditure",
            "expenditure.split",
            "expenditure.basic_split",
            "expenditure.by_function",
            "expenditure.by_economic",
        }
    ),
    # Parts whose relations to single lines (三公 items, 住房公积金, 302) or to the
    # prior year these edits do not carry.
    forbid=frozenset(
        {
            "final",
            "prior_year",
            "shares",
            "carryover",
            "income.lines",
            "appropriation",
            "three_public",
            "operation",
            "housing",
            "projects",
            "partial",
            "precision_override",
        }
    ),
)
TREES = ("by_function", "by_economic")
TOTAL_RULE = {"by_function": "TOT002", "by_economic": "TOT003"}


@st.composite
def valid_budgets(draw: st.DrawFn) -> DepartmentBudget:
    return build_budget(draw, SHAPE, exact=True)


def steps(low: int, high: int) -> st.SearchStrategy[int]:
    """No change, or a change of at least 200 last places (far beyond rounding), in range."""
    options = [st.just(0)]
    if high >= 200:
        options.append(st.integers(200, high))
    if low <= -200:
        options.append(st.integers(low, -200))
    return st.one_of(options)


def broken_rules(budget: DepartmentBudget) -> set[str]:
    return {c.rule_id for c in validate(budget).checks if c.outcome is Outcome.INCONSISTENT}


F = TypeVar("F", bound=Figure)


def shift(figure: F | None, delta: int) -> F | None:
    """``figure`` changed by ``delta``; a figure stated as none (无) counts as zero."""
    if figure is None or (figure.amount is None and not figure.none_stated) or not delta:
        return figure
    before = figure.amount.fen if figure.amount is not None else 0
    return evolve(figure, amount=Amount.from_fen(before + delta), none_stated=False)


def shift_node(node: Node, delta: int) -> Node:
    shifted = shift(node, delta)
    assert shifted is not None
    return shifted


def lowest(figures: list[Figure | None]) -> int:
    return min((f.amount.fen for f in figures if f is not None and f.amount is not None), default=0)


def lines(roots: tuple[Node, ...]) -> Iterator[tuple[Path, Node]]:
    return walk(roots)


def along(roots: tuple[Node, ...], path: Path, delta: int) -> tuple[Node, ...]:
    """``roots`` with the line at ``path`` and every ancestor changed by ``delta``."""
    for depth in range(len(path), 0, -1):
        here = path[:depth]
        node = dict(walk(roots))[here]
        roots = replace_at(roots, here, shift_node(node, delta))
    return roots


class Edits(RuleBasedStateMachine):
    budget: DepartmentBudget

    @initialize(budget=valid_budgets())
    def start(self, budget: DepartmentBudget) -> None:
        self.budget = budget
        self.step = quantum(budget.precision)

    # -- helpers --------------------------------------------------------------------------

    @property
    def spending(self) -> Expenditure:
        assert self.budget.expenditure is not None
        return self.budget.expenditure

    @property
    def income(self) -> Income:
        assert self.budget.income is not None
        return self.budget.income

    def with_tree(
        self, budget: DepartmentBudget, tree: str, roots: tuple[Node, ...]
    ) -> DepartmentBudget:
        spending = budget.expenditure
        assert spending is not None
        if tree == "by_function":
            return evolve(budget, expenditure=evolve(spending, by_function=roots))
        return evolve(budget, expenditure=evolve(spending, by_economic=roots))

    def totals(self, budget: DepartmentBudget, delta: int, kind: str) -> DepartmentBudget:
        """``delta`` carried to the expenditure and income totals and to 基本/项目支出."""
        assert budget.expenditure is not None
        assert budget.income is not None
        spending, income = budget.expenditure, budget.income
        spending = evolve(
            spending,
            total=shift(spending.total, delta),
            grand_total=shift(spending.grand_total, delta),
        )
        if kind == "basic":
            spending = evolve(
                spending,
                basic=shift(spending.basic, delta),
                personnel=shift(spending.personnel, delta),
            )
        else:
            spending = evolve(spending, project=shift(spending.project, delta))
        income = evolve(
            income,
            total=shift(income.total, delta),
            grand_total=shift(income.grand_total, delta),
            appropriation=shift(income.appropriation, delta),
            general_public=shift(income.general_public, delta),
        )
        return evolve(budget, expenditure=spending, income=income)

    def room(self) -> int:
        """The most that can be taken from every total without making one negative."""
        s, i = self.spending, self.income
        return lowest(
            [
                s.total,
                s.grand_total,
                s.basic,
                s.project,
                s.personnel,
                i.total,
                i.grand_total,
                i.appropriation,
                i.general_public,
            ]
        )

    def carried(
        self, tree: str, path: Path, delta: int, kind: str, other: Path
    ) -> DepartmentBudget:
        """The change at ``path`` carried everywhere (``other``: a leaf of the other tree)."""
        budget = self.with_tree(self.budget, tree, along(getattr(self.spending, tree), path, delta))
        twin = TREES[1 - TREES.index(tree)]
        assert budget.expenditure is not None
        budget = self.with_tree(
            budget, twin, along(getattr(budget.expenditure, twin), other, delta)
        )
        return self.totals(budget, delta, kind)

    def expect(self, budget: DepartmentBudget, rules: set[str]) -> None:
        assert broken_rules(budget) == rules

    # -- edits ----------------------------------------------------------------------------

    @rule(data=st.data())
    def change_a_line(self, data: st.DataObject) -> None:
        tree = data.draw(st.sampled_from(TREES))
        twin = TREES[1 - TREES.index(tree)]
        leaves = [(p, n) for p, n in lines(getattr(self.spending, tree)) if not n.children]
        others = [p for p, n in lines(getattr(self.spending, twin)) if not n.children]
        path, leaf = data.draw(st.sampled_from(leaves))
        other = data.draw(st.sampled_from(others))
        kind = data.draw(st.sampled_from(("basic", "project")))
        twin_leaf = dict(lines(getattr(self.spending, twin)))[other]
        floor = min(
            self.room(),
            leaf.amount.fen if leaf.amount else 0,
            twin_leaf.amount.fen if twin_leaf.amount else 0,
        )
        floor = min(floor, getattr(self.spending, kind).amount.fen)
        delta = data.draw(steps(-(floor // self.step), 10**6)) * self.step
        alone = self.with_tree(
            self.budget,
            tree,
            replace_at(getattr(self.spending, tree), path, shift_node(leaf, delta)),
        )
        if delta:
            self.expect(alone, {"TRE001" if len(path) > 1 else TOTAL_RULE[tree]})
            stopped = self.with_tree(
                self.budget, tree, along(getattr(self.spending, tree), path, delta)
            )
            self.expect(stopped, {TOTAL_RULE[tree]})
        self.budget = self.carried(tree, path, delta, kind, other)

    @rule(data=st.data())
    def add_a_line(self, data: st.DataObject) -> None:
        tree = data.draw(st.sampled_from(TREES))
        twin = TREES[1 - TREES.index(tree)]
        parents = [(p, n) for p, n in lines(getattr(self.spending, tree)) if n.children]
        if not parents:
            return
        path, parent = data.draw(st.sampled_from(parents))
        other = data.draw(
            st.sampled_from([p for p, n in lines(getattr(self.spending, twin)) if not n.children])
        )
        name = f"新增事项{len(parent.children) + 1}"
        if any(c.key == name for c in parent.children):
            return
        amount = data.draw(st.integers(200, 10**6)) * self.step
        added = evolve(
            parent, children=(*parent.children, Node(name=name, amount=Amount.from_fen(amount)))
        )
        alone = self.with_tree(
            self.budget, tree, replace_at(getattr(self.spending, tree), path, added)
        )
        self.expect(alone, {"TRE001"})
        kind = data.draw(st.sampled_from(("basic", "project")))
        self.budget = alone
        self.budget = self.carried(tree, path, amount, kind, other)

    @rule(data=st.data())
    def remove_a_line(self, data: st.DataObject) -> None:
        tree = data.draw(st.sampled_from(TREES))
        twin = TREES[1 - TREES.index(tree)]
        options = [
            (p, n)
            for p, n in lines(getattr(self.spending, tree))
            if len(p) > 1 and not n.children and n.amount is not None
        ]
        if not options:
            return
        path, leaf = data.draw(st.sampled_from(options))
        assert leaf.amount is not None
        amount = leaf.amount.fen
        kind = "basic" if lowest([self.spending.basic]) >= amount else "project"
        others = [
            p
            for p, n in lines(getattr(self.spending, twin))
            if not n.children and n.amount is not None and n.amount.fen >= amount
        ]
        if not others or getattr(self.spending, kind).amount.fen < amount or self.room() < amount:
            return
        other = data.draw(st.sampled_from(others))
        roots = getattr(self.spending, tree)
        parent = dict(lines(roots))[path[:-1]]
        pruned = evolve(parent, children=tuple(c for c in parent.children if c.key != path[-1]))
        alone = self.with_tree(self.budget, tree, replace_at(roots, path[:-1], pruned))
        # Left uncarried, the parent no longer adds up unless the line was within rounding of nothing.
        bound = (len(pruned.children) + 1) * self.budget.precision.half_width_fen
        self.expect(alone, {"TRE001"} if pruned.children and amount > bound else set())
        self.budget = self.carried(tree, path, -amount, kind, other)
        roots = getattr(self.spending, tree)
        parent = dict(lines(roots))[path[:-1]]
        pruned = evolve(parent, children=tuple(c for c in parent.children if c.key != path[-1]))
        self.budget = self.with_tree(self.budget, tree, replace_at(roots, path[:-1], pruned))

    @rule(data=st.data())
    def move_between_basic_and_project(self, data: st.DataObject) -> None:
        s = self.spending
        assert s.basic is not None
        assert s.project is not None
        assert s.personnel is not None
        assert s.basic.amount is not None
        assert s.project.amount is not None
        assert s.personnel.amount is not None
        low = -min(s.basic.amount.fen, s.personnel.amount.fen) // self.step
        high = s.project.amount.fen // self.step
        moved = data.draw(steps(low, high)) * self.step
        if moved:
            alone = evolve(self.budget, expenditure=evolve(s, basic=shift(s.basic, moved)))
            self.expect(alone, {"TOT004", "TOT005"})
            half = evolve(
                self.budget,
                expenditure=evolve(
                    s, basic=shift(s.basic, moved), project=shift(s.project, -moved)
                ),
            )
            self.expect(half, {"TOT005"})
        self.budget = evolve(
            self.budget,
            expenditure=evolve(
                s,
                basic=shift(s.basic, moved),
                project=shift(s.project, -moved),
                personnel=shift(s.personnel, moved),
            ),
        )

    @invariant()
    def every_check_is_exact(self) -> None:
        if hasattr(self, "budget"):
            bad = [
                c.message("en")
                for c in validate(self.budget).checks
                if c.outcome is not Outcome.EXACT
            ]
            assert bad == []


# Each step validates the budget up to three times: fewer, shorter runs than other properties.
Edits.TestCase.settings = settings(
    max_examples=max(5, settings().max_examples // 10), stateful_step_count=12
)
TestEdits = Edits.TestCase
