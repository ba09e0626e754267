"""Institutions stage: every organisation named in the document, one id per organisation.

    gazetteer matches → discovery (ja tokens, en/ru phrases) → aliases defined in the text
    ("Hokkaido University (HU)", "ロシアNIS貿易会（ROTOBO）") and abbreviations whose
    initials spell an organisation named in the document (KU, KFU, MSU) → 本学 / our
    university when the publisher is configured → one id per organisation across names and
    languages → doc.institutions, ordered by position.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from ..config import Config
from ..errors import StageError
from ..model import Document, InstitutionMention
from . import gazetteer, orgkeys, orglink, orglocal, orgpatterns, orgpatterns_ja, orgpatterns_ru, orgwords
from .gazetteer import Found, Gazetteer
from .orglink import PAREN as _PAREN

_PRIORITY = {"gazetteer": 0, "alias": 1, "publisher": 2, "pattern": 3}
_L = "0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё"  # letters that glue to an abbreviation (Japanese ones do not)
_ACRONYM = re.compile(rf"(?<![{_L}])([A-Z][A-Za-z&]{{0,2}}[A-Z][A-Z0-9]{{0,5}}|[А-ЯЁ][А-ЯЁа-яё]{{0,2}}[А-ЯЁ]{{1,6}})(?![{_L}])")
_OUR = re.compile(r"\bour\s+(?:university|institute|college)\b"
                  r"|(?<![А-Яа-яЁё])наш(?:его|ему|им|ем)?\s+университет(?:а|у|ом|е)?(?![А-Яа-яЁё])", re.I)
_STOP_INITIAL = {"of", "for", "and", "the", "on", "in", "at", "de", "&", "to"}


def extract(doc: Document, config: Config) -> None:
    if not doc.language:
        raise StageError("institutions", f"{doc.doc_id}: no language detected yet: run the language "
                         "and segment stages first")
    cfg = config.institutions
    g, w = gazetteer.default(), orgwords.default()
    text = doc.text
    lang = doc.language.get("primary")
    bounds: dict[int, tuple[set[int], set[int]]] = {}  # token starts and ends of a block, once
    gaz = [_with_legal_form(text, f, w) for f in g.find(text) if _aligned(doc, f, bounds)]
    found = list(gaz)
    if cfg.discover:
        by_start = sorted(range(len(gaz)), key=lambda k: gaz[k].start)
        starts = [gaz[k].start for k in by_start]
        for b in doc.blocks:
            ks = sorted(k for k in by_start[bisect_left(starts, b.start):bisect_left(starts, b.end)]
                        if gaz[k].end <= b.end)
            inside = [gaz[k] for k in ks]  # in the order found
            ja_gaz = [f for f in inside if f.lang == "ja"]
            for toks in [b.tokens] if b.tokens else _ja_runs(text, b.start, b.end):
                found += orglocal.ja(text, toks, ja_gaz, w, b.lang if b.tokens else "ja")  # 県庁: not an agency
                found += orgpatterns_ja.discover(text, toks, ja_gaz, w, g, b.lang if b.tokens else "ja")
            found += orgpatterns.discover(text, b.start, b.end, inside, w, g, b.lang)
            found += orglocal.en(text, b.start, b.end, b.lang)
    found = _resolve(found)
    found += _aliases(text, found, g, w)
    if cfg.discover:
        found += orgpatterns_ru.abbr_universities(text, w, found, lang)
    if cfg.publisher:
        found += _publisher(doc, cfg.publisher, g, w)
    else:
        pub = _infer_publisher(doc, g, w)
        if pub is not None:
            found += _publisher(doc, pub.id, g, w, pub)
    found = [f for f in _resolve(found) if not _for_each(text, f)]
    orglink.link(found, g, text)
    doc.institutions = [_mention(text, f, g, lang) for f in found]


# the Ministry of Justice of each country, both countries' ministries, министерства юстиции обеих стран:
# an organisation word for each of several is no one organisation (Japanese 両国の司法省: orgpatterns_ja)
_EACH_AFTER = re.compile(r"\s+(?:of\s+(?:both|each|every|the\s+two|all\s+(?:the\s+)?)\s+(?:countr|nation|side|partner|"
                         r"universit|institution|state|government|member)|(?:обеих|обоих|двух|каждой|каждого|всех)\s+"
                         r"(?:стран|сторон|государств|вуз|университет|учреждени))", re.I)
_EACH_BEFORE = re.compile(r"\b(?:both|each|every|the\s+two|all)\s+(?:the\s+)?(?:countries|country|nations|nation|sides|"
                          r"side|partners|partner|universities|university|states|state)(?:['’]s?)\s+$", re.I)


def _for_each(text: str, f: Found) -> bool:
    """Written for each of several (the phrase after it, inside it or before it)."""
    return bool(_EACH_AFTER.search(text, f.start, f.end) or _EACH_AFTER.match(text, f.end) or
                _EACH_BEFORE.search(text, max(0, f.start - 40), f.start))


_JA_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々〆ヶ・ー（）「」]{2,}")


def _ja_runs(text: str, start: int, end: int) -> list[list]:
    """Japanese written inside an English or Russian block: each run tokenized at its offset."""
    from ..segment import tokenize

    return [tokenize(m.group(), m.start()) for m in _JA_RUN.finditer(text, start, end)
            if orgkeys.JA.search(m.group())]


def _aligned(doc: Document, f: Found, bounds: dict[int, tuple[set[int], set[int]]]) -> bool:
    """A Japanese gazetteer name starts and ends on token boundaries (河北大学 is not 北大)."""
    if f.lang != "ja":
        return True
    b = doc.block_at(f.start)
    if b is None or not b.tokens:
        prev = doc.text[f.start - 1] if f.start else ""
        return not (f.end - f.start <= 2 and re.match(r"[\u3040-\u30ff\u4e00-\u9fff]", prev))
    if b.start not in bounds:
        bounds[b.start] = ({t.start for t in b.tokens}, {t.end for t in b.tokens})
    starts, ends = bounds[b.start]
    return f.start in starts and (f.end in ends or f.end >= b.end)


def _with_legal_form(text: str, f: Found, w: orgwords.OrgWords) -> Found:
    """三井物産|株式会社, 株式会社|日立製作所: a company's legal form written right after or
    before its name belongs to the name as written."""
    if f.lang != "ja":
        return f
    form = None
    if f.type == "company":
        form = next((x for x in _company_forms(w) if text.startswith(x, f.end)), None)
        if form is None and text.startswith("社", f.end) and not re.match(r"[\u4e00-\u9fff]", text[f.end + 1:f.end + 2]):
            form = "社"  # ガスプロム社の: the company word, not 社長/社員/社会
    # any legal-entity form before the name (公益財団法人, 国立大学法人 …) is written with it
    window = text[max(0, f.start - 9):f.start]
    before = window.rstrip(" \u3000")
    pre = next((x for x in _company_forms(w, False) if before.endswith(x)), None) if before[-1:] in _FORM_ENDS else None
    if pre is None and form is None:
        return f
    start = f.start - (len(window) - len(before)) - len(pre) if pre else f.start
    return replace(f, start=start, end=f.end + len(form or ""))


_FORM_ENDS = "社)）㈱㈲人O"  # the last characters of the legal forms (株式会社, (株), ㈱, 財団法人, NPO ...)


@lru_cache(maxsize=8)
def _company_forms(w: orgwords.OrgWords, company: bool = True) -> tuple[str, ...]:
    return tuple(x for x in sorted(w.ja_legal, key=len, reverse=True) if w.ja_legal[x] == "company" or not company)


def _resolve(found: list[Found]) -> list[Found]:
    """One candidate per span (gazetteer first); pattern matches inside a gazetteer match dropped."""
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        k = (f.start, f.end)
        if k not in best or _PRIORITY[f.source] < _PRIORITY[best[k].source]:
            best[k] = f
    out = sorted(best.values(), key=lambda f: (f.start, -f.end))
    # a pattern match is inside a strong one when a strong one starting at or before it ends at
    # or after it (one candidate per span: never the same span)
    starts, reach, far = [], [], -1
    for f in out:
        if f.source != "pattern":
            far = max(far, f.end)
            starts.append(f.start)
            reach.append(far)
    # a longer name made of a gazetteer name and more words (日本航空宇宙学会) replaces it
    longer = [(f.start, f.end) for f in out if "absorbs" in f.tags]
    keep = []
    for f in out:
        if f.source == "pattern" and f.parent is None and "absorbs" not in f.tags:
            k = bisect_right(starts, f.start)
            if k and reach[k - 1] >= f.end:
                continue
        if longer and f.source == "gazetteer" and any(a <= f.start and f.end <= b and b - a > f.end - f.start
                                                      for a, b in longer):
            continue
        keep.append(f)
    return keep


_INITIAL_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _initials(name: str) -> str:
    return "".join(p[0].upper() for p in _INITIAL_WORD.findall(name) if p.lower() not in _STOP_INITIAL)


def _aliases(text: str, found: list[Found], g: Gazetteer, w: orgwords.OrgWords) -> list[Found]:
    """Abbreviations defined in parentheses, gazetteer abbreviations valid only in the company of
    the full name, and acronyms spelling the initials of an organisation in the document."""
    table: dict[str, Found] = {}
    for f in found:
        if "abbr" in f.tags:
            continue
        m = _PAREN.match(text, f.end)
        if m and _defines(m.group(1), text[f.start:f.end], w):
            table.setdefault(m.group(1), _owner(m.group(1), f, found, g))
    ids = {f.id: f for f in found}
    for a, entries in g.abbr_local.items():
        for e in entries:
            if e.id in ids:
                table.setdefault(a, ids[e.id])
    pre = "|".join(sorted(map(re.escape, w.en_company_prefixes), key=len, reverse=True))
    short = re.compile(rf"^(?:(?:{pre}) )?(\w.*?\w)(?:\s+(?:and|&)\s+Co\.?|{orgpatterns.legal_tail(w).pattern})$"
                       rf"|^(?:{pre}) (\w.*\w)$")
    for f in found:  # companies without their legal form: "Mitsui and Co.", "Hokuyo Trading Co., Ltd.", "JSC X"
        m = short.match(text[f.start:f.end]) if f.type == "company" and f.source != "alias" else None
        if m and len(m.group(1) or m.group(2)) >= 3:
            table.setdefault(m.group(1) or m.group(2), f)
        elif "quoted" in f.tags and f.source == "pattern" and len(text[f.start:f.end]) >= 3:
            table.setdefault(text[f.start:f.end], f)  # ООО «Ромашка» … Ромашка
    by_initials: dict[str, set[str]] = {}
    initials: dict[str, str] = {}  # each form once per document
    for f in found:
        if f.source in ("gazetteer", "pattern") and not f.tags & {"abbr", "acronym"}:
            forms = {f.en, text[f.start:f.end]} | set(g.entries[f.id].en if f.id in g.entries else ())
            for form in forms:
                if form not in initials:
                    initials[form] = _initials(form)
                ini = initials[form]
                if len(ini) >= 2:
                    by_initials.setdefault(ini, set()).add(f.id)
    covered = [(f.start, f.end) for f in found if "acronym" not in f.tags]
    out: list[Found] = []
    pattern = "|".join(sorted((re.escape(a) for a in table), key=len, reverse=True))
    if pattern:
        for m in re.finditer(rf"(?<![{_L}])(?:{pattern})(?![{_L}])", text):
            f = table[m.group()]
            if not any(s <= m.start() < e for s, e in covered):
                out.append(_alias(f, m.start(), m.end()))
    covered += [(x.start, x.end) for x in out]
    for m in _ACRONYM.finditer(text):
        a = m.group(1)
        if a in table or a in w.not_acronyms or a in g.abbr:
            continue
        ids_ = by_initials.get(a.upper())
        if ids_ and len(ids_) == 1 and not any(s <= m.start() < e for s, e in covered):
            f = ids[next(iter(ids_))]
            out.append(_alias(f, m.start(), m.end(), 0.6))
    return out


def _owner(alias: str, f: Found, found: list[Found], g: Gazetteer) -> Found:
    """"Institute of X, Siberian Branch of RAS (IAET SB RAS)": an abbreviation ending in the
    abbreviation of the organisation before it names that organisation's sub-unit named just
    before, not the organisation itself."""
    e = g.entries.get(f.id)
    own = (e.abbr + e.abbr_local + tuple(n for n in e.en + e.ru if n.isupper())) if e else ()
    if " " in alias and any(alias.endswith(" " + a) for a in own):
        sub = [u for u in found if u.parent == f.id and u.end <= f.start]
        if sub:
            return sub[-1]
    return f


def _defines(alias: str, full: str, w: orgwords.OrgWords) -> bool:
    """"X (ALIAS)" defines ALIAS: a Latin/Cyrillic abbreviation (HU, ROTOBO, JBC), a Japanese
    short form whose characters appear in order in the full name (全日本ロシア語教育協会（全ロ協）),
    or a katakana rendering (国際交流基金（ジャパンファウンデーション）)."""
    if alias in w.not_acronyms or re.fullmatch(r"[\d\W]+", alias) or full in alias:
        return False  # "SB RAS (IE SB RAS)": the bracket names something else
    if " " in alias:  # ИВ РАН, ИСл РАН: every word an abbreviation
        return all(len(re.findall(r"[a-zа-яё]", x)) <= min(2, len(re.findall(r"[A-ZА-ЯЁ]", x)))
                   for x in alias.split())
    if re.search(r"[A-ZА-ЯЁ]", alias):  # HU, ROTOBO, UrFU; not "(Russia)"
        return len(re.findall(r"[A-ZА-ЯЁ]", alias)) >= 2 and bool(re.fullmatch(r"[\w&.\-]+|[A-ZА-ЯЁ ]+", alias))
    if re.fullmatch(r"[\u30a0-\u30ff]{4,}", alias):
        return True
    it = iter(full)
    return 2 <= len(alias) <= 5 and alias[0] == full[0] and all(ch in it for ch in alias)


def _alias(f: Found, s: int, e: int, conf: float = 0.85) -> Found:
    return Found(s, e, f.id, f.name, f.type, f.country, f.parent, "alias", conf, en=f.en, role=f.role,
                 lang=f.lang)


def _publisher(doc: Document, pid: str, g: Gazetteer, w: orgwords.OrgWords, pub: Found | None = None) -> list[Found]:
    """本学 / 当大学 / our university → the publishing institution (configured, or `pub` inferred)."""
    e = g.entries.get(pid)
    name = e.name(doc.language.get("primary")) if e else pub.name if pub else pid
    typ = e.type if e else pub.type if pub else "university"
    en = e.en[0] if e and e.en else pub.en if pub else ""
    out = []
    for m in list(_self_refs(w.ja_self).finditer(doc.text)) + list(_OUR.finditer(doc.text)):
        out.append(Found(m.start(), m.end(), pid, name, typ, (e.country or None) if e else None, None,
                         "publisher", 0.8 if pub is None else 0.7, en=en))
    return out


@lru_cache(maxsize=4)
def _self_refs(words: tuple[str, ...]) -> re.Pattern:
    """本学, 当大学 ...: the words by which a Japanese document names its own institution."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _refers_to_itself(text: str, w: orgwords.OrgWords) -> bool:
    """本学, our university: "our"/"наш" in the lower-cased text is needed for _OUR (the
    case-insensitive match of those letters implies them in lower case)."""
    if _self_refs(w.ja_self).search(text):
        return True
    low = text.lower()
    return ("our" in low or "наш" in low) and bool(_OUR.search(text))


_TITLE_SEP = re.compile(r"\s+[|｜–—-]\s+|\s*[|｜]\s*")
_COPYRIGHT = re.compile(r"©|Ⓒ|\(c\)|（c）|copyright", re.I)
_PUBLISHERS = ("university", "school", "research_institute")


def _infer_publisher(doc: Document, g: Gazetteer, w: orgwords.OrgWords) -> Found | None:
    """No configured publisher: the university the title's last segment names ("… | 北見工業大学",
    "News – Tomsk State University"), else one on a copyright line (page furniture, last blocks).
    Only a document that refers to itself (本学, our university) needs it."""
    if not _refers_to_itself(doc.text, w):
        return None
    lines = []
    parts = _TITLE_SEP.split(doc.title or "")
    if len(parts) > 1:
        lines.append(parts[-1])
    tail = [doc.text[b.start:b.end] for b in doc.blocks[-3:]]
    lines += [x for x in [f.text for f in doc.furniture] + tail if _COPYRIGHT.search(x)]
    for line in lines:
        f = _named_in(line.strip(), g, w)
        if f is not None:
            return f
    return None


def _named_in(s: str, g: Gazetteer, w: orgwords.OrgWords) -> Found | None:
    """The first university (school, institute) named in a short string outside doc.text."""
    if not s or len(s) > 200:
        return None
    from ..segment import tokenize

    gaz = g.find(s)
    found = list(gaz)
    if orgkeys.JA.search(s):
        found += orgpatterns_ja.discover(s, tokenize(s), [f for f in gaz if f.lang == "ja"], w, g, "ja")
    found += orgpatterns.discover(s, 0, len(s), gaz, w, g, None)
    cands = [f for f in _resolve(found) if f.type in _PUBLISHERS and f.parent is None and "abbr" not in f.tags]
    return min(cands, key=lambda f: f.start) if cands else None



def _mention(text: str, f: Found, g: Gazetteer, lang: str | None) -> InstitutionMention:
    """The mention's name: the gazetteer's canonical one (in the document's language when it has
    one), else the discovered name; a known name found in a Russian case form is named in the
    nominative (Университете Тиба → Университет Тиба) unless the gazetteer names it in the
    document's language."""
    e = g.entries.get(f.id)
    native = "nominative" in f.tags and e is not None and bool({"ja": e.ja, "ru": e.ru}.get(lang or "", e.en))
    name = e.name(lang) if e is not None and (f.source != "pattern" or not f.name or native) else \
        (f.name or text[f.start:f.end])
    return InstitutionMention(text=text[f.start:f.end], start=f.start, end=f.end, name=name, id=f.id,
                              type=f.type, country=f.country, parent=f.parent, source=f.source,
                              confidence=round(f.confidence, 2))
