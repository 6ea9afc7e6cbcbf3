"""The snippets here are type-checked by tests/test_downstream_typing.py, never imported or run."""

collect_ignore_glob: list[str] = ["*.py"]
