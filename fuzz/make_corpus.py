"""Build the seed corpus of the fuzz targets from the project's own examples.

    .venv/bin/python fuzz/make_corpus.py          # writes fuzz/corpus/{load,narrative,tables}

Only our own files: the example documents and narrative under ``examples/``, small pieces of
them, and a PDF and a workbook rendered by the tests' disclosure factory. (Published texts in
the shared folder are others' words, and stay out of the corpus.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govbudget import dumps, load  # noqa: E402
from tests.disclosure_factory import make_final, render_pdf, render_xlsx  # noqa: E402

CORPUS = ROOT / "fuzz" / "corpus"


def _write(folder: str, name: str, data: bytes) -> None:
    target = CORPUS / folder
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_bytes(data)


def main() -> None:
    for path in sorted((ROOT / "examples").glob("*/budget.json")):
        budget = load(path)
        _write("load", f"{path.parent.name}.json", dumps(budget).encode("utf-8"))
    _write("load", "identity.json", b'{"format": "govbudget/1", "department": "x", "year": 2025}')
    narrative = (ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt").read_bytes()
    _write("narrative", "seed.txt", narrative)
    text = narrative.decode("utf-8")
    for number, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
        _write("narrative", f"line-{number:03}.txt", paragraph.encode("utf-8"))
    disclosure = make_final(lines=3)
    _write("tables", "final.pdf", render_pdf(disclosure, CORPUS / "final.pdf").read_bytes())
    _write("tables", "final.xlsx", render_xlsx(disclosure, CORPUS / "final.xlsx").read_bytes())
    for leftover in ("final.pdf", "final.xlsx"):
        (CORPUS / leftover).unlink()
    for folder in ("load", "narrative", "tables"):
        print(f"{folder}: {len(list((CORPUS / folder).iterdir()))} files")


if __name__ == "__main__":
    main()
