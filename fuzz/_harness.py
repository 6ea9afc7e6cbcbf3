"""What every fuzz target shares: the one rule, that a reader gives a result or a GovBudgetError.

Any other exception is a crash for atheris to report (and for us to turn into a regression test
in ``tests/test_hostile.py`` or an ``@example`` in ``tests/test_fuzz.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris

# Imported inside each target's own ``instrument_imports`` block, so instrumented there: a
# block of its own here, nested in the target's, would end the instrumenting of the target's
# later imports (its reader) when it closed.
from govbudget.errors import GovBudgetError


def guarded(read: Callable[[bytes], object]) -> Callable[[bytes], None]:
    """``read`` as a fuzz target: a GovBudgetError is an answer, anything else a crash."""

    def target(data: bytes) -> None:
        try:
            read(data)
        except GovBudgetError as error:
            if "\n" in str(error):  # every error is one line
                raise AssertionError(f"a two-line error: {error!r}") from None

    return target


def load_everything() -> None:
    """Import every module of govbudget now (not the Hypothesis strategies), instrumented:
    govbudget imports its readers on first use, after a target's
    ``instrument_imports`` block has ended, and code atheris has not instrumented gives it
    no coverage to be guided by (the targets ran with a coverage of 17 edges)."""
    import importlib
    import pkgutil

    import govbudget

    with atheris.instrument_imports(include=["govbudget"]):
        for module in pkgutil.walk_packages(govbudget.__path__, "govbudget."):
            if module.name.startswith("govbudget.strategies") or module.name.endswith("__main__"):
                continue
            try:
                importlib.import_module(module.name)
            except ImportError:  # an extra that is not installed (MissingExtra is one)
                continue


def main(read: Callable[[bytes], object]) -> None:
    """Run ``read`` under atheris with the command line's options (``-max_total_time=600`` …)."""
    load_everything()
    atheris.Setup(sys.argv, guarded(read))
    atheris.Fuzz()
