"""govbudget.paths: every figure of the model with its path, derived from the attrs fields."""

from __future__ import annotations

import typing
from collections.abc import Iterator

import attrs
import pytest
from attrs import evolve
from hypothesis import given, settings

from govbudget.errors import ModelError
from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Project
from govbudget.money import wan
from govbudget.paths import Kind, entries, figure_at, figure_fields, place_of, plan, replace, walk
from govbudget.strategies import budgets
from govbudget.tree import Node


def _holds_figures(hint: object) -> bool:
    """Whether a field typed ``hint`` holds figures, as its type says (independently of paths)."""
    if typing.get_args(hint):
        return any(_holds_figures(arg) for arg in typing.get_args(hint))
    if not isinstance(hint, type):
        return False
    if issubclass(hint, Figure):
        return True
    return attrs.has(hint) and any(_holds_figures(h) for h in typing.get_type_hints(hint).values())


def _filled(cls: type, depth: int = 0) -> object:
    """An instance of the model's class ``cls`` with every field that holds figures stated."""
    values: dict[str, object] = {}
    hints = typing.get_type_hints(cls)
    for attribute in attrs.fields(cls):
        hint = hints[attribute.name]
        if not _holds_figures(hint):
            continue
        inner = hint
        if typing.get_origin(hint) is not tuple:  # X | None
            (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        if typing.get_origin(inner) is tuple:
            (item, _) = typing.get_args(inner)
            if issubclass(item, Node):
                child = Node(code=None, name="其中", amount=wan(1))
                values[attribute.name] = (
                    Node(code=None, name=f"{attribute.name}行", amount=wan(2), children=(child,)),
                )
            else:
                values[attribute.name] = (_filled(item, depth + 1),)
        elif issubclass(inner, Figure):
            values[attribute.name] = Figure(amount=wan(depth + 1))
        else:
            values[attribute.name] = _filled(inner, depth + 1)
    if cls is Project:
        values["name"] = "某项目"
    return cls(**values)


def _every_figure(value: object) -> Iterator[Figure]:
    """Every figure under ``value``, found by reflection over all attrs fields and tuples."""
    if isinstance(value, Figure):
        yield value
        if isinstance(value, Node):
            for child in value.children:
                yield from _every_figure(child)
        return
    if isinstance(value, tuple):
        for item in value:
            yield from _every_figure(item)
        return
    if attrs.has(type(value)):
        for attribute in attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(value))):
            yield from _every_figure(getattr(value, attribute.name))


def test_every_figure_field_of_the_model_is_walked() -> None:
    budget = _filled(DepartmentBudget)
    assert isinstance(budget, DepartmentBudget)
    walked = [id(figure) for _, figure in walk(budget)]
    assert walked == [id(f) for f in _every_figure(budget)]
    # and each field that holds figures has its slot, in the order of the fields
    for cls, slots in ((DepartmentBudget, plan()),):
        hints = typing.get_type_hints(cls)
        named = [a.name for a in attrs.fields(cls) if _holds_figures(hints[a.name])]
        assert [s.name for s in slots] == named


def test_the_paths_name_each_figure_as_findings_do() -> None:
    budget = _filled(DepartmentBudget)
    assert isinstance(budget, DepartmentBudget)
    paths = [path for path, _ in walk(budget)]
    assert len(paths) == len(set(paths))
    for path in (
        "/income/total",
        "/income/lines/lines行/其中",
        "/three_public/reception",
        "/appropriation/general_public/basic",
        "/expenditure/by_function/by_function行/其中",
        "/institutional_operation",
        "/projects/0/amount",
        "/projects/0/funding/funding行",
        "/final/carried_out",
        "/statements/0/statements行/其中",
    ):
        assert path in paths


def test_figure_fields_are_the_fields_typed_figure() -> None:
    from govbudget.model import EXPENDITURE_FIGURES, Expenditure, Income

    assert figure_fields(Expenditure) == EXPENDITURE_FIGURES
    assert figure_fields(Income)[:2] == ("total", "grand_total")
    assert "lines" not in figure_fields(Income)


def _tree_budget() -> DepartmentBudget:
    from govbudget.model import Expenditure

    return DepartmentBudget(
        expenditure=Expenditure(
            total=Figure(amount=wan(3)),
            by_function=(
                Node(
                    code="201",
                    name="一般公共服务支出",
                    amount=wan(3),
                    children=(
                        Node(code="20101", name="人大事务", amount=wan(1)),
                        Node(code="20103", name="政府办公厅", amount=wan(2)),
                    ),
                ),
            ),
        ),
        statements=(
            Node(name="会议费", amount=wan(1), children=(Node(name="a/b", amount=wan(1)),)),
        ),
    )


def test_look_up_and_replace_round_trip() -> None:
    budget = _tree_budget()
    for path, figure in walk(budget):
        assert figure_at(budget, path) is figure
        new = evolve(figure, note="改")
        changed = replace(budget, path, new)
        assert figure_at(changed, path) == new
        assert [p for p, _ in walk(changed)] == [p for p, _ in walk(budget)]

        # every other figure is as it was, but the lines above (which hold the new line)
        def others(b: DepartmentBudget, path: str = path) -> list[Figure]:
            return [f for p, f in walk(b) if p != path and not path.startswith(f"{p}/")]

        assert others(changed) == others(budget)
    assert figure_at(budget, "/statements/0/会议费/a/b") is not None  # a key with a slash
    assert budget.expenditure is not None
    assert budget.expenditure.by_function[0].children[1].note is None  # the input is unchanged


def test_a_field_not_stated_can_be_stated_by_replace() -> None:
    budget = _tree_budget()
    assert figure_at(budget, "/expenditure/grand_total") is None
    changed = replace(budget, "/expenditure/grand_total", Figure(amount=wan(5)))
    assert changed.expenditure is not None
    assert changed.expenditure.grand_total == Figure(amount=wan(5))


@pytest.mark.parametrize(
    "path",
    [
        "/three_public/total",  # its part is not stated
        "/expenditure/by_function/202",
        "/expenditure/nothing",
        "/expenditure/total/more",
        "expenditure/total",
        "/projects/0/amount",
        "/statements/1/会议费",
        "/statements/x/会议费",
        "/",
        "",
    ],
)
def test_no_figure_there(path: str) -> None:
    budget = _tree_budget()
    assert figure_at(budget, path) is None
    assert place_of(budget, path) is None
    with pytest.raises(ModelError, match="no figure at"):
        replace(budget, path, Figure(amount=wan(1)))


def test_a_tree_line_is_replaced_by_a_line() -> None:
    with pytest.raises(ModelError, match="must be a Node"):
        replace(_tree_budget(), "/expenditure/by_function/201", Figure(amount=wan(1)))


def test_the_plan_is_computed_once() -> None:
    assert plan() is plan()
    assert [s.kind for s in plan() if s.name == "statements"] == [Kind.TREES]


def test_wanted_and_skip() -> None:
    budget = _filled(DepartmentBudget)
    assert isinstance(budget, DepartmentBudget)
    small = [p for p, f, _, _ in entries(budget, lambda f: f.amount == wan(1))]
    assert "/expenditure/by_function/by_function行/其中" in small
    assert "/expenditure/by_function/by_function行" not in small
    skipped = [p for p, *_ in entries(budget, skip=frozenset({"/projects/*/funding"}))]
    assert not any(p.startswith("/projects/0/funding") for p in skipped)
    assert "/projects/0/other_figures/other_figures行" in skipped


@settings(max_examples=40, deadline=None)
@given(budgets())
def test_walk_is_stable_and_finds_every_figure(budget: DepartmentBudget) -> None:
    first = list(walk(budget))
    assert [(p, id(f)) for p, f in first] == [(p, id(f)) for p, f in walk(budget)]
    assert [id(f) for _, f in first] == [id(f) for f in _every_figure(budget)]
    for path, figure in first:
        found = figure_at(budget, path)
        assert found is not None
        assert found == figure


def test_figure_columns_are_the_fields_of_a_figure() -> None:
    from govbudget.money import Amount
    from govbudget.paths import figure_columns

    assert [name for name, _ in figure_columns()] == [a.name for a in attrs.fields(Figure)]
    assert dict(figure_columns())["budget_initial"] is Amount
    assert dict(figure_columns())["restated"] is tuple
