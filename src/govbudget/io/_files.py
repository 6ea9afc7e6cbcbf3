"""The file handling the PDF and Excel readers share: a path or bytes, a size limit, a head."""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from govbudget.errors import DocumentError

__all__ = ["opened", "sized_head"]


def sized_head(
    document: str | os.PathLike[str] | bytes, source: str, limit: int, name: str
) -> bytes:
    """The first KiB of ``document``, refusing one larger than ``limit`` (the constant ``name``)."""
    if isinstance(document, bytes):
        size, head = len(document), document[:1024]
    else:
        try:
            size = os.stat(document).st_size
            with open(document, "rb") as stream:
                head = stream.read(1024)
        except OSError as error:
            raise DocumentError(f"cannot read the file: {error.strerror}", source=source) from None
    if size > limit:
        raise DocumentError(f"larger than {limit} bytes (the limit {name})", source=source)
    return head


def opened(document: str | os.PathLike[str] | bytes) -> str | BinaryIO:
    """What a parser opens: the path, or a stream over the bytes."""
    return io.BytesIO(document) if isinstance(document, bytes) else str(document)
