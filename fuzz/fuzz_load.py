"""Fuzz ``govbudget.load`` (JSON documents): ``python fuzz/fuzz_load.py fuzz/corpus/load``."""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from _harness import main

    import govbudget


def read(data: bytes) -> object:
    budget = govbudget.load(data)
    # What is read is written back the same: the round trip holds for every accepted value.
    if govbudget.load(govbudget.dumps(budget)) != budget:
        raise AssertionError("load(dumps(b)) != b")
    return budget


if __name__ == "__main__":
    main(read)
