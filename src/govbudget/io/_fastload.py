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
            parse_int=_parse_number,
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
        unit = DEFAULT_PRECISION.unit
        precision = data.get("precision")
        if precision is not None:
            unit = _precision(precision, unit, 1, [0]).unit
        budget = _fast_reader(DepartmentBudget)(data, unit, 0, keys)
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
        return make({"value": _amount(value, unit, depth, keys)})  # type: ignore[no-any-return]
    if depth >= MAX_DEPTH or not _CHANGE_KEYS.issuperset(value):
        raise _Slow
    keys[0] += len(value)
    stated = value.get("value")
    word = value.get("word")
    if word is not None and type(word) is not str:
        raise _Slow
    parsed = None if stated is None else _amount(stated, unit, depth + 1, keys)
    return make({"value": parsed, "word": word})  # type: ignore[no-any-return]


def _percent(value: Any, unit: Unit, depth: int, keys: list[int]) -> StatedPercent:
    make = _maker(StatedPercent)
    if type(value) is not dict:
        return make({"value": _decimal(value, unit, depth, keys)})  # type: ignore[no-any-return]
    if depth >= MAX_DEPTH or not _CHANGE_KEYS.issuperset(value) or "value" not in value:
        raise _Slow
    keys[0] += len(value)
    word = value.get("word")
    if word is not None and type(word) is not str:
        raise _Slow
    stated = _decimal(value["value"], unit, depth + 1, keys)
    return make({"value": stated, "word": word})  # type: ignore[no-any-return]


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

    new: Callable[[], Any]  # the twin, with every field's default set
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
    # Plain stores into the twin's slots: a function written for the class.
    lines = [f"    s.{name} = d[{name!r}]" for name in defaults]
    source = "def new(t, d):\n    s = object.__new__(t)\n" + "\n".join(lines) + "\n    return s\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<fast {tp.__name__}>", "exec"), namespace)
    make = namespace["new"]
    return _Plan(
        new=lambda: make(twin, defaults),
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


def _finish(tp: type, plan: _Plan, instance: Any, stated: dict[str, Any]) -> Any:
    """The twin ``instance`` made ``tp``, once its validators have passed."""
    instance.__class__ = tp
    for validator, attribute, name in plan.stated_checks:
        if name in stated:
            validator(instance, attribute, getattr(instance, name))
    for validator, attribute, name in plan.checks:
        validator(instance, attribute, getattr(instance, name))
    return instance


@cache
def _maker(tp: type) -> Callable[[dict[str, Any]], Any]:
    """Makes an instance of ``tp`` from its read field values."""
    plan = _plan(tp)
    new, converters = plan.new, plan.converters

    def make(values: dict[str, Any]) -> Any:
        instance = new()
        for name, value in values.items():
            convert = converters.get(name)
            setattr(instance, name, value if convert is None else convert(value))
        return _finish(tp, plan, instance, values)

    return make


def _instance_reader(tp: type) -> _FastRead:
    """Reads an object into the attrs class ``tp`` (as ``_instance_reader`` does)."""
    shape = _shape(tp)
    allowed, required, nullable = shape.allowed, shape.required, shape.nullable
    plan = _plan(tp)
    converters = plan.converters
    text = frozenset(n for n in shape.text if n not in converters)  # taken as they are
    own_precision = "precision" in allowed
    readers: dict[str, _FastRead] = {}  # made on first use: a class may contain itself

    def make_readers() -> None:
        for name in shape.fields:
            read = _fast_reader(shape.inner(name))
            convert = converters.get(name)
            if convert is not None:
                read = _converting(read, convert)
            readers[name] = read

    def read_instance(data: Any, unit: Unit, depth: int, keys: list[int]) -> object:
        if type(data) is not dict or depth >= MAX_DEPTH or not allowed.issuperset(data):
            raise _Slow
        if required and not required.issubset(data):
            raise _Slow
        if not readers:
            make_readers()
        keys[0] += len(data)
        inner = depth + 1
        own = unit
        precision = None
        if own_precision:
            stated = data.get("precision")
            if stated is not None:
                precision = _precision(stated, unit, inner, keys)
                own = precision.unit
        instance = plan.new()
        for name, value in data.items():
            if value is None:
                if name not in nullable:
                    raise _Slow
                if name in converters:
                    value = converters[name](None)
            elif name in text:
                if type(value) is not str:
                    raise _Slow
            elif precision is not None and name == "precision":
                value = precision
            else:
                # A figure's own precision applies to its own amounts, not to its children.
                value = readers[name](
                    value, own if own is unit or name != "children" else unit, inner, keys
                )
            setattr(instance, name, value)
        return _finish(tp, plan, instance, data)

    return read_instance


def _converting(read: _FastRead, convert: Callable[[Any], Any]) -> _FastRead:
    def converted(value: Any, unit: Unit, depth: int, keys: list[int]) -> object:
        return convert(read(value, unit, depth, keys))

    return converted
