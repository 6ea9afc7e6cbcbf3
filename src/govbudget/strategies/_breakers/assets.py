"""Breakers of the assets rules (国有资产, AST001): how to break each in an exact budget."""

from __future__ import annotations

from typing import Final

from govbudget.strategies._breakers._base import Breaker, _b, _bumper

__all__ = ["BREAKERS"]


BREAKERS: Final[dict[str, Breaker]] = {
    "AST001": _b("assets", _bumper("assets", "total"), "资产总额 changed, its parts not"),
}
