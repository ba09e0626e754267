"""Organisation-type words (pipeline/data/org_words.toml) and places (places.toml), loaded once
and validated: heads that end an organisation name in ja/en/ru with their type, role and
English rendering; legal forms; stop words; country and city names for embassy ids.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import PipelineError

DATA = Path(__file__).resolve().parents[1] / "data"
ROLES = ("org", "either", "unit", "assoc", "mission")
# Russian singular case endings per declension class (plural forms are never a head)
RU_ENDINGS = {
    "m": ("", "а", "у", "ом", "е"),            # университет
    "n": ("о", "а", "у", "ом", "е"),           # министерство
    "ia": ("я", "и", "ю", "ей", "ею"),          # академия
    "a": ("а", "ы", "е", "у", "ой", "ою"),       # школа
    "ie": ("е", "я", "ю", "ем", "и"),          # управление
    "i": ("й", "я", "ю", "ем", "е"),            # музей
}


# adjective endings agreeing with each head ending (Ассоциации ← российской, not будущем)
_ADJ_M = {"": ("ый", "ий", "ой"), "а": ("ого", "его"), "у": ("ому", "ему"), "ом": ("ым", "им"),
          "е": ("ом", "ем"), "й": ("ый", "ий", "ой"), "я": ("ого", "его"), "ю": ("ому", "ему"),
          "ем": ("ым", "им")}
_ADJ_N = {"о": ("ое", "ее"), "е": ("ое", "ее", "ом", "ем"), "а": ("ого", "его"), "я": ("ого", "его"),
          "у": ("ому", "ему"), "ю": ("ому", "ему"), "ом": ("ым", "им"), "ем": ("ым", "им"),
          "и": ("ом", "ем")}
_ADJ_F = {"я": ("ая", "яя"), "а": ("ая", "яя"), "и": ("ой", "ей"), "ы": ("ой", "ей"), "е": ("ой", "ей"),
          "ю": ("ую", "юю"), "у": ("ую", "юю"), "ей": ("ой", "ей"), "ой": ("ой", "ей"),
          "ею": ("ою", "ею"), "ою": ("ою", "ею")}
RU_AGREE = {"m": _ADJ_M, "i": _ADJ_M, "n": _ADJ_N, "ie": _ADJ_N, "ia": _ADJ_F, "a": _ADJ_F}


class DataError(PipelineError):
    """A language-data file is malformed: says which file and entry."""


@dataclass(frozen=True)
class Head:
    word: str
    type: str
    role: str
    en: str
    decl: str = ""  # Russian declension class
    po: bool = False  # Russian: the name may go on with "по ..." (агентство по делам ...)
    named: bool = False  # Japanese: an organisation only after a proper noun (北海道…ネットワーク)


@dataclass(eq=False)  # hashed by identity: loaded once, cached helpers key on it
class OrgWords:
    ja_heads: dict[str, Head]
    ja_fused: dict[str, str]
    ja_legal: dict[str, str]
    ja_start: frozenset[str]
    ja_stop: frozenset[str]
    ja_generic: frozenset[str]
    ja_country: frozenset[str]
    ja_self: tuple[str, ...]
    ja_translate: dict[str, str]
    ja_counters: frozenset[str]  # 第 + numeral + one of them is an ordinal (第2回, 第一部)
    ja_address: frozenset[str]  # after an organisation word they make a street/district (学校町)
    en_heads: dict[str, Head]
    en_company: frozenset[str]
    en_company_prefixes: frozenset[str]
    en_head_first: frozenset[str]
    en_particles: frozenset[str]
    en_connectors: frozenset[str]
    en_not_name: frozenset[str]  # includes en_titles
    en_titles: frozenset[str]
    en_generic: frozenset[str]
    en_programme: frozenset[str]
    en_publications: frozenset[str]
    not_acronyms: frozenset[str]
    ru_heads: dict[str, Head]  # full inflected form → head (stem in .word)
    ru_quoted: dict[str, str]
    ru_stop: frozenset[str]
    ru_translate: dict[str, str]
    ru_given: frozenset[str]  # stems of common given names: a person, never part of a name
    ru_determiners: frozenset[str]  # stems of ordinals/demonstratives: "Первая такая школа"
    ru_not_org: frozenset[str]  # adjective stems making the head a thing: "Призовой фонд"
    ru_possessives: frozenset[str]  # possessive pronoun stems: "своим Центром" starts at Центром
    ru_ja_org: frozenset[str]  # Japanese organisation words in Cyrillic (гакуэн, дайгаку), casefolded
    ru_gen_zero: frozenset[str] = frozenset()  # genitive plurals with no ending (наук, искусств)
    ru_univ_abbr: re.Pattern | None = None  # ВСГУТУ, ЗабГУ: abbreviations that are universities
    ja_country_named: frozenset[str] = frozenset()  # heads a country's name alone makes a name of
    countries: dict[str, str] = field(default_factory=dict)  # any form (folded) → ISO code
    country_en: dict[str, str] = field(default_factory=dict)  # ISO code → English name
    cities: dict[str, tuple[str, str]] = field(default_factory=dict)  # form → (en, ISO)
    ru_places: list[tuple[str, str]] = field(default_factory=list)  # (stem, English) longest first


def _heads(table: dict, where: str, problems: list[str], types: tuple[str, ...]) -> dict[str, Head]:
    out = {}
    for word, spec in table.items():
        if not isinstance(spec, dict):
            problems.append(f"{where}.{word}: expected a table {{type, role, ...}}")
            continue
        t, role = spec.get("type"), spec.get("role")
        if t not in types:
            problems.append(f"{where}.{word}: type {t!r} not one of {', '.join(types)}")
        if role not in ROLES:
            problems.append(f"{where}.{word}: role {role!r} not one of {', '.join(ROLES)}")
        out[word] = Head(word, t, role, spec.get("en") or word, named=bool(spec.get("named")))
    return out


def _strings(d: dict, key: str, where: str, problems: list[str]) -> list[str]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        problems.append(f"{where}.{key}: expected a list of non-empty strings")
        return []
    return v


def read_toml(path: Path, what: str) -> dict:
    """A language-data file as a dict; DataError naming the file when it cannot be read."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DataError(f"{path}: cannot read {what}: {e}") from None


def _ru_stem(word: str) -> str:
    from .gazetteer import ru_stem

    return ru_stem(word)


def load(words_path: Path | None = None, places_path: Path | None = None) -> OrgWords:
    from .gazetteer import TYPES

    wp, pp = words_path or DATA / "org_words.toml", places_path or DATA / "places.toml"
    problems: list[str] = []
    try:
        w = tomllib.loads(wp.read_text(encoding="utf-8"))
        p = tomllib.loads(pp.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DataError(f"cannot read organisation words: {e}") from None
    ja, en, ru = w.get("ja", {}), w.get("en", {}), w.get("ru", {})
    ru_heads: dict[str, Head] = {}
    for stem, spec in ru.get("heads", {}).items():
        decl = spec.get("decl") if isinstance(spec, dict) else None
        if decl not in RU_ENDINGS:
            problems.append(f"ru.heads.{stem}: decl {decl!r} not one of {', '.join(RU_ENDINGS)}")
            continue
        for h in _heads({stem: spec}, "ru.heads", problems, TYPES).values():
            h = Head(h.word, h.type, h.role, h.en, decl, bool(spec.get("po")))
            for ending in RU_ENDINGS[decl]:
                ru_heads[stem + ending] = h
    words = OrgWords(
        ja_heads=_heads(ja.get("heads", {}), "ja.heads", problems, TYPES),
        ja_fused=dict(ja.get("fused_titles", {})),
        ja_legal=dict(ja.get("legal_forms", {})),
        ja_start=frozenset(_strings(ja, "start_prefixes", "ja", problems)),
        ja_stop=frozenset(_strings(ja, "stop", "ja", problems)),
        ja_generic=frozenset(_strings(ja, "generic", "ja", problems)),
        ja_country=frozenset(_strings(ja, "country_words", "ja", problems)),
        ja_self=tuple(_strings(ja, "self_refs", "ja", problems)),
        ja_translate=dict(ja.get("translate", {})),
        ja_counters=frozenset(_strings(ja, "ordinal_counters", "ja", problems)),
        ja_address=frozenset(_strings(ja, "address_suffixes", "ja", problems)),
        ja_country_named=frozenset(_strings(ja, "country_named_heads", "ja", problems)),
        en_heads=_heads(en.get("heads", {}), "en.heads", problems, TYPES),
        en_company=frozenset(_strings(en, "company_suffixes", "en", problems)),
        en_company_prefixes=frozenset(_strings(en, "company_prefixes", "en", problems)),
        en_head_first=frozenset(_strings(en, "head_first", "en", problems)),
        en_particles=frozenset(_strings(en, "head_first_particles", "en", problems)),
        en_connectors=frozenset(_strings(en, "connectors", "en", problems)),
        en_not_name=frozenset(_strings(en, "not_name", "en", problems) + _strings(en, "titles", "en", problems)),
        en_titles=frozenset(_strings(en, "titles", "en", problems)),
        en_generic=frozenset(x for g in _strings(en, "generic", "en", problems) for x in (g, g.replace("-", "–"))),
        en_programme=frozenset(_strings(en, "programme_endings", "en", problems)),
        en_publications=frozenset(_strings(en, "publication_words", "en", problems)),
        not_acronyms=frozenset(_strings(en, "not_acronyms", "en", problems)),
        ru_heads=ru_heads,
        ru_quoted=dict(ru.get("quoted_kinds", {})),
        ru_stop=frozenset(_strings(ru, "stop", "ru", problems)),
        ru_translate=dict(ru.get("translate", {})),
        ru_given=frozenset(_ru_stem(x) for x in _strings(ru, "given_names", "ru", problems)),
        ru_determiners=frozenset(_strings(ru, "determiners", "ru", problems)),
        ru_not_org=frozenset(_strings(ru, "not_org_modifiers", "ru", problems)),
        ru_possessives=frozenset(_strings(ru, "possessives", "ru", problems)),
        ru_ja_org=frozenset(x.casefold() for x in _strings(ru, "ja_org_words", "ru", problems)),
        ru_gen_zero=frozenset(x.casefold() for x in _strings(ru, "genitive_plural_zero", "ru", problems)),
        ru_univ_abbr=re.compile(r"[А-ЯЁ](?:[а-яё]{1,3}|[А-ЯЁ]{0,5})(?:%s)" % "|".join(
            sorted(_strings(ru, "university_abbr_endings", "ru", problems), key=len, reverse=True))),
    )
    for t in list(words.ja_legal.values()) + list(words.ru_quoted.values()):
        if t not in TYPES:
            problems.append(f"legal form / quoted kind type {t!r} not one of {', '.join(TYPES)}")
    for code, c in p.get("country", {}).items():
        if len(code) != 2 or not code.isupper() or not isinstance(c.get("en"), str):
            problems.append(f"places: country.{code}: needs a 2-letter ISO code and an 'en' name")
            continue
        words.country_en[code] = c["en"]
        for form in c.get("ja", []) + c.get("en_forms", []):
            words.countries[form.casefold()] = code
        for stem in c.get("ru", []):
            words.ru_places.append((stem, c["en"]))
    for key, c in p.get("city", {}).items():
        if c.get("country") not in words.country_en or not isinstance(c.get("en"), str):
            problems.append(f"places: city.{key}: needs 'en' and a known 'country'")
            continue
        for form in c.get("ja", []) + c.get("en_forms", []):
            words.cities[form.casefold()] = (c["en"], c["country"])
        for stem in c.get("ru", []):
            words.ru_places.append((stem, c["en"]))
    words.ru_places.sort(key=lambda x: -len(x[0]))
    if problems:
        raise DataError(f"{wp.name}/{pp.name}: " + "; ".join(problems))
    return words


@lru_cache(maxsize=1)
def default() -> OrgWords:
    return load()


def place_en(words: OrgWords, text: str) -> tuple[str, str | None] | None:
    """(English name, ISO code) of a country or city written in ja/en, or None."""
    t = text.strip().casefold()
    if t.startswith("the "):
        t = t[4:]
    if t in words.countries:
        code = words.countries[t]
        return words.country_en[code], code
    if t in words.cities:
        return words.cities[t]
    return None


def place_en_ru(words: OrgWords, text: str) -> str | None:
    """English name of a Russian country/city phrase in any case ("Российской Федерации")."""
    t = " ".join(text.casefold().replace("ё", "е").split())
    for stem, en in words.ru_places:
        parts = stem.split()
        toks = t.split()
        if len(toks) == len(parts) and all(tok.startswith(s) and len(tok) - len(s) <= 3
                                           for tok, s in zip(toks, parts)):
            return en
    return None


def national(words: OrgWords, en: str) -> bool:
    """An English name naming a country (Government of Japan, Russian Federation Government)."""
    ws = re.findall(r"[A-Za-z]+", en)
    return any(" ".join(ws[i:i + n]).casefold() in words.countries for n in (1, 2) for i in range(len(ws)))
