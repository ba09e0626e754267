"""Japanese organisation compounds: the units and runs orgpatterns_ja names are read from.

Tokens become units (a gazetteer match folded into one unit, (株) into one legal-form word);
windows are the stretches of a block around organisation words, legal forms and gazetteer
names; compounds are the maximal runs of adjacent nominal units that hold a possible
organisation word, grown outwards from those words (a single line break inside a word does
not end a run).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..model import Token
from .gazetteer import Found, trie_regex
from .orgwords import OrgWords

NOMINAL = ("名詞", "接頭辞", "接尾辞", "形状詞")
DOT = "・･＝゠="  # ＝ joins the parts of a foreign name too (アル＝ファラビ)
_MARKS = ("㈱", "（株）", "㈲", "（有）")  # company legal forms written as one symbol

@dataclass(slots=True)
class Unit:
    text: str
    start: int
    end: int
    pos: str
    gaz: Found | None = None



# a unit before it is known to be part of a compound: (text, start, end, pos, gazetteer match);
# only the units of the compounds become Unit objects
Raw = tuple[str, int, int, str, "Found | None"]


def units(tokens: list[Token], gaz: list[Found], w: OrgWords) -> list[Raw]:
    """Tokens with gazetteer matches folded into single units, (株) into one legal-form word
    and 第 + a kanji numeral before a name word into one name word (第四|北越銀行)."""
    if not gaz:
        surfaces = [t.surface for t in tokens]
        if "(" not in surfaces and "（" not in surfaces and "第" not in surfaces:  # nothing to fold
            return [(t.surface, t.start, t.end, _pos(t), None) for t in tokens]
    out: list[Raw] = []
    gi = 0
    gaz = sorted(gaz, key=lambda f: f.start)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        while gi < len(gaz) and gaz[gi].end <= t.start:
            gi += 1
        if gi < len(gaz) and gaz[gi].start == t.start:
            g = gaz[gi]
            j = i
            while j < len(tokens) and tokens[j].end <= g.end:
                j += 1
            out.append(("".join(x.surface for x in tokens[i:j]), g.start, g.end, "GAZ", g))
            i = j
            continue
        if t.surface in ("(", "（") and i + 2 < len(tokens) and tokens[i + 1].surface in ("株", "有") and \
                tokens[i + 2].surface in (")", "）") and tokens[i + 2].start == t.end + 1:
            out.append((t.surface + tokens[i + 1].surface + tokens[i + 2].surface, t.start, tokens[i + 2].end,
                        "名詞-普通名詞", None))  # (株): one legal-form word
            i += 3
            continue
        k = _ordinal_name(tokens, i, w) if t.surface == "第" else i
        if k > i:
            out.append(("".join(x.surface for x in tokens[i:k]), t.start, tokens[k - 1].end, "名詞-固有名詞", None))
            i = k
            continue
        out.append((t.surface, t.start, t.end, _pos(t), None))
        i += 1
    return out


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")


def _pos(t: Token) -> str:
    """A legal-form mark is a common noun; so is a kanji the dictionary does not know, tagged as a
    symbol (股份有限公司: 份; rare and traditional characters of Chinese and Korean names)."""
    if t.surface in _MARKS or t.pos == "記号-一般" and _HAN.fullmatch(t.surface):
        return "名詞-普通名詞"
    return t.pos


_KANJI_NUM = re.compile("[〇一二三四五六七八九十百千]+")


def _ordinal_name(tokens: list[Token], i: int, w: OrgWords) -> int:
    """第 at tokens[i] + kanji numerals + a noun that is no counter, stop, generic or country
    word: the end of the name word 第四, 第一, 第十八 (第四北越銀行, 第一三共); else i (第2回,
    第三者, 第一部, 第二地方銀行, 第一会議室 stay ordinals)."""
    k = i + 1
    while k < len(tokens) and tokens[k].start == tokens[k - 1].end and tokens[k].pos.startswith("名詞-数詞") and \
            _KANJI_NUM.fullmatch(tokens[k].surface):
        k += 1
    if k == i + 1 or k == len(tokens):
        return i
    nx = tokens[k]
    if nx.start != tokens[k - 1].end or not nx.pos.startswith("名詞") or nx.pos.startswith("名詞-数詞") or \
            nx.surface in w.ja_counters or nx.surface in w.ja_stop or nx.surface in w.ja_generic or \
            nx.surface in w.ja_country:
        return i
    last = k  # 第一|会議室, 第二|研究室: a compound ending in a division word is a numbered room or unit
    while last + 1 < len(tokens) and last - k < 5 and tokens[last + 1].start == tokens[last].end and \
            tokens[last + 1].pos.startswith(("名詞", "接尾辞")):
        last += 1
    tail = tokens[last].surface
    if any(tail.endswith(h) for h in _unit_heads(w)):
        return i
    return k


@lru_cache(maxsize=4)
def _unit_heads(w: OrgWords) -> tuple[str, ...]:
    return tuple(h for h, x in w.ja_heads.items() if x.role == "unit")


def compounds(units: list[Raw], w: OrgWords, text: str = "") -> list[list[Unit]]:
    """Maximal runs of adjacent nominal units that hold a possible organisation word (a
    gazetteer unit or a unit ending a head word); stop words and non-nominals end a run. A
    single line break inside a word or before its head word (新潟国際\n情報大学) does not end
    it. Runs grow outwards from those units only: the rest of the window is never scanned."""
    stop, self_, ends, fused = w.ja_stop, w.ja_self, head_ends(w), w.ja_fused

    def nominal(u: Raw) -> bool:
        return u[0] not in stop and u[0] not in self_ and (u[4] is not None or u[3].startswith(NOMINAL))

    def dot(u: Raw) -> bool:
        return u[0] in DOT and u[0] not in stop and u[0] not in self_

    def inside(i: int) -> bool:  # units[i] belongs to some run (a ・ only after a run)
        while not nominal(units[i]):
            if not dot(units[i]) or i == 0:
                return False
            i -= 1
        return True

    def joined(a: Raw, b: Raw) -> bool:
        return b[1] == a[2] or wrapped(text, a, b, w)

    runs: list[list[Unit]] = []
    n, last = len(units), -1
    for k in [k for k, u in enumerate(units) if u[4] is not None or u[0] in ends or u[0] in fused]:
        if k <= last or not inside(k):
            continue
        lo = k
        while lo > 0 and joined(units[lo - 1], units[lo]) and inside(lo - 1):
            lo -= 1
        last = k
        while last + 1 < n and (nominal(units[last + 1]) or dot(units[last + 1])) and \
                joined(units[last], units[last + 1]):
            last += 1
        runs.append([Unit(*u) for u in units[lo:last + 1]])
    return runs


def wrapped(text: str, a: Raw, b: Raw, w: OrgWords) -> bool:
    """a, a line break, b: one word wrapped, unless a already ends an organisation word."""
    return text[a[2]:b[1]] == "\n" and a[4] is None and not any(
        a[0].endswith(h) for h in w.ja_heads) and bool(re.match(r"[\u3040-\u30ff\u3400-\u9fff]", text[b[1]:b[2]]))



@lru_cache(maxsize=4)
def head_ends(w: OrgWords) -> frozenset[str]:
    """Every suffix of a head word: a unit that is none of them cannot end a head."""
    return frozenset(h[i:] for h in w.ja_heads for i in range(len(h)))



@lru_cache(maxsize=4)
def cue_re(w: OrgWords) -> re.Pattern:
    return trie_regex(sorted(set(w.ja_heads) | set(w.ja_fused) | set(w.ja_legal)), re.NOFLAG)



def windows(text: str, tokens: list[Token], gaz: list[Found], w: OrgWords) -> list[list[Token]]:
    """Stretches of tokens around organisation words, legal forms and gazetteer names: the
    rest of the block cannot hold a name, and is never looked at token by token."""
    if not tokens:
        return []
    s0, e0 = tokens[0].start, tokens[-1].end
    hits = [m.start() for m in cue_re(w).finditer(text, s0, e0)] + [f.start for f in gaz]
    if not hits:
        return []
    starts = [t.start for t in tokens]
    spans: list[list[int]] = []
    for h in sorted(hits):
        i = max(0, bisect_right(starts, h) - 1)
        lo, hi = max(0, i - 24), min(len(tokens), i + 12)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [tokens[lo:hi] for lo, hi in spans]

