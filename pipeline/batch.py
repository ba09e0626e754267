"""Many documents: `run_batch(raw, out, cfg, ...)` behind `pipeline run`.

    raw/a/b.pdf  →  OUT/a/b.json          (one JSON per document, mirroring the tree)
    OUT/_pipeline/manifest.json           (what was done: see manifest.py)
    OUT/_pipeline/runs/<time>.json        (one report per run: counts, stage times, failures)
    OUT/exchange.sqlite                   (kept up to date when export.sqlite is on)

A run discovers the raw files, skips the unchanged ones (manifest.plan), removes the outputs
of deleted files (or keeps them: batch.keep_deleted), processes the rest on an executor
(executors.py: a local process pool or Dask), saves the manifest as it goes and at the end,
and writes the run report. Nothing heavy is imported unless a document needs processing.
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import build_version
from .config import Config
from .errors import PipelineError
from .executors import LocalPool, Outcome, ProcessFn, Task, run_dask
from .manifest import PIPELINE_DIR, Entry, Manifest, discover, plan
from .output import write_atomic

log = logging.getLogger(__name__)

SAVE_EVERY = 2.0  # seconds between manifest saves during a run
STATUSES = ("done", "skipped", "failed", "deleted")


@dataclass(frozen=True, slots=True)
class Failure:
    path: str  # raw path relative to --raw
    stage: str
    reason: str


@dataclass
class BatchResult:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    failures: list[Failure] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept_deleted: bool = False
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    report: Path | None = None

    def summary(self) -> str:
        c = self.counts
        total = c["done"] + c["skipped"] + c["failed"]
        deleted = f", {c['deleted']} deleted ({'outputs kept' if self.kept_deleted else 'outputs removed'})" \
            if c["deleted"] else ""
        line = (f"{total} document(s): {c['done']} done, {c['skipped']} unchanged, "
                f"{c['failed']} failed{deleted} in {self.seconds:.1f} s")
        return line + (f"; report {self.report}" if self.report else "")


def run_batch(raw: Path, out: Path, cfg: Config, workers: int = 0, executor: str = "local",
              scheduler: str | None = None, progress: bool = False, force: bool = False,
              process_fn: ProcessFn | None = None) -> BatchResult:
    """Bring OUT up to date with RAW. `workers=0`: all cores. `process_fn` replaces
    `pipeline.run.process` (tests; it must be importable by name in worker processes)."""
    started = datetime.now(timezone.utc)
    t_start = time.perf_counter()
    raw, out = Path(raw).resolve(), Path(out).resolve()
    if out == raw or raw.is_relative_to(out):
        raise PipelineError(f"--raw {raw} is inside --out {out}: choose an output folder outside the inputs")
    if executor not in ("local", "dask"):
        raise PipelineError(f"unknown executor {executor!r} (allowed: local, dask)")
    (out / PIPELINE_DIR).mkdir(parents=True, exist_ok=True)
    with _lock(out):
        _remove_temp_files(out)
        result = BatchResult(kept_deleted=cfg.batch.keep_deleted)
        files, rejected = discover(raw, out)
        manifest = Manifest.load(out)
        config_sha = cfg.sha256()
        reviews = _reviews(out)  # doc_id -> (digest, JSON list)
        version = build_version()
        todo = plan(files, manifest, out, version, config_sha, force,
                    {doc_id: d for doc_id, (d, _) in reviews.items()})
        result.counts["skipped"] = len(todo.skipped)
        live_ids = {f.doc_id for f in files}
        for rel in todo.deleted:
            _delete(manifest, out, rel, cfg.batch.keep_deleted, live_ids, result)
        for rel, reason in rejected:
            manifest.entries.pop(rel, None)
            _fail(result, Failure(rel, "discover", reason))
        by_rel = {f.rel: f for f in todo.todo}
        tasks = [Task(f.rel, str(f.path), f.doc_id, str(out / f.out_rel()), reviews.get(f.doc_id, ("", ""))[1])
                 for f in todo.todo]
        bar = _progress_bar(len(tasks)) if progress and tasks else None
        last_save = time.monotonic()

        def on_outcome(o: Outcome) -> None:
            nonlocal last_save
            f = by_rel[o.rel]
            for stage, s in o.timings.items():
                result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + s
            result.peak_rss_mb = max(result.peak_rss_mb, o.peak_rss_mb)
            if o.ok:
                result.counts["done"] += 1
                manifest.entries[o.rel] = Entry(o.sha256, f.size, f.mtime_ns, f.doc_id, version, config_sha,
                                                reviews=reviews.get(f.doc_id, ("", ""))[0])
            else:
                _fail(result, Failure(o.rel, o.stage or "process", o.reason or "unknown error"))
                # an older output describes other content or settings: do not leave it behind
                manifest.entries.pop(o.rel, None)
                (out / f.out_rel()).unlink(missing_ok=True)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(failed=result.counts["failed"], refresh=False)
            if time.monotonic() - last_save > SAVE_EVERY:
                manifest.save()
                last_save = time.monotonic()

        try:
            if tasks:
                manifest.save()  # deletions and adoptions first: the runner may be killed
            if executor == "dask":
                run_dask(tasks, cfg, process_fn, scheduler or "", on_outcome)
            else:
                LocalPool(workers or cores(), cfg, process_fn).run(tasks, on_outcome)
        finally:
            if bar is not None:
                bar.close()
            manifest.save()
        result.failures.sort(key=lambda f: (f.path, f.stage))
        if cfg.export.sqlite:
            _sync_sqlite(out, result)
        result.seconds = time.perf_counter() - t_start
        result.report = _write_report(out, result, started, raw, workers, executor, config_sha)
    return result


def _reviews(out: Path) -> dict[str, tuple[str, str]]:
    """The corrections people made in `pipeline review` (OUT/_pipeline/reviews.json), per
    document: (digest, JSON list). Cheap when there are none: the review package is only
    imported when the file exists."""
    if not (out / PIPELINE_DIR / "reviews.json").is_file():
        return {}
    from .review.reviews import digest, load_reviews

    store = load_reviews(out)
    return {doc_id: (digest(store, doc_id), json.dumps(items, ensure_ascii=False, sort_keys=True))
            for doc_id, items in sorted(store.items()) if items}


def cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _fail(result: BatchResult, failure: Failure) -> None:
    result.failures.append(failure)
    result.counts["failed"] += 1


def _delete(manifest: Manifest, out: Path, rel: str, keep: bool, live_ids: set[str],
            result: BatchResult) -> None:
    e = manifest.entries[rel]
    if keep:
        e.deleted = True
    else:
        if e.doc_id not in live_ids:  # else the output now belongs to a file with the same id
            (out / (e.doc_id + ".json")).unlink(missing_ok=True)
        del manifest.entries[rel]
    result.deleted.append(rel)
    result.counts["deleted"] += 1
    log.info("%s deleted from --raw: output %s", rel, "kept" if keep else "removed")


def _remove_temp_files(out: Path) -> None:
    """Temp files of writes interrupted by a kill (output.write_atomic names them .NAME.*.tmp)."""
    for dirpath, _, filenames in os.walk(out):
        for name in filenames:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(dirpath, name).unlink(missing_ok=True)


class _lock:
    """One run at a time per output folder (an advisory lock, released when the process dies)."""

    def __init__(self, out: Path):
        self.path = out / PIPELINE_DIR / "lock"

    def __enter__(self):
        import fcntl

        self.f = open(self.path, "w")
        try:
            fcntl.flock(self.f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.f.close()
            raise PipelineError(f"another `pipeline run` is writing to {self.path.parent.parent}; "
                                "wait for it to finish") from None
        return self

    def __exit__(self, *exc):
        self.f.close()


def _progress_bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="pipeline run", dynamic_ncols=True, leave=False)


def _sync_sqlite(out: Path, result: BatchResult) -> None:
    try:
        from .export import sync_sqlite
    except ImportError as e:
        log.warning("export.sqlite is on but pipeline.export.sync_sqlite is unavailable (%s); "
                    "exchange.sqlite not updated", e)
        return
    t0 = time.perf_counter()
    try:
        sync_sqlite(out)
    except PipelineError as e:  # not a document: listed with the failures, not counted
        result.failures.append(Failure(str(out / "exchange.sqlite"), "export", str(e)))
    result.stage_seconds["export"] = time.perf_counter() - t0


def _write_report(out: Path, result: BatchResult, started: datetime, raw: Path, workers: int,
                  executor: str, config_sha: str) -> Path:
    finished = datetime.now(timezone.utc)
    runs = out / PIPELINE_DIR / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    stem = started.strftime("%Y%m%dT%H%M%S.%fZ")
    path = runs / f"{stem}.json"
    report = {
        "started": started.isoformat(), "finished": finished.isoformat(),
        "seconds": round(result.seconds, 3), "raw": str(raw), "out": str(out),
        "executor": executor, "workers": workers or cores(),
        "pipeline": {"version": build_version(), "config_sha256": config_sha},
        "counts": result.counts,
        "stage_seconds": {k: round(v, 4) for k, v in sorted(result.stage_seconds.items())},
        "peak_rss_mb_per_worker": round(result.peak_rss_mb, 1),
        "failures": [{"path": f.path, "stage": f.stage, "reason": f.reason} for f in result.failures],
        "deleted": {"paths": result.deleted, "outputs": "kept" if result.kept_deleted else "removed"},
    }
    write_atomic(path, json.dumps(report, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    return path
