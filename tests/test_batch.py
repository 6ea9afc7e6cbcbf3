"""The batch engine: order, one result per item, failures as results, lost workers, the CPU cap,
chunks, and the same results on a local pool, a Dask LocalCluster and a Dask scheduler."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from govbudget import batch
from govbudget.batch import BatchError, Checked, check, cpu_count, run, workers_for
from govbudget.cli import main
from tests.batch_work import failed, work

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "zengdu-xinfang-2025" / "budget.json"
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"


def _words(count: int) -> list[str]:
    return [f"w{i}" for i in range(count)]


def test_results_come_back_in_the_order_of_the_items() -> None:
    items = _words(500)
    assert list(run(work, items, failed=failed, jobs=2)) == [w.upper() for w in items]


def test_an_item_that_raises_is_its_own_result_and_the_batch_goes_on() -> None:
    items = [*_words(120), "raise", *_words(3)]
    results = list(run(work, items, failed=failed, jobs=2))
    assert len(results) == len(items)
    assert results[120] == "failed raise: RuntimeError: cannot take 'raise'"
    assert results[121:] == ["W0", "W1", "W2"]


def test_serial_runs_in_this_process_with_the_same_results() -> None:
    items = [*_words(10), "raise", "pid"]
    results = list(run(work, items, failed=failed, jobs=1))
    assert results[:10] == [w.upper() for w in _words(10)]
    assert results[10].startswith("failed raise: RuntimeError")
    assert results[11] == str(os.getpid())


def test_a_killed_worker_is_replaced_and_only_its_killer_is_lost() -> None:
    """SIGKILL, as the OOM killer sends it: the pool breaks, is restarted, and every other
    item of the batch (those in flight with the killer too) still gets its result."""
    items = _words(400)
    items[37] = "kill"
    items[301] = "kill"
    results = list(run(work, items, failed=failed, jobs=2))
    assert len(results) == 400
    lost = [i for i, r in enumerate(results) if r.startswith("failed")]
    assert lost == [37, 301]
    assert batch.LOST_WORKER in results[37]
    assert all(results[i] == items[i].upper() for i in range(400) if i not in (37, 301))


def test_jobs_are_capped_at_the_cpus() -> None:
    """--jobs 300 does not start 300 processes."""
    pids = set(run(work, ["pid"] * 400, failed=failed, jobs=300, chunk_size=1))
    assert 1 <= len(pids) <= cpu_count()
    assert workers_for(300) == cpu_count()
    assert workers_for(0) == workers_for(None) == cpu_count()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"jobs": -1}, "jobs must be 0 (one per CPU) or more, not -1"),
        ({"executor": "spark"}, "executor must be one of local, dask, not 'spark'"),
        (
            {"scheduler": "tcp://host:8786"},
            "a scheduler ('tcp://host:8786') is for executor='dask'",
        ),
        ({"chunk_size": 0, "jobs": 2}, "chunk_size must be 1 or more, not 0"),
    ],
)
def test_bad_options_are_refused_naming_the_value(
    arguments: dict[str, object], message: str
) -> None:
    with pytest.raises(BatchError) as raised:
        list(run(work, _words(5), failed=failed, **arguments))  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_an_iterator_of_unknown_length_is_streamed() -> None:
    items = (f"w{i}" for i in range(230))
    assert list(run(work, items, failed=failed, jobs=2)) == [f"W{i}" for i in range(230)]


def test_chunks_are_about_fifty_items_and_finer_for_small_batches() -> None:
    assert batch._chunk_size(range(100_000), 2, None) == batch.CHUNK_SIZE == 50
    assert batch._chunk_size(range(16), 2, None) == 2
    assert batch._chunk_size(iter(range(16)), 2, None) == 50
    assert batch._chunk_size(range(16), 2, 7) == 7


def test_check_reads_and_validates_each_document(tmp_path: Path) -> None:
    unreadable = tmp_path / "bad.json"
    unreadable.write_text("{", encoding="utf-8")
    sources = [str(SEED), str(unreadable), str(FINAL)]
    results = list(check(sources, jobs=2))
    assert [r.source for r in results] == sources
    assert [r.status for r in results] == [0, 2, 1]
    assert results[0].report is not None
    assert results[0].report.department == "曾都区信访局"
    assert results[1].report is None
    assert results[1].error is not None
    assert results[1].error.startswith(f"{unreadable}:1: not valid JSON")
    assert results[2].report is not None
    assert not results[2].report.ok
    serial = list(check(sources, jobs=1))
    assert [r.report for r in serial] == [r.report for r in results]


def test_check_refuses_a_bad_selector_before_reading_anything() -> None:
    with pytest.raises(ValueError, match="'NOPE' is neither a rule id"):
        check([str(SEED)], select=["NOPE"])


def test_a_failure_of_govbudget_itself_is_status_3() -> None:
    result = batch._check_failed(batch._CheckTask("a.json", None, None), "RecursionError: deep")
    assert result == Checked(
        "a.json",
        3,
        error="a.json: govbudget failed while checking it (RecursionError: deep);"
        " please report this with the document",
    )


def test_dask_local_cluster_gives_the_local_results_and_survives_a_killed_worker() -> None:
    pytest.importorskip("distributed")
    items = _words(300)
    items[5] = "raise"
    items[222] = "kill"
    local = list(run(work, items, failed=failed, jobs=2))
    on_dask = list(run(work, items, failed=failed, executor="dask", jobs=2))
    assert on_dask == local
    assert [i for i, r in enumerate(on_dask) if r.startswith("failed")] == [5, 222]
    assert batch.LOST_WORKER in on_dask[222]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def test_the_command_line_gives_the_same_output_on_a_dask_scheduler(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    for i in range(12):
        shutil.copy(SEED if i % 3 else FINAL, tmp_path / f"{i:02d}.json")
    (tmp_path / "05.json").write_text("[]", encoding="utf-8")
    local = _run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=50
        ) as cluster,
    ):
        remote = _run(
            "check", "--format", "json", "--executor", "dask", "--scheduler",
            cluster.scheduler_address, str(tmp_path),
        )  # fmt: skip
    assert remote == local
    status, out, err = local
    assert status == 2
    assert len(out.splitlines()) == 12
    assert json.loads(out.splitlines()[5])["ok"] is False
    assert err.count("\n") == 1
    assert "05.json" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--scheduler", "tcp://h:8786"],
            "--scheduler names a Dask scheduler: use it with --executor dask",
        ),
        (
            ["--executor", "dask", "--scheduler", "tcp://h:8786", "--jobs", "2"],
            "--jobs sets the workers of a local cluster; a --scheduler's has its own",
        ),
        (["--executor", "spark"], "argument --executor: invalid choice: 'spark'"),
    ],
)
def test_executor_usage_mistakes_are_exit_2_in_one_line(argv: list[str], message: str) -> None:
    status, out, err = _run("check", *argv, str(SEED))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def test_an_unreachable_scheduler_is_exit_2_in_one_line() -> None:
    pytest.importorskip("distributed")
    status, out, err = _run("check", "--executor", "dask", "--scheduler", "nonsense://x", str(SEED))
    assert (status, out) == (2, "")
    assert err.startswith("govbudget: cannot reach the Dask scheduler 'nonsense://x'")
    assert err.count("\n") == 1
