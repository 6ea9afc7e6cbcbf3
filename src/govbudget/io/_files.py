"""The file handling the readers share: only regular files opened, a size limit, a head."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
import warnings
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from govbudget.errors import DocumentError

if TYPE_CHECKING:
    from govbudget.page import Note

__all__ = [
    "open_regular",
    "opened",
    "sized_head",
    "walk_documents",
    "warning_notes",
    "write_atomic",
]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _refuse_special(mode: int, source: str) -> None:
    kind = _kind(mode)
    if kind is not None:
        raise DocumentError(
            f"{kind}, not a regular file: not opened (a pipe or a device can hang a reader or"
            " never end); send its content to standard input instead (-)",
            source=source,
        )


def open_regular(path: str | os.PathLike[str], source: str) -> BinaryIO:
    """``path`` opened for reading, when it is a regular file.

    Anything else is refused *before* it is opened: opening a named pipe waits for
    a writer that may never come, and opening a device can have effects of its own.
    The file is opened without blocking and looked at again once open, so that one
    swapped for a pipe in between is refused too.

    >>> open_regular("/dev/null", "/dev/null")
    Traceback (most recent call last):
    ...
    govbudget.errors.DocumentError: /dev/null: a character device, not a regular file: not opened (a pipe or a device can hang a reader or never end); send its content to standard input instead (-)
    """
    try:
        _refuse_special(os.stat(path).st_mode, source)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}", source=source) from None
    try:
        _refuse_special(os.fstat(descriptor).st_mode, source)
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def walk_documents(
    folder: str | os.PathLike[str], suffixes: Collection[str]
) -> list[tuple[str, DocumentError | None]]:
    """Every file under ``folder`` whose suffix (in lower case) is in ``suffixes``, in path order.

    Each comes with ``None``, or with the error saying why it cannot be read: a
    folder under it that cannot be listed is an entry of its own, in its place —
    never skipped in silence. Files that are not regular (a named pipe …) are
    listed, to be refused when read; links to folders are not followed.

    >>> walk_documents("examples/zengdu-xinfang-2025", {".json"})
    [('examples/zengdu-xinfang-2025/budget.json', None)]
    """
    wanted = {suffix.lower() for suffix in suffixes}
    found: list[tuple[str, DocumentError | None]] = []

    def unlisted(error: OSError) -> None:
        where = str(error.filename or folder)
        found.append(
            (where, DocumentError(f"cannot read the folder: {error.strerror}", source=where))
        )

    for parent, _folders, files in os.walk(folder, onerror=unlisted):
        found.extend(
            (os.path.join(parent, file), None)
            for file in files
            if os.path.splitext(file)[1].lower() in wanted
        )
    return sorted(found, key=lambda entry: entry[0])


def sized_head(
    document: str | os.PathLike[str] | bytes, source: str, limit: int, name: str
) -> bytes:
    """The first KiB of ``document``, refusing one larger than ``limit`` (the constant ``name``)."""
    if isinstance(document, bytes):
        size, head = len(document), document[:1024]
    else:
        with open_regular(document, source) as stream:
            try:
                size = os.fstat(stream.fileno()).st_size
                head = stream.read(1024)
            except OSError as error:
                raise DocumentError(
                    f"cannot read the file: {error.strerror}", source=source
                ) from None
    if size > limit:
        raise DocumentError(f"larger than {limit} bytes (the limit {name})", source=source)
    return head


def opened(document: str | os.PathLike[str] | bytes) -> str | BinaryIO:
    """What a parser opens: the path, or a stream over the bytes."""
    return io.BytesIO(document) if isinstance(document, bytes) else str(document)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all.

    A regular file (or a new one) is written to a temporary file beside it and
    renamed over it: a full disk or an interrupted write leaves the old file as it
    was, never half a document. A symbolic link is followed and its target replaced.
    A device or a pipe (``/dev/stdout``) cannot be renamed over, and is written
    directly. Raises ``OSError``, with ``filename`` set to ``path``.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    data = text.encode("utf-8")
    if mode is not None and not stat.S_ISREG(mode):
        with _naming(path), open(target, "wb") as stream:
            stream.write(data)
        return
    with _naming(path):
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            # Keep an existing file's permissions; a new one gets the usual ones (umask).
            os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def warning_notes(caught: list[warnings.WarningMessage], source: str) -> list[Note]:
    """What a reading library warned of (openpyxl, pypdfium2), once each, as notes on the file."""
    from govbudget.page import Note  # only a reader of tables warns

    said: list[str] = []
    for warning in caught:
        text = str(warning.message).strip()
        if text and text not in said:
            said.append(text)
    return [
        Note(source, f"读取文件的程序提示：{text[:200]}", f"the file reader says: {text[:200]}")
        for text in said
    ]


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


@contextlib.contextmanager
def _naming(path: str | os.PathLike[str]) -> Iterator[None]:
    """OSErrors raised inside name ``path``: a failed write names no file, or a temporary one."""
    try:
        yield
    except OSError as error:
        error.filename = str(path)
        raise
