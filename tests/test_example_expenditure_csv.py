"""The expenditure-CSV example: its own property tests pass, and its script writes a file."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).parent.parent / "examples" / "expenditure-csv"
TESTS = HERE / "test_expenditure_csv.py"
NAMES = re.findall(r"^def (test_\w+)", TESTS.read_text(encoding="utf-8"), re.MULTILINE)


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(HERE))  # the example's test imports its sibling module
    try:
        yield _module("expenditure_csv"), _module("test_expenditure_csv")
    finally:
        sys.path.remove(str(HERE))
        sys.modules.pop("expenditure_csv", None)


def test_the_example_has_its_properties() -> None:
    assert len(NAMES) >= 4


@pytest.mark.parametrize("name", NAMES)
def test_the_example_property_holds(name: str, example: tuple[ModuleType, ModuleType]) -> None:
    getattr(example[1], name)()


def test_the_script_exports_the_worked_example(
    example: tuple[ModuleType, ModuleType], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    budget = HERE.parent / "zengdu-xinfang-2025" / "budget.json"
    out = tmp_path / "lines.csv"
    assert example[0].main([str(budget), str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "30217,公务接待费" in text
    assert "rows written" in capsys.readouterr().out
