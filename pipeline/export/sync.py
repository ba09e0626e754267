"""Synchronise a database with an output folder, in one transaction, on either engine.

An engine (sqlite.py, postgres.py) offers: `dialect`, `errors` (its exception classes),
`execute(sql, params)`, `executemany(sql, rows)`, `query(sql, params) -> rows`,
`has_table(name)`, `transaction()` (a context manager: commit, or roll back on any exception),
`describe(error) -> str` and `close(discard: bool)`. SQL uses `?` placeholders.

The algorithm:
1. hash every output file; a file whose path and SHA-256 match a `documents` row is unchanged;
2. delete every other document row (changed or gone), children first;
3. parse, check and insert each changed file; upsert its institutions;
4. delete institutions no longer referenced by a mention or an event organiser.
Nothing is written when nothing changed, so a second export of the same output is a no-op.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import ExportError, rows, schema

log = logging.getLogger(__name__)

INSERT_ORDER = ("dates", "institution_mentions", "events", "event_organisers", "attendance",
                "attendance_breakdown")
_INST_COLS = schema.BY_NAME["institutions"].column_names


@dataclass
class Summary:
    added: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        total = self.added + self.replaced + self.unchanged
        return (f"{total} document(s): {self.added} added, {self.replaced} replaced, "
                f"{self.removed} removed, {self.unchanged} unchanged")


def _insert_sql(table: str) -> str:
    cols = schema.BY_NAME[table].column_names
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


UPSERT_INSTITUTION = (_insert_sql("institutions") + " ON CONFLICT (id) DO UPDATE SET "
                      + ", ".join(f"{c} = excluded.{c}" for c in _INST_COLS if c != "id"))
INSERT_STUB = _insert_sql("institutions") + " ON CONFLICT (id) DO NOTHING"
GC_INSTITUTIONS = ("DELETE FROM institutions WHERE id NOT IN (SELECT institution_id FROM institution_mentions)"
                   " AND id NOT IN (SELECT institution_id FROM event_organisers)")


def sync(opener: Callable[[], object], src: Path) -> Summary:
    """Make the database opened by `opener()` mirror the output folder `src`."""
    files = rows.scan(src)
    db = opener()
    ok = False
    try:
        with db.transaction():
            summary = _sync(db, files)
        ok = True
        return summary
    except db.errors as e:
        raise ExportError(f"the database refused the export: {db.describe(e)}") from None
    finally:
        db.close(discard=not ok)


def _sync(db, files: list[rows.OutputFile]) -> Summary:
    schema.migrate(db)
    known = {path: (did, sha) for did, path, sha in db.query("SELECT id, json_path, json_sha256 FROM documents")}
    summary = Summary()
    owner: dict[str, str] = {}  # doc_id -> json path, to report duplicate ids
    changed = []
    for f in files:
        sha = rows.sha256(f.path.read_bytes())
        old = known.get(f.rel)
        if old and old[1] == sha:
            owner[old[0]] = f.rel
            summary.unchanged += 1
        else:
            changed.append(f)
    stale = sorted(did for did, _ in known.values() if did not in owner)
    if stale:
        for table in schema.DOCUMENT_TABLES:
            key = "id" if table == "documents" else "doc_id"
            db.executemany(f"DELETE FROM {table} WHERE {key} = ?", [(d,) for d in stale])
    replaced = set()
    for f in changed:
        data = f.path.read_bytes()
        doc = rows.parse(data, f.rel)
        did = doc["doc_id"]
        if did in owner:
            raise ExportError(f"{f.rel}: doc_id {did!r} is also the doc_id of {owner[did]}")
        owner[did] = f.rel
        if did in stale:
            replaced.add(did)
        try:
            _insert(db, rows.document_rows(doc, f.rel, rows.sha256(data)))
        except db.errors as e:
            raise ExportError(f"{f.rel}: the database rejected the document: {db.describe(e)}") from None
        log.debug("exported %s (%s)", f.rel, did)
    summary.replaced = len(replaced)
    summary.added = len(changed) - len(replaced)
    summary.removed = len(stale) - len(replaced)
    if stale or changed:
        db.execute(GC_INSTITUTIONS)
    return summary


def _insert(db, r: rows.DocumentRows) -> None:
    db.executemany(_insert_sql("documents"), r.tables["documents"])
    if r.institutions:
        db.executemany(UPSERT_INSTITUTION, r.institutions)
    if r.stubs:
        db.executemany(INSERT_STUB, r.stubs)
    for table in INSERT_ORDER:
        if r.tables[table]:
            db.executemany(_insert_sql(table), r.tables[table])
