"""orgruns_ja.compounds grows runs outwards from possible organisation words only; it must
give exactly the maximal runs a plain left-to-right scan gives, keeping those that hold one."""
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import orgwords
from pipeline.extract.orgruns_ja import DOT as _DOT, NOMINAL as _NOMINAL, compounds as _compounds, head_ends as _head_ends, wrapped as _wrapped

W = orgwords.default()
_WORDS = ["・", "･", "大学", "学", "北海", "研究", "所", "ロシア", "新", "の", "(株)"] + \
    sorted(W.ja_stop)[:3] + sorted(W.ja_heads)[:6] + list(W.ja_self)[:1] + list(W.ja_fused)[:2]
_POS = ["名詞-普通名詞", "名詞-固有名詞", "助詞-格助詞", "接尾辞-名詞的", "補助記号-一般", "形状詞-一般", "動詞-一般"]


def _reference(units, text):
    runs, cur = [], []
    for u in units:
        nominal = u[4] is not None or u[3].startswith(_NOMINAL) or (u[0] in _DOT and cur)
        if u[0] in W.ja_stop or u[0] in W.ja_self:
            nominal = False
        if nominal and cur and u[1] != cur[-1][2] and not _wrapped(text, cur[-1], u, W):
            runs.append(cur)
            cur = []
        if nominal:
            cur.append(u)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    ends = _head_ends(W)
    return [[(u[1], u[2]) for u in r] for r in runs
            if any(u[4] is not None or u[0] in ends or u[0] in W.ja_fused for u in r)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_POS), st.booleans(),
                          st.sampled_from(["", "", "", "\n", " "])), max_size=14))
def test_compounds_match_a_plain_scan(parts):
    text, units = "", []
    for word, pos, gaz, gap in parts:
        text += gap
        s = len(text)
        text += word
        units.append((word, s, len(text), pos, object() if gaz and word == "北海" else None))
    got = [[(u.start, u.end) for u in r] for r in _compounds(units, W, text)]
    assert got == _reference(units, text)
