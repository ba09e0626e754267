"""Shared fixtures: the shared corpus location and a Document builder for stage tests."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from pipeline import config as config_mod
from pipeline import language, segment
from pipeline.model import Block, Document, Published, Source

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
GOLD_DEV = SHARED / "eval" / "gold-dev"

_PARA = re.compile(r"\n[ \t\u3000]*\n")


def build_doc(text: str, *, title: str | None = None, published: str | None = None,
              doc_id: str = "test", config=None, hints: list[tuple[str, str]] | None = None) -> Document:
    """A Document over `text` as given (no normalisation): paragraphs at blank lines,
    then the language and segmentation stages. For extractor tests that need no ingest."""
    cfg = config or config_mod.Config()
    blocks = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            blocks.append(Block(id=len(blocks), start=s, end=e, kind="paragraph"))
        pos = m.end() if m else len(text)
    raw = text.encode("utf-8")
    doc = Document(doc_id=doc_id, source=Source(path=doc_id + ".txt", sha256=hashlib.sha256(raw).hexdigest(),
                                                format="text", bytes=len(raw)),
                   text=text, blocks=blocks, title=title, published_hints=list(hints or []))
    if published:
        doc.published = Published(value=published, source="test")
    language.detect(doc, cfg)
    segment.segment(doc, cfg)
    return doc


@pytest.fixture
def make_doc():
    return build_doc


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
