"""Documents at fsspec URLs: listing a prefix without reading it, reading one document with the
size limit, errors naming the URL, and ``govbudget check`` over ``memory://`` and ``file://``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from govbudget.cli import READERS, main
from govbudget.errors import DocumentError
from govbudget.io import MAX_DOCUMENT_BYTES
from govbudget.io.remote import documents, is_url, read_url

fsspec = pytest.importorskip("fsspec")

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"


@pytest.fixture
def bucket() -> Iterator[str]:
    """A folder in fsspec's in-memory filesystem holding three documents and a stray file."""
    fs = fsspec.filesystem("memory")
    root = "/govbudget-tests/bucket"
    fs.pipe(f"{root}/2024/final.json", FINAL.read_bytes())
    fs.pipe(f"{root}/2025/budget.JSON", SEED.read_bytes())
    fs.pipe(f"{root}/2025/notes.md", b"not a document")
    fs.pipe(f"{root}/broken.json", b"{")
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("s3://bucket/a.pdf", True),
        ("gs://b/x/", True),
        ("hdfs://namenode:8020/data", True),
        ("file:///tmp/a.json", True),
        ("budgets/a.json", False),
        ("/abs/a.json", False),
        ("C:\\budgets\\a.json", False),
        ("-", False),
    ],
)
def test_is_url(name: str, expected: bool) -> None:
    assert is_url(name) is expected


def test_a_prefix_lists_its_documents_in_path_order(bucket: str) -> None:
    assert documents(bucket, READERS) == [
        "memory:///govbudget-tests/bucket/2024/final.json",
        "memory:///govbudget-tests/bucket/2025/budget.JSON",
        "memory:///govbudget-tests/bucket/broken.json",
    ]


def test_a_document_url_stands_for_itself(bucket: str) -> None:
    assert documents(f"{bucket}/2024/final.json", READERS) == [f"{bucket}/2024/final.json"]


def test_read_url_reads_the_bytes(bucket: str) -> None:
    assert read_url(f"{bucket}/2024/final.json") == FINAL.read_bytes()


@pytest.mark.parametrize(
    ("suffix", "message"),
    [
        ("/2023/missing.json", "no such file"),
        ("/2024", "a folder, not a document"),
    ],
)
def test_read_url_errors_name_the_url(bucket: str, suffix: str, message: str) -> None:
    with pytest.raises(DocumentError) as raised:
        read_url(bucket + suffix)
    assert str(raised.value) == f"{bucket}{suffix}: {message}"


def test_a_document_over_the_limit_is_refused_without_reading_it_all(bucket: str) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe("/govbudget-tests/bucket/huge.json", b" " * (MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(DocumentError, match="larger than 16777216 bytes"):
        read_url(f"{bucket}/huge.json")


def test_an_unknown_protocol_names_the_url() -> None:
    with pytest.raises(DocumentError) as raised:
        read_url("nosuch://bucket/a.json")
    assert str(raised.value) == (
        "nosuch://bucket/a.json: cannot read this URL: Protocol not known: nosuch"
    )


def test_check_a_prefix_in_memory(bucket: str) -> None:
    status, out, err = _run("check", "--format", "json", bucket)
    assert status == 2
    lines = out.splitlines()
    assert len(lines) == 3
    assert '"ok": false' in lines[0]  # the 决算 example has errors
    assert '"department": "曾都区信访局"' in lines[1]
    assert err == (
        "govbudget: memory:///govbudget-tests/bucket/broken.json:1: not valid JSON:"
        " Expecting property name enclosed in double quotes (column 2)\n"
    )


def test_check_a_missing_url_is_exit_2_in_one_line(bucket: str) -> None:
    status, out, err = _run("check", f"{bucket}/2023/missing.json")
    assert (status, out) == (2, "")
    assert err == f"govbudget: {bucket}/2023/missing.json: no such file\n"


def test_check_file_urls_on_two_workers(tmp_path: Path) -> None:
    """A file:// prefix, read by worker processes that open each URL themselves."""
    for i in range(6):
        (tmp_path / f"{i}.json").write_bytes((SEED if i % 2 else FINAL).read_bytes())
    by_url = _run("check", "--format", "json", "--jobs", "2", f"file://{tmp_path}")
    by_path = _run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert by_url[0] == by_path[0] == 1
    assert by_url[1].replace(f"file://{tmp_path}", str(tmp_path)) == by_path[1]
