"""One base error for everything the pipeline reports to a user, with what failed and where."""
from __future__ import annotations


class PipelineError(Exception):
    """Base class: the message says what failed, where (file, page, key) and what to do."""

    stage = "pipeline"


class ConfigError(PipelineError):
    """config.toml is unreadable, has unknown keys or values of the wrong type."""

    stage = "config"

    def __init__(self, problems: list[str], path: str | None = None):
        self.problems = problems
        self.path = path
        where = f"{path}: " if path else ""
        super().__init__(where + "; ".join(problems))


class IngestError(PipelineError):
    """A document could not be read: empty, binary, corrupt, encrypted, unsupported, too big."""

    stage = "ingest"

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StageError(PipelineError):
    """A stage was called without what it needs (e.g. segmentation before language)."""

    def __init__(self, stage: str, message: str):
        self.stage = stage
        super().__init__(f"{stage}: {message}")


class ExportError(PipelineError):
    """A database export failed (bad URL, unreachable server, write error)."""

    stage = "export"
