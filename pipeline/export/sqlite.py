"""The SQLite engine (the embedded default): `sqlite:///relative/path.db`, `sqlite:////abs/path.db`."""
from __future__ import annotations

import functools
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from . import TargetError

USAGE = "use sqlite:///relative/path.db or sqlite:////absolute/path.db"


def open_url(url: str):
    """Check a sqlite: URL; return a zero-argument function that opens the database."""
    head, rest = url[:len("sqlite:")], url[len("sqlite:"):]
    if head.lower() != "sqlite:" or not rest.startswith("///") or len(rest) == 3:
        raise TargetError(f"bad SQLite URL {url!r}: {USAGE}")
    return open_path(Path(rest[3:]))


def open_path(path: Path):
    """Check that a database file can be created or opened at `path`; return its opener."""
    parent = path.parent
    if not parent.is_dir():
        raise TargetError(f"cannot create the SQLite database {path}: the directory {parent} does not exist")
    if path.is_dir():
        raise TargetError(f"{path} is a directory, not a SQLite database file")
    return functools.partial(SQLiteDB, path)


class SQLiteDB:
    dialect = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, path: Path):
        self.path = path
        self.created = not path.exists()
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60)
        except sqlite3.Error as e:
            raise TargetError(f"cannot open the SQLite database {path}: {e}") from None
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.Error as e:
            self.close(discard=True)
            raise TargetError(f"cannot use {path} as a SQLite database: {e}") from None

    def execute(self, sql: str, params: tuple = ()) -> None:
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        self.conn.executemany(sql, rows)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def has_table(self, name: str) -> bool:
        return bool(self.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    @contextmanager
    def transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now: one writer at a time
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @staticmethod
    def describe(error: Exception) -> str:
        return str(error)

    def close(self, discard: bool = False) -> None:
        """Close; with `discard`, remove the file if this connection created it (a failed first export)."""
        self.conn.close()
        if discard and self.created:
            for p in (self.path, self.path.with_name(self.path.name + "-journal")):
                p.unlink(missing_ok=True)
