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
from dataclasses import dataclass
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
    historical: bool = False  # founding, agreement (設立, signed in, основан в): background, not news


_LETTER = r"(?![A-Za-zА-Яа-яЁё])"


def _trie(words) -> str:
    """A regex matching any of `words`, as a trie (shared prefixes factored): one pass, no
    backtracking through dozens of alternatives at every position of the text."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _names(lists: list[list[str]], case: str) -> str:
    """Month or weekday names from dates.toml as one regex (a trie), not followed by a letter.
    `case` adds UPPER forms of full names (en) or Capitalised forms (ru). A form written
    with a final "." is an abbreviation: the patterns allow the dot where more follows."""
    words = set()
    for forms in lists:
        for form in forms:
            base = form.rstrip(".")
            words.add(base)
            if case == "upper" and not form.endswith("."):
                words.add(base.upper())
            if case == "capital":  # Russian: Capitalised and, for full names, UPPER (ЗА 2021 ГОД)
                words.add(base.capitalize())
                if not form.endswith("."):
                    words.add(base.upper())
    return _trie(words) + _LETTER


def _alt(words) -> str:
    """Regex alternation of literal words, longest first (so 'Sept' wins over 'Sep')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_K = "〇一二三四五六七八九十"  # kanji numerals used in month/day/era-year numbers
_NUM2 = rf"(?:\d{{1,2}}|[{_K}]{{1,3}})"
_YEAR4 = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_YEAR = r"(?:1[7-9]|2[01])\d\d(?!\d)"  # a year in Latin/Cyrillic text; dates.toml narrows it


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


def _ja_pattern(lex: Lexicon) -> str:
    ja = lex.ja
    eras = [e.name for e in lex.eras]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    era_short = [e.short for e in lex.eras if e.short]
    era = rf"(?:{_alt(eras)}|(?<![A-Za-z])[{era_abbr}](?=\d)|(?:{_alt(era_short)})(?=\d))"
    conn = rf"\s*(?:{_alt(ja['range_connectors'])})\s*"
    gloss = rf"\s*[（(]\s*(?P<GLOSS>\d{{4}}|{era}\s*(?:\d{{1,2}}|元))\s*年?度?\s*[）)]"
    wd = "".join(ja["weekdays"])
    holiday = r"(?:\s*[・･,、/]\s*(?:祝|休|祭)日?)?"
    weekday_nc = rf"(?:\s*[（(]\s*[{wd}](?:曜日?)?{holiday}\s*[）)])"
    not_year = _alt(ja["not_year_after"])
    year = (rf"(?:(?P<era>{era})\s*(?P<ey>\d{{1,2}}|元|[{_K}]{{1,3}})(?:{conn}(?P<ey2>\d{{1,2}}|[{_K}]{{1,3}}))?"
            rf"|(?<!\d)(?<!\d[.,])(?P<y>{_YEAR4})(?:{conn}(?P<y2>\d{{4}}|\d{{2}}))?"
            rf"|(?P<same_y>{_alt(y[:-1] for y in ja['same_year'])}))"
            rf"(?:{gloss.replace('GLOSS', 'gl1')})?\s*年(?P<fy>度)?(?!{not_year})(?:{gloss.replace('GLOSS', 'gl2')})?")
    same_month = _alt(m[:-1] for m in ja["same_month"])
    ypart = rf"(?P<ypart>{_alt(ja['year_parts'])})"

    def month_day(x: str) -> str:
        """Month (and day or month part); `x` suffixes the group names of the second copy."""
        month = (rf"(?:(?P<same_m{x}>{same_month})|(?<![\d第])(?<!\d[.,])(?P<m{x}>{_NUM2})"
                 rf"(?:{conn}(?P<m2{x}>{_NUM2}))?\s*)月(?!曜|間|目|ぶり|分)")
        weekday = (rf"(?:\s*[（(]\s*(?P<wd{x}>[{wd}])(?:曜日?)?{holiday}\s*[）)]"
                   rf"|\s*(?P<wd2{x}>[{wd}])曜日?)")
        day = (rf"(?P<d{x}>{_NUM2})(?:(?:\s*日{weekday_nc}?)?{conn}(?P<d2{x}>{_NUM2}))?\s*日(?!間|目)"
               rf"(?:{weekday})?")
        return rf"{month}(?:\s*{day}|(?P<mpart{x}>{_alt(ja['month_parts'])}))?"

    # a cheap first-character gate; then a year (with a month, or a part of the year), or a
    # month alone (second copy of the month groups, names suffixed _x: see _read_ja)
    starts = "".join(sorted(set(_K + era_abbr + "".join(w[0] for w in eras + era_short)
                                + "".join(w[0] for w in list(ja["same_year"]) + list(ja["same_month"])))))
    return rf"(?=[\d{starts}])(?:{year}(?:\s*{month_day('')}|{ypart})?|{month_day('_x')})"


def _en_pattern(lex: Lexicon) -> str:
    en = lex.en
    mon = _names(en["months"], "upper")
    wd = rf"(?:(?P<{{g}}>{_names(en['weekdays'], 'upper')})\.?,?\s+(?:the\s+)?)?"
    ordinal = r"(?:st|nd|rd|th)?"
    dconn = r"\s*(?:-|–|—|‐|to|until|till|through)\s*(?:the\s+)?"
    # 'and' joins two days only after 'between' (between 3 and 5 October): the empty group
    # `btw` is set when the match starts right after that word
    btw = "(?P<btw{g}>" + "|".join(rf"(?<={re.escape(w)}\s)" for w in sorted(en["between"])) + ")?"
    dconn_and = rf"(?(btw{{g}})(?:{dconn}|\s+(?:{_alt(en['between_and'])})\s+(?:the\s+)?)|{dconn})"
    year = _YEAR
    count = _alt(en["count_nouns"])
    fy = _alt(en["fiscal_prefixes"])
    yconn = r"\s*(?:-|–|—|‐|to|until|through)\s*"
    # every alternative starts with a capital (month, weekday, FY) or a digit, or 'fiscal';
    # the cue words of 'in 2021', 'summer of 2019', 'started in January' are checked by the
    # reader, looking back from the match
    return "(?=[A-Z\\d]|fiscal)(?:" + "|".join([
        # 5 November 2013 · Tuesday, 29 September · 29th Sept. · from 4 to 6 June 2019
        (rf"{btw.format(g='_a')}{wd.format(g='wd_a')}(?<![\d:/])(?<!\d[.,])(?P<d_a>\d{{1,2}}){ordinal}(?!\d)"
         rf"(?:{dconn_and.format(g='_a')}(?P<d2_a>\d{{1,2}}){ordinal})?(?:\s+of)?\s+(?P<m_a>{mon})"
         rf"(?:\.?,?\s+(?P<y_a>{year}))?"),
        # November 5, 2013 · Monday, November 22 · June 4-6, 2019 · Sept. 29
        (rf"{btw.format(g='_b')}{wd.format(g='wd_b')}(?P<m_b>{mon})\.?\s+(?:the\s+)?(?P<d_b>\d{{1,2}}){ordinal}(?![\d:%])"
         rf"(?:{dconn_and.format(g='_b')}(?P<d2_b>\d{{1,2}}){ordinal}(?![\d:%]))?(?:,?\s*(?P<y_b>{year}))?"),
        # November–December 2021 · from May to July 2019
        (rf"(?P<m_e>{mon})\.?\s*(?:-|–|—|‐|\s(?:to|until|through|(?P<and_e>{_alt(en['between_and'])}))\s)"
         rf"\s*(?:(?i:{_alt(en['range_month_parts'])})(?:-|\s+))?(?P<m2_e>{mon})(?:\.?,?\s+(?:of\s+)?(?P<y_e>{year}))?"),
        # June 2019 · December of 2019
        rf"(?P<m_c>{mon})\.?,?\s+(?:of\s+)?(?P<y_c>{year})",
        # FY2020 · fiscal year 2019 · FY2018-2020
        rf"(?:{fy})\s*'?(?P<fy>\d{{4}}|\d{{2}})(?!\d)(?:{yconn}(?:FY\s*)?(?P<fy2>\d{{4}}|\d{{2}})(?!\d))?",
        # Heisei 15 · Reiwa 2–4 · SHOWA 60: an era year in Latin script
        (rf"{_latin_eras(lex)}\s*(?P<ley>\d{{1,2}})(?![\d%]|[.,:]\d)"
         rf"(?:{yconn}(?P<ley2>\d{{1,2}})(?![\d%]|[.,:]\d))?"),
        # 2021 (after a cue) · 2019–2021 · 2019 and 2021 (after 'between')
        (rf"(?<![\d/])(?<!\d[.,-])(?P<y_f>{year})(?:(?P<yconn>{yconn}|\s+and\s+)(?P<y2_f>{year}|\d\d(?!\d)))?"
         rf"(?![\d%A-Za-z]|\s*(?:{count})\b|[.,]\d)"),
        # January (after a cue)
        rf"(?P<m_d>{mon})(?!\.?\s*\d)",
    ]) + ")"


def _latin_eras(lex: Lexicon) -> str:
    """An era name in Latin script (dates.toml `latin`), capitalised or in capitals."""
    forms = [f for e in lex.eras for w in e.latin for f in (w[0].upper() + w[1:], w.upper())]
    return rf"(?<![A-Za-z\u00c0-\u024f])(?P<lera>{_alt(forms)})(?![A-Za-z\u00c0-\u024f])"


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


def _ru_pattern(lex: Lexicon) -> str:
    ru = lex.ru
    mon = _names(ru["months"], "capital")
    wds = _names(ru["weekdays"], "capital")
    full = [w for w in ru["year_words"] if not w.endswith(".")]
    abbr = [w.rstrip(".") for w in ru["year_words"] if w.endswith(".")]
    # year words in any letter case (ОТЧЁТ ЗА 2021 ГОД); a fiscal-year phrase is tried first
    ywords = rf"(?i:(?:{_alt(full)})(?![а-яё])|(?:{_alt(abbr)})(?![а-яё])\.?)"
    # one adjective may stand between: 2022 японского финансового года, в 2021 японском фин. году
    adj = r"(?:[а-яё]+(?:ого|его|ом|ем|ому|ему|ый|ий|ым|им|ые|ие|ых|их)\s+)?"
    fy_words = rf"(?i:\s*{adj}(?:{_alt(ru['fiscal_year_words'])})(?![а-яё]))"
    year = _YEAR
    dconn = r"\s*(?:-|–|—|‐|по|до)\s*"
    initials = "".join(sorted({f[0] for forms in ru["months"] + ru["weekdays"] for f in forms}))
    # a digit, or a month name at the start of a word
    gate = rf"(?:(?=\d)|(?<![A-Za-zА-Яа-яЁё])(?=[{initials}{initials.upper()}]))"
    return gate + "(?:" + "|".join([
        # 22 ноября 2021 г. · с 4 по 6 июня · 19 июня (вт)
        (rf"(?:(?<![А-Яа-яЁё])(?P<rwd0>{wds}),?\s+)?(?<![\d:/])(?<!\d[.,])(?P<rd>\d{{1,2}})(?!\d)(?:{dconn}(?P<rd2>\d{{1,2}}))?\s+(?P<rm>{mon})"
         rf"(?:\.?\s+(?P<ry>{year})(?:\s*{ywords})?)?"
         rf"(?:\s*\(\s*(?P<rwd>{wds})\.?\s*\)|,?\s+(?P<rwd2>{wds}))?"),
        # ноябрь–декабрь 2021 · с ноября по декабрь 2021 года
        (rf"(?P<rm_e>{mon})\.?{dconn}(?:(?i:{_alt(ru['range_month_parts'])})\s+)?(?P<rm2_e>{mon})(?:\.?\s+(?P<ry_e>{year})(?:\s*{ywords})?)?"),
        # ноябрь 2021 года · в ноябре 2021 г. · в январе (a cue before it, checked by the reader)
        rf"(?P<rm_b>{mon})(?:\.?\s+(?P<ry_b>{year})(?:\s*{ywords})?|(?!\.?\s*\d))",
        # в 2021 году · с 1983 года · 1982–83 гг. · летом 2019 (season checked by the reader)
        (rf"(?<!\d)(?<!\d[.,])(?P<ry_c>{year})(?:\s*[-–—‐]\s*(?P<ry2_c>{year}|\d\d(?!\d)))?"
         rf"(?:(?P<rfy>{fy_words})|(?P<yw>(?:-?(?:м|го|й|ом))?\s*{ywords}))?(?![\d%]|[.,]\d)"),
    ]) + ")"


def _ru_lookback(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    ru = lex.ru
    both = lambda ws: _alt(ws + [w.capitalize() for w in ws])  # noqa: E731
    start = r"(?<![а-яёА-ЯЁ])"
    return (re.compile(rf"{start}(?:{both(ru['seasons'])})\s+$"),
            re.compile(rf"{start}(?:{both(ru['month_cues'])})\s+$"))


def _num_pattern(lex: Lexicon) -> str:
    eras = [e.name for e in lex.eras] + [e.short for e in lex.eras if e.short]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    wd = "".join(lex.ja["weekdays"])
    en_wd = _names(lex.en["weekdays"], "upper")

    def md_wd(group: str) -> str:
        """A weekday in brackets after a month/day: （金）, (Fri), (金・祝)."""
        return (rf"[（(]\s*(?P<{group}>[{wd}]|{en_wd})(?:曜日?)?\.?"
                r"(?:\s*[・･,、/]\s*(?:祝|休|祭)日?)?\s*[）)]")

    end = r"(?!\d|[.,/-]\d)"
    starts = "".join(sorted({e.abbrev for e in lex.eras} | {w[0] for w in eras}))
    return rf"(?=[\d{starts}])(?:" + "|".join([
        # 2013-11-05 · 2020/9/25 · 2020.9.25
        rf"(?<![\d/-])(?<!\d[.,])(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}}){end}"
        rf"(?:\s*[（(](?P<iwd>[{wd}])(?:曜日?)?[）)])?",
        # 22.11.2021 · 05/12/2019
        rf"(?<![\d/-])(?<!\d[.,])(?P<nd>\d{{1,2}})(?P<nsep>[./-])(?P<nm>\d{{1,2}})(?P=nsep)(?P<ny>\d{{4}}){end}",
        # 2019–2021: two years joined by a dash (a year range in any language)
        (rf"(?<![\d/-])(?<!\d[.,])(?P<yr>{_YEAR})\s*[–—-]\s*(?P<yr2>{_YEAR})"
         r"(?![\d%A-Za-z]|[.,/-]\d)"),
        # 2019/20, 2019–20 next to an academic-year word (2019/20 academic year, в 2019/2020
        # учебном году, 2020/21学年度): read_num checks the word
        (rf"(?<![\d/-])(?<!\d[.,])(?P<ay>{_YEAR})\s*[/–—-]\s*(?P<ay2>\d{{4}}|\d\d)"
         r"(?![\d%]|[.,/-]\d)"),
        # 9/25（金）, Fri 9/25, on 9/25, 9/25～9/27: month/day without a year (read_num checks for a
        # weekday or a cue word; ranges only in the form M/D–M/D or M/D–D)
        (rf"(?<![\d/.,:-])(?P<mdm>\d{{1,2}})/(?P<mdd>\d{{1,2}})(?:\s*{md_wd('mdwd')})?"
         rf"(?:\s*[～〜~\-–—]\s*(?:(?P<mdm2>\d{{1,2}})/)?(?P<mdd2>\d{{1,2}})(?:\s*{md_wd('mdwd2')})?)?"
         r"(?![\d/%]|[.,:]\d)"),
        # H29.4.1 · 平成29.4.1
        (rf"(?:(?<![A-Za-z\d])(?P<ne>[{era_abbr}])|(?P<ne2>{_alt(eras)}))\s?(?P<ney>\d{{1,2}}|元)"
         rf"(?P<nesep>[./])(?P<nem>\d{{1,2}})(?P=nesep)(?P<ned>\d{{1,2}}){end}"),
    ]) + ")"


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
    number = (rf"(?:(?<![A-Za-zА-Яа-яЁё])(?:{_alt(marks)})\s*\d+"
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
    return re.compile(rf"(?:{before})", re.I), re.compile(rf"(?:{after})", re.I)


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
        ja=re.compile(_ja_pattern(lex)),
        en=re.compile(_en_pattern(lex)),
        ru=re.compile(_ru_pattern(lex)),
        num=re.compile(_num_pattern(lex)),
        relative=re.compile(rf"(?<![A-Za-zА-Яа-яЁё])(?:(?P<relfy>{_trie(rel_fy)})|(?P<rel>{_trie(rel)})(?!度))"
                            + _LETTER),
        connector=re.compile(rf"\s*(?:{_alt(conns)})\s*|\s+(?:{_alt(words)})\s+"),
        **dict(zip(("en_year_cue", "en_season", "en_month_cue"), _en_lookback(lex))),
        **dict(zip(("ru_season", "ru_month_cue"), _ru_lookback(lex))),
        en_month=re.compile(_names(lex.en["months"], "upper")),
        latin_era=re.compile(_latin_eras(lex)),
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
        recurring=re.compile(rf"(?:{_alt(lex.ja['recurring'] + lex.en['recurring'] + lex.ru['recurring'])})"
                             r"\s*の?\s*$"),
    )

