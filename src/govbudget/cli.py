"""The ``govbudget`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govbudget.errors import GovBudgetError
from govbudget.io import load
from govbudget.validation import validate

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govbudget", description="Check the arithmetic of department budget disclosures."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="load budget documents and report on them")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    status = 0
    for name in args.files:
        try:
            budget = load(name)
        except GovBudgetError as error:
            print(f"govbudget: {error}", file=sys.stderr)
            status = 2
            continue
        report = validate(budget)
        print(report.render(args.lang))
        if not report.ok:
            status = max(status, 1)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
