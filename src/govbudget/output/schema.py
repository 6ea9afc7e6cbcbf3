"""The JSON Schema of the JSON report (``govbudget check --format json``), versioned.

``govbudget schema --report`` prints it. Version 1 is ``"format":
"govbudget-report/1"`` in every line; a change that could break a reader of the
report gets a new version.

>>> json.loads(report_schema_text())["$defs"]["version"]["const"]
'govbudget-report/1'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Final

__all__ = ["REPORT_FORMAT", "report_schema", "report_schema_text"]

#: The version every JSON report line declares in its ``format`` key.
REPORT_FORMAT: Final = "govbudget-report/1"


def report_schema_text() -> str:
    """The schema as text (JSON, ending with a newline)."""
    return resources.files("govbudget.output").joinpath("report-schema.json").read_text("utf-8")


def report_schema() -> dict[str, object]:
    """The schema as data."""
    data: dict[str, object] = json.loads(report_schema_text())
    return data
