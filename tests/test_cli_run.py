"""`pipeline run` end to end with the real stages: the tree mirrored, exit status, one line per
failed document (each bad input inside a batch of good ones), and a run killed with SIGKILL
then resumed, its output identical to a clean run on another number of workers."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.output import validate
from test_batch_support import outputs

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"shared corpus not found at {CORPUS}")


def _seeds(raw: Path, copies: int = 1) -> list[str]:
    rels = []
    for c in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            rel = f"c{c}/{seed.name}" if copies > 1 else f"seeds/{seed.name}"
            (raw / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(seed, raw / rel)
            rels.append(rel)
    return rels


def _bad_inputs(raw: Path) -> dict[str, str]:
    """Each bad input of the brief: rel path -> what it is. All must fail with one line."""
    (raw / "bad").mkdir(parents=True)
    (raw / "bad/empty.txt").write_bytes(b"")
    (raw / "bad/junk.txt").write_bytes(random.Random(6).randbytes(4096))
    (raw / "bad/corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n"
                                          + random.Random(7).randbytes(2000))
    shutil.copyfile(CORPUS / "pdf" / "pdfplumber_password-example.pdf", raw / "bad/encrypted.pdf")
    (raw / "bad/image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(64))
    (raw / "bad/archive.docx").write_bytes(b"PK\x03\x04" + bytes(200))
    (raw / "bad/huge.txt").write_text("大学 " * 40_000, encoding="utf-8")  # > ingest.max_bytes below
    return {"bad/empty.txt": "empty", "bad/junk.txt": "binary junk", "bad/corrupt.pdf": "corrupt PDF",
            "bad/encrypted.pdf": "encrypted PDF", "bad/image.png": "unsupported type",
            "bad/archive.docx": "unsupported type", "bad/huge.txt": "over ingest.max_bytes"}


def test_bad_inputs_fail_one_line_each_and_good_documents_are_written(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    good = _seeds(raw)
    bad = _bad_inputs(raw)
    # wrong encoding: Shift_JIS bytes in a .txt: must be decoded (or fail cleanly), never crash
    (raw / "sjis.txt").write_bytes("北海道大学の交流事業に学生が参加した。\n".encode("cp932") * 20)
    cfg = tmp_path / "config.toml"
    cfg.write_text("[ingest]\nmax_bytes = 200000\n[export]\nsqlite = false\n", encoding="utf-8")
    status = main(["run", "--raw", str(raw), "--out", str(out), "--config", str(cfg), "--workers", "2"])
    err = capsys.readouterr().err
    failed = [line for line in err.splitlines() if line.startswith("FAILED ")]
    assert status == 1
    assert sorted(line.split(":")[0].removeprefix("FAILED ") for line in failed) == sorted(bad), err
    for line in failed:
        path, stage, reason = line.removeprefix("FAILED ").split(": ", 2)
        assert stage and reason.strip(), line
    got = outputs(out)
    for rel in good:
        doc = json.loads(got[rel.removesuffix(".txt") + ".json"])
        assert validate(doc) == []
    assert "sjis.json" in got and "北海道大学" in json.loads(got["sjis.json"])["text"]
    assert not any(k.startswith("bad/") for k in got)


def test_success_exits_0_mirrors_the_tree_and_keeps_its_files_in_pipeline_dir(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    (raw / "a").mkdir(parents=True)
    shutil.copyfile(sorted(SEEDS.glob("*.txt"))[4], raw / "a" / "b.txt")
    argv = ["run", "--raw", str(raw), "--out", str(out), "--workers", "1", "--config", str(tmp_path / "none.toml")]
    (tmp_path / "none.toml").write_text("[export]\nsqlite = false\n", encoding="utf-8")
    assert main(argv) == 0
    assert "1 done" in capsys.readouterr().err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                  and "runs" not in p.parts) == ["_pipeline/lock", "_pipeline/manifest.json", "a/b.json"]
    assert main(argv + ["-q"]) == 0
    assert capsys.readouterr().err == ""  # quiet: nothing when nothing failed


def test_sigkill_mid_run_leaves_complete_files_and_the_next_run_finishes(tmp_path):
    """Also: the output of 2 workers (killed, then resumed) equals that of 1 worker, byte for byte."""
    raw = tmp_path / "raw"
    rels = _seeds(raw, copies=4)
    clean, out = tmp_path / "clean", tmp_path / "out"
    cfg = tmp_path / "config.toml"
    cfg.write_text("[export]\nsqlite = false\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--config", str(cfg), "-q"]
    subprocess.run(cmd + ["--out", str(clean), "--workers", "1"], check=True, capture_output=True)
    cmd += ["--workers", "2"]
    expected = outputs(clean)
    assert len(expected) == len(rels)

    proc = subprocess.Popen(cmd + ["--out", str(out)], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("c*/*.json"))) < len(rels) // 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the runner and its workers, mid-write if so
    proc.wait()
    partial = outputs(out)
    assert 0 < len(partial) < len(rels), "the run was not killed mid-way"
    for rel, data in partial.items():
        assert data == expected[rel], f"{rel} incomplete or different after SIGKILL"

    r = subprocess.run(cmd + ["--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert outputs(out) == expected
    assert not [p for p in out.rglob(".*.tmp")], "temp files left behind"
    report = json.loads(sorted((out / "_pipeline" / "runs").glob("*.json"))[-1].read_text("utf-8"))
    assert report["counts"]["done"] + report["counts"]["skipped"] == len(rels)
    assert report["counts"]["skipped"] == len(partial)  # finished work adopted, not redone
