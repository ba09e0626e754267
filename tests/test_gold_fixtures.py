"""The held-out gold sets (tests/fixtures/heldout*/gold) are well-formed: one gold file per
document, values in the guidelines' forms, and every text and name occurs in its document.
(One check for every set, instead of a script per set; gold-raw has its own in test_samples.py.)"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}
ONE = re.compile(r"^(?:FY(\d{4})|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)$")
SETS = sorted((d.name, d / "docs", d / "gold") for d in FIXTURES.glob("heldout*"))


def read_doc(path: Path) -> str:
    raw = path.read_bytes()
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", raw[:4096], re.I)
    # strict multi-byte codecs first: cp1251 decodes almost any bytes (Japanese as garbage),
    # while Russian cp1251 text breaks the byte-pair rules of EUC-JP and Shift_JIS
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["utf-8", "euc_jp", "cp932", "cp1251"]:
        try:
            text = raw.decode(enc)
            return text.replace("\r\n", "\n")
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError(f"{path}: cannot decode")


def squash(s: str) -> str:
    """Compare as the scorer does: white space (hard wraps) does not count."""
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def valid_point(v: str) -> tuple:
    m = ONE.match(v)
    assert m, f"value {v!r} is not YYYY, YYYY-MM, YYYY-MM-DD or FYYYYY"
    if m.group(1):
        return (int(m.group(1)), 4, 1)
    y, mo, d = int(m.group(2)), int(m.group(3) or 1), int(m.group(4) or 1)
    dt.date(y, mo, d)
    return (y, mo, d)


CASES = [pytest.param(name, docs, g, id=f"{name}/{g.stem}")
         for name, docs, gold in SETS for g in sorted(gold.glob("*.json"))]


@pytest.mark.parametrize("name, docs, gold", CASES)
def test_gold_file_is_well_formed_and_anchored(name, docs, gold):
    g = json.loads(gold.read_text("utf-8"))
    assert g["doc_id"] == gold.stem
    src = [p for p in docs.glob(gold.stem + ".*")]
    assert len(src) == 1, f"{gold.stem}: one document expected, found {src}"
    text = squash(read_doc(src[0]))
    langs = g["languages"]
    assert langs["primary"] in langs["present"]
    for d in g.get("dates", []):
        if d.get("optional"):
            continue
        ends = [valid_point(v) for v in str(d["value"]).split("/")]
        assert len(ends) in (1, 2) and ends[0] <= ends[-1], d["value"]
    for e in g.get("institutions", []):
        assert e["id"] and e["names"]
        for n in e["names"]:
            assert squash(n) in text, f"institution name {n!r} not in the document"
    for a in g.get("attendance", []):
        assert isinstance(a["value"], int) and a["value"] > 0
        assert a.get("qualifier", "exact") in QUALIFIERS
        assert isinstance(a.get("cumulative", False), bool)
    for kind in ("dates", "institutions", "attendance"):
        for item in g.get(kind, []):
            if item.get("text"):
                assert squash(item["text"]) in text, f"{kind} text {item['text']!r} not in the document"


def test_every_set_has_gold_for_every_document():
    for name, docs, gold in SETS:
        stems = {p.stem for p in docs.iterdir() if p.is_file()}
        assert stems == {p.stem for p in gold.glob("*.json")}, name
