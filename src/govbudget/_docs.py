"""Markdown generated from the code for the documentation (used by ``docs/hooks/generated.py``).

The rule catalogue comes from :data:`govbudget.RULES` and the field tables of
the document format from its JSON Schema, so that neither page can drift.

>>> "### TOT004" in expand("<!-- generated:rules -->")
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, cast

from govbudget.io.schema import build_schema
from govbudget.render import catalogue_markdown
from govbudget.rules import RULES

__all__ = ["MARKERS", "expand", "format_fields_markdown", "rules_markdown"]

Schema = Mapping[str, object]


def rules_markdown() -> str:
    """The rule catalogue, grouped by family, each rule in full."""
    return catalogue_markdown(RULES.values())


def _anchor(name: str) -> str:
    return name.lower()


def _type(schema: Schema) -> str:
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[1]
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in schema:
        options = [o for o in cast(list[Schema], schema["anyOf"]) if o.get("type") != "null"]
        nullable = len(options) < len(cast(list[Schema], schema["anyOf"]))
        text = " or ".join(_type(o) for o in options)
        return f"{text} (or null)" if nullable else text
    if "enum" in schema:
        return " / ".join(f"`{v}`" for v in cast(list[object], schema["enum"]))
    if "const" in schema:
        return f"`{schema['const']}`"
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(cast(Schema, schema['items']))}"
    if kind == "string" and "pattern" in schema:
        return f"string matching `{schema['pattern']}`"
    if kind == "integer" and "minimum" in schema:
        return f"integer {schema['minimum']}–{schema['maximum']}"
    return str(kind)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _fields_table(schema: Schema) -> list[str]:
    required = set(cast(list[str], schema.get("required", [])))
    lines = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for name, field in cast(Mapping[str, Schema], schema["properties"]).items():
        default = (
            "required"
            if name in required
            else f"`{field['default']}`"
            if "default" in field
            else "—"
        )
        description = str(field.get("description", ""))
        lines.append(f"| `{name}` | {_cell(_type(field))} | {default} | {_cell(description)} |")
    return lines


def format_fields_markdown() -> str:
    """Every object of the format with a table of its fields, then the shared value types."""
    schema = build_schema()
    defs = cast(Mapping[str, Schema], schema["$defs"])
    lines = ["### DepartmentBudget", "", "The document itself (the top-level object).", ""]
    lines += _fields_table(schema)
    for name, entry in defs.items():
        lines += ["", f"### {name}", "", str(entry.get("description", "")), ""]
        object_forms = [
            o for o in cast(list[Schema], entry.get("anyOf", [entry])) if o.get("type") == "object"
        ]
        if object_forms:
            if "anyOf" in entry:
                other = [o for o in cast(list[Schema], entry["anyOf"]) if o.get("type") != "object"]
                lines += [f"Either {_type(other[0])}, or an object:", ""]
            lines += _fields_table(object_forms[0])
        else:
            lines.append(f"Value: {_cell(_type(entry))}.")
    return "\n".join(lines)


#: The markers a page may contain, and what replaces each.
MARKERS: Final[dict[str, Callable[[], str]]] = {
    "<!-- generated:rules -->": rules_markdown,
    "<!-- generated:format-fields -->": format_fields_markdown,
}


def expand(markdown: str) -> str:
    """``markdown`` with every marker replaced by its generated Markdown."""
    for marker, generate in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown
