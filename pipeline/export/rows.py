"""The output folder as documents, and one output document (JSON) as rows of the schema.

Every `OUT/**/*.json` is a document, except under `OUT/_pipeline/` (run reports, manifest) and
hidden files. A document is checked before it is exported: valid JSON, valid against
`pipeline/schema/document.schema.json` (except `blocks`, which are not exported), and every
mention's offsets point at its own text.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import output
from . import ExportError, TargetError, schema

SKIP_DIRS = ("_pipeline",)
MENTION_LISTS = ("dates", "institutions", "attendance")
MAX_INT = 2**63 - 1  # BIGINT
_DATE_START = re.compile(r"(FY)?(\d{4})(?:-(\d{2}))?")


@dataclass(frozen=True)
class OutputFile:
    rel: str  # posix path relative to the output folder: documents.json_path
    path: Path


def scan(src: Path) -> list[OutputFile]:
    """The document files of an output folder, sorted by relative path."""
    if not src.is_dir():
        raise TargetError(f"output folder {src} does not exist (pass --from DIR: the --out of `pipeline run`)")
    files = []
    for p in src.rglob("*.json"):
        rel = p.relative_to(src)
        if rel.parts[0] in SKIP_DIRS or any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        files.append(OutputFile(rel.as_posix(), p))
    return sorted(files, key=lambda f: f.rel)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse(data: bytes, rel: str) -> dict[str, Any]:
    """One output file as a checked document dict; ExportError naming the file otherwise."""
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ExportError(f"{rel}: not valid JSON ({e})") from None
    if not isinstance(doc, dict):
        raise ExportError(f"{rel}: not an output document (a JSON object expected)")
    # blocks (with their tokens: most of the file) are not exported: validating them is slow
    problems = output.validate({**doc, "blocks": []}) or span_problems(doc)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise ExportError(f"{rel}: not a valid output document: {'; '.join(problems[:5])}{more}")
    return doc


def span_problems(doc: dict[str, Any]) -> list[str]:
    """Offsets that do not point at their own text (the model's span contract, on the JSON)."""
    text = doc["text"]
    problems = []
    for name in MENTION_LISTS:
        for i, m in enumerate(doc[name]):
            if not m["start"] <= m["end"] or text[m["start"]:m["end"]] != m["text"]:
                problems.append(f"{name}/{i}: {m['text']!r} [{m['start']}:{m['end']}] does not match the text")
    for i, e in enumerate(doc["events"]):
        s, t = e.get("start"), e.get("end")
        if s is not None and t is not None and not 0 <= s <= t <= len(text):
            problems.append(f"events/{i}: [{s}:{t}] outside the text")
    return problems


def year_month(value: str | None) -> tuple[int | None, int | None]:
    """First year (and month) of a date value: 2019-05-12/2019-05-14 -> (2019, 5); FY2017 -> (2017, None)."""
    m = _DATE_START.match(value or "")
    if not m:
        return None, None
    month = int(m[3]) if m[3] and not m[1] else None
    return int(m[2]), month


def _clean(s: str | None) -> str | None:
    """Text both engines can store, same length so offsets hold: NUL and lone surrogates -> U+FFFD."""
    if s is None:
        return None
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)
    return s.replace("\x00", "\ufffd") if "\x00" in s else s


def _int(v: int | None, where: str) -> int | None:
    if v is not None and not -MAX_INT <= v <= MAX_INT:
        raise ExportError(f"{where}: {v} does not fit a 64-bit integer")
    return v


@dataclass
class DocumentRows:
    """Rows of one document, per table, as tuples in the schema's column order."""

    tables: dict[str, list[tuple]]
    institutions: list[tuple]  # canonical organisations mentioned: upserted
    stubs: list[tuple]  # organisers never mentioned in the document: inserted when unknown


def _tuples(table: str, rows: list[dict[str, Any]]) -> list[tuple]:
    cols = schema.BY_NAME[table].column_names
    return [tuple(r[c] for c in cols) for r in rows]


def _span(m: dict[str, Any]) -> dict[str, Any]:
    return {"start_char": m["start"], "end_char": m["end"], "text": _clean(m["text"])}


def document_rows(doc: dict[str, Any], rel: str, json_sha256: str) -> DocumentRows:
    """Turn a checked document (see `parse`) into rows."""
    did = doc["doc_id"]
    src, pub = doc["source"], doc["published"] or {}
    documents = [{
        "id": _clean(did), "json_path": rel, "json_sha256": json_sha256, "path": _clean(src["path"]),
        "sha256": src["sha256"], "format": src["format"], "bytes": _int(src["bytes"], f"{rel}: source.bytes"),
        "pages": _int(src.get("pages"), f"{rel}: source.pages"), "title": _clean(doc["title"]),
        "published": pub.get("value"), "published_source": _clean(pub.get("source")),
        "primary_language": _clean(doc["language"]["primary"]), "text": _clean(doc["text"]),
        "pipeline_version": _clean(doc["pipeline"]["version"]),
        "config_sha256": _clean(doc["pipeline"]["config_sha256"]),
    }]
    did = documents[0]["id"]
    dates = [{"doc_id": did, "seq": i, **_span(d), "value": d["value"], "kind": d["kind"],
              "year": year_month(d["value"])[0], "calendar": _clean(d["calendar"]),
              "inferred": d["inferred"], "inferred_from": _clean(d.get("inferred_from")),
              "confidence": d["confidence"], "rule": _clean(d.get("rule", ""))}
             for i, d in enumerate(doc["dates"])]
    attrs: dict[str, Counter] = {}
    mentions = []
    for i, m in enumerate(doc["institutions"]):
        iid = _clean(m["id"])
        key = (iid, _clean(m["name"]), _clean(m["type"]), _clean(m.get("country")), _clean(m.get("parent")))
        attrs.setdefault(iid, Counter())[key] += 1
        mentions.append({"doc_id": did, "seq": i, "institution_id": iid, **_span(m),
                         "source": m["source"], "confidence": m["confidence"]})
    # one row per organisation: the attributes most mentions give, then the most complete, then the first
    institutions = [max(c, key=lambda k: (c[k], sum(v is not None for v in k))) for c in attrs.values()]
    events, organisers, stubs = [], [], {}
    for e in doc["events"]:
        eid = _clean(e["id"])
        year, month = year_month(e["date"])
        events.append({"doc_id": did, "event_id": eid, "name": _clean(e["name"]), "date": e["date"],
                       "year": year, "month": month, "mode": e["mode"],
                       "attendance": _int(e["attendance"], f"{rel}: events/{eid}/attendance"),
                       "qualifier": e["qualifier"], "cumulative": e.get("cumulative", False),
                       "start_char": e.get("start"), "end_char": e.get("end")})
        for org in dict.fromkeys(_clean(o) for o in e["organisers"]):
            organisers.append({"doc_id": did, "event_id": eid, "institution_id": org})
            if org not in attrs:
                stubs[org] = (org, org, "unknown", None, None)
    attendance, breakdown = [], []
    for i, a in enumerate(doc["attendance"]):
        ev = a["event"]
        attendance.append({"doc_id": did, "seq": i, **_span(a), "value": _int(a["value"], f"{rel}: attendance/{i}"),
                           "qualifier": a["qualifier"], "cumulative": a["cumulative"], "unit": _clean(a["unit"]),
                           "confidence": a["confidence"], "rule": _clean(a.get("rule", "")),
                           "event_id": _clean(ev.get("id")), "event_name": _clean(ev.get("name")),
                           "event_date": ev.get("date"), "event_date_start": ev.get("date_start")})
        breakdown += [{"doc_id": did, "attendance_seq": i, "seq": j, "label": _clean(b["label"]),
                       "value": _int(b["value"], f"{rel}: attendance/{i}/breakdown/{j}")}
                      for j, b in enumerate(a["breakdown"])]
    tables = {"documents": documents, "dates": dates, "institution_mentions": mentions, "events": events,
              "event_organisers": organisers, "attendance": attendance, "attendance_breakdown": breakdown}
    return DocumentRows({t: _tuples(t, rows) for t, rows in tables.items()}, institutions, list(stubs.values()))
