"""Documents in folders and at fsspec URLs (``s3://``, ``gs://``, ``hdfs://``, ``file://`` …).

:func:`documents` lists what a name stands for — a local file, every document
under a local folder, or every document under a URL's prefix — without reading
any of them; :func:`read_url` reads one document at a URL, at most
:data:`~govbudget.io.MAX_DOCUMENT_BYTES` of it, when a worker comes to it. So a
batch over a bucket of 10⁶ PDFs lists the keys once and each worker fetches
only its own documents: nothing is downloaded first.

A URL is read through `fsspec <https://filesystem-spec.readthedocs.io/>`_
(``pip install 'govbudget[remote]'``) with the credentials its filesystem finds
the usual way (``AWS_*`` variables or ``~/.aws`` for ``s3://`` with s3fs,
``gcloud`` credentials for ``gs://`` with gcsfs …); the filesystem's own package
(s3fs, gcsfs, …) is installed beside it. On a cluster every worker needs them.

>>> from govbudget.io.remote import is_url
>>> is_url("s3://bucket/2024/a.pdf"), is_url("budgets/a.pdf")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any, Final

from govbudget.errors import DocumentError, MissingExtra
from govbudget.io._files import walk_documents
from govbudget.io.document import MAX_DOCUMENT_BYTES, read_stream_limited

__all__ = ["documents", "is_url", "read_url"]

_URL: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (``scheme://…``) rather than a local path."""
    return _URL.match(name) is not None


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise MissingExtra("remote", "fsspec", "reading documents at URLs") from None
    return fsspec


def _filesystem(url: str) -> tuple[Any, str]:
    """The filesystem of ``url`` and the path in it; errors name the URL."""
    try:
        fs, path = _fsspec().core.url_to_fs(url)
    except ImportError as error:  # the filesystem's package (s3fs, gcsfs …) is missing
        raise DocumentError(f"cannot read this URL: {error}", source=url) from None
    except ValueError as error:  # an unknown protocol
        raise DocumentError(f"cannot read this URL: {error}", source=url) from None
    return fs, str(path)


def documents(name: str, suffixes: Collection[str]) -> list[str]:
    """What ``name`` stands for: itself, or every file under it whose suffix is in ``suffixes``.

    A folder (local, or a URL's prefix) stands for every such file under it, at
    any depth, in path order; anything else stands for itself (reading it later
    says whether it exists). Suffixes are compared in lower case.

    >>> documents("examples/zengdu-xinfang-2025", {".json"})
    ['examples/zengdu-xinfang-2025/budget.json']
    """
    wanted = {suffix.lower() for suffix in suffixes}
    if not is_url(name):
        if not Path(name).is_dir():
            return [name]
        listed = walk_documents(name, wanted)
        for _found, problem in listed:
            if problem is not None:  # a folder under it cannot be listed: never skip it quietly
                raise problem
        return [found for found, _ in listed]
    fs, path = _filesystem(name)
    try:
        if not fs.isdir(path):
            return [name]
        found = fs.find(path)
    except OSError as error:
        raise DocumentError(f"cannot list this folder: {error}", source=name) from None
    return sorted(
        fs.unstrip_protocol(key) for key in found if Path(str(key)).suffix.lower() in wanted
    )


def read_url(url: str, *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the document at ``url``, refusing one larger than ``limit`` bytes
    (:data:`~govbudget.io.MAX_DOCUMENT_BYTES`).

    Errors are :class:`~govbudget.errors.DocumentError` naming the URL: a missing
    object, no permission, an unknown protocol, a missing filesystem package.
    """
    fs, path = _filesystem(url)
    try:
        with fs.open(path, "rb") as stream:
            return read_stream_limited(stream, url, limit=limit)
    except (FileNotFoundError, IsADirectoryError):
        # Asked only now, so that reading a document costs no extra request.
        what = "a folder, not a document" if _is_dir(fs, path) else "no such file"
        raise DocumentError(what, source=url) from None
    except PermissionError as error:
        raise DocumentError(f"not allowed to read it: {error}", source=url) from None
    except OSError as error:
        raise DocumentError(f"cannot read it: {error}", source=url) from None


def _is_dir(fs: Any, path: str) -> bool:
    try:
        return bool(fs.isdir(path))
    except OSError:
        return False
