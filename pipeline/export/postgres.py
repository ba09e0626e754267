"""The PostgreSQL engine: `postgresql://user[:password]@host[:port]/db[?options]`. The only
module that imports psycopg (3)."""
from __future__ import annotations

import functools
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from . import TargetError

USAGE = "use postgresql://user@host:port/database"
CONNECT_TIMEOUT = 10  # seconds
LOCK_KEY = 0x6578706F7274  # pg_advisory_xact_lock key: one export at a time per database


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    u = urlsplit(url)
    if u.password is None:
        return url
    netloc = u.netloc.rsplit("@", 1)
    return urlunsplit(u._replace(netloc=f"{u.username}:***@{netloc[-1]}"))


def open_url(url: str):
    """Check a postgresql: URL; return a zero-argument function that connects."""
    shown = redact(url)
    try:
        u = urlsplit(url)
        u.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as e:
        raise TargetError(f"bad PostgreSQL URL {shown}: {e} ({USAGE})") from None
    if u.scheme.lower() not in ("postgresql", "postgres") or not url.partition(":")[2].startswith("//"):
        raise TargetError(f"bad PostgreSQL URL {shown}: {USAGE}")
    if not u.path.strip("/"):
        raise TargetError(f"bad PostgreSQL URL {shown}: no database name ({USAGE})")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise TargetError("exporting to PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from None
    return functools.partial(PostgresDB, url)


class PostgresDB:
    dialect = "postgres"

    def __init__(self, url: str):
        import psycopg

        self.errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                        application_name="pipeline-export")
        except psycopg.Error as e:
            msg = "; ".join(line.strip() for line in str(e).splitlines() if line.strip())
            raise TargetError(f"cannot connect to PostgreSQL at {redact(url)}: {msg}") from None

    def execute(self, sql: str, params: tuple = ()) -> None:
        self.conn.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.conn.execute(sql.replace("?", "%s"), params).fetchall()

    def has_table(self, name: str) -> bool:
        return bool(self.query("SELECT to_regclass(?) IS NOT NULL", (name,))[0][0])

    @contextmanager
    def transaction(self):
        with self.conn.transaction():  # BEGIN ... COMMIT, or ROLLBACK on any exception
            self.execute("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY,))
            yield

    @staticmethod
    def describe(error: Exception) -> str:
        diag = getattr(error, "diag", None)
        detail = getattr(diag, "message_detail", None)
        msg = "; ".join(line.strip() for line in str(error).splitlines() if line.strip())
        return f"{msg} ({detail})" if detail and detail not in msg else msg

    def close(self, discard: bool = False) -> None:
        self.conn.close()
