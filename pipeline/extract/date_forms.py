"""How dates are written: the regex sources of the date atoms, one per script or form.

Japanese (eras, kanji numerals, 年度, 同年/同月, ranges), English and Latin-script era years,
Russian, and numeric forms (ISO, D.M.Y, M/D, H29.4.1), each built from dates.toml; and the small
regex helpers they share with the context patterns of date_patterns.py (month-name tries,
literal alternations). Compiled once, with the context patterns, by date_patterns.patterns().
"""
from __future__ import annotations

import re

from .date_lexicon import Lexicon
from .trie import trie_pattern

LETTER = r"(?![A-Za-zА-Яа-яЁё])"


def trie(words) -> str:
    """A regex group matching any of `words`, factored as a trie (see trie.py)."""
    return "(?:" + trie_pattern(words) + ")"


def names(lists: list[list[str]], case: str) -> str:
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
    return trie(words) + LETTER


def alt(words) -> str:
    """Regex alternation of literal words, longest first (so 'Sept' wins over 'Sep')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def gate(words) -> str:
    """A look-ahead for the first characters of `words`, put before a pattern searched through
    whole blocks that starts with one of them: the engine skips the other positions at once,
    and no match is lost or added (a pattern compiled with re.I needs the same flag)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


KANJI_DIGITS = "〇一二三四五六七八九十"  # kanji numerals used in month/day/era-year numbers
_NUM2 = rf"(?:\d{{1,2}}|[{KANJI_DIGITS}]{{1,3}})"
_YEAR4 = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
YEAR = r"(?:1[7-9]|2[01])\d\d(?!\d)"  # a year in Latin/Cyrillic text; dates.toml narrows it


def ja_pattern(lex: Lexicon) -> str:
    ja = lex.ja
    eras = [e.name for e in lex.eras]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    era_short = [e.short for e in lex.eras if e.short]
    era = rf"(?:{alt(eras)}|(?<![A-Za-z])[{era_abbr}](?=\d)|(?:{alt(era_short)})(?=\d))"
    conn = rf"\s*(?:{alt(ja['range_connectors'])})\s*"
    gloss = rf"\s*[（(]\s*(?P<GLOSS>\d{{4}}|{era}\s*(?:\d{{1,2}}|元))\s*年?度?\s*[）)]"
    wd = "".join(ja["weekdays"])
    holiday = r"(?:\s*[・･,、/]\s*(?:祝|休|祭)日?)?"
    weekday_nc = rf"(?:\s*[（(]\s*[{wd}](?:曜日?)?{holiday}\s*[）)])"
    not_year = alt(ja["not_year_after"])
    year = (rf"(?:(?P<era>{era})\s*(?P<ey>\d{{1,2}}|元|[{KANJI_DIGITS}]{{1,3}})(?:{conn}(?:(?P<era2>{era})\s*)?(?P<ey2>\d{{1,2}}|元|[{KANJI_DIGITS}]{{1,3}}))?"
            rf"|(?<!\d)(?<!\d[.,])(?P<y>{_YEAR4})(?:{conn}(?P<y2>\d{{4}}|\d{{2}}))?"
            rf"|(?P<same_y>{alt(y[:-1] for y in ja['same_year'])}))"
            rf"(?:{gloss.replace('GLOSS', 'gl1')})?\s*(?:学(?=年度))?年(?P<fy>度)?(?!{not_year})(?:{gloss.replace('GLOSS', 'gl2')})?")
    same_month = alt(m[:-1] for m in ja["same_month"])
    ypart = rf"(?P<ypart>{alt(ja['year_parts'])})"

    def month_day(x: str) -> str:
        """Month (and day or month part); `x` suffixes the group names of the second copy."""
        month = (rf"(?:(?P<same_m{x}>{same_month})|(?<![\d第])(?<!\d[.,])(?P<m{x}>{_NUM2})"
                 rf"(?:{conn}(?P<m2{x}>{_NUM2}))?\s*)月(?!曜|間|目|ぶり|分)")
        weekday = (rf"(?:\s*[（(]\s*(?P<wd{x}>[{wd}])(?:曜日?)?{holiday}\s*[）)]"
                   rf"|\s*(?P<wd2{x}>[{wd}])曜日?)")
        day = (rf"(?P<d{x}>{_NUM2})(?:(?:\s*日{weekday_nc}?)?{conn}(?P<d2{x}>{_NUM2}))?\s*日(?!間|目)"
               rf"(?:{weekday})?")
        return rf"{month}(?:\s*{day}|(?P<mpart{x}>{alt(ja['month_parts'])}))?"

    # a cheap first-character gate; then a year (with a month, or a part of the year), or a
    # month alone (second copy of the month groups, names suffixed _x: see _read_ja)
    starts = "".join(sorted(set(KANJI_DIGITS + era_abbr + "".join(w[0] for w in eras + era_short)
                                + "".join(w[0] for w in list(ja["same_year"]) + list(ja["same_month"])))))
    return rf"(?=[\d{starts}])(?:{year}(?:\s*{month_day('')}|{ypart})?|{month_day('_x')})"


def en_pattern(lex: Lexicon) -> str:
    en = lex.en
    mon = names(en["months"], "upper")
    wd = rf"(?:(?P<{{g}}>{names(en['weekdays'], 'upper')})\.?,?\s+(?:the\s+)?)?"
    ordinal = r"(?:st|nd|rd|th)?"
    dconn = r"\s*(?:-|–|—|‐|to|until|till|through)\s*(?:the\s+)?"
    # 'and' joins two days only after 'between' (between 3 and 5 October): the empty group
    # `btw` is set when the match starts right after that word
    btw = "(?P<btw{g}>" + "|".join(rf"(?<={re.escape(w)}\s)" for w in sorted(en["between"])) + ")?"
    dconn_and = rf"(?(btw{{g}})(?:{dconn}|\s+(?:{alt(en['between_and'])})\s+(?:the\s+)?)|{dconn})"
    year = YEAR
    count = alt(en["count_nouns"])
    fy = alt(en["fiscal_prefixes"])
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
        (rf"(?P<m_e>{mon})\.?\s*(?:-|–|—|‐|\s(?:to|until|through|(?P<and_e>{alt(en['between_and'])}))\s)"
         rf"\s*(?:(?i:{alt(en['range_month_parts'])})(?:-|\s+))?(?P<m2_e>{mon})(?:\.?,?\s+(?:of\s+)?(?P<y_e>{year}))?"),
        # June 2019 · December of 2019
        rf"(?P<m_c>{mon})\.?,?\s+(?:of\s+)?(?P<y_c>{year})",
        # FY2020 · fiscal year 2019 · FY2018-2020
        rf"(?:{fy})\s*'?(?P<fy>\d{{4}}|\d{{2}})(?!\d)(?:{yconn}(?:FY\s*)?(?P<fy2>\d{{4}}|\d{{2}})(?!\d))?",
        # Heisei 15 · Reiwa 2–4 · SHOWA 60: an era year in Latin script
        (rf"{latin_eras(lex)}\s*(?P<ley>\d{{1,2}})(?![\d%]|[.,:]\d)"
         rf"(?:{yconn}(?P<ley2>\d{{1,2}})(?![\d%]|[.,:]\d))?"),
        # 2021 (after a cue) · 2019–2021 · 2019 and 2021 (after 'between')
        (rf"(?<![\d/])(?<!\d[.,-])(?P<y_f>{year})(?:(?P<yconn>{yconn}|\s+and\s+)(?P<y2_f>{year}|\d\d(?!\d)))?"
         rf"(?![\d%A-Za-z]|\s*(?:{count})\b|[.,]\d)"),
        # January (after a cue)
        rf"(?P<m_d>{mon})(?!\.?\s*\d)",
    ]) + ")"


def latin_era_forms(lex: Lexicon) -> tuple[str, ...]:
    """Era names in Latin script (dates.toml `latin`) as written: capitalised or in capitals."""
    return tuple(f for e in lex.eras for w in e.latin for f in (w[0].upper() + w[1:], w.upper()))


def latin_eras(lex: Lexicon) -> str:
    """An era name in Latin script, as a regex (see latin_era_forms)."""
    forms = latin_era_forms(lex)
    return rf"{gate(forms)}(?<![A-Za-z\u00c0-\u024f])(?P<lera>{alt(forms)})(?![A-Za-z\u00c0-\u024f])"


def ru_pattern(lex: Lexicon) -> str:
    ru = lex.ru
    mon = names(ru["months"], "capital")
    wds = names(ru["weekdays"], "capital")
    full = [w for w in ru["year_words"] if not w.endswith(".")]
    abbr = [w.rstrip(".") for w in ru["year_words"] if w.endswith(".")]
    # year words in any letter case (ОТЧЁТ ЗА 2021 ГОД); a fiscal-year phrase is tried first
    ywords = rf"(?i:(?:{alt(full)})(?![а-яё])|(?:{alt(abbr)})(?![а-яё])\.?)"
    # one adjective may stand between: 2022 японского финансового года, в 2021 японском фин. году
    adj = r"(?:[а-яё]+(?:ого|его|ом|ем|ому|ему|ый|ий|ым|им|ые|ие|ых|их)\s+)?"
    fy_words = rf"(?i:\s*{adj}(?:{alt(ru['fiscal_year_words'])})(?![а-яё]))"
    year = YEAR
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
        (rf"(?P<rm_e>{mon})\.?{dconn}(?:(?i:{alt(ru['range_month_parts'])})\s+)?(?P<rm2_e>{mon})(?:\.?\s+(?P<ry_e>{year})(?:\s*{ywords})?)?"),
        # ноябрь 2021 года · в ноябре 2021 г. · в январе (a cue before it, checked by the reader)
        rf"(?P<rm_b>{mon})(?:\.?\s+(?P<ry_b>{year})(?:\s*{ywords})?|(?!\.?\s*\d))",
        # в 2021 году · с 1983 года · 1982–83 гг. · летом 2019 (season checked by the reader)
        (rf"(?<!\d)(?<!\d[.,])(?P<ry_c>{year})(?:\s*[-–—‐]\s*(?P<ry2_c>{year}|\d\d(?!\d)))?"
         rf"(?:(?P<rfy>{fy_words})|(?P<yw>(?:-?(?:м|го|й|ом))?\s*{ywords}))?(?![\d%]|[.,]\d)"),
    ]) + ")"


def num_pattern(lex: Lexicon) -> str:
    eras = [e.name for e in lex.eras] + [e.short for e in lex.eras if e.short]
    era_abbr = "".join(e.abbrev for e in lex.eras)
    wd = "".join(lex.ja["weekdays"])
    en_wd = names(lex.en["weekdays"], "upper")

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
        (rf"(?<![\d/-])(?<!\d[.,])(?P<yr>{YEAR})\s*[–—-]\s*(?P<yr2>{YEAR})"
         r"(?![\d%A-Za-z]|[.,/-]\d)"),
        # 2019/20, 2019–20 next to an academic-year word (2019/20 academic year, в 2019/2020
        # учебном году, 2020/21学年度): read_num checks the word
        (rf"(?<![\d/-])(?<!\d[.,])(?P<ay>{YEAR})\s*[/–—-]\s*(?P<ay2>\d{{4}}|\d\d)"
         r"(?![\d%]|[.,/-]\d)"),
        # 9/25（金）, Fri 9/25, on 9/25, 9/25～9/27: month/day without a year (read_num checks for a
        # weekday or a cue word; ranges only in the form M/D–M/D or M/D–D)
        (rf"(?<![\d/.,:-])(?P<mdm>\d{{1,2}})/(?P<mdd>\d{{1,2}})(?:\s*{md_wd('mdwd')})?"
         rf"(?:\s*[～〜~\-–—]\s*(?:(?P<mdm2>\d{{1,2}})/)?(?P<mdd2>\d{{1,2}})(?:\s*{md_wd('mdwd2')})?)?"
         r"(?![\d/%]|[.,:]\d)"),
        # H29.4.1 · 平成29.4.1
        (rf"(?:(?<![A-Za-z\d])(?P<ne>[{era_abbr}])|(?P<ne2>{alt(eras)}))\s?(?P<ney>\d{{1,2}}|元)"
         rf"(?P<nesep>[./])(?P<nem>\d{{1,2}})(?P=nesep)(?P<ned>\d{{1,2}}){end}"),
    ]) + ")"
