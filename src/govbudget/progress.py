"""What the command line shows on stderr while it works: a bar for a batch, a spinner for one file.

Drawn with `rich <https://rich.readthedocs.io>`_ (chosen because it draws
bars, spinners, rates and ETAs, sizes CJK text correctly and honours
``NO_COLOR``/``FORCE_COLOR``, with no escape codes of ours), only when stderr
is a terminal (or ``FORCE_COLOR`` asks for it) and never into a pipe or a
file, so that logs and redirected output stay clean.

An internal API for the command line and the batch engine
(:mod:`govbudget.batch`): open a :func:`batch_progress` around the loop that
collects results and call :meth:`BatchProgress.advance` once per document;
wrap one slow document in :func:`working_on`. Both are no-ops when the
display is off.

>>> import io
>>> with batch_progress(3, stream=io.StringIO(), environ={}) as bar:
...     for name in ("a.pdf", "b.pdf", "c.pdf"):
...         bar.advance(name)
>>> bar.done
3
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Final, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

__all__ = ["MIN_FILES", "BatchProgress", "batch_progress", "shown", "working_on"]

#: Below this many documents no bar is drawn (it would flash and go).
MIN_FILES: Final = 10


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def shown(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """True when a progress display belongs on ``stream``: a terminal, or ``FORCE_COLOR`` set."""
    return _is_tty(stream) or bool(environ.get("FORCE_COLOR"))


def console(stream: TextIO, environ: Mapping[str, str]) -> Console:
    """A rich console on ``stream`` that follows ``NO_COLOR`` and ``FORCE_COLOR`` in ``environ``."""
    from rich.console import Console

    return Console(
        file=stream,
        force_terminal=True if environ.get("FORCE_COLOR") else None,
        no_color=bool(environ.get("NO_COLOR")),
        highlight=False,
    )


class BatchProgress:
    """A batch's bar: documents done of the total, the rate, the time left, the last file."""

    def __init__(self, progress: Progress | None, task: TaskID | None) -> None:
        self._progress, self._task = progress, task
        self.done = 0

    def advance(self, name: str | None = None) -> None:
        """One more document done (``name`` is shown beside the bar)."""
        self.done += 1
        if self._progress is not None and self._task is not None:
            shown = PurePath(name).name if name else ""
            self._progress.update(self._task, advance=1, file=shown)

    @property
    def drawn(self) -> bool:
        """True while the bar is on the terminal."""
        return self._progress is not None

    def print_above(self, text: str) -> None:
        """Print ``text`` (which may hold ANSI styles) above the bar, on the bar's terminal.

        For the reports themselves when stdout is the same terminal: printed past the
        bar, they would be overdrawn by its next refresh.
        """
        if self._progress is None:
            print(text)
            return
        from rich.text import Text

        self._progress.console.print(Text.from_ansi(text), soft_wrap=True)

    def log(self, line: str, stream: TextIO) -> None:
        """Print ``line`` on ``stream``, above the bar while it is drawn there."""
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=stream)


@contextlib.contextmanager
def batch_progress(
    total: int,
    *,
    stream: TextIO,
    environ: Mapping[str, str],
    enabled: bool = True,
    description: str = "检查 checking",
) -> Iterator[BatchProgress]:
    """A progress bar for ``total`` documents on ``stream``, when :func:`shown` and worth it.

    Anything printed to the same stream through :meth:`BatchProgress` callers'
    ordinary ``print`` appears above the bar (rich redirects it).
    """
    if not enabled or total < MIN_FILES or not shown(stream, environ):
        yield BatchProgress(None, None)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[file]}", style="dim"),
    )
    with Progress(
        *columns, console=console(stream, environ), transient=True, redirect_stdout=False
    ) as progress:
        task = progress.add_task(description, total=total, file="", rate="")
        bar = _RatedProgress(progress, task)
        yield bar


class _RatedProgress(BatchProgress):
    """The bar with the documents per second beside it."""

    def advance(self, name: str | None = None) -> None:
        super().advance(name)
        assert self._progress is not None
        assert self._task is not None
        speed = self._progress.tasks[0].speed
        rate = "" if not speed else f"{speed:.1f}/s"  # float-ok: a display rate, not money
        self._progress.update(self._task, rate=rate)


@contextlib.contextmanager
def working_on(
    name: str, *, stream: TextIO, environ: Mapping[str, str], enabled: bool = True
) -> Iterator[None]:
    """A spinner with ``name`` while one slow document (a PDF, a workbook) is read and checked."""
    if not enabled or not shown(stream, environ):
        yield
        return
    with console(stream, environ).status(f"正在检查 checking {name}", spinner="dots"):
        yield
