"""Executors: run the per-document function on many documents, isolated from each other.

`execute(task, ...)` is the unit of work every executor runs: process one raw file, write its
JSON atomically, and return an `Outcome` (never raise). Two executors call it:

- `LocalPool`: N long-lived worker processes, each under an address-space limit
  (`batch.memory_mb`). The parent hands out one task at a time and watches a deadline per task
  (`batch.timeout`): a worker that hangs is killed and replaced, a worker that dies (a crash in a
  C library, the kernel's OOM killer) is replaced, and its document is recorded as failed with
  the stage it was in. The batch goes on either way.
- `run_dask`: the same `execute` on a Dask distributed cluster (imported only there).

Heavy libraries are imported by the stages inside the workers, never by this module.
"""
from __future__ import annotations

import hashlib
import logging
import signal
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .config import Config

log = logging.getLogger(__name__)

#: `process(path, doc_id, rel_path, config, timings) -> Document`, as `pipeline.run.process`.
ProcessFn = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class Task:
    rel: str  # raw path relative to --raw, posix
    path: str  # absolute path of the raw file
    doc_id: str
    out_path: str  # absolute path of the JSON to write
    reviews: str = ""  # the document's reviews (JSON list) to apply to the output, if any


@dataclass(slots=True)
class Outcome:
    rel: str
    ok: bool
    sha256: str | None = None
    stage: str | None = None
    reason: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    recycle: bool = False  # the worker should be replaced (after running out of memory)
    hung_on: str | None = None  # Dask: address of the worker left running a timed-out document


class _StageClock(dict):
    """The `timings` dict handed to `process`: also tells the parent each stage that finished,
    so that a document that hangs or kills its worker is reported with the stage it was in."""

    def __init__(self, notify: Callable[[str], None] | None = None):
        super().__init__()
        self._notify = notify

    def __setitem__(self, key: str, value: float) -> None:
        super().__setitem__(key, value)
        if self._notify is not None:
            self._notify(key)


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def stage_order(config: Config, process_fn: ProcessFn | None) -> list[str] | None:
    """Stage names in the order `process` runs them (None for a substitute process_fn)."""
    if process_fn is not None:
        return None
    from . import run

    return ["ingest"] + [name for name, _ in run.stages(config)] + ["output"]


def execute(task: Task, config: Config, process_fn: ProcessFn | None = None,
            timings: dict[str, float] | None = None) -> Outcome:
    """Process one raw file and write its JSON atomically. Failures are returned, not raised."""
    from . import output
    from .run import StageFailure

    timings = {} if timings is None else timings
    fn = process_fn
    if fn is None:
        from .run import process as fn
    try:
        sha = file_sha256(task.path)
    except OSError as e:
        return Outcome(task.rel, False, None, "ingest", f"cannot read: {e.strerror or e}")
    try:
        doc = fn(Path(task.path), task.doc_id, task.rel, config, timings)
    except StageFailure as e:
        oom = isinstance(e.__cause__, MemoryError)
        reason = _oom_reason(config) if oom else e.reason
        return Outcome(task.rel, False, sha, e.stage, reason, dict(timings), recycle=oom)
    except MemoryError:
        return Outcome(task.rel, False, sha, "process", _oom_reason(config), dict(timings), recycle=True)
    except Exception as e:  # a bug in a substitute process_fn must not stop the batch
        log.debug("%s crashed", task.rel, exc_info=True)
        return Outcome(task.rel, False, sha, "process", f"{type(e).__name__}: {e}", dict(timings))
    t0 = time.perf_counter()
    try:
        output.write_atomic(Path(task.out_path), _document_json(doc, task))
    except MemoryError:
        return Outcome(task.rel, False, sha, "output", _oom_reason(config), dict(timings), recycle=True)
    except (OSError, TypeError, ValueError) as e:
        return Outcome(task.rel, False, sha, "output", f"{type(e).__name__}: {e}", dict(timings))
    timings["output"] = time.perf_counter() - t0
    return Outcome(task.rel, True, sha, timings=dict(timings))


def _document_json(doc: Any, task: Task) -> str:
    """The output JSON, with the reviews people made on this document applied (they survive
    re-extraction; reviews of a text that has changed are flagged stale, not applied)."""
    from . import output

    if not task.reviews:
        return output.document_json(doc)
    import json

    from .review.reviews import apply_reviews

    return output.dumps(apply_reviews(doc.to_dict(), {task.doc_id: json.loads(task.reviews)}), compact=True)


def _oom_reason(config: Config) -> str:
    return f"out of memory (limit batch.memory_mb = {config.batch.memory_mb})"


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _worker_main(conn, config: Config, process_fn: ProcessFn | None) -> None:
    """A worker process: take tasks until told to stop, report stages and outcomes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides on Ctrl-C
    _limit_memory(config.batch.memory_mb)
    order_sent = False
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if not order_sent:
            try:
                conn.send(("order", stage_order(config, process_fn)))
            except Exception as e:  # a stage that fails to import fails in `execute` too
                log.debug("stage order unavailable: %s", e)
            order_sent = True
        clock = _StageClock(lambda name: conn.send(("stage", name)))
        outcome = execute(task, config, process_fn, clock)
        outcome.peak_rss_mb = _peak_rss_mb()
        conn.send(("result", outcome))
        if outcome.recycle:
            return


class _Worker:
    def __init__(self, ctx, config: Config, process_fn: ProcessFn | None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, config, process_fn), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.deadline = 0.0
        self.stages: list[str] = []
        self.order: list[str] | None = None

    def assign(self, task: Task, timeout: float) -> None:
        self.task, self.stages = task, []
        self.deadline = time.monotonic() + timeout
        self.conn.send(task)

    def current_stage(self) -> str:
        """The stage the current task was in: the one after the last that finished."""
        last = self.stages[-1] if self.stages else None
        if self.order:
            i = self.order.index(last) + 1 if last in self.order else 0
            return self.order[min(i, len(self.order) - 1)]
        return "process" if last is None else f"after {last}"

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _context():
    import multiprocessing as mp

    # forkserver: workers are forked from a clean single-threaded server, not from a parent
    # that may run a progress thread; spawn where forkserver does not exist.
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["pipeline.executors"])
    return ctx


def _death_reason(proc, config: Config) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT) else ""
        return f"worker process killed by {name}{hint}; memory limit {config.batch.memory_mb} MB"
    return f"worker process exited with status {code}"


class LocalPool:
    """N worker processes on this machine, with a deadline per document and replacement of
    workers that hang or die."""

    def __init__(self, workers: int, config: Config, process_fn: ProcessFn | None = None):
        self.n = max(1, workers)
        self.config = config
        self.process_fn = process_fn
        self.timeout = config.batch.timeout

    def run(self, tasks: Iterable[Task], on_outcome: Callable[[Outcome], None]) -> None:
        pending = deque(tasks)
        if not pending:
            return
        from multiprocessing.connection import wait

        ctx = _context()
        workers = [_Worker(ctx, self.config, self.process_fn) for _ in range(min(self.n, len(pending)))]
        try:
            for w in workers:
                w.assign(pending.popleft(), self.timeout)
            while any(w.task for w in workers):
                busy = [w for w in workers if w.task]
                now = time.monotonic()
                wait_for = max(0.0, min(w.deadline for w in busy) - now)
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for))
                for i, w in enumerate(workers):
                    if not w.task:
                        continue
                    outcome = None
                    if w.conn in ready or w.proc.sentinel in ready:
                        outcome = self._drain(w)
                    elif time.monotonic() >= w.deadline:
                        outcome = Outcome(w.task.rel, False, None, w.current_stage(),
                                          f"timed out after {self.timeout:g} s (batch.timeout)")
                        w.stop(kill=True)
                    if outcome is None:
                        continue
                    w.task = None
                    on_outcome(outcome)
                    if not w.proc.is_alive() or outcome.recycle:
                        w.stop(kill=not outcome.recycle)
                        w = workers[i] = _Worker(ctx, self.config, self.process_fn)
                    if pending:
                        w.assign(pending.popleft(), self.timeout)
        finally:
            for w in workers:
                w.stop(kill=w.task is not None)

    def _drain(self, w: _Worker) -> Outcome | None:
        """Read what a worker sent: stage notices, then its outcome (None: still working)."""
        try:
            while w.conn.poll():
                kind, value = w.conn.recv()
                if kind == "result":
                    return value
                if kind == "stage":
                    w.stages.append(value)
                elif kind == "order":
                    w.order = value
        except (EOFError, OSError):
            pass
        if w.proc.is_alive():
            return None
        w.proc.join()
        return Outcome(w.task.rel, False, None, w.current_stage(), _death_reason(w.proc, self.config))


def _dask_execute(task: Task, config: Config, process_fn: ProcessFn | None) -> Outcome:
    """On a Dask worker: `execute` in a thread with the per-document deadline. A document that
    overruns is reported as timed out and its thread abandoned; the client then restarts that
    worker (through its nanny) to get the CPU back."""
    box: list[Outcome] = []
    t = threading.Thread(target=lambda: box.append(execute(task, config, process_fn)), daemon=True)
    t.start()
    t.join(config.batch.timeout)
    if box:
        return box[0]
    from distributed import get_worker

    return Outcome(task.rel, False, None, "process",
                   f"timed out after {config.batch.timeout:g} s (batch.timeout)",
                   hung_on=get_worker().address)


def run_dask(tasks: Iterable[Task], config: Config, process_fn: ProcessFn | None,
             scheduler: str, on_outcome: Callable[[Outcome], None]) -> None:
    """Submit every task to the Dask scheduler at `scheduler`; results arrive as they finish.
    Raw files and --out must be at the same path on every worker (a shared filesystem)."""
    tasks = list(tasks)
    if not tasks:
        return
    try:
        from distributed import Client, as_completed
    except ImportError:
        from .errors import PipelineError

        raise PipelineError("--executor dask needs dask.distributed: pip install 'exchange-pipeline[dask]'") from None
    with Client(scheduler, set_as_default=False) as client:
        run_id = uuid.uuid4().hex[:12]  # keys unique across clients sharing a scheduler
        futures = {client.submit(_dask_execute, t, config, process_fn,
                                 key=f"pipeline-{run_id}-{i}"): t for i, t in enumerate(tasks)}
        for fut in as_completed(futures, loop=client.loop):
            task = futures[fut]
            try:
                outcome = fut.result()
            except Exception as e:  # KilledWorker (memory limit, crash), lost connection
                outcome = Outcome(task.rel, False, None, "process", f"dask: {type(e).__name__}: {e}")
            if outcome.hung_on:
                _restart_worker(client, outcome.hung_on)
            on_outcome(outcome)
            fut.release()


def _restart_worker(client, address: str) -> None:
    try:
        client.restart_workers([address], raise_for_error=False)
    except Exception as e:
        log.warning("could not restart Dask worker %s after a timeout: %s", address, e)
