"""The reviews store and apply_reviews: verdicts stick across re-runs, stale ones are flagged."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.output import validate
from pipeline.review.reviews import (ReviewError, apply_reviews, digest, load_reviews, make_review,
                                     record, reviews_path, save_reviews, text_sha256)
from review_docs import TEXT, at, sample_doc, write_output


def raw_doc(text: str = TEXT) -> dict:
    return sample_doc(text=text).to_dict()


def request(doc: dict, action: str, kind: str, surface: str, original=None, fields=None) -> dict:
    a, b = at(doc["text"], surface)
    return {"doc_id": doc["doc_id"], "text_sha256": text_sha256(doc["text"]), "kind": kind,
            "start": a, "end": b, "original": original, "action": action, "fields": fields or {}}


def reviewed(doc: dict, *reqs: dict) -> dict:
    store: dict = {}
    for r in reqs:
        record(store, make_review(doc, r))
    return store


def find(doc: dict, kind: str, surface: str) -> list[dict]:
    return [m for m in doc[kind] if m["text"] == surface]


def spans_sound(doc: dict) -> bool:
    return all(doc["text"][m["start"]:m["end"]] == m["text"] for k in ("dates", "institutions", "attendance")
               for m in doc[k])


# (action, kind, surface, original, fields, check on the applied document)
CASES = [
    ("reject", "institutions", "𠮷野家大学", "yoshinoya-daigaku", None,
     lambda d: find(d, "institutions", "𠮷野家大学") == []),
    ("accept", "dates", "2020年9月29日", "2020-09-29", {"value": "2020-09-29"},
     lambda d: find(d, "dates", "2020年9月29日")[0]["review"] == {"status": "accepted", "original": "2020-09-29"}),
    ("correct", "dates", "2021", "2021", {"value": "FY2021"},
     lambda d: find(d, "dates", "2021")[0]["value"] == "FY2021" and find(d, "dates", "2021")[0]["kind"] == "fiscal_year"),
    ("correct", "attendance", "over 200 people", 200,
     {"value": "200", "qualifier": "at_least", "event": {"name": "Symposium", "date": ""}},
     lambda d: (lambda m: (m["qualifier"], m["event"]["name"], m["event"]["date"], m["review"]["status"])
                == ("at_least", "Symposium", None, "corrected"))(find(d, "attendance", "over 200 people")[0])),
    ("correct", "institutions", "金沢大学", "kanazawa-university",
     {"id": "kanazawa-u", "name": "Kanazawa University", "type": "university", "country": "JP"},
     lambda d: [m["id"] for m in find(d, "institutions", "金沢大学")] == ["kanazawa-u"]),
    ("add", "institutions", "Japan-Russia Joint Symposium", None, {"id": "jrjs", "name": "JRJS"},
     lambda d: find(d, "institutions", "Japan-Russia Joint Symposium")[0]["type"] == "organisation"),
    ("add", "dates", "29 September", None, {"value": "2020-09-30"},  # a second reading of a span
     lambda d: sorted(m["value"] for m in find(d, "dates", "29 September")) == ["2020-09-29", "2020-09-30"]),
    ("add", "attendance", "160名", None, {"value": "160", "qualifier": "exact"},
     lambda d: find(d, "attendance", "160名")[0]["unit"] == "persons"),
]


@pytest.mark.parametrize("action,kind,surface,original,fields,check", CASES)
def test_review_applies_and_keeps_the_contract(action, kind, surface, original, fields, check):
    doc = raw_doc()
    store = reviewed(doc, request(doc, action, kind, surface, original, fields))
    out = apply_reviews(doc, store)
    assert check(out)
    assert validate(out) == [] and spans_sound(out)
    assert out["reviews"]["items"][0]["action"] == action
    assert apply_reviews(out, store) == out  # idempotent
    assert doc == raw_doc()  # the input is not changed


def test_reviews_survive_a_rerun(tmp_path):
    doc = raw_doc()
    save_reviews(tmp_path, reviewed(
        doc,
        request(doc, "reject", "institutions", "𠮷野家大学", "yoshinoya-daigaku"),
        request(doc, "correct", "attendance", "over 200 people", 200, {"value": 200, "qualifier": "at_least"}),
        request(doc, "add", "institutions", "Japan-Russia Joint Symposium", None, {"id": "jrjs"})))
    store = load_reviews(tmp_path)
    rerun = apply_reviews(raw_doc(), store)  # a fresh extraction of the same text
    assert find(rerun, "institutions", "𠮷野家大学") == []
    assert find(rerun, "attendance", "over 200 people")[0]["qualifier"] == "at_least"
    assert find(rerun, "institutions", "Japan-Russia Joint Symposium")[0]["id"] == "jrjs"
    assert sorted(r["action"] for r in rerun["reviews"]["items"]) == ["add", "correct", "reject"]


def test_a_correction_stays_when_the_extractor_changes_its_value():
    doc = raw_doc()
    store = reviewed(doc, request(doc, "correct", "dates", "2021", "2021", {"value": "2021-01"}))
    changed = raw_doc()
    find(changed, "dates", "2021")[0]["value"] = "2020"  # a later extractor reads it differently
    assert find(apply_reviews(changed, store), "dates", "2021")[0]["value"] == "2021-01"


def test_a_rejection_does_not_hide_a_different_reading_of_the_span():
    doc = raw_doc()
    store = reviewed(doc, request(doc, "reject", "dates", "2021", "2021"))
    changed = raw_doc()
    find(changed, "dates", "2021")[0]["value"] = "FY2021"
    assert [m["value"] for m in find(apply_reviews(changed, store), "dates", "2021")] == ["FY2021"]


def test_reviews_of_changed_text_are_stale_not_applied():
    doc = raw_doc()
    store = reviewed(doc, request(doc, "reject", "institutions", "𠮷野家大学", "yoshinoya-daigaku"))
    edited = raw_doc("PREFACE. " + TEXT)  # every offset moves
    out = apply_reviews(edited, store)
    assert len(find(out, "institutions", "𠮷野家大学")) == 1
    assert out["reviews"]["items"] == [] and len(out["reviews"]["stale"]) == 1
    assert [w for w in out["warnings"] if w.startswith("review:")] and validate(out) == []
    assert apply_reviews(out, store)["warnings"] == out["warnings"]  # not repeated


def test_documents_without_reviews_are_unchanged():
    doc = raw_doc()
    assert apply_reviews(doc, {}) == doc
    assert apply_reviews(doc, {"other": []}) == doc


def test_record_replaces_a_verdict_and_unreview_removes_it():
    doc = raw_doc()
    r = request(doc, "accept", "dates", "2021", "2021", {"value": "2021"})
    store = reviewed(doc, r, {**r, "action": "reject"})
    assert [x["action"] for x in store["sample"]] == ["reject"]
    record(store, make_review(doc, {**r, "action": "unreview"}))
    assert store == {}


def test_accept_without_fields_takes_the_mention_as_shown():
    doc = raw_doc()
    rv = make_review(doc, request(doc, "accept", "attendance", "約160名", 160))
    assert rv["fields"] == {"value": 160, "qualifier": "approx", "cumulative": False,
                            "event": {"name": "第2回日露会議", "date": "2020-09-29"}}


def test_the_store_is_deterministic_and_atomic(tmp_path):
    doc = raw_doc()
    reqs = [request(doc, "reject", "dates", "2021", "2021"),
            request(doc, "accept", "dates", "2020年9月29日", "2020-09-29", {"value": "2020-09-29"})]
    save_reviews(tmp_path / "a", reviewed(doc, *reqs))
    save_reviews(tmp_path / "b", reviewed(doc, *reversed(reqs)))
    a, b = reviews_path(tmp_path / "a").read_bytes(), reviews_path(tmp_path / "b").read_bytes()
    assert a == b and b"timestamp" not in a
    assert [p.name for p in reviews_path(tmp_path / "a").parent.iterdir()] == ["reviews.json"]
    assert digest(load_reviews(tmp_path / "a"), "sample") == digest(load_reviews(tmp_path / "b"), "sample")


def test_an_unreadable_store_is_an_error_not_an_empty_one(tmp_path):
    reviews_path(tmp_path).parent.mkdir(parents=True)
    reviews_path(tmp_path).write_text("{not json", "utf-8")
    with pytest.raises(ReviewError, match="unreadable reviews file"):
        load_reviews(tmp_path)
    assert load_reviews(tmp_path / "nothing-here") == {}


BAD = [
    ({"action": "delete"}, "unknown action"),
    ({"kind": "people"}, "unknown kind"),
    ({"start": 5, "end": 5}, "not inside the text"),
    ({"end": 10_000}, "not inside the text"),
    ({"start": "3"}, "not inside the text"),
    ({"text_sha256": "0" * 64}, "changed since the page was loaded"),
    ({"kind": "dates", "fields": {"value": "2020/13/01"}}, "is not YYYY"),
    ({"kind": "dates", "fields": {"value": "29 Sept"}}, "is not YYYY"),
    ({"kind": "attendance", "fields": {"value": "many"}}, "not a whole number"),
    ({"kind": "attendance", "fields": {"value": -3}}, ">= 0"),
    ({"kind": "attendance", "fields": {"value": 3, "qualifier": "roughly"}}, "qualifier"),
    ({"kind": "attendance", "fields": {"value": 3, "event": {"date": "May"}}}, "event date"),
    ({"kind": "institutions", "fields": {"name": "X"}}, "needs an id"),
]


@pytest.mark.parametrize("change,message", BAD)
def test_bad_reviews_are_refused_with_a_reason(change, message):
    doc = raw_doc()
    req = {**request(doc, "correct", "dates", "2021", "2021", {"value": "2021"}), **change}
    with pytest.raises(ReviewError, match=message):
        make_review(doc, req)


def test_write_output_helper_round_trips(tmp_path):
    path = write_output(tmp_path, sample_doc())
    assert json.loads(path.read_text("utf-8"))["doc_id"] == "sample"


_DOC = raw_doc()
_TARGETS = [(k, m) for k in ("dates", "institutions", "attendance") for m in _DOC[k]]
_FIELDS = {"dates": {"value": "2019-05"}, "institutions": {"id": "x-org", "name": "X"},
           "attendance": {"value": 7, "qualifier": "at_most"}}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_TARGETS) - 1),
                          st.sampled_from(["accept", "reject", "correct", "add", "unreview"])), max_size=12))
def test_any_sequence_of_reviews_keeps_output_sound_and_applies_idempotently(actions):
    store: dict = {}
    for i, action in actions:
        kind, m = _TARGETS[i]
        key = "id" if kind == "institutions" else "value"
        req = {"doc_id": "sample", "kind": kind, "start": m["start"], "end": m["end"], "action": action,
               "original": m[key], "fields": _FIELDS[kind] if action in ("correct", "add") else {}}
        record(store, make_review(_DOC, req))
    out = apply_reviews(_DOC, store)
    assert spans_sound(out) and validate(out) == []
    assert apply_reviews(out, store) == out
    assert apply_reviews(raw_doc(), store) == out  # a re-run ends where the reviews say


def test_a_stale_review_past_the_end_of_the_new_text_can_be_forgotten():
    doc = raw_doc()
    store = reviewed(doc, request(doc, "reject", "dates", "2021", "2021"))
    short = {**doc, "text": TEXT[:20]}  # the reviewed span (2021, near the end) is now past the end
    old = store["sample"][0]
    record(store, make_review(short, {**old, "action": "unreview"}))
    assert store == {}
