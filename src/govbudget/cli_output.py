"""Where ``govbudget check`` writes its reports: stdout, ``--output FILE`` or ``--output DIR``.

Part of the command line (:mod:`govbudget.cli`). Text, Markdown, JSON lines and
GitHub annotations are written as each document is done; SARIF, CSV and JUnit
are one output for the whole batch, written at the end; HTML is one page per
document — on stdout for one document, or in ``--output DIR`` with an
``index.html`` listing the batch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from attrs import frozen

from govbudget.errors import GovBudgetError
from govbudget.output import combine, joins
from govbudget.output.html import IndexEntry, render_index
from govbudget.words import Language

__all__ = ["OutputError", "Piece", "Sink", "page_name"]


class OutputError(GovBudgetError, OSError):
    """The report cannot be written where ``--output`` says."""


@frozen
class Piece:
    """One document's rendered report and what the HTML index says of it."""

    source: str
    text: str
    title: str | None = None
    ok: bool = True
    failed: str | None = None
    counts: tuple[tuple[str, int], ...] = ()


def page_name(source: str, taken: set[str]) -> str:
    """The HTML file name of a document's page in ``--output DIR``: its path, flattened.

    >>> page_name("budgets/2024/a.pdf", set()), page_name("<stdin>", set())
    ('budgets_2024_a.pdf.html', 'stdin.html')
    """
    flat = re.sub(r"[\\/:<>|\"?*\x00-\x1f]+", "_", source.lstrip("./")).strip("_") or "document"
    name, n = f"{flat}.html", 1
    while name in taken:
        n += 1
        name = f"{flat}-{n}.html"
    taken.add(name)
    return name


def is_folder_output(output: str | None, fmt: str, documents: int) -> bool:
    """HTML goes to a folder when ``--output`` is one (or ends with /), or for several documents."""
    if fmt != "html" or output is None:
        return False
    return documents > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir()


class Sink:
    """Collects the reports of a run and writes them where they belong."""

    def __init__(
        self,
        fmt: str,
        output: str | None,
        stdout: TextIO,
        *,
        documents: int,
        lang: Language,
        separator: str,
    ) -> None:
        self.fmt, self.output, self.lang, self.separator = fmt, output, lang, separator
        self.folder = Path(output) if output and is_folder_output(output, fmt, documents) else None
        self.pieces: list[Piece] = []
        self.entries: list[IndexEntry] = []
        self.taken: set[str] = set()
        self.written = 0
        #: Where reports for a terminal go instead while a progress bar is drawn on it.
        self.above: Callable[[str], None] | None = None
        try:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self.stream: TextIO = stdout
            elif output is not None:
                self.stream = open(  # noqa: SIM115 - closed in close()
                    output, "w", encoding="utf-8", errors="backslashreplace"
                )
            else:
                self.stream = stdout
        except OSError as error:
            raise OutputError(f"cannot write {output}: {error.strerror}") from None
        self.stdout = stdout

    def add(self, piece: Piece) -> None:
        """One document's report, in the order of the documents."""
        if joins(self.fmt):
            self.pieces.append(piece)
            return
        if self.folder is not None:
            name = page_name(piece.source, self.taken)
            self._write_file(self.folder / name, piece.text)
            counts = dict(piece.counts)
            self.entries.append(
                IndexEntry(
                    source=piece.source,
                    page=name,
                    title=piece.title,
                    ok=piece.ok,
                    errors=counts.get("error", 0),
                    warnings=counts.get("warning", 0),
                    infos=counts.get("info", 0),
                    failed=piece.failed,
                )
            )
            return
        if not piece.text:
            return
        gap = self.separator if self.written else ""
        self.written += 1
        if self.above is not None and self.stream is self.stdout:
            self.above(gap + piece.text)
            return
        self.stream.write(gap)
        print(piece.text, file=self.stream)
        self.stream.flush()

    def _write_file(self, path: Path, text: str) -> None:
        try:
            # A lone surrogate from a document cannot be encoded: written escaped.
            path.write_text(text, encoding="utf-8", errors="backslashreplace")
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror}") from None

    def footer(self, line: str) -> None:
        """A closing line (the batch's total) after the reports, where reports are text."""
        if self.folder is None and not joins(self.fmt):
            if self.above is not None and self.stream is self.stdout:
                self.above(line)
            else:
                print(line, file=self.stream)

    def close(self) -> None:
        """Write what waits for the whole batch: the joined output, or the HTML index."""
        try:
            if joins(self.fmt):
                self.stream.write(combine(self.fmt, [p.text for p in self.pieces], lang=self.lang))
                self.stream.write("\n")
            if self.folder is not None:
                self._write_file(
                    self.folder / "index.html", render_index(self.entries, lang=self.lang)
                )
        finally:
            if self.stream is not self.stdout:
                self.stream.close()
            else:
                self.stream.flush()

    def where(self) -> str | None:
        """The folder the pages are written in, for the links from a page to its document."""
        if self.folder is not None:
            return str(self.folder)
        if self.output is not None:
            return str(Path(self.output).parent)
        return None


def link_to(source: str, page_folder: str | None) -> str | None:
    """The address of ``source`` from a page in ``page_folder`` (the current folder when ``None``)."""
    if source == "<stdin>":
        return None
    base = os.path.abspath(page_folder or os.curdir)
    return Path(os.path.relpath(os.path.abspath(source), base)).as_posix()
