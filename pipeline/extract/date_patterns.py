"""Date patterns for Japanese, English, Russian and numeric forms: text → date atoms.

A handful of regular expressions, built once from dates.toml, find date *atoms* in a string
(`2020年9月25日（金）`, `Tuesday, 29 September`, `22 ноября 2021 г.`, `22.11.2021`), each
read into a `Point` (year, month, day, fiscal flag, era, weekday) or a pair of points for the
ranges written inside one atom (`12月8-9日`, `from 4 to 6 June 2019`, `1982–83 гг.`).
`scan()` also joins two atoms written with a range connector between them
(`9月29日～10月2日`, `November 26 to December 4, 2019`) and keeps the longest atom where
several overlap. Year inference and anchoring to the document are done by dates.py.
The atom regexes of each script are built in date_forms.py; this module adds the context
patterns around them (cue words, listed years, issue numbers, founding words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .date_forms import KANJI_DIGITS as _K
from .date_forms import LETTER as _LETTER
from .date_forms import YEAR as _YEAR
from .date_forms import alt as _alt
from .date_forms import gate as _gate
from .date_forms import en_pattern, ja_pattern, latin_era_forms, latin_eras, num_pattern, ru_pattern
from .date_forms import names as _names
from .date_forms import trie as _trie
from .date_lexicon import Lexicon, lexicon


@dataclass(slots=True)
class Point:
    """One calendar point as written; missing parts are None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    fiscal: bool = False  # 年度 / FY: the year is a Japanese fiscal year
    era: str | None = None  # romanised era name when written with an era
    weekday: int | None = None  # 0 = Monday, when written
    rel_year: int | None = None  # 同年 (0), 翌年 (+1): year of the previous date + offset
    rel_month: int | None = None  # 同月 (0), 翌月 (+1)

    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "fiscal_year" if self.fiscal else "year"


@dataclass(slots=True)
class Atom:
    """A date as found in a string: span (relative to the scanned string), points, rule."""

    start: int
    end: int
    a: Point
    b: Point | None = None  # end of a range
    rule: str = ""
    weak: bool = False  # "since 2007": starts a period, a poor anchor for later dates
    confidence: float = 1.0
    relative: int | None = None  # relative year word (本年, this year): offset, not a date
    relative_fiscal: bool = False
    historical: bool = False  # founding, agreement (設立, signed in, основан в): background, not news

    def shifted(self, by: int) -> Atom:
        """A copy with its span moved by `by` (from a block's text to the document's)."""
        return Atom(self.start + by, self.end + by, self.a, self.b, self.rule, self.weak, self.confidence,
                    self.relative, self.relative_fiscal, self.historical)


@dataclass(frozen=True)
class Patterns:
    ja: re.Pattern
    en: re.Pattern
    ru: re.Pattern
    num: re.Pattern
    relative: re.Pattern
    connector: re.Pattern
    en_year_cue: re.Pattern  # look-back patterns (search with endpos = the atom's start)
    en_season: re.Pattern
    en_month_cue: re.Pattern
    en_numeric_day_cue: re.Pattern  # a cue word or weekday before 9/25 (English)
    ru_season: re.Pattern
    ru_month_cue: re.Pattern
    recurring: re.Pattern  # 毎年 / every / каждый before a year-less date
    listed_year: re.Pattern  # `2016 и ` / `2016・` before a year sharing its year word (search, endpos)
    listed_year_more: re.Pattern  # `2016, ` / `2016、` before that
    listed_year_after: re.Pattern  # ` and 2019`, `, 2018` after `in 2016` (match at its end)
    plural_year: re.Pattern  # the atom ends in a plural year word (годах, гг.) or 年/年度
    issue: re.Pattern  # an issue number (No. 428, 第428号, Вып. 5): search anywhere
    issue_year: re.Pattern  # `No. 5 (` / `Вып. 5, ` before a bare year (search with endpos)
    historical_before: re.Pattern  # `signed on `, `основан в `, `設立は` before a date (search, endpos)
    historical_after: re.Pattern  # `に締結した`, ` был основан` after a date (match at its end)
    en_month: re.Pattern  # month names alone: where English / Russian dates can be
    latin_era: re.Pattern  # an era name in Latin script (Heisei, Shōwa): where `Heisei 15` can be
    latin_era_name: re.Pattern  # the names alone: where none is in the text, latin_era has no match
    ru_month: re.Pattern
    relative_marks: tuple[str, ...]  # a relative-year word contains one of these (年, year, году)
    published_cue: re.Pattern  # `Published 2 April 2021 | News`: a dateline (match at block start)
    academic_after: re.Pattern  # academic-year words after a year pair (match at its end)
    academic_before: re.Pattern  # ... or before it (search with endpos = its start)
    between: re.Pattern  # 'between ' before a date (search with endpos = the atom's start)
    between_and: re.Pattern  # ' and ' between two dates after 'between' (fullmatch)
    ja_listed_day: re.Pattern  # `・9日（金）` after a Japanese day (match at the atom's end)
    dmy_listed_day: re.Pattern  # `12 and ` / `12, ` before `14 March` (search with endpos)
    dmy_listed_more: re.Pattern  # the same with a comma, once an 'and' is found
    weak_before: re.Pattern  # `since ` / `с ` before a year: starts a period (search with endpos)
    weak_after: re.Pattern  # `以来` after a year (match at its end)
    en_attributive_before: re.Pattern  # `the ` / `UO's ` before a bare year (search with endpos)
    en_attributive_after: re.Pattern  # ` institute` / ` summer school` after it (match at its end)
    tense: re.Pattern  # future (`fut`) and past (`past`) cues of a sentence (finditer in its span)
    ja_past_end: re.Pattern  # a Japanese sentence ending in the past (search, endpos = its end)
    deadline_before: re.Pattern  # `by ` / `до ` / `締切：` before a date (search with endpos)
    deadline_after: re.Pattern  # `まで` / `必着` after a date (match at its end)


def _en_lookback(lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Cue words before a bare year, a season before a year, cue words before a bare month:
    each matches at the end of the text before the atom (search with endpos)."""
    en = lex.en
    both = lambda ws: _alt(ws + [w[0].upper() + w[1:] for w in ws])  # noqa: E731
    start = r"(?<![A-Za-z])"
    return (re.compile(rf"{start}(?:(?P<cue>{both(en['year_cues'])}|[Bb]etween)\s+(?:the\s+year\s+)?"
                       rf"|(?:{both(['mid', 'early', 'late'])})-)$"),
            re.compile(rf"{start}(?:{both(en['seasons'])})\s+(?:(?i:{_alt(en['term_words'])})\s+)?(?:of\s+)?$"),
            re.compile(rf"{start}(?:{both(en['month_cues'])})\s+(?:(?:early|late|mid)-?\s*)?$"))


def _ru_lookback(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    ru = lex.ru
    both = lambda ws: _alt(ws + [w.capitalize() for w in ws])  # noqa: E731
    start = r"(?<![а-яёА-ЯЁ])"
    return (re.compile(rf"{start}(?:{both(ru['seasons'])})\s+$"),
            re.compile(rf"{start}(?:{both(ru['month_cues'])})\s+$"))


def _listed_years(lex: Lexicon) -> tuple[re.Pattern, ...]:
    """Years listed with one year word: 2016・2019年, в 2016 и 2019 годах, in 2016 and 2019."""
    year = rf"(?<![\d.,/-])(?P<y>{_YEAR})"
    seps = _alt(lex.ja["year_list_separators"])
    ands = _alt(lex.en["between_and"] + lex.ru["day_list_and"])
    count = _alt(lex.en["count_nouns"])
    plural = _alt(lex.ru["plural_year_words"])
    return (re.compile(rf"{year}\s*(?:{seps}|\s(?:{ands}))\s*$"),
            re.compile(rf"{year}\s*(?:{_alt(c for c in lex.ja['year_list_separators'] if not c.isalpha())})\s*$"),
            re.compile(rf"(?:\s*,\s*|\s*,?\s+(?:{ands})\s+)(?P<y>{_YEAR})"
                       rf"(?![\d%A-Za-z]|\s*(?:{count})\b|[.,/-]\d)"),
            re.compile(rf"(?:(?:{plural})|年度?)$"))


def _issue(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """An issue number (No. 428, Vol. 12, 第428号, Вып. 5), and one right before a bare year."""
    marks = lex.en["issue_marks"] + lex.ru["issue_marks"]
    # searched through whole blocks: gated on the marks' first characters (date_forms.gate)
    number = (rf"{_gate(marks + lex.ja['issue_marks'])}(?:(?<![A-Za-zА-Яа-яЁё])(?:{_alt(marks)})\s*\d+"
              rf"|(?:{_alt(lex.ja['issue_marks'])})\s*\d+\s*号)")
    return (re.compile(number, re.I),
            re.compile(rf"{number}(?:\s*\(\d+\))?\s*(?:[(（]|,)\s*$", re.I))


def _historical(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """Founding and agreement words next to a date (dates.toml `historical_*`): the date is
    background (協定を平成元年に締結, founded in 1990, подписанного 4 октября 2013 года)."""
    ja, en, ru = lex.ja, lex.en, lex.ru
    ru_words = rf"(?!{_alt(ru['historical_not'])})(?:{_alt(ru['historical'])})"
    before = "|".join([
        rf"(?:{_alt(ja['historical'])})\s*(?:は|が|:|：)?\s*$",
        rf"(?<![A-Za-z])(?:{_alt(en['historical'])})[a-z]*(?:\s+[\w-]+){{0,2}}?\s+(?:in|on|of)?\s*$",
        rf"(?<![А-Яа-яЁё]){ru_words}[а-яё]*(?:\s+[\wёЁ-]+){{0,2}}?\s+(?:в|во|с|со)?\s*$",
    ])
    after = "|".join([
        rf"[^。、，,．.！？!?\n]{{0,12}}?(?:{_alt(ja['historical'])})",
        rf"\s*,?\s*(?:(?:был[аио]?|были)\s+)?{ru_words}",
    ])
    words = ja["historical"] + en["historical"] + ru["historical"]
    return re.compile(rf"{_gate(words)}(?:{before})", re.I), re.compile(rf"(?:{after})", re.I)


def _context(lex: Lexicon) -> dict[str, re.Pattern]:
    """The words around a date that say how it is used: a year starting a period (since 2007,
    с 1983 года, 1983年以来), a year used as a modifier (the 2025 institute), the tense of its
    sentence and a deadline word next to it (dates.toml `*_cues`, `deadline_*`)."""
    ja, en, ru = lex.ja, lex.en, lex.ru
    lat, cyr = r"(?<![A-Za-z])", r"(?<![А-Яа-яЁё])"
    count = _alt(en["count_nouns"])
    end = r"(?![A-Za-zА-Яа-яЁё])"
    words = lambda ws: rf"(?:{_alt(ws)}){end}"  # noqa: E731
    cues = [w for key in ("future_cues", "past_cues") for lang in (en, ru) for w in lang[key]] + ja["future_cues"]
    return dict(
        weak_before=re.compile(rf"(?:{lat}(?:{_alt(en['weak_year_cues'])})|{cyr}(?:{_alt(ru['weak_year_cues'])}))\s+$", re.I),
        weak_after=re.compile(rf"\s*(?:{_alt(ja['weak_year_after'])})"),
        en_attributive_before=re.compile(rf"(?:{lat}(?:{_alt(en['attributive_determiners'])})|[A-Za-z]['’]s)\s+$", re.I),
        en_attributive_after=re.compile(rf"\s+(?:[A-Za-z][\w-]*\s+)?(?:{words(en['attributive_nouns'])})"
                                        rf"(?!\s+(?:{count})\b)", re.I),
        # searched through whole sentences: a first-character gate, then word tries
        tense=re.compile(rf"{_gate(cues)}(?:(?P<fut>{lat}{_trie(en['future_cues'])}{end}|{cyr}{_trie(ru['future_cues'])}[а-яё]*"
                         rf"|{_trie(ja['future_cues'])})"
                         rf"|(?P<past>(?:{lat}{_trie(en['past_cues'])}|{cyr}{_trie(ru['past_cues'])}){end}))", re.I),
        ja_past_end=re.compile(rf"(?:{_alt(ja['past_endings'])})(?:[\s」』）)]|[（(][^（()）]*[）)])*$"),
        deadline_before=re.compile(rf"(?:{lat}(?:{_alt(en['deadline_before'])})|{cyr}(?:{_alt(ru['deadline_before'])})"
                                   rf"|(?:{_alt(ja['deadline_before'])}))\s*[:：]?\s*(?:は|が)?\s*$", re.I),
        deadline_after=re.compile(rf"\s*(?:{_alt(ja['deadline_after'])})"),
    )


_LISTED_DAY = r"(?<![\d:/.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?"


def _ja_listed_day(lex: Lexicon) -> str:
    """`・9日`, `、10日（土）`, `と9日` right after a Japanese day."""
    wd = "".join(lex.ja["weekdays"])
    seps = _alt(lex.ja["day_list_separators"])
    return (rf"\s*(?:{seps})\s*(?P<d>\d{{1,2}}|[{_K}]{{1,3}})\s*日(?!間|目)"
            rf"(?:\s*[（(]\s*[{wd}](?:曜日?)?\s*[）)])?")


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = lexicon()
    and_words = lex.en["between_and"] + lex.ru["day_list_and"]
    academic = lex.ja["academic_year"] + lex.en["academic_year"] + lex.ru["academic_year"]
    rel = {**lex.ja["relative_years"], **lex.en["relative_years"], **lex.ru["relative_years"]}
    rel_fy = lex.ja["relative_fiscal_years"]
    ranges = set(lex.ja["range_connectors"]) | set(lex.en["range_connectors"]) | set(lex.ru["range_connectors"])
    conns = {c for c in ranges if not c.isalpha()} | set(lex.ja["range_connectors"])
    words = {c for c in ranges if c.isalpha() and c.isascii() or c in lex.ru["range_connectors"]} - conns
    return Patterns(
        ja=re.compile(ja_pattern(lex)),
        en=re.compile(en_pattern(lex)),
        ru=re.compile(ru_pattern(lex)),
        num=re.compile(num_pattern(lex)),
        relative=re.compile(rf"{_gate(list(rel) + list(rel_fy))}(?<![A-Za-zА-Яа-яЁё])(?:(?P<relfy>{_trie(rel_fy)})|(?P<rel>{_trie(rel)})(?!度))"
                            + _LETTER),
        connector=re.compile(rf"\s*(?:{_alt(conns)})\s*|\s+(?:{_alt(words)})\s+"),
        **dict(zip(("en_year_cue", "en_season", "en_month_cue"), _en_lookback(lex))),
        **dict(zip(("ru_season", "ru_month_cue"), _ru_lookback(lex))),
        en_month=re.compile(_names(lex.en["months"], "upper")),
        latin_era=re.compile(latin_eras(lex)),
        latin_era_name=re.compile(_alt(latin_era_forms(lex))),
        ru_month=re.compile(_names(lex.ru["months"], "capital")),
        en_numeric_day_cue=re.compile(
            rf"(?<![A-Za-z])(?:(?:{_alt(lex.en['numeric_day_cues'])})|{_names(lex.en['weekdays'], 'upper')}\.?,?)\s+$",
            re.I),
        published_cue=re.compile(rf"\s*(?:{_alt(lex.en['published_cues'] + lex.ru['published_cues'] + lex.ja['published_cues'])})"
                                  + _LETTER, re.I),
        academic_after=re.compile(rf"\s*(?:{_alt(academic)})" + _LETTER, re.I),
        academic_before=re.compile(rf"(?<![A-Za-zА-Яа-яЁё])(?:{_alt(academic)})\s*$", re.I),
        between=re.compile(rf"(?<![A-Za-z])(?:{_alt(lex.en['between'])})\s+$"),
        between_and=re.compile(rf"\s+(?:{_alt(lex.en['between_and'])})\s+"),
        ja_listed_day=re.compile(_ja_listed_day(lex)),
        dmy_listed_day=re.compile(rf"{_LISTED_DAY}\s*(?:{_alt(and_words)})\s+$"),
        dmy_listed_more=re.compile(rf"{_LISTED_DAY}\s*(?:,|{_alt(and_words)}\s)\s*$"),
        relative_marks=tuple(sorted({w.split()[-1].lower() if " " in w else "年" for w in list(rel) + list(rel_fy)})),
        **dict(zip(("issue", "issue_year"), _issue(lex))),
        **dict(zip(("listed_year", "listed_year_more", "listed_year_after", "plural_year"), _listed_years(lex))),
        **dict(zip(("historical_before", "historical_after"), _historical(lex))),
        **_context(lex),
        recurring=re.compile(rf"(?:{_alt(lex.ja['recurring'] + lex.en['recurring'] + lex.ru['recurring'])})"
                             r"\s*の?\s*$"),
    )

