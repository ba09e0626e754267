"""A throwaway PostgreSQL 15 cluster for tests: `from conftest_pg import pg_server, pg_database`.

`pg_server` (session) runs initdb + pg_ctl in a temp dir on a free loopback port, with its unix
socket in the temp dir, as the `postgres` user when the tests run as root, and stops it at the
end. `pg_database` (per test) gives the URL of an empty schema of its own (search_path). Tests skip, saying
why, only when the server binaries are not installed (`apt-get install -y postgresql-15`).
"""
from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


@pytest.fixture(scope="session")
def pg_server():
    """(host, port, user) of a running throwaway cluster."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (apt-get install -y postgresql-15)")
    pytest.importorskip("psycopg")
    root = Path(tempfile.mkdtemp(prefix="pgtest-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, log = root / "data", root / "server.log"
    user = "postgres" if os.geteuid() == 0 else getpass.getuser()
    init = [str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8", "--no-locale"]
    subprocess.run(_as_postgres(init), check=True, capture_output=True)
    port = _free_port()
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    start = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start"]
    r = subprocess.run(_as_postgres(start), capture_output=True, text=True)
    if r.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {r.stderr}\n{tail}")
    try:
        yield ("127.0.0.1", port, user)
    finally:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_session_db(pg_server):
    """A database for the whole session (CREATE DATABASE costs ~0.3 s; a schema ~10 ms)."""
    import psycopg

    host, port, user = pg_server
    with psycopg.connect(f"postgresql://{user}@{host}:{port}/postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE tests")
    return f"postgresql://{user}@{host}:{port}/tests"


@pytest.fixture
def pg_database(pg_session_db):
    """URL of an empty database of its own for one test: a fresh schema first on the search path."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_session_db, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    yield f"{pg_session_db}?options=-csearch_path%3D{name}"
    with psycopg.connect(pg_session_db, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {name} CASCADE")
