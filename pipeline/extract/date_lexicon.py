"""The date extractor's language knowledge: pipeline/data/dates.toml, loaded once and validated.

Eras, month and weekday names (en/ru, with Russian case forms), season words, year cues and
range connectors. `lexicon()` returns one frozen `Lexicon`; every problem in the file is
reported at once, with its key path.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import PipelineError

DATA_FILE = "data/dates.toml"


class LexiconError(PipelineError):
    """pipeline/data/dates.toml is missing keys or has values that contradict each other."""

    stage = "dates"

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"pipeline/{DATA_FILE}: " + "; ".join(problems)
                         + " (fix the data file; it ships with the package)")


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    romaji: str  # reiwa
    start: dt.date  # first day of the era
    abbrev: str  # R
    short: str  # 令 ("" when the one-kanji form is ambiguous)
    last: int | None  # last year number of the era (None for the current era)
    latin: tuple[str, ...] = ()  # names in Latin script: Heisei, Shōwa

    def to_gregorian(self, n: int) -> int:
        """Year `n` of this era (1 = 元年) as a Gregorian year."""
        return self.start.year + n - 1


@dataclass(frozen=True)
class Lexicon:
    year_min: int
    year_max: int
    era_overrun: int
    eras: tuple[Era, ...]
    ja: dict[str, Any]
    en: dict[str, Any]
    ru: dict[str, Any]
    # surface form -> month number / weekday index (0 = Monday), per language
    en_months: dict[str, int]
    ru_months: dict[str, int]
    en_weekdays: dict[str, int]
    ru_weekdays: dict[str, int]
    ja_weekdays: dict[str, int]

    def era(self, name: str) -> Era | None:
        """The era named by its kanji, Latin initial or one-kanji abbreviation."""
        for e in self.eras:
            if name in (e.name, e.abbrev, e.short) or name == e.abbrev.lower():
                return e
            if name.casefold() in {w.casefold() for w in e.latin}:
                return e
        return None


def _strings(value: Any, key: str, problems: list[str], *, nonempty: bool = True) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(f"{key}: expected a list of non-empty strings")
        return []
    if nonempty and not value:
        problems.append(f"{key}: must not be empty")
    return value


def _table(names: Any, key: str, count: int, problems: list[str]) -> dict[str, int]:
    """[[forms of item 0], [forms of item 1], ...] -> {form: index}; `count` items exactly."""
    out: dict[str, int] = {}
    if not isinstance(names, list) or len(names) != count:
        problems.append(f"{key}: expected {count} lists of names")
        return out
    for i, forms in enumerate(names):
        for form in _strings(forms, f"{key}[{i}]", problems):
            form = form.rstrip(".")
            if form in out and out[form] != i:
                problems.append(f"{key}: {form!r} names both {out[form]} and {i}")
            out[form] = i
    return out


def _offsets(value: Any, key: str, problems: list[str]) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items()):
        problems.append(f"{key}: expected a table of word = integer offset")
        return {}
    return dict(value)


def _eras(raw: Any, problems: list[str]) -> tuple[Era, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append("eras: expected a non-empty array of [[eras]] tables")
        return ()
    rows = []
    for i, e in enumerate(raw):
        k = f"eras[{i}]"
        if not isinstance(e, dict):
            problems.append(f"{k}: expected a table")
            continue
        missing = [f for f in ("name", "romaji", "start", "abbrev", "short") if f not in e]
        if missing:
            problems.append(f"{k}: missing {', '.join(missing)}")
            continue
        if not isinstance(e["start"], dt.date) or isinstance(e["start"], dt.datetime):
            problems.append(f"{k}.start: expected a date like 2019-05-01")
            continue
        if not all(isinstance(e[f], str) for f in ("name", "romaji", "abbrev", "short")):
            problems.append(f"{k}: name, romaji, abbrev and short must be strings")
            continue
        latin = e.get("latin", [])
        if not isinstance(latin, list) or not all(isinstance(w, str) and w.isalpha() for w in latin):
            problems.append(f"{k}.latin: expected a list of words")
            continue
        rows.append(e)
    for a, b in zip(rows, rows[1:]):
        if not a["start"] < b["start"]:
            problems.append(f"eras: {a['name']} must start before {b['name']}")
    eras = []
    for i, e in enumerate(rows):
        nxt = rows[i + 1]["start"] if i + 1 < len(rows) else None
        last = nxt.year - e["start"].year + 1 if nxt else None
        eras.append(Era(e["name"], e["romaji"], e["start"], e["abbrev"], e["short"], last,
                        tuple(e.get("latin", ()))))
    return tuple(eras)


def parse(data: dict[str, Any]) -> Lexicon:
    """Validate the TOML document and build the Lexicon (raises LexiconError listing every problem)."""
    problems: list[str] = []
    years = data.get("years", {})
    ymin, ymax, overrun = years.get("min"), years.get("max"), years.get("era_overrun")
    if not (isinstance(ymin, int) and isinstance(ymax, int) and 0 < ymin < ymax):
        problems.append("years.min / years.max: expected integers with 0 < min < max")
        ymin, ymax = 1700, 2100
    if not isinstance(overrun, int) or overrun < 0:
        problems.append("years.era_overrun: expected an integer >= 0")
        overrun = 0
    eras = _eras(data.get("eras"), problems)
    sections = {}
    for lang in ("ja", "en", "ru"):
        sec = data.get(lang)
        if not isinstance(sec, dict):
            problems.append(f"{lang}: missing table [{lang}]")
            sec = {}
        sections[lang] = sec
    ja, en, ru = sections["ja"], sections["en"], sections["ru"]
    for key in ("month_parts", "year_parts", "not_year_after", "range_connectors", "recurring",
                "day_list_separators", "academic_year", "published_cues", "historical", "issue_marks", "year_list_separators",
                "weak_year_after", "future_cues", "past_endings", "deadline_after", "deadline_before"):
        ja[key] = _strings(ja.get(key), f"ja.{key}", problems)
    for key in ("relative_years", "relative_fiscal_years", "same_year", "same_month"):
        ja[key] = _offsets(ja.get(key), f"ja.{key}", problems)
    for key in ("seasons", "year_cues", "weak_year_cues", "month_cues", "fiscal_prefixes",
                "count_nouns", "range_connectors", "recurring", "between", "between_and",
                "academic_year", "numeric_day_cues", "published_cues", "historical", "issue_marks",
                "term_words", "range_month_parts", "attributive_determiners", "attributive_nouns",
                "future_cues", "past_cues", "deadline_before"):
        en[key] = _strings(en.get(key), f"en.{key}", problems)
    en["relative_years"] = _offsets(en.get("relative_years"), "en.relative_years", problems)
    for key in ("seasons", "year_words", "month_cues", "range_connectors", "recurring",
                "day_list_and", "academic_year", "published_cues", "historical", "issue_marks",
                "historical_not", "plural_year_words", "fiscal_year_words", "range_month_parts",
                "weak_year_cues", "future_cues", "past_cues", "deadline_before"):
        ru[key] = _strings(ru.get(key), f"ru.{key}", problems)
    ru["relative_years"] = _offsets(ru.get("relative_years"), "ru.relative_years", problems)
    en_months = {k: v + 1 for k, v in _table(en.get("months"), "en.months", 12, problems).items()}
    ru_months = {k: v + 1 for k, v in _table(ru.get("months"), "ru.months", 12, problems).items()}
    en_wd = _table(en.get("weekdays"), "en.weekdays", 7, problems)
    ru_wd = _table(ru.get("weekdays"), "ru.weekdays", 7, problems)
    ja_wd = _table([[w] for w in _strings(ja.get("weekdays"), "ja.weekdays", problems)],
                   "ja.weekdays", 7, problems)
    if problems:
        raise LexiconError(problems)
    return Lexicon(ymin, ymax, overrun, eras, ja, en, ru, en_months, ru_months, en_wd, ru_wd, ja_wd)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The package's dates.toml, parsed and validated once per process."""
    text = resources.files("pipeline").joinpath(DATA_FILE).read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LexiconError([f"not valid TOML: {e}"]) from None
    return parse(data)
