"""Discovery of raw files, the manifest on disk, and the plan of what a run must do."""
from __future__ import annotations

import json
import os

import pytest

from pipeline.manifest import Entry, Manifest, RawFile, discover, doc_id_of, plan

V, C = "9.9", "c" * 64


@pytest.mark.parametrize("rel, doc_id", [
    ("a.pdf", "a"),
    ("a/b.pdf", "a/b"),
    ("a/b.tar.gz", "a/b.tar"),
    ("README", "README"),
    ("年報/令和2年.html", "年報/令和2年"),
])
def test_doc_id_is_the_path_without_its_extension(rel, doc_id):
    assert doc_id_of(rel) == doc_id


def _tree(root, rels):
    for rel in rels:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(rel, encoding="utf-8")


def test_discover_walks_recursively_and_skips_hidden_and_out(tmp_path):
    raw = tmp_path / "raw"
    _tree(raw, ["b.txt", "a/c.pdf", "a/d/e.html", ".hidden.txt", ".git/x.txt", "out/old.json", "junk.bin"])
    files, rejected = discover(raw, raw / "out")
    assert [f.rel for f in files] == ["a/c.pdf", "a/d/e.html", "b.txt", "junk.bin"]
    assert [f.doc_id for f in files] == ["a/c", "a/d/e", "b", "junk"]
    assert rejected == []
    assert all(f.path.is_absolute() and f.size > 0 for f in files)


def test_same_doc_id_first_in_path_order_wins(tmp_path):
    raw = tmp_path / "raw"
    _tree(raw, ["a.txt", "a.pdf", "a.html", "b.txt"])
    files, rejected = discover(raw, tmp_path / "out")
    assert [f.rel for f in files] == ["a.html", "b.txt"]
    assert [r for r, _ in rejected] == ["a.pdf", "a.txt"]
    assert all("same output a.json as a.html" in reason for _, reason in rejected)


def test_symlinks_escaping_raw_are_refused(tmp_path):
    raw = tmp_path / "raw"
    _tree(raw, ["in.txt"])
    _tree(tmp_path, ["secret.txt", "elsewhere/x.txt"])
    (raw / "link_out.txt").symlink_to(tmp_path / "secret.txt")
    (raw / "link_in.txt").symlink_to(raw / "in.txt")
    (raw / "dirlink").symlink_to(tmp_path / "elsewhere")
    files, rejected = discover(raw, tmp_path / "out")
    assert [f.rel for f in files] == ["in.txt", "link_in.txt"]
    assert [r for r, _ in rejected] == ["link_out.txt"]
    assert "outside --raw" in rejected[0][1]


def test_reserved_pipeline_folder_is_refused(tmp_path):
    raw = tmp_path / "raw"
    _tree(raw, ["_pipeline/manifest.txt", "ok.txt"])
    files, rejected = discover(raw, tmp_path / "out")
    assert [f.rel for f in files] == ["ok.txt"]
    assert rejected[0][0] == "_pipeline/manifest.txt" and "reserved" in rejected[0][1]


def test_manifest_round_trip_and_unreadable_manifest(tmp_path):
    m = Manifest(tmp_path)
    m.entries["a.txt"] = Entry("s" * 64, 3, 123, "a", V, C)
    m.save()
    assert Manifest.load(tmp_path).entries == m.entries
    m.path.write_text("{not json", encoding="utf-8")
    assert Manifest.load(tmp_path).entries == {}
    assert Manifest.load(tmp_path / "nowhere").entries == {}


def _file(tmp_path, rel="a.txt", text="hello"):
    p = tmp_path / "raw" / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    st = p.stat()
    return RawFile(rel, p, doc_id_of(rel), st.st_size, st.st_mtime_ns)


def _output(out, f, sha, version=V, config=C):
    path = out / f.out_rel()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"doc_id": f.doc_id, "source": {"path": f.rel, "sha256": sha},
                                "pipeline": {"version": version, "config_sha256": config}}))


def test_plan_skips_unchanged_without_hashing(tmp_path):
    f = _file(tmp_path)
    out = tmp_path / "out"
    _output(out, f, "whatever")
    m = Manifest(out, {"a.txt": Entry("not-the-real-hash", f.size, f.mtime_ns, "a", V, C)})
    p = plan([f], m, out, V, C)
    assert p.skipped == [f] and p.todo == []  # size+mtime equal: the (wrong) hash is never checked


@pytest.mark.parametrize("change, expect_todo", [
    ("none", False),
    ("touched", False),  # same content, new mtime: hashed, found equal
    ("content", True),
    ("version", True),
    ("config", True),
    ("output_missing", True),
    ("force", True),
])
def test_plan_redoes_exactly_what_changed(tmp_path, change, expect_todo):
    from pipeline.executors import file_sha256

    f = _file(tmp_path)
    out = tmp_path / "out"
    _output(out, f, file_sha256(f.path))
    m = Manifest(out, {"a.txt": Entry(file_sha256(f.path), f.size, f.mtime_ns, "a", V, C)})
    version, config = V, C
    if change == "touched":
        os.utime(f.path, ns=(f.mtime_ns + 10**9, f.mtime_ns + 10**9))
        f = _file(tmp_path)
    elif change == "content":
        f = _file(tmp_path, text="world")
    elif change == "version":
        version = "10.0"
    elif change == "config":
        config = "d" * 64
    elif change == "output_missing":
        (out / "a.json").unlink()
    p = plan([f], m, out, version, config, force=change == "force")
    assert (p.todo == [f]) is expect_todo
    assert (p.skipped == [f]) is not expect_todo
    if change == "touched":
        assert m.entries["a.txt"].mtime_ns == f.mtime_ns  # next time: the fast path again


@pytest.mark.parametrize("out_sha, version, expect_adopted", [
    ("same", V, True),
    ("other", V, False),
    ("same", "0.0", False),
])
def test_plan_adopts_complete_outputs_without_a_manifest_entry(tmp_path, out_sha, version, expect_adopted):
    from pipeline.executors import file_sha256

    f = _file(tmp_path)
    out = tmp_path / "out"
    _output(out, f, file_sha256(f.path) if out_sha == "same" else "0" * 64, version=version)
    m = Manifest(out)
    p = plan([f], m, out, V, C)
    assert (p.skipped == [f]) is expect_adopted
    assert ("a.txt" in m.entries) is expect_adopted


def test_plan_does_not_adopt_a_truncated_output(tmp_path):
    f = _file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text('{"doc_id": "a", "source": {"path"', encoding="utf-8")
    assert plan([f], Manifest(out), out, V, C).todo == [f]


def test_plan_lists_deleted_files_once(tmp_path):
    f = _file(tmp_path)
    out = tmp_path / "out"
    m = Manifest(out, {"gone.txt": Entry("s", 1, 1, "gone", V, C),
                       "kept.txt": Entry("s", 1, 1, "kept", V, C, deleted=True)})
    assert plan([f], m, out, V, C).deleted == ["gone.txt"]


def test_build_version_fingerprints_the_code_and_data():
    import re

    from pipeline import __version__, build_version

    v = build_version()
    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{12}", v)
    build_version.cache_clear()
    assert build_version() == v, "the same code gives the same version"
