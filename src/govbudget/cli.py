"""The ``govbudget`` command line (also ``python -m govbudget``).

``govbudget check FILE… [-]`` checks documents and reports on them (a ``.txt``
file, or input that is not JSON, is read as a narrative 说明 text, and the
report adds the extraction summary); ``govbudget extract FILE`` writes the
JSON document a narrative states;
``govbudget rules`` lists the catalogue, ``govbudget explain RULE_ID`` shows
one rule in full and ``govbudget schema`` prints the document format's JSON
Schema. Exit status: 0 when no finding is an error, 1 when one is (or a
warning, with ``--fail-on warning``), 2 for input that cannot be read or a
usage mistake — said in one line on stderr naming the file and the place,
never with a traceback.

Input readers are chosen by the file's suffix in one place, :data:`READERS`;
a reader turns the bytes of a file into a budget and notes to print with its
report.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, NoReturn, TextIO, cast, get_args

from govbudget import __version__
from govbudget.errors import DocumentError, GovBudgetError
from govbudget.progress import MIN_FILES

# The command line imports the readers, the checker and the renderers (and attrs, json and
# pathlib) only when a command uses them, so that `govbudget --help` starts fast.
if TYPE_CHECKING:
    from govbudget.cli_output import Piece, Sink
    from govbudget.io.config import Config
    from govbudget.io.parquet import FindingsDataset
    from govbudget.model import DepartmentBudget, Kind
    from govbudget.narrative import Extraction
    from govbudget.output.baseline import Baseline
    from govbudget.page import Note
    from govbudget.report import Finding, Report
    from govbudget.rules import Severity
    from govbudget.series import Series
    from govbudget.words import Language

__all__ = ["READERS", "ReadInput", "Reader", "main", "read_input"]

#: Exit statuses.
OK: Final = 0
FINDINGS: Final = 1
UNREADABLE: Final = 2
#: A document that made govbudget itself fail: a bug to report, not the user's mistake.
INTERNAL: Final = 3

#: The choices of ``--executor``: :data:`govbudget.batch.EXECUTORS`, named here so that
#: ``--help`` does not import the batch engine (and its process pools); a test keeps them equal.
EXECUTORS: Final = ("local", "dask")

#: Below this many files no progress bar is drawn.
PROGRESS_MIN_FILES: Final = MIN_FILES

Format = Literal["text", "markdown", "json", "html", "sarif", "github", "csv", "junit"]

#: The choices of ``--format``: :data:`govbudget.io.config.FORMATS` (a test keeps them equal),
#: without importing the configuration reader for ``--help``.
FORMATS: Final[tuple[str, ...]] = get_args(Format)


class ReadInput(NamedTuple):
    """What a reader makes of one input: the budget and notes to print with its report.

    ``extraction``, ``reading_notes`` and ``tables`` say what reading a narrative
    or a PDF/Excel disclosure made of it; ``--format json`` reports them under
    ``"reading"`` (see :func:`reading_record`), so that a number the reader did
    not understand is never lost from a machine-read report.
    """

    budget: DepartmentBudget
    notes: tuple[str, ...] = ()
    extraction: Extraction | None = None
    details: tuple[str, ...] = ()  # shown with --verbose: every number not understood
    text: str | None = None  # a narrative's text, for the HTML report's links to its lines
    json: bool = False  # a JSON document: findings are placed at their JSON Pointer
    reading_notes: tuple[Note, ...] = ()
    tables: int | None = None


def reading_record(read: ReadInput) -> dict[str, object] | None:
    """What reading the input made of it, as JSON-ready data; ``None`` for a JSON document.

    Keys: ``tables`` (tables read from a PDF/Excel file, else ``None``), ``notes``
    (what the table reader could not take as it stands), and for a narrative text
    ``summary`` (numbers found, mapped, context, not understood), ``not_understood``
    (each such number with its line and column) and ``warnings`` (the quality of
    the disclosure, but for those a rule reports as a finding: see
    :data:`govbudget.narrative.CHECKED_BY`); the full account of every number
    and every warning is ``govbudget extract``'s.

    >>> record = reading_record(read_input("examples/zengdu-xinfang-2025/narrative.txt"))
    >>> record["summary"], record["not_understood"]
    ({'found': 211, 'mapped': 180, 'context': 31, 'not_understood': 0}, [])
    """
    if read.extraction is None and read.tables is None and not read.reading_notes:
        return None
    extraction = read.extraction
    return {
        "tables": read.tables,
        "notes": [{"place": n.place, "zh": n.zh, "en": n.en} for n in read.reading_notes],
        "summary": None if extraction is None else extraction.summary.to_dict(),
        "not_understood": []
        if extraction is None
        else [n.to_dict() for n in extraction.not_understood],
        "warnings": []
        if extraction is None
        else [w.to_dict() for w in extraction.unchecked_warnings()],
    }


class Identity(NamedTuple):
    """What the caller says of the documents: unit, year and kind, over what they say; and
    ``max_values``, the most JSON values a document may hold (``--max-values``; ``None``:
    :data:`govbudget.io.MAX_VALUES`), whose size limit grows with it."""

    department: str | None = None
    year: int | None = None
    kind: Kind | None = None
    max_values: int | None = None

    @property
    def limits(self) -> tuple[int, int]:
        """The most values a JSON document may hold and the most bytes an input may have."""
        from govbudget.io import MAX_VALUES, size_limit

        values = MAX_VALUES if self.max_values is None else self.max_values
        return values, size_limit(values)

    def apply(self, budget: DepartmentBudget) -> DepartmentBudget:
        """``budget`` with the caller's unit, year and kind where given."""
        from attrs import evolve

        return evolve(
            budget,
            department=self.department or budget.department,
            year=self.year or budget.year,
            kind=self.kind or budget.kind,
        )


_NO_IDENTITY: Final = Identity()

#: A reader: the raw bytes of an input, its name (for errors) and what the caller says of it.
Reader = Callable[[bytes, str, Identity], ReadInput]


def _read_json(raw: bytes, source: str, identity: Identity) -> ReadInput:
    from govbudget.io import loads

    budget = loads(raw, source=source, max_values=identity.limits[0])
    return ReadInput(identity.apply(budget), json=True)


def _extract(
    raw: bytes, source: str, identity: Identity = _NO_IDENTITY
) -> tuple[DepartmentBudget, Extraction]:
    from govbudget.narrative import read_narrative

    extraction = read_narrative(
        raw,
        source=source,
        department=identity.department,
        year=identity.year,
        kind=identity.kind,
    )
    return extraction.budget, extraction


def _narrative_notes(extraction: Extraction) -> tuple[str, ...]:
    """The summary in both languages (with the count of numbers not understood), a hint
    that ``--verbose`` lists them, and the quality warnings no rule reports."""
    notes = [extraction.summary.text("zh"), extraction.summary.text("en")]
    missing = len(extraction.not_understood)
    if missing:
        notes.append(
            f"（--verbose 列出未能识别的 {missing} 个数字 / lists the numbers not understood）"
        )
    warnings = extraction.unchecked_warnings()
    if warnings:
        notes.append("公开质量提示：")
        notes.extend(f"  [{w.code}] {w.message('zh')}" for w in warnings)
    return tuple(notes)


def _narrative_details(extraction: Extraction) -> tuple[str, ...]:
    """Every number the text did not understand, with its line, column and context."""
    missing = extraction.not_understood
    if not missing:
        return ()
    return ("未能识别的数字：", *(f"  {n.describe('zh')}" for n in missing))


def _read_narrative(raw: bytes, source: str, identity: Identity) -> ReadInput:
    budget, extraction = _extract(raw, source, identity)
    return ReadInput(
        budget,
        _narrative_notes(extraction),
        extraction=extraction,
        details=_narrative_details(extraction),
        text=raw.decode("utf-8", "replace"),
    )


def _sniff(raw: bytes, source: str, identity: Identity) -> ReadInput:
    """JSON when the input starts with ``{``, else a narrative's text."""
    head = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    reader = _read_json if head.startswith(b"{") else _read_narrative
    return reader(raw, source, identity)


def _read_disclosure(raw: bytes, source: str, identity: Identity) -> ReadInput:
    """A PDF or Excel disclosure with its tables; reading notes are printed with the report."""
    from govbudget.io.disclosure import read_document

    disclosure = read_document(
        raw,
        source=source,
        department=identity.department,
        year=identity.year,
        kind=identity.kind,
    )
    notes = tuple(f"{note.place}: {note.zh}" for note in disclosure.notes)
    tables = f"{len(disclosure.budget.tables)} 张表 / tables"
    extraction = disclosure.extraction
    if extraction is not None:
        notes += _narrative_notes(extraction)
    return ReadInput(
        disclosure.budget,
        (tables, *notes),
        extraction=extraction,
        reading_notes=disclosure.notes,
        tables=len(disclosure.budget.tables),
        details=() if extraction is None else _narrative_details(extraction),
    )


#: The reader of each file suffix; any other suffix (or none, or stdin) is read by
#: its content: JSON when it starts with ``{``, otherwise a narrative's text.
READERS: Final[Mapping[str, Reader]] = {
    ".json": _read_json,
    ".txt": _read_narrative,
    ".pdf": _read_disclosure,
    ".xlsx": _read_disclosure,
    ".xlsm": _read_disclosure,
}


def _read_stdin(stdin: TextIO | None, limit: int | None = None) -> bytes:
    """Standard input's bytes (at most ``limit``, MAX_DOCUMENT_BYTES unless raised); closed
    or unreadable, a DocumentError."""
    from govbudget.io import MAX_DOCUMENT_BYTES, read_stream_limited

    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    if stdin is None or getattr(stdin, "closed", False):  # govbudget check - <&-
        raise DocumentError("standard input is closed: nothing to read", source="<stdin>")
    try:
        stream = getattr(stdin, "buffer", None)
        if stream is not None:
            return read_stream_limited(stream, "<stdin>", limit=limit)
        text = stdin.read(limit + 1)
    except GovBudgetError:
        raise
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise DocumentError(f"cannot read standard input: {reason}", source="<stdin>") from None
    raw = io.BytesIO(text.encode("utf-8", "surrogatepass"))
    return read_stream_limited(raw, "<stdin>", limit=limit)


def read_input(name: str, raw: bytes | None = None, identity: Identity = _NO_IDENTITY) -> ReadInput:
    """Read the input ``name`` (a path; ``-`` is stdin, passed as ``raw``).

    ``identity`` is what the caller says of the document's unit, year and kind.

    >>> read_input("examples/zengdu-xinfang-2025/budget.json").budget.year
    2025
    """
    from pathlib import Path

    from govbudget.io import read_limited
    from govbudget.io.remote import is_url, read_url

    source = "<stdin>" if name == "-" else name
    if raw is not None:
        data = raw
    elif is_url(name):
        data = read_url(name, limit=identity.limits[1])
    else:
        data = read_limited(name, limit=identity.limits[1])
    reader = READERS.get(Path(name).suffix.lower(), _sniff)
    return reader(data, source, identity)


# ---- checking one input (runs in a worker process with --jobs) ---------------


class _Options(NamedTuple):
    fmt: Format
    lang: Language
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    fail_on: Severity
    colour: bool
    identity: Identity = _NO_IDENTITY
    parquet: bool = False  # make the rows of a Parquet dataset (--parquet)
    severities: tuple[tuple[str, Severity], ...] = ()
    baseline: Baseline | None = None
    fingerprints: bool = False  # collect them for --write-baseline
    verbose: bool = False
    pages: str | None = None  # where HTML pages go, for their links to the documents
    series: bool = False  # read only: the documents are checked together (--series)


#: A document's row and its findings' rows, for a Parquet dataset (govbudget.io.parquet).
_Rows = tuple[Mapping[str, object], tuple[Mapping[str, object], ...]]


class _Result(NamedTuple):
    output: str  # for stdout, may be empty
    error: str | None  # the one line for stderr
    status: int
    counts: tuple[tuple[str, int], ...] = ()  # findings by severity
    rows: _Rows | None = None  # with --parquet
    source: str = ""
    title: str | None = None
    fingerprints: tuple[str, ...] = ()
    budget: DepartmentBudget | None = None  # with --series


def _status(report: Report, fail_on: Severity) -> int:
    from govbudget.rules import Severity

    failing = {Severity.ERROR} if fail_on is Severity.ERROR else {Severity.ERROR, Severity.WARNING}
    return FINDINGS if any(f.severity in failing for f in report.findings) else OK


def _render(
    report: Report, read: ReadInput, source: str, options: _Options, *, nothing_to_check: bool
) -> str:
    from govbudget.cli_output import link_to
    from govbudget.output import render_document
    from govbudget.render import render_markdown, render_text, report_record

    if options.fmt == "json":
        record = report_record(report, source=source)
        if nothing_to_check:
            record["nothing_to_check"] = True
        reading = reading_record(read)
        if reading is not None:
            record["reading"] = reading
        return _json_line(record)
    if options.fmt == "html":
        from govbudget.output.html import render_html

        return render_html(
            report,
            source=source,
            lang=options.lang,
            budget=read.budget,
            href=link_to(source, options.pages),
            notes=read.notes,
            text=read.text,
        )
    if options.fmt not in ("text", "markdown"):
        return render_document(options.fmt, report, source=source, lang=options.lang)
    notes = read.notes + (read.details if options.verbose else ())
    if options.fmt == "markdown":
        return render_markdown(report, lang=options.lang, source=source, notes=notes)
    return render_text(report, lang=options.lang, colour=options.colour, source=source, notes=notes)


def _failed(source: str, message: str, status: int, options: _Options) -> _Result:
    from govbudget._escaping import printable
    from govbudget.output import render_failure
    from govbudget.output.schema import REPORT_FORMAT

    output = ""
    if options.fmt == "json":
        output = _json_line(
            {"format": REPORT_FORMAT, "source": source, "ok": False, "error": message}
        )
    elif options.fmt not in ("text", "markdown"):
        output = render_failure(options.fmt, source, message, lang=options.lang)
    rows: _Rows | None = None
    if options.parquet:
        from govbudget.io.parquet import document_row

        rows = (document_row(source, status, error=message), ())
    # The message quotes the document (a name, a key): one line, escaped, whatever it holds.
    return _Result(output, f"govbudget: {printable(message)}", status, rows=rows, source=source)


#: Said of a document that states nothing a rule can check (a blank PDF, a document of
#: its name and year only): passing it would claim more than was looked at.
NOTHING_TO_CHECK: Final = (
    "⚠ 没有可检查的内容：文件中没有任何规则可以检查的数字 / nothing to check: the document"
    " states no figure any rule checks"
)


def validate(
    budget: DepartmentBudget,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
) -> Report:
    """:func:`govbudget.validate`, imported when the first document is checked."""
    from govbudget.validation import validate as check

    return check(budget, select=select, ignore=ignore, severity_overrides=severity_overrides)


def _check_one(name: str, raw: bytes | str | None, options: _Options) -> _Result:
    """One input's result; ``raw`` is stdin's bytes, or why an input could not even be listed."""

    from govbudget._escaping import printable
    from govbudget.output.baseline import fingerprint
    from govbudget.output.pointer import with_pointers
    from govbudget.render import nothing_to_check
    from govbudget.rules import Severity

    source = "<stdin>" if name == "-" else name
    if isinstance(raw, str):
        return _failed(source, raw, UNREADABLE, options)
    try:
        read = read_input(name, raw, options.identity)
    except GovBudgetError as error:
        return _failed(source, str(error), UNREADABLE, options)
    except RecursionError:  # a reader's library recursing through a hostile structure
        message = f"{source}: nested too deeply to be read (a hostile or damaged file)"
        return _failed(source, message, UNREADABLE, options)
    if options.series:
        return _Result("", None, OK, budget=read.budget)
    try:
        report = validate(
            read.budget,
            select=options.select,
            ignore=options.ignore,
            severity_overrides=dict(options.severities),
        )
        prints = (
            tuple(fingerprint(report, f, source) for f in report.findings)
            if options.fingerprints
            else ()
        )
        if read.json:
            report = with_pointers(report, read.budget, source)
        if options.baseline is not None:
            report = options.baseline.new_findings(report, source)
        nothing = nothing_to_check(report)
        if nothing:
            read = read._replace(notes=(*read.notes, NOTHING_TO_CHECK))
        rendered = _render(report, read, source, options, nothing_to_check=nothing)
    except Exception as error:  # a bug of ours must not stop a batch of thousands of files
        return _internal(source, f"{type(error).__name__}: {error}", options)
    summary = report.summary
    warnings = summary.warnings + nothing
    counts = (("error", summary.errors), ("warning", warnings), ("info", summary.infos))
    status = _status(report, options.fail_on)
    if nothing and options.fail_on is Severity.WARNING:
        status = max(status, FINDINGS)
    warning = f"govbudget: {printable(source)}: warning: nothing to check" if nothing else None
    rows: _Rows | None = None
    if options.parquet:
        from govbudget.io.parquet import document_row, finding_rows

        document = document_row(source, status, report, read.budget)
        rows = (document, tuple(finding_rows(report, source, read.budget)))
    return _Result(
        rendered,
        warning,
        status,
        counts,
        rows=rows,
        source=source,
        title=report.title(options.lang),
        fingerprints=prints,
    )


def _internal(source: str, message: str, options: _Options) -> _Result:
    return _failed(
        source,
        f"{source}: govbudget failed while checking it ({message}); please report this with"
        " the document",
        INTERNAL,
        options,
    )


_Task = tuple[str, bytes | str | None, _Options]


def _check_task(task: _Task) -> _Result:
    return _check_one(*task)


def _task_failed(task: _Task, message: str) -> _Result:
    """The result of a file whose check raised past ``_check_one``, or lost its worker."""
    name, _, options = task
    return _internal("<stdin>" if name == "-" else name, message, options)


def _json_line(data: Mapping[str, object]) -> str:
    import json

    from govbudget._escaping import json_text

    return json_text(json.dumps(data, ensure_ascii=False))


# ---- the command line ------------------------------------------------------------


class _UsageError(Exception):
    """A mistake in the command line, said in one line; exit status 2."""

    def __init__(self, message: str, prog: str = "govbudget") -> None:
        super().__init__(message)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see: {self.prog} --help)", self.prog)


def _selectors(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govbudget",
        description="Check the arithmetic of department budget disclosures (部门预算/部门决算公开).",
    )
    parser.add_argument("--version", action="version", version=f"govbudget {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check documents and report on them", description="Check documents."
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a document, a folder (every document under it), an fsspec URL of either"
        " (s3://…, gs://…; needs govbudget[remote]), or - for stdin",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="text (default), markdown, json (one line per document), html, sarif, github"
        " (workflow annotations), csv or junit",
    )
    check.add_argument("--lang", choices=("zh", "en"), default=None)
    check.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="write the report to FILE (HTML: one page per document and index.html in DIR)",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="RULE_OR_FAMILY",
        help="check only these rules (ids, id prefixes or families; repeat or separate by commas)",
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULE_OR_FAMILY", help="skip these rules"
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default=None,
        help="the least severe finding that makes the exit status 1 (default: error)",
    )
    check.add_argument(
        "--severity",
        action="append",
        metavar="RULE=LEVEL",
        help="report a rule's (or family's) findings as error, warning or info; repeatable",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only the findings this baseline does not know"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record today's findings in a baseline file"
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="the configuration file (default: govbudget.toml or [tool.govbudget] in"
        " pyproject.toml, searched from the current folder upwards)",
    )
    check.add_argument(
        "-v", "--verbose", action="store_true", help="list every number a text did not read"
    )
    check.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="check N files at once (0: one per CPU; at most one per CPU; default 1, or one"
        " per CPU with --executor dask); the output keeps the order of the files",
    )
    check.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="where the files are checked: local processes, or a Dask cluster (a local one"
        " unless --scheduler names one; needs govbudget[dask])",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the address of a running Dask scheduler (tcp://host:8786), for --executor dask",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (when writing to a terminal and NO_COLOR is not set)",
    )
    check.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    check.add_argument(
        "--max-values",
        type=int,
        metavar="N",
        help="read JSON documents of up to N values (default 200,000, a safe limit far above"
        " real disclosures; the size limit grows with it)",
    )
    _identity_arguments(check)
    check.add_argument(
        "--series",
        action="store_true",
        help="check the documents against each other across years: group them by unit and"
        " year, and check each prior-year figure (上年数, 年初预算数) against the earlier"
        " document (the rules of the family series)",
    )
    check.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write the findings as a Parquet dataset in DIR (a new folder, or a URL):"
        " DIR/findings/ one row per finding, DIR/documents/ one per document; needs"
        " govbudget[parquet]",
    )

    rules = commands.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    rules.add_argument("--lang", choices=("zh", "en"), default="zh")

    explain_command = commands.add_parser("explain", help="show one rule in full")
    explain_command.add_argument("rule", metavar="RULE_ID")
    explain_command.add_argument("--lang", choices=("zh", "en"), default="zh")

    schema = commands.add_parser("schema", help="print the JSON Schema of the document format")
    schema.add_argument(
        "--report", action="store_true", help="the JSON Schema of the JSON report instead"
    )

    extract = commands.add_parser(
        "extract",
        help="read a narrative (说明) text into a JSON document",
        description="Read the narrative (说明) text of a disclosure and write the govbudget"
        " JSON document it states, for review; the extraction summary goes to stderr.",
    )
    extract.add_argument("file", metavar="FILE", help="a narrative text file, or - for stdin")
    extract.add_argument("-o", "--output", metavar="OUT", help="write the document here")
    extract.add_argument("--numbers", metavar="PATH", help="write every number's fate as JSON")
    _identity_arguments(extract)
    extract.add_argument(
        "--force", action="store_true", help="replace OUT or PATH when the file exists"
    )
    return parser


def _identity_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--department", help="the department (unit) the documents are of, over what they say"
    )
    command.add_argument("--year", type=int, help="the budget year, over what the documents say")
    command.add_argument(
        "--kind",
        choices=("budget", "final"),
        help="预算 (budget) or 决算 (final accounts), over what the documents say",
    )


def _identity(args: argparse.Namespace) -> Identity:
    from govbudget.model import Kind

    if args.year is not None and not 1949 <= args.year <= 2200:
        raise _UsageError(f"--year must be from 1949 to 2200, not {args.year}")
    if args.department is not None and not args.department.strip():
        raise _UsageError("--department must not be empty")
    kind = None if args.kind is None else Kind(args.kind)
    max_values = getattr(args, "max_values", None)  # check's; extract reads narratives
    if max_values is not None and max_values < 1:
        raise _UsageError(f"--max-values must be a positive number of values, not {max_values}")
    return Identity(args.department, args.year, kind, max_values)


def _extract_command(
    args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    import json

    from govbudget._escaping import json_text, printable
    from govbudget.io import dumps, read_limited
    from govbudget.io._files import write_atomic

    source = "<stdin>" if args.file == "-" else args.file
    targets = [path for path in (args.output, args.numbers) if path]
    _check_targets(targets, args.file, args.force)
    try:
        raw = _read_stdin(stdin) if args.file == "-" else read_limited(args.file)
        budget, extraction = _extract(raw, source, _identity(args))
    except GovBudgetError as error:
        print(f"govbudget: {printable(str(error))}", file=stderr)
        return UNREADABLE
    document = dumps(budget)
    numbers = json_text(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2)) + "\n"
    try:
        if args.output:
            write_atomic(args.output, document)
        else:
            stdout.write(document)
            stdout.flush()
        if args.numbers:
            write_atomic(args.numbers, numbers)
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence(stdout)
        where = error.filename or "standard output"
        print(f"govbudget: cannot write {printable(str(where))}: {error.strerror}", file=stderr)
        return UNREADABLE
    for line in extraction.render("zh").splitlines():
        print(printable(line), file=stderr)
    return OK


def _check_targets(targets: Sequence[str], given: str, force: bool) -> None:
    """Refuse to write over the input, or over an existing file without ``--force``."""
    from govbudget._escaping import printable

    if len(targets) == 2 and os.path.realpath(targets[0]) == os.path.realpath(targets[1]):
        raise _UsageError(f"-o and --numbers name the same file: {printable(targets[0])}")
    for target in targets:
        try:
            mode = os.stat(target).st_mode
        except OSError:  # absent (or unreachable: writing it will say why)
            continue
        if given != "-" and _same_file(target, given):
            raise _UsageError(
                f"{printable(target)} is the input {printable(given)}: refusing to write over"
                " it; name another file"
            )
        if stat.S_ISREG(mode) and not force:
            raise _UsageError(
                f"{printable(target)} exists: refusing to replace it; pass --force to replace it"
            )


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _expand(name: str) -> list[tuple[str, str | None]]:
    """``name``, or for a folder (local or at a URL) every file under it that a reader takes,
    in a stable order.

    Each with ``None``, or why it cannot be read: a local folder under it that cannot
    be listed is one of the entries, so that what was not checked is said, never
    skipped. A file that is not a regular file (a named pipe …) is listed, to be
    refused when read.
    """
    from pathlib import Path

    from govbudget.io._files import walk_documents
    from govbudget.io.remote import documents, is_url

    if name == "-":
        return [(name, None)]
    if not is_url(name) and Path(name).is_dir():
        listed = walk_documents(name, READERS)
        return [(found, None if problem is None else str(problem)) for found, problem in listed]
    return [(found, None) for found in documents(name, READERS)]


def _colour(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    return bool(environ.get("FORCE_COLOR")) or _is_tty(stream)


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def _results(tasks: list[_Task], args: argparse.Namespace) -> Iterator[_Result]:
    """One result per task, in order, from the batch engine (:mod:`govbudget.batch`)."""
    from govbudget import batch

    jobs = args.jobs
    if jobs is None:
        jobs = 0 if args.executor == "dask" else 1
    return batch.run(
        _check_task,
        tasks,
        failed=_task_failed,
        executor=args.executor,
        jobs=jobs,
        scheduler=args.scheduler,
    )


def _total_line(results: Sequence[_Result], lang: Language) -> str:
    files = len(results)
    unreadable = sum(1 for r in results if r.status >= UNREADABLE)
    failing = sum(1 for r in results if r.status == FINDINGS)
    counts: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for key, value in result.counts:
            counts[key] += value
    if lang == "zh":
        return (
            f"共 {files} 个文件：{files - failing - unreadable} 个通过，{failing} 个未通过，"
            f"{unreadable} 个无法读取；错误 {counts['error']}，警告 {counts['warning']}，"
            f"提示 {counts['info']}"
        )
    return (
        f"{files} files: {files - failing - unreadable} passed, {failing} failed,"
        f" {unreadable} unreadable; {counts['error']} error(s), {counts['warning']}"
        f" warning(s), {counts['info']} info"
    )


def _config(args: argparse.Namespace) -> Config:
    from pathlib import Path

    from govbudget.io.config import Config, find_config, read_config

    try:
        if args.config:
            return read_config(args.config)
        return find_config(Path.cwd()) or Config()
    except GovBudgetError as error:
        raise _UsageError(str(error)) from None


def _severities(args: argparse.Namespace, config: Config) -> tuple[tuple[str, Severity], ...]:
    from govbudget.io.config import severity_overrides

    levels = dict(config.severity)
    pairs: dict[str, object] = {}
    for given in args.severity or ():
        for item in (part.strip() for part in given.split(",") if part.strip()):
            rule, equals, level = item.partition("=")
            if not equals:
                raise _UsageError(f"--severity {item!r}: write RULE=LEVEL, e.g. COD002=info")
            pairs[rule.strip()] = level.strip()
    try:
        levels.update(severity_overrides(pairs, "--severity"))
    except GovBudgetError as error:
        raise _UsageError(str(error)) from None
    return tuple(sorted(levels.items()))


def _baseline(name: str | None) -> Baseline | None:
    from govbudget.io import read_limited
    from govbudget.output.baseline import Baseline

    if name is None:
        return None
    try:
        return Baseline.loads(read_limited(name).decode("utf-8", "replace"), source=name)
    except GovBudgetError as error:
        raise _UsageError(str(error)) from None


def _check(
    args: argparse.Namespace,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    environ: Mapping[str, str],
) -> int:
    from pathlib import Path

    from govbudget.cli_output import Sink
    from govbudget.output.baseline import Baseline
    from govbudget.progress import batch_progress, working_on
    from govbudget.rules import RULES, Severity
    from govbudget.validation import select_rules

    config = _config(args)
    select = _selectors(args.select) if args.select is not None else config.select
    ignore = _selectors(args.ignore) if args.ignore is not None else config.ignore
    # argparse and the configuration file check both against the same choices
    fmt = cast(Format, args.format or config.format or "text")
    lang: Language = "en" if (args.lang or config.language) == "en" else "zh"
    try:
        select_rules(RULES, select, ignore)
    except GovBudgetError as error:
        raise _UsageError(str(error)) from None
    if args.jobs is not None and args.jobs < 0:
        raise _UsageError(f"--jobs must be 0 (one per CPU) or more, not {args.jobs}")
    if args.scheduler is not None and args.executor != "dask":
        raise _UsageError("--scheduler names a Dask scheduler: use it with --executor dask")
    if args.scheduler is not None and args.jobs is not None:
        raise _UsageError("--jobs sets the workers of a local cluster; a --scheduler's has its own")
    if args.files.count("-") > 1:
        raise _UsageError("stdin (-) can be read only once")
    if args.series and fmt not in ("text", "markdown", "json"):
        raise _UsageError(f"--series reports as text, markdown or json, not {fmt}")
    try:
        names = [entry for given in args.files for entry in _expand(given)]
    except GovBudgetError as error:  # a folder at a URL that cannot be listed
        raise _UsageError(str(error)) from None
    if not names:
        raise _UsageError(f"no .json or .txt documents in {', '.join(args.files)}")
    if fmt == "html" and len(names) > 1 and args.output is None:
        raise _UsageError("--format html for several documents needs --output DIR")
    try:
        sink = Sink(
            fmt,
            args.output,
            stdout,
            documents=len(names),
            lang=lang,
            separator="\n" if fmt in ("text", "markdown") else "",
        )
    except GovBudgetError as error:
        raise _UsageError(str(error)) from None
    options = _Options(
        fmt=fmt,
        lang=lang,
        select=select,
        ignore=ignore,
        fail_on=Severity(args.fail_on or (config.fail_on or Severity.ERROR).value),
        colour=fmt == "text" and args.output is None and _colour(args.color, stdout, environ),
        severities=_severities(args, config),
        # recording a baseline does not need the configured one (it may not exist yet)
        baseline=_baseline(args.baseline or (None if args.write_baseline else config.baseline)),
        fingerprints=args.write_baseline is not None,
        verbose=args.verbose,
        pages=sink.where(),
        identity=_identity(args),
        parquet=args.parquet is not None,
        series=args.series,
    )
    tasks: list[_Task] = [
        (name, _stdin_input(stdin, options.identity.limits[1]) if name == "-" else problem, options)
        for name, problem in names
    ]
    results: list[_Result] = []
    slow = len(tasks) == 1 and Path(names[0][0]).suffix.lower() in (".pdf", ".xlsx", ".xlsm")
    shown = not args.no_progress
    try:
        with contextlib.ExitStack() as stack:
            if slow:  # one slow document: a spinner while it is read, then the report
                with working_on(names[0][0], stream=stderr, environ=environ, enabled=shown):
                    done: Iterator[_Result] = iter(list(_results(tasks, args)))
            else:
                done = _results(tasks, args)
            bar = stack.enter_context(
                batch_progress(len(tasks), stream=stderr, environ=environ, enabled=shown)
            )
            if bar.drawn and _is_tty(stdout):  # one terminal: reports go above the bar
                sink.above = bar.print_above
            dataset = stack.enter_context(_dataset(args.parquet))
            for result in done:
                if result.error:
                    bar.log(result.error, stderr)
                with _writing(args.output):
                    sink.add(_piece(result))
                results.append(result)
                if dataset is not None and result.rows is not None:
                    dataset.add(*result.rows)
                bar.advance(result.source)
            if args.series:
                across = _check_series([name for name, _ in names], results, options)
                if dataset is not None:
                    for document, findings in _series_rows(across, options):
                        dataset.add(document, findings)
    except GovBudgetError as error:  # the executor or the dataset could not start
        raise _UsageError(str(error)) from None
    sink.above = None  # the bar is gone
    if args.series:
        with _writing(args.output):
            status = _series(across, options, sink)
            sink.close()
        return max(status, *(r.status for r in results))
    with _writing(args.output):
        if len(results) > 1 and fmt == "text":
            sink.footer(f"\n{_total_line(results, lang)}")
        sink.close()
    if args.write_baseline is not None:
        prints = (p for r in results for p in r.fingerprints)
        try:
            Path(args.write_baseline).write_text(Baseline(prints).dumps(), encoding="utf-8")
        except OSError as error:
            raise _UsageError(f"cannot write {args.write_baseline}: {error.strerror}") from None
    return max(r.status for r in results)


def _check_series(
    names: Sequence[str], results: Sequence[_Result], options: _Options
) -> tuple[Series, ...]:
    """The documents read, checked across years (--series)."""
    from govbudget.series import check_series

    read = [
        ("<stdin>" if name == "-" else name, result.budget)
        for name, result in zip(names, results, strict=True)
        if result.budget is not None
    ]
    return check_series(read, select=options.select, ignore=options.ignore)


def _series(across: Sequence[Series], options: _Options, sink: Sink) -> int:
    """Write one report per unit (--series); the exit status they give."""
    from govbudget.cli_output import Piece

    status = OK
    for series in across:
        if options.fmt == "json":
            text = _json_line(series.to_dict())
        else:
            text = series.render(options.lang, markdown=options.fmt == "markdown")
        sink.add(Piece(series.name or "", text, series.title(options.lang), ok=series.ok))
        status = max(status, _status(series.report, options.fail_on))
    return status


def _series_rows(across: Sequence[Series], options: _Options) -> Iterator[_Rows]:
    """The Parquet rows of --series --parquet: each document read, with the checks across
    years whose place is in it (a series' own findings, such as its missing years, go to its
    latest document)."""
    from govbudget.io.parquet import document_row, finding_rows
    from govbudget.place import Place
    from govbudget.report import Report

    for series in across:
        sources = [document.source for document in series.documents]
        mine: dict[str, list[Finding]] = {source: [] for source in sources}
        for finding in series.report.checks:
            where = finding.location.source
            file = None if where is None else Place.parse(where).file
            mine[file if file in mine else sources[-1]].append(finding)
        for document in series.documents:
            budget = document.budget
            report = Report(budget.department, budget.year, tuple(mine[document.source]))
            row = document_row(document.source, _status(report, options.fail_on), report, budget)
            yield row, tuple(finding_rows(report, document.source, budget))


def _dataset(target: str | None) -> contextlib.AbstractContextManager[FindingsDataset | None]:
    """The Parquet dataset of ``--parquet`` (closed when the batch ends), or nothing."""
    if target is None:
        return contextlib.nullcontext()
    from govbudget.io.parquet import FindingsDataset

    return FindingsDataset(target)


def _piece(result: _Result) -> Piece:
    from govbudget.cli_output import Piece

    failed = result.error if result.status >= UNREADABLE else None
    return Piece(
        result.source,
        result.output,
        result.title,
        ok=result.status == OK,
        failed=failed,
        counts=result.counts,
    )


def _stdin_input(stdin: TextIO | None, limit: int | None = None) -> bytes | str:
    """Standard input's bytes, or the message saying why it cannot be read."""
    try:
        return _read_stdin(stdin, limit)
    except GovBudgetError as error:
        return str(error)


class _OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed file): exit status 2."""


@contextlib.contextmanager
def _writing(where: str | None) -> Iterator[None]:
    """Writing the reports: one that fails (a full disk, ``--output`` unwritable) ends the run
    with exit status 2 and one line (a closed pipe is ``main``'s)."""
    from govbudget._escaping import printable
    from govbudget.cli_output import OutputError

    try:
        yield
    except BrokenPipeError:
        raise
    except OutputError as error:
        raise _OutputError(str(error)) from None
    except OSError as error:
        target = "standard output" if where is None else printable(where)
        raise _OutputError(f"cannot write the report to {target}: {error.strerror}") from None


def _explain(args: argparse.Namespace, stdout: TextIO) -> int:
    import difflib

    from govbudget.render import explain
    from govbudget.rules import RULES

    wanted = args.rule.strip().upper()
    rule = RULES.get(wanted)
    if rule is None:
        close = difflib.get_close_matches(wanted, list(RULES), n=1)
        hint = f"; did you mean {close[0]}?" if close else "; see: govbudget rules"
        raise _UsageError(f"no rule has the id {args.rule!r}{hint}")
    print(explain(rule, lang=args.lang), file=stdout)
    return OK


def _rules(args: argparse.Namespace, stdout: TextIO) -> int:
    from govbudget.render import catalogue_json, catalogue_markdown, catalogue_text
    from govbudget.rules import RULES

    rules = list(RULES.values())
    if args.format == "json":
        print(catalogue_json(rules), file=stdout)
    elif args.format == "markdown":
        print(catalogue_markdown(rules), file=stdout)
    else:
        print(catalogue_text(rules, lang=args.lang), file=stdout)
    return OK


_SAFE_ERRORS: Final = frozenset({"backslashreplace", "replace", "namereplace", "xmlcharrefreplace"})


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the command line; returns the exit status (0, 1 or 2)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    for stream in {stdout, stderr} & {sys.stdout, sys.stderr}:
        # What the stream's encoding cannot hold (a lone surrogate; a character a terminal's
        # legacy encoding lacks) is written escaped, never a crash. "strict", and the
        # "surrogateescape" of a C locale, would raise on "\ud800".
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) not in _SAFE_ERRORS:
            reconfigure(errors="backslashreplace")
    environ = os.environ if environ is None else environ
    try:
        with contextlib.redirect_stdout(stdout):  # --help and --version
            args = _parser().parse_args(argv)
        if args.command == "check":
            return _check(args, stdin, stdout, stderr, environ)
        if args.command == "rules":
            return _rules(args, stdout)
        if args.command == "explain":
            return _explain(args, stdout)
        if args.command == "extract":
            return _extract_command(args, stdin, stdout, stderr)
        from govbudget.io.schema import schema_text
        from govbudget.output.schema import report_schema_text

        stdout.write(report_schema_text() if args.report else schema_text())
        return OK
    except SystemExit as exit_:  # --help, --version
        return exit_.code if isinstance(exit_.code, int) else OK
    except _UsageError as error:
        print(f"{error.prog}: {error}", file=stderr)
        return UNREADABLE
    except BrokenPipeError:
        # The reader went away (govbudget check … | head): not an error of ours.
        _silence(stdout)
        return OK
    except _OutputError as error:  # govbudget check … > /dev/full
        _silence(stdout)
        print(f"govbudget: {error}", file=stderr)
        return UNREADABLE
    except KeyboardInterrupt:
        print("govbudget: interrupted", file=stderr)
        return 130


def _silence(stream: TextIO) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
