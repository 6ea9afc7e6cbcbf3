"""The languages govbudget writes its messages and reports in (a core module: imports nothing).

>>> from typing import get_args
>>> get_args(Language)
('zh', 'en')
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Language"]

#: The language of a message or report: Chinese or English.
Language = Literal["zh", "en"]
