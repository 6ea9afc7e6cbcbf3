"""Every figure of a budget with its path: walk, look up, replace.

A figure's path names it the way findings do: a field by its name under its part
(``/three_public/reception``, ``/appropriation/general_public/basic``), a tree line by
its keys (code, or name where it has none) under its tree
(``/expenditure/by_function/201/20101``), an item of a tuple by its index
(``/projects/0/amount``) and a statement by its index, then its keys
(``/statements/0/会议费``).

Which fields hold figures is read from the model's :func:`attrs.fields` and their
types, once per class: a field typed ``Figure | None`` holds one figure, a
``tuple[Node, ...]`` a tree, a part (``ThreePublic | None``) or a tuple of parts
(``tuple[Project, ...]``) the figures of its own fields. A new field of the model is
walked without being named here.

>>> from govbudget.model import DepartmentBudget, ThreePublic
>>> from govbudget.money import wan
>>> b = DepartmentBudget(three_public=ThreePublic(total=Figure(amount=wan(3)),
...                                               reception=Figure(amount=wan(1))))
>>> [path for path, _ in walk(b)]
['/three_public/total', '/three_public/reception']
>>> figure_at(b, "/three_public/reception").amount == wan(1)
True
>>> c = replace(b, "/three_public/reception", Figure(amount=wan(2)))
>>> figure_at(c, "/three_public/reception").amount == wan(2), figure_at(b, "/three_public/reception").amount == wan(1)
(True, True)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from functools import cache
from typing import Final, TypeAlias

import attrs
from attrs import evolve, frozen

from govbudget.errors import ModelError
from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.tree import Node

__all__ = [
    "Entry",
    "Kind",
    "Place",
    "Slot",
    "entries",
    "figure_at",
    "figure_columns",
    "figure_fields",
    "place_of",
    "plan",
    "replace",
    "replaced_at",
    "value_at",
    "walk",
]


class Kind(Enum):
    """What a field of the model holds, for the walk."""

    FIGURE = "figure"  # one figure (or None)
    PART = "part"  # a part with figures of its own (or None)
    ITEMS = "items"  # a tuple of parts, each at its index
    TREE = "tree"  # a tuple of tree lines, each at its key
    TREES = "trees"  # a tuple of trees, each at its index (the statements)


#: Fields whose lines are trees of their own, each at its index, not the lines of one tree.
_TREE_EACH: Final = frozenset({(DepartmentBudget, "statements")})


@frozen(eq=False)
class Slot:
    """A field of the model that holds figures.

    ``path`` is its path with ``*`` for an item's index (``/projects/*/amount``);
    ``plan`` the slots of a part's (or an item's) own fields.
    """

    name: str
    kind: Kind
    path: str
    plan: tuple[Slot, ...] = ()


#: A figure the walk gives: its path, the figure, the slot it is in, and the values above
#: it within the budget (the parts, items and tree lines it is under, outermost first).
Entry: TypeAlias = tuple[str, Figure, Slot, tuple[object, ...]]

#: A place in a budget: attribute names and tuple indices from the budget down.
Place: TypeAlias = tuple[str | int, ...]


def _optional(hint: object) -> object:
    """``X`` for a field typed ``X | None``; ``hint`` itself for any other."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        kinds = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(kinds) == 1:
            return kinds[0]
    return hint


def _kind(hint: object) -> tuple[Kind, type] | None:
    """What a field typed ``hint`` holds, and the class of its values."""
    hint = _optional(hint)
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis and isinstance(args[0], type):
            if issubclass(args[0], Node):
                return Kind.TREE, args[0]
            if attrs.has(args[0]):
                return Kind.ITEMS, args[0]
        return None
    if isinstance(hint, type):
        if issubclass(hint, Figure):
            return Kind.FIGURE, hint
        if attrs.has(hint):
            return Kind.PART, hint
    return None


@cache
def plan(cls: type = DepartmentBudget, prefix: str = "") -> tuple[Slot, ...]:
    """The slots of ``cls``'s fields that hold figures, in the order of its fields, under
    ``prefix`` (the path of the part they are in). Computed once for each.

    >>> from govbudget.model import Spending
    >>> [slot.path for slot in plan(Spending, "/appropriation/total")][:2]
    ['/appropriation/total/total', '/appropriation/total/basic']
    """
    hints = typing.get_type_hints(cls)
    slots: list[Slot] = []
    for attribute in attrs.fields(cls):
        found = _kind(hints[attribute.name])
        if found is None:
            continue
        kind, of = found
        path = f"{prefix}/{attribute.name}"
        inner: tuple[Slot, ...] = ()
        if kind is Kind.PART:
            inner = plan(of, path)
        elif kind is Kind.ITEMS:
            inner = plan(of, f"{path}/*")
        elif kind is Kind.TREE and (cls, attribute.name) in _TREE_EACH:
            kind = Kind.TREES
        if kind in (Kind.PART, Kind.ITEMS) and not inner:
            continue  # a part without figures (Staffing, Performance …)
        slots.append(Slot(attribute.name, kind, path, inner))
    return tuple(slots)


def figure_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that hold one figure, in order.

    >>> from govbudget.model import Procurement
    >>> figure_fields(Procurement)
    ('total', 'goods', 'works', 'services', 'sme')
    """
    return _figure_fields(cls)


@cache
def _figure_fields(cls: type) -> tuple[str, ...]:
    return tuple(slot.name for slot in plan(cls) if slot.kind is Kind.FIGURE)


def figure_columns() -> tuple[tuple[str, type], ...]:
    """The fields of a :class:`~govbudget.figure.Figure`, what one figure states (each at
    ``{path}/{field}`` under the figure's path), with the class of their values.

    >>> [(name, kind.__name__) for name, kind in figure_columns()][:3]
    [('amount', 'Amount'), ('prior', 'Amount'), ('change', 'StatedChange')]
    """
    return _figure_columns()


@cache
def _figure_columns() -> tuple[tuple[str, type], ...]:
    hints = typing.get_type_hints(Figure)
    found: list[tuple[str, type]] = []
    for attribute in attrs.fields(Figure):
        hint = _optional(hints[attribute.name])
        kind = typing.get_origin(hint) or hint
        assert isinstance(kind, type), (attribute.name, hint)
        found.append((attribute.name, kind))
    return tuple(found)


def walk(budget: DepartmentBudget) -> Iterator[tuple[str, Figure]]:
    """Every figure of ``budget`` with its path: parts in the order of their fields, a
    tree's lines parents before children.

    >>> from govbudget.model import Expenditure
    >>> from govbudget.money import wan
    >>> b = DepartmentBudget(expenditure=Expenditure(total=Figure(amount=wan(1)), by_function=(
    ...     Node(code="201", name="一般公共服务支出", amount=wan(1), children=(
    ...         Node(code="20101", name="人大事务", amount=wan(1)),)),)))
    >>> [path for path, _ in walk(b)]
    ['/expenditure/total', '/expenditure/by_function/201', '/expenditure/by_function/201/20101']
    """
    for path, figure, _slot, _above in entries(budget):
        yield path, figure


def entries(
    budget: DepartmentBudget,
    wanted: Callable[[Figure], bool] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Entry]:
    """The figures of :func:`walk` with their slots and the values above them.

    Only figures ``wanted`` accepts are given (a tree line's path is formed only when it
    is given or has lines under it); slots whose path is in ``skip``
    (``/projects/*/funding``) are not walked.
    """
    return _entries(budget, _ops(plan(), skip), "", (), wanted)


#: A slot as the walk reads it: field name, what it holds (``_FIGURE`` …), the slot, the
#: steps of its own fields, and its path where no index is in it (else ``None``).
_Op: TypeAlias = tuple[str, int, Slot, tuple["_Op", ...], str | None]
_FIGURE, _PART, _ITEMS, _TREE, _TREES = range(5)
_CODES: Final = {
    Kind.FIGURE: _FIGURE,
    Kind.PART: _PART,
    Kind.ITEMS: _ITEMS,
    Kind.TREE: _TREE,
    Kind.TREES: _TREES,
}
#: The steps of each plan (by its id: plans are cached, so kept) without the skipped slots.
_OPS: Final[dict[tuple[int, frozenset[str]], tuple[_Op, ...]]] = {}


def _ops(slots: tuple[Slot, ...], skip: frozenset[str]) -> tuple[_Op, ...]:
    key = (id(slots), skip)
    found = _OPS.get(key)
    if found is None:
        found = _OPS[key] = tuple(
            (s.name, _CODES[s.kind], s, _ops(s.plan, skip), None if "*" in s.path else s.path)
            for s in slots
            if s.path not in skip
        )
    return found


def _entries(
    value: object,
    ops: tuple[_Op, ...],
    prefix: str,
    above: tuple[object, ...],
    wanted: Callable[[Figure], bool] | None,
) -> Iterator[Entry]:
    # Run for every part of every budget checked: plain tuples, no formatting of the paths
    # that hold no index.
    for name, code, slot, inner, path in ops:
        item = getattr(value, name)
        if not item:  # None, or an empty tuple (figures and parts are always true)
            continue
        if code == _FIGURE:
            if wanted is None or wanted(item):
                yield path or f"{prefix}/{name}", item, slot, above
        elif code == _PART:
            yield from _entries(item, inner, path or f"{prefix}/{name}", (*above, item), wanted)
        elif code == _ITEMS:
            for index, part in enumerate(item):
                here = f"{path or f'{prefix}/{name}'}/{index}"
                yield from _entries(part, inner, here, (*above, part), wanted)
        elif code == _TREE:
            yield from _lines(item, path or f"{prefix}/{name}", slot, above, wanted)
        else:
            for index, root in enumerate(item):
                here = f"{path or f'{prefix}/{name}'}/{index}"
                yield from _lines((root,), here, slot, above, wanted)


def _lines(
    roots: Sequence[Node],
    path: str,
    slot: Slot,
    above: tuple[object, ...],
    wanted: Callable[[Figure], bool] | None,
) -> Iterator[Entry]:
    # A hot loop, in walk()'s order: a line's path is formed only when it is given or has
    # lines under it, and the values above it once for all its children.
    stack = [(path, node, above) for node in reversed(roots)]
    pop, extend = stack.pop, stack.extend
    while stack:
        upper, node, over = pop()
        children = node.children
        if wanted is None or wanted(node):
            here = f"{upper}/{node.name if node.code is None else node.code}"
            yield here, node, slot, over
        elif children:
            here = f"{upper}/{node.name if node.code is None else node.code}"
        else:
            continue
        if children:
            under = (*over, node)
            extend([(here, child, under) for child in reversed(children)])


def place_of(budget: DepartmentBudget, path: str) -> Place | None:
    """Where the figure at ``path`` is: the attribute names and tuple indices from the budget
    down. ``None`` when there is no such place: no such field or line, or its part (or
    item) is not stated; a field of a stated part has its place even when it states no
    figure. Of siblings sharing a key, the first.

    >>> from govbudget.model import Expenditure
    >>> from govbudget.money import wan
    >>> b = DepartmentBudget(expenditure=Expenditure(by_function=(
    ...     Node(code="201", name="一般公共服务支出", amount=wan(1), children=(
    ...         Node(code="20101", name="人大事务", amount=wan(1)),)),)))
    >>> place_of(b, "/expenditure/by_function/201/20101")
    ('expenditure', 'by_function', 0, 'children', 0)
    >>> place_of(b, "/expenditure/total"), place_of(b, "/three_public/total")
    (('expenditure', 'total'), None)
    """
    if not path.startswith("/"):
        return None
    value: object = budget
    slots = plan()
    place: list[str | int] = []
    rest = path[1:]
    while True:
        name, _, rest = rest.partition("/")
        slot = next((s for s in slots if s.name == name), None)
        if slot is None:
            return None
        place.append(name)
        if slot.kind is Kind.FIGURE:  # stated or not: replace() may state it
            return tuple(place) if not rest else None
        item = getattr(value, name)
        if item is None:
            return None
        if slot.kind is Kind.TREE:
            found = _keys(item, rest)
            return None if found is None else (*place, *found)
        if slot.kind in (Kind.ITEMS, Kind.TREES):
            head, _, rest = rest.partition("/")
            if not head.isdigit() or int(head) >= len(item):
                return None
            index = int(head)
            place.append(index)
            item = item[index]
            if slot.kind is Kind.TREES:
                found = _keys((item,), rest)  # the statement's own key first: (0, …)
                return None if found is None else (*place, *found[1:])
        value, slots = item, slot.plan


def _keys(roots: Sequence[Node], rest: str) -> Place | None:
    """The indices (and ``children``) of the line at the keys ``rest`` under ``roots``."""
    place: list[str | int] = []
    level = roots
    while rest:
        for index, node in enumerate(level):
            key = node.key
            if rest == key or rest.startswith(f"{key}/"):
                if place:
                    place.append("children")
                place.append(index)
                rest = rest[len(key) + 1 :]
                level = node.children
                break
        else:
            return None
    return tuple(place) if place else None


def value_at(value: object, place: Place) -> object:
    """The value at ``place`` under ``value``.

    >>> from govbudget.model import FinalAccounts
    >>> value_at(DepartmentBudget(final=FinalAccounts()), ("final", "carried_in")) is None
    True
    """
    for key in place:
        value = value[key] if isinstance(key, int) else getattr(value, key)  # type: ignore[index]
    return value


def replaced_at(value: object, place: Place, new: object) -> object:
    """``value`` with the value at ``place`` replaced by ``new`` (:func:`attrs.evolve` for a
    field, a new tuple for an index); the input is unchanged."""
    if not place:
        return new
    key, rest = place[0], place[1:]
    if isinstance(key, int):
        assert isinstance(value, tuple)
        return (*value[:key], replaced_at(value[key], rest, new), *value[key + 1 :])
    return evolve(value, **{key: replaced_at(getattr(value, key), rest, new)})  # type: ignore[misc]


def figure_at(budget: DepartmentBudget, path: str) -> Figure | None:
    """The figure at ``path``, or ``None`` when no figure is there."""
    place = place_of(budget, path)
    if place is None:
        return None
    found = value_at(budget, place)
    return found if isinstance(found, Figure) else None


def replace(budget: DepartmentBudget, path: str, new: Figure) -> DepartmentBudget:
    """A new budget with the figure at ``path`` replaced by ``new`` (a tree line's by a
    :class:`~govbudget.tree.Node`); the input is unchanged.

    Raises :class:`~govbudget.errors.ModelError` naming the path when no figure is there.
    """
    place = place_of(budget, path)
    if place is None:
        raise ModelError(f"no figure at {path}")
    if isinstance(place[-1], int) and not isinstance(new, Node):
        raise ModelError(f"{path} is a tree line: its figure must be a Node, not {new!r}")
    result = replaced_at(budget, place, new)
    assert isinstance(result, DepartmentBudget)
    return result
