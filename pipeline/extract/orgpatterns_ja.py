"""Discovery of Japanese organisation names from fugashi tokens.

A name is a noun compound (adjacent nominal tokens) ending in an organisation word
(大学, 研究所, 省, 協会, ... from org_words.toml). Boundaries come from morphology:
particles, punctuation and spaces end a compound; a person's given name (人名-名) before the
organisation is cut off (宮川清巳外務省 → 外務省); 在/在日 start a name (PAVLENKO在日ロシア連邦
通商代表部). Gazetteer matches inside a compound are whole units: what follows them is a chain
of sub-units (外務省|欧州局|日露経済室), each reported with its parent's id.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Token
from . import orgforms_ja, orgruns_ja
from .gazetteer import Found, Gazetteer, trie_regex
from .orgruns_ja import DOT, Unit
from .orgtokens import academy
from .orgwords import Head, OrgWords, place_en
from .romanize import romaji, slug

# 両国の司法省, 各国の外務省, 双方の大学: an organisation word for each of several is no one organisation
_EACH = re.compile(r"(?:両|各|双方|諸|相手)(?:国|大学|校|機関|都市|政府|地域)?(?:の|に(?:ある|おける))$")

_KATA = re.compile(r"[\u30a0-\u30ff]+")
_ACRO = re.compile(r"[A-ZＡ-Ｚ]{2,8}")  # ASEAN大学ネットワーク: a Latin acronym names what follows


@lru_cache(maxsize=4096)
def _person_part(surface: str, surnames: bool = False) -> bool:
    """True for a given name or a foreign person name (UniDic 人名-名 / 人名-一般; with
    `surnames`, 人名-姓 too), looked up out of context through the segment stage's tagger
    (Token.pos stops at pos2). A lone surname is kept by default: 金沢, 石川 are places too."""
    from ..segment import tagger

    ws = list(tagger()(surface))
    if len(ws) != 1:
        return False
    f = ws[0].feature
    return f.pos3 == "人名" and (f.pos4 in ("名", "一般") or surnames and f.pos4 == "姓")




def _heads(run: list[Unit], w: OrgWords) -> list[tuple[int, int, int, Head | None]]:
    """(first unit, last unit, end offset, head) of every organisation word in the run; a
    gazetteer unit counts as a head of its own (head None). Longest head wins at each end."""
    out = []
    ends = orgruns_ja.head_ends(w)
    for k, u in enumerate(run):
        if u.gaz is not None:
            out.append((k, k, u.end, None))
            continue
        if u.text not in ends and u.text not in w.ja_fused:
            continue
        cands = []
        # heads ending at the end of unit k (possibly spanning several units)
        text = ""
        for i in range(k, max(-1, k - 4), -1):
            text = run[i].text + text
            if text in w.ja_heads:
                cands.append((i, k, u.end, w.ja_heads[text]))
        # a head fused with a title: 研究 + 院長 → 研究院
        if u.text in w.ja_fused:
            part = w.ja_fused[u.text]
            text = part
            for i in range(k, max(-1, k - 4), -1):
                if i < k:
                    text = run[i].text + text
                if text in w.ja_heads and i < k:
                    cands.append((i, k, u.start + len(part), w.ja_heads[text]))
        if cands:
            out.append(max(cands, key=lambda c: c[2] - run[c[0]].start))
    # heads inside a legal form written before a name (公益財団法人…) are not heads
    legal = set()
    for a in range(len(run)) if _legal_in(w).search("".join(u.text for u in run)) else ():
        text = ""
        for b in range(a, min(len(run), a + 4)):
            text += run[b].text
            if text in w.ja_legal and (a == 0 or b + 1 < len(run)) and not _suffix_form(run, a, b, text, w):
                legal.update(range(a, b + 1))
    out = [h for h in out if h[1] not in legal]
    # a head right before another organisation word is part of it (東北学院|大学)
    out = [h for n, h in enumerate(out) if not (
        n + 1 < len(out) and h[3] is not None and out[n + 1][3] is not None and
        out[n + 1][0] == h[1] + 1 and out[n + 1][3].role == "org")]
    # 学校町, 大学通り, 学園前駅: an address word after the head makes a street or district name
    out = [h for h in out if h[3] is None or h[1] + 1 == len(run) or run[h[1] + 1].text not in w.ja_address]
    # drop heads inside a longer one (大学 inside 大学院 is not two heads)
    keep = []
    for h in out:
        if keep and h[0] <= keep[-1][1] and h[2] > keep[-1][2]:
            keep[-1] = h
        elif not keep or h[0] > keep[-1][1]:
            keep.append(h)
    return keep


def _suffix_form(run: list[Unit], a: int, b: int, form: str, w: OrgWords) -> bool:
    """北海道電力株式会社北見支店: a company form after a name ends the company's name (its
    branches follow); after a generic word (協賛企業株式会社X) it begins the next name."""
    return a > 0 and w.ja_legal[form] == "company" and run[a - 1].gaz is None and \
        not _generic(run[:a], w) and any(u.pos == "名詞-固有名詞" or _KATA.fullmatch(u.text) for u in run[:a])


@lru_cache(maxsize=4)
def _legal_in(w: OrgWords) -> re.Pattern:
    """Any legal form: a run whose text holds none has no legal form made of its units."""
    return trie_regex(sorted(w.ja_legal), re.NOFLAG)




def _start(run: list[Unit], first_head: int, w: OrgWords, unit_head: bool = False) -> int:
    """Where the name begins: after a given name, at 在/駐日, after a legal form."""
    start = 0
    for k in range(first_head):
        u = run[k]
        if u.text in w.ja_start:
            start = k
        elif u.pos == "名詞-固有名詞" and k + 1 < first_head and _person_part(u.text, unit_head) and \
                place_en(w, u.text) is None and run[k + 1].text not in "＝゠=":  # ジャン＝モネ: one name
            start = k + 1  # a given name before the name (カザン, a city, is a person name in UniDic too)
        elif _KATA.fullmatch(u.text) and u.pos == "名詞-普通名詞" and k + 1 < first_head and \
                run[k + 1].pos == "名詞-固有名詞" and not _KATA.fullmatch(run[k + 1].text):
            start = k + 1  # ユリヤ・ディチャチエヴァ創価学園 → 創価学園
        elif u.pos.startswith("名詞-数詞") and k + 1 < first_head and run[k + 1].text in ("回", "期", "次"):
            start = k + 2
    # a legal form (一般社団法人), after generic words only (協賛企業|株式会社), is left out of the name
    for a in range(start, first_head):
        text = ""
        for k in range(a, first_head):
            text += run[k].text
            if text in w.ja_legal:
                return k + 1
        if run[a].text not in w.ja_generic:
            break
    return start


def _inside_name(run: list[Unit], heads: list, n: int) -> bool:
    """A company's gazetteer name (no organisation word at its end) followed by other words and
    an organisation or association word: one longer name (日本航空|宇宙学会, 日本郵船|歴史協会)."""
    i, j = heads[n][0], heads[n][1]
    g, nx = run[i].gaz, heads[n + 1] if n + 1 < len(heads) else None
    last = heads[-1]
    if g is not None and _ACRO.fullmatch(run[i].text) and last[3] is not None and last[3].role == "assoc" and \
            all(u.gaz is None and u.pos.startswith(("名詞", "接頭辞")) for u in run[j + 1:last[0]]):
        return True  # ASEAN|大学ネットワーク, APEC|研究者協会: an acronym naming a body of members
    return g is not None and g.type == "company" and g.source == "gazetteer" and nx is not None and \
        nx[3] is not None and nx[3].role in ("org", "assoc") and nx[0] > j + 1 and \
        all(u.gaz is None and u.pos.startswith(("名詞", "接頭辞")) for u in run[j + 1:nx[0]])


def _lead_form(run: list[Unit], start: int, w: OrgWords, s: int) -> int:
    """Where a legal form made of the units right before run[start] begins (株式会社, (株),
    公益財団法人, 国立大学法人), else s: the form is part of the name as written."""
    text = ""
    for k in range(start - 1, max(-1, start - 4), -1):
        text = run[k].text + text
        if text in w.ja_legal:
            return run[k].start
    return s


def _own_unit(text: str, run: list[Unit], s: int, w: OrgWords) -> bool:
    """A division named without its organisation is kept only where the organisation is the
    writer (after 本学/当/our) or named right before the bracket it stands in
    (北見工業大学（国際部国際連携課）); a bare bracketed byline （総務部広報課） is no institution."""
    before = text[max(0, s - 3):s]
    if re.search(r"(?:本学|当|本学の)$", before):
        return True
    e = run[-1].end
    if not (s > 1 and text[s - 1:s] in "（(" and text[e:e + 1] in "）)"):
        return False
    prev = text[max(0, s - 12):s - 1]
    return any(prev.endswith(h) for h, x in w.ja_heads.items() if x.role in ("org", "assoc", "either")) or \
        any(prev.endswith(x) for x in w.ja_self)


def _generic(mods: list[Unit], w: OrgWords, head: Head | None = None) -> bool:
    """A name made only of generic words, country words, numbers and affixes."""
    if not mods:
        return True
    if mods[-1].pos.startswith("名詞-数詞"):
        return True  # 27大学, 19校: a count
    if head is not None and head.word in w.ja_country_named and all(u.text in w.ja_country for u in mods):
        return False  # 韓国科学技術院, 中国科学院: a national body named by its country
    content = [u for u in mods if u.text not in DOT and not u.pos.startswith(("接尾辞", "補助記号"))
               and u.text not in w.ja_generic and u.text not in w.ja_heads]
    named = any(u.text in w.ja_heads for u in mods)  # 北星|学園|大学: X学園 is a name
    if len(content) == 1 and content[0].pos == "名詞-普通名詞" and (_KATA.fullmatch(content[0].text) or (
            head is not None and head.type in ("university", "school") and not named)):
        return True  # バイリンガル学校, 語学学校: a word describing the school, not naming it
    for u in mods:
        if u.text in DOT or u.pos.startswith(("接尾辞", "補助記号", "名詞-数詞")):
            continue
        if u.text in w.ja_generic or u.text in w.ja_country:
            continue
        return False
    return True


def _en(mods: list[Unit], head: Head | None, w: OrgWords) -> str:
    parts = []
    for u in mods:
        if u.text in DOT:
            continue
        if u.gaz is not None:
            parts.append(u.gaz.en or romaji(u.text).title())
            continue
        p = place_en(w, u.text)
        h = w.ja_heads.get(u.text)
        parts.append(w.ja_translate.get(u.text) or (p[0] if p else h.en if h else romaji(u.text).title()))
    if head is not None:
        parts.append(head.en)
    return " ".join(p for p in parts if p)


def _mission(mods: list[Unit], head: Head, w: OrgWords) -> tuple[str, str | None]:
    """English name and sending country of 在ロシア日本大使館 / 在日ロシア連邦大使館 /
    在サンクトペテルブルク日本総領事館."""
    host = sender = None
    code = None
    texts = [u.text for u in mods if u.text not in DOT]
    i = 0
    if texts and texts[0] in ("在日", "駐日"):
        host, i = "Japan", 1
    elif texts and texts[0] in ("在", "駐"):
        i = 1
    while i < len(texts):
        for j in range(len(texts), i, -1):
            p = place_en(w, "".join(texts[i:j]))
            if p:
                if host is None and texts[:1] in (["在"], ["駐"]):
                    host = p[0]
                elif sender is None:
                    sender, code = p
                i = j
                break
        else:
            i += 1
    if sender is None and host is None:
        return _en(mods, head, w), None
    en = f"{head.en} of {sender or 'Unknown'}" + (f" in {host}" if host else "")
    return en, code


def discover(text: str, tokens: list[Token], gaz: list[Found], w: OrgWords,
             g: Gazetteer, lang: str | None = "ja") -> list[Found]:
    """New organisations and sub-units in one Japanese block (gazetteer matches in `gaz`)."""
    out: list[Found] = []
    for window in orgruns_ja.windows(text, tokens, gaz, w):
        out += _discover(text, window, gaz, w, g, lang)
    if tokens:
        out += orgforms_ja.kata_company(text, tokens[0].start, tokens[-1].end, lang)
    return out



def _discover(text: str, tokens: list[Token], gaz: list[Found], w: OrgWords,
              g: Gazetteer, lang: str | None) -> list[Found]:
    out: list[Found] = []
    for run in orgruns_ja.compounds(orgruns_ja.units(tokens, gaz, w), w, text):
        heads = _heads(run, w)
        if not heads:
            continue
        h0 = heads[0][3]
        start = _start(run, heads[0][0], w, h0 is not None and h0.role == "unit")
        heads = [h for h in heads if h[0] >= start]
        # 石川ロシア大学交流コンソーシアム: heads before an association word are part of its name
        for a in range(len(heads) - 1, 0, -1):
            h = heads[a][3]
            if h is not None and h.role == "assoc" and all(x[3] is not None for x in heads[:a]):
                heads = heads[a:]
                break
        parent: Found | None = None  # what the next piece belongs to
        grand: Found | None = None  # the parent of the last piece (for ・ coordination)
        pending = start
        for n, (i, j, end, head) in enumerate(heads):
            if head is None:  # a gazetteer unit
                if _inside_name(run, heads, n):
                    continue  # 日本航空|宇宙学会: the company's name begins a longer name
                grand, parent = parent, run[i].gaz
                pending = j + 1
                continue
            mods = [u for u in run[pending:i] if u.gaz is None or u.gaz.type == "company" and u.end < run[i].start]
            if head.role == "unit" and not mods and n + 1 < len(heads) and heads[n + 1][3] is not None:
                continue  # 大学院 + 工学研究院: one piece
            coord = bool(mods) and mods[0].text in DOT
            if coord:
                mods = [u for u in mods if u.text not in DOT]
            s = mods[0].start if mods else run[i].start
            owner = grand if coord else parent
            is_sub = owner is not None and head.role != "org"
            if is_sub and not mods and head.role != "unit":
                pending = j + 1
                continue
            # a place right after a consortium/association word (大学コンソーシアム石川)
            tail = []
            if head.role == "assoc" and not is_sub and n + 1 == len(heads):
                t = j + 1
                while t < len(run) and run[t].pos == "名詞-固有名詞" and run[t].gaz is None:
                    t += 1
                if t > j + 1 and mods and (t == len(run) or not run[t].pos.startswith("名詞")) and \
                        not any(u.text in w.ja_country for u in run[j + 1:t]):
                    tail = run[j + 1:t]
            if head.named and not any(u.pos == "名詞-固有名詞" or u.gaz is not None or _ACRO.fullmatch(u.text)
                                      for u in mods):
                pending = j + 1
                continue  # 交流・ネットワーク構築: a network, not one named
            if not is_sub and (_generic(mods, w, head) and not tail or
                               head.role == "unit" and not _own_unit(text, run, s, w) or
                               _EACH.search(text, max(0, s - 8), s) and not any(
                                   u.pos == "名詞-固有名詞" or u.gaz is not None for u in mods)):
                pending = j + 1
                continue
            f = _piece(text, s, end, mods, head, owner if is_sub else None, w, g, lang)
            if mods and mods[0].gaz is not None or head.role == "assoc" and any(
                    u.start == f.start and _ACRO.fullmatch(u.text) for u in run):
                f.tags.add("absorbs")  # the gazetteer name inside it is no mention of its own
            if not is_sub and 0 < start == pending and s == run[start].start:
                f.start = _lead_form(run, start, w, f.start)  # 株式会社|北陸銀行: the form as written
            if is_sub and head.type == "research_institute" and academy(owner) and owner.end == s:
                f.start = owner.start  # ロシア科学アカデミー極東支部|歴史学研究所: named with its academy
            if tail:
                f.end = tail[-1].end
                f.name = text[f.start:f.end]
                f.en += " " + " ".join(romaji(u.text).title() for u in tail)
                f.id = slug(f.en)
            out.append(f)
            if not coord:
                grand, parent = owner if is_sub else None, f
            pending = j + 1
    out.extend(orgforms_ja.legal_quoted(text, tokens, w, lang))
    return out


def _piece(text: str, s: int, end: int, mods: list[Unit], head: Head, parent: Found | None,
           w: OrgWords, g: Gazetteer, lang: str | None) -> Found:
    surface = text[s:end]
    country = None
    if head.role == "mission":
        en, country = _mission(mods, head, w)
    else:
        en = _en(mods, head, w)
    if parent is not None:
        pen = parent.en or parent.name
        f = Found(s, end, f"{parent.id}-{slug(en)}", text[parent.start:parent.end] + surface,
                  "sub_unit" if head.role == "unit" else head.type, parent.country, parent.id,
                  "pattern", 0.6, en=f"{pen} {en}".strip(), role=head.role, lang=lang)
        return f
    e = g.lookup_key(en) if head.role != "mission" else None
    if e is not None and e.type == head.type:
        return Found(s, end, e.id, "", e.type, e.country or None, e.parent or None, "pattern", 0.8,
                     en=e.en[0] if e.en else en, role="org", lang=lang)
    return Found(s, end, slug(en), surface, head.type, country, None, "pattern", 0.7, en=en,
                 role=head.role, lang=lang)
