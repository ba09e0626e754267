"""Orchestration: the stages of one document, in order, in one visible place.

    ingest → language → segment → dates → institutions → attendance → events → output

`process(path, ...)` is the per-document function every executor (serial, process pool,
Dask) calls; `batch.py` handles the many-documents side (manifest, workers, reports).
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from . import build_version
from .config import Config
from .errors import PipelineError
from .model import Document

log = logging.getLogger(__name__)


def stages(config: Config):
    """The stage list, in order: (name, function(doc, config) -> None)."""
    # Imported here so that a re-run with nothing to do never pays for fugashi/pdfplumber.
    from . import language, segment
    from .extract import attendance, dates, events, institutions

    steps = [("language", language.detect), ("segment", segment.segment)]
    if config.dates.enabled:
        steps.append(("dates", dates.extract))
    if config.institutions.enabled:
        steps.append(("institutions", institutions.extract))
    if config.attendance.enabled:
        steps.append(("attendance", attendance.extract))
        steps.append(("events", events.extract))
    return steps


class StageFailure(PipelineError):
    """A document failed in a stage: carries the stage name for the one-line report."""

    def __init__(self, path: str, stage: str, reason: str):
        self.path, self.stage, self.reason = path, stage, reason
        super().__init__(f"{path}: {stage}: {reason}")


def process(path: Path, doc_id: str, rel_path: str, config: Config,
            timings: dict[str, float] | None = None) -> Document:
    """Run every stage on one file. Raises StageFailure naming the stage that failed."""
    from . import ingest

    timings = {} if timings is None else timings
    t0 = time.perf_counter()
    try:
        doc = ingest.load(path, doc_id=doc_id, rel_path=rel_path, config=config.ingest)
    except PipelineError as e:
        raise StageFailure(rel_path, "ingest", getattr(e, "reason", str(e))) from e
    except MemoryError:
        raise StageFailure(rel_path, "ingest", "out of memory") from None
    except Exception as e:  # a library bug on hostile input must not stop the batch
        log.debug("ingest crashed on %s", rel_path, exc_info=True)
        raise StageFailure(rel_path, "ingest", f"unreadable ({type(e).__name__}: {e})") from e
    timings["ingest"] = time.perf_counter() - t0
    doc.pipeline = {"version": build_version(), "config_sha256": config.sha256()}
    for name, fn in stages(config):
        t0 = time.perf_counter()
        try:
            fn(doc, config)
        except PipelineError as e:
            raise StageFailure(rel_path, name, str(e)) from e
        except Exception as e:
            log.debug("stage %s crashed on %s", name, rel_path, exc_info=True)
            raise StageFailure(rel_path, name, f"{type(e).__name__}: {e}") from e
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return doc
