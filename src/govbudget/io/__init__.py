"""Reading and writing budgets: the JSON document format."""

from govbudget.io.document import (
    FORMAT,
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    MAX_VALUES,
    dump,
    dumps,
    from_data,
    load,
    loads,
    read_limited,
    read_stream_limited,
    size_limit,
    to_data,
)

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_VALUES",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "read_limited",
    "read_stream_limited",
    "size_limit",
    "to_data",
]
