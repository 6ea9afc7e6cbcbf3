"""MkDocs hook: pages built from the code, so that they cannot drift from it.

A page that contains one of the markers below gets it replaced, at build time,
by Markdown generated from the code: ``<!-- generated:rules -->`` by the rule
catalogue (``govbudget.RULES``), ``<!-- generated:format-fields -->`` by the
field tables of the document format (its JSON Schema). The tests call
:func:`expand` on the pages the same way.
"""

from __future__ import annotations

from typing import Any

from govbudget._docs import expand


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Expand the generated sections of a page."""
    return expand(markdown)
