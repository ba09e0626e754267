"""Corrections made in review survive `pipeline run`: applied at write time, tracked by the
manifest (a new or withdrawn review redoes exactly that document), stale when the text changed."""
from __future__ import annotations

import json

from pipeline.batch import run_batch
from pipeline.config import Config
from pipeline.review.reviews import load_reviews, make_review, record, save_reviews

CFG = Config(export=Config().export.__class__(sqlite=False))
TEXT = "金沢大学は2020年9月29日に第2回日露会議を開催し、約160名が参加した。\n"


def _run(raw, out):
    r = run_batch(raw, out, CFG, workers=1)
    assert r.failures == []
    return r


def _review(out, doc_id, kind, pick, action, fields=None):
    doc = json.loads((out / f"{doc_id}.json").read_text("utf-8"))
    m = next(m for m in doc[kind] if pick(m))
    key = "id" if kind == "institutions" else "value"
    store = load_reviews(out)
    record(store, make_review(doc, {"doc_id": doc_id, "kind": kind, "start": m["start"], "end": m["end"],
                                    "action": action, "original": m[key], "fields": fields or {}}))
    save_reviews(out, store)
    return m


def test_reject_and_correct_survive_rerun_and_only_reviewed_docs_are_redone(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, "utf-8")
    (raw / "b.txt").write_text("Kanazawa University hosted the symposium on 29 September 2020.\n", "utf-8")
    _run(raw, out)
    rejected = _review(out, "a", "dates", lambda m: m["value"] == "2020-09-29", "reject")
    _review(out, "a", "attendance", lambda m: m["value"] == 160, "correct", {"value": 161, "qualifier": "exact"})
    r = _run(raw, out)
    assert (r.counts["done"], r.counts["skipped"]) == (1, 1), "only the reviewed document is redone"
    doc = json.loads((out / "a.json").read_text("utf-8"))
    assert [m for m in doc["dates"] if m["start"] == rejected["start"]] == []
    assert [(m["value"], m["qualifier"]) for m in doc["attendance"]] == [(161, "exact")]
    r = _run(raw, out)
    assert r.counts["done"] == 0, "reviews unchanged: nothing to redo"


def test_review_of_changed_text_is_stale_not_applied(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, "utf-8")
    _run(raw, out)
    _review(out, "a", "dates", lambda m: m["value"] == "2020-09-29", "reject")
    (raw / "a.txt").write_text("速報：" + TEXT, "utf-8")
    _run(raw, out)
    doc = json.loads((out / "a.json").read_text("utf-8"))
    assert any(m["value"] == "2020-09-29" for m in doc["dates"]), "not applied to other text"
    assert any("review" in w for w in doc["warnings"])
