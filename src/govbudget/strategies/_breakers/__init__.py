"""Breakers: for each rule, how to break it in an exact budget by more than rounding allows."""

from __future__ import annotations

from govbudget.strategies._breakers.tables import (
    BREAKERS,
    LEAST_STEPS,
    Breaker,
    Place,
    get,
    put,
    slots,
)

__all__ = ["BREAKERS", "LEAST_STEPS", "Breaker", "Place", "get", "put", "slots"]
