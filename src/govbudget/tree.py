"""Immutable classification trees (类 → 款 → 项) and their traversal.

A :class:`Node` is a :class:`~govbudget.figure.Figure` with a classification
code, a name and children. Construction checks structure only — the code's
form, that a child's code extends its parent's, that sibling codes are unique —
and never sums: a published tree whose figures disagree must be representable,
since reporting that is the checker's job.

>>> from govbudget import wan
>>> wages = Node(code="301", name="工资福利支出", amount=wan("85.58"), children=(
...     Node(code="30101", name="基本工资", amount=wan("55.58")),
...     Node(code="30102", name="津贴补贴", amount=wan("30")),
... ))
>>> [path for path, _ in walk((wages,))]
[('301',), ('301', '30101'), ('301', '30102')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, TypeAlias

from attrs import evolve, field, frozen

from govbudget.errors import ModelError
from govbudget.figure import Figure

__all__ = ["Node", "Path", "find", "lines", "replace_at", "walk"]

#: A place in a tree: the keys (code, or name where a node has no code) from a root down.
Path: TypeAlias = tuple[str, ...]

_CODE: Final = re.compile(r"\d{3}(?:\d{2}){0,2}")


def _check_code(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and not _CODE.fullmatch(value):
        raise ModelError(f"classification code {value!r} must be 3, 5 or 7 digits (类, 款, 项)")


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ModelError(f"a node needs a non-empty name, not {value!r}")


def _label(node: Node) -> str:
    return f"{node.code} {node.name}" if node.code else node.name


def _check_children(instance: Node, _attribute: object, children: tuple[Node, ...]) -> None:
    if not children:
        return
    seen: set[str] = set()
    for child in children:
        if not isinstance(child, Node):
            raise ModelError(f"{_label(instance)}: a child must be a Node, not {child!r}")
        if child.code is not None:
            if instance.code is not None and not (
                child.code.startswith(instance.code) and len(child.code) > len(instance.code)
            ):
                raise ModelError(
                    f"{_label(instance)}: child {_label(child)} does not extend"
                    f" its parent's code {instance.code}"
                )
            if child.code in seen:
                raise ModelError(f"{_label(instance)}: two children have the code {child.code}")
            seen.add(child.code)


def _to_tuple(value: Iterable[Node]) -> tuple[Node, ...]:
    return value if type(value) is tuple else tuple(value)


@frozen(kw_only=True)
class Node(Figure):
    """A line of a classification: code (as published), name, stated figures, children.

    ``code`` is ``None`` for a named line that has no official code (a project
    listed under 其他支出, an item of a 其中 list). ``partial`` marks children that
    are a 其中 list naming only some of the parts, so they need not add up to it.
    """

    code: str | None = field(default=None, validator=_check_code)
    name: str = field(validator=_check_name)
    children: tuple[Node, ...] = field(default=(), converter=_to_tuple, validator=_check_children)
    partial: bool = False

    @property
    def key(self) -> str:
        """The node's key in a :data:`Path`: its code, or its name where it has none."""
        return self.code if self.code is not None else self.name

    @property
    def label(self) -> str:
        """Code and name as a person reads them ("301 工资福利支出")."""
        return _label(self)


def walk(roots: Iterable[Node], prefix: Path = ()) -> Iterator[tuple[Path, Node]]:
    """Every node under ``roots`` with its path, parents before children, in order."""
    # A hot loop (every rule walks every tree): keys are read inline, not via the property.
    stack: list[tuple[Path, Node]] = [
        ((*prefix, n.name if n.code is None else n.code), n) for n in reversed(tuple(roots))
    ]
    pop, push = stack.pop, stack.append
    while stack:
        path, node = pop()
        yield path, node
        for child in reversed(node.children):
            push(((*path, child.name if child.code is None else child.code), child))


def lines(roots: Iterable[Node]) -> Iterator[Node]:
    """Every node under ``roots``, in :func:`walk`'s order, without paths (for a search that
    stops at what it looks for).

    >>> from govbudget.money import wan
    >>> tree = (Node(code="201", name="一般公共服务支出", amount=wan(1), children=(
    ...     Node(code="20101", name="人大事务", amount=wan(1)),)), Node(code="208", name="社会保障和就业支出"))
    >>> [n.code for n in lines(tree)]
    ['201', '20101', '208']
    """
    # A stack of the levels' iterators, each resumed where it was left when the lines under
    # one of its lines are done: a leaf (most lines) is taken by the for loop, not pushed.
    stack = [iter(roots)]
    push, pop = stack.append, stack.pop
    while stack:
        for node in stack[-1]:
            yield node
            if node.children:
                push(iter(node.children))
                break
        else:
            pop()


def find(roots: Iterable[Node], path: Path | str) -> Node | None:
    """The node at ``path`` (or with the code ``path``), or ``None``.

    >>> find((Node(code="201", name="一般公共服务支出"),), "201").name
    '一般公共服务支出'
    """
    if isinstance(path, str):
        # The first in walk order, without forming the paths walk() gives.
        stack = list(reversed(tuple(roots)))
        while stack:
            node = stack.pop()
            if node.code == path:
                return node
            stack.extend(reversed(node.children))
        return None
    level: Sequence[Node] = tuple(roots)
    found: Node | None = None
    for key in path:
        found = next((n for n in level if n.key == key), None)
        if found is None:
            return None
        level = found.children
    return found


def replace_at(roots: tuple[Node, ...], path: Path, new: Node) -> tuple[Node, ...]:
    """``roots`` with the node at ``path`` replaced by ``new``; the input is unchanged.

    Raises :class:`~govbudget.errors.ModelError` naming the path if there is no such node.
    """
    if not path:
        raise ModelError("an empty path names no node")
    index = next((i for i, n in enumerate(roots) if n.key == path[0]), None)
    if index is None:
        raise ModelError(f"no node at {'/'.join(path)}")
    old = roots[index]
    if len(path) == 1:
        replacement = new
    else:
        try:
            children = replace_at(old.children, path[1:], new)
        except ModelError as error:
            raise ModelError(f"no node at {'/'.join(path)}") from error
        replacement = evolve(old, children=children)
    return (*roots[:index], replacement, *roots[index + 1 :])
