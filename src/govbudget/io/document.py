"""The govbudget JSON document format (``"format": "govbudget/1"``): load and dump.

A document is a JSON object whose keys are the field names of
:class:`~govbudget.model.DepartmentBudget` and its parts. Amounts are decimal
strings (or JSON numbers, read exactly, never through ``float``) in the
document's declared unit — ``"precision": {"unit": "万元", "decimals": 2}`` —
or in a figure's own ``precision`` where it declares one. A stated change is
``{"value": "23.94", "word": "减少"}`` or a plain signed amount; a percent is
``{"value": "5.3", "word": "减少"}`` or a plain number as written.

Hostile input is refused with a :class:`~govbudget.errors.DocumentError`,
never a crash or a hang: a document may be at most :data:`MAX_DOCUMENT_BYTES`
long, nest at most :data:`MAX_DEPTH` levels, hold at most :data:`MAX_VALUES`
JSON values, and write no number with more than
:data:`~govbudget.money.MAX_DIGITS` digits.

Every error names the source and the JSON Pointer of the place:

>>> load('{"format": "govbudget/1", "department": "某局", "year": 2025, "yaer": 1}')
Traceback (most recent call last):
...
govbudget.errors.DocumentError: <text> at /yaer: unknown key 'yaer' in DepartmentBudget; did you mean 'year'?
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Final, TypeAlias, TypeVar, Union

import attrs

from govbudget._escaping import json_text
from govbudget.errors import DocumentError, GovBudgetError
from govbudget.figure import StatedChange, StatedPercent
from govbudget.io._files import open_regular, write_atomic
from govbudget.model import DepartmentBudget
from govbudget.money import MAX_DIGITS, Amount, Unit, amount, to_unit
from govbudget.precision import DEFAULT_PRECISION, Precision

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_VALUES",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "read_limited",
    "read_stream_limited",
    "size_limit",
    "to_data",
]

#: The format tag every document carries.
FORMAT: Final = "govbudget/1"

#: The largest document read, in bytes (16 MiB). The largest real disclosures,
#: every table of a consolidated department, take a few hundred kilobytes.
MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024

#: The deepest nesting of JSON objects and arrays a document may have. A
#: classification tree three levels deep (类 → 款 → 项) sits about ten levels down.
MAX_DEPTH: Final = 64

#: The most JSON values (objects, arrays, strings, numbers …) in one document:
#: about fifty times the largest real disclosure.
MAX_VALUES: Final = 200_000

# The longest key or text quoted back in an error message.
_QUOTE_CHARS: Final = 40

JSONValue = Any  # the result of json.loads; narrowed where it is read
_T = TypeVar("_T")


class _Problem(Exception):
    """What cannot be read at one place: the message, and the keys from that place up.

    Raised where the value is and caught at each level above, which adds its key,
    so that the JSON Pointer is only built for an error, never on the way down.
    """

    def __init__(self, message: str, *keys: str) -> None:
        super().__init__(message)
        self.message = message
        self.keys = list(keys)  # innermost first, escaped

    def pointer(self) -> str:
        return "".join(f"/{key}" for key in reversed(self.keys))


#: Reads one JSON value into a model value, in the unit of the amounts around it.
_Read: TypeAlias = Callable[[JSONValue, Unit], object]


def _unknown_key(data: Mapping[str, JSONValue], allowed: frozenset[str], what: str) -> _Problem:
    key = next(k for k in data if k not in allowed)
    hint = difflib.get_close_matches(key, sorted(allowed), n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; expected one of {sorted(allowed)}"
    return _Problem(f"unknown key {_clip(key)!r} in {what}{suggestion}", _escape(_clip(key)))


def _build(tp: Callable[..., _T], values: dict[str, object]) -> _T:
    try:
        return tp(**values)
    except GovBudgetError as error:
        message = str(error)
        # A field's validator names its field first ("year must be …"): point at it.
        name = message.split(" ", 1)[0]
        if name in values and isinstance(tp, type) and name in _fields(tp):
            raise _Problem(message, _escape(name)) from None
        raise _Problem(message) from None


def _inside(key: str, read: _Read, data: JSONValue, unit: Unit) -> object:
    try:
        return read(data, unit)
    except _Problem as problem:
        problem.keys.append(key)
        raise


def _read_bool(data: JSONValue, _unit: Unit) -> bool:
    if not isinstance(data, bool):
        raise _Problem(f"expected true or false, got {_describe(data)}")
    return data


def _read_int(data: JSONValue, _unit: Unit) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise _Problem(f"expected an integer, got {_describe(data)}")
    return data


def _read_str(data: JSONValue, _unit: Unit) -> str:
    if not isinstance(data, str):
        raise _Problem(f"expected a string, got {_describe(data)}")
    return data


def _read_optional_str(data: JSONValue, unit: Unit) -> str | None:
    return None if data is None else _read_str(data, unit)


# A plain decimal string ("24.10", "-3"): read straight from its digits.
_PLAIN_DECIMAL: Final = re.compile(r"(-?)(\d+)(?:\.(\d+))?")


def _read_decimal(data: JSONValue, _unit: Unit) -> Decimal:
    if type(data) is int and -_SHORT_INT < data < _SHORT_INT:
        return Decimal(data)
    if type(data) is str:
        if data.isdigit() and data.isascii() and len(data) <= MAX_DIGITS:
            return Decimal(data)  # plain digits ("90"): what the pattern below would read
        match = _PLAIN_DECIMAL.fullmatch(data)
        if match is not None and len(match[2]) + len(match[3] or "") <= MAX_DIGITS:
            return Decimal(data)  # as parse_decimal reads it: the digits as written
    if isinstance(data, bool) or not isinstance(data, int | str | Decimal):
        raise _Problem(f"expected a number, got {_describe(data)}")
    try:
        return StatedPercent(data).value
    except GovBudgetError as error:
        raise _Problem(str(error)) from None


def _read_amount(data: JSONValue, unit: Unit) -> Amount:
    kind = type(data)
    if kind is str:
        # A plain decimal ("425.23", "-3"): its fen straight from its digits.
        whole, dot, fraction = data.partition(".")
        digits = whole[1:] if whole[:1] == "-" else whole
        if (
            digits.isdigit()
            and data.isascii()  # isdigit() alone takes other scripts' digits
            and (fraction.isdigit() or not dot)
            and len(digits) + len(fraction) <= MAX_DIGITS
        ):
            fen, rest = divmod(int(digits + fraction) * unit.fen, _POWERS_OF_TEN[len(fraction)])
            if rest == 0:
                return Amount.from_fen(fen if digits is whole else -fen)
    elif kind is int:
        return Amount.from_fen(data * unit.fen)  # at most MAX_DIGITS digits: checked before
    # Anything else (separators, full-width digits, JSON decimals, finer than a fen,
    # not a number): the general conversion, which says what is wrong.
    if isinstance(data, bool) or not isinstance(data, int | str | Decimal):
        raise _Problem(
            f"expected an amount in {unit.label} (a decimal string), got {_describe(data)}"
        )
    try:
        return amount(data, unit)
    except GovBudgetError as error:
        raise _Problem(str(error)) from None


_POWERS_OF_TEN: Final = tuple(10**places for places in range(MAX_DIGITS + 1))
_CHANGE_KEYS: Final = frozenset({"value", "word"})


def _read_change(data: JSONValue, unit: Unit) -> StatedChange:
    if isinstance(data, dict):
        if not _CHANGE_KEYS.issuperset(data):
            raise _unknown_key(data, _CHANGE_KEYS, "a stated change")
        value = data.get("value")
        word = _inside("word", _read_optional_str, data.get("word"), unit)
        parsed = None if value is None else _inside("value", _read_amount, value, unit)
        return _build(StatedChange, {"value": parsed, "word": word})
    return _build(StatedChange, {"value": _read_amount(data, unit)})


def _read_percent(data: JSONValue, unit: Unit) -> StatedPercent:
    if isinstance(data, dict):
        if not _CHANGE_KEYS.issuperset(data):
            raise _unknown_key(data, _CHANGE_KEYS, "a stated percent")
        if "value" not in data:
            raise _Problem("a stated percent needs a 'value'")
        value = _inside("value", _read_decimal, data["value"], unit)
        word = _inside("word", _read_optional_str, data.get("word"), unit)
        return _build(StatedPercent, {"value": value, "word": word})
    return _build(StatedPercent, {"value": _read_decimal(data, unit)})


_PRECISION_KEYS: Final = frozenset({"unit", "decimals"})


def _read_precision(data: JSONValue, unit: Unit) -> Precision:
    if not isinstance(data, dict):
        raise _Problem(f"expected {{'unit': ..., 'decimals': ...}}, got {_describe(data)}")
    if not _PRECISION_KEYS.issuperset(data):
        raise _unknown_key(data, _PRECISION_KEYS, "a precision")
    own = DEFAULT_PRECISION.unit
    if "unit" in data:
        label = _inside("unit", _read_str, data["unit"], unit)
        assert isinstance(label, str)
        try:
            own = Unit.parse(label)
        except GovBudgetError as error:
            raise _Problem(str(error), "unit") from None
    decimals = _inside(
        "decimals", _read_int, data.get("decimals", DEFAULT_PRECISION.decimals), unit
    )
    return _build(Precision, {"unit": own, "decimals": decimals})


def _enum_reader(tp: type[Enum]) -> _Read:
    members = {member.value: member for member in tp}
    allowed = ", ".join(repr(m.value) for m in tp)

    def read(data: JSONValue, _unit: Unit) -> Enum:
        found = members.get(data) if isinstance(data, str) else None
        if found is None:
            # The general comparison, for values that are not text (and unhashable ones).
            found = next((m for m in tp if m.value == data), None)
        if found is None:
            raise _Problem(f"expected one of {allowed}, got {_describe(data)}")
        return found

    return read


def _optional_reader(read: _Read) -> _Read:
    def optional(data: JSONValue, unit: Unit) -> object:
        return None if data is None else read(data, unit)

    return optional


def _tuple_reader(read: _Read) -> _Read:
    def items(data: JSONValue, unit: Unit) -> tuple[object, ...]:
        if not isinstance(data, list):
            raise _Problem(f"expected a list, got {_describe(data)}")
        out = []
        for index, item in enumerate(data):
            try:
                out.append(read(item, unit))
            except _Problem as problem:
                problem.keys.append(str(index))
                raise
        return tuple(out)

    return items


_SCALARS: Final[dict[object, _Read]] = {
    bool: _read_bool,
    int: _read_int,
    str: _read_str,
    Decimal: _read_decimal,
    Amount: _read_amount,
    StatedChange: _read_change,
    StatedPercent: _read_percent,
    Precision: _read_precision,
}


@cache
def _reader(tp: object) -> _Read:
    """How to read a value of the field type ``tp``: compiled once per type, then reused."""
    return _compile(
        tp, _reader, _SCALARS, _optional_reader, _tuple_reader, _enum_reader, _instance_reader
    )


_R = TypeVar("_R")


def _compile(
    tp: object,
    recurse: Callable[[object], _R],
    scalars: Mapping[object, _R],
    optional: Callable[[_R], _R],
    items: Callable[[_R], _R],
    enum: Callable[[type[Enum]], _R],
    instance: Callable[[type], _R],
) -> _R:
    """The reader of the field type ``tp``, made of the readers given (this module's or
    the fast path's): ``recurse`` for the type within an optional or a tuple."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unsupported union {tp}")
        return optional(recurse(options[0]))
    if origin is tuple:
        return items(recurse(typing.get_args(tp)[0]))
    scalar = scalars.get(tp)
    if scalar is not None:
        return scalar
    if isinstance(tp, type) and issubclass(tp, Enum):
        return enum(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return instance(tp)
    raise TypeError(f"unsupported field type {tp!r}")


@attrs.frozen
class _Shape:
    """The fields of an attrs class as a document states them."""

    #: Each field's type and whether it is required.
    fields: dict[str, tuple[object, bool]]
    allowed: frozenset[str]
    required: frozenset[str]
    #: Fields that may be null, and text fields (a str is taken as it is).
    nullable: frozenset[str]
    text: frozenset[str]

    def inner(self, name: str) -> object:
        """The type a field's reader reads: the field's, without its ``None``."""
        field_type = self.fields[name][0]
        if name not in self.nullable:
            return field_type
        return next(a for a in typing.get_args(field_type) if a is not type(None))


@cache
def _shape(tp: type) -> _Shape:
    fields = _fields(tp)
    return _Shape(
        fields=fields,
        allowed=frozenset(fields),
        required=frozenset(n for n, (_, needed) in fields.items() if needed),
        nullable=frozenset(
            n
            for n, (field_type, _) in fields.items()
            if typing.get_origin(field_type) in (Union, types.UnionType)
            and type(None) in typing.get_args(field_type)
        ),
        text=frozenset(
            n for n, (field_type, _) in fields.items() if field_type in (str, str | None)
        ),
    )


def _instance_reader(tp: type) -> _Read:
    """Reads an object into the attrs class ``tp``, by a plan of its fields made once.

    The values are read in the document's order; only when that meets a problem
    are they read again in the class's order (``in_order``), so that the first
    problem in that order is the one reported, whatever order the keys come in.
    """
    name = tp.__name__
    shape = _shape(tp)
    allowed, required, nullable, text = shape.allowed, shape.required, shape.nullable, shape.text
    own_precision = "precision" in allowed
    # Made on first use: a class may (through its fields) contain itself.
    readers: dict[str, _Read] = {}

    def make_readers() -> None:
        for field_name in shape.fields:
            readers[field_name] = _reader(shape.inner(field_name))

    def in_order(data: dict[str, JSONValue], unit: Unit, own_unit: Unit) -> dict[str, object]:
        values: dict[str, object] = {}
        for field_name, read in readers.items():
            if field_name not in data:
                if field_name in required:
                    raise _Problem(f"{name} needs {field_name!r}")
                continue
            value = data[field_name]
            if value is None and field_name in nullable:
                values[field_name] = None
            else:
                inner_unit = unit if field_name == "children" else own_unit
                values[field_name] = _inside(_escape(field_name), read, value, inner_unit)
        return values

    def read_instance(data: JSONValue, unit: Unit) -> object:
        if type(data) is not dict:
            if not isinstance(data, dict):
                raise _Problem(f"expected an object ({name}), got {_describe(data)}")
            return read_instance(dict(data), unit)  # a dict of another class: as a plain one
        if not allowed.issuperset(data):
            raise _unknown_key(data, allowed, name)
        if not readers:
            make_readers()
        own_unit = unit
        # A figure's or a table's own precision sets the unit of its amounts.
        if own_precision and data.get("precision") is not None:
            precision = _inside("precision", _read_precision, data["precision"], unit)
            assert isinstance(precision, Precision)
            own_unit = precision.unit
        values: dict[str, object] = {}
        try:
            if required and not required.issubset(data):
                raise _Problem("")  # a required field is missing: said by in_order
            for field_name, value in data.items():
                if value is None:
                    if field_name in nullable:
                        values[field_name] = None
                        continue
                elif type(value) is str and field_name in text:
                    values[field_name] = value
                    continue
                values[field_name] = readers[field_name](value, own_unit)
            if own_unit is not unit and "children" in data:
                # A figure's own precision applies to its own amounts, not to its children.
                values["children"] = readers["children"](data["children"], unit)
        except _Problem:
            values = in_order(data, unit, own_unit)
        return _build(tp, values)

    return read_instance


@cache
def _fields(tp: type) -> dict[str, tuple[object, bool]]:
    hints = typing.get_type_hints(tp)
    return {f.name: (hints[f.name], f.default is attrs.NOTHING) for f in attrs.fields(tp) if f.init}


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _clip(text: str) -> str:
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def _describe(data: JSONValue) -> str:
    if isinstance(data, dict):
        return "an object"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, _Oversized):
        return f"a number of {len(data)} characters"
    if isinstance(data, str):
        return json.dumps(_clip(data), ensure_ascii=False)
    if isinstance(data, int) and not isinstance(data, bool) and data.bit_length() > _MAX_INT_BITS:
        return "an integer too long to quote"
    return _clip(json.dumps(data, ensure_ascii=False, default=str))


class _Oversized(str):
    """A JSON number too long to convert: kept as its text so the walk can name its place."""


# An int of more than MAX_DIGITS decimal digits has at least this many bits.
_MAX_INT_BITS: Final = (10**MAX_DIGITS).bit_length()
_NUMBER_PARTS: Final = re.compile(r"-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?")


def _plain_digits(digits: int, exponent: int) -> int:
    """How many digits a number with ``digits`` significant digits and ``exponent`` has written out."""
    if exponent >= 0:
        return digits + exponent
    return max(digits, -exponent)


def _parse_number(text: str) -> int | Decimal | _Oversized:
    # Called by the JSON parser on every number: refuse the long ones before any
    # conversion, since converting a long integer or exponent costs quadratic time.
    match = _NUMBER_PARTS.fullmatch(text)
    if match is None:  # the JSON grammar guarantees a match; keep the text to be refused
        return _Oversized(text)
    whole, fraction, exponent = match.groups()
    if len(exponent or "") > 4 or len(whole) + len(fraction or "") > MAX_DIGITS:
        return _Oversized(text)
    shift = int(exponent or "0") - len(fraction or "")
    if _plain_digits(len(whole) + len(fraction or ""), shift) > MAX_DIGITS:
        return _Oversized(text)
    if fraction is None and exponent is None:
        return int(text)
    return Decimal(text)


def _parse_int(text: str) -> int | Decimal | _Oversized:
    # An int of fewer than MAX_DIGITS characters is short enough to convert at once.
    return int(text) if len(text) < MAX_DIGITS else _parse_number(text)


def _too_long(value: object) -> bool:
    """A number (from JSON or from parsed data) with more than MAX_DIGITS digits."""
    if isinstance(value, _Oversized):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value.bit_length() > _MAX_INT_BITS or len(str(abs(value))) > MAX_DIGITS
    if isinstance(value, Decimal) and value.is_finite():
        _sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        return _plain_digits(len(digits), exponent) > MAX_DIGITS
    return False


# A value met by the walk: the value, its key, its parent's entry and its depth.
_Entry: TypeAlias = tuple[JSONValue, object, "_Entry | None", int]


def _pointer(entry: _Entry) -> str:
    keys: list[str] = []
    current: _Entry | None = entry
    while current is not None and current[2] is not None:
        keys.append(_escape(_clip(str(current[1]))))
        current = current[2]
    return "".join(f"/{key}" for key in reversed(keys))


def _check_limits(data: JSONValue, source: str, max_values: int = MAX_VALUES) -> None:
    """Refuse data nested deeper than MAX_DEPTH, with more than ``max_values`` values or a too long number.

    A quick walk over the containers finds a document within the limits; only
    one it cannot vouch for is walked again, value by value, by
    :func:`_refuse_beyond_limits`, which names the place.
    """
    if not _within_limits(data, max_values):
        _refuse_beyond_limits(data, source, max_values)


def _within_limits(data: JSONValue, max_values: int) -> bool:
    """True for plain JSON data (dicts, lists, str, short numbers) within the limits.

    False for anything it does not vouch for — a limit passed, a marked or too
    long value, a value of another type — which the careful walk then judges.
    Iterative, so that no input can exhaust the stack; a cycle stops at the depth limit.
    """
    if type(data) is not dict:
        return False
    count = 1
    stack: list[tuple[dict[str, JSONValue] | list[JSONValue], int]] = [(data, 0)]
    while stack:
        container, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return False
        count += len(container)
        if count > max_values:
            return False
        items: Iterable[JSONValue] = container.values() if type(container) is dict else container
        for item in items:
            kind: type = type(item)
            if kind is str or kind is bool or item is None:
                continue
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is not int or not -_SHORT_INT < item < _SHORT_INT:
                return False  # a decimal, a long or marked number, another type
    return True


#: Integers below this in magnitude have fewer than MAX_DIGITS digits.
_SHORT_INT: Final = 10 ** (MAX_DIGITS - 1)


def _refuse_beyond_limits(data: JSONValue, source: str, max_values: int) -> None:
    """The careful walk: raise for the first value beyond a limit, with its JSON Pointer.

    The pointer of a place is only built for the error: the walk allocates one
    tuple per value.
    """
    stack: list[_Entry] = [(data, "", None, 0)]
    count = 0
    while stack:
        entry = stack.pop()
        value, _key, _parent, depth = entry
        count += 1
        if count > max_values:
            raise DocumentError(_too_many(max_values), source=source)
        if type(value) is str:  # the common case, and never too long a number
            continue
        if _too_long(value):
            raise DocumentError(
                f"a number with more than {MAX_DIGITS} digits (the limit MAX_DIGITS)",
                source=source,
                pointer=_pointer(entry),
            )
        if isinstance(value, _Duplicated):
            raise DocumentError(
                f"the key {_clip(value.key)!r} appears twice in one object",
                source=source,
                pointer=f"{_pointer(entry)}/{_escape(_clip(value.key))}",
            )
        if isinstance(value, Mapping | list | tuple):
            if depth >= MAX_DEPTH:
                raise DocumentError(
                    f"nested deeper than {MAX_DEPTH} levels (the limit MAX_DEPTH)",
                    source=source,
                    pointer=_pointer(entry),
                )
            items = value.items() if isinstance(value, Mapping) else enumerate(value)
            stack.extend((item, key, entry, depth + 1) for key, item in items)


def _too_many(max_values: int) -> str:
    if max_values == MAX_VALUES:
        return (
            f"more than {MAX_VALUES} values (the limit MAX_VALUES; max_values= or --max-values"
            " raises it)"
        )
    return f"more than {max_values} values (the limit max_values={max_values})"


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a budget can state")


class _Duplicated(dict[str, JSONValue]):
    """An object that states a key twice: refused by the walk, which knows its place."""

    def __init__(self, pairs: dict[str, JSONValue], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, JSONValue]]) -> dict[str, JSONValue]:
    plain = dict(pairs)
    if len(plain) == len(pairs):
        return plain
    result: dict[str, JSONValue] = {}
    for key, value in pairs:
        if key in result:
            # The parser builds objects from the inside out and cannot say where this
            # one is: mark it, and let the walk over the whole refuse it by its pointer.
            return _Duplicated(result, key)
        result[key] = value
    return result


def _parse_json(text: str, source: str, limit: int = MAX_DOCUMENT_BYTES) -> JSONValue:
    # At most four bytes a character in UTF-8: only a text that long can be too large.
    if len(text) > limit or (
        4 * len(text) > limit
        and len(text.encode("utf-8", "surrogatepass")) > limit  # a str may hold a lone surrogate
    ):
        raise _too_large(source, limit)
    try:
        return json.loads(
            text,
            parse_float=_parse_number,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"not valid JSON: {error.msg} (column {error.colno})", source=source, line=error.lineno
        ) from None
    except ValueError as error:
        raise DocumentError(str(error), source=source) from None
    except RecursionError:
        # The parser recurses once per level; far deeper than MAX_DEPTH anyway.
        raise DocumentError(
            f"nested deeper than {MAX_DEPTH} levels (the limit MAX_DEPTH)", source=source
        ) from None


def _too_large(source: str, limit: int = MAX_DOCUMENT_BYTES) -> DocumentError:
    if limit == MAX_DOCUMENT_BYTES:
        return DocumentError(
            f"larger than {MAX_DOCUMENT_BYTES} bytes (the limit MAX_DOCUMENT_BYTES)", source=source
        )
    return DocumentError(f"larger than {limit} bytes (the limit given)", source=source)


def size_limit(max_values: int) -> int:
    """The size in bytes a document may have when it may hold ``max_values`` values.

    :data:`MAX_DOCUMENT_BYTES` up to the default :data:`MAX_VALUES`; above it the size
    grows in the same proportion (about 84 bytes a value), so that raising the one
    limit lets the larger document be read.

    >>> size_limit(MAX_VALUES) == MAX_DOCUMENT_BYTES, size_limit(2_000_000) // 2**20
    (True, 160)
    """
    if max_values <= MAX_VALUES:
        return MAX_DOCUMENT_BYTES
    return MAX_DOCUMENT_BYTES * max_values // MAX_VALUES


def read_limited(path: str | os.PathLike[str], *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the file at ``path``, refusing one larger than ``limit`` bytes
    (:data:`MAX_DOCUMENT_BYTES`; see :func:`size_limit`).

    Only a regular file is opened (a named pipe or a device is refused before it
    is opened), and at most one byte past the limit is read.
    """
    source = str(path)
    with open_regular(path, source) as stream:
        try:
            return read_stream_limited(stream, source, limit=limit)
        except OSError as error:
            raise DocumentError(f"cannot read the file: {error.strerror}", source=source) from None


_CHUNK: Final = 1 << 16


def read_stream_limited(
    stream: typing.BinaryIO, source: str = "<stream>", *, limit: int = MAX_DOCUMENT_BYTES
) -> bytes:
    """The bytes of ``stream`` (a file, a pipe, stdin), refusing more than ``limit`` bytes
    (:data:`MAX_DOCUMENT_BYTES`).

    Reads in chunks — the file's size where it has one — so that a small
    document costs no more than its own size, and an endless stream stops one
    byte past the limit.
    """
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        size = 0
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        wanted = max(size + 1 - total, _CHUNK) if total == 0 else _CHUNK
        chunk = stream.read(min(wanted, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise _too_large(source, limit)
    return b"".join(chunks)


def from_data(
    data: Mapping[str, object], *, source: str = "<data>", max_values: int = MAX_VALUES
) -> DepartmentBudget:
    """Build a budget from already parsed JSON data (numbers as int or Decimal).

    ``max_values`` raises (or lowers) the limit on the number of JSON values.
    """
    if not isinstance(data, Mapping):
        raise DocumentError(
            f"a document must be a JSON object, got {_describe(data)}", source=source, pointer=""
        )
    _check_limits(data, source, max_values)
    body = dict(data)
    tag = body.pop("format", None)
    if tag != FORMAT:
        raise DocumentError(
            f'expected "format": {FORMAT!r}, got {_describe(tag)}', source=source, pointer="/format"
        )
    try:
        unit = DEFAULT_PRECISION.unit
        if body.get("precision") is not None:
            precision = _inside("precision", _read_precision, body["precision"], unit)
            assert isinstance(precision, Precision)
            unit = precision.unit
        result = _reader(DepartmentBudget)(body, unit)
    except _Problem as problem:
        raise DocumentError(problem.message, source=source, pointer=problem.pointer()) from None
    assert isinstance(result, DepartmentBudget)
    return result


def load(
    document: str | os.PathLike[str] | bytes | Mapping[str, object],
    *,
    max_values: int = MAX_VALUES,
) -> DepartmentBudget:
    """Load a budget from a path, JSON text, bytes or parsed data.

    A ``str`` that starts with ``{`` is JSON text; any other ``str`` is a path.
    ``max_values`` is the most JSON values the document may hold
    (:data:`MAX_VALUES` unless raised for a larger document, whose size limit
    then grows with it: :func:`size_limit`).

    >>> many = {"format": "govbudget/1", "department": "某局", "year": 2025,
    ...         "projects": [{"name": f"项目{i}"} for i in range(100_000)]}
    >>> load(many)
    Traceback (most recent call last):
    ...
    govbudget.errors.DocumentError: <data>: more than 200000 values (the limit MAX_VALUES; max_values= or --max-values raises it)
    >>> len(load(many, max_values=250_000).projects)
    100000
    """
    if isinstance(document, Mapping):
        return from_data(document, max_values=max_values)
    if isinstance(document, bytes):
        return loads(document, source="<bytes>", max_values=max_values)
    if isinstance(document, str) and document.lstrip().startswith("{"):
        return loads(document, source="<text>", max_values=max_values)
    source = str(Path(document))
    raw = read_limited(document, limit=size_limit(max_values))
    return loads(raw, source=source, max_values=max_values)


def loads(
    text: str | bytes, *, source: str = "<text>", max_values: int = MAX_VALUES
) -> DepartmentBudget:
    """Load a budget from JSON ``text`` (or UTF-8 bytes); errors name ``source``.

    >>> loads('{"format": "govbudget/1", "department": "某局", "year": 2025}', source="a.json").year
    2025
    """
    limit = size_limit(max_values)
    if isinstance(text, bytes):
        if len(text) > limit:
            raise _too_large(source, limit)
        text = _decode(text, source)
    if 4 * len(text) <= limit:  # at most four bytes a character: never too large
        from govbudget.io._fastload import fast_loads

        budget = fast_loads(text, max_values, limit)
        if budget is not None:
            return budget
    # The careful path: what the fast one cannot vouch for, with the error that says why.
    return from_data(_parse_json(text, source, limit), source=source, max_values=max_values)


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(f"not UTF-8 text (byte {error.start})", source=source) from None


def _omit(value: object) -> bool:
    return value is None or value is False or value == ()


def _amount_text(value: Amount, unit: Unit) -> str:
    return f"{to_unit(value.fen, unit):f}"


def _unstructure(value: object, unit: Unit) -> JSONValue:
    if isinstance(value, Amount):
        return _amount_text(value, unit)
    if isinstance(value, StatedChange):
        if value.word is None and value.value is not None:
            return _amount_text(value.value, unit)
        result: dict[str, JSONValue] = {}
        if value.value is not None:
            result["value"] = _amount_text(value.value, unit)
        result["word"] = value.word
        return result
    if isinstance(value, StatedPercent):
        # Positional notation: str() writes small and large values with an exponent
        # ("1E-7"), which a document's number text does not accept.
        if value.word is None:
            return f"{value.value:f}"
        return {"value": f"{value.value:f}", "word": value.word}
    if isinstance(value, Precision):
        return {"unit": value.unit.label, "decimals": value.decimals}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple):
        return [_unstructure(item, unit) for item in value]
    cls = type(value)
    if attrs.has(cls):
        own_unit = unit
        own_precision = getattr(value, "precision", None)
        if isinstance(own_precision, Precision):
            own_unit = own_precision.unit
        out: dict[str, JSONValue] = {}
        for f in attrs.fields(cls):
            item = getattr(value, f.name)
            if not _omit(item):
                out[f.name] = _unstructure(item, unit if f.name == "children" else own_unit)
        return out
    return value


def to_data(budget: DepartmentBudget) -> dict[str, JSONValue]:
    """The budget as JSON-ready data (amounts as exact decimal strings)."""
    body = _unstructure(budget, budget.precision.unit)
    assert isinstance(body, dict)
    return {"format": FORMAT, **body}


def dumps(budget: DepartmentBudget) -> str:
    """The budget as JSON text; ``load(dumps(b)) == b``.

    Numbers are written without exponents, and a lone surrogate in a name as a
    ``\\ud800`` escape, so the text encodes as UTF-8 and reads back the same.
    """
    return json_text(json.dumps(to_data(budget), ensure_ascii=False, indent=2)) + "\n"


def dump(budget: DepartmentBudget, path: str | os.PathLike[str] | None = None) -> str:
    """The budget as JSON text, also written to ``path`` when one is given."""
    text = dumps(budget)
    if path is not None:
        write_atomic(path, text)  # the old file stays whole if the write fails
    return text
