"""Every ```python block in README.md and docs/ runs (from the repository root)."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from .realdata import SHARED

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for i, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            found.append((f"{page.relative_to(ROOT)}#{i}", match.group(1)))
    return found


@pytest.mark.parametrize(("where", "code"), _blocks(), ids=[w for w, _ in _blocks()])
def test_code_block_runs(where: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    if "../shared/" in code:
        if not SHARED.exists():
            pytest.skip(f"{where} reads the real material at {SHARED}, which is absent")
        # the docs name the folder as a user's checkout has it; GOVBUDGET_SHARED may move it
        code = code.replace("../shared/", f"{SHARED.as_posix()}/")
    exec(compile(code, where, "exec"), {"__name__": "__docs__"})


def test_there_are_blocks() -> None:
    assert any(where.startswith("README.md") for where, _ in _blocks())


def test_the_generated_pages_cover_the_code() -> None:
    from govbudget import RULES
    from govbudget._docs import MARKERS, expand
    from govbudget.io.schema import build_schema

    rules_page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    format_page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for marker in MARKERS:
        assert marker in rules_page + format_page
    catalogue = expand(rules_page)
    for rule in RULES.values():
        assert f"### {rule.id}" in catalogue
        assert rule.formula in catalogue
    fields = expand(format_page)
    for name in typing.cast(dict[str, object], build_schema()["$defs"]):
        assert f"### {name}" in fields


def test_the_glossary_names_real_fields() -> None:
    import attrs

    from govbudget import model

    names = {
        f.name
        for cls in vars(model).values()
        if isinstance(cls, type) and attrs.has(cls)
        for f in attrs.fields(cls)
    }
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    glossary = glossary.split("## Checking")[0]  # the model's part; the report's keys follow
    identifiers = re.findall(r"`([a-z_]+(?:\.[a-z_]+)?)`", glossary)
    assert len(identifiers) > 50
    unknown = {i for i in identifiers if not set(i.split(".")) <= names}
    assert unknown == set()


def test_doctests_become_code_blocks_on_the_api_pages() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "griffe_docstrings", ROOT / "docs" / "hooks" / "griffe_docstrings.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "Sum :class:`~govbudget.money.Amount` values.\n\n>>> 1 + 1\n2\n\nDone."
    assert module.markdown(text) == ("Sum `Amount` values.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nDone.")
