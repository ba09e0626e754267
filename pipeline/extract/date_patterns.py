"""Date patterns for Japanese, English, Russian and numeric forms: text → date atoms.

A handful of regular expressions, built once from dates.toml, find date *atoms* in a string
(`2020年9月25日（金）`, `Tuesday, 29 September`, `22 ноября 2021 г.`, `22.11.2021`), each
read into a `Point` (year, month, day, fiscal flag, era, weekday) or a pair of points for the
ranges written inside one atom (`12月8-9日`, `from 4 to 6 June 2019`, `1982–83 гг.`).
`scan()` also joins two atoms written with a range connector between them
(`9月29日～10月2日`, `November 26 to December 4, 2019`) and keeps the longest atom where
several overlap. Year inference and anchoring to the document are done by dates.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

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
    parts: list = field(default_factory=list)


def _names(lists: list[list[str]], case: str) -> str:
    """Regex alternation of month/weekday names from dates.toml: a form written with a final
    "." is an abbreviation whose dot is optional; `case` adds UPPER (en) or Capitalised (ru)."""
    pieces = {}
    for forms in lists:
        for form in forms:
            base, dotted = form.rstrip("."), form.endswith(".")
            variants = {base, base.upper() if case == "upper" and not dotted else base,
                        base.capitalize() if case == "capital" else base}
            for v in variants:
                pieces[v] = re.escape(v) + r"(?![A-Za-zА-Яа-яЁё])" + (r"\.?" if dotted else "")
    return "|".join(pieces[k] for k in sorted(pieces, key=lambda w: (-len(w), w)))


def _alt(words) -> str:
    """Regex alternation of literal words, longest first (so 'Sept' wins over 'Sep')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_K = "〇一二三四五六七八九十"  # kanji numerals used in month/day/era-year numbers
_NUM2 = rf"(?:\d{{1,2}}|[{_K}]{{1,3}})"
_YEAR4 = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"


@dataclass(frozen=True)
class Patterns:
    ja: re.Pattern
    en: re.Pattern
    ru: re.Pattern
    num: re.Pattern
    relative: re.Pattern
    connector: re.Pattern


def _ja_pattern(lex: Lexicon) -> str:
    ja = lex.ja
    eras = [e.name for e in lex.eras]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    era_short = [e.short for e in lex.eras if e.short]
    era = rf"(?:{_alt(eras)}|(?<![A-Za-z])[{era_abbr}](?=\d)|(?:{_alt(era_short)})(?=\d))"
    conn = rf"\s*(?:{_alt(ja['range_connectors'])})\s*"
    gloss = rf"\s*[（(]\s*(?:\d{{4}}|{era}\s*(?:\d{{1,2}}|元))\s*年?度?\s*[）)]"
    wd = "".join(ja["weekdays"])
    holiday = r"(?:\s*[・･,、/]\s*(?:祝|休|祭)日?)?"
    weekday_nc = rf"(?:\s*[（(]\s*[{wd}](?:曜日?)?{holiday}\s*[）)])"
    weekday = (rf"(?:\s*[（(]\s*(?P<wd>[{wd}])(?:曜日?)?{holiday}\s*[）)]"
               rf"|\s*(?P<wd2>[{wd}])曜日?)")
    not_year = _alt(ja["not_year_after"])
    year = (rf"(?:(?P<era>{era})\s*(?P<ey>\d{{1,2}}|元|[{_K}]{{1,3}})(?:{conn}(?P<ey2>\d{{1,2}}|[{_K}]{{1,3}}))?"
            rf"|(?<![\d.,])(?P<y>{_YEAR4})(?:{conn}(?P<y2>\d{{4}}|\d{{2}}))?"
            rf"|(?P<same_y>{_alt(y[:-1] for y in ja['same_year'])}))"
            rf"(?:{gloss})?\s*年(?P<fy>度)?(?!{not_year})(?:{gloss})?")
    same_month = _alt(m[:-1] for m in ja["same_month"])
    month = (rf"(?:(?P<same_m>{same_month})|(?<![\d.,第])(?P<m>{_NUM2})(?:{conn}(?P<m2>{_NUM2}))?\s*)"
             rf"月(?!曜|間|目|ぶり|分)")
    day = (rf"(?P<d>{_NUM2})(?:(?:\s*日{weekday_nc}?)?{conn}(?P<d2>{_NUM2}))?\s*日(?!間|目)"
           rf"(?:{weekday})?")
    mpart = rf"(?P<mpart>{_alt(ja['month_parts'])})"
    ypart = rf"(?P<ypart>{_alt(ja['year_parts'])})"
    # everything optional: the reader drops matches with neither a year nor a month
    return rf"(?:{year})?(?:\s*{month}(?:\s*{day}|{mpart})?|{ypart})?"


def _en_pattern(lex: Lexicon) -> str:
    en = lex.en
    mon = rf"(?:{_names(en['months'], 'upper')})"
    wd = rf"(?:(?P<{{g}}>{_names(en['weekdays'], 'upper')}),?\s+(?:the\s+)?)?"
    ordinal = r"(?:st|nd|rd|th)?"
    dconn = r"\s*(?:-|–|—|‐|to|until|till|through)\s*(?:the\s+)?"
    year = r"(?:1[7-9]\d\d|20\d\d)(?!\d)"
    count = _alt(en["count_nouns"])
    cues = _alt(en["year_cues"])
    month_cues = _alt(en["month_cues"])
    seasons = _alt(en["seasons"] + [s.capitalize() for s in en["seasons"]])
    fy = _alt(en["fiscal_prefixes"])
    yconn = r"\s*(?:-|–|—|‐|to|until|through)\s*"
    return "|".join([
        # 5 November 2013 · Tuesday, 29 September · 29th Sept. · from 4 to 6 June 2019
        (rf"{wd.format(g='wd_a')}(?<![\d.,:/])(?P<d_a>\d{{1,2}}){ordinal}(?!\d)"
         rf"(?:{dconn}(?P<d2_a>\d{{1,2}}){ordinal})?(?:\s+of)?\s+(?P<m_a>{mon})"
         rf"(?:,?\s+(?P<y_a>{year}))?"),
        # November 5, 2013 · Monday, November 22 · June 4-6, 2019
        (rf"{wd.format(g='wd_b')}(?P<m_b>{mon})\s+(?:the\s+)?(?P<d_b>\d{{1,2}}){ordinal}(?![\d:%])"
         rf"(?:{dconn}(?P<d2_b>\d{{1,2}}){ordinal}(?![\d:%]))?(?:,?\s*(?P<y_b>{year}))?"),
        # June 2019 · December of 2019
        rf"(?P<m_c>{mon}),?\s+(?:of\s+)?(?P<y_c>{year})",
        # summer of 2019
        rf"\b(?:{seasons})\s+(?:of\s+)?(?P<y_e>{year})",
        # FY2020 · fiscal year 2019 · FY2018-2020
        rf"\b(?:{fy})\s*'?(?P<fy>\d{{4}}|\d{{2}})(?!\d)(?:{yconn}(?:FY\s*)?(?P<fy2>\d{{4}}|\d{{2}})(?!\d))?",
        # between 2019 and 2021
        rf"\b[Bb]etween\s+(?P<y_g>{year})\s+and\s+(?P<y2_g>{year})",
        # in 2021 · since 2007 · from 2019 to 2021
        (rf"\b(?P<cue>{cues}|{cues.title()})\s+(?:the\s+year\s+)?(?P<y_f>{year})"
         rf"(?:{yconn}(?P<y2_f>{year}|\d\d(?!\d)))?(?![\d%]|\s*(?:{count})\b|,\d)"),
        # 2019–2021 (no cue: both ends must be years)
        rf"(?<![\d.,/-])(?P<y_h>{year})\s*[–—-]\s*(?P<y2_h>{year})(?![\d.,/-]\d|[\d%])",
        # started in January
        rf"\b(?:{month_cues}|{month_cues.title()})\s+(?P<m_d>{mon})(?!\s*\d)",
    ])


def _ru_pattern(lex: Lexicon) -> str:
    ru = lex.ru
    mon = rf"(?:{_names(ru['months'], 'capital')})"
    wds = _names(ru["weekdays"], "capital")
    ywords = rf"(?:{_alt(ru['year_words'])})(?![а-яё])\.?"
    year = r"(?:1[7-9]\d\d|20\d\d)(?!\d)"
    dconn = r"\s*(?:-|–|—|‐|по|до)\s*"
    seasons = _alt(ru["seasons"] + [s.capitalize() for s in ru["seasons"]])
    cues = _alt(ru["month_cues"] + [c.capitalize() for c in ru["month_cues"]])
    return "|".join([
        # 22 ноября 2021 г. · с 4 по 6 июня · 19 июня (вт)
        (rf"(?<![\d.,:/])(?P<rd>\d{{1,2}})(?!\d)(?:{dconn}(?P<rd2>\d{{1,2}}))?\s+(?P<rm>{mon})"
         rf"(?:\s+(?P<ry>{year})(?:\s*{ywords})?)?"
         rf"(?:\s*\(\s*(?P<rwd>{wds})\s*\)|,?\s+(?P<rwd2>{wds}))?"),
        # ноябрь 2021 года · в ноябре 2021 г.
        rf"(?P<rm_b>{mon})\s+(?P<ry_b>{year})(?:\s*{ywords})?",
        # в 2021 году · с 1983 года · 1982–83 гг. · летом 2019
        (rf"(?<![\d.,])(?P<ry_c>{year})(?:\s*[-–—‐]\s*(?P<ry2_c>{year}|\d\d(?!\d)))?\s*{ywords}"),
        rf"(?:{seasons})\s+(?P<ry_d>{year})",
        # в январе (year from the document)
        rf"(?<![а-яёА-ЯЁ])(?:{cues})\s+(?P<rm_e>{mon})(?!\s*\d)",
    ])


def _num_pattern(lex: Lexicon) -> str:
    eras = [e.name for e in lex.eras] + [e.short for e in lex.eras if e.short]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    wd = "".join(lex.ja["weekdays"])
    end = r"(?!\d|[.,/-]\d)"
    return "|".join([
        # 2013-11-05 · 2020/9/25 · 2020.9.25
        rf"(?<![\d.,/-])(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}}){end}"
        rf"(?:\s*[（(](?P<iwd>[{wd}])(?:曜日?)?[）)])?",
        # 22.11.2021 · 05/12/2019
        rf"(?<![\d.,/-])(?P<nd>\d{{1,2}})(?P<nsep>[./-])(?P<nm>\d{{1,2}})(?P=nsep)(?P<ny>\d{{4}}){end}",
        # H29.4.1 · 平成29.4.1
        (rf"(?:(?<![A-Za-z\d])(?P<ne>[{era_abbr}])|(?P<ne2>{_alt(eras)}))\s?(?P<ney>\d{{1,2}}|元)"
         rf"(?P<nesep>[./])(?P<nem>\d{{1,2}})(?P=nesep)(?P<ned>\d{{1,2}}){end}"),
    ])


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = lexicon()
    rel = {**lex.ja["relative_years"], **lex.en["relative_years"], **lex.ru["relative_years"]}
    rel_fy = lex.ja["relative_fiscal_years"]
    ranges = set(lex.ja["range_connectors"]) | set(lex.en["range_connectors"]) | set(lex.ru["range_connectors"])
    conns = {c for c in ranges if not c.isalpha()} | set(lex.ja["range_connectors"])
    words = {c for c in ranges if c.isalpha() and c.isascii() or c in lex.ru["range_connectors"]} - conns
    return Patterns(
        ja=re.compile(_ja_pattern(lex)),
        en=re.compile(_en_pattern(lex)),
        ru=re.compile(_ru_pattern(lex)),
        num=re.compile(_num_pattern(lex)),
        relative=re.compile(rf"(?P<relfy>{_alt(rel_fy)})|(?P<rel>{_alt(rel)})(?!度)"),
        connector=re.compile(rf"\s*(?:{_alt(conns)})\s*|\s+(?:{_alt(words)})\s+"),
    )

