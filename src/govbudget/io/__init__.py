"""Reading and writing budgets: the JSON document format."""

from govbudget.io.document import FORMAT, dump, dumps, from_data, load, to_data

__all__ = ["FORMAT", "dump", "dumps", "from_data", "load", "to_data"]
