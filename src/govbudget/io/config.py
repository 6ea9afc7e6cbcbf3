"""Configuration from ``[tool.govbudget]`` in ``pyproject.toml`` or from ``govbudget.toml``.

Keys (all optional; the command line wins over the file)::

    [tool.govbudget]            # in govbudget.toml: the same keys at the top level
    select = ["totals", "TRE"]  # rules to check: ids, id prefixes or families
    ignore = ["COD002"]
    fail-on = "warning"         # the least severe finding that makes the exit status 1
    language = "en"             # zh or en
    format = "markdown"         # text, markdown, json, html, sarif, github, csv, junit
    baseline = "govbudget-baseline.json"  # relative to this file's folder

    [tool.govbudget.severity]   # per rule (or family): error, warning or info
    COD002 = "info"

The file is found from the current folder upwards: the first folder with a
``govbudget.toml``, or a ``pyproject.toml`` that has a ``[tool.govbudget]``
table. Unknown keys and wrong values are refused, naming the file and the key.

>>> config = parse_config('fail-on = "warning"\\n[severity]\\nCOD002 = "info"', source="govbudget.toml")
>>> config.fail_on, dict(config.severity)
(<Severity.WARNING: 'warning'>, {'COD002': <Severity.INFO: 'info'>})
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from govbudget.errors import GovBudgetError
from govbudget.rules import RULES, Severity
from govbudget.validation import select_rules

__all__ = ["FORMATS", "Config", "ConfigError", "find_config", "parse_config", "severity_overrides"]

#: The report formats ``format`` may name.
FORMATS: Final = ("text", "markdown", "json", "html", "sarif", "github", "csv", "junit")
_KEYS: Final = {"select", "ignore", "severity", "fail-on", "language", "lang", "format", "baseline"}


class ConfigError(GovBudgetError, ValueError):
    """A configuration file or option that cannot be used; the message names the file and key."""


def _frozen_map(value: Mapping[str, Severity]) -> Mapping[str, Severity]:
    return MappingProxyType(dict(value))


@frozen(kw_only=True)
class Config:
    """The settings of a configuration file; ``None`` where it says nothing."""

    source: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: Mapping[str, Severity] = field(factory=dict, converter=_frozen_map)
    fail_on: Severity | None = None
    language: str | None = None
    format: str | None = None
    baseline: str | None = None


def _strings(value: object, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key} must be a list of rule ids or families, not {value!r}")
    return tuple(part.strip() for v in value for part in v.split(",") if part.strip())


def _level(value: object, key: str, source: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(
            f"{source}: {key} must be error, warning or info, not {value!r}"
        ) from None


def severity_overrides(pairs: Mapping[str, object], source: str) -> dict[str, Severity]:
    """``{rule, id prefix or family: level}`` as the severity of each rule it names.

    >>> severity_overrides({"three_public": "info"}, "--severity")["SG001"]
    <Severity.INFO: 'info'>
    """
    levels: dict[str, Severity] = {}
    for key, value in pairs.items():
        level = _level(value, f"severity of {key}", source)
        try:
            named = select_rules(RULES, [key], None)
        except GovBudgetError as error:
            raise ConfigError(f"{source}: {error}") from None
        levels.update(dict.fromkeys((rule.id for rule in named), level))
    return levels


def _choice(value: object, key: str, choices: tuple[str, ...], source: str) -> str:
    if value not in choices:
        raise ConfigError(f"{source}: {key} must be one of {', '.join(choices)}, not {value!r}")
    assert isinstance(value, str)
    return value


def config_from_table(table: Mapping[str, object], *, source: str) -> Config:
    """The settings of a ``[tool.govbudget]`` table (or a whole ``govbudget.toml``)."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{source}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    select = table.get("select")
    ignore = table.get("ignore")
    severity = table.get("severity", {})
    if not isinstance(severity, Mapping):
        raise ConfigError(f'{source}: severity must be a table of RULE = "level"')
    for key, names in (("select", select), ("ignore", ignore)):
        if names is not None:
            try:
                select_rules(RULES, _strings(names, key, source), None)
            except ConfigError:
                raise
            except GovBudgetError as error:
                raise ConfigError(f"{source}: {key}: {error}") from None
    fail_on = table.get("fail-on")
    language = table.get("language", table.get("lang"))
    fmt = table.get("format")
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(f"{source}: baseline must be a file name, not {baseline!r}")
    return Config(
        source=source,
        select=None if select is None else _strings(select, "select", source),
        ignore=None if ignore is None else _strings(ignore, "ignore", source),
        severity=severity_overrides(severity, source),
        fail_on=None if fail_on is None else _level(fail_on, "fail-on", source),
        language=None if language is None else _choice(language, "language", ("zh", "en"), source),
        format=None if fmt is None else _choice(fmt, "format", FORMATS, source),
        # a baseline named in a file is relative to that file's folder
        baseline=None if baseline is None else str(Path(source).parent / baseline),
    )


def parse_config(text: str, *, source: str, pyproject: bool = False) -> Config | None:
    """The settings of a configuration file's text; ``None`` for a ``pyproject.toml``
    without ``[tool.govbudget]``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML: {error}") from None
    if pyproject:
        tool = data.get("tool", {})
        table = tool.get("govbudget") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: [tool.govbudget] must be a table")
        data = table
    return config_from_table(data, source=source)


def find_config(start: Path) -> Config | None:
    """The configuration that applies in folder ``start``: searched from there upwards."""
    for folder in (start, *start.parents):
        for name, pyproject in (("govbudget.toml", False), ("pyproject.toml", True)):
            path = folder / name
            if not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise ConfigError(f"{path}: cannot read it ({error})") from None
            found = parse_config(text, source=str(path), pyproject=pyproject)
            if found is not None:
                return found
    return None


def read_config(path: str) -> Config:
    """The configuration file ``path`` (``--config``): a pyproject.toml or a govbudget.toml."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it ({error})") from None
    pyproject = Path(path).name == "pyproject.toml"
    found = parse_config(text, source=path, pyproject=pyproject)
    if found is None:
        raise ConfigError(f"{path}: has no [tool.govbudget] table")
    return found
