"""Safe NFKC and line re-joining with a reversible offset map (pipeline/ingest/normalize.py)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.normalize import Mapped, join_lines, joiner, nfkc

NFKC_CASES = [
    ("ＡＢＣ１２３", "ABC123"),              # full-width ASCII
    ("令和２年（２０２０年）２月", "令和2年(2020年)2月"),
    ("ｶﾞｸｾｲ", "ガクセイ"),                   # half-width katakana with voicing mark
    ("か\u3099", "が"),                       # combining voicing mark
    ("⼤学", "大学"),                          # Kangxi radical
    ("吉岡\u3000路", "吉岡 路"),               # ideographic space
    ("①医療健康", "①医療健康"),              # circled numbers are list markers: kept
    ("m²", "m²"),                             # superscripts kept
    ("½", "½"),                               # fractions kept
    ("続く…", "続く…"),                       # ellipsis keeps its length
    ("soft\u00adhyphen", "softhyphen"),        # format characters dropped
    ("2020年〜2021年", "2020年~2021年"),       # wave dash folded like the full-width tilde
    ("ﬁnal", "final"),                        # ligature expands
    ("Москва 2020", "Москва 2020"),
]


@pytest.mark.parametrize("raw,expected", NFKC_CASES)
def test_nfkc_safe(raw, expected):
    m = nfkc(raw)
    assert m.text == expected
    _check_map(m, raw)


JOIN_CASES = [
    (["筑波大学東京", "キャンパスにおいて"], "筑波大学東京キャンパスにおいて"),
    (["held the", "symposium"], "held the symposium"),
    (["inter-", "national exchange"], "international exchange"),
    (["Japan-", "Russia symposium"], "Japan-Russia symposium"),
    (["2019", "年度の専門セクション"], "2019年度の専門セクション"),
    (["Igor TITOV在日ロシア連", "邦大使館"], "Igor TITOV在日ロシア連邦大使館"),
    (["参加した。", "The next day"], "参加した。The next day"),
    (["Москва и", "Токио"], "Москва и Токио"),
]


@pytest.mark.parametrize("lines,expected", JOIN_CASES)
def test_join_lines(lines, expected):
    source = "\n".join(lines)
    pieces, pos = [], 0
    for ln in lines:
        pieces.append(nfkc(ln, pos))
        pos += len(ln) + 1
    joined = join_lines(pieces)
    assert joined.text == expected
    _check_map(joined, source)


@pytest.mark.parametrize("prev,nxt,expected", [
    ("word-", "wrapped", (1, "")), ("Word-", "Wrapped", (0, "")), ("日本", "語", (0, "")),
    ("end", "start", (0, " ")), ("2020", "年", (0, "")), ("", "x", (0, "")),
])
def test_joiner(prev, nxt, expected):
    assert joiner(prev, nxt) == expected


def test_to_source_maps_a_span_back():
    raw = "第２回は約１６０名が参加"
    m = nfkc(raw)
    i = m.text.index("160名")
    s, e = m.to_source(i, i + len("160名"))
    assert raw[s:e] == "１６０名"


def _check_map(m: Mapped, source: str) -> None:
    assert len(m.starts) == len(m.ends) == len(m.text)
    assert m.starts == sorted(m.starts) and m.ends == sorted(m.ends)
    for i, ch in enumerate(m.text):
        s, e = m.starts[i], m.ends[i]
        assert 0 <= s <= e <= len(source)
        if e > s and not ch.isspace():
            # the character comes from that stretch of the source
            assert ch in unicodedata.normalize("NFKC", source[s:e]) or ch in source[s:e] or ch == "~"


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
LINE = st.text(alphabet=st.sampled_from(list("abcXYZ日本語ｶﾞｸ１２ - ①\u3099\u00ad")), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_nfkc_map_is_monotone_and_inside_the_source(raw):
    m = nfkc(raw)
    _check_map(m, raw)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_nfkc_is_idempotent(raw):
    once = nfkc(raw).text
    assert nfkc(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=5))
def test_join_lines_map_is_monotone(lines):
    source = "\n".join(lines)
    pieces, pos = [], 0
    for ln in lines:
        pieces.append(nfkc(ln, pos).strip())
        pos += len(ln) + 1
    joined = join_lines(pieces)
    _check_map(joined, source)
    assert "\n" not in joined.text
