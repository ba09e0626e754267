"""One id per organisation within a document: discovered names agreeing with each other or
with the gazetteer, names in different scripts with one language-independent key, names written
one after the other in brackets, and names a known abbreviation in brackets identifies."""
from __future__ import annotations

import re

from . import gazetteer, orgkeys
from .gazetteer import Found, Gazetteer
from .romanize import slug

# "X (ALIAS)": an abbreviation or short form in brackets right after a name
PAREN = re.compile(r"\s?[(（]\s*([^()（）\s]{2,12}|[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,5}(?: [A-ZА-ЯЁ]{2,6}){1,2})\s*[)）]")
# whose id a linked group takes: English, else Japanese (Hepburn, with the type words translated:
# 島根県立大学 → shimane-prefectural-university), else a Russian transliteration
_ID_SCRIPT = {"en": 0, "ja": 1, "ru": 2}


def _words(f: Found) -> frozenset[str]:
    s = slug(f.en or f.name).replace("russian", "russia").replace("japanese", "japan")
    return frozenset(s.split("-"))


def link(found: list[Found], g: Gazetteer, text: str) -> None:
    """One id per organisation within the document:
    - discovered names whose English renderings agree (same words, or one a 3+-word subset of
      the other with the same last word) share the id of the fuller or gazetteer-backed form;
    - names in different scripts with the same language-independent key (orgkeys: concepts +
      romanised proper names: 島根県立大学 ~ Университет префектуры Симанэ), or written one
      after the other in brackets (日本ロシア語通訳者協会（Japan Association of ...）), share
      one id: the gazetteer's, else the English form's, else the Japanese form's (romanised),
      else the first one's.
    Ids are merged as sets, so aliases and sub-units' parents follow."""
    merged: dict[str, str] = {}

    def root(x: str) -> str:
        while x in merged:
            x = merged[x]
        return x

    def join(loser: str, winner: str) -> None:
        a, b = root(loser), root(winner)
        if a != b:
            if a in g.entries and b not in g.entries:
                a, b = b, a
            merged[a] = b

    keys = {id(f): (_words(f), slug(f.en or f.name).rsplit("-", 1)[-1]) for f in found}
    by_type: dict[str, list[Found]] = {}
    for f in found:
        by_type.setdefault(f.type, []).append(f)
    for f in found:
        if f.source != "pattern":
            continue
        a, last_f = keys[id(f)]
        for o in by_type[f.type]:
            if o is f:
                continue
            b, last_o = keys[id(o)]
            if a == b or (last_f == last_o and len(a) >= 3 and a < b):
                if o.source == "gazetteer" or len(b) > len(a) or (len(b) == len(a) and o.start < f.start):
                    join(f.id, o.id)
                    break
    named = [f for f in found if f.source in ("pattern", "gazetteer") and f.parent is None and f.role != "mission"
             and not f.tags & {"abbr", "acronym"}]
    script = {id(f): _script(text, f) for f in named}
    for n, a in enumerate(named):
        sa = script[id(a)]
        for b in named[n + 1:]:
            if sa == script[id(b)] or root(a.id) == root(b.id) or a.source == b.source == "gazetteer":
                continue
            if _bracketed(text, a, b) or a.type == b.type and orgkeys.same(
                    orgkeys.key(text[a.start:a.end]), orgkeys.key(text[b.start:b.end])):
                first, second = sorted((a, b), key=lambda f: (f.source != "gazetteer", _ID_SCRIPT[script[id(f)]], f.start))
                join(second.id, first.id)
    abbrs = {(f.start, text[f.start:f.end]): f for f in found if f.source == "gazetteer" and "abbr" in f.tags}
    for f in named:  # "Японским обществом содействия науке (JSPS)": a known abbreviation names it
        m = PAREN.match(text, f.end) if f.source == "pattern" else None
        a = abbrs.get((m.start(1), m.group(1))) if m else None
        own = orgkeys.key(text[f.start:f.end])[0] if a is not None else frozenset()
        if own and f.parent != a.id and own <= _concepts(g.entries.get(a.id)):
            join(f.id, a.id)
    for f in found:
        f.id = root(f.id)
        if f.parent:
            f.parent = root(f.parent)
        e = g.entries.get(f.id) if f.source == "pattern" else None
        if e is not None:  # one organisation, one type
            f.type, f.country = e.type, e.country or f.country


def _concepts(e: gazetteer.Entry | None) -> frozenset[str]:
    """The concepts of every full name of a gazetteer entry (Society, Science, Japan ...)."""
    return frozenset().union(*(orgkeys.key(n)[0] for n in e.ja + e.en + e.ru)) if e else frozenset()


_CYRILLIC = re.compile("[А-Яа-яЁё]")
_OPENS, _CLOSES = re.compile(r"\s?[(（]\s*"), re.compile(r"\s*[)）]")


def _script(text: str, f: Found) -> str:
    s = text[f.start:f.end]
    return "ja" if orgkeys.JA.search(s) else "ru" if _CYRILLIC.search(s) else "en"


def _bracketed(text: str, a: Found, b: Found) -> bool:
    """b is written in brackets right after a: "X（Y）", "X (Y)"."""
    return bool(_OPENS.fullmatch(text, a.end, b.start)) and bool(_CLOSES.match(text, b.end))
