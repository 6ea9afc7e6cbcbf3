"""The fast path of ``loads()`` against the careful one: the same budgets, the same errors.

``loads()`` first reads a text on the fast path (:mod:`govbudget.io._fastload`: one pass,
objects built without their ``__init__``) and reads it again on the careful path
(``from_data(_parse_json(text))``) whatever the fast path cannot vouch for. Here the two
are compared: on every example, on generated budgets dumped and reloaded, and on mutated
documents, whose budgets or errors must be the same, word for word. The budgets are
compared by their pickles, which hold every field (those outside equality too) and the
class of every object.
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, dumps
from govbudget.errors import DocumentError
from govbudget.io import document
from govbudget.io._fastload import fast_loads
from govbudget.strategies import broken_budgets, budgets, published_budgets

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(ROOT.glob("examples/*/budget.json"))


def _careful(text: str) -> DepartmentBudget:
    return document.from_data(document._parse_json(text, "<text>"), source="<text>")


def _fast(text: str) -> DepartmentBudget | None:
    return fast_loads(text, document.MAX_VALUES, document.MAX_DOCUMENT_BYTES)


def _same(one: DepartmentBudget, other: DepartmentBudget) -> bool:
    return one == other and pickle.dumps(one) == pickle.dumps(other)


def _outcome(read: Any, text: str) -> tuple[str, object]:
    try:
        return "budget", pickle.dumps(read(text))
    except DocumentError as error:
        return "error", str(error)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_fast_path_reads_every_example_as_the_careful_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _fast(text)
    assert fast is not None, "the fast path left a valid example to the careful path"
    assert _same(fast, _careful(text))
    assert type(fast) is DepartmentBudget


any_budget = st.one_of(budgets(), published_budgets(), broken_budgets().map(lambda p: p[0]))


@given(any_budget)
def test_the_fast_path_reads_generated_budgets_as_the_careful_path(
    budget: DepartmentBudget,
) -> None:
    text = dumps(budget)
    fast = _fast(text)
    assert fast is not None
    assert _same(fast, _careful(text))
    assert fast == budget  # (the generated budget may share an object where a read one cannot)


def _places(data: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*path, index))


_REPLACEMENTS: list[object] = [None, True, 7, "7.5", "x", "减少", [], {}, [{}], 1.5, "1e3"]


def _mutants(data: dict[str, Any]) -> Iterator[str]:
    """The document with one value replaced, one key dropped or renamed, or one key doubled."""
    for path in list(_places(data))[1::3]:
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        for replacement in _REPLACEMENTS[len(path) % 3 :: 3]:
            mutant = copy.deepcopy(data)
            target: Any = mutant
            for step in path[:-1]:
                target = target[step]
            target[last] = replacement
            yield json.dumps(mutant, ensure_ascii=False)
        if isinstance(parent, dict):
            mutant = copy.deepcopy(data)
            target = mutant
            for step in path[:-1]:
                target = target[step]
            value = target.pop(last)
            yield json.dumps(mutant, ensure_ascii=False)
            target[f"{last}x"] = value
            yield json.dumps(mutant, ensure_ascii=False)
            text = json.dumps({"k": value}, ensure_ascii=False)[1:-1].replace(
                '"k"', json.dumps(last)
            )
            yield json.dumps(mutant, ensure_ascii=False)[:-1] + ", " + text + "}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_mutated_documents_give_the_careful_paths_budget_or_error(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for text in _mutants(data):
        assert _outcome(document.loads, text) == _outcome(_careful, text), text
        count += 1
    assert count > 100


def test_a_key_stated_twice_is_refused_by_its_place() -> None:
    text = '{"format": "govbudget/1", "department": "某局", "year": 2025, "year": 2024}'
    assert _fast(text) is None
    with pytest.raises(DocumentError, match="/year: the key 'year' appears twice"):
        document.loads(text)


def test_a_colon_within_a_string_does_not_send_a_document_the_careful_way() -> None:
    text = '{"format": "govbudget/1", "department": "某局: 信访", "year": 2025}'
    fast = _fast(text)
    assert fast is not None
    assert fast.department == "某局: 信访"
    hidden = '{"format": "govbudget/1", "department": "某局:", "year": 2025, "year": 2024}'
    assert _fast(hidden) is None  # a colon in a string and a key twice: the hook tells


def test_a_document_nested_too_deep_is_left_to_the_careful_path() -> None:
    node = '{"name": "x"}'
    for _ in range(40):
        node = '{"name": "x", "children": [' + node + "]}"
    text = '{"format": "govbudget/1", "statements": [' + node + "]}"
    assert _fast(text) is None
    with pytest.raises(DocumentError, match="nested deeper than 64 levels"):
        document.loads(text)
