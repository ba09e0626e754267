"""Reading English date-pattern matches into atoms: day-month and month-day dates, month ranges
and month-years, fiscal and academic years, era years in Latin script (Heisei 15), and a bare
year read only with a season or cue word before it (in 2021, mid-2021, No. 5 (2023)).
The shared readers of numbers, years and days are in date_read.py.
"""
from __future__ import annotations

import re

from .date_lexicon import Lexicon
from .date_patterns import Atom, Point, patterns
from .date_read import checked_atom as _atom
from .date_read import dashed as _dashed
from .date_read import en_weekday as _en_weekday
from .date_read import parse_day as _day
from .date_read import parse_second_year as _second_year
from .date_read import parse_year as _year
from .eras import era_to_gregorian


def _en_month(lex: Lexicon, s: str) -> int:
    s = s.rstrip(".")
    return lex.en_months.get(s) or lex.en_months[s.capitalize()]



def read_en(m: re.Match, lex: Lexicon, text: str) -> Atom | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    for tag in ("a", "b"):
        if g[f"m_{tag}"] and g[f"d_{tag}"]:
            a = Point(year=_year(lex, g[f"y_{tag}"]), month=_en_month(lex, g[f"m_{tag}"]),
                      day=_day(g[f"d_{tag}"]))
            if a.day is None or g[f"y_{tag}"] and a.year is None:
                return None
            b = None
            if g[f"d2_{tag}"]:
                d2 = _day(g[f"d2_{tag}"])
                if d2 is None or d2 <= a.day:
                    return None
                b = Point(a.year, a.month, d2)
            if g[f"wd_{tag}"]:
                (b or a).weekday = _en_weekday(lex, g[f"wd_{tag}"])
            return _atom(s, e, a, b, "en_dmy" if tag == "a" else "en_mdy", confidence=1.0 if a.year else 0.9)
    pats = patterns()
    if g["m_e"]:  # November–December 2021 · from May to July (a cue before it) · between May and July
        y, m1, m2 = _year(lex, g["y_e"]), _en_month(lex, g["m_e"]), _en_month(lex, g["m2_e"])
        if g["y_e"] and y is None or m2 <= m1:
            return None
        if g["and_e"] and not pats.between.search(text, max(0, s - 12), s):
            return None
        if y is None and not (_dashed(m, "m_e", "m2_e") or pats.en_month_cue.search(text, max(0, s - 30), s)):
            return None
        if y is None and (m1, m2) == (1, 12):
            return None  # January–December: any year's whole span, a generic period
        return _atom(s, e, Point(y, m1), Point(y, m2), "en_month_range", confidence=1.0 if y else 0.7)
    if g["m_c"]:
        y = _year(lex, g["y_c"])
        return _atom(s, e, Point(y, _en_month(lex, g["m_c"])), None, "en_month_year") if y else None
    if g["fy"]:
        y = _fy(lex, g["fy"])
        y2 = _fy(lex, g["fy2"]) if g["fy2"] else None
        if y is None or g["fy2"] and (y2 is None or y2 <= y):
            return None
        return _atom(s, e, Point(y, fiscal=True), Point(y2, fiscal=True) if y2 else None, "en_fiscal_year")
    if g["lera"]:  # Heisei 15 · Reiwa 2–4
        era = lex.era(g["lera"])
        y = era_to_gregorian(lex, era, int(g["ley"])) if era else None
        y2 = era_to_gregorian(lex, era, int(g["ley2"])) if era and g["ley2"] else None
        if y is None or g["ley2"] and (y2 is None or y2 <= y):
            return None
        return _atom(s, e, Point(y, era=era.romaji), Point(y2, era=era.romaji) if y2 else None,
                     "en_era_year")
    if g["y_f"]:
        y = _year(lex, g["y_f"])
        if y is None:
            return None
        lo = max(0, s - 40)
        # a season or a cue word ends in a space (in 2021, mid-2021), an issue number in a
        # space, a bracket or a comma (No. 5 (2023)): a year right after a letter or 年 has none
        before = text[s - 1] if s > 0 else ""
        glued = pats.academic_before.search(text, lo, s)  # AY2024: a prefix written on the year
        if not (before.isspace() or before in _CUE_END or glued):
            return None
        season = pats.en_season.search(text, lo, s)
        cue = pats.en_year_cue.search(text, lo, s)
        word = (cue.group("cue") or "").lower() if cue else ""
        b = None
        if g["y2_f"] and (g["yconn"].strip() != "and" or word == "between"):
            y2 = _second_year(lex, y, g["y2_f"])
            b = Point(y2) if y2 is not None else None
        if b is None:
            e = m.end("y_f")
        issue = pats.issue_year.search(text, lo, s)  # No. 5 (2023): the issue's year
        if b is None and not season and not _YEAR_PAIR.match(text, e):
            # one year named as an academic year (the 2023 academic year, academic year 2023)
            # is the Japanese school year, April to March, as 2023年度: a fiscal year
            after = pats.academic_after.match(text, e)
            before = pats.academic_before.search(text, lo, s)
            if after or before:
                return _atom(before.start() if before else s, after.end() if after else e,
                             Point(y, fiscal=True), None, "en_academic_year")
            if not (cue or issue) and pats.en_attributive_before.search(text, lo, s) \
                    and pats.en_attributive_after.match(text, e):
                return _atom(s, e, Point(y), None, "en_year_attributive")  # the 2025 institute
        if not (season or cue or issue) or b is None and word == "between":
            return None  # a bare number (2020 participants, Symposium 2020); 2019–2021: read_num
        if season:
            return _atom(season.start(), e, Point(y), b, "en_season_year")
        return _atom(s, e, Point(y), b, "en_year_range" if b else "en_year_cue",
                     weak=word in lex.en["weak_year_cues"], confidence=1.0 if cue else 0.9)
    if g["m_d"] and pats.en_month_cue.search(text, max(0, s - 30), s):
        return _atom(s, e, Point(month=_en_month(lex, g["m_d"])), None, "en_month_cue", confidence=0.7)
    return None


_CUE_END = ("-", "(", "（", ",")  # besides a space, what ends a look-back of a bare year
_YEAR_PAIR = re.compile(r"\s*[/–—-]\s*\d")  # 2023/24: the second year of an academic year follows


def _fy(lex: Lexicon, s: str) -> int | None:
    n = int(s)
    if len(s) == 2:
        n += 2000
    return n if lex.year_min <= n <= lex.year_max else None
