"""The output contract: canonical JSON, schema, atomic writes, span checks."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import output
from pipeline.model import Block, DateMention, Document, Source, Token, check_spans, _plain


def _doc(text="2020年9月25日に開催", mention=(0, 10)):
    s, e = mention
    d = Document(doc_id="a/b", source=Source(path="a/b.txt", sha256="a" * 64, format="text", bytes=len(text.encode())),
                 text=text, blocks=[Block(id=0, start=0, end=len(text), lang="ja")])
    d.language = {"primary": "ja", "present": ["ja"], "blocks": {"ja": 1}}
    d.pipeline = {"version": "0", "config_sha256": "x"}
    d.dates = [DateMention(text=text[s:e], start=s, end=e, value="2020-09-25", kind="day")]
    return d


def test_json_is_canonical_and_valid():
    doc = _doc()
    text = output.document_json(doc)
    obj = json.loads(text)
    assert output.validate(obj) == []
    assert text == output.dumps(json.loads(text), compact=True), "re-serialising gives the same bytes"
    assert text.count("\n") == 1, "one line per document"
    assert list(obj) == sorted(obj), "keys sorted"
    assert "published_hints" not in obj
    assert "2020年" in text, "UTF-8, not \\u escapes"


# What a document holds: any text (control characters, quotes, backslashes, CJK, emoji,
# U+2028), ints, booleans, null, and confidences rounded to two places.
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_leaf = _text | st.integers(-2**53, 2**53) | st.booleans() | st.none() | st.floats(0, 1).map(lambda x: round(x, 2))
_json = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_text, inner, max_size=5),
                     max_leaves=40)


@given(_json)
def test_compact_form_is_the_standard_encoders_text(obj):
    """The compact encoder (orjson) writes what json.dumps would: outputs stay byte-identical."""
    assert output.dumps(obj, compact=True) == json.dumps(obj, ensure_ascii=False, sort_keys=True,
                                                         separators=(",", ":")) + "\n"


def test_plain_matches_dataclasses_asdict():
    from dataclasses import asdict

    doc = _doc()
    doc.blocks[0].tokens = [Token("2020", "2020", "名詞-数詞", 0, 4)]
    doc.blocks[0].sentences = [[0, 10]]
    doc.published_hints = [("text_footer", "2020.9.25")]
    assert _plain(doc) == json.loads(json.dumps(asdict(doc)))


@pytest.mark.parametrize("mutate, where", [
    (lambda o: o.pop("text"), "<root>"),
    (lambda o: o["dates"][0].update(value="2020/9/25"), "dates/0/value"),
    (lambda o: o["dates"][0].update(kind="week"), "dates/0/kind"),
    (lambda o: o["source"].update(format="docx"), "source/format"),
    (lambda o: o["attendance"].append({"text": "x", "start": 0, "end": 1, "value": -3, "qualifier": "exact",
                                       "cumulative": False, "unit": "persons", "breakdown": [], "event": {},
                                       "confidence": 1.0}), "attendance/0/value"),
])
def test_schema_rejects_broken_output(mutate, where):
    obj = json.loads(output.document_json(_doc()))
    mutate(obj)
    problems = output.validate(obj)
    assert problems and any(p.startswith(where) for p in problems), problems


def test_check_spans_reports_a_mention_that_does_not_point_at_its_text():
    assert check_spans(_doc()) == []
    bad = _doc()
    bad.dates[0].start += 1
    assert len(check_spans(bad)) == 1


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    p = tmp_path / "sub" / "x.json"
    output.write_atomic(p, "first")
    output.write_atomic(p, "second")
    assert p.read_text() == "second"
    assert os.listdir(p.parent) == ["x.json"]
    assert p.stat().st_mode & 0o044, "readable by others, like any file the user writes (umask permitting)"


def test_write_atomic_failure_keeps_the_old_file(tmp_path):
    p = tmp_path / "x.json"
    output.write_atomic(p, "old")
    with pytest.raises(TypeError):
        output.write_atomic(p, 12345)  # not str/bytes: fails before the rename
    assert p.read_text() == "old"
    assert os.listdir(tmp_path) == ["x.json"]


def test_to_dict_equals_dataclasses_asdict_on_a_real_document():
    import dataclasses
    from pathlib import Path

    from pipeline import run
    from pipeline.config import Config

    from conftest import CORPUS

    path = CORPUS / "seeds" / "002_3e3a63d572cda83e.txt"
    doc = run.process(path, doc_id=path.stem, rel_path=path.name, config=Config())
    ref = dataclasses.asdict(doc)
    ref.pop("published_hints")
    assert doc.to_dict() == ref
    assert any(b["tokens"] for b in ref["blocks"])
