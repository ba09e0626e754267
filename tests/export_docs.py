"""Output documents for the export tests, built with the shared model and checked against the
output schema: `make(doc_id, year)` and `write(out, doc)`."""
from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from pipeline import output
from pipeline.model import (AttendanceMention, BreakdownItem, DateMention, Document, Event, EventRef,
                            InstitutionMention, Published, Source)

KU = dict(name="金沢大学", id="kanazawa-university", type="university", country="JP")
MSU = dict(name="Lomonosov Moscow State University", id="moscow-state-university", type="university", country="RU")


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    i = text.index(part, after)
    return i, i + len(part)


def make(doc_id: str, year: int = 2019, partner: dict = MSU) -> dict:
    """A bilingual report: 2 dates, 3 institution mentions (2 organisations), 2 events (one
    organised by an organisation never mentioned), 2 attendance figures (one with a breakdown)."""
    text = (f"{year}年5月12日、金沢大学と{partner['name']}は第2回日露学長会議を開催し、約160名が参加した。\n\n"
            f"On 3 June {year + 1} Kanazawa University held an online fair with 45 participants.")
    s = lambda part: _span(text, part)  # noqa: E731
    d1, d2 = s(f"{year}年5月12日"), s(f"3 June {year + 1}")
    i1, i2, i3 = s("金沢大学"), s(partner["name"]), s("Kanazawa University")
    a1, a2 = s("約160名"), s("45 participants")
    e1 = s("第2回日露学長会議")
    raw = f"raw bytes of {doc_id}".encode()
    doc = Document(
        doc_id=doc_id,
        source=Source(path=f"{doc_id}.txt", sha256=hashlib.sha256(raw).hexdigest(), format="text", bytes=len(raw)),
        text=text, title=f"Report {doc_id}", published=Published(value=f"{year}-05-20", source="text"),
        language={"primary": "ja", "present": ["en", "ja"], "blocks": {"ja": 1, "en": 1}},
        dates=[DateMention(text=text[d1[0]:d1[1]], start=d1[0], end=d1[1], value=f"{year}-05-12", kind="day"),
               DateMention(text=text[d2[0]:d2[1]], start=d2[0], end=d2[1], value=f"{year + 1}-06-03", kind="day",
                           inferred=False, rule="en_dmy")],
        institutions=[InstitutionMention(text="金沢大学", start=i1[0], end=i1[1], source="gazetteer", **KU),
                      InstitutionMention(text=partner["name"], start=i2[0], end=i2[1], source="pattern", **partner),
                      InstitutionMention(text="Kanazawa University", start=i3[0], end=i3[1], source="alias", **KU)],
        events=[Event(id="e1", name="第2回日露学長会議", date=f"{year}-05-12", organisers=[KU["id"], partner["id"]],
                      attendance=160, qualifier="approx", mode="in_person", start=e1[0], end=e1[1]),
                Event(id="e2", name="online fair", date=f"{year + 1}-06", organisers=[KU["id"], "jasso", KU["id"]],
                      attendance=45, qualifier="exact", mode="online")],
        attendance=[AttendanceMention(text="約160名", start=a1[0], end=a1[1], value=160, qualifier="approx",
                                      event=EventRef(name="第2回日露学長会議", date=f"{year}-05-12", date_start=d1[0], id="e1")),
                    AttendanceMention(text="45 participants", start=a2[0], end=a2[1], value=45,
                                      breakdown=[BreakdownItem("students", 40), BreakdownItem("staff", 5)],
                                      event=EventRef(name="online fair", id="e2"))],
        pipeline={"version": "0.1.0", "config_sha256": "0" * 64},
    )
    d = doc.to_dict()
    problems = output.validate(d)
    assert not problems, problems
    return d


def write(out: Path, doc: dict, rel: str | None = None) -> Path:
    path = out / (rel or f"{doc['doc_id']}.json")
    output.write_atomic(path, output.dumps(doc))
    return path


def counts(docs: list[dict]) -> dict[str, int]:
    """Rows each table must hold for `docs`."""
    inst = {m["id"] for d in docs for m in d["institutions"]} | {o for d in docs for e in d["events"]
                                                                for o in e["organisers"]}
    return {
        "documents": len(docs),
        "dates": sum(len(d["dates"]) for d in docs),
        "institutions": len(inst),
        "institution_mentions": sum(len(d["institutions"]) for d in docs),
        "events": sum(len(d["events"]) for d in docs),
        "event_organisers": sum(len(set(e["organisers"])) for d in docs for e in d["events"]),
        "attendance": sum(len(d["attendance"]) for d in docs),
        "attendance_breakdown": sum(len(a["breakdown"]) for d in docs for a in d["attendance"]),
    }


def variant(doc: dict, **changes) -> dict:
    d = copy.deepcopy(doc)
    d.update(changes)
    return d
