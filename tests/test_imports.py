"""What importing govbudget costs: only what is used is imported.

``import govbudget`` imports no module of its own but the package, ``govbudget --help``
neither the checker nor any reader, and checking a JSON document never the narrative
reader, the PDF and Excel readers or the strategies. (The time these take is measured by
``benchmarks/bench_import.py``, not here.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import govbudget


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    )
    return set(result.stdout.split())


def _ours(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "govbudget" or m.startswith("govbudget.")}


def test_import_govbudget_imports_only_the_package() -> None:
    modules = _modules_after("import govbudget")
    assert _ours(modules) == {"govbudget"}
    assert "attrs" not in modules
    assert "moneyed" not in modules


def test_help_imports_neither_the_checker_nor_a_reader() -> None:
    code = (
        "import contextlib, io\nfrom govbudget.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    )
    modules = _modules_after(code)
    heavy = {"attrs", "moneyed", "json", "concurrent.futures", "rich", "govbudget.batch"}
    heavy |= {f"govbudget.{name}" for name in ("io", "model", "money", "narrative", "render")}
    heavy |= {f"govbudget.{name}" for name in ("report", "rules", "tables", "validation")}
    assert not modules & heavy


def test_checking_json_imports_no_narrative_pdf_or_strategies() -> None:
    code = (
        "import govbudget\n"
        "govbudget.validate(govbudget.load('examples/zengdu-xinfang-2025/budget.json'))"
    )
    modules = _modules_after(code)
    assert "govbudget.validation" in modules
    unwanted = {"govbudget.narrative", "govbudget.io.pdf", "govbudget.io.excel"}
    unwanted |= {"govbudget.strategies", "pdfplumber", "openpyxl", "hypothesis"}
    assert not modules & unwanted


@pytest.mark.parametrize("name", govbudget.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(govbudget, name) is not None
    assert name in dir(govbudget)


def test_names_come_from_their_modules() -> None:
    from govbudget.report import Report
    from govbudget.validation import validate

    assert govbudget.validate is validate
    assert govbudget.Report is Report
    namespace: dict[str, object] = {}
    exec("from govbudget import *", namespace)
    assert set(govbudget.__all__) <= set(namespace)


def test_submodules_are_attributes() -> None:
    assert govbudget.rules.RULES is govbudget.RULES
    assert govbudget.io.load is govbudget.load


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = govbudget.nonsense  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no attribute '_private'"):
        _ = govbudget._private  # type: ignore[attr-defined]


def test_the_command_line_offers_the_batch_executors_and_the_output_formats() -> None:
    from govbudget import batch, cli
    from govbudget.io import config

    assert cli.EXECUTORS == batch.EXECUTORS
    assert cli.FORMATS == config.FORMATS


#: The core: the document model and what it is made of. It imports nothing above it.
_CORE = (
    "errors",
    "figure",
    "language",
    "model",
    "money",
    "page",
    "paths",
    "place",
    "precision",
    "table",
    "tree",
    "wording",
)
#: The layers above the core: readers, rules, reports.
_ABOVE = (
    "io",
    "narrative",
    "tables",
    "rules",
    "report",
    "render",
    "validation",
    "output",
    "cli",
    "words",
)


@pytest.mark.parametrize("module", _CORE)
def test_the_core_imports_nothing_above_it(module: str) -> None:
    import ast
    from pathlib import Path

    source = Path(govbudget.__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    above = {m for m in imported if m.split(".")[:2][-1] in _ABOVE and m.startswith("govbudget.")}
    assert not above, f"govbudget.{module} imports {sorted(above)}"
