"""Griffe extension for the API pages: docstrings written for the doctest runner and Sphinx-style
roles become Markdown — each run of ``>>>`` lines (with its output) a ``pycon`` code block, and
``:class:`~a.b.C``` the code span ``C``."""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?([^`]+)`")


def _short(match: re.Match[str]) -> str:
    target = match.group(1)
    return f"`{target.rsplit('.', 1)[-1] if match.group(0).find('~') >= 0 else target}`"


def markdown(docstring: str) -> str:
    """``docstring`` with doctest blocks fenced and roles turned into code spans."""
    out: list[str] = []
    in_block = False
    for line in _ROLE.sub(_short, docstring).splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>") and not in_block:
            out += ["```pycon"]
            in_block = True
        elif in_block and not stripped:
            out += ["```"]
            in_block = False
        out.append(line.strip() if in_block else line)
    if in_block:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests and simplify the roles of every docstring."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
