"""Language-independent keys of organisation names (pipeline/data/org_lexicon.toml), so that
names the gazetteer does not know can be linked across Japanese, English and Russian:

    日本ロシア語通訳者協会 / Japan Association of Russian Interpreters
        → concepts {association, interpreter, japan, russia}, names ()
    島根県立大学 / Университет префектуры Симанэ
        → concepts {prefectural, university}, names ("simane",)

Organisation words and common content words map to concepts; the other words are proper
names, romanised (cutlet for Japanese, a Polivanov-aware table for Russian: Симанэ → shimane,
Тиба → chiba) and compared by sound (romanize.sound_key), tolerating a Russian case ending.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .orgwords import DATA, DataError, read_toml
from .romanize import romaji, sound_key

JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々〆ヶ]")
_CYR = re.compile(r"[А-Яа-яЁё]")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]+(?:[-.][0-9A-Za-zА-Яа-яЁё]+)*\.?|&")
# Polivanov (Japanese in Cyrillic) back to Hepburn, longest first; then romanize's table
_POLIVANOV = [("дзи", "ji"), ("дзя", "ja"), ("дзю", "ju"), ("дзё", "jo"), ("дз", "z"), ("си", "shi"),
              ("ся", "sha"), ("сю", "shu"), ("сё", "sho"), ("ти", "chi"), ("тя", "cha"), ("тю", "chu"),
              ("тё", "cho"), ("цу", "tsu"), ("э", "e"), ("ё", "yo"), ("ю", "yu"), ("я", "ya"), ("й", "i")]
_RU_LAT = dict(zip("абвгдежзиклмнопрстуфхцчшщъыь",
                   ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                    "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", ""]))
_RU_CASE = re.compile(r"(?:ого|его|ому|ему|ой|ей|ом|ем|ым|им|ую|ая|яя|ый|ий|ы|и|а|у|е|о)$")
_ADJ_SUFFIX = re.compile(r"(?:sk|ck)$")  # Казанск(ий) ~ Kazan


@dataclass(frozen=True)
class Lexicon:
    ja: dict[str, frozenset[str]]  # form → concepts
    en: dict[str, frozenset[str]]
    ru: list[tuple[str, frozenset[str]]]  # (stem, concepts), longest stem first
    weak: frozenset[str]
    skip_ja: frozenset[str]
    skip_en: frozenset[str]
    skip_ru: frozenset[str]


def load(path: Path | None = None) -> Lexicon:
    p = path or DATA / "org_lexicon.toml"
    data = read_toml(p, "the organisation lexicon")
    problems: list[str] = []
    ja: dict[str, frozenset[str]] = {}
    en: dict[str, frozenset[str]] = {}
    ru: list[tuple[str, frozenset[str]]] = []
    for name, spec in data.get("concept", {}).items():
        if not isinstance(spec, dict) or set(spec) - {"ja", "en", "ru"} or not all(
                isinstance(v, list) and all(isinstance(x, str) and x for x in v) for v in spec.values()):
            problems.append(f"concept.{name}: expected {{ja, en, ru}} lists of non-empty strings")
            continue
        c = frozenset(name.split("+"))
        for f in spec.get("ja", []):
            ja[f] = c
        for f in spec.get("en", []):
            en[f.casefold()] = c
        ru += [(f.casefold(), c) for f in spec.get("ru", [])]
    skip = data.get("skip", {})
    weak = data.get("weak", [])
    if not isinstance(weak, list) or not isinstance(skip, dict):
        problems.append("weak must be a list and skip a table {ja, en, ru}")
        weak, skip = [], {}
    if problems:
        raise DataError(f"{p}: " + "; ".join(problems))
    ru.sort(key=lambda x: -len(x[0]))
    return Lexicon(ja, en, ru, frozenset(weak), frozenset(skip.get("ja", [])),
                   frozenset(x.casefold() for x in skip.get("en", [])),
                   frozenset(x.casefold() for x in skip.get("ru", [])))


@lru_cache(maxsize=1)
def default() -> Lexicon:
    return load()


Key = tuple[frozenset[str], tuple[str, ...]]


def polivanov(word: str) -> str:
    """A Russian word in Latin letters, reading Japanese syllables the Polivanov way."""
    w = word.casefold()
    for a, b in _POLIVANOV:
        w = w.replace(a, b)
    return "".join(_RU_LAT.get(ch, ch) for ch in w)


@lru_cache(maxsize=4096)
def key(name: str) -> Key:
    """(concepts without the weak ones, sound keys of the proper names in order)."""
    lex = default()
    if JA.search(name):
        concepts, names = _ja(name, lex)
    else:
        concepts, names = _latin_cyrillic(name, lex)
    return frozenset(concepts - lex.weak), tuple(n for n in names if n)


def _ja(name: str, lex: Lexicon) -> tuple[set[str], list[str]]:
    from ..segment import tagger

    toks = [w.surface for w in tagger()(name)]
    concepts: set[str] = set()
    names: list[str] = []
    rest = ""
    i = 0
    while i < len(toks):
        for n in range(min(3, len(toks) - i), 0, -1):
            c = lex.ja.get("".join(toks[i:i + n]))
            if c is not None:
                break
        if c is None:
            if toks[i] not in lex.skip_ja:
                rest += toks[i]
            elif rest:
                names.append(sound_key(romaji(rest)))
                rest = ""
            i += 1
            continue
        if rest:
            names.append(sound_key(romaji(rest)))
            rest = ""
        concepts |= c
        i += n
    if rest:
        names.append(sound_key(romaji(rest)))
    return concepts, names


def _latin_cyrillic(name: str, lex: Lexicon) -> tuple[set[str], list[str]]:
    words = [m.group().casefold().replace("ё", "е").rstrip(".") for m in _WORD.finditer(name)]
    concepts: set[str] = set()
    names: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if i + 1 < len(words) and (c := lex.en.get(f"{w} {words[i + 1]}")):
            concepts |= c
            i += 2
            continue
        i += 1
        if w in lex.skip_en or w in lex.skip_ru:
            continue
        if _CYR.search(w):
            c = next((c for stem, c in lex.ru if w.startswith(stem) and len(w) - len(stem) <= 4), None)
            if c is None:
                stem = _RU_CASE.sub("", w)
                names.append(sound_key(polivanov(stem if len(stem) >= 3 else w)))
                continue
        else:
            c = lex.en.get(w) or (lex.en.get(w[:-1]) if w.endswith("s") else None)
            if c is None:
                names.append(sound_key(w))
                continue
        concepts |= c
    return concepts, names


def same(a: Key, b: Key) -> bool:
    """Two keys name the same organisation: the same concepts, and proper names that sound
    alike (one may be the other plus a case ending: тоям ~ toyama)."""
    (ca, na), (cb, nb) = a, b
    if ca != cb or not ca or len(na) != len(nb):
        return False
    if not na:
        return len(ca) >= 3
    return all(_close(x, y) for x, y in zip(sorted(na), sorted(nb))) or _close("".join(na), "".join(nb))


def _close(x: str, y: str) -> bool:
    if x == y:
        return True
    short, long_ = sorted((_ADJ_SUFFIX.sub("", x), _ADJ_SUFFIX.sub("", y)), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2
