"""Fuzz the table readers (Excel and PDF through ``read_document``, then table recognition):
``python fuzz/fuzz_tables.py fuzz/corpus/tables``."""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from _harness import main

    from govbudget.io.disclosure import read_document


def read(data: bytes) -> object:
    # The first byte picks the reader, so that one corpus feeds both.
    name = "fuzz.pdf" if data[:1] == b"%" else "fuzz.xlsx"
    return read_document(data, source=name)


if __name__ == "__main__":
    main(read)
