"""Numbers as written in Japanese, English and Russian text, to integers.

    arabic_value("1,000") == 1000        arabic_value("1,5", 1_000_000) == 1_500_000
    kanji_value("百二十") == 120          kanji_value("二〇二〇") == 2020
    word_value("twenty-five") == 25      word_value("сто") == 100

Plain functions over strings, no state. Thousands separators: "," and "." in groups of three,
and (Russian) spaces; a comma followed by other than three digits, or followed by a
multiplier (million, 万, тыс.), is a decimal comma (European style: "1,5 million").
The dates stage may use `kanji_value` for 令和二年 / 十二月 too.
"""
from __future__ import annotations

import re

#: An Arabic number with optional thousands separators or a decimal part (full-width digits too).
ARABIC = r"[0-9０-９]{1,3}(?:[,，.][0-9０-９]{3}|[ \u00a0\u202f\u2009][0-9０-９]{3}(?![0-9０-９]))+(?:[.,][0-9０-９]+)?|[0-9０-９]+(?:[.,．][0-9０-９]+)?"
#: A kanji numeral (Chinese-style with 十百千万, or positional with 〇).
KANJI = r"[〇零一二三四五六七八九十百千万億両]+"

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "両": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_KANJI_BIG = {"万": 10_000, "億": 100_000_000}

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_RU_WORDS = {
    "ноль": 0, "один": 1, "одна": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
    "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "одиннадцать": 11,
    "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "двадцати": 20,
    "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50,
    "шестьдесят": 60, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90,
    "одиннадцати": 11, "двенадцати": 12, "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15,
    "шестнадцати": 16, "семнадцати": 17, "восемнадцати": 18, "девятнадцати": 19,
    # genitive hundreds (около шестисот, более трёхсот)
    "трехсот": 300, "четырёхсот": 400, "четырехсот": 400, "пятисот": 500, "шестисот": 600,
    "семисот": 700, "восьмисот": 800, "девятисот": 900, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "ста": 100,
    "двести": 200, "двухсот": 200, "триста": 300, "трёхсот": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    # collective numerals for people (двое преподавателей, пятеро студентов, троих участников)
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "девятеро": 9, "десятеро": 10, "двоих": 2, "троих": 3, "четверых": 4, "пятерых": 5, "шестерых": 6,
    "семерых": 7, "восьмерых": 8, "девятерых": 9, "десятерых": 10,
}
_RU_SCALES = {"тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "миллион": 1_000_000, "миллиона": 1_000_000,
              "миллионов": 1_000_000}

#: Number words (English, Russian) as one regex alternative, longest first.
WORDS = "|".join(sorted(list(_EN_UNITS) + list(_EN_TENS) + list(_RU_WORDS), key=len, reverse=True))


def _alt(words) -> str:
    """Alternation of lower-case `words`, longest first, grouped by first letter (each letter
    matched once: s(?:eventeen|ixteen|even|ix)); words with different first letters never
    match at the same place, so the matches are those of the plain longest-first alternation."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(w)
    return "|".join(ws[0] if len(ws) == 1 else ws[0][0] + "(?:" + "|".join(w[1:] for w in ws) + ")"
                    for ws in groups.values())


_EN_ALL = list(_EN_UNITS) + list(_EN_TENS)
#: A run of English number words ("two hundred and fifty", "twenty-five", "a hundred", "a dozen").
EN_WORDS = (r"(?=[A-Za-z])(?:(?:a\s+(?:hundred|thousand|dozen)(?!\w)|" + _alt(_EN_ALL) + r")"
            r"(?:[\s-]+(?:and\s+)?(?:" + _alt(_EN_ALL + ["hundred", "thousand", "dozen"]) + r"))*)")
#: A run of Russian number words ("двести пятьдесят").
RU_WORDS = (r"(?=[А-Яа-яЁё])(?:(?:" + _alt(_RU_WORDS) + r")"
            r"(?:\s+(?:" + _alt(list(_RU_WORDS) + list(_RU_SCALES)) + r"))*)")
#: The letters a number word can start with (either case: for a lookahead under (?i:)).
EN_FIRST = "".join(sorted({w[0] for w in _EN_ALL} | {"a"}))
RU_FIRST = "".join(sorted({w[0] for w in _RU_WORDS}))

_FW = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_SEP3 = re.compile(r"^\d{1,3}(?:([,. \u00a0\u202f\u2009])\d{3})+$")


def arabic_value(s: str, multiplier: int = 1) -> int | None:
    """Integer value of an Arabic number as written, times `multiplier` (rounded).

    "1,000" → 1000; "1.000" → 1000; "1 000" → 1000; a fraction is only a count with a
    multiplier: arabic_value("1.5", 10_000) == 15000, arabic_value("1,5", 10**6) == 1500000,
    arabic_value("1.5") is None.
    """
    t = s.translate(_FW).strip()
    if not t:
        return None
    if _SEP3.match(t):
        return int(re.sub(r"\D", "", t)) * multiplier
    t = t.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if re.fullmatch(r"\d+", t):
        return int(t) * multiplier
    m2 = re.fullmatch(r"(\d+)[.,](\d+)", t)
    if m2:
        if multiplier == 1 and int(m2.group(2)) != 0:
            return None  # 1.5 persons: not a count
        return int(round(float(f"{m2.group(1)}.{m2.group(2)}") * multiplier))
    return None


def kanji_value(s: str) -> int | None:
    """Integer value of a kanji numeral: 百二十 → 120, 一千二百 → 1200, 三万五千 → 35000,
    二〇二〇 → 2020 (positional), 十 → 10. None when `s` is not a numeral."""
    if not s or s[0] in _KANJI_BIG or any(c not in _KANJI_DIGITS and c not in _KANJI_SMALL and c not in _KANJI_BIG for c in s):
        return None
    if not any(c in _KANJI_SMALL or c in _KANJI_BIG for c in s):  # positional: 二〇二〇
        n = 0
        for c in s:
            n = n * 10 + _KANJI_DIGITS[c]
        return n
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in _KANJI_DIGITS:
            if digit is not None:  # "二〇" inside a Chinese-style numeral: positional run
                digit = digit * 10 + _KANJI_DIGITS[c]
            else:
                digit = _KANJI_DIGITS[c]
        elif c in _KANJI_SMALL:
            section += (1 if digit is None else digit) * _KANJI_SMALL[c]
            digit = None
        else:  # 万 / 億
            section += digit or 0
            total += (section or 1) * _KANJI_BIG[c]
            section, digit = 0, None
    return total + section + (digit or 0)


def word_value(s: str) -> int | None:
    """Integer value of English or Russian number words: "two hundred and fifty" → 250,
    "twenty-five" → 25, "a dozen" → 12, "двести пятьдесят" → 250. None if not a number."""
    words = [w for w in re.split(r"[\s-]+", s.strip().lower()) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    seen = False
    for w in words:
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w in _RU_WORDS:
            current += _RU_WORDS[w]
        elif w == "a":
            continue  # "a hundred", "a dozen": the scale word multiplies 1
        elif w in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif w in _EN_SCALES or w in _RU_SCALES:
            scale = _EN_SCALES.get(w) or _RU_SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


#: Multiplier words after a number: 万, 千, million, тыс., млн ...
MULTIPLIERS = {"万": 10_000, "千": 1_000, "億": 100_000_000, "million": 1_000_000, "millions": 1_000_000,
               "thousand": 1_000, "billion": 1_000_000_000, "mln": 1_000_000, "m": 1_000_000, "k": 1_000,
               "тыс": 1_000, "тыс.": 1_000, "тысяч": 1_000, "тысячи": 1_000, "тысяча": 1_000,
               "млн": 1_000_000, "млн.": 1_000_000, "миллион": 1_000_000, "миллиона": 1_000_000,
               "миллионов": 1_000_000}


def multiplier(word: str | None) -> int:
    """The factor a multiplier word stands for (1 when `word` is empty or unknown)."""
    if not word:
        return 1
    return MULTIPLIERS.get(word.strip().lower(), 1)


def value(s: str, mult_word: str | None = None) -> int | None:
    """The integer a number written in any of the three forms stands for, times its multiplier."""
    m = multiplier(mult_word)
    t = s.strip()
    if re.match(r"[0-9０-９]", t) and re.search(r"[万千億]", t):
        v = mixed_value(t)
        return None if v is None else v * m
    if re.match(r"[0-9０-９]", t):
        return arabic_value(t, m)
    k = kanji_value(t)
    if k is not None:
        return k * m
    w = word_value(t)
    return None if w is None else w * m


def mixed_value(s: str) -> int | None:
    """Arabic digits with kanji scale words: "1万8千" → 18000, "2万5000" → 25000, "3千" → 3000."""
    parts = re.findall(r"[0-9]+|[十百千万億]|.", s.translate(_FW).replace(",", ""))
    total = section = 0
    digit: int | None = None
    for p in parts:
        if p.isdigit():
            if digit is not None:
                return None
            digit = int(p)
        elif p in _KANJI_SMALL:
            section += (1 if digit is None else digit) * _KANJI_SMALL[p]
            digit = None
        elif p in _KANJI_BIG:
            total += (section + (digit or 0) or 1) * _KANJI_BIG[p]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)
