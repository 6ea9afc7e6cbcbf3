"""Where the real published material lives: ``../shared`` beside the repository.

Real texts and PDFs are other people's words; they are never copied into the project. Tests
that use them read them where they are and skip, with the reason, when the folder is absent
(CI always has it). ``GOVBUDGET_SHARED`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import pytest

ROOT: Final = Path(__file__).resolve().parent.parent

#: The shared folder of real material (``../shared``, or ``$GOVBUDGET_SHARED``).
SHARED: Final = Path(os.environ.get("GOVBUDGET_SHARED") or ROOT.parent / "shared")
CORPUS: Final = SHARED / "corpus"
CONFORMANCE: Final = SHARED / "conformance"
REFERENCE: Final = SHARED / "reference"
TEMPLATE_PDF: Final = REFERENCE / "部门决算模板.pdf"


def have(path: Path) -> bool:
    """Whether a piece of the real material is at hand."""
    return path.exists()


def needs(path: Path) -> pytest.MarkDecorator:
    """Skip a test, saying why, when ``path`` of the real material is absent."""
    return pytest.mark.skipif(
        not path.exists(),
        reason=f"real material not found at {path} (set GOVBUDGET_SHARED to the shared folder)",
    )


def body(path: Path) -> str:
    """A corpus text without its ``# source/unit/kind`` header lines."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# "))
