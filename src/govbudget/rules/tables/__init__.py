"""Tables (公开表): the rules on the tables as printed (TAB001–TAB016)."""

from __future__ import annotations

from govbudget.rules.tables.narrative import RULES, spot_cell, three_public_refs

__all__ = ["RULES", "spot_cell", "three_public_refs"]
