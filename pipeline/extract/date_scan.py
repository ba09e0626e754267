"""Scanning a string for dates: `scan(text, lang)` → the date atoms in it, in order.

The patterns of date_patterns.py run only where a date can be (around 年 and 月, four-digit
years, month names, numeric separators), each match is read by date_read.py (English ones by
date_read_en.py) into an `Atom` (a real calendar date or nothing), the longest wins where
matches overlap, recurring dates (毎年4月1日, every January) are dropped, and two atoms written
with a range connector between them are joined into one range (`9月29日～10月2日`,
`November 26 to December 4, 2019`). Relative year words (本年, this year) come back as atoms
with `relative` set: anchors only.
"""
from __future__ import annotations

import datetime as dt
import re

from .date_lexicon import lexicon
from .date_patterns import Atom, Point, patterns
from .date_read import parse_day, read_ja, read_num, read_ru
from .date_read_en import read_en

_LATIN = re.compile("[A-Za-z]")
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_JA_MARK = re.compile("[年月]")  # every Japanese date has one of them
_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"(?:1[7-9]|2[01])\d\d")  # a Latin/Cyrillic date has one ...
_FY = re.compile(r"[Ff](?:Y|iscal)")  # ... or a month name, or a fiscal-year prefix
_NUMERIC = re.compile(r"\d\s*[./\-–—]\s*\d")  # every numeric date and dash year range has one
# how far a date reaches before / after its 年 or 月 (Japanese), its year or month name (others)
_JA_REACH = (25, 30)
_REACH = (35, 35)


def _hits(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _windows(text: str, hits: list[tuple[int, int]], reach: tuple[int, int]) -> list[tuple[int, int]]:
    """Stretches of `text` around each hit (merged): the only places a pattern can match, so
    that long texts are not tried at every character."""
    before, after = reach
    spans: list[list[int]] = []
    for s, e in sorted(hits):
        lo, hi = max(0, s - before), min(len(text), e + after)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def _read_all(pattern: re.Pattern, text: str, lo: int, hi: int, read) -> list[Atom]:
    """Every match of `pattern` in text[lo:hi] read into an atom. A match that reads as no date
    does not hide a date inside it: the search goes on from its second character
    (前年度（令和3年度）: the relative word with its gloss is no date, 令和3年度 is)."""
    out, pos = [], lo
    while (m := pattern.search(text, pos, hi)) is not None:
        atom = read(m)
        if atom is not None:
            out.append(atom)
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1
    return out


def _order_key(p: Point) -> tuple[int, int, int]:
    return (p.year or 0, p.month or 1, p.day or 1)


def _join(left: Atom, right: Atom) -> Atom | None:
    """`left CONNECTOR right` as one range, or None when the two do not make one."""
    if left.b or right.b or left.relative is not None or right.relative is not None:
        return None
    a = Point(**{f: getattr(left.a, f) for f in Point.__slots__})
    b = Point(**{f: getattr(right.a, f) for f in Point.__slots__})
    both_rel = a.rel_year is not None and b.rel_year is not None and b.rel_year > a.rel_year
    if (a.rel_year is not None or b.rel_year is not None) and not both_rel:  # 同年11月から翌年2月 joins
        if not (b.year is None and b.rel_year is None):
            return None
    if (a.month is None) != (b.month is None) and a.month is not None:
        return None  # 9月～2021年: not a range we read
    if a.day is not None and b.month is None:
        return None
    if b.year is None and b.rel_year is None:
        b.year, b.era, b.fiscal, b.rel_year = a.year, a.era, a.fiscal, a.rel_year
        if a.month is not None and b.month is None:
            b.month = a.month
    elif a.year is None and a.rel_year is None and b.year is not None:
        a.year = b.year if (a.month or 1, a.day or 1) <= (b.month or 12, b.day or 31) else b.year - 1
        a.fiscal = b.fiscal
    if a.year is None and not both_rel and (a.month, a.day or 0) >= (b.month, b.day or 0):
        return None  # 12月28日～1月5日 with no year: leave as two dates
    if a.year is not None and _order_key(a) >= _order_key(b):
        return None
    if a.fiscal != b.fiscal and a.month is None and b.month is None:
        return None
    conf = min(left.confidence, right.confidence)
    return Atom(left.start, right.end, a, b, "range", weak=left.weak, confidence=conf)


def _ja_atoms(text: str) -> list[Atom]:
    """Japanese dates: read around each 年 and 月."""
    if "年" not in text and "月" not in text:
        return []
    lex, pats = lexicon(), patterns()
    found: list[Atom] = []
    for lo, hi in _windows(text, _hits(_JA_MARK, text), _JA_REACH):
        found.extend(_read_all(pats.ja, text, lo, hi, lambda m: read_ja(m, lex)))
    return found


def _latin_atoms(text: str, digits: bool) -> list[Atom]:
    """English and Russian dates: read around years and month names (and FY, era names)."""
    lex, pats = lexicon(), patterns()
    found: list[Atom] = []
    years = _hits(_YEARISH, text) if digits else []
    for pat, read, script, marks in ((pats.en, read_en, _LATIN, (pats.en_month, _FY, pats.latin_era)),
                                     (pats.ru, read_ru, _CYRILLIC, (pats.ru_month,))):
        if script.search(text):
            marks = marks if digits else marks[:1]
            if marks[-1] is pats.latin_era and not pats.latin_era_name.search(text):
                marks = marks[:-1]  # no era name written: no need to look for one
            hits = years + [h for mark in marks for h in _hits(mark, text)]
            for lo, hi in _windows(text, hits, _REACH):
                found.extend(_read_all(pat, text, lo, hi, lambda m, read=read: read(m, lex, text)))
    return found


def _num_atoms(text: str, lang: str | None) -> list[Atom]:
    """Numeric dates (2020/9/25, 22.11.2021, 2019–2021, 9/25（金）, H29.4.1)."""
    if not _NUMERIC.search(text):
        return []
    lex = lexicon()
    return [atom for m in patterns().num.finditer(text) if (atom := read_num(m, lex, lang)) is not None]


def scan(text: str, lang: str | None = None) -> list[Atom]:
    """Every date atom in `text`, in order, spans relative to `text` (relative-year words too)."""
    lex, pats = lexicon(), patterns()
    digits = _DIGIT.search(text) is not None  # without digits: only `in January` and the like
    found = _ja_atoms(text) + _latin_atoms(text, digits) + (_num_atoms(text, lang) if digits else [])
    # 毎年4月1日, every January: recurring, not one date
    found = [t for t in found if t.a.year is not None
             or not pats.recurring.search(text, max(0, t.start - 12), t.start)]
    # the longest match wins where several overlap
    found.sort(key=lambda t: (t.start - t.end, t.start))
    kept: list[Atom] = []
    for atom in found:
        if all(atom.end <= k.start or atom.start >= k.end for k in kept):
            kept.append(atom)
    relative = pats.relative.finditer(text) if any(w in text for w in pats.relative_marks) else ()
    for m in relative:
        if all(m.end() <= k.start or m.start() >= k.end for k in kept):
            word = m.group()
            fiscal = m.group("relfy") is not None
            table = lex.ja["relative_fiscal_years"] if fiscal else {
                **lex.ja["relative_years"], **lex.en["relative_years"], **lex.ru["relative_years"]}
            kept.append(Atom(m.start(), m.end(), Point(fiscal=fiscal), None, "relative",
                             relative=table[word], relative_fiscal=fiscal))
    if not kept:
        return kept
    kept.sort(key=lambda t: t.start)
    out: list[Atom] = []
    for atom in kept:
        if out and _joinable(text, out[-1], atom):
            if out[-1].b is None and atom.b is None and _whole_year(out[-1].a, atom.a):
                out.pop()
                continue
            joined = _join(out[-1], atom)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(atom)
    out = [t for t in out if t.b is None or not _whole_year(t.a, t.b)]
    for t in out:
        t.historical = t.relative is None and bool(
            pats.historical_before.search(text, max(0, t.start - 40), t.start)
            or pats.historical_after.match(text, t.end))
        if t.relative is None and t.b is None and t.a.month is None and not t.weak:
            # a year that starts a period (since Showa 37, с 1983 года, 1983年以来) dates no later event
            t.weak = bool(pats.weak_before.search(text, max(0, t.start - 12), t.start)
                          or pats.weak_after.match(text, t.end))
    return _listed_years(text, _listed_days(text, out))


def _whole_year(a: Point, b: Point) -> bool:
    """`a ～ b` spans a whole year and names none (1月から12月, 4月1日から翌年3月31日,
    from January to December): a period defined in general (rules, templates), not a date."""
    if a.year is not None or b.year is not None:
        return False
    if a.rel_year is not None or b.rel_year not in (None, 1) or a.month is None or b.month is None:
        return False
    if b.month != (a.month + 10) % 12 + 1 or (a.day is None) != (b.day is None):
        return False
    if a.day is None:
        return True
    month_end = dt.date(2001 + b.month // 12, b.month % 12 + 1, 1) - dt.timedelta(days=1)
    return a.day == 1 and b.day == month_end.day


def _joinable(text: str, left: Atom, right: Atom) -> bool:
    """A range connector between the two atoms (～, to, по), or 'and' after 'between'."""
    pats = patterns()
    if pats.connector.fullmatch(text, left.end, right.start):
        return True
    return bool(pats.between_and.fullmatch(text, left.end, right.start)
                and pats.between.search(text, max(0, left.start - 12), left.start))


def _valid_day(a: Point, day: int) -> bool:
    try:
        dt.date(a.year if a.year is not None else 2000, a.month or 1, day)  # 2000: a leap year
    except ValueError:
        return False
    return True


def _day_after(a: Point, day: int) -> Point:
    return Point(a.year, a.month, day, a.fiscal, a.era, None, a.rel_year, a.rel_month)


_YEAR_RULES = ("ja_year", "ja_fiscal_year", "ru_year", "en_year_cue")


def _listed_years(text: str, atoms: list[Atom]) -> list[Atom]:
    """Years listed with a year atom that writes the year word once: `2016・2019年`, `в 2016 и
    2019 годах` (the years before it), `in 2016 and 2019`, `in 2016, 2018 and 2019` (after it).
    Each listed year is a date of its own, with the atom's fiscal flag."""
    pats = patterns()
    out = list(atoms)
    for atom in atoms:
        if atom.rule not in _YEAR_RULES or atom.b is not None:
            continue
        found: list[tuple[int, int, str]] = []
        if atom.rule == "en_year_cue":
            pos = atom.end
            while (m := pats.listed_year_after.match(text, pos)) and len(found) < 10:
                found.append((m.start("y"), m.end("y"), m.group("y")))
                pos = m.end()
        elif pats.plural_year.search(text, atom.start, atom.end):
            end, listed = atom.start, pats.listed_year
            while (m := listed.search(text, max(0, end - 12), end)) and len(found) < 10:
                found.append((m.start("y"), m.end("y"), m.group("y")))
                end, listed = m.start(), pats.listed_year_more
        taken = [(t.start, t.end) for t in out]
        for s, e, y in found:
            if all(e <= ts or s >= te for ts, te in taken):
                out.append(Atom(s, e, Point(int(y), fiscal=atom.a.fiscal), None, atom.rule + "_listed",
                                confidence=atom.confidence, historical=atom.historical))
    out.sort(key=lambda t: t.start)
    return out


def _listed_days(text: str, atoms: list[Atom]) -> list[Atom]:
    """Days listed with a single-day atom that names the month once: `12月8日・9日`,
    `8日、10日`, `12 and 14 March 2022`. Consecutive days make a range with it (8日・9日 →
    8–9); other days are dates of their own, taking the atom's month and year."""
    pats = patterns()
    out: list[Atom] = []
    for atom in atoms:
        if atom.b is not None or atom.a.day is None or atom.relative is not None:
            out.append(atom)
            continue
        days: list[tuple[int, int, int]] = []  # (start, end, day) of each listed day
        if atom.rule.startswith("ja_"):
            pos = atom.end
            while (m := pats.ja_listed_day.match(text, pos)) and len(days) < 10:
                d = parse_day(m.group("d"))
                if d is None:
                    break
                days.append((m.start("d"), m.end(), d))
                pos = m.end()
        elif atom.rule in ("en_dmy", "ru_dmy"):
            end, listed = atom.start, pats.dmy_listed_day  # the day next to the atom needs 'and'
            while (m := listed.search(text, max(0, end - 12), end)) and len(days) < 10:
                d = parse_day(m.group("d"))
                if d is None:
                    break
                days.insert(0, (m.start("d"), m.end("d"), d))
                end, listed = m.start(), pats.dmy_listed_more
        days = [x for x in days if _valid_day(atom.a, x[2])]
        if not days:
            out.append(atom)
            continue
        singles = [(atom.start, atom.end, atom.a.day)]
        singles = sorted(singles + days)
        run_ok = all(b[2] == a[2] + 1 for a, b in zip(singles, singles[1:]))
        if run_ok:
            first, last = singles[0], singles[-1]
            a, b = _day_after(atom.a, first[2]), _day_after(atom.a, last[2])
            a.weekday = atom.a.weekday if first[2] == atom.a.day else None
            b.weekday = atom.a.weekday if last[2] == atom.a.day else None
            out.append(Atom(min(atom.start, first[0]), max(atom.end, last[1]), a, b, "listed_days",
                            confidence=atom.confidence, historical=atom.historical))
            continue
        out.append(atom)
        for s, e, d in days:
            if d != atom.a.day:
                out.append(Atom(s, e, _day_after(atom.a, d), None, atom.rule + "_listed",
                                confidence=atom.confidence, historical=atom.historical))
    out.sort(key=lambda t: t.start)
    return out
