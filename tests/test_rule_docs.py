"""Every rule's check function says what it checks, why a reviewer cares and an example, in one
shape, and ``govbudget explain`` shows it (run in-process through ``main``, as test_cli does)."""

from __future__ import annotations

import inspect
import io

import pytest

from govbudget import RULES
from govbudget.cli import main


def _doc(rule_id: str) -> list[str]:
    """The lines of the rule's check docstring, without the indentation of its source."""
    return inspect.cleandoc(RULES[rule_id].check.__doc__ or "").splitlines()


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_check_has_a_docstring_in_the_shape(rule_id: str) -> None:
    lines = _doc(rule_id)
    assert lines, f"{rule_id}: its check function has no docstring"
    assert lines[0].strip(), f"{rule_id}: the docstring's first line is empty"
    assert not lines[0].startswith(("Why:", "Example:")), f"{rule_id}: no summary line"
    assert sum(line.startswith("Why: ") for line in lines) == 1, f"{rule_id}: one Why: line"
    assert sum(line.startswith("Example: ") for line in lines) == 1, f"{rule_id}: one Example:"
    why = next(i for i, line in enumerate(lines) if line.startswith("Why: "))
    example = next(i for i, line in enumerate(lines) if line.startswith("Example: "))
    assert why < example, f"{rule_id}: Why: comes before Example:"
    assert len(lines) <= 9, f"{rule_id}: a docstring of {len(lines)} lines (keep it short)"


def test_the_checks_a_factory_makes_each_have_their_own_docstring() -> None:
    made = ("WRD004", "WRD005", "WRD006", "WRD007")  # each an _each(kind) closure
    assert len({RULES[rule_id].check for rule_id in made}) == len(made)
    assert len({RULES[rule_id].check.__doc__ for rule_id in made}) == len(made)


def _explain(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    status = main(["explain", *argv], stdin=io.StringIO(""), stdout=out, stderr=err, environ={})
    assert (status, err.getvalue()) == (0, "")
    return out.getvalue()


@pytest.mark.parametrize("rule_id", list(RULES))
def test_explain_shows_the_check_docstring(rule_id: str) -> None:
    text = _explain(rule_id)
    shown = [line.strip() for line in text.splitlines()]
    for line in _doc(rule_id):
        assert line.strip() in shown, f"{rule_id}: explain does not show {line!r}"


def test_explain_shows_the_docstring_in_english_too() -> None:
    text = _explain("TOT005", "--lang", "en")
    assert "Why: " in text
    assert "Example: " in text
