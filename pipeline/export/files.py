"""Data-file targets: `jsonl:FILE` (one output document per line, as in the JSON contract) and
`parquet:DIR` (one Parquet file per table of the relational schema). The only module that
imports pyarrow.

Files are written to a temporary name beside the target and renamed into place only when
complete; a file whose new content is byte-identical to the old one is left untouched.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from . import ExportError, TargetError, rows, schema

PARQUET_TABLES = tuple(t.name for t in schema.TABLES if t.name != "schema_version")


def write(kind: str, target: str, src: Path) -> str:
    """Write the output folder `src` to a jsonl FILE or parquet DIR; return a summary."""
    if not target:
        raise TargetError(f"{kind}: needs a path, e.g. {kind}:{'out.jsonl' if kind == 'jsonl' else 'tables/'}")
    path = Path(target)
    if kind == "jsonl":
        _check_file_target(path)
        files = rows.scan(src)
        changed = write_jsonl(_documents(files), path)
        return f"{len(files)} document(s) to {path}" + ("" if changed else " (unchanged)")
    if path.exists() and not path.is_dir():
        raise TargetError(f"parquet:{path}: exists and is not a directory")
    if not path.parent.is_dir():
        raise TargetError(f"parquet:{path}: the directory {path.parent} does not exist")
    files = rows.scan(src)
    changed = write_parquet(_documents(files), path)
    return f"{len(files)} document(s) to {path}/: {changed} table file(s) written"


def _check_file_target(path: Path) -> None:
    if path.is_dir():
        raise TargetError(f"jsonl:{path}: is a directory (name a file)")
    if not path.parent.is_dir():
        raise TargetError(f"jsonl:{path}: the directory {path.parent} does not exist")


def _documents(files: list[rows.OutputFile]) -> Iterator[tuple[rows.OutputFile, str, dict]]:
    """(file, sha256, checked document) in path order; duplicate doc_ids are an error."""
    owner: dict[str, str] = {}
    for f in files:
        data = f.path.read_bytes()
        doc = rows.parse(data, f.rel)
        if doc["doc_id"] in owner:
            raise ExportError(f"{f.rel}: doc_id {doc['doc_id']!r} is also the doc_id of {owner[doc['doc_id']]}")
        owner[doc["doc_id"]] = f.rel
        yield f, rows.sha256(data), doc


def _json_line(doc: dict) -> bytes:
    try:
        return (json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the text: keep it as a JSON escape
        return (json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n").encode("ascii")


def _replace_if_changed(tmp: Path, path: Path) -> bool:
    """Rename `tmp` over `path` unless their bytes are equal; True when `path` changed."""
    if path.is_file() and _sha(path) == _sha(tmp):
        tmp.unlink()
        return False
    os.replace(tmp, path)
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_jsonl(docs: Iterator[tuple[rows.OutputFile, str, dict]], path: Path) -> bool:
    """One document per line, in output-path order. True when the file changed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600: give the usual mode of a new file
        with os.fdopen(fd, "wb") as out:
            for _, _, doc in docs:
                out.write(_json_line(doc))
            out.flush()
            os.fsync(out.fileno())
        return _replace_if_changed(Path(tmp), path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _arrow_schema(table: schema.Table):
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "real": pa.float64(),
             "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.null) for c in table.columns])


def write_parquet(docs: Iterator[tuple[rows.OutputFile, str, dict]], directory: Path) -> int:
    """One `<table>.parquet` per table; return how many files changed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data: dict[str, list[tuple]] = {t: [] for t in PARQUET_TABLES}
    institutions: dict[str, tuple] = {}
    stubs: dict[str, tuple] = {}
    for f, sha, doc in docs:
        r = rows.document_rows(doc, f.rel, sha)
        for table, tuples in r.tables.items():
            data[table] += tuples
        institutions.update((i[0], i) for i in r.institutions)  # as in the databases: the last one wins
        stubs.update((s[0], s) for s in r.stubs)
    stubs.update(institutions)
    data["institutions"] = [stubs[k] for k in sorted(stubs)]
    created = not directory.exists()
    directory.mkdir(exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(dir=directory, prefix=".export-"))
    try:
        for name in PARQUET_TABLES:
            sch = _arrow_schema(schema.BY_NAME[name])
            columns = list(zip(*data[name])) or [()] * len(sch)
            table = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, sch)], schema=sch)
            pq.write_table(table, tmpdir / f"{name}.parquet")
        return sum(_replace_if_changed(tmpdir / f"{n}.parquet", directory / f"{n}.parquet") for n in PARQUET_TABLES)
    except BaseException:
        if created:
            shutil.rmtree(directory, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
