"""`pipeline review --export-gold DIR`: reviewed documents as gold files (../shared/eval/GUIDELINES.md).

A document is exported when it has at least one review that applies to its current text.
Items a person accepted, corrected or added are required gold items; items nobody reviewed
are exported as `optional` (a system may find or miss them without penalty); rejected items
are left out, so finding them again counts as a false positive.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..output import dumps, write_atomic
from .reviews import apply_reviews, load_reviews
from .view import Outputs

log = logging.getLogger(__name__)


def gold_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The gold file of one output document whose reviews are applied."""
    lang = doc.get("language") or {}
    gold: dict[str, Any] = {
        "doc_id": doc["doc_id"],
        "languages": {"primary": lang.get("primary"), "present": sorted(lang.get("present") or [])},
        "note": "exported by `pipeline review --export-gold`: reviewed items are required, "
                "unreviewed ones optional",
        "dates": [], "institutions": [], "attendance": [],
    }
    dates: dict[str, dict[str, Any]] = {}
    for m in doc.get("dates", []):
        entry = dates.setdefault(m["value"], {"value": m["value"], "text": m["text"], "optional": True})
        if m.get("review"):
            entry.pop("optional", None)
    gold["dates"] = [_clean(e) for e in dates.values()]
    insts: dict[str, dict[str, Any]] = {}
    for m in doc.get("institutions", []):
        e = insts.setdefault(m["id"], {"id": m["id"], "type": m.get("type"), "country": m.get("country"),
                                       "names": [], "text": m["text"], "optional": True})
        if m["text"] not in e["names"]:
            e["names"].append(m["text"])
        if m.get("review"):
            e.pop("optional", None)
            e["type"], e["country"] = m.get("type"), m.get("country")
            if m.get("name") and m["name"] not in e["names"] and m["name"] in doc["text"]:
                e["names"].append(m["name"])  # the canonical name, when the document uses it
    gold["institutions"] = [_clean(e) for e in insts.values()]
    for m in doc.get("attendance", []):
        ev = m.get("event") or {}
        e = {"value": m["value"], "qualifier": m.get("qualifier", "exact"), "text": m["text"],
             "event": ev.get("name"), "cumulative": bool(m.get("cumulative"))}
        if not m.get("review"):
            e["optional"] = True
        gold["attendance"].append(e)
    return gold


def _clean(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v is not None}


def export_gold(out: Path, dir: Path) -> int:  # noqa: A002 (the CLI's name for it)
    """Write DIR/<doc_id>.json for every reviewed document under `out`; the number written."""
    store = load_reviews(out)
    outputs = Outputs(out)
    n = 0
    for doc_id, path in sorted(outputs.files().items()):
        doc = outputs.get(doc_id)
        if doc is None or doc_id not in store:
            continue
        parts = doc_id.split("/")
        if "\\" in doc_id or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            log.warning("not exporting %r: not usable as a file name", doc_id)
            continue
        applied = apply_reviews(doc, store)
        if not applied["reviews"]["items"]:
            continue  # only stale reviews: nothing a person checked on this text
        write_atomic(Path(dir) / f"{doc_id}.json", dumps(gold_document(applied)))
        n += 1
    return n
