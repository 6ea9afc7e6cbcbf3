"""The fast path of :func:`govbudget.io.document.loads`: one pass that reads and vouches.

The careful path parses with a hook that marks a key stated twice, walks the data to check
the limits, reads it into a plan of the model's fields, and builds each object through its
attrs ``__init__``. This path does the same work in one pass over the parsed data, and
builds the objects directly:

- the text is parsed by :func:`json.loads` without the duplicate-key hook; a key stated twice
  is ruled out afterwards by counting: the keys of all the objects read add up to the
  colons of the text only when no object lost a key (a colon within a string makes the
  count differ, and the text is then parsed again with the hook, to be sure);
- the limits are checked on the way: a container at :data:`MAX_DEPTH` is refused, a text
  no longer than ``max_values`` characters cannot hold more values (each value starts at a
  character of its own), and a number too long is never of a type the readers take;
- each object is made as its class's *twin* (a subclass with the ordinary ``__setattr__``,
  whose slots are set by plain stores), given every field's default, set with what the
  document states, and turned into the class itself (``__class__`` assignment: the same
  slots). A converter is not run where the reader already gives its result (an exact
  :class:`Amount`, a checked :class:`Decimal`, a tuple); a validator runs on every field
  the document states, and on a field it does not only where the default could fail.

Whatever this path cannot vouch for — an unknown key, a wrong type, a value a validator
refuses, a limit reached — it leaves to the careful path (``None``), which reads the
document again from its text and raises its error: the errors are the careful path's,
word for word. ``tests/test_fastload.py`` compares the two paths' budgets.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Final, TypeAlias

import attrs

from govbudget.figure import StatedChange, StatedPercent, _optional_amount, _to_decimal
from govbudget.io.document import (
    _CHANGE_KEYS,
    FORMAT,
    MAX_DEPTH,
    _compile,
    _parse_int,
    _parse_json,
    _parse_number,
    _read_amount,
    _read_decimal,
    _read_precision,
    _reject_constant,
    _shape,
    _within_limits,
)
from govbudget.model import DepartmentBudget, _optional_decimal
from govbudget.money import Amount, Unit
from govbudget.precision import DEFAULT_PRECISION, Precision

__all__ = ["fast_loads"]


class _Slow(Exception):
    """Raised where the fast path cannot vouch for the document: the careful path reads it."""


#: Reads one JSON value: the value, the unit of its amounts, its depth and the key counter.
_FastRead: TypeAlias = Callable[[Any, Unit, int, list[int]], object]

#: Converters whose result the readers already give: an exact ``Amount`` (or ``None``), a
#: ``Decimal`` that ``_to_decimal`` returns unchanged (finite, at most MAX_DIGITS digits).
_GIVEN_BY_THE_READERS: Final[frozenset[object]] = frozenset(
    {_optional_amount, _optional_decimal, _to_decimal}
)


def fast_loads(text: str, max_values: int, limit: int) -> DepartmentBudget | None:
    """The budget ``text`` states, or ``None`` where the careful path must read it."""
    if attrs.validators.get_disabled():
        return None  # the careful path builds without validators too
    try:
        data = json.loads(
            text,
            parse_float=_parse_number,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
        )
    except (ValueError, RecursionError):
        return None
    if type(data) is not dict or (len(text) > max_values and not _within_limits(data, max_values)):
        return None
    if data.pop("format", None) != FORMAT:
        return None
    keys = [1]  # the format's
    try:
        # The budget's own precision sets the unit of all its amounts (it has no children).
        budget = _fast_reader(DepartmentBudget)(data, DEFAULT_PRECISION.unit, 0, keys)
    except Exception:  # whatever it is, the careful path meets it again and says it
        return None
    if keys[0] != text.count(":"):
        # A colon within a string, or a key stated twice: only the hook can tell.
        try:
            marked = _parse_json(text, "<text>", limit)
        except Exception:
            return None
        if not _within_limits(marked, max_values):  # a _Duplicated object is not vouched for
            return None
    assert isinstance(budget, DepartmentBudget)
    return budget


def _text(value: Any, _unit: Unit, _depth: int, _keys: list[int]) -> str:
    if type(value) is not str:
        raise _Slow
    return value


def _integer(value: Any, _unit: Unit, _depth: int, _keys: list[int]) -> int:
    if type(value) is not int:  # a bool is not; the parser's ints are within MAX_DIGITS
        raise _Slow
    return value


def _boolean(value: Any, _unit: Unit, _depth: int, _keys: list[int]) -> bool:
    if type(value) is not bool:
        raise _Slow
    return value


def _decimal(value: Any, unit: Unit, _depth: int, _keys: list[int]) -> Decimal:
    kind = type(value)
    if kind is str or kind is int or kind is Decimal:  # not a number too long (_Oversized)
        return _read_decimal(value, unit)
    raise _Slow


def _amount(value: Any, unit: Unit, _depth: int, _keys: list[int]) -> Amount:
    kind = type(value)
    if kind is str or kind is int or kind is Decimal:
        return _read_amount(value, unit)
    raise _Slow


def _precision(value: Any, unit: Unit, depth: int, keys: list[int]) -> Precision:
    if type(value) is not dict or depth >= MAX_DEPTH:
        raise _Slow
    keys[0] += len(value)
    precision = _read_precision(value, unit)
    assert isinstance(precision, Precision)
    return precision


def _change(value: Any, unit: Unit, depth: int, keys: list[int]) -> StatedChange:
    make = _maker(StatedChange)
    if type(value) is not dict:
        return make(_amount(value, unit, depth, keys))  # type: ignore[no-any-return]
    if depth >= MAX_DEPTH or not _CHANGE_KEYS.issuperset(value):
        raise _Slow
    keys[0] += len(value)
    stated = value.get("value")
    word = value.get("word")
    if word is not None and type(word) is not str:
        raise _Slow
    parsed = None if stated is None else _amount(stated, unit, depth + 1, keys)
    return make(parsed, word)  # type: ignore[no-any-return]


def _percent(value: Any, unit: Unit, depth: int, keys: list[int]) -> StatedPercent:
    make = _maker(StatedPercent)
    if type(value) is not dict:
        return make(_decimal(value, unit, depth, keys))  # type: ignore[no-any-return]
    if depth >= MAX_DEPTH or not _CHANGE_KEYS.issuperset(value) or "value" not in value:
        raise _Slow
    keys[0] += len(value)
    word = value.get("word")
    if word is not None and type(word) is not str:
        raise _Slow
    stated = _decimal(value["value"], unit, depth + 1, keys)
    return make(stated, word)  # type: ignore[no-any-return]


_SCALARS: Final[dict[object, _FastRead]] = {
    bool: _boolean,
    int: _integer,
    str: _text,
    Decimal: _decimal,
    Amount: _amount,
    StatedChange: _change,
    StatedPercent: _percent,
    Precision: _precision,
}


def _optional(inner: _FastRead) -> _FastRead:
    def optional(value: Any, unit: Unit, depth: int, keys: list[int]) -> object:
        return None if value is None else inner(value, unit, depth, keys)

    return optional


@cache
def _fast_reader(tp: object) -> _FastRead:
    """How to read a value of the field type ``tp`` on the fast path (as ``_reader``)."""
    return _compile(
        tp, _fast_reader, _SCALARS, _optional, _tuple_reader, _enum_reader, _instance_reader
    )


def _enum_reader(tp: type[Enum]) -> _FastRead:
    members = {member.value: member for member in tp}

    def read(value: Any, _unit: Unit, _depth: int, _keys: list[int]) -> Enum:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise _Slow
        return found

    return read


def _tuple_reader(read: _FastRead) -> _FastRead:
    def items(value: Any, unit: Unit, depth: int, keys: list[int]) -> tuple[object, ...]:
        if type(value) is not list or depth >= MAX_DEPTH:
            raise _Slow
        inner = depth + 1
        return tuple([read(item, unit, inner, keys) for item in value])

    return items


# A field's validator, its attrs attribute and its name.
_Check: TypeAlias = tuple[Callable[[Any, Any, Any], object], "attrs.Attribute[Any]", str]


@attrs.frozen
class _Plan:
    """How the fast path makes an instance of one attrs class."""

    twin: type  # the class with the ordinary __setattr__: the same slots
    defaults: dict[str, object]  # every field's default, converted
    converters: dict[str, Callable[[Any], Any]]  # those the readers do not already give
    stated_checks: tuple[_Check, ...]  # validators run where the document states the field
    checks: tuple[_Check, ...]  # validators run always (the default could fail)


@cache
def _plan(tp: type) -> _Plan:
    if hasattr(tp, "__attrs_pre_init__") or hasattr(tp, "__attrs_post_init__"):
        raise TypeError(f"{tp.__name__} cannot be built on the fast path")
    twin = type(
        f"_Fast{tp.__name__}",
        (tp,),
        {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__},
    )
    defaults: dict[str, object] = {}
    converters: dict[str, Callable[[Any], Any]] = {}
    stated: list[_Check] = []
    always: list[_Check] = []
    for f in attrs.fields(tp):
        if not f.init or f.alias != f.name or isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{tp.__name__}.{f.name} cannot be set on the fast path")
        converter = f.converter
        if converter is not None:
            if not isinstance(converter, types.FunctionType):
                raise TypeError(f"{tp.__name__}.{f.name}: a converter the fast path cannot run")
            if converter not in _GIVEN_BY_THE_READERS and not _returns_a_tuple_as_it_is(converter):
                converters[f.name] = converter
        if f.default is not attrs.NOTHING:
            defaults[f.name] = f.default if converter is None else converter(f.default)
        if f.validator is not None:
            check: _Check = (f.validator, f, f.name)
            if f.default is not attrs.NOTHING and _passes_whatever_the_instance(
                f.validator, f, defaults[f.name]
            ):
                stated.append(check)
            else:
                always.append(check)
    return _Plan(
        twin=twin,
        defaults=defaults,
        converters=converters,
        stated_checks=tuple(stated),
        checks=tuple(always),
    )


def _returns_a_tuple_as_it_is(converter: Callable[[Any], Any]) -> bool:
    """A converter that gives back the very tuple it is given (``tuple(value)``)."""
    probe = (object(),)
    try:
        return converter(probe) is probe
    except Exception:
        return False


def _passes_whatever_the_instance(
    validator: Callable[[Any, Any, Any], object], attribute: attrs.Attribute[Any], default: object
) -> bool:
    """A validator that accepts the default without looking at the instance at all."""
    try:
        validator(None, attribute, default)
    except Exception:
        return False
    return True


def _checks(plan: _Plan, stated: str, namespace: dict[str, Any]) -> list[str]:
    """The lines that call the validators of ``plan`` on the instance ``s``: each of
    ``plan.stated_checks`` where ``stated`` (a format of the field's ``name``) holds."""
    code = []
    for index, (validator, attribute, name) in enumerate((*plan.stated_checks, *plan.checks)):
        namespace[f"V{index}"], namespace[f"A{index}"] = validator, attribute
        if index < len(plan.stated_checks):
            code.append("    if " + stated.format(name=name) + ":")
            code.append(f"        V{index}(s, A{index}, s.{name})")
        else:
            code.append(f"    V{index}(s, A{index}, s.{name})")
    return code


@cache
def _maker(tp: type) -> Callable[..., Any]:
    """Makes an instance of ``tp`` from its field values, given in the order of its fields."""
    plan = _plan(tp)
    names = [f.name for f in attrs.fields(tp)]
    namespace: dict[str, Any] = {"new": object.__new__, "TWIN": plan.twin, "CLASS": tp}
    parameters = []
    code = ["    s = new(TWIN)"]
    for name in names:
        if name in plan.defaults:
            namespace[f"D_{name}"] = plan.defaults[name]
            parameters.append(f"{name}=D_{name}")
        else:
            parameters.append(name)
        if name in plan.converters:
            namespace[f"C_{name}"] = plan.converters[name]
            code.append(f"    s.{name} = C_{name}({name})")
        else:
            code.append(f"    s.{name} = {name}")
    code.append("    s.__class__ = CLASS")
    # The default passes whatever the instance: only another value is checked.
    code += _checks(plan, "{name} is not D_{name}", namespace)
    source = f"def make({', '.join(parameters)}):\n" + "\n".join(code) + "\n    return s\n"
    exec(compile(source, f"<fast maker of {tp.__name__}>", "exec"), namespace)
    make: Callable[..., Any] = namespace["make"]
    return make


def _instance_reader(tp: type) -> _FastRead:
    """Reads an object into the attrs class ``tp`` (as ``_instance_reader`` does).

    The reader is written for the class: its defaults stored one by one, each stated field
    read by its kind (a text taken as it is, an enum looked up, an amount or a number read,
    anything else by its own reader), its validators called by name.
    """
    shape = _shape(tp)
    plan = _plan(tp)
    converters = plan.converters
    readers: dict[str, _FastRead] = {}
    kinds: dict[str, int] = {}
    enums: dict[str, dict[object, Enum]] = {}
    for name in shape.fields:
        inner = shape.inner(name)
        if name in converters:
            kinds[name] = _OTHER
        elif name == "precision":
            kinds[name] = _PRECISION  # read before the others, for the unit of their amounts
        elif name in shape.text:
            kinds[name] = _TEXT
        elif inner is Amount:
            kinds[name] = _AMOUNT
        elif inner is Decimal:
            kinds[name] = _DECIMAL
        elif inner is int:
            kinds[name] = _INT
        elif inner is bool:
            kinds[name] = _BOOL
        elif isinstance(inner, type) and issubclass(inner, Enum):
            kinds[name] = _ENUM
            enums[name] = {member.value: member for member in inner}
        else:
            kinds[name] = _OTHER

    def make_reader(name: str) -> _FastRead:
        read = _fast_reader(shape.inner(name))
        convert = converters.get(name)
        if convert is not None:
            read = _converting(read, convert)
        readers[name] = read
        return read

    own_precision = "precision" in shape.allowed
    used = set(kinds.values())
    code = [
        "def read(data, unit, depth, keys):",
        # (An unknown key is met in the loop: it is neither in NULLABLE nor in KINDS.)
        "    if type(data) is not dict or depth >= MAX_DEPTH:",
        "        raise Slow",
    ]
    if shape.required:
        code += ["    if not REQUIRED(data):", "        raise Slow"]
    code += [
        "    keys[0] += len(data)",
        "    inner = depth + 1",
        "    own = unit",
    ]
    if own_precision:
        code += [
            "    precision = data.get('precision')",
            "    if precision is not None:",
            "        precision = PRECISION(precision, unit, inner, keys)",
            "        own = precision.unit",
        ]
    code.append("    s = new(TWIN)")
    defaults: dict[str, object] = {}
    for index, (name, default) in enumerate(plan.defaults.items()):
        if (
            default is None
            or default is False
            or default is True
            or (type(default) is tuple and not default)
        ):
            code.append(f"    s.{name} = {default!r}")  # a constant
        else:
            defaults[f"D{index}"] = default
            code.append(f"    s.{name} = D{index}")
    code += [
        "    for name, value in data.items():",
        "        if value is None:",
        "            if name not in NULLABLE:",
        "                raise Slow",
    ]
    if converters:
        code += [
            "            if name in CONVERTERS:",
            "                value = CONVERTERS[name](None)",
        ]
    code += ["        else:", "            kind = KINDS[name]", f"            if kind == {_TEXT}:"]
    code += ["                if type(value) is not str:", "                    raise Slow"]
    if own_precision:
        code += [f"            elif kind == {_PRECISION}:", "                value = precision"]
    if _AMOUNT in used:
        code += [
            f"            elif kind == {_AMOUNT}:",
            "                if type(value) is str:",
            "                    value = READ_AMOUNT(value, own)",
            "                else:",
            "                    value = FAST_AMOUNT(value, own, inner, keys)",
        ]
    if _DECIMAL in used:
        code += [
            f"            elif kind == {_DECIMAL}:",
            "                if type(value) is str:",
            "                    value = READ_DECIMAL(value, own)",
            "                else:",
            "                    value = FAST_DECIMAL(value, own, inner, keys)",
        ]
    for kind, name in ((_INT, "int"), (_BOOL, "bool")):
        if kind in used:  # the parser's ints are within MAX_DIGITS; a bool is not an int
            code += [
                f"            elif kind == {kind}:",
                f"                if type(value) is not {name}:",
                "                    raise Slow",
            ]
    if _ENUM in used:
        code += [
            f"            elif kind == {_ENUM}:",
            "                value = ENUMS[name].get(value) if type(value) is str else None",
            "                if value is None:",
            "                    raise Slow",
        ]
    # A figure's own precision applies to its own amounts, not to its children.
    of = "unit if name == 'children' else own" if own_precision and "children" in kinds else "own"
    code += [
        "            else:",
        # Made when first met: a class may contain itself, and most fields are not stated.
        "                read = READERS.get(name) or MAKE_READER(name)",
        f"                value = read(value, {of}, inner, keys)",
        "        setattr(s, name, value)",
        "    s.__class__ = CLASS",
    ]
    checks: dict[str, object] = {}
    code += _checks(plan, "{name!r} in data", checks)
    code.append("    return s")
    namespace: dict[str, Any] = {
        "Slow": _Slow,
        "MAX_DEPTH": MAX_DEPTH,
        "REQUIRED": shape.required.issubset,
        "READERS": readers,
        "MAKE_READER": make_reader,
        "PRECISION": _precision,
        "new": object.__new__,
        "TWIN": plan.twin,
        "CLASS": tp,
        **defaults,
        "NULLABLE": shape.nullable,
        "CONVERTERS": converters,
        "KINDS": kinds,
        "ENUMS": enums,
        "READ_AMOUNT": _read_amount,
        "FAST_AMOUNT": _amount,
        "READ_DECIMAL": _read_decimal,
        "FAST_DECIMAL": _decimal,
        **checks,
    }
    exec(compile("\n".join(code) + "\n", f"<fast reader of {tp.__name__}>", "exec"), namespace)
    read: _FastRead = namespace["read"]
    return read


# The kinds of field the reader of a class reads itself.
_TEXT: Final = 0
_AMOUNT: Final = 1
_ENUM: Final = 2
_DECIMAL: Final = 3
_INT: Final = 4
_BOOL: Final = 5
_PRECISION: Final = 6
_OTHER: Final = 7


def _converting(read: _FastRead, convert: Callable[[Any], Any]) -> _FastRead:
    def converted(value: Any, unit: Unit, depth: int, keys: list[int]) -> object:
        return convert(read(value, unit, depth, keys))

    return converted
