"""run_batch: incremental runs, deletions, failure isolation, identical output for any number of
workers, the run report. The per-document function is the stand-in of test_batch_support, so
these tests exercise the batch machinery alone (test_cli_run.py runs the real pipeline)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.config import BatchConfig, Config, DatesConfig, ExportConfig
from test_batch_support import outputs, stub_process, write_corpus

CFG = Config(batch=BatchConfig(timeout=3.0, memory_mb=1024), export=ExportConfig(sqlite=False))
GOOD = {f"d{i:02d}.txt": f"document {i}\n" for i in range(6)} | {"sub/deep/x.txt": "deep\n", "sub/y.md": "y\n"}


def _run(tmp_path, cfg=CFG, workers=2, **kw):
    return run_batch(tmp_path / "raw", tmp_path / "out", cfg, workers=workers, process_fn=stub_process, **kw)


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path / "raw", GOOD)
    first = _run(tmp_path)
    assert first.counts["done"] == len(GOOD) and not first.failures
    return tmp_path


def test_outputs_mirror_the_raw_tree(corpus):
    got = outputs(corpus / "out")
    assert sorted(got) == ["d00.json", "d01.json", "d02.json", "d03.json", "d04.json", "d05.json",
                           "sub/deep/x.json", "sub/y.json"]
    doc = json.loads(got["sub/deep/x.json"])
    assert doc["doc_id"] == "sub/deep/x" and doc["source"]["path"] == "sub/deep/x.txt"


def test_unchanged_corpus_reprocesses_nothing(corpus):
    before = {p: p.stat().st_mtime_ns for p in (corpus / "out").rglob("*.json") if "_pipeline" not in p.parts}
    r = _run(corpus)
    assert r.counts == {"done": 0, "skipped": len(GOOD), "failed": 0, "deleted": 0}
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_changed_and_added_files_are_redone_alone(corpus):
    write_corpus(corpus / "raw", {"d01.txt": "changed\n", "new/n.txt": "new\n"})
    r = _run(corpus)
    assert r.counts == {"done": 2, "skipped": len(GOOD) - 1, "failed": 0, "deleted": 0}
    assert json.loads(outputs(corpus / "out")["d01.json"])["text"] == "changed\n"
    assert "new/n.json" in outputs(corpus / "out")


@pytest.mark.parametrize("keep", [False, True])
def test_deleted_file_output_removed_or_kept_and_reported(corpus, keep):
    (corpus / "raw" / "sub" / "y.md").unlink()
    cfg = Config(batch=BatchConfig(keep_deleted=keep), export=ExportConfig(sqlite=False))
    r = _run(corpus, cfg)
    assert r.deleted == ["sub/y.md"] and r.counts["deleted"] == 1
    assert ("kept" if keep else "removed") in r.summary()
    assert (corpus / "out" / "sub" / "y.json").exists() is keep
    again = _run(corpus, cfg)
    assert again.deleted == [] and again.counts["skipped"] == len(GOOD) - 1  # reported once


def test_changed_config_redoes_everything(corpus):
    cfg = Config(dates=DatesConfig(enabled=False), batch=CFG.batch, export=CFG.export)
    r = _run(corpus, cfg)
    assert r.counts["done"] == len(GOOD) and r.counts["skipped"] == 0
    sha = cfg.sha256()
    assert all(json.loads(b)["pipeline"]["config_sha256"] == sha for b in outputs(corpus / "out").values())


def test_batch_settings_do_not_invalidate_outputs(corpus):
    cfg = Config(batch=BatchConfig(workers=1, timeout=99.0), export=ExportConfig(sqlite=False))
    assert _run(corpus, cfg).counts["done"] == 0


def test_force_redoes_everything(corpus):
    assert _run(corpus, force=True).counts["done"] == len(GOOD)


def test_lost_manifest_is_rebuilt_from_the_outputs(corpus):
    (corpus / "out" / "_pipeline" / "manifest.json").unlink()
    r = _run(corpus)
    assert r.counts["done"] == 0 and r.counts["skipped"] == len(GOOD)
    assert (corpus / "out" / "_pipeline" / "manifest.json").exists()


def test_identical_output_for_one_and_two_workers(tmp_path):
    files = GOOD | {f"many/{i:03d}.txt": f"text {i} " * (i + 1) for i in range(30)}
    results = {}
    for n in (1, 2):
        write_corpus(tmp_path / f"w{n}" / "raw", files)
        run_batch(tmp_path / f"w{n}" / "raw", tmp_path / f"w{n}" / "out", CFG, workers=n, process_fn=stub_process)
        results[n] = outputs(tmp_path / f"w{n}" / "out")
    assert len(results[1]) == len(files) and results[1] == results[2]


BAD = {
    "crash.txt": ("CRASH\n", "process", "RuntimeError: stub crashed"),
    "fail.txt": ("FAIL\n", "dates", "stub failure"),
    "hang.txt": ("HANG\n", "after ingest", "timed out after 3 s"),
    "oom.txt": ("OOM\n", "process", "out of memory"),
    "die.txt": ("DIE\n", "after ingest", "worker process killed by SIGKILL"),
}


def test_failures_are_isolated_and_reported_with_stage_and_reason(tmp_path):
    write_corpus(tmp_path / "raw", GOOD | {rel: text for rel, (text, _, _) in BAD.items()})
    r = _run(tmp_path)
    assert r.counts["done"] == len(GOOD) and r.counts["failed"] == len(BAD)
    assert sorted(outputs(tmp_path / "out")) == sorted(rel.rsplit(".", 1)[0] + ".json" for rel in GOOD)
    got = {f.path: (f.stage, f.reason) for f in r.failures}
    for rel, (_, stage, reason) in BAD.items():
        assert got[rel][0] == stage and reason in got[rel][1], (rel, got[rel])
    report = json.loads(r.report.read_text("utf-8"))
    assert report["counts"]["failed"] == len(BAD)
    assert [f["path"] for f in report["failures"]] == sorted(BAD)


def test_a_failing_file_loses_its_stale_output(corpus):
    write_corpus(corpus / "raw", {"d02.txt": "FAIL\n"})
    r = _run(corpus)
    assert [f.path for f in r.failures] == ["d02.txt"]
    assert not (corpus / "out" / "d02.json").exists()


def test_run_report_has_times_counts_and_stages(corpus):
    write_corpus(corpus / "raw", {"d03.txt": "changed\n"})
    r = _run(corpus)
    reports = sorted((corpus / "out" / "_pipeline" / "runs").glob("*.json"))
    assert len(reports) == 2 and r.report == reports[-1]
    rep = json.loads(r.report.read_text("utf-8"))
    assert rep["started"] <= rep["finished"]
    assert rep["counts"] == {"done": 1, "skipped": len(GOOD) - 1, "failed": 0, "deleted": 0}
    assert set(rep["stage_seconds"]) == {"ingest", "language", "output"}
    assert rep["peak_rss_mb_per_worker"] > 0


def test_out_inside_raw_is_skipped_and_raw_inside_out_refused(tmp_path):
    from pipeline.errors import PipelineError

    write_corpus(tmp_path / "raw", {"a.txt": "a\n"})
    r = run_batch(tmp_path / "raw", tmp_path / "raw" / "out", CFG, workers=1, process_fn=stub_process)
    assert r.counts["done"] == 1
    again = run_batch(tmp_path / "raw", tmp_path / "raw" / "out", CFG, workers=1, process_fn=stub_process)
    assert again.counts == {"done": 0, "skipped": 1, "failed": 0, "deleted": 0}
    with pytest.raises(PipelineError, match="inside --out"):
        run_batch(tmp_path / "raw", tmp_path, CFG, process_fn=stub_process)


def test_empty_raw_folder_is_fine(tmp_path):
    (tmp_path / "raw").mkdir()
    r = _run(tmp_path)
    assert r.counts == {"done": 0, "skipped": 0, "failed": 0, "deleted": 0} and r.report.exists()


def test_unchanged_rerun_imports_no_heavy_library(corpus):
    code = (
        "import sys; from pathlib import Path; from pipeline.batch import run_batch; "
        "from pipeline.config import Config, ExportConfig; "
        f"r = run_batch(Path({str(corpus / 'raw')!r}), Path({str(corpus / 'out')!r}), Config(export=ExportConfig(sqlite=False))); "
        "assert r.counts['done'] == 0 and r.counts['skipped'] > 0, r.counts; "
        "heavy = sorted({'fugashi', 'pdfplumber', 'langdetect', 'lxml', 'multiprocessing', 'tqdm', 'dask'} & set(sys.modules)); "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("progress", [True, False])
def test_progress_bar_only_when_asked(tmp_path, capsys, progress):
    write_corpus(tmp_path / "raw", GOOD)
    _run(tmp_path, progress=progress)
    err = capsys.readouterr().err
    assert ("pipeline run" in err and f"/{len(GOOD)}" in err) is progress
    assert progress or err == ""
