"""Reading date-pattern matches into atoms: numbers, years, months and days checked, Japanese
eras converted, Russian cue words looked up before the match (летом 2019), numeric dates read
day- or month-first. English matches are read by date_read_en.py with the helpers here.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .date_lexicon import Lexicon
from .date_patterns import Atom, Point, patterns
from .eras import era_to_gregorian
from .numerals import kanji_value


def parse_number(s: str) -> int | None:
    """A date numeral: ASCII or full-width digits, kanji (二〇二〇, 十二), 元 (the first era year)."""
    s = s.strip()
    if s == "元":
        return 1
    return int(s) if s.isdecimal() else kanji_value(s)


def parse_year(lex: Lexicon, s: str | None) -> int | None:
    n = parse_number(s) if s else None
    return n if n is not None and lex.year_min <= n <= lex.year_max else None


def parse_second_year(lex: Lexicon, first: int, s: str) -> int | None:
    """The end year of a year range: '2021' or the abbreviated '83' of 1982–83."""
    n = parse_number(s)
    if n is None:
        return None
    if len(s) == 2:
        n += first // 100 * 100
        if n <= first:  # 1999–00
            n += 100
    return n if first < n <= min(lex.year_max, first + 50) else None


def _month(s: str | None) -> int | None:
    n = parse_number(s) if s else None
    return n if n is not None and 1 <= n <= 12 else None


def parse_day(s: str | None) -> int | None:
    """A day of the month (1–31) written in digits or kanji, else None."""
    n = parse_number(s) if s else None
    return n if n is not None and 1 <= n <= 31 else None


_day = parse_day


def _valid(p: Point) -> bool:
    if p.day is None or p.month is None:  # 同月12日: checked once the month is known
        return True
    try:
        dt.date(p.year if p.year is not None else 2000, p.month, p.day)  # 2000: Feb 29 allowed
    except (ValueError, TypeError):
        return False
    return True


def checked_atom(start: int, end: int, a: Point, b: Point | None, rule: str, **kw) -> Atom | None:
    if not _valid(a) or (b is not None and not _valid(b)):
        return None
    return Atom(start, end, a, b, rule, **kw)


_GLOSS_ERA = re.compile(r"(\D+?)\s*(\d{1,2}|元)")


def _gloss_year(lex: Lexicon, s: str | None) -> int | None:
    """The year a bracketed gloss names: （2019年） or （令和元年）."""
    if not s:
        return None
    m = _GLOSS_ERA.fullmatch(s.strip())
    if m is None:
        return parse_year(lex, s)
    era = lex.era(m.group(1))
    n = parse_number(m.group(2))
    return era_to_gregorian(lex, era, n) if era is not None and n is not None else None


@lru_cache(maxsize=1)
def _second_copy() -> tuple[tuple[str, str], ...]:
    """(name, name_x) of each group the Japanese pattern has twice (see date_forms.ja_pattern)."""
    return tuple((k[:-2], k) for k in patterns().ja.groupindex if k.endswith("_x"))


def read_ja(m: re.Match, lex: Lexicon) -> Atom | None:
    g = m.groupdict()
    for k, kx in _second_copy():  # fold the second copy's groups (m_x, d_x ...) into one
        if (v := g.pop(kx)) is not None:  # the copies are alternatives: one at most is set
            g[k] = v
    a, b = Point(), None
    if g["era"]:
        era = lex.era(g["era"])
        n = parse_number(g["ey"])
        a.year = era_to_gregorian(lex, era, n) if era and n is not None else None
        if a.year is None:
            return None
        a.era = era.romaji
        if g["ey2"]:  # 平成28～30年度; two eras: 平成30～令和4年度
            era2 = lex.era(g["era2"]) if g["era2"] else era
            n2 = parse_number(g["ey2"])
            y2 = era_to_gregorian(lex, era2, n2) if era2 and n2 is not None else None
            if y2 is None or y2 <= a.year:
                return None
            b = Point(year=y2, era=era2.romaji)
    elif g["y"]:
        a.year = parse_year(lex, g["y"])
        if a.year is None:
            return None
        if g["y2"]:
            y2 = parse_second_year(lex, a.year, g["y2"])
            if y2 is None:
                return None
            b = Point(year=y2)
    elif g["same_y"]:
        a.rel_year = lex.ja["same_year"][g["same_y"] + "年"]
        glossed = _gloss_year(lex, g["gl1"] or g["gl2"])
        if glossed is not None and g["m"]:  # 同年（令和元年）12月: the gloss names the year
            a.year, a.rel_year = glossed, None
    a.fiscal = bool(g["fy"])
    if b is not None:
        b.fiscal = a.fiscal
    if g["same_m"]:
        a.rel_month = lex.ja["same_month"][g["same_m"] + "月"]
        if a.year is None and a.rel_year is None:
            a.rel_year = 0
    elif g["m"]:
        a.month = _month(g["m"])
        if a.month is None:
            return None
        if g["m2"]:
            m2 = _month(g["m2"])
            if m2 is None or m2 <= a.month or b is not None:
                return None
            b = Point(year=a.year, month=m2, era=a.era, fiscal=a.fiscal)
    if a.month is None and a.rel_month is None:
        if a.year is None:
            return None  # 末, 秋 alone
        if a.rel_year is not None:
            return None  # 同年 alone: a reference, not a date of its own
    if a.month is not None and b is not None and b.month is None:
        return None  # 2019-2021年4月: not a form we read
    if a.rel_month is not None and not g["d"]:
        return None  # 翌月 alone: a reference, not a date of its own
    if g["d"]:
        a.day = _day(g["d"])
        if a.day is None:
            return None
        if g["d2"]:
            d2 = _day(g["d2"])
            if d2 is None or d2 <= a.day or b is not None:
                return None
            b = Point(year=a.year, month=a.month, day=d2, era=a.era, rel_year=a.rel_year,
                      rel_month=a.rel_month)
    wd = g["wd"] or g["wd2"]
    if wd:
        (b or a).weekday = lex.ja_weekdays[wd]
    kind = (b or a).precision() if a.rel_month is None else "day"
    rule = "ja_" + ("era_" if a.era else "") + ("same_" if a.rel_year is not None else "") + kind
    return checked_atom(m.start(), m.end(), a, b, rule + ("_range" if b else ""))


def en_weekday(lex: Lexicon, s: str) -> int:
    s = s.rstrip(".")
    return lex.en_weekdays[s] if s in lex.en_weekdays else lex.en_weekdays[s.capitalize()]


def _ru_month(lex: Lexicon, s: str) -> int:
    return lex.ru_months[s.lower()]


def dashed(m: re.Match, first: str, second: str) -> bool:
    """Whether two month names of a match are joined by a dash (February–May): a range
    without a cue word before it."""
    return any(c in "-–—‐" for c in m.string[m.end(first):m.start(second)])


def read_ru(m: re.Match, lex: Lexicon, text: str) -> Atom | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    pats = patterns()
    if g["rd"]:
        a = Point(parse_year(lex, g["ry"]), _ru_month(lex, g["rm"]), _day(g["rd"]))
        if a.day is None or g["ry"] and a.year is None:
            return None
        b = None
        if g["rd2"]:
            d2 = _day(g["rd2"])
            if d2 is None or d2 <= a.day:
                return None
            b = Point(a.year, a.month, d2)
        wd = g["rwd"] or g["rwd2"]
        if g["rwd0"]:  # в пятницу, 21 июня: the weekday names the first day
            a.weekday = lex.ru_weekdays[g["rwd0"].lower()]
        elif wd:
            (b or a).weekday = lex.ru_weekdays[wd.lower()]
        return checked_atom(s, e, a, b, "ru_dmy", confidence=1.0 if a.year else 0.9)
    if g["rm_e"]:  # ноябрь–декабрь 2021
        y, m1, m2 = parse_year(lex, g["ry_e"]), _ru_month(lex, g["rm_e"]), _ru_month(lex, g["rm2_e"])
        if g["ry_e"] and y is None or m2 <= m1:
            return None
        if y is None and ((m1, m2) == (1, 12) or not (dashed(m, "rm_e", "rm2_e")
                                                     or pats.ru_month_cue.search(text, max(0, s - 12), s))):
            return None  # январь–декабрь: a generic period; a bare pair needs a dash or a cue
        return checked_atom(s, e, Point(y, m1), Point(y, m2), "ru_month_range", confidence=1.0 if y else 0.7)
    if g["rm_b"]:
        if g["ry_b"]:
            y = parse_year(lex, g["ry_b"])
            return checked_atom(s, e, Point(y, _ru_month(lex, g["rm_b"])), None, "ru_month_year") if y else None
        if pats.ru_month_cue.search(text, max(0, s - 12), s):  # в январе: year from the document
            return checked_atom(s, e, Point(month=_ru_month(lex, g["rm_b"])), None, "ru_month_cue",
                                confidence=0.7)
        return None
    if g["ry_c"]:
        y = parse_year(lex, g["ry_c"])
        if y is None:
            return None
        season = pats.ru_season.search(text, max(0, s - 12), s)
        if g["rfy"]:  # 2022 финансового года, 2019–2020 финансовые годы: a Japanese fiscal year
            y2 = parse_second_year(lex, y, g["ry2_c"]) if g["ry2_c"] else None
            if g["ry2_c"] and y2 is None:
                return None
            return checked_atom(s, e, Point(y, fiscal=True), Point(y2, fiscal=True) if y2 else None,
                                "ru_fiscal_year")
        if not g["yw"] and not season and not pats.issue_year.search(text, max(0, s - 30), s):
            return None  # a bare number; Вып. 5 (2023) is the issue's year
        b = None
        if g["ry2_c"]:
            y2 = parse_second_year(lex, y, g["ry2_c"])
            if y2 is None:
                return None
            b = Point(y2)
        return checked_atom(season.start() if season else s, e, Point(y), b,
                            "ru_season_year" if season else "ru_year_range" if b else "ru_year")
    return None


def read_num(m: re.Match, lex: Lexicon, lang: str | None) -> Atom | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["iy"]:
        a = Point(parse_year(lex, g["iy"]), _month(g["im"]), _day(g["id"]))
        if g["iwd"]:
            a.weekday = lex.ja_weekdays[g["iwd"]]
        rule = "iso" if g["isep"] == "-" else "ymd_numeric"
    elif g["nd"]:
        first, second = int(g["nd"]), int(g["nm"])
        # dotted dates are day-first everywhere (05.12.2019 = 5 December); slashes are
        # month-first in English; 12/25/2019 can only be month-first
        month_first = g["nsep"] != "." and lang == "en" and first <= 12 or second > 12 >= first
        day, month = (second, first) if month_first else (first, second)
        a = Point(parse_year(lex, g["ny"]), _month(str(month)), _day(str(day)))
        rule = "mdy_numeric" if month_first else "dmy_numeric"
    elif g["ay"]:  # 2019/20 academic year: a year range
        y = parse_year(lex, g["ay"])
        y2 = parse_second_year(lex, y, g["ay2"]) if y is not None else None
        pats = patterns()
        after = pats.academic_after.match(m.string, e)
        # a slash between consecutive years is an academic year even without the word
        # (Kenta Ishii, 2011/12), except 2020/12 in Japanese, which may be a year/month
        slashed = ("/" in m.group() and (lang != "ja" or len(g["ay2"]) == 4)
                   and not any(i.end() > s for i in pats.issue.finditer(m.string, max(0, s - 12), e)))  # No. 2019/20
        if y2 != (y or 0) + 1 or not (after or slashed or pats.academic_before.search(m.string, max(0, s - 25), s)):
            return None
        return checked_atom(s, after.end() if after else e, Point(y), Point(y2), "academic_year")
    elif g["mdm"]:
        return _month_day(m, lex, lang)
    elif g["yr"]:
        y = parse_year(lex, g["yr"])
        y2 = parse_second_year(lex, y, g["yr2"]) if y is not None else None
        if y2 is None or y2 - y > 20:
            return None
        return checked_atom(s, e, Point(y), Point(y2), "year_range", confidence=0.9)
    else:
        era = lex.era(g["ne"] or g["ne2"])
        n = parse_number(g["ney"])
        y = era_to_gregorian(lex, era, n) if era and n is not None else None
        a = Point(y, _month(g["nem"]), _day(g["ned"]), era=era.romaji if era else None)
        rule = "era_numeric"
    if a.year is None or a.month is None or a.day is None:
        return None
    return checked_atom(s, e, a, None, rule)


def _weekday_any(lex: Lexicon, s: str) -> int:
    return lex.ja_weekdays[s] if s in lex.ja_weekdays else en_weekday(lex, s)


def _month_day(m: re.Match, lex: Lexicon, lang: str | None) -> Atom | None:
    """9/25（金）, on 9/25, 9/25～9/27: a month/day without a year, only where it is clearly a
    date: a weekday after it, a cue word or weekday before it (English), or both sides of a
    range written as month/day (9/25～10/2)."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    a = Point(month=_month(g["mdm"]), day=_day(g["mdd"]))
    b = None
    if g["mdd2"]:
        b = Point(month=_month(g["mdm2"]) if g["mdm2"] else a.month, day=_day(g["mdd2"]))
        if b.month is None or b.day is None or (b.month, b.day) <= (a.month or 0, a.day or 0):
            return None
    if a.month is None or a.day is None:
        return None
    if g["mdwd"]:
        a.weekday = _weekday_any(lex, g["mdwd"])
    if b is not None and g["mdwd2"]:
        b.weekday = _weekday_any(lex, g["mdwd2"])
    cue = lang == "en" and patterns().en_numeric_day_cue.search(m.string, max(0, s - 20), s)
    if not (g["mdwd"] or g["mdwd2"] or cue or g["mdm2"]):
        return None
    return checked_atom(s, e, a, b, "md_numeric", confidence=0.8)

