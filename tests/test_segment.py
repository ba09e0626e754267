"""Segmentation: fugashi tokens with exact offsets, sentence spans, and its precondition."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import segment
from pipeline.config import Config
from pipeline.errors import StageError
from pipeline.model import Block, Document, Source, check_spans

from conftest import build_doc


def test_tokens_point_into_the_document_text():
    doc = build_doc("Intro line in English here.\n\n本学と新潟大学で共同採択された事業です。")
    ja = [b for b in doc.blocks if b.lang == "ja"][0]
    assert ja.tokens, "Japanese blocks carry tokens"
    assert [t.surface for t in ja.tokens][:4] == ["本", "学", "と", "新潟"] or "新潟" in [t.surface for t in ja.tokens]
    for t in ja.tokens:
        assert doc.text[t.start:t.end] == t.surface
        assert ja.start <= t.start < t.end <= ja.end
    assert any(t.pos.startswith("名詞") for t in ja.tokens)
    assert all(t.lemma for t in ja.tokens)
    en = doc.blocks[0]
    assert en.lang == "en" and en.tokens == []
    assert check_spans(doc) == []


@pytest.mark.parametrize("text, lang, n", [
    ("第2回会議を開催しました。約160名が参加しました！次回は未定です", "ja", 3),
    ("「開催しました。」と述べた。", "ja", 2),
    ("The symposium was held on 5 November 2013. Prof. Ueda opened it. It ended", "en", 3),
    ("Лекция прошла 19 июня. На ней присутствовало 250 человек.", "ru", 2),
])
def test_sentences(text, lang, n):
    spans = segment.sentences(text, lang, 10)
    assert len(spans) == n
    for s, e in spans:
        assert 10 <= s < e <= 10 + len(text)
        assert not text[s - 10].isspace() and not text[e - 11].isspace()


def test_segmentation_without_language_is_an_error():
    doc = Document(doc_id="x", source=Source(path="x.txt", sha256="0" * 64, format="text", bytes=3),
                   text="本学と", blocks=[Block(id=0, start=0, end=3)])
    with pytest.raises(StageError, match="language stage first"):
        segment.segment(doc, Config())


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("本学と新潟大学でをがの。、 \n　ＡＢ１２abc𠮷か゚")), max_size=80))
def test_token_offsets_always_match(text):
    for t in segment.tokenize(text, 5):
        assert text[t.start - 5:t.end - 5] == t.surface


def test_tokens_agree_with_fugashi_nodes_on_a_real_report():
    """tokenize reads MeCab's output string: it must say what fugashi's nodes say."""
    from conftest import CORPUS

    text = (CORPUS / "seeds" / "003_8502e5560c99daca.txt").read_text("utf-8")[:6000]
    expected = []
    for w in segment.tagger()(text):
        f = w.feature
        pos = f.pos1 if not f.pos2 or f.pos2 == "*" else f"{f.pos1}-{f.pos2}"
        expected.append((w.surface, f.lemma if f.lemma and f.lemma != "*" else w.surface, pos))
    got = [(t.surface, t.lemma, t.pos) for t in segment.tokenize(text)]
    assert got == expected
