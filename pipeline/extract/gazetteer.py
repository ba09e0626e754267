"""The institution gazetteer (pipeline/data/institutions.toml): loaded once, validated, and
compiled into matchers.

- Japanese names: one regex built from a character trie (leftmost-longest, case-insensitive
  for the Latin letters some names contain).
- English and Russian names: sequences of normalised words (case folded; Russian words cut to
  their stem so every case form matches: "Посольства Японии в Российской Федерации"),
  looked up from a dict keyed by the first word.
- Abbreviations: exact-case whole words; `abbr_local` ones only count when the document also
  names the organisation in full (the stage checks that).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import orgwords
from .orgwords import DATA, DataError, place_en, read_toml
from .romanize import sound_key
from .trie import trie_pattern

TYPES = ("university", "research_institute", "ministry", "agency", "local_government", "embassy",
         "consulate", "trade_mission", "company", "international_org", "association", "consortium",
         "foundation", "media", "school", "museum", "committee", "sub_unit")
SOURCES = ("gazetteer", "pattern", "alias", "publisher")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"id", "type", "country", "ja", "en", "ru", "abbr", "abbr_local", "parent"}

WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-žА-Яа-яЁё]+(?:['’][A-Za-z]+)?|&")
_CYR = re.compile(r"[А-Яа-яЁё]")
_NOM_OM = re.compile(r"^[А-ЯЁ][а-яё]{3,}[оеё]м$")
_LONGER = re.compile(r"\s+(?:of|for|OF|FOR)\s+([A-Z][\w\-]*)")
_LETTER = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]")
_HEAD_END = re.compile(r"(?:University|Institute|College)$")
_RU_END = sorted("""иями ями ами ого его ому ему ыми ими ией иях иям ия ии ию ие ий ый ой ая яя ое ее ые
                 ых их ым им ом ем ам ям ах ях ов ев ей ую юю а я о е ы и у ю ь й""".split(),
                 key=len, reverse=True)


@lru_cache(maxsize=50000)
def ru_stem(word: str) -> str:
    """A Russian word without its case ending (casefolded): Российской → российск."""
    w = word.casefold().replace("ё", "е")
    for e in _RU_END:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


@lru_cache(maxsize=50000)
def norm_word(w: str) -> str:
    if w == "&":
        return "and"
    return ru_stem(w) if _CYR.search(w) else w.casefold()


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) for the Latin/Cyrillic words of text[start:end]."""
    ms = list(WORD.finditer(text, start, len(text) if end is None else end))
    return list(zip(map(norm_word, map(re.Match.group, ms)), map(re.Match.start, ms), map(re.Match.end, ms)))


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    country: str
    ja: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    abbr_local: tuple[str, ...] = ()
    parent: str = ""

    def name(self, lang: str | None) -> str:
        """Canonical name: in `lang` when the gazetteer has it, else English, else any."""
        for names in ({"ja": self.ja, "ru": self.ru}.get(lang or "", ()), self.en, self.ja, self.ru, self.abbr):
            if names:
                return names[0]
        return self.id


@dataclass
class Found:
    """A candidate institution mention, before the stage turns it into an InstitutionMention."""

    start: int
    end: int
    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    source: str = "pattern"
    confidence: float = 0.7
    en: str = ""  # English rendering, for ids and initials of discovered names
    role: str = "org"
    lang: str | None = None
    tags: set[str] = field(default_factory=set)


def trie_regex(names: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """One compiled regex for a list of strings, factored as a trie (fast, and greedy = longest);
    an empty list never matches."""
    return re.compile(trie_pattern(names) or "(?!)", flags)


def en_key(name: str) -> str:
    """Key of an English name for spelling-tolerant lookup: "University of Sinsu" and
    "Shinshu University" → same key."""
    n = re.sub(r"^(?:the\s+)", "", name.strip(), flags=re.I)
    m = re.match(r"^(University|Institute|Academy)\s+of\s+(?:the\s+)?(.+)$", n, re.I)
    if m:
        n = f"{m.group(2)} {m.group(1)}"
    return sound_key(n)


class Gazetteer:
    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
        ja_names: dict[str, Entry] = {}
        self.seq: dict[str, list[tuple[tuple[str, ...], Entry, str]]] = {}
        self.abbr: dict[str, Entry] = {}
        self.abbr_local: dict[str, list[Entry]] = {}
        self.keys: dict[str, Entry] = {}
        for e in entries:
            for n in e.ja:
                ja_names[n.casefold()] = e
            for n in e.en + e.ru + _short_country(e.ru):
                toks = tuple(w for w, _, _ in words(n))
                if toks:
                    self.seq.setdefault(toks[0], []).append((toks, e, n))
                # Газпром, Росатом: a nominative ending in -ом/-ем is no case ending (Газпрома → газпром)
                whole = tuple(m.group().casefold() if _NOM_OM.search(m.group()) else w
                              for (w, _, _), m in zip(words(n), WORD.finditer(n)))
                if whole != toks:
                    self.seq.setdefault(whole[0], []).append((whole, e, n))
            for n in e.en:
                self.keys.setdefault(en_key(n), e)
            for a in e.abbr:
                if " " in a:
                    toks = tuple(w for w, _, _ in words(a))
                    self.seq.setdefault(toks[0], []).append((toks, e, a))
                else:
                    self.abbr[a] = e
            for a in e.abbr_local:
                self.abbr_local.setdefault(a, []).append(e)
        for cands in self.seq.values():
            cands.sort(key=lambda c: -len(c[0]))
        # a word no name or abbreviation starts with (normalised) is skipped without a look;
        # names of two words or more are looked up by their first two words (longest first,
        # as in seq), one-word names by their word
        self.first = frozenset(self.seq) | {norm_word(a) for a in self.abbr}
        self.seq2: dict[tuple[str, str], list[tuple[tuple[str, ...], Entry, str]]] = {}
        self.seq1: dict[str, list[tuple[tuple[str, ...], Entry, str]]] = {}
        for w, cands in self.seq.items():
            for c in cands:
                if len(c[0]) > 1:
                    self.seq2.setdefault(c[0][:2], []).append(c)
                else:
                    self.seq1.setdefault(w, []).append(c)
        self.ja_names = ja_names
        self.ja_re = trie_regex(sorted(ja_names))

    def find(self, text: str, toks: list[tuple[str, int, int]] | None = None) -> list[Found]:
        """Every gazetteer name and global abbreviation in `text` (`toks` = words(text), worked
        out here when not given), leftmost-longest, not overlapping within one script family."""
        out: list[Found] = []
        for m in self.ja_re.finditer(text):
            e = self.ja_names[m.group().casefold()]
            out.append(self._found(e, m.start(), m.end(), "ja", 0.95))
        if toks is None:
            ms = list(WORD.finditer(text))
            norms = list(map(norm_word, map(re.Match.group, ms)))
            starts, ends = list(map(re.Match.start, ms)), list(map(re.Match.end, ms))
        else:
            norms, starts, ends = (list(x) for x in zip(*toks)) if toks else ([], [], [])
        n, nxt, first = len(norms), 0, self.first
        for i in [i for i, x in enumerate(norms) if x in first]:
            if i < nxt:
                continue  # inside the name found before
            w, s = norms[i], starts[i]
            hit = None
            cands = self.seq1.get(w, ())
            if i + 1 < n:
                cands = self.seq2.get((w, norms[i + 1]), []) + list(cands)
            for seq, e, name in cands:
                k = len(seq)
                if i + k <= n and all(norms[i + j] == seq[j] for j in range(2, k)) and \
                        _tight(text, starts, ends, i, k):
                    end = ends[i + k - 1]
                    if name.endswith(".") and text[end:end + 1] == ".":
                        end += 1
                    hit = (k, e, end, "ru" if _CYR.search(name) else "en")
                    break
            if hit is None:
                e = self.abbr.get(text[s:ends[i]])
                if e is not None and _alone(text, s, ends[i]):
                    out.append(self._found(e, s, ends[i], None, 0.9, abbr=True))
                continue
            k, e, end, lang = hit
            if lang == "en" and e.type == "company" and _NEXT_CAP.match(text, end):
                continue  # Hitachi Zosen Corporation: another company named after it
            if lang == "en" and _HEAD_END.search(name) and _longer(text, end) or lang == "ru" and _ja_word_after(text, end):
                continue  # "Hokkaido University of Education", "университета Тохоку Гакуин": another one
            out.append(self._found(e, s, end, lang, 0.95))
            nxt = i + k
        return out

    def _found(self, e: Entry, s: int, t: int, lang: str | None, conf: float, abbr: bool = False) -> Found:
        f = Found(s, t, e.id, "", e.type, e.country or None, e.parent or None, "gazetteer", conf,
                  en=e.en[0] if e.en else "", role="org", lang=lang)
        if abbr:
            f.tags.add("abbr")
        return f

    def lookup_key(self, en_name: str) -> Entry | None:
        return self.keys.get(en_key(en_name)) if en_name else None


def _short_country(names: tuple[str, ...]) -> tuple[str, ...]:
    """Russian names ending in "Российской Федерации" are written with "РФ" too."""
    return tuple(n[: -len("Российской Федерации")] + "РФ" for n in names if n.endswith(" Российской Федерации"))


def _longer(text: str, end: int) -> bool:
    """The name goes on with "of/for X" (X not a country: "Altai State University of Russia")."""
    m = _LONGER.match(text, end)
    return bool(m) and place_en(orgwords.default(), m.group(1)) is None


_NEXT_CAP = re.compile(r" (?!(?:And|The|In|On|At|Of|For)\b)[A-Z][a-z]")
_NEXT_WORD = re.compile(r" ([А-ЯЁа-яё]+)")


def _ja_word_after(text: str, end: int) -> bool:
    """A Japanese organisation word in Cyrillic follows: the name goes on (Тохоку | Гакуин)."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).casefold() in orgwords.default().ru_ja_org


def _tight(text: str, starts: list[int], ends: list[int], i: int, k: int) -> bool:
    """The k words from i are one phrase: only spaces, hyphens and light punctuation between."""
    for j in range(i, i + k - 1):
        gap = text[ends[j]:starts[j + 1]]
        if len(gap) > 3 or any(c in gap for c in "\n\t;:/|"):
            return False
    return True


def _alone(text: str, s: int, t: int) -> bool:
    """An abbreviation is a whole word: no letters glued to it (hyphens allowed: KFU-RIKEN)."""
    before = text[s - 1:s]
    after = text[t:t + 1]
    return not (_LETTER.match(before) or _LETTER.match(after))


def _check(raw: dict, i: int, problems: list[str], seen: set[str]) -> Entry | None:
    where = f"org[{i}]" + (f" ({raw.get('id')})" if raw.get("id") else "")
    unknown = set(raw) - _FIELDS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(_FIELDS)})")
    oid, typ, country = raw.get("id"), raw.get("type"), raw.get("country", "")
    if not isinstance(oid, str) or not _ID.match(oid):
        problems.append(f"{where}: id must be a lower-case slug like 'hokkaido-university'")
        return None
    if oid in seen:
        problems.append(f"{where}: duplicate id")
    seen.add(oid)
    if typ not in TYPES:
        problems.append(f"{where}: type {typ!r} not one of {', '.join(TYPES)}")
    if not isinstance(country, str) or (country and not re.fullmatch(r"[A-Z]{2}", country)):
        problems.append(f"{where}: country must be an ISO 3166-1 alpha-2 code or empty")
    lists = {}
    for k in ("ja", "en", "ru", "abbr", "abbr_local"):
        v = raw.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            problems.append(f"{where}: {k} must be a list of non-empty strings")
            v = []
        lists[k] = tuple(unicodedata.normalize("NFKC", x).strip() for x in v)
    if not (lists["ja"] or lists["en"] or lists["ru"]):
        problems.append(f"{where}: needs at least one name in ja, en or ru")
    return Entry(oid, typ, country, parent=raw.get("parent", ""), **lists)


def load(path: Path | None = None) -> Gazetteer:
    p = path or DATA / "institutions.toml"
    data = read_toml(p, "the gazetteer")
    problems: list[str] = []
    seen: set[str] = set()
    entries = [e for i, raw in enumerate(data.get("org", [])) if (e := _check(raw, i, problems, seen))]
    for e in entries:
        if e.parent and e.parent not in seen:
            problems.append(f"{e.id}: parent {e.parent!r} is not an id in the gazetteer")
    if problems:
        raise DataError(f"{p}: " + "; ".join(problems))
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    return load()


__all__ = ["TYPES", "SOURCES", "Entry", "Found", "Gazetteer", "load", "default", "words"]
