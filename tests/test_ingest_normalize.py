"""Safe NFKC and line re-joining with a reversible offset map (pipeline/ingest/normalize.py)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import json

from pipeline.ingest import blocks, normalize
from pipeline.ingest.blocks import RawBlock, assemble
from pipeline.ingest.normalize import Mapped, display_width, is_wide, join_lines, joiner, nfkc, scrub, wide_share

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


# --- characters that break JSON/XML consumers ----------------------------------------------

SCRUB_CASES = [
    ("lone high surrogate", "a\ud800b", "a\ufffdb"),
    ("lone low surrogate", "\udc80x", "\ufffdx"),
    ("NUL", "a\x00b", "a\ufffdb"),
    ("escape sequence", "\x1b[31mred", "\ufffd[31mred"),
    ("DEL and a C1 control", "a\x7f\x9bb", "a\ufffd\ufffdb"),
    ("non-characters", "\ufffe\uffff", "\ufffd\ufffd"),
    ("tab and line breaks kept", "a\tb\nc\r", "a\tb\nc\r"),
    ("ordinary text kept", "日露 Москва ①", "日露 Москва ①"),
]


@pytest.mark.parametrize("name,raw,expected", SCRUB_CASES, ids=[c[0] for c in SCRUB_CASES])
def test_scrub(name, raw, expected):
    assert scrub(raw) == expected


def test_block_with_a_lone_surrogate_keeps_its_offsets():
    """An odd decoder or a numeric reference (&#xD800;) left a surrogate: the document text takes
    U+FFFD in its place (one code point for one), and the JSON encoder no longer fails."""
    text, blocks = assemble([RawBlock(nfkc("日露\ud800フォーラム\x00開催")), RawBlock(nfkc("ok"))])
    assert text.text == "日露\ufffdフォーラム\ufffd開催\n\nok"
    assert text.to_source(2, 3) == (2, 3)
    assert [(b.start, b.end) for b in blocks] == [(0, 11), (13, 15)]
    json.dumps(text.text, ensure_ascii=False).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF), max_size=40))
def test_scrub_is_one_for_one_and_leaves_utf8_encodable_text(raw):
    out = scrub(raw)
    assert len(out) == len(raw) and scrub(out) == out
    out.encode("utf-8")
    assert all(c in "\t\n\r" or (ord(c) >= 0x20 and not 0x7f <= ord(c) <= 0x9f or c == "\x85") for c in out)


# --- the bulk (translate/regex/accumulate) forms equal the per-character definitions -----------

# characters that take every path of nfkc: ASCII, one-for-one (full-width, half-width kana),
# combining and half-width voicing marks, expansions (Ⅱ, ㈱, ﬁ), deletions (soft hyphen),
# kept compatibility characters (①, ², …), wide and narrow spaces, line breaks
_CHARS = list("aZ1 .\n\t日本語。ＡＢ１ｶﾞｸﾟ\uff9e\uff9f\u3099\u309a\u0301\u0308Ⅱ㈱ﬁ\u00ad\u200b①²½…\u3000\u00a0\u301cеё𠮷😀\U0001d165")
_TEXT = st.text(alphabet=st.sampled_from(_CHARS), max_size=60)


def _nfkc_per_cluster(s: str, base: int) -> tuple[str, list[int], list[int]]:
    """The definition: every cluster (a character with the marks after it) through _safe_nfkc."""
    out, starts, ends = [], [], []
    i, n = 0, len(s)
    while i < n:
        j = i + 1
        while j < n and normalize._is_mark(s[j]):
            j += 1
        norm = normalize._safe_nfkc(s[i:j])
        out.append(norm)
        starts.extend([base + i] * len(norm))
        ends.extend([base + j] * len(norm))
        i = j
    return "".join(out), starts, ends


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 5))
def test_nfkc_equals_cluster_by_cluster(s, base):
    m = nfkc(s, base)
    assert (m.text, m.starts, m.ends) == _nfkc_per_cluster(s, base)


@pytest.mark.parametrize("s", ["ＡＢＣ１２３，（株）ｶﾀｶﾅ", "か\u3099きｶﾞ", "e\u0301t\u00e9", "㈱日本", "x\u00ady", "①②",
                               "…‥", "12\u301c13", "\u3099か", "ｶ\uff9e\uff9eⅡⅡ", "Ⅱ\u0301x", "a\u00adb\u00ad",
                               "\n\u0301\n", "ﬁ\u3099", "日本\U0001d165語𠮷"])
def test_nfkc_cluster_edges(s):
    """Only the runs NFKC may change are looked at: the result is the cluster-by-cluster one."""
    m = nfkc(s, 2)
    assert (m.text, m.starts, m.ends) == _nfkc_per_cluster(s, 2)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_display_width_and_wide_share_per_character(s):
    assert display_width(s) == sum(2 if is_wide(c) else 1 for c in s)
    chars = [c for c in s if not c.isspace()]
    assert wide_share(s) == (sum(is_wide(c) for c in chars) / len(chars) if chars else 0.0)


def _monotone_per_character(starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    starts, ends = list(starts), list(ends)
    lo = 0
    for i, s in enumerate(starts):
        starts[i] = lo = max(s, lo)
    lo = 0
    for i, e in enumerate(ends):
        ends[i] = lo = max(e, starts[i], lo)
    return starts, ends


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=30))
def test_monotone_equals_per_character(pairs):
    m = Mapped("x" * len(pairs), [a for a, _ in pairs], [b for _, b in pairs])
    expected = _monotone_per_character(m.starts, m.ends)
    blocks._monotone(m)
    assert (m.starts, m.ends) == expected
