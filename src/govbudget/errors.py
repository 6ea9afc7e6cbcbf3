"""The error types of govbudget.

Every error derives from :class:`GovBudgetError` and from the builtin a caller
would naturally catch (``ValueError``, ``TypeError``, ``ArithmeticError``), so
``except ValueError`` keeps working for code that does not know govbudget.
"""

from __future__ import annotations

from govbudget._escaping import printable

__all__ = [
    "AmountTypeError",
    "DocumentError",
    "GovBudgetError",
    "InexactOperation",
    "InvalidAmount",
    "MissingExtra",
    "ModelError",
]


class GovBudgetError(Exception):
    """Base class of every error govbudget raises on purpose."""


class InvalidAmount(GovBudgetError, ValueError):
    """A text or value that is not a valid amount; the message quotes it."""


class AmountTypeError(GovBudgetError, TypeError):
    """A value of the wrong type offered as money (a float, a bool, ...)."""


class InexactOperation(GovBudgetError, ArithmeticError):
    """An operation on money whose exact result is not a whole number of fen."""


class ModelError(GovBudgetError, ValueError):
    """A budget model whose structure is invalid (not its sums: those are findings)."""


class DocumentError(GovBudgetError, ValueError):
    """A document that cannot be read; the message names the file and the place.

    ``source`` is the file (or ``"<text>"``), ``pointer`` the JSON Pointer of the
    place in the document (``""`` for the whole document) and ``line`` a line
    number where one is known.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<document>",
        pointer: str = "",
        line: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.pointer = pointer
        self.line = line
        # The place comes from the document (a key of it, a file name): escaped, so that
        # the message stays one line whatever the key holds.
        where = printable(source)
        if line is not None:
            where += f":{line}"
        if pointer:
            where += f" at {printable(pointer)}"
        super().__init__(f"{where}: {printable(message)}")


class MissingExtra(GovBudgetError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it.

    >>> str(MissingExtra("pdf", "pypdfium2", "reading PDF files"))
    "reading PDF files needs pypdfium2: pip install 'govbudget[pdf]'"
    """

    def __init__(self, extra: str, package: str, what: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(f"{what} needs {package}: pip install 'govbudget[{extra}]'")
