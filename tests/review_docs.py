"""Hand-written output documents for the review tests (ingest and the extractors are not needed).

The text mixes Japanese, English and Russian, puts an astral-plane character (𠮷, a surrogate
pair in UTF-16) and a combining accent before highlighted spans, nests one institution inside
another, and carries a <script> element as plain text.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import (AttendanceMention, Block, DateMention, Document, EventRef,
                            InstitutionMention, Source, check_spans)
from pipeline.output import document_json, validate

TEXT = ("𠮷野家大学と金沢大学ロシア同窓会は2020年9月29日に第2回日露会議を開催し、約160名が参加した。\n\n"
        "Kanazawa University hosted the Japan-Russia Joint Symposium on 29 September; "
        "over 200 people took part.\n\n"
        "Казанский федеральный университет провёл семинар 5 ноября 2013 г.\n\n"
        "Cafe\u0301 <script>alert(1)</script> report, 2021.")


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def sample_doc(doc_id: str = "sample", text: str = TEXT) -> Document:
    """A Document as the pipeline would write it, with every kind of extraction."""
    def date(s, value, kind, conf=0.95, rule="ymd", **kw):
        a, b = at(text, s)
        return DateMention(text=s, start=a, end=b, value=value, kind=kind, confidence=conf, rule=rule, **kw)

    def inst(s, name, iid, typ="university", country="JP", conf=0.9, source="gazetteer"):
        a, b = at(text, s)
        return InstitutionMention(text=s, start=a, end=b, name=name, id=iid, type=typ, country=country,
                                  source=source, confidence=conf)

    def att(s, value, qualifier, event, conf=0.85):
        a, b = at(text, s)
        return AttendanceMention(text=s, start=a, end=b, value=value, qualifier=qualifier,
                                 event=EventRef(name=event, date="2020-09-29"), confidence=conf, rule="cue")

    blocks, pos = [], 0
    for para in text.split("\n\n"):
        blocks.append(Block(id=len(blocks), start=pos, end=pos + len(para)))
        pos += len(para) + 2
    raw = text.encode("utf-8")
    doc = Document(
        doc_id=doc_id, text=text, blocks=blocks, title="Japan-Russia Joint Symposium 2020",
        source=Source(path=f"{doc_id}.txt", sha256=hashlib.sha256(raw).hexdigest(), format="text",
                      bytes=len(raw), encoding="utf-8"),
        language={"primary": "ja", "present": ["en", "ja", "ru"], "blocks": {"ja": 1, "en": 1, "ru": 1}},
        dates=[date("2020年9月29日", "2020-09-29", "day"),
               date("29 September", "2020-09-29", "day", inferred=True, inferred_from="title"),
               date("5 ноября 2013", "2013-11-05", "day"),
               date("2021", "2021", "year", conf=0.5, rule="bare_year")],
        institutions=[inst("𠮷野家大学", "𠮷野家大学", "yoshinoya-daigaku", conf=0.4, source="pattern"),
                      inst("金沢大学ロシア同窓会", "Kanazawa University Russia Alumni Association",
                           "kanazawa-university-russia-alumni-association", typ="association"),
                      inst("金沢大学", "Kanazawa University", "kanazawa-university"),
                      inst("Kanazawa University", "Kanazawa University", "kanazawa-university"),
                      inst("Казанский федеральный университет", "Kazan Federal University",
                           "kazan-federal-university", country="RU")],
        attendance=[att("約160名", 160, "approx", "第2回日露会議"),
                    att("over 200 people", 200, "exact", "Japan-Russia Joint Symposium", conf=0.6)],
        pipeline={"version": "0.1.0", "config_sha256": "0" * 64},
    )
    doc.institutions.sort(key=lambda m: (m.start, m.end))
    problems = check_spans(doc) + validate(doc.to_dict())
    if problems:
        raise AssertionError(problems)
    return doc


def write_output(out: Path, doc: Document) -> Path:
    path = out / f"{doc.doc_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document_json(doc), "utf-8")
    return path
