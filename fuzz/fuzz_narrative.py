"""Fuzz ``govbudget.read_narrative``: ``python fuzz/fuzz_narrative.py fuzz/corpus/narrative``."""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from _harness import main

    from govbudget import read_narrative


def read(data: bytes) -> object:
    extraction = read_narrative(data, source="fuzz.txt")
    summary = extraction.summary
    # Nothing lost: every number of the text is read, context, or said not understood.
    if summary.mapped + summary.context + summary.not_understood != summary.found:
        raise AssertionError(f"numbers unaccounted for: {summary}")
    return extraction


if __name__ == "__main__":
    main(read)
