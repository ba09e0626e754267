"""What the review page shows: the output documents of a folder, with their reviews applied,
as a document list (counts, confidences, review progress) and one view per document."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..model import MENTION_FIELDS
from .reviews import KEY_FIELD, Store, apply_reviews, text_sha256

log = logging.getLogger(__name__)


class Outputs:
    """The output documents of a folder (`OUT/**/<doc_id>.json`), read lazily, re-read when changed."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self._cache: dict[Path, tuple[tuple[int, int], dict[str, Any] | None]] = {}

    def files(self) -> dict[str, Path]:
        """doc_id -> output file, for every readable output document."""
        found: dict[str, Path] = {}
        for path in sorted(self.out.rglob("*.json")):
            if any(part.startswith((".", "_")) for part in path.relative_to(self.out).parts):
                continue  # _pipeline/ (manifest, reviews, reports), temp files
            doc = self._read(path)
            if doc is not None:
                found.setdefault(doc["doc_id"], path)
        return found

    def get(self, doc_id: str) -> dict[str, Any] | None:
        path = self.files().get(doc_id)
        return None if path is None else self._read(path)

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
        try:
            doc = json.loads(path.read_text("utf-8"))
            if not (isinstance(doc, dict) and isinstance(doc.get("doc_id"), str)
                    and isinstance(doc.get("text"), str)):
                raise ValueError("not an output document (no doc_id/text)")
        except ValueError as e:
            log.warning("skipping %s: %s", path, e)
            doc = None
        self._cache[path] = (stamp, doc)
        return doc


def doc_view(doc: dict[str, Any], store: Store) -> dict[str, Any]:
    """One document for the page: text, every item (rejected ones too) with its review status."""
    d = apply_reviews(doc, store)
    items = []
    for kind in MENTION_FIELDS:
        for m in d.get(kind, []):
            rv = m.get("review")
            items.append({"kind": kind, "status": rv["status"] if rv else "unreviewed",
                          "original": rv["original"] if rv else m.get(KEY_FIELD[kind]), "m": m})
    rec = d.get("reviews", {})
    for r in rec.get("items", []):
        if r["action"] == "reject":
            m = {"text": r["text"], "start": r["start"], "end": r["end"], KEY_FIELD[r["kind"]]: r["original"]}
            items.append({"kind": r["kind"], "status": "rejected", "original": r["original"], "m": m})
    order = {k: i for i, k in enumerate(MENTION_FIELDS)}
    items.sort(key=lambda it: (it["m"]["start"], it["m"]["end"], order[it["kind"]]))
    return {"doc_id": d["doc_id"], "title": d.get("title"), "text": d["text"],
            "text_sha256": text_sha256(d["text"]),
            "language": (d.get("language") or {}).get("primary"),
            "source": (d.get("source") or {}).get("path"),
            "published": (d.get("published") or {}).get("value"),
            "items": items, "stale": rec.get("stale", []), "warnings": d.get("warnings", [])}


def summary(view: dict[str, Any]) -> dict[str, Any]:
    """One line of the document list."""
    live = [it for it in view["items"] if it["status"] != "rejected"]
    return {"doc_id": view["doc_id"], "title": view["title"],
            "counts": {k: sum(it["kind"] == k for it in live) for k in MENTION_FIELDS},
            "items": len(view["items"]),
            "unreviewed": sum(it["status"] == "unreviewed" for it in view["items"]),
            "conf": sorted(float(it["m"].get("confidence", 1.0)) for it in live
                           if it["status"] == "unreviewed"),
            "stale": len(view["stale"])}


def all_views(outputs: Outputs, store: Store) -> list[dict[str, Any]]:
    views = []
    for doc_id in sorted(outputs.files()):
        doc = outputs.get(doc_id)
        if doc is not None:
            views.append(doc_view(doc, store))
    return views
