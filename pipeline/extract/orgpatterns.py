"""Discovery of English and Russian organisation names in running text.

English: capitalised phrases around an organisation word (University, Ministry, Institute,
Center ...): "X State University", "University of X", "Ministry of X, Y and Z of the Russian
Federation", "Embassy of X in Y". A phrase stops at lower-case words other than the connectors
(of, for, and, the ...), at commas (except inside an "of" list) and at titles; "X’s Y",
"Y of the X" and "Y, X" make X the parent of a sub-unit Y; an institute "of the" an academy is
named with it (Institute of X of the Siberian Branch of the Russian Academy of Sciences).

Russian names: orgpatterns_ru.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import orgpatterns_ru
from .gazetteer import Found, Gazetteer, trie_regex
from .orgtokens import CYR as _CYR
from .orgtokens import LAT as _LAT
from .orgtokens import Tok, academy, before_masthead, decap, tokens
from .orgtokens import cap as _cap
from .orgwords import Head, OrgWords, national, place_en
from .romanize import slug

_ACRO = re.compile(r"[A-Z][A-Z&]{1,5}")

# ---------------------------------------------------------------------------- English

def _en_head(t: Tok, w: OrgWords) -> Head | None:
    return w.en_heads.get(t.text) if t.gaz is None else None


def _chunks(toks: list[Tok], w: OrgWords) -> list[list[Tok]]:
    """Runs of capitalised words (and gazetteer matches) joined by connectors."""
    out, cur = [], []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.gaz is not None and _LAT.search(t.text) or _cap(t) and (_LAT.match(t.text) or t.text[:1].isdigit()):
            if not cur and t.text in w.en_not_name:
                i += 1
                continue
            cur.append(t)
            i += 1
            continue
        if cur:
            # connectors (and "the") leading to another capitalised word
            j = i
            joins = w.en_connectors | w.en_particles if any(x.text in w.en_head_first for x in cur) else w.en_connectors
            while j < n and toks[j].text in joins:
                j += 1
            # a comma list inside an "of" complement: "of Education, Culture, Sports ... and X"
            if j == i and t.text == "," and any(x.text == "of" for x in cur) and _comma_list(toks, i, w):
                j = i + 1
            if j == i and t.text == "," and i + 1 < n and toks[i + 1].text in w.en_company:
                cur.extend(toks[i:i + 2])  # "Daikin Industries, Ltd.", "Acme Holdings, Inc."
                i += 2
                continue
            if j > i and j < n and (_cap(toks[j]) or toks[j].gaz is not None) and toks[j].text not in w.en_not_name \
                    and not (toks[j - 1].text in ("and", "&") and _possessor(toks, j)):
                cur.extend(toks[i:j])
                i = j
                continue
            out.append(cur)
            cur = []
        i += 1
    if cur:
        out.append(cur)
    return out


_POSSESSIVE = ("’s", "'s", "’", "'")


def _possessor(toks: list[Tok], j: int) -> bool:
    """The capitalised words from toks[j] end in a possessive: "… and Edinburgh’s School of X"
    begins another name (Edinburgh owns it), so "and" does not join it to the one before."""
    k = j
    while k < len(toks) and (_cap(toks[k]) or toks[k].gaz is not None):
        k += 1
    return k > j and k < len(toks) and toks[k].text in _POSSESSIVE


def _complement(ch: list[Tok], s: int) -> bool:
    """The words from ch[s] follow of/in/at (or "of the"): they complete the name before, so an
    "and" among them joins two names (City of X and | Y Government); after "and the" they begin
    a name of their own (… and the Australian Trade and Investment Commission)."""
    k = s - 1 - (ch[s - 1].text == "the")
    return k >= 0 and ch[k].text in ("of", "in", "at")


def _comma_list(toks: list[Tok], i: int, w: OrgWords) -> bool:
    """toks[i] is a comma followed by Cap (, Cap)* and Cap: a list inside a name."""
    j = i
    while j < len(toks) and toks[j].text == "," and j + 1 < len(toks) and _cap(toks[j + 1]):
        j += 2
        while j < len(toks) and _cap(toks[j]):
            j += 1
    return j < len(toks) and toks[j].text == "and" and j + 1 < len(toks) and _cap(toks[j + 1])


def _head_tokens(text: str, toks: list[Tok], w: OrgWords) -> list[Tok]:
    """Two-word heads ("Consulate General") as one token; a head joined to the next word by an
    en dash ("Rutgers University–New Brunswick") as its own token."""
    out: list[Tok] = []
    for t in toks:
        if out and out[-1].gaz is None and t.gaz is None and text[out[-1].end:t.start] == " " and \
                f"{out[-1].text} {t.text}" in w.en_heads:
            out[-1] = Tok(f"{out[-1].text} {t.text}", out[-1].start, t.end)
        elif t.gaz is None and "–" in t.text and any(p in w.en_heads for p in t.text.split("–")):
            pos = t.start
            for n, p in enumerate(t.text.split("–")):
                if n:
                    out.append(Tok("–", pos, pos + 1))
                    pos += 1
                out.append(Tok(p, pos, pos + len(p)))
                pos += len(p)
        else:
            out.append(t)
    return out


def _discover_en(text: str, toks: list[Tok], w: OrgWords, g: Gazetteer, lang: str | None) -> list[Found]:
    out: list[Found] = []
    toks = _head_tokens(text, toks, w)
    for ch in _chunks(toks, w):
        # "Russian Federation" is a country; "of Economics and Service" is no new organisation
        heads = [k for k, t in enumerate(ch) if t.gaz is not None or _en_head(t, w) and not (
            k and (place_en(w, f"{ch[k - 1].text} {t.text}") or ch[k - 1].text in ("and", "&")
                   and t.text not in w.en_head_first))]
        if not any(ch[k].gaz is None for k in heads):
            continue
        # "Ishikawa-Russian University Consortium": heads right before an association word
        # (no preposition between) are part of its name
        for a in range(len(heads) - 1, 0, -1):
            h = _en_head(ch[heads[a]], w)
            if h is not None and h.role == "assoc":
                b = a
                while b > 0 and ch[heads[b - 1]].gaz is None and all(
                        _cap(t) for t in ch[heads[b - 1]:heads[b]]):
                    b -= 1
                heads = heads[:b] + heads[a:]
                break
        orgs: list[tuple[int, int, Found | None]] = []  # (first, last, found or gazetteer)
        floor = 0
        for n, h in enumerate(heads):
            if h < floor:
                continue
            if ch[h].gaz is not None:
                orgs.append((h, h, ch[h].gaz))
                floor = h + 1
                continue
            head = _en_head(ch[h], w)
            # pre-part: capitalised words and "and" back to a preposition or the last org
            s = h - 1 if h - 1 > floor and ch[h - 1].text == "," and ch[h].text in w.en_company and \
                _cap(ch[h - 2]) and not _en_head(ch[h - 2], w) else h  # "Daikin Industries, Ltd."
            while s - 1 >= floor and (_cap(ch[s - 1]) or ch[s - 1].text in ("and", "&")) \
                    and ch[s - 1].text not in w.en_not_name and not _en_head(ch[s - 1], w):
                s -= 1
            while s < h and ch[s].text in ("and", "&"):
                s += 1
            if s > 0 and _complement(ch, s) and any(t.text in ("and", "&") for t in ch[s:h]):
                s = max(k for k in range(s, h) if ch[k].text in ("and", "&")) + 1  # City of X and | Y Government
            # adjacent gazetteer org before ("Kanazawa University Russia Alumni Association")
            owner = None
            if orgs and orgs[-1][1] == s - 1 and ch[s - 1].gaz is not None and \
                    text[ch[s - 1].end:ch[s].start].strip() == "":
                owner = orgs[-1][2]
            # post-part: of/for/on/in + capitalised words, up to the next org's own words
            nxt = heads[n + 1] if n + 1 < len(heads) else len(ch)
            limit = nxt
            while limit - 1 > h and _cap(ch[limit - 1]) and nxt < len(ch):
                limit -= 1
            e = h
            k = h + 1
            allowed = {"of", "on"} | ({"for"} if head.type != "university" else set()) | \
                      ({"in"} if head.role in ("mission", "unit") else set())
            while k < limit and ch[k].text in allowed:
                k2 = k + 1
                while k2 < limit and ch[k2].text == "the":
                    k2 += 1
                if k2 >= limit or not _cap(ch[k2]):
                    break
                e = k2
                k = k2 + 1
                while k < limit and (_cap(ch[k]) or ch[k].text in (",", "and", "&")) and \
                        (ch[k].text not in (",", "and", "&") or k + 1 < limit and _cap(ch[k + 1])):
                    if _cap(ch[k]):
                        e = k
                    k += 1
            e = before_masthead(ch, h, e, w)
            if ch[h].text in w.en_head_first and e == h:  # "Université Laval", "Universidad de la Laguna"
                k = h + 1
                while k < limit and (_cap(ch[k]) and not _en_head(ch[k], w) or ch[k].text in w.en_particles):
                    if _cap(ch[k]):
                        e = k
                    k += 1
            if head.role == "mission" and e == h:  # "U.S. Consulate General Osaka-Kobe", "Embassy Tokyo"
                k = h + 1
                while k < limit and k - h <= 2 and _cap(ch[k]) and ch[k].text not in w.en_not_name and \
                        not _en_head(ch[k], w) and text[ch[k - 1].end:ch[k].start] == " ":
                    e, k = k, k + 1
            pre = [t.text for t in ch[s:h]]
            if owner is None and e == h and all(x in w.en_generic or x in ("and", "&") for x in pre) and \
                    not _acronym_follows(text, ch[s].start, ch[e].end):
                continue  # "Alumni Association", "the State University"; not "... Consortium (JRMEC)"
            if owner is None and e == h and head.role == "unit":
                continue
            if h > s and f"{ch[h - 1].text} {ch[h].text}" in w.en_programme:
                continue  # "Japan-Russia Baikal Field School (on X)" is a programme
            start = ch[s].start if owner is None else owner.start
            stop = ch[e].end
            tail = legal_tail(w).match(text, stop)  # "Hokuyo Trading Co., Ltd.", "X Inc., K.K."
            if tail:
                stop = tail.end()
            f = _en_found(text, start, stop, head, owner, w, g, lang)
            orgs.append((s, e, f))
            out.append(f)
            floor = e + 1
        _en_parents(text, ch, orgs, out, w)
    return out


_BRACKET_ACRO = re.compile(r"\s?[(（]([A-Z][A-Za-z&]{1,9})[)）]")


def _acronym_follows(text: str, s: int, e: int) -> bool:
    """"Japan–Russia Medical Education Consortium (JRMEC)": a bracketed acronym spelling the
    initials of generic words makes them a proper name."""
    m = _BRACKET_ACRO.match(text, e)
    if not m:
        return False
    ini = "".join(p[0] for p in re.findall(r"[A-Za-z]+", text[s:e]) if p.lower() not in _STOP_WORDS).upper()
    return len(ini) >= 2 and ini == m.group(1).upper()


_STOP_WORDS = {"of", "for", "and", "the", "on", "in", "at", "de", "to"}


@lru_cache(maxsize=4)
def legal_tail(w: OrgWords) -> re.Pattern:
    """Legal forms written after a company word: ", Ltd.", " LLC", ", Inc." (dotted forms first)."""
    forms = "|".join(re.escape(f) for f in sorted(w.en_company, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?:,?[ \u00a0](?:{forms})(?![A-Za-z]))+")


def _en_found(text: str, s: int, e: int, head: Head, owner: Found | None, w: OrgWords,
              g: Gazetteer, lang: str | None) -> Found:
    surface = text[s:e]
    if head.role == "mission":
        m = re.match(r"(.*?)\b(?:Embassy|Consulate(?:[- ]General)?|Representation)\s+of\s+(?:the\s+)?(.+?)"
                     r"(?:\s+in\s+(?:the\s+)?(.+))?$", surface, re.I)
        if m:
            sender, host = place_en(w, m.group(2)), place_en(w, m.group(3) or "")
            kind = "Consulate" if head.type == "consulate" else head.word
            en = f"{kind} of {sender[0] if sender else m.group(2)}" + \
                 (f" in {host[0] if host else m.group(3)}" if m.group(3) else "")
            return Found(s, e, slug(en), surface, head.type, sender[1] if sender else None, None,
                         "pattern", 0.7, en=en, role=head.role, lang=lang)
    if owner is not None:
        return Found(s, e, slug(surface), surface, head.type, owner.country, owner.id, "pattern", 0.6,
                     en=surface, role=head.role, lang=lang)
    ent = g.lookup_key(surface)
    if ent is not None and ent.type == head.type:
        return Found(s, e, ent.id, "", ent.type, ent.country or None, ent.parent or None, "pattern",
                     0.8, en=ent.en[0] if ent.en else surface, lang=lang)
    typ = "sub_unit" if head.role == "unit" else head.type
    if typ == "local_government" and national(w, surface):
        typ = "agency"  # the Government of Japan, of the Russian Federation: not a local one
    return Found(s, e, slug(surface), surface, typ, None, None, "pattern", 0.7, en=surface,
                 role=head.role, lang=lang)


def _en_parents(text: str, ch: list[Tok], orgs: list, out: list[Found], w: OrgWords) -> None:
    """'Y of the X' in one chunk: a unit Y gets X as its parent."""
    for (s1, e1, f1), (s2, e2, f2) in zip(orgs, orgs[1:]):
        if f1 is None or f2 is None or f1.parent or f1.source == "gazetteer":
            continue
        between = [t.text for t in ch[e1 + 1:s2]]
        if between and between[0] == "of" and f1.role in ("unit", "either"):
            f1.parent = f2.id
            f1.type = "sub_unit" if f1.role == "unit" else f1.type
            if f1.type == "research_institute" and academy(f2) and set(between) <= {"of", "the"}:
                f1.end = f2.end  # Institute of X of the Far Eastern Branch of the Russian Academy of Sciences


def _possessive(text: str, toks: list[Tok], found: list[Found]) -> None:
    """X’s Y and "Y, X": a unit or centre right after/before an organisation gets it as parent."""
    by_start = {f.start: f for f in found}
    by_end = {f.end: f for f in found}
    for i, t in enumerate(toks[:-2]):
        owner = t.gaz or by_end.get(t.end)
        if owner is None or toks[i + 1].text not in _POSSESSIVE:
            continue
        f = by_start.get(toks[i + 2].start)
        if f is not None and f.parent is None and f.role in ("unit", "either") and f.source == "pattern":
            f.parent = owner.id
    owners = found + [t.gaz for t in toks if t.gaz is not None]
    for f in found:
        if f.parent is None and f.role in ("unit", "either"):
            nxt = next((x for x in owners if x is not f and text[f.end:x.start] == ", "), None)
            if nxt is not None:
                f.parent = nxt.id


def _titled_acronyms(text: str, start: int, end: int, toks: list[Tok], w: OrgWords,
                     lang: str | None) -> list[Found]:
    """"the Chairman of NYCR": an acronym after a person's title and "of" is an organisation."""
    out = []
    for a, b, c in zip(toks, toks[1:], toks[2:]):
        if a.text in w.en_titles and b.text == "of" and c.gaz is None and _ACRO.fullmatch(c.text) \
                and c.text not in w.not_acronyms:
            f = Found(c.start, c.end, slug(c.text), c.text, "association", None, None, "pattern", 0.5,
                      en=c.text, lang=lang)
            f.tags.add("acronym")  # an alias defined elsewhere in the document takes precedence
            out.append(f)
    return out


_OPEN_Q, _CLOSE_Q = "\"“„«'‘", "\"”»'’"


def _prefixed_companies(text: str, toks: list[Tok], w: OrgWords, lang: str | None) -> list[Found]:
    """A legal form before the name: "JSC Vostok Instruments" (the form is part of the name),
    "LLC “Amur Timber”" (the quoted name alone). Up to four capitalised words, none a head."""
    out = []
    for i, t in enumerate(toks):
        if t.text not in w.en_company_prefixes or t.gaz is not None:
            continue
        j = i + 1
        quoted = j < len(toks) and toks[j].text in _OPEN_Q
        j += quoted
        k = j
        while k < len(toks) and k - j < 4 and _cap(toks[k]) and _LAT.match(toks[k].text) and \
                toks[k].text not in w.en_not_name and toks[k].text not in w.en_heads and \
                text[toks[k - 1].end:toks[k].start] in ("", " "):
            k += 1
        if k == j or quoted and not (k < len(toks) and toks[k].text in _CLOSE_Q):
            continue
        s, e = (toks[j].start if quoted else t.start), toks[k - 1].end
        name = text[toks[j].start:e]
        out.append(Found(s, e, slug(name), text[s:e], "company", None, None, "pattern", 0.7, en=name,
                         lang=lang, tags={"quoted"} if quoted else set()))
    return out


@lru_cache(maxsize=4)
def _cues(w: OrgWords) -> tuple[re.Pattern, re.Pattern]:
    """Organisation words whose absence lets a block be skipped (English, Russian)."""
    words = list(w.en_heads) + list(w.en_titles) + list(w.en_company_prefixes)
    en = trie_regex(words + [x.upper() for x in words], re.NOFLAG).pattern
    ru = trie_regex([h.word for h in w.ru_heads.values()] + list(w.ru_quoted) + ["«"]).pattern
    return re.compile(rf"(?<![A-Za-z]){en}(?![a-z])"), re.compile(ru, re.IGNORECASE)


def discover(text: str, start: int, end: int, gaz: list[Found], w: OrgWords, g: Gazetteer,
             lang: str | None) -> list[Found]:
    """English and Russian organisation names in text[start:end] (one block)."""
    en_cue, ru_cue = _cues(w)
    has_lat = bool(_LAT.search(text, start, end)) and bool(en_cue.search(text, start, end))
    has_cyr = bool(_CYR.search(text, start, end)) and bool(ru_cue.search(text, start, end))
    if not (has_lat or has_cyr):
        return []  # no organisation word: nothing to discover
    toks = tokens(text, start, end, gaz)
    out: list[Found] = []
    en_toks = decap(toks, w) if has_lat else toks
    if has_lat:
        out += _discover_en(text, en_toks, w, g, lang)
    if has_cyr:
        out += orgpatterns_ru.discover(text, toks, w, g, lang)
    if has_lat:
        out += _titled_acronyms(text, start, end, en_toks, w, lang)
        out += _prefixed_companies(text, en_toks, w, lang)
    _possessive(text, en_toks, out)
    return _double_names(text, out)


def _double_names(text: str, found: list[Found]) -> list[Found]:
    """"Oriental Institute – School of Regional Studies", "Восточный институт – Школа …": two
    institute/school names joined by a spaced dash are one organisation's double name."""
    found = sorted(found, key=lambda f: (f.start, -f.end))
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        if a is not None and a.source == f.source == "pattern" and a.parent is None and \
                a.role in ("either", "unit") and f.role in ("either", "unit") and \
                re.fullmatch(r" [–—] ", text[a.end:f.start]):
            if f.parent is not None and not a.id.startswith(f.parent):
                a.id = f"{f.parent}-{a.id}"  # as "Восточный институт ДВФУ" gets it
            a.end, a.name, a.parent = f.end, text[a.start:f.end], f.parent
            a.en = f"{a.en} - {f.en}"
            continue
        out.append(f)
    return out
