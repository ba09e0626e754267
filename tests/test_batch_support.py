"""A stand-in per-document function for the batch tests (no tests here).

`stub_process` has the signature of `pipeline.run.process` and builds a one-block Document from
a UTF-8 text file. A file's first line can ask it to misbehave, so that isolation is tested
with real processes and no monkeypatching:

    CRASH  raise a bare exception in a stage     FAIL   raise StageFailure("dates", ...)
    HANG   sleep for an hour                     OOM    allocate far past batch.memory_mb
    DIE    kill its own worker process           SLOW   take 0.2 s (for the kill-and-resume test)
"""
from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path

from pipeline import build_version
from pipeline.model import Block, Document, Source
from pipeline.run import StageFailure


def stub_process(path: Path, doc_id: str, rel_path: str, config, timings=None) -> Document:
    timings = {} if timings is None else timings
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    timings["ingest"] = 0.001
    command = text.split("\n", 1)[0].strip()
    if command == "CRASH":
        raise RuntimeError("stub crashed")
    if command == "FAIL":
        raise StageFailure(rel_path, "dates", "stub failure")
    if command == "HANG":
        time.sleep(3600)
    if command == "OOM":
        hoard = bytearray(64 << 30)  # 64 GiB: past any address-space limit
        del hoard
    if command == "DIE":
        os.kill(os.getpid(), signal.SIGKILL)
    if command == "SLOW":
        time.sleep(0.2)
    timings["language"] = 0.001
    doc = Document(doc_id=doc_id,
                   source=Source(path=rel_path, sha256=hashlib.sha256(raw).hexdigest(),
                                 format="text", bytes=len(raw)),
                   text=text, blocks=[Block(id=0, start=0, end=len(text))] if text else [])
    doc.pipeline = {"version": build_version(), "config_sha256": config.sha256()}
    return doc


def write_corpus(raw: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = raw / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def outputs(out: Path) -> dict[str, bytes]:
    """Every document output under `out` (rel path → bytes), the pipeline's own folder excluded."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.json"))
            if p.relative_to(out).parts[0] != "_pipeline"}
