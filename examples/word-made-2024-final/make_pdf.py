"""Make the example PDF: a constructed 部门决算 written the way Word writes PDFs, two errors planted.

Run from the repository root:  .venv/bin/python examples/word-made-2024-final/make_pdf.py

It renders the consistent 决算 of the test suite's generator (``tests/disclosure_factory.py``)
with ``tests/word_pdf.py`` — cover, contents with dotted leaders, running header and page
numbers, ruled tables on landscape and turned pages, a narrative in mixed fonts with the
digits off the Chinese baseline — after planting two errors: one cell of 支出决算表 and one
figure of the narrative. The output is the same bytes on every run.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.disclosure_factory import Disclosure, make_final  # noqa: E402
from tests.word_pdf import render_word_pdf  # noqa: E402

DEPARTMENT = "示例市新城区规划和自然资源局"
PDF = HERE / "disclosure.pdf"


def planted() -> Disclosure:
    """The consistent 决算 with a cell of 支出决算表 and the narrative's 基本支出 changed."""
    doc = make_final(lines=12)
    sheet = doc.sheet("支出决算表")
    row = next(i for i, r in enumerate(sheet.rows) if r[0] == "2010302")
    doc = doc.with_cell("支出决算表", row, 3, "117.01")  # 基本支出 of 2010302, 107.01 when right
    narrative = tuple(
        p.replace("基本支出1,357.51万元", "基本支出1,375.51万元") for p in doc.narrative
    )
    assert narrative != doc.narrative
    return replace(doc, narrative=narrative)


def main(path: Path = PDF) -> None:
    rendered = render_word_pdf(planted(), path, department=DEPARTMENT)
    print(f"wrote {rendered.path}: {rendered.pages} pages")


if __name__ == "__main__":
    main()
