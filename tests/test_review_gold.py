"""`pipeline review --export-gold DIR`: reviewed documents become gold files that score output."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.evaluate import score
from pipeline.output import dumps
from pipeline.review.gold import export_gold, gold_document
from pipeline.review.reviews import apply_reviews, load_reviews, make_review, record, save_reviews
from review_docs import at, sample_doc, write_output


def review(out, doc, *reqs):
    store = load_reviews(out)
    for action, kind, surface, original, fields in reqs:
        a, b = at(doc["text"], surface)
        record(store, make_review(doc, {"doc_id": doc["doc_id"], "kind": kind, "start": a, "end": b,
                                        "original": original, "action": action, "fields": fields}))
    save_reviews(out, store)


REVIEWS = [
    ("reject", "institutions", "𠮷野家大学", "yoshinoya-daigaku", {}),
    ("accept", "dates", "2020年9月29日", "2020-09-29", {"value": "2020-09-29"}),
    ("correct", "attendance", "over 200 people", 200, {"value": 200, "qualifier": "at_least",
                                                       "event": {"name": "Japan-Russia Joint Symposium"}}),
    ("accept", "institutions", "金沢大学", "kanazawa-university", {"id": "kanazawa-university",
                                                                  "name": "Kanazawa University"}),
    ("add", "institutions", "Japan-Russia Joint Symposium", None, {"id": "jrjs", "type": "event"}),
]


@pytest.fixture
def out(tmp_path):
    out = tmp_path / "out"
    write_output(out, sample_doc())
    write_output(out, sample_doc("untouched"))
    review(out, sample_doc().to_dict(), *REVIEWS)
    return out


def test_gold_shape(out):
    doc = apply_reviews(sample_doc().to_dict(), load_reviews(out))
    g = gold_document(doc)
    assert g["languages"] == {"primary": "ja", "present": ["en", "ja", "ru"]}
    dates = {d["value"]: d.get("optional", False) for d in g["dates"]}
    assert dates == {"2020-09-29": False, "2013-11-05": True, "2021": True}  # one entry per value
    insts = {e["id"]: e for e in g["institutions"]}
    assert "yoshinoya-daigaku" not in insts  # rejected
    assert insts["kanazawa-university"]["names"] == ["金沢大学", "Kanazawa University"]
    assert "optional" not in insts["kanazawa-university"] and "optional" not in insts["jrjs"]
    assert insts["kazan-federal-university"]["optional"] is True
    att = {a["value"]: a for a in g["attendance"]}
    assert att[200] == {"value": 200, "qualifier": "at_least", "text": "over 200 people",
                        "event": "Japan-Russia Joint Symposium", "cumulative": False}
    assert att[160]["optional"] is True


def test_export_writes_reviewed_documents_only(out, tmp_path):
    gold = tmp_path / "gold"
    assert export_gold(out, gold) == 1
    assert [p.name for p in gold.iterdir()] == ["sample.json"]
    first = (gold / "sample.json").read_text("utf-8")
    assert export_gold(out, gold) == 1 and (gold / "sample.json").read_text("utf-8") == first  # deterministic


def test_reviewed_output_scores_perfectly_and_raw_output_does_not(out, tmp_path):
    gold = tmp_path / "gold"
    export_gold(out, gold)
    assert score(gold, out)["inst_p"] < 1.0  # the raw output still has the rejected institution
    rerun = tmp_path / "rerun"
    rerun.mkdir()
    doc = apply_reviews(sample_doc().to_dict(), load_reviews(out))
    (rerun / "sample.json").write_text(dumps(doc), "utf-8")
    fig = score(gold, rerun)
    assert (fig["dates_f1"], fig["inst_f1"], fig["att_f1"], fig["att_qual"], fig["lang_acc"]) == (1, 1, 1, 1, 1)


def test_cli_export_and_eval(out, tmp_path, capsys):
    gold = tmp_path / "gold"
    assert main(["review", "--out", str(out), "--export-gold", str(gold)]) == 0
    assert main(["eval", "--gold", str(gold), "--out", str(out), "--require", "dates_f1=0.9"]) == 0
    assert main(["eval", "--gold", str(gold), "--out", str(out), "--require", "inst_f1=0.99"]) == 1
    assert "BELOW inst_f1<0.99" in capsys.readouterr().out


def test_stale_only_documents_are_not_exported(out, tmp_path):
    data = json.loads((out / "sample.json").read_text("utf-8"))
    data["text"] = "changed " + data["text"]  # not a sound document, but only its hash matters here
    data["dates"] = data["institutions"] = data["attendance"] = []
    (out / "sample.json").write_text(dumps(data), "utf-8")
    assert export_gold(out, tmp_path / "gold") == 0


@pytest.mark.parametrize("doc_id,written", [("reports/2020/note", True), ("../escape", False), (".hidden", False)])
def test_gold_files_stay_inside_the_folder(tmp_path, doc_id, written):
    out = tmp_path / "out"
    doc = sample_doc(doc_id)
    path = out / "doc.json"
    out.mkdir()
    path.write_text(dumps(doc.to_dict()), "utf-8")
    review(out, doc.to_dict(), REVIEWS[0])
    assert export_gold(out, tmp_path / "gold") == int(written)
    assert (tmp_path / "gold" / f"{doc_id}.json").is_file() is written
    assert not (tmp_path / "escape.json").exists()
