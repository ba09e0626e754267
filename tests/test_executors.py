"""Executors: the local pool (deadline per document, workers replaced after a hang or a death,
the stage a document was in) and the Dask executor on a LocalCluster bound to loopback."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.config import BatchConfig, Config, ExportConfig
from pipeline.executors import LocalPool, Task, _StageClock, _Worker, execute
from test_batch_support import outputs, stub_process, write_corpus

CFG = Config(batch=BatchConfig(timeout=2.0, memory_mb=1024), export=ExportConfig(sqlite=False))


def _tasks(tmp_path, files):
    write_corpus(tmp_path / "raw", files)
    return [Task(rel, str(tmp_path / "raw" / rel), rel.rsplit(".", 1)[0],
                 str(tmp_path / "out" / (rel.rsplit(".", 1)[0] + ".json"))) for rel in files]


def test_execute_writes_the_json_and_returns_the_hash(tmp_path):
    [task] = _tasks(tmp_path, {"a.txt": "hello\n"})
    o = execute(task, CFG, stub_process)
    assert o.ok and o.sha256 and set(o.timings) == {"ingest", "language", "output"}
    assert Path(task.out_path).read_text("utf-8").startswith("{")


def test_execute_reports_an_unreadable_file(tmp_path):
    task = Task("gone.txt", str(tmp_path / "gone.txt"), "gone", str(tmp_path / "gone.json"))
    o = execute(task, CFG, stub_process)
    assert not o.ok and o.stage == "ingest" and "cannot read" in o.reason


def test_stage_clock_notifies_each_finished_stage():
    seen = []
    clock = _StageClock(seen.append)
    clock["ingest"] = 1.0
    clock["language"] = clock.get("language", 0.0) + 2.0
    assert seen == ["ingest", "language"] and clock == {"ingest": 1.0, "language": 2.0}


@pytest.mark.parametrize("order, stages, expect", [
    (["ingest", "language", "segment", "output"], [], "ingest"),
    (["ingest", "language", "segment", "output"], ["ingest"], "language"),
    (["ingest", "language", "segment", "output"], ["ingest", "language", "segment"], "output"),
    (None, [], "process"),
    (None, ["ingest"], "after ingest"),
])
def test_the_stage_of_a_hung_document(order, stages, expect):
    w = _Worker.__new__(_Worker)  # no process: only the bookkeeping
    w.order, w.stages = order, stages
    assert w.current_stage() == expect


def test_pool_replaces_hung_and_dead_workers_and_finishes_the_rest(tmp_path):
    files = {"hang.txt": "HANG\n", "die.txt": "DIE\n"} | {f"ok{i}.txt": f"ok {i}\n" for i in range(6)}
    seen = []
    LocalPool(2, CFG, stub_process).run(_tasks(tmp_path, files), seen.append)
    by_rel = {o.rel: o for o in seen}
    assert sorted(by_rel) == sorted(files)
    assert all(by_rel[f"ok{i}.txt"].ok for i in range(6))
    assert "timed out" in by_rel["hang.txt"].reason and "SIGKILL" in by_rel["die.txt"].reason


def test_pool_with_one_worker_survives_repeated_failures(tmp_path):
    files = {"a.txt": "DIE\n", "b.txt": "OOM\n", "c.txt": "CRASH\n", "d.txt": "fine\n"}
    seen = []
    LocalPool(1, CFG, stub_process).run(_tasks(tmp_path, files), seen.append)
    assert [o.ok for o in sorted(seen, key=lambda o: o.rel)] == [False, False, False, True]


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        yield cluster


def test_dask_executor_gives_the_same_outputs_as_the_local_pool(tmp_path, dask_cluster):
    files = {f"d{i:02d}.txt": f"document {i}\n" for i in range(8)} | {"sub/x.txt": "x\n", "bad.txt": "FAIL\n"}
    results = {}
    for executor in ("local", "dask"):
        write_corpus(tmp_path / executor / "raw", files)
        r = run_batch(tmp_path / executor / "raw", tmp_path / executor / "out", CFG, workers=2,
                      executor=executor, scheduler=dask_cluster.scheduler_address, process_fn=stub_process)
        assert r.counts["done"] == len(files) - 1
        assert [(f.path, f.stage, f.reason) for f in r.failures] == [("bad.txt", "dates", "stub failure")]
        results[executor] = outputs(tmp_path / executor / "out")
    assert results["dask"] == results["local"] and len(results["dask"]) == len(files) - 1
    again = run_batch(tmp_path / "dask" / "raw", tmp_path / "dask" / "out", CFG, executor="dask",
                      scheduler=dask_cluster.scheduler_address, process_fn=stub_process)
    assert again.counts["skipped"] == len(files) - 1 and again.counts["done"] == 0


def test_dask_executor_times_out_a_hung_document(tmp_path, dask_cluster):
    files = {"hang.txt": "HANG\n", "ok.txt": "ok\n"}
    write_corpus(tmp_path / "raw", files)
    r = run_batch(tmp_path / "raw", tmp_path / "out", CFG, executor="dask",
                  scheduler=dask_cluster.scheduler_address, process_fn=stub_process)
    assert r.counts["done"] == 1
    assert [f.path for f in r.failures] == ["hang.txt"] and "timed out" in r.failures[0].reason
