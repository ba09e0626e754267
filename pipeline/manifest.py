"""What a run has to do: the raw files, the manifest of what was done before, and the plan.

- `discover(raw, out)`: every regular file under --raw (recursively, hidden files and folders
  and --out skipped), with its document id and output path. Files that cannot get an output of
  their own are rejected with a reason: a symlink pointing outside --raw, a name reserved for
  the pipeline, two files with the same document id (`a.pdf` and `a.txt`: the first in sorted
  path order keeps `a.json`, the others are rejected).
- `Manifest`: OUT/_pipeline/manifest.json, one entry per raw file (content sha256, size,
  mtime_ns, doc id, pipeline version, config hash), written atomically.
- `plan(...)`: which files are unchanged (skipped without hashing when size and mtime match),
  which must be (re)done, which outputs belong to deleted raw files. A file with no valid
  manifest entry but a complete output of the same content, version and config (a run killed
  before it saved its manifest, or a lost manifest) is adopted instead of redone.
"""
from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from .executors import file_sha256
from .output import write_atomic

log = logging.getLogger(__name__)

PIPELINE_DIR = "_pipeline"  # everything under OUT that is not a document's output
MANIFEST_FORMAT = 1


@dataclass(frozen=True, slots=True)
class RawFile:
    rel: str  # posix path relative to --raw
    path: Path  # absolute path under --raw
    doc_id: str  # rel without its extension
    size: int
    mtime_ns: int

    def out_rel(self) -> str:
        return self.doc_id + ".json"


@dataclass(slots=True)
class Entry:
    sha256: str
    size: int
    mtime_ns: int
    doc_id: str
    version: str
    config_sha256: str
    deleted: bool = False  # raw file gone, output kept (batch.keep_deleted)
    reviews: str = ""  # digest of the reviews applied to the output ("" = none)


def doc_id_of(rel: str) -> str:
    p = PurePosixPath(rel)
    return str(p.with_suffix("")) if p.suffix else rel


def discover(raw: Path, out: Path) -> tuple[list[RawFile], list[tuple[str, str]]]:
    """(files sorted by path, [(rel, reason) for files that get no output])."""
    raw = raw.resolve()
    out = out.resolve()
    files: list[RawFile] = []
    rejected: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(raw):
        here = Path(dirpath)
        keep = []
        for d in dirnames:
            full = here / d
            if d.startswith(".") or full == out:
                continue
            if full.is_symlink():
                log.warning("not following the folder symlink %s", full)
                continue
            keep.append(d)
        dirnames[:] = sorted(keep)
        for name in filenames:
            if name.startswith("."):
                continue
            full = here / name
            rel = full.relative_to(raw).as_posix()
            try:
                st = full.stat()  # follows a symlink to its target
            except OSError as e:
                rejected.append((rel, f"cannot read: {e.strerror or e}"))
                continue
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(raw) or target.is_relative_to(out):
                    rejected.append((rel, f"symlink pointing outside --raw ({target}); not read"))
                    continue
            if not stat.S_ISREG(st.st_mode):
                continue  # fifos, sockets, devices
            if rel.split("/", 1)[0] == PIPELINE_DIR:
                rejected.append((rel, f"the folder name {PIPELINE_DIR}/ is reserved for the pipeline's own files; rename it"))
                continue
            files.append(RawFile(rel, full, doc_id_of(rel), st.st_size, st.st_mtime_ns))
    files.sort(key=lambda f: f.rel)
    by_id: dict[str, str] = {}
    unique = []
    for f in files:
        first = by_id.setdefault(f.doc_id, f.rel)
        if first != f.rel:
            rejected.append((f.rel, f"same output {f.out_rel()} as {first} (which keeps it); rename one of them"))
        else:
            unique.append(f)
    return unique, sorted(rejected)


class Manifest:
    """OUT/_pipeline/manifest.json: what was done for each raw file."""

    def __init__(self, out: Path, entries: dict[str, Entry] | None = None):
        self.path = out / PIPELINE_DIR / "manifest.json"
        self.entries: dict[str, Entry] = entries or {}

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        m = cls(out)
        try:
            data = json.loads(m.path.read_text("utf-8"))
            if data.get("format") != MANIFEST_FORMAT:
                raise ValueError(f"format {data.get('format')!r}")
            m.entries = {rel: Entry(**e) for rel, e in data["files"].items()}
        except FileNotFoundError:
            pass
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            log.warning("%s unreadable (%s): rebuilding it from the outputs", m.path, e)
            m.entries = {}
        return m

    def save(self) -> None:
        data = {"format": MANIFEST_FORMAT,
                "files": {rel: asdict(e) for rel, e in sorted(self.entries.items())}}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n")


@dataclass
class Plan:
    todo: list[RawFile] = field(default_factory=list)
    skipped: list[RawFile] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # rel paths whose raw file is gone


def plan(files: list[RawFile], manifest: Manifest, out: Path, version: str,
         config_sha256: str, force: bool = False, reviews: dict[str, str] | None = None) -> Plan:
    """Decide per file: skip, (re)do; and which manifest entries lost their raw file.
    `reviews`: doc_id -> digest of its reviews; an output made under other reviews is redone.
    Updates `manifest` for files found unchanged (new mtime, adopted outputs)."""
    p = Plan()
    reviews = reviews or {}
    for f in files:
        e = manifest.entries.get(f.rel)
        out_path = out / f.out_rel()
        wanted = reviews.get(f.doc_id, "")
        if force:
            p.todo.append(f)
        elif (e is not None and not e.deleted and e.version == version and e.reviews == wanted
              and e.config_sha256 == config_sha256 and e.doc_id == f.doc_id and out_path.is_file()):
            if (e.size, e.mtime_ns) == (f.size, f.mtime_ns):
                p.skipped.append(f)
            elif file_sha256(f.path) == e.sha256:  # touched, not changed
                e.size, e.mtime_ns = f.size, f.mtime_ns
                p.skipped.append(f)
            else:
                p.todo.append(f)
        elif not wanted and out_path.is_file() and (adopted := _adopt(f, out_path, version, config_sha256)):
            manifest.entries[f.rel] = adopted
            p.skipped.append(f)
        else:
            p.todo.append(f)
    present = {f.rel for f in files}
    p.deleted = sorted(rel for rel, e in manifest.entries.items() if rel not in present and not e.deleted)
    return p


def _adopt(f: RawFile, out_path: Path, version: str, config_sha256: str) -> Entry | None:
    """A manifest entry for an output that is complete and matches this file, version and config."""
    try:
        data = json.loads(out_path.read_text("utf-8"))
        src, pipe = data["source"], data["pipeline"]
        if (data["doc_id"], src["path"], pipe["version"], pipe["config_sha256"]) != (
                f.doc_id, f.rel, version, config_sha256):
            return None
        sha = file_sha256(f.path)
        if src["sha256"] != sha:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Entry(sha, f.size, f.mtime_ns, f.doc_id, version, config_sha256)
