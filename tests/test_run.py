"""The pipeline end to end on real documents: contract, spans, determinism, languages."""
from __future__ import annotations

import json

import pytest

from pipeline import output, run
from pipeline.config import Config
from pipeline.model import check_spans

from conftest import CORPUS, GOLD

CFG = Config()
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
SEEDS_PDF = sorted((CORPUS / "seeds-pdf").glob("*.pdf"))
DEV = sorted((CORPUS / "dev").glob("*.txt"))


def _process(path):
    return run.process(path, doc_id=path.stem, rel_path=path.name, config=CFG)


@pytest.mark.parametrize("path", SEEDS + SEEDS_PDF + DEV, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_output_satisfies_contract(path):
    doc = _process(path)
    assert check_spans(doc) == []
    obj = json.loads(output.document_json(doc))
    assert output.validate(obj) == []
    assert obj["doc_id"] == path.stem
    assert obj["source"]["sha256"] and obj["source"]["bytes"] == path.stat().st_size
    for b in obj["blocks"]:
        assert obj["text"][b["start"]:b["end"]].strip()
        if b["lang"] == "ja":
            assert b["tokens"], f"Japanese block {b['id']} has no tokens"
    for kind in ("dates", "institutions", "attendance"):
        for m in obj[kind]:
            assert obj["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_languages(path):
    doc = _process(path)
    gold = json.loads((GOLD / (path.stem + ".json")).read_text("utf-8"))["languages"]
    assert doc.language["primary"] == gold["primary"]


def test_same_input_gives_byte_identical_json():
    path = SEEDS[3]
    a = output.document_json(_process(path))
    b = output.document_json(_process(path))
    assert a == b
