"""Discovery of Russian organisation names: an organisation noun in the singular
(университет, министерство, посольство ...) with the adjectives agreeing with it before and
its genitive complement after ("Казанский федеральный университет", "Министерство науки и
высшего образования", "Посольство Японии в Российской Федерации"); a name needs a
capitalised word. Ids come from stems, so every case form of one name gets the same id;
embassies and consulates get the "<kind>-of-X-in-Y" ids the other languages build.
"""
from __future__ import annotations

import re

from .gazetteer import Found, Gazetteer, ru_stem
from .orgtokens import CYR as _CYR
from .orgtokens import LAT as _LAT
from .orgtokens import Tok, academy
from .orgtokens import cap as _cap
from .orgkeys import polivanov
from .orgwords import RU_AGREE, RU_ENDINGS, Head, OrgWords, national, place_en_ru
from .romanize import slug, translit_ru

_RU_ADJ = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$")
_RU_GEN = re.compile(r"(?:а|я|ы|и|ов|ев|ей|ий|ых|их|ого|его|ой|ии)$")
_ACRO = re.compile(r"[А-ЯЁ]{2,6}(?![а-яё])")
_DET_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ья|ье|ью|ьи"
                      r"|ьего|ьей|ьему|ьим|а|о|у|е|и|ы|я)?$")
_PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой|ою)?$")
_RU_VERB = re.compile(r"(?:ла|ли|ло|ал|ил|ял|ел|ёл|ть|ться|ется|ются|ет|ют|ит|ят|ся|сь)$")  # состоялся
# a nominative adjective after "и" starts another name ("… и российский фонд"); "-ий" after a
# vowel + н, or after other consonants, is a genitive plural noun (исследований, технологий)
_NOM_ADJ = re.compile(r"(?:ое|ее|ый|ая|яя|(?<!ло)[кгхжшщч]ий|[^аеёоуя]ний)$")
# a genitive plural adjective: the noun after it agrees whatever its ending (морских наук, малых форм)
_GEN_PL_ADJ = re.compile(r"(?:ых|их)$")
# a verbal noun in the genitive governs its own complement, in the dative: "Общество содействия
# науке", "Фонд содействия малому предпринимательству", "Центр содействия развитию"
_VNOUN_GEN = re.compile(r"(?:н|ств|т)ия$")
_INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.)+")
_RU_DAT = re.compile(r"(?:ому|ему|ой|ей|ым|им|ам|ям|ию|ии|е|у|ю|и)$")


def _ru_head(t: Tok, w: OrgWords) -> Head | None:
    return w.ru_heads.get(t.text.casefold().replace("ё", "е")) if t.gaz is None else None


def _ru_en(words: list[str], w: OrgWords) -> str:
    parts = []
    for x in words:
        if x.startswith("«"):
            parts.append(translit_ru(x.strip("«»")).title())
            continue
        st = ru_stem(x)
        tr = next((v for k, v in w.ru_translate.items() if st.startswith(k)), None)
        if tr is None:
            tr = place_en_ru(w, x)
        if tr is None and x.casefold() in ("и", "имени", "им."):
            tr = "and" if x.casefold() == "и" else ""
        if tr is None and (x[:1].isupper() or x.casefold() in w.ru_ja_org):
            tr = _japanese(x, st)
        if tr is None:
            tr = translit_ru(re.sub(r"(?:ск|цк)$", "", st) if _RU_ADJ.search(x.casefold()) else st).title()
        parts.append(tr)
    return " ".join(p for p in parts if p)


_MORAE = re.compile(r"(?:(?:[kgszjtdnhfbpmr]y?|sh|ch|ts|y|w)?[aiueo]|n(?![aiueoy]))+")


def _japanese(word: str, stem: str) -> str | None:
    """A Japanese proper name in Cyrillic read back the Polivanov way, as orgkeys does
    (Тоёхаси → Toyohashi, Сидзуока → Shizuoka; Тоямы → Toyama), when the word is made of
    Japanese syllables; None for a Russian word."""
    for form in (word, stem + "а", stem):
        r = polivanov(form)
        if len(form) >= 3 and _MORAE.fullmatch(re.sub(r"([kstpg])(?=\1)", "", r)):
            return r.title()
    return None


def discover(text: str, toks: list[Tok], w: OrgWords, g: Gazetteer, lang: str | None) -> list[Found]:
    out: list[Found] = []
    n = len(toks)
    i = 0
    while i < n:
        head = _ru_head(toks[i], w)
        if head is None:
            i += 1
            continue
        s = i
        agree = RU_AGREE[head.decl].get(toks[i].text.casefold().replace("ё", "е")[len(head.word):], ())
        while s - 1 >= 0 and toks[s - 1].gaz is None and _CYR.match(toks[s - 1].text) and \
                toks[s - 1].text.casefold().endswith(agree) and agree and \
                toks[s - 1].text.casefold() not in w.ru_stop:
            s -= 1
        s = _pre_start(toks, s, i, w)
        e, k, names = i, i + 1, 0
        parent = None
        quote_only = False  # "компания ООО «Примробот»": the quoted name is the organisation
        legal = False
        heading = toks[i].text.isupper()
        dative = False  # the last word was a dative adjective after a verbal noun (малому …)
        while k < n and k - i <= 8:
            t = toks[k]
            low = t.text.casefold()
            if low == "по" and head.po and k + 1 < n and toks[k + 1].text[:1].islower():
                k += 1  # Федеральная служба по техническому и экспортному контролю
                while k < n and k - i <= 10 and _CYR.match(toks[k].text) and toks[k].text[:1].islower() \
                        and (toks[k].text not in w.ru_stop or toks[k].text == "и") and not _RU_VERB.search(toks[k].text) \
                        and not toks[k].text.endswith("о"):
                    if toks[k].text != "и":
                        e = k
                    k += 1
                break
            if "\n" in text[toks[k - 1].end:t.start] or heading and not t.text.isupper() and _cap(t):
                break  # a heading ends at its line, or where lower-case letters begin
            if low in w.ru_stop and low not in ("в", "во"):
                break  # ПО ТЕХНИЧЕСКОМУ: a preposition in an upper-case heading
            if t.gaz is not None:
                parent = t.gaz
                if not heading and _ACRO.match(t.text) and text[toks[k - 1].end:t.start] == " ":
                    e = k  # Институт востоковедения РАН: the parent's abbreviation ends the name
                elif not heading and head.type == "research_institute" and academy(t.gaz) and \
                        text[toks[k - 1].end:t.start] == " " and _RU_GEN.search(t.text.split()[0].casefold()):
                    e = k  # Институт геологии Сибирского отделения Российской академии наук
                elif not heading and (head.role == "unit" or head.type == "school") and e > i and \
                        text[toks[k - 1].end:t.start] == " " and _RU_GEN.search(t.text.split()[0].casefold()):
                    e = k  # Высшая школа искусств и наук Токийского университета: the owner in the genitive
                break
            if not heading and _ACRO.fullmatch(t.text) and t.text not in w.ru_quoted and not place_en_ru(w, t.text):
                j = k  # Центр японских исследований ИВ РАН: unknown abbreviations up to the parent's
                while j < n and toks[j].gaz is None and _ACRO.fullmatch(toks[j].text):
                    j += 1
                if j < n and toks[j].gaz is not None and _ACRO.match(toks[j].text) and \
                        all(text[a.end:b.start] == " " for a, b in zip(toks[k - 1:j], toks[k:j + 1])):
                    parent, e, k = toks[j].gaz, j, j + 1
                break
            if t.text in w.ru_quoted and t.text.isupper():
                legal, k = True, k + 1  # ООО, АО: a legal form before «Name»
                continue
            if t.text.startswith("«"):
                if (legal or toks[i].text[:1].islower()) and not any(
                        _cap(x) and x.text not in w.ru_quoted and not (legal and x is toks[i]) for x in toks[s:k]):
                    quote_only = True
                e, k = k, k + 1
                break
            if low in ("имени", "им.", "им") and k + 1 < n:
                k += 1
                while k < n and (re.fullmatch(r"(?:[А-ЯЁ]\.)+", toks[k].text) or toks[k].text in (".", "-")):
                    k += 1
                if k < n and _cap(toks[k]):
                    e, k = k, k + 1
                continue
            if low in ("в", "во") and head.role == "mission" and k + 1 < n and _cap(toks[k + 1]):
                k += 1
                while k < n and (_cap(toks[k]) or _RU_ADJ.search(toks[k].text.casefold())) and _CYR.match(toks[k].text):
                    e, k = k, k + 1
                break
            if low == "и" and k + 1 < n:
                nx = toks[k + 1].text
                if not heading and _cap(toks[k - 1]) and nx[:1].isupper() and _RU_ADJ.search(nx.casefold()):
                    break  # Университета Кэйо и Московского …: a capitalised adjective after a name starts another
                if _CYR.match(nx) and (place_en_ru(w, nx) or nx.casefold() in w.ru_gen_zero or
                                       _RU_GEN.search(nx.casefold()) and not _NOM_ADJ.search(nx.casefold())):
                    k += 1
                    continue
                break
            if t.text == "," and e == k - 1 and _comma_list(toks, k + 1, w):
                k += 1  # Министерство высшего образования, науки и инноваций …: a list of genitives
                continue
            if _INITIALS.fullmatch(t.text):
                break  # отдела кадров А. А. Ким: a person's initials end the name
            if low in w.ru_ja_org and e == k - 1 and e > i:
                e, k = k, k + 1  # Тохоку Гакуин, Тоёхаси Сэнмон гакко: Japanese type words in the name
                continue
            if _cap(t) and (_CYR.match(t.text) or _LAT.match(t.text)):
                if w.ru_univ_abbr is not None and w.ru_univ_abbr.fullmatch(t.text):
                    break  # Центр японского языка КазНУ: the owner's abbreviation is no part of the name
                if _ru_head(t, w) or _ru_head(Tok(t.text.rsplit("-", 1)[-1], t.start, t.end), w) or (e == i and names >= 2) or (e > i and toks[e].text[:1].islower() and names >= 2):
                    break
                if not heading and _person(toks, k, e, w):
                    break  # центра Анна Соколова; Университета Тоямы Кэнтаро Мацуи (a heading has no persons)
                names += 1
                e, k = k, k + 1
                continue
            if _CYR.match(t.text) and t.text[:1].islower() and low not in w.ru_stop and \
                    not _RU_VERB.search(low) and not _ru_head(t, w):
                prev = toks[k - 1].text.casefold()
                if _RU_GEN.search(low) or low in w.ru_gen_zero or e == k - 1 and _GEN_PL_ADJ.search(prev):
                    e, k = k, k + 1
                    continue
                if e == k - 1 and (_VNOUN_GEN.search(prev) or dative) and _RU_DAT.search(low):
                    e, k, dative = k, k + 1, bool(_RU_ADJ.search(low))
                    continue
            break
        if k < n and e == k - 1 and e > i and _ru_head(toks[k], w) and toks[k].gaz is None:
            while e > i and _CYR.match(toks[e].text) and _RU_ADJ.search(toks[e].text.casefold()):
                e -= 1  # отделом | Генерального консульства: the adjectives belong to the next name
        if quote_only:
            q = toks[e]
            if head.type != "school" and head.role != "unit":
                out.append(_quoted(text, q, head.type, lang))
            i = e + 1
            continue
        span = toks[s:e + 1]
        if toks[i].text[:1].islower() and e > i and all(_LAT.match(t.text) for t in toks[i + 1:e + 1]):
            i = e + 1  # японской компании Sumitomo Metal Mining Co., Ltd.: the Latin name is found on its own
            continue
        if len(span) >= 2 and any(_cap(t) or t.text.startswith("«") for t in span):
            words = [t.text for t in span if t.text.casefold() not in ("имени", "им.") and t.gaz is None]
            hi = i - s
            after = words[hi + 1:]
            if after and all(x[:1].isupper() or x.casefold() in w.ru_ja_org for x in after):  # Университет Сока → Soka University
                en = f"{_ru_en(words[:hi] + after, w)} {head.en}".strip()
            else:
                en = f"{_ru_en(words[:hi], w)} {head.en} {_ru_en(after, w)}".strip()
            if head.role == "mission":  # Генерального консульства Японии во Владивостоке
                en = _ru_mission(words[hi + 1:], head, w) or en
            st, en_ = span[0].start, span[-1].end
            typ = "sub_unit" if head.role == "unit" else head.type
            if typ == "local_government" and national(w, en):
                typ = "agency"  # Правительство Российской Федерации
            ent = g.lookup_key(en)
            nom = nominative(text, span, hi, head)  # Университете Тиба → Университет Тиба
            if ent is not None and ent.type == head.type and parent is None:
                out.append(Found(st, en_, ent.id, nom or "", ent.type, ent.country or None, None, "pattern", 0.8,
                                 en=ent.en[0] if ent.en else en, lang=lang, tags={"nominative"} if nom else set()))
            else:
                fid = f"{parent.id}-{slug(en)}" if parent is not None else slug(en)
                out.append(Found(st, en_, fid, nom or text[st:en_], typ, parent.country if parent else None,
                                 parent.id if parent else None, "pattern", 0.65, en=en, role=head.role, lang=lang))
            i = e + 1
            continue
        i += 1
    out.extend(_ru_quoted(text, toks, w, lang))
    return out


# oblique adjective endings → nominative singular, per gender of the head (a velar or hissing
# consonant before the ending takes -ий/-ая: Томского → Томский, Общей → Общая)
_TO_NOM = {"m": {"ого": "ый", "ому": "ый", "ым": "ый", "ом": "ый", "его": "ий", "ему": "ий", "им": "ий", "ем": "ий"},
           "n": {"ого": "ое", "ому": "ое", "ым": "ое", "ом": "ое", "его": "ее", "ему": "ее", "им": "ее", "ем": "ее"},
           "f": {"ой": "ая", "ую": "ую", "ою": "ая", "ей": "яя", "юю": "яя", "ею": "яя"}}
_GENDER = {"m": "m", "i": "m", "n": "n", "ie": "n", "ia": "f", "a": "f"}


def nominative(text: str, span: list[Tok], hi: int, head: Head) -> str | None:
    """The name in the nominative when its head is written in another case: the head's ending
    replaced, the adjectives before it agreeing, the words after it (genitives, Japanese names)
    as written: "Томском государственном университете" → "Томский государственный университет",
    "Министерства науки" → "Министерство науки". None when it is already nominative."""
    t = span[hi]
    ending = t.text[len(head.word):]
    nom_end = RU_ENDINGS[head.decl][0]
    if ending.casefold() == nom_end:
        return None
    g = _GENDER[head.decl]
    words = []
    for k, x in enumerate(span[:hi]):
        low = x.text.casefold()
        end = next((e for e in sorted(_TO_NOM[g], key=len, reverse=True) if low.endswith(e)), None)
        if end is None or x.gaz is not None:
            words.append(x.text)
            continue
        new = _TO_NOM[g][end]
        stem = x.text[:-len(end)]
        if new == "ую":
            new = "ая"
        if stem[-1:].casefold() in "кгхжшщч":
            new = {"ый": "ий", "яя": "ая", "ее": "ое" if stem[-1:].casefold() in "кгх" else "ее"}.get(new, new)
        words.append(stem + (new.upper() if x.text.isupper() else new))
    head_word = t.text[:len(head.word)] + (nom_end.upper() if t.text.isupper() else nom_end)
    out = " ".join(words + [head_word])
    rest = text[t.end:span[-1].end] if hi + 1 < len(span) else ""
    return out + rest


_ABBR_TOKEN = re.compile(r"(?<![А-Яа-яЁёA-Za-z0-9-])[А-ЯЁ][А-Яа-яЁё]{2,7}(?![А-Яа-яЁёA-Za-z0-9-])")


def abbr_universities(text: str, w: OrgWords, found: list[Found], lang: str | None) -> list[Found]:
    """ВСГУТУ, ЗабГУ, ДВФУ: an abbreviation not otherwise known whose ending reads "… государственный
    (технический, федеральный) университет" names a university, in a table as in running text."""
    taken = {text[f.start:f.end] for f in found}
    initials = {}  # АГУ → the Амурский государственный университет the document names
    for f in found:
        words = re.findall(r"[А-ЯЁа-яё]+", text[f.start:f.end])
        if f.type == "university" and len(words) >= 2:
            initials.setdefault("".join(x[0].upper() for x in words if x.casefold() not in w.ru_stop), f)
            k = next((n for n, x in enumerate(words) if x.casefold() in ("имени", "им")), len(words))
            initials.setdefault("".join(x[0].upper() for x in words[:k]), f)  # КазНУ: … университет имени аль-Фараби
    out = []
    for m in _ABBR_TOKEN.finditer(text):
        a = m.group()
        if w.ru_univ_abbr is None or a in taken or a in w.ru_quoted or not w.ru_univ_abbr.fullmatch(a) or \
                any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        full = initials.get("".join(c for c in a if c.isupper()))
        if full is not None:
            out.append(Found(m.start(), m.end(), full.id, full.name, "university", full.country, full.parent,
                             "alias", 0.6, en=full.en, lang=lang, tags={"abbr"}))
            continue
        out.append(Found(m.start(), m.end(), slug(translit_ru(a)) or "university", a, "university", "RU",
                         None, "pattern", 0.6, en=translit_ru(a).upper(), lang=lang, tags={"abbr"}))
    return out


def _ru_mission(after: list[str], head: Head, w: OrgWords) -> str | None:
    """"Consulate of Japan in Vladivostok" from the words after посольство/консульство."""
    low = [x.casefold() for x in after]
    cut = next((k for k, x in enumerate(low) if x in ("в", "во")), len(low))
    sender = place_en_ru(w, " ".join(after[:cut]))
    host = place_en_ru(w, " ".join(after[cut + 1:])) if cut < len(low) else None
    if sender is None:
        return None
    return f"{head.en} of {sender}" + (f" in {host}" if host else "")


def _ru_quoted(text: str, toks: list[Tok], w: OrgWords, lang: str | None) -> list[Found]:
    """журнал «Э Вести», ООО «Ромашка»: the quoted name is an organisation."""
    out = []
    for a, b in zip(toks, toks[1:]):
        if not b.text.startswith("«") or a.gaz is not None:
            continue
        st = ru_stem(a.text) if _CYR.search(a.text) and not a.text.isupper() else a.text
        typ = next((v for k, v in w.ru_quoted.items() if st == k or st.startswith(k) and len(st) - len(k) <= 1), None)
        if typ:
            out.append(_quoted(text, b, typ, lang))
    return out


def _quoted(text: str, q: Tok, typ: str, lang: str | None) -> Found:
    """The name inside a «quoted» token, without the quotes and surrounding spaces."""
    inner = q.text[1:-1].strip()
    s = q.start + 1 + (len(q.text[1:-1]) - len(q.text[1:-1].lstrip()))
    return Found(s, s + len(inner), slug(inner) or "org", inner, typ, None, None, "pattern", 0.7,
                 en=translit_ru(inner), lang=lang, tags={"quoted"})


def _comma_list(toks: list[Tok], k: int, w: OrgWords) -> bool:
    """From toks[k]: lower-case genitives separated by commas and closed by "и" + a genitive
    ("науки и инноваций", "культуры, спорта и туризма")."""
    seen_and, stop = False, min(len(toks), k + 12)
    while k < stop and _CYR.match(toks[k].text) and toks[k].text[:1].islower():
        low = toks[k].text.casefold()
        if not (_RU_GEN.search(low) or low in w.ru_gen_zero) or low in w.ru_stop or _RU_VERB.search(low):
            return False
        if k + 1 < len(toks) and toks[k + 1].text == ",":
            k += 2
        elif k + 1 < len(toks) and toks[k + 1].text == "и" and not seen_and:
            seen_and, k = True, k + 2
        else:
            return seen_and
    return False


def _pre_start(toks: list[Tok], s: int, i: int, w: OrgWords) -> int:
    """Where the adjectives before the head begin: after a determiner or ordinal followed by a
    lower-case word ("Первая такая школа"), after a possessive ("своим Центром"), after a
    lower-case nationality ("японского университета X") and after a modifier that makes the
    head a thing ("Призовой фонд")."""
    for j in range(s, i):
        low = toks[j].text.casefold().replace("ё", "е")
        m = _DET_END.search(low)
        det = any(low[:m.start()] == d for d in w.ru_determiners) if m else False
        own = low in w.ru_possessives or any(len(p) >= 3 and low.startswith(p) and len(low) - len(p) <= 3
                                             for p in w.ru_possessives)
        if own or det and not _cap(toks[j + 1]) or ru_stem(low) in w.ru_not_org:
            s = j + 1
        elif j == s and low == toks[j].text and place_en_ru(w, low):
            s = j + 1  # "японского университета Тоттори": a nationality written small is no part of it
    return s


def _person(toks: list[Tok], k: int, e: int, w: OrgWords) -> bool:
    """toks[k] starts a person's name: a known given name or a word before a patronymic, or the
    first of two more capitalised words right after the name's own (Тоямы | Кэнтаро Мацуи)."""
    t = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not _cap(nxt) or not _CYR.match(nxt.text) or \
            t.text.casefold() in w.ru_ja_org or nxt.text.casefold() in w.ru_ja_org:
        return False
    if ru_stem(t.text) in w.ru_given or _PATRONYMIC.search(nxt.text):
        return True
    return e == k - 1 and _ru_head(toks[e], w) is None and _cap(toks[e]) and \
        place_en_ru(w, f"{t.text} {nxt.text}") is None and place_en_ru(w, f"{toks[e].text} {t.text}") is None
