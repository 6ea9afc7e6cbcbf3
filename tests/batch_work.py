"""Functions the batch tests send to worker processes (importable by name, as workers need).

``work`` upper-cases a word, raises on ``"raise"``, and on ``"kill"`` kills the process
it runs in with SIGKILL, as the kernel's OOM killer does; ``"pid"`` returns the worker's
process id.
"""

from __future__ import annotations

import os
import signal


def work(item: str) -> str:
    """What a worker makes of one item."""
    if item == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if item == "raise":
        raise RuntimeError(f"cannot take {item!r}")
    if item == "pid":
        return str(os.getpid())
    return item.upper()


def failed(item: str, message: str) -> str:
    """The result of an item the worker could not give one for."""
    return f"failed {item}: {message}"
