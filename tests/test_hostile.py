"""The hostile-input suite (issue 14): every input that is not a readable document gives exit
status 2 and exactly one line on stderr naming the file (and the place, where it has one),
within bounded time and memory; nothing printed can drive the terminal; nothing is silently
changed or overwritten.

Most cases run in one real ``govbudget check`` process over a folder of generated files, so
that the batch's guarantees are checked too: one result per input, in input order, the
others still checked. Time and memory are measured with generous bounds (the limits are
what keeps them small, not a fast machine): a child process reports its own peak memory,
and runs under an address-space ceiling so that a bomb cannot take the machine down.
"""

from __future__ import annotations

import io
import json
import os
import resource
import stat
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from govbudget import dumps, load
from govbudget.cli import main
from govbudget.io import MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_VALUES
from govbudget.narrative import MAX_CHARS

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
NARRATIVE = ROOT / "examples" / "zengdu-xinfang-2025" / "narrative.txt"
HEAD = '{"format": "govbudget/1", "department": "某局", "year": 2025'

#: Generous bounds for one process: the readers' limits keep real use far below them.
SECONDS = 120.0
PEAK_MIB = 1024
CEILING = 4 * 1024**3  # address space a child may map at most

# The child's own peak: Linux's VmHWM (its memory since exec). ru_maxrss is the fallback
# elsewhere; on Linux it also keeps the peak of the forked test process (a run of the whole
# suite that once held a large budget would count against every child after it).
_CHILD = """
import os, resource, sys
from govbudget.cli import main

def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

try:
    status = main(sys.argv[2:])
finally:
    os.write(int(sys.argv[1]), str(peak()).encode())
sys.exit(status)
"""


class Ran:
    """A finished ``govbudget`` process: status, output, seconds and peak memory (MiB)."""

    def __init__(self, status: int, out: str, err: str, seconds: float, peak: float) -> None:
        self.status, self.out, self.err, self.seconds, self.peak = status, out, err, seconds, peak

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()

    def bounded(self) -> Ran:
        assert "Traceback" not in self.err, self.err
        assert self.seconds < SECONDS, f"took {self.seconds:.1f} s"
        assert self.peak < PEAK_MIB, f"peaked at {self.peak:.0f} MiB"
        return self


def _ceiling() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CEILING, CEILING))


def run(*argv: str, stdin: int | bytes | None = None, cwd: Path = ROOT) -> Ran:
    """``govbudget ARGV`` in a child process, with its peak memory."""
    read, write = os.pipe()
    start = time.monotonic()
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(write), *argv],
        stdin=stdin if isinstance(stdin, int) else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(write,),
        preexec_fn=_ceiling,
        cwd=cwd,
    ) as process:
        os.close(write)
        given = stdin if isinstance(stdin, bytes) else None
        out, err = process.communicate(given, timeout=SECONDS * 2)
    seconds = time.monotonic() - start
    with os.fdopen(read, "rb") as report:
        peak_kib = int(report.read() or b"0")
    return Ran(
        process.returncode, out.decode("utf-8"), err.decode("utf-8"), seconds, peak_kib / 1024
    )


def in_process(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


# ---- the unreadable inputs, all in one batch ----------------------------------------


def _xlsx(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)


def _merge_bomb() -> bytes:
    """A 5 KB workbook whose one merged range covers the whole sheet (17·10⁹ cells)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["收支总表"])
    book.active.merge_cells("A5:B6")
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A5:B6"', b'ref="A1:XFD1048576"')
            target.writestr(name, data)
    return bomb.getvalue()


def _zip_bomb() -> bytes:
    """A workbook whose sheet inflates 30,000-fold (a few hundred KB to 300 MB)."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with target.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                sheet.write(chunk)
    return bomb.getvalue()


def _pdf(content: bytes, filters: str = "", mediabox: bytes = b"[0 0 612 792]") -> bytes:
    """A one-page PDF whose page has ``content`` as its content stream."""
    dictionary = f"<< /Length {len(content)}" + (f" /Filter {filters}" if filters else "") + " >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Contents 4 0 R >>",
        dictionary.encode() + b"\nstream\n" + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    )
    return bytes(out)


def _compression_bomb() -> bytes:
    """2 KB that inflate, through two Flate layers, to a gigabyte of content."""
    twice = zlib.compress(zlib.compress(b" " * (1 << 30), 9), 9)
    return _pdf(twice, "[/FlateDecode /FlateDecode]")


def _encrypted_pdf() -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="a password")
    page.drawString(72, 700, "2025")
    page.save()
    return buffer.getvalue()


def _deep(depth: int) -> str:
    return HEAD + ', "region": ' + "[" * depth + "]" * depth + "}"


def _many_values() -> str:
    return HEAD + ', "region": [' + ",".join(["0"] * (MAX_VALUES + 1)) + "]}"


#: name → (content, what its one line must say). Each is unreadable: exit status 2.
UNREADABLE: dict[str, tuple[Callable[[], bytes | str], str]] = {
    "empty.json": (lambda: b"", "not valid JSON"),
    "not-json.json": (lambda: "{'format': 1}", "not valid JSON"),
    "truncated.json": (lambda: HEAD + ', "income": {', "not valid JSON"),
    "array.json": (lambda: "[1, 2]", "must be a JSON object"),
    "bad-utf8.json": (lambda: b'{"department": "\xff\xfe"}', "not UTF-8 text"),
    "nan.json": (lambda: HEAD + ', "income": {"total": {"amount": NaN}}}', "NaN"),
    "infinity.json": (lambda: HEAD + ', "income": {"total": {"amount": -Infinity}}}', "Infinity"),
    "float-exponent.json": (
        lambda: HEAD + ', "income": {"total": {"amount": 1e400}}}',
        "/income/total/amount",
    ),
    "long-number.json": (
        lambda: HEAD + ', "income": {"total": {"amount": ' + "9" * 5000 + "}}}",
        "MAX_DIGITS",
    ),
    "long-exponent.json": (
        lambda: HEAD + ', "income": {"total": {"amount": "1E+99999999"}}}',
        "/income/total/amount",
    ),
    "deep.json": (lambda: _deep(MAX_DEPTH + 1), "MAX_DEPTH"),
    "very-deep.json": (lambda: _deep(200_000), "MAX_DEPTH"),
    "many-values.json": (_many_values, "MAX_VALUES"),
    "too-large.json": (
        lambda: HEAD + ', "region": "' + "x" * MAX_DOCUMENT_BYTES + '"}',
        "MAX_DOCUMENT_BYTES",
    ),
    "duplicate-key.json": (lambda: HEAD + ', "year": 2024}', "at /year: the key 'year' appears"),
    "nested-duplicate.json": (
        lambda: HEAD + ', "income": {"total": {"amount": "1", "amount": "2"}}}',
        "at /income/total/amount: the key 'amount' appears twice",
    ),
    "bad-year.json": (
        lambda: '{"format": "govbudget/1", "department": "某局", "year": 99999}',
        "at /year: year must be",
    ),
    "bool-year.json": (
        lambda: '{"format": "govbudget/1", "department": "某局", "year": true}',
        "at /year",
    ),
    "unknown-key.json": (lambda: HEAD + ', "yaer": 1}', "at /yaer: unknown key"),
    "sub-fen-amount.json": (
        lambda: HEAD + ', "income": {"total": {"amount": 0.000000001}}}',
        "at /income/total/amount",
    ),
    "surrogate-key.json": (lambda: HEAD + ', "\\ud800": 1}', "unknown key '\\ud800'"),
    "control-key.json": (lambda: HEAD + ', "a\\u001b[2Jb": 1}', "\\x1b[2J"),
    "wrong-format.json": (
        lambda: '{"format": "govbudget/2", "department": "某局", "year": 2025}',
        "at /format",
    ),
    "nul.txt": (lambda: b"2025\x00\x00\x00", "binary data"),
    "png.txt": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    "controls.txt": (lambda: "\x01\x02\x03\x04" * 20, "binary data"),
    "not-text.txt": (lambda: b"\xff\xfe\xfa\xfb\x80\x81" * 10, "not UTF-8 or GB18030"),
    "too-long.txt": (lambda: "一" * (MAX_CHARS + 1), "MAX_CHARS"),
    "not-pdf.pdf": (lambda: b"this is not a PDF at all", ""),
    "truncated.pdf": (lambda: b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", ""),
    "encrypted.pdf": (_encrypted_pdf, "encrypted with a password"),
    "compression-bomb.pdf": (_compression_bomb, "MAX_INFLATED_BYTES"),
    "stacked-filters.pdf": (
        lambda: _pdf(b"x", "[" + " /FlateDecode" * 9 + "]"),
        "9 filters stacked (the limit MAX_FILTERS",
    ),
    "not-zip.xlsx": (lambda: b"PK\x03\x04 but not a zip", "not an Excel .xlsx workbook"),
    "merge-bomb.xlsx": (_merge_bomb, "MAX_MERGED_CELLS"),
    "zip-bomb.xlsx": (_zip_bomb, "MAX_INFLATED_BYTES"),
    "empty-zip.xlsx": (lambda: _xlsx({}), "damaged"),
    "broken-workbook.xlsx": (
        lambda: _xlsx({"[Content_Types].xml": _CONTENT_TYPES, "xl/workbook.xml": "<workbook"}),
        "damaged",
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Ran]:
    """Every unreadable input, with a good document first, in the middle and last."""
    folder = tmp_path_factory.mktemp("hostile")
    names = sorted(["000-good.json", *UNREADABLE, "mmm-good.json", "zzz-good.json"])
    for name in names:
        if name.endswith("good.json"):
            (folder / name).write_bytes(SEED.read_bytes())
            continue
        content = UNREADABLE[name][0]()
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder, names, run("check", "--format", "json", "--jobs", "2", str(folder)).bounded()


def test_every_unreadable_input_gives_exactly_one_line_naming_it(
    batch: tuple[Path, list[str], Ran],
) -> None:
    folder, names, ran = batch
    assert ran.status == 2
    unreadable = [name for name in names if not name.endswith("good.json")]
    assert len(ran.lines) == len(unreadable)
    for name, line in zip(unreadable, ran.lines, strict=True):
        assert line.startswith(f"govbudget: {folder / name}"), line
        assert UNREADABLE[name][1] in line, line
        assert len(line) < 600, line


def test_one_result_per_input_in_input_order_and_the_others_still_checked(
    batch: tuple[Path, list[str], Ran],
) -> None:
    folder, names, ran = batch
    records = [json.loads(line) for line in ran.out.splitlines()]
    assert [r["source"] for r in records] == [str(folder / name) for name in names]
    for name, record in zip(names, records, strict=True):
        if name.endswith("good.json"):
            assert record["ok"] is True
            assert record["summary"]["checks"] > 200
        else:
            assert record["ok"] is False
            assert record["error"].startswith(str(folder / name))


# ---- standard input, special files, folders ---------------------------------------


def test_standard_input_larger_than_the_limit() -> None:
    ran = run("check", "-", stdin=b" " * (MAX_DOCUMENT_BYTES + 1)).bounded()
    assert (ran.status, ran.lines) == (
        2,
        ["govbudget: <stdin>: larger than 16777216 bytes (the limit MAX_DOCUMENT_BYTES)"],
    )


def test_standard_input_that_never_ends() -> None:
    with open("/dev/zero", "rb") as zero:
        ran = run("check", "-", stdin=zero.fileno()).bounded()
    assert ran.status == 2
    assert ran.lines == [
        "govbudget: <stdin>: larger than 16777216 bytes (the limit MAX_DOCUMENT_BYTES)"
    ]


def test_closed_standard_input() -> None:
    script = f"{sys.executable} -m govbudget check - <&-; echo status $?"
    result = subprocess.run(script, shell=True, capture_output=True, text=True, check=False)
    assert result.stderr == "govbudget: <stdin>: standard input is closed: nothing to read\n"
    assert result.stdout.strip().endswith("status 2")
    script = f"{sys.executable} -m govbudget extract - <&-; echo status $?"
    result = subprocess.run(script, shell=True, capture_output=True, text=True, check=False)
    assert result.stderr == "govbudget: <stdin>: standard input is closed: nothing to read\n"
    assert result.stdout.strip().endswith("status 2")


def test_a_named_pipe_without_a_writer_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "budget.json"
    os.mkfifo(fifo)
    ran = run("check", str(fifo), str(SEED)).bounded()
    assert ran.status == 2
    assert ran.lines == [
        f"govbudget: {fifo}: a named pipe (FIFO), not a regular file: not opened (a pipe or a"
        " device can hang a reader or never end); send its content to standard input instead (-)"
    ]
    assert ran.out.count("曾都区信访局 2025") == 1  # the good one is still checked


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_without_opening(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    status, _, err = in_process("check", device)
    assert status == 2
    assert err == (
        f"govbudget: {device}: a character device, not a regular file: not opened (a pipe or a"
        " device can hang a reader or never end); send its content to standard input instead (-)\n"
    )


def test_a_folder_that_cannot_be_listed_is_reported_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.json").write_bytes(SEED.read_bytes())
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "hidden.json").write_bytes(SEED.read_bytes())
    (tmp_path / "c.json").write_bytes(SEED.read_bytes())
    if os.geteuid() != 0:
        (tmp_path / "b").chmod(0)
    else:  # root reads any folder: make listing it fail as it does for others
        real = os.scandir

        def scandir(path: str) -> object:
            if Path(path) == tmp_path / "b":
                raise PermissionError(13, "Permission denied", path)
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        status, out, err = in_process("check", "--format", "json", str(tmp_path))
    finally:
        (tmp_path / "b").chmod(0o755)
    assert status == 2
    assert err == f"govbudget: {tmp_path / 'b'}: cannot read the folder: Permission denied\n"
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [str(tmp_path / "a.json"), str(tmp_path / "b"), str(tmp_path / "c.json")]


# ---- output that cannot be written -----------------------------------------------------


def test_a_full_disk_is_a_clear_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "govbudget", "check", str(SEED)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == (
        "govbudget: cannot write the report to standard output: No space left on device\n"
    )
    status, _, err = in_process("extract", str(NARRATIVE), "-o", "/dev/full")
    assert (status, err) == (2, "govbudget: cannot write /dev/full: No space left on device\n")


# ---- nothing silently changed or overwritten -------------------------------------------


def test_extract_never_writes_over_its_input(tmp_path: Path) -> None:
    text = tmp_path / "n.txt"
    text.write_bytes(NARRATIVE.read_bytes())
    link = tmp_path / "link.json"
    link.symlink_to(text)
    for argv in (
        ["-o", str(text)],
        ["-o", str(link)],
        ["--numbers", str(text)],
        ["-o", str(text), "--force"],
    ):
        status, _out, err = in_process("extract", str(text), *argv)
        assert status == 2, argv
        assert "is the input" in err, err
        assert err.count("\n") == 1, err
    assert text.read_bytes() == NARRATIVE.read_bytes()


def test_extract_replaces_an_existing_file_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", "utf-8")
    status, _, err = in_process("extract", str(NARRATIVE), "-o", str(out))
    assert status == 2
    assert err == f"govbudget: {out} exists: refusing to replace it; pass --force to replace it\n"
    assert out.read_text("utf-8") == "keep me"
    status, _, _ = in_process("extract", str(NARRATIVE), "-o", str(out), "--force")
    assert status == 0
    assert load(out).department == "曾都区信访局"
    same = ["-o", str(tmp_path / "x.json"), "--numbers", str(tmp_path / "x.json")]
    assert in_process("extract", str(NARRATIVE), *same)[0] == 2


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    out.write_text("the old document", "utf-8")
    mode = stat.S_IMODE(out.stat().st_mode)

    def fail(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    status, _, err = in_process("extract", str(NARRATIVE), "-o", str(out), "--force")
    assert (status, err) == (2, f"govbudget: cannot write {out}: No space left on device\n")
    assert out.read_text("utf-8") == "the old document"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left
    monkeypatch.undo()
    assert in_process("extract", str(NARRATIVE), "-o", str(out), "--force")[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_extract_writes_a_document_check_reads(tmp_path: Path) -> None:
    text = tmp_path / "tiny.txt"
    text.write_text(
        "2025年某局部门预算。某局2025年“三公”经费预算0.4万元，比上年增长0.0000001%。", "utf-8"
    )
    out = tmp_path / "tiny.json"
    assert in_process("extract", str(text), "-o", str(out))[0] == 0
    assert '"0.0000001"' in out.read_text("utf-8")
    assert load(out).three_public is not None
    status, _, err = in_process("check", str(out))
    assert status == 0, err


# ---- output is safe -----------------------------------------------------------------


_HOSTILE_NAME = "某局\x1b[2J\x1b]0;title\x07\r\n✓ 通过\u202e\ud800"


def _hostile_document(tmp_path: Path) -> Path:
    budget = load(SEED)
    path = tmp_path / "hostile.json"
    path.write_text(dumps(attrs.evolve(budget, department=_HOSTILE_NAME)), "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_control_characters_are_escaped_in_text_and_markdown(tmp_path: Path, fmt: str) -> None:
    path = _hostile_document(tmp_path)
    status, out, err = in_process("check", "--format", fmt, str(path))
    assert status == 0, err
    first = out.splitlines()[0]
    assert "某局\\x1b[2J\\x1b]0;title\\x07\\r\\n✓ 通过\\u202e\\ud800" in first
    assert not any(c in out for c in "\x1b\x07\r\u202e\ud800")


def test_lone_surrogates_do_not_stop_a_batch(tmp_path: Path) -> None:
    path = _hostile_document(tmp_path)
    ran = run("check", "--format", "json", str(SEED), str(path), str(SEED)).bounded()
    assert ran.status == 0, ran.err
    records = [json.loads(line) for line in ran.out.splitlines()]
    assert [r["source"] for r in records] == [str(SEED), str(path), str(SEED)]
    assert records[1]["department"] == _HOSTILE_NAME
    ran = run("check", str(SEED), str(path), str(SEED)).bounded()
    assert ran.status == 0
    assert ran.out.count("曾都区信访局 2025") == 2


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff\x1b[2J.json"
    with open(name, "wb") as stream:
        stream.write(b"{")
    ran = run("check", str(tmp_path)).bounded()
    assert ran.status == 2
    assert ran.lines == [
        f"govbudget: {tmp_path}/\\udcff\\x1b[2J.json:1: not valid JSON: Expecting property name"
        " enclosed in double quotes (column 2)"
    ]


# ---- nothing to check ----------------------------------------------------------------


def test_a_document_with_nothing_to_check_says_so(tmp_path: Path) -> None:
    path = tmp_path / "identity.json"
    path.write_text('{"format": "govbudget/1", "department": "某局", "year": 2025}', "utf-8")
    status, out, err = in_process("check", str(path))
    assert status == 0
    assert err == f"govbudget: {path}: warning: nothing to check\n"
    assert "✓" not in out
    assert "⚠ 没有可检查的内容" in out
    status, out, _ = in_process("check", "--format", "json", str(path))
    assert json.loads(out)["nothing_to_check"] is True
    assert in_process("check", "--fail-on", "warning", str(path))[0] == 1
    status, out, _ = in_process("check", "--format", "markdown", "--lang", "en", str(path))
    assert "**nothing to check**" in out
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_pdf(b""))  # a page with nothing on it
    status, out, err = in_process("check", str(blank))
    assert status == 0
    assert err == f"govbudget: {blank}: warning: nothing to check\n"
    assert "✓" not in out


# ---- the API: a round trip for every value the model accepts ---------------------------


def test_dumps_writes_no_exponent_and_reads_back_exponents_and_surrogates(tmp_path: Path) -> None:
    from decimal import Decimal

    from govbudget import dump
    from govbudget.figure import StatedPercent

    budget = load(SEED)
    assert budget.three_public is not None
    total = budget.three_public.total
    assert total is not None
    # Lone surrogates (from a JSON escape, or a file name that is not UTF-8); a high one just
    # before a low one is the one text JSON cannot tell from the character the pair encodes.
    names = ("局\ud800", "\udfff局", "局\udcff\ud800")
    values = (Decimal("1E-7"), Decimal("1.5E+3"), Decimal("-0"), Decimal("0E-8"))
    for name, value in zip(names * 2, values, strict=False):
        changed = attrs.evolve(
            budget,
            department=name,
            three_public=attrs.evolve(
                budget.three_public, total=attrs.evolve(total, percent=StatedPercent(value, "增长"))
            ),
        )
        text = dumps(changed)
        assert "E-" not in text
        assert "E+" not in text
        assert load(text) == changed
        dump(changed, tmp_path / "b.json")  # encodable: the surrogates are escaped
        assert load(tmp_path / "b.json") == changed


def test_the_model_refuses_a_percent_it_could_not_write_back() -> None:
    from decimal import Decimal

    from govbudget.errors import InvalidAmount
    from govbudget.figure import StatedPercent

    for value in (Decimal("1E+40"), Decimal("1E-40"), 10**31):
        with pytest.raises(InvalidAmount, match="MAX_DIGITS"):
            StatedPercent(value)


@pytest.mark.parametrize(
    "fmt", ["text", "markdown", "json", "html", "sarif", "github", "csv", "junit"]
)
def test_every_output_format_takes_a_hostile_name(tmp_path: Path, fmt: str) -> None:
    path = _hostile_document(tmp_path)
    inputs = [str(path)] if fmt == "html" else [str(SEED), str(path)]  # one page on stdout
    ran = run("check", "--format", fmt, *inputs).bounded()
    assert ran.status in (0, 1), ran.err
    assert "please report" not in ran.err
    if fmt in ("text", "markdown", "json", "github"):  # read on a terminal or in a CI log
        assert "\x1b" not in ran.out
    target = tmp_path / f"report.{fmt}"
    options = ["--output", str(tmp_path / "pages")] if fmt == "html" else ["--output", str(target)]
    status, _, err = in_process("check", "--format", fmt, *options, str(SEED), str(path))
    assert status in (0, 1), err
    assert "please report" not in err


# ---- PDF: what PDFium would take long or much memory over ---------------------------------


def test_a_pdf_of_endless_operands_or_a_deep_box_is_read_quickly() -> None:
    zeros = _pdf(b"0 " * 130_000)  # issue 14: ran for more than 300 s under pdfminer
    deep = _pdf(b"BT ET", mediabox=b"[" * 50_000 + b"]" * 50_000)  # RecursionError in close()
    from govbudget.io.pdf import read_pdf

    for data in (zeros, deep):
        start = time.monotonic()
        pages = read_pdf(data, source="hostile.pdf")
        assert time.monotonic() - start < 30
        assert len(pages.pages) == 1


def test_the_time_limit_is_checked_inside_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pypdfium2")
    from govbudget.errors import DocumentError
    from govbudget.io import pdf as reader

    text = (
        b"BT /F1 1 Tf " + b" ".join(b"%d 0 Td (x) Tj" % (i % 500) for i in range(10_000)) + b" ET"
    )
    clock = iter(range(1_000_000))

    class Clock:
        @staticmethod
        def monotonic() -> float:  # float-ok: a time
            return float(next(clock))  # one second more at every look

    monkeypatch.setattr(reader, "time", Clock)
    with pytest.raises(DocumentError, match=r"stopped at page 1 of 1: .*MAX_SECONDS") as caught:
        reader.read_pdf(_pdf(text), source="slow.pdf", max_seconds=2.5)
    assert str(caught.value).startswith("slow.pdf: ")
    assert next(clock) >= 4  # looked at inside the page, not only between pages
