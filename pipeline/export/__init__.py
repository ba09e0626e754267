"""Load the output folder into a database or a data file, and keep it right on re-runs.

    pipeline export --from OUT --to sqlite:///path.db          (relative path)
    pipeline export --from OUT --to sqlite:////abs/path.db     (absolute path)
    pipeline export --from OUT --to postgresql://user@host:port/db
    pipeline export --from OUT --to jsonl:FILE                 (one document per line)
    pipeline export --from OUT --to parquet:DIR                (one file per table)

Databases get the schema of `schema.py` (created and migrated here) and are synchronised in
ONE transaction: unchanged files (same SHA-256) are skipped, changed documents replaced,
documents gone from the output deleted, institutions no longer referenced deleted. Any failure
rolls the whole export back. The engine modules (psycopg, pyarrow) are imported only when used.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from ..errors import ExportError

log = logging.getLogger(__name__)

SQLITE_NAME = "exchange.sqlite"
TARGETS = "sqlite:///path.db, sqlite:////abs/path.db, postgresql://user@host:port/db, jsonl:FILE or parquet:DIR"

__all__ = ["ExportError", "TargetError", "export", "export_cli", "sync_sqlite", "SQLITE_NAME"]


class TargetError(ExportError):
    """The target cannot be used: a bad URL, an unreachable server, a missing folder. Nothing
    was written."""


def export(src: Path, url: str) -> str:
    """Export the output folder `src` to `url`; return a one-line summary. Raises TargetError
    (bad URL, unreachable, nothing written) or ExportError (the target is left as it was)."""
    scheme, sep, rest = url.partition(":")
    scheme = scheme.lower()
    if not sep:
        raise TargetError(f"not an export URL: {url!r} (use {TARGETS})")
    if scheme == "sqlite":
        from . import sqlite

        return _sync(sqlite.open_url(url), src)
    if scheme in ("postgresql", "postgres"):
        from . import postgres

        return _sync(postgres.open_url(url), src)
    if scheme in ("jsonl", "parquet"):
        from . import files

        return files.write(scheme, rest, src)
    raise TargetError(f"unsupported export target {url!r} (use {TARGETS})")


def _sync(opener, src: Path) -> str:
    """`opener()` connects: called only once the URL and the output folder are known good."""
    from . import sync

    return str(sync.sync(opener, src))


def export_cli(src: Path, url: str) -> int:
    """`pipeline export`: 0 done, 2 bad URL or unreachable target (nothing written), 1 any other
    failure (the target is left as it was)."""
    try:
        summary = export(src, url)
    except TargetError as e:
        print(f"export: {e}", file=sys.stderr)
        return 2
    except ExportError as e:
        print(f"export failed, nothing changed: {e}", file=sys.stderr)
        return 1
    print(f"export: {summary}", file=sys.stderr)
    return 0


def sync_sqlite(out: Path) -> None:
    """Bring OUT/exchange.sqlite up to date with the output folder (after `pipeline run`).
    Raises ExportError when it cannot; the database is then left as it was."""
    from . import sqlite

    summary = _sync(sqlite.open_path(out / SQLITE_NAME), out)
    log.info("%s: %s", out / SQLITE_NAME, summary)
