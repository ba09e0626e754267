"""The reviews store, and applying reviews to extraction output.

A review is a person's verdict on one extraction, kept as data in `OUT/_pipeline/reviews.json`:

    {"version": 1, "reviews": [
      {"doc_id": "...", "text_sha256": "<sha256 of the document text>",
       "kind": "dates" | "institutions" | "attendance", "start": 12, "end": 22, "text": "...",
       "original": <the mention's value (dates, attendance) or id (institutions); null for add>,
       "action": "accept" | "reject" | "correct" | "add",
       "fields": {the reviewed normalised fields; {} for reject}}, ...]}

A review is keyed by (doc_id, text_sha256, kind, start, end, original): reviewing the same
extraction again replaces the earlier verdict. No timestamps: the file is deterministic.

`apply_reviews(doc, store)` applies the reviews of one output document (a `Document.to_dict()`):
rejected items are dropped, accepted/corrected/added ones carry the reviewed fields and a
`"review": {"status", "original"}` marker, and a top-level `"reviews"` record lists what was
applied (so rejected items stay visible to the review page). A review made on another version of
the text (its `text_sha256` differs) is *stale*: listed under `reviews.stale` and in the
document's warnings, never applied. Applying twice gives the same result as applying once.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from ..errors import PipelineError
from ..model import MENTION_FIELDS, QUALIFIERS
from ..output import dumps, write_atomic

ACTIONS = ("accept", "reject", "correct", "add")
STATUS = {"accept": "accepted", "correct": "corrected", "add": "added"}
KEY_FIELD = {"dates": "value", "institutions": "id", "attendance": "value"}
STALE_WARNING = "review:"
_DATE_VALUE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|FY\d{4})(/(\d{4}(-\d{2}(-\d{2})?)?|FY\d{4}))?$")
_ORDER = ("doc_id", "kind", "start", "end")


class ReviewError(PipelineError):
    """A review that cannot be recorded (unknown document, span off the text, bad value)."""

    stage = "review"


def reviews_path(out: Path) -> Path:
    return Path(out) / "_pipeline" / "reviews.json"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the store -------------------------------------------------------------------------------

Store = dict[str, list[dict[str, Any]]]  # doc_id -> its reviews


def load_reviews(out: Path) -> Store:
    """The reviews of an output folder, by doc_id ({} when there are none yet)."""
    path = reviews_path(out)
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(raw)
        items = data["reviews"]
        if not isinstance(items, list):
            raise TypeError("'reviews' is not a list")
    except (ValueError, KeyError, TypeError) as e:
        raise ReviewError(f"{path}: unreadable reviews file ({e}); fix or move it away "
                          "(it holds people's corrections, so it is never overwritten)") from e
    store: Store = {}
    for r in items:
        store.setdefault(str(r["doc_id"]), []).append(r)
    return store


def save_reviews(out: Path, store: Store) -> None:
    items = [r for doc_id in sorted(store) for r in store[doc_id]]
    items.sort(key=_sort_key)
    write_atomic(reviews_path(out), dumps({"version": 1, "reviews": items}))


def _sort_key(r: dict[str, Any]) -> tuple:
    return tuple(r[k] for k in _ORDER) + (json.dumps(r.get("original")), r["text_sha256"])


def review_key(r: dict[str, Any]) -> tuple:
    return (r["doc_id"], r["text_sha256"], r["kind"], r["start"], r["end"], json.dumps(r.get("original")))


def record(store: Store, review: dict[str, Any]) -> None:
    """Put one review into the store, replacing the earlier verdict on the same item.
    The action "unreview" removes the verdict instead."""
    key = review_key(review)
    kept = [r for r in store.get(review["doc_id"], []) if review_key(r) != key]
    if review["action"] != "unreview":
        kept.append(review)
    if kept:
        store[review["doc_id"]] = sorted(kept, key=_sort_key)
    else:
        store.pop(review["doc_id"], None)


def make_review(doc: dict[str, Any], req: dict[str, Any]) -> dict[str, Any]:
    """A checked review of `doc` from a request (the page's POST body). Raises ReviewError."""
    action = req.get("action")
    if action not in ACTIONS + ("unreview",):
        raise ReviewError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}, unreview")
    kind = req.get("kind")
    if kind not in MENTION_FIELDS:
        raise ReviewError(f"unknown kind {kind!r}: use one of {', '.join(MENTION_FIELDS)}")
    text = doc["text"]
    sha = text_sha256(text)
    given_sha = req.get("text_sha256", sha)
    start, end = req.get("start"), req.get("end")
    limit = len(text) if action != "unreview" else float("inf")  # a stale review may lie past the end
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= limit):
        raise ReviewError(f"span [{start}:{end}] is not inside the text (0..{len(text)})")
    if action != "unreview" and given_sha != sha:
        raise ReviewError("the document text changed since the page was loaded: reload it")
    original = None if action == "add" else req.get("original")
    fields = req.get("fields") or {}
    if action == "accept" and not fields:  # accept as shown: the mention's own fields
        fields = next((m for m in doc.get(kind, []) if m["start"] == start and m["end"] == end
                       and m[KEY_FIELD[kind]] == original), {})
    fields = {} if action in ("reject", "unreview") else clean_fields(kind, fields)
    return {"doc_id": doc["doc_id"], "text_sha256": given_sha, "kind": kind, "start": start,
            "end": end, "text": text[start:end], "original": original, "action": action,
            "fields": fields}


def clean_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The reviewed normalised fields of one kind, checked. Raises ReviewError."""
    if kind == "dates":
        value = str(fields.get("value", "")).strip()
        if not _DATE_VALUE.match(value):
            raise ReviewError(f"date value {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD, FYYYYY or START/END")
        return {"value": value, "kind": date_kind(value)}
    if kind == "institutions":
        iid = str(fields.get("id") or "").strip()
        if not iid:
            raise ReviewError("an institution needs an id")
        return {"id": iid, "name": str(fields.get("name") or "").strip() or iid,
                "type": str(fields.get("type") or "").strip() or "organisation",
                "country": str(fields.get("country") or "").strip() or None,
                "parent": str(fields.get("parent") or "").strip() or None}
    try:
        value = int(str(fields.get("value", "")).replace(",", "").strip())
    except ValueError:
        raise ReviewError(f"attendance value {fields.get('value')!r} is not a whole number") from None
    if value < 0:
        raise ReviewError("attendance value must be >= 0")
    qualifier = fields.get("qualifier") or "exact"
    if qualifier not in QUALIFIERS:
        raise ReviewError(f"qualifier {qualifier!r}: use one of {', '.join(QUALIFIERS)}")
    event = fields.get("event") or {}
    ev_date = str(event.get("date") or "").strip() or None
    if ev_date and not _DATE_VALUE.match(ev_date):
        raise ReviewError(f"event date {ev_date!r} is not a date value")
    return {"value": value, "qualifier": qualifier, "cumulative": bool(fields.get("cumulative")),
            "event": {"name": str(event.get("name") or "").strip() or None, "date": ev_date}}


def date_kind(value: str) -> str:
    if "/" in value:
        return "range"
    if value.startswith("FY"):
        return "fiscal_year"
    return {4: "year", 7: "month"}.get(len(value), "day")


# --- applying reviews to output --------------------------------------------------------------

def apply_reviews(doc: dict[str, Any], reviews: Store) -> dict[str, Any]:
    """`doc` (an output dict) with its reviews applied; `doc` itself is not changed.
    Documents without reviews come back unchanged (equal, not the same object)."""
    out = copy.deepcopy(doc)
    for fname in MENTION_FIELDS:  # a previous application's markers: recomputed below
        for m in out.get(fname, []):
            m.pop("review", None)
    out.pop("reviews", None)
    out["warnings"] = [w for w in out.get("warnings", []) if not w.startswith(STALE_WARNING)]
    mine = reviews.get(out["doc_id"], [])
    if not mine:
        return out
    sha = text_sha256(out["text"])
    fresh = [r for r in mine if r["text_sha256"] == sha]
    stale = [r for r in mine if r["text_sha256"] != sha]
    for r in sorted(fresh, key=lambda r: r["action"] != "reject"):  # rejections first
        _apply_one(out, r)
    for fname in MENTION_FIELDS:
        out[fname].sort(key=lambda m: (m["start"], m["end"]))
    out["reviews"] = {"text_sha256": sha, "items": [_public(r) for r in fresh],
                      "stale": [_public(r, with_sha=True) for r in stale]}
    if stale:
        out["warnings"].append(f"{STALE_WARNING} {len(stale)} review(s) not applied: the document "
                               "text changed since they were made; check them in `pipeline review`")
    return out


def _public(r: dict[str, Any], with_sha: bool = False) -> dict[str, Any]:
    keys = ("kind", "start", "end", "text", "original", "action", "fields") + (("text_sha256",) if with_sha else ())
    return {k: r.get(k) for k in keys}


def _apply_one(doc: dict[str, Any], r: dict[str, Any]) -> None:
    items = doc[r["kind"]]
    key = KEY_FIELD[r["kind"]]
    same_span = [m for m in items if m["start"] == r["start"] and m["end"] == r["end"] and "review" not in m]
    if r["action"] == "reject":
        drop = {id(m) for m in same_span if m[key] == r["original"]}
        doc[r["kind"]] = [m for m in items if id(m) not in drop]
        return
    fields = r.get("fields") or {}
    target = (next((m for m in same_span if m[key] == r["original"]), None)
              or next((m for m in same_span if key in fields and m[key] == fields[key]), None)
              or (same_span[0] if same_span and r["action"] != "add" else None))
    if target is None:
        target = new_mention(r["kind"], doc["text"], r["start"], r["end"])
        items.append(target)
    for k, v in fields.items():
        if k == "event":
            target["event"] = {**target.get("event", {}), **v}
        else:
            target[k] = v
    target["review"] = {"status": STATUS[r["action"]], "original": r.get("original")}


def new_mention(kind: str, text: str, start: int, end: int) -> dict[str, Any]:
    """A mention a reviewer added, with the schema's required fields at neutral values."""
    base = {"text": text[start:end], "start": start, "end": end, "confidence": 1.0}
    if kind == "dates":
        return {**base, "value": "", "kind": "day", "calendar": "gregorian", "inferred": False,
                "inferred_from": None, "rule": "review"}
    if kind == "institutions":
        return {**base, "name": "", "id": "", "type": "organisation", "country": None,
                "parent": None, "source": "review"}
    return {**base, "value": 0, "qualifier": "exact", "cumulative": False, "unit": "persons",
            "breakdown": [], "event": {"name": None, "date": None, "date_start": None, "id": None},
            "rule": "review"}


def digest(reviews: Store, doc_id: str) -> str:
    """A short fingerprint of one document's reviews: the batch manifest keeps it, so that an
    output made under other reviews is redone."""
    return hashlib.sha256(json.dumps(reviews.get(doc_id, []), sort_keys=True).encode()).hexdigest()[:16]
