"""The shipped JSON Schema matches the model, is valid draft 2020-12 and accepts every example."""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import load
from govbudget.errors import DocumentError
from govbudget.io import schema as schema_module
from govbudget.io.schema import build_schema, schema, schema_text
from govbudget.model import DepartmentBudget

ROOT = Path(__file__).parent.parent
EXAMPLE_DOCUMENTS = sorted(
    path
    for path in (ROOT / "examples").rglob("*.json")
    if '"format": "govbudget/1"' in path.read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(dict(schema()))


def test_the_shipped_schema_is_the_one_the_model_generates() -> None:
    shipped = json.loads(schema_text())
    assert shipped == build_schema(), "run: python -m govbudget.io.schema"
    assert schema_text() == json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(dict(schema()))
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_there_are_examples_to_validate() -> None:
    assert len(EXAMPLE_DOCUMENTS) >= 2


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_document_validates(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []
    load(path)


def _model_classes() -> set[type]:
    found: set[type] = set()
    pending: list[type] = [DepartmentBudget]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.add(cls)
        for hint in typing.get_type_hints(cls).values():
            for arg in (hint, *typing.get_args(hint)):
                for inner in (arg, *typing.get_args(arg)):
                    if isinstance(inner, type) and attrs.has(inner):
                        pending.append(inner)
    return found


def test_every_model_field_is_in_the_schema_and_every_description_is_a_field() -> None:
    defs = typing.cast(dict[str, dict[str, object]], build_schema()["$defs"])
    described = set(schema_module._DESCRIPTIONS)
    fields: set[str] = set()
    for cls in _model_classes():
        own = {f"{cls.__name__}.{f.name}" for f in attrs.fields(cls) if f.init}
        fields |= own
        if cls is DepartmentBudget:
            continue
        entry = defs[cls.__name__]
        object_form = next(
            (
                o
                for o in typing.cast(list[dict[str, object]], entry.get("anyOf", [entry]))
                if o.get("type") == "object"
            ),
        )
        assert set(typing.cast(dict[str, object], object_form["properties"])) == {
            name.split(".")[1] for name in own
        }
    # Node inherits Figure's descriptions, so only fields declared somewhere are described.
    stale = {d for d in described if d not in fields and not d.startswith("Figure.")}
    assert stale == set()


@pytest.mark.parametrize(
    "body",
    [
        {"year": 1800},
        {"precision": {"unit": "万元", "decimals": 9}},
        {"precision": {"unit": "美元"}},
        {"kind": "draft"},
        {"expenditure": {"by_function": [{"code": "20", "name": "一般公共服务支出"}]}},
        {"expenditure": {"by_function": [{"code": "201", "name": " "}]}},
        {"expenditure": {"total": {"amount": "12..5"}}},
        {"expenditure": {"total": {"change": {"value": "1", "word": "变了"}}}},
        {"expenditure": {"total": {"percent": {"word": "下降"}}}},
        {"three_public": {"totl": {"amount": "1"}}},
        {"projects": [{"amount": {"amount": "1"}}]},
    ],
)
def test_the_schema_and_the_loader_refuse_the_same_mistakes(body: dict[str, object]) -> None:
    document = {"format": "govbudget/1", "department": "某局", "year": 2025, **body}
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(DocumentError):
        load(document)


def test_the_schema_accepts_the_number_forms_the_loader_reads() -> None:
    for written in ["1,234.50", "－１２.５", " 12 ", "1 234.5", 12, 12.5, "0"]:
        document = {
            "format": "govbudget/1",
            "department": "某局",
            "year": 2025,
            "income": {"total": {"amount": written, "percent": written}},
        }
        assert VALIDATOR.is_valid(document), written
        load(json.dumps(document))


_BASE = json.loads(EXAMPLE_DOCUMENTS[0].read_text(encoding="utf-8")) if EXAMPLE_DOCUMENTS else {}
_SCALARS: st.SearchStrategy[object] = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.sampled_from(["", " ", "12.5", "1,000", "减少", "万元", "201", "abc", "1e3"])
    | st.just({})
    | st.just([])
)


def _places(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


@given(st.sampled_from(_places(_BASE)[1:]), _SCALARS)
def test_what_the_loader_accepts_the_schema_accepts(
    place: tuple[str | int, ...], value: object
) -> None:
    document = copy.deepcopy(_BASE)
    target: typing.Any = document
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    try:
        load(document)
    except DocumentError:
        return
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []
