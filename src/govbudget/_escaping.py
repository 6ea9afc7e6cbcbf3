"""Text from a document made safe to print, and JSON made safe to write.

A name, a file name or a quoted sentence comes from the document, which may hold
anything: an escape sequence that recolours or clears the terminal (ESC), a
carriage return that overwrites the line, a line break that forges a line of the
report, a bidirectional override that reorders what is shown, or a lone surrogate
(from a ``\\ud800`` escape in JSON, or a file name that is not UTF-8) that no
encoding can write. :func:`printable` escapes them in text and Markdown output;
:func:`json_text` writes lone surrogates as JSON escapes, so that the JSON can be
encoded and reads back to the same text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_text", "printable"]

# C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional
# embeddings, overrides and isolates, and lone surrogates.
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SHORT: Final = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters, bidi controls and lone surrogates escaped.

    >>> printable("某局\\x1b[2J\\r\\n\\ud800")
    '某局\\\\x1b[2J\\\\r\\\\n\\\\ud800'
    >>> printable("曾都区信访局 2025")
    '曾都区信访局 2025'
    """
    return _UNSAFE.sub(_escape, text)


def json_text(text: str) -> str:
    """JSON ``text`` (as ``json.dumps(ensure_ascii=False)`` writes it) with lone surrogates
    written as ``\\uXXXX`` escapes: encodable as UTF-8, and read back to the same string.

    >>> import json
    >>> line = json_text(json.dumps({"name": "局\\ud800"}, ensure_ascii=False))
    >>> line, json.loads(line)["name"] == "局\\ud800"
    ('{"name": "局\\\\ud800"}', True)
    """
    # A surrogate can only stand inside a JSON string, where the escape means the same.
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
