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
from collections.abc import Callable, Mapping
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


class _Reader:
    """Structures JSON data into model objects, tracking the place for errors."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, pointer: str, message: str) -> DocumentError:
        return DocumentError(message, source=self.source, pointer=pointer)

    def value(self, tp: object, data: JSONValue, pointer: str, unit: Unit) -> object:
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(tp) if a is not type(None)]
            if data is None:
                return None
            if len(options) != 1:
                raise TypeError(f"unsupported union {tp}")
            return self.value(options[0], data, pointer, unit)
        if origin is tuple:
            item_type = typing.get_args(tp)[0]
            if not isinstance(data, list):
                raise self.fail(pointer, f"expected a list, got {_describe(data)}")
            return tuple(
                self.value(item_type, item, f"{pointer}/{i}", unit) for i, item in enumerate(data)
            )
        if tp is Amount:
            return self.amount(data, pointer, unit)
        if tp is StatedChange:
            return self.change(data, pointer, unit)
        if tp is StatedPercent:
            return self.percent(data, pointer)
        if tp is Precision:
            return self.precision(data, pointer)
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self.enum(tp, data, pointer)
        if isinstance(tp, type) and attrs.has(tp):
            return self.instance(tp, data, pointer, unit)
        return self.scalar(tp, data, pointer)

    def scalar(self, tp: object, data: JSONValue, pointer: str) -> object:
        if tp is bool:
            if not isinstance(data, bool):
                raise self.fail(pointer, f"expected true or false, got {_describe(data)}")
            return data
        if tp is int:
            if isinstance(data, bool) or not isinstance(data, int):
                raise self.fail(pointer, f"expected an integer, got {_describe(data)}")
            return data
        if tp is str:
            if not isinstance(data, str):
                raise self.fail(pointer, f"expected a string, got {_describe(data)}")
            return data
        if tp is Decimal:
            if isinstance(data, bool) or not isinstance(data, int | str | Decimal):
                raise self.fail(pointer, f"expected a number, got {_describe(data)}")
            try:
                return StatedPercent(data).value
            except GovBudgetError as error:
                raise self.fail(pointer, str(error)) from None
        raise TypeError(f"unsupported field type {tp!r}")

    def amount(self, data: JSONValue, pointer: str, unit: Unit) -> Amount:
        if isinstance(data, bool) or not isinstance(data, int | str | Decimal):
            raise self.fail(
                pointer,
                f"expected an amount in {unit.label} (a decimal string), got {_describe(data)}",
            )
        try:
            return amount(data, unit)
        except GovBudgetError as error:
            raise self.fail(pointer, str(error)) from None

    def change(self, data: JSONValue, pointer: str, unit: Unit) -> StatedChange:
        if isinstance(data, dict):
            self.keys(data, pointer, {"value", "word"}, "a stated change")
            value = data.get("value")
            word = self.optional_str(data.get("word"), f"{pointer}/word")
            parsed = None if value is None else self.amount(value, f"{pointer}/value", unit)
            return self.build(StatedChange, pointer, value=parsed, word=word)
        return self.build(StatedChange, pointer, value=self.amount(data, pointer, unit))

    def percent(self, data: JSONValue, pointer: str) -> StatedPercent:
        if isinstance(data, dict):
            self.keys(data, pointer, {"value", "word"}, "a stated percent")
            if "value" not in data:
                raise self.fail(pointer, "a stated percent needs a 'value'")
            value = self.scalar(Decimal, data["value"], f"{pointer}/value")
            word = self.optional_str(data.get("word"), f"{pointer}/word")
            return self.build(StatedPercent, pointer, value=value, word=word)
        return self.build(StatedPercent, pointer, value=self.scalar(Decimal, data, pointer))

    def precision(self, data: JSONValue, pointer: str) -> Precision:
        if not isinstance(data, dict):
            raise self.fail(
                pointer, f"expected {{'unit': ..., 'decimals': ...}}, got {_describe(data)}"
            )
        self.keys(data, pointer, {"unit", "decimals"}, "a precision")
        unit = DEFAULT_PRECISION.unit
        if "unit" in data:
            label = self.scalar(str, data["unit"], f"{pointer}/unit")
            assert isinstance(label, str)
            try:
                unit = Unit.parse(label)
            except GovBudgetError as error:
                raise self.fail(f"{pointer}/unit", str(error)) from None
        decimals = self.scalar(
            int, data.get("decimals", DEFAULT_PRECISION.decimals), f"{pointer}/decimals"
        )
        return self.build(Precision, pointer, unit=unit, decimals=decimals)

    def enum(self, tp: type[Enum], data: JSONValue, pointer: str) -> Enum:
        for member in tp:
            if member.value == data:
                return member
        allowed = ", ".join(repr(m.value) for m in tp)
        raise self.fail(pointer, f"expected one of {allowed}, got {_describe(data)}")

    def optional_str(self, data: JSONValue, pointer: str) -> str | None:
        if data is None:
            return None
        if not isinstance(data, str):
            raise self.fail(pointer, f"expected a string, got {_describe(data)}")
        return data

    def keys(
        self, data: Mapping[str, JSONValue], pointer: str, allowed: set[str], what: str
    ) -> None:
        for key in data:
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                suggestion = (
                    f"; did you mean {hint[0]!r}?"
                    if hint
                    else f"; expected one of {sorted(allowed)}"
                )
                raise self.fail(
                    f"{pointer}/{_escape(_clip(key))}",
                    f"unknown key {_clip(key)!r} in {what}{suggestion}",
                )

    def instance(self, tp: type, data: JSONValue, pointer: str, unit: Unit) -> object:
        if not isinstance(data, dict):
            raise self.fail(pointer, f"expected an object ({tp.__name__}), got {_describe(data)}")
        fields = _fields(tp)
        self.keys(data, pointer, set(fields), tp.__name__)
        own_unit = unit
        # A figure's or a table's own precision sets the unit of its amounts.
        if "precision" in fields and data.get("precision") is not None:
            own_unit = self.precision(data["precision"], f"{pointer}/precision").unit
        values: dict[str, object] = {}
        for name, (field_type, required) in fields.items():
            if name not in data:
                if required:
                    raise self.fail(pointer, f"{tp.__name__} needs {name!r}")
                continue
            # A figure's own precision applies to its own amounts, not to its children.
            inner_unit = unit if name == "children" else own_unit
            values[name] = self.value(
                field_type, data[name], f"{pointer}/{_escape(name)}", inner_unit
            )
        return self.build(tp, pointer, **values)

    def build(self, tp: Callable[..., _T], pointer: str, **values: object) -> _T:
        try:
            return tp(**values)
        except GovBudgetError as error:
            message = str(error)
            # A field's validator names its field first ("year must be …"): point at it.
            name = message.split(" ", 1)[0]
            if name in values and isinstance(tp, type) and name in _fields(tp):
                pointer = f"{pointer}/{_escape(name)}"
            raise self.fail(pointer, message) from None


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


def _check_limits(data: JSONValue, source: str) -> None:
    """Refuse data nested deeper than MAX_DEPTH, with more than MAX_VALUES values or a too long number.

    Iterative, so that no input can exhaust the interpreter's stack; a cycle in
    parsed data stops at the depth limit. The JSON Pointer of a place is only
    built for the error: a walk over a valid document allocates one tuple per value.
    """
    stack: list[_Entry] = [(data, "", None, 0)]
    count = 0
    while stack:
        entry = stack.pop()
        value, _key, _parent, depth = entry
        count += 1
        if count > MAX_VALUES:
            raise DocumentError(
                f"more than {MAX_VALUES} values (the limit MAX_VALUES)", source=source
            )
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


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a budget can state")


class _Duplicated(dict[str, JSONValue]):
    """An object that states a key twice: refused by the walk, which knows its place."""

    def __init__(self, pairs: dict[str, JSONValue], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, JSONValue]]) -> dict[str, JSONValue]:
    result: dict[str, JSONValue] = {}
    for key, value in pairs:
        if key in result:
            # The parser builds objects from the inside out and cannot say where this
            # one is: mark it, and let the walk over the whole refuse it by its pointer.
            return _Duplicated(result, key)
        result[key] = value
    return result


def _parse_json(text: str, source: str) -> JSONValue:
    size = len(text.encode("utf-8", "surrogatepass"))  # a str may hold a lone surrogate
    if len(text) > MAX_DOCUMENT_BYTES or size > MAX_DOCUMENT_BYTES:
        raise _too_large(source)
    try:
        return json.loads(
            text,
            parse_float=_parse_number,
            parse_int=_parse_number,
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


def _too_large(source: str) -> DocumentError:
    return DocumentError(
        f"larger than {MAX_DOCUMENT_BYTES} bytes (the limit MAX_DOCUMENT_BYTES)", source=source
    )


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``, refusing one larger than :data:`MAX_DOCUMENT_BYTES`.

    Only a regular file is opened (a named pipe or a device is refused before it
    is opened), and at most one byte past the limit is read.
    """
    source = str(path)
    with open_regular(path, source) as stream:
        try:
            return read_stream_limited(stream, source)
        except OSError as error:
            raise DocumentError(f"cannot read the file: {error.strerror}", source=source) from None


_CHUNK: Final = 1 << 16


def read_stream_limited(stream: typing.BinaryIO, source: str = "<stream>") -> bytes:
    """The bytes of ``stream`` (a file, a pipe, stdin), refusing more than :data:`MAX_DOCUMENT_BYTES`.

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
    while total <= MAX_DOCUMENT_BYTES:
        wanted = max(size + 1 - total, _CHUNK) if total == 0 else _CHUNK
        chunk = stream.read(min(wanted, MAX_DOCUMENT_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > MAX_DOCUMENT_BYTES:
        raise _too_large(source)
    return b"".join(chunks)


def from_data(data: Mapping[str, object], *, source: str = "<data>") -> DepartmentBudget:
    """Build a budget from already parsed JSON data (numbers as int or Decimal)."""
    reader = _Reader(source)
    if not isinstance(data, Mapping):
        raise reader.fail("", f"a document must be a JSON object, got {_describe(data)}")
    _check_limits(data, source)
    body = dict(data)
    tag = body.pop("format", None)
    if tag != FORMAT:
        raise reader.fail("/format", f'expected "format": {FORMAT!r}, got {_describe(tag)}')
    unit = DEFAULT_PRECISION.unit
    if body.get("precision") is not None:
        unit = reader.precision(body["precision"], "/precision").unit
    result = reader.instance(DepartmentBudget, body, "", unit)
    assert isinstance(result, DepartmentBudget)
    return result


def load(document: str | os.PathLike[str] | bytes | Mapping[str, object]) -> DepartmentBudget:
    """Load a budget from a path, JSON text, bytes or parsed data.

    A ``str`` that starts with ``{`` is JSON text; any other ``str`` is a path.
    """
    if isinstance(document, Mapping):
        return from_data(document)
    if isinstance(document, bytes):
        return loads(document, source="<bytes>")
    if isinstance(document, str) and document.lstrip().startswith("{"):
        return loads(document, source="<text>")
    source = str(Path(document))
    return loads(read_limited(document), source=source)


def loads(text: str | bytes, *, source: str = "<text>") -> DepartmentBudget:
    """Load a budget from JSON ``text`` (or UTF-8 bytes); errors name ``source``.

    >>> loads('{"format": "govbudget/1", "department": "某局", "year": 2025}', source="a.json").year
    2025
    """
    if isinstance(text, bytes):
        if len(text) > MAX_DOCUMENT_BYTES:
            raise _too_large(source)
        text = _decode(text, source)
    return from_data(_parse_json(text, source), source=source)


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
