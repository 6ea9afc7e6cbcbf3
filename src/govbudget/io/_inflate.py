"""How much a PDF's compressed streams inflate to, measured before PDFium decodes any.

PDFium inflates a content stream whole, in C, where no limit of ours reaches: a 7 KB stream
compressed twice (``/Filter [/FlateDecode /FlateDecode]``) inflates to gigabytes. So the
streams of the file are found in its bytes and inflated here first, layer by layer, a chunk
at a time and without keeping the output: the file is refused when they come to more than
:data:`MAX_INFLATED_BYTES`, or when one stream stacks more than :data:`MAX_FILTERS` filters.
A stream that does not inflate cleanly is left to PDFium, which reads what it can of it.
"""

from __future__ import annotations

import re
import zlib
from typing import Final

from govbudget.errors import DocumentError

__all__ = ["MAX_FILTERS", "MAX_INFLATED_BYTES", "check_streams"]

#: The most bytes all the compressed streams of one PDF may inflate to (256 MiB): ten times
#: a large real disclosure (its fonts and pages inflate to some tens of megabytes).
MAX_INFLATED_BYTES: Final = 256 * 1024 * 1024
#: The most filters one stream may stack (real files use one or two).
MAX_FILTERS: Final = 8

_STREAM: Final = re.compile(rb"stream(?:\r\n|\n|\r)")
_FILTER: Final = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FLATE: Final = re.compile(rb"/(?:FlateDecode|Fl)\b")
_CHUNK: Final = 1 << 16
# How far back from "stream" its dictionary is looked for.
_DICTIONARY_REACH: Final = 4096


class _TooMuch(Exception):
    """The inflated bytes passed the budget."""


def check_streams(data: bytes, source: str) -> int:
    """The bytes the PDF ``data``'s Flate streams inflate to; refuses more than the limits.

    >>> stream = zlib.compress(zlib.compress(b"0 " * 100_000))
    >>> pdf = b"%PDF-1.7\\n1 0 obj\\n<< /Filter [/FlateDecode /FlateDecode] >>\\nstream\\n"
    >>> check_streams(pdf + stream + b"\\nendstream\\nendobj\\n", "a.pdf")
    200000
    """
    total = 0
    position = 0
    while True:
        found = _STREAM.search(data, position)
        if found is None:
            return total
        start = found.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        position = max(end, start)
        layers = _flate_layers(data[max(0, found.start() - _DICTIONARY_REACH) : found.start()])
        if layers > MAX_FILTERS:
            raise DocumentError(
                f"a stream with {layers} filters stacked (the limit MAX_FILTERS is {MAX_FILTERS})",
                source=source,
            )
        if layers:
            try:
                total += _inflated(memoryview(data)[start:end], layers, MAX_INFLATED_BYTES - total)
            except _TooMuch:
                raise DocumentError(
                    f"its compressed streams inflate to more than {MAX_INFLATED_BYTES} bytes (the"
                    f" limit MAX_INFLATED_BYTES), at byte {found.start()}: a compression bomb",
                    source=source,
                ) from None


def _flate_layers(before: bytes) -> int:
    """How many Flate filters the dictionary just before a stream's data names."""
    opened = before.rfind(b"obj")
    dictionary = before[opened:] if opened >= 0 else before
    filters = list(_FILTER.finditer(dictionary))
    if not filters:
        return 0
    return len(_FLATE.findall(filters[-1].group(1)))


def _inflated(data: memoryview, layers: int, budget: int) -> int:
    """The bytes ``data`` inflates to through ``layers`` Flate layers; past ``budget``, _TooMuch."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def feed(level: int, chunk: bytes) -> None:
        nonlocal total
        decoder = decoders[level]
        pending = chunk
        while pending and not decoder.eof:
            out = decoder.decompress(pending, _CHUNK)
            pending = decoder.unconsumed_tail
            if level + 1 < layers:
                feed(level + 1, out)
            else:
                total += len(out)
                if total > budget:
                    raise _TooMuch
            if not out and pending:  # no progress: a damaged stream
                return

    try:
        for offset in range(0, len(data), _CHUNK):
            feed(0, bytes(data[offset : offset + _CHUNK]))
    except zlib.error:
        pass  # damaged: PDFium reads what it can, and what was inflated so far is counted
    return total
