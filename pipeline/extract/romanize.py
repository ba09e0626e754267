"""Latin renderings of Japanese and Russian names, for the ids of discovered institutions.

The only module that imports cutlet (Japanese → Hepburn romaji, with the English spelling of
loanwords UniDic knows: カザン → Kazan). Russian is transliterated with a fixed table.
`slug` and `sound_key` turn renderings into ids and spelling-tolerant comparison keys, so that
カザン連邦大学, "Kazan Federal University" and "Казанский федеральный университет" can meet.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RU = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


@lru_cache(maxsize=1)
def _cutlet():
    import cutlet  # uses fugashi + unidic-lite; no network

    return cutlet.Cutlet()


@lru_cache(maxsize=20000)
def romaji(text: str) -> str:
    """Hepburn romaji of a Japanese string ("" for an empty one), loanwords in English spelling."""
    if not text:
        return ""
    out = _cutlet().romaji(text)
    return re.sub(r"\s*/\s*", " ", out).strip()


_RU_TABLE = {ord(k): v for k, v in _RU.items()} | {ord(k.upper()): v.capitalize() for k, v in _RU.items()}


def translit_ru(text: str) -> str:
    """Russian Cyrillic → Latin (a simple BGN/PCGN-like table); other characters kept."""
    return text.translate(_RU_TABLE)


@lru_cache(maxsize=50000)
def slug(text: str) -> str:
    """An id slug: ASCII, lower case, words joined by '-' ("Kazan Federal University" →
    "kazan-federal-university"). Cyrillic is transliterated, other scripts dropped."""
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", text))  # Japan–Russia
    s = unicodedata.normalize("NFKD", translit_ru(s))
    s = s.encode("ascii", "ignore").decode().lower().replace("&", " and ")
    s = re.sub(r"['’]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    s = re.sub(r"^the-", "", s)
    return s.replace("centre", "center")


_LONG = [("ou", "o"), ("oo", "o"), ("uu", "u"), ("ei", "e"), ("ii", "i"), ("aa", "a")]


@lru_cache(maxsize=20000)
def sound_key(text: str) -> str:
    """A spelling-tolerant key of a romanised name: Tohoku, Touhoku, Тохоку → "tooku" → same key;
    Shinshu, Sinsu, Sinxu → "sinsu"."""
    s = slug(text).replace("-", "")
    for a, b in (("kh", "h"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("tz", "c"),
                 ("x", "s"), ("j", "z"), ("dz", "z"), ("w", "v"), ("y", "i"), ("l", "r"), ("h", "")):
        s = s.replace(a, b)
    for a, b in _LONG:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)
