"""The attendance and event cue words of pipeline/data/attendance.toml, loaded once, checked,
and compiled into regular expressions.

`cues()` is the one entry point; the file is read on first use and the compiled patterns are
shared (read-only) by the attendance, table and event code.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import StageError
from . import numerals

LANGS = ("ja", "en", "ru")
QUALS = ("approx", "at_least", "at_most")

# section -> keys that must hold lists of strings (empty lists allowed where noted)
_REQUIRED = {
    "units": LANGS + ("en_singular",), "strong_units": ("en", "ru"), "cues": LANGS, "cues_before": LANGS, "groups": ("before", "relative", "sized_words", "sized_nouns"),
    "negative": ("ja_before", "ja_after", "en", "ru", "ja_clause", "latin_clause", "enrolment_verbs",
                 "enrolment_units", "degrees"), "labels": ("nouns", "link"),
    "comparison": ("ja_between",),
    "cumulative": ("before", "sentence", "event_count_units", "per_event", "per_event_figure", "duration_before",
                   "duration_units"), "population": ("words",), "totals": ("before", "after"),
    "not_attendance_units": LANGS, "tables": ("participants", "name", "date", "end_marks", "total"),
    "events": ("ja", "en", "ru", "generic_ja"), "organisers": ("ja_after", "en_before", "en_verbs", "ru_before"),
    "modes": ("online", "in_person", "hybrid"), "previous": ("words", "comparison"),
    "status": ("ja_topic", "peak_ja", "membership_verbs", "membership_past", "membership_units", "membership_bodies", "groups"),
}
_MAY_BE_EMPTY = {("qualifiers.ru", "at_most_after")}
_ALPHA = re.compile(r"[A-Za-z0-9А-Яа-яЁё]")
# first letters matched as themselves: a group of entries starting with one of these shares it
# (Latin and Cyrillic letters, whose case-insensitive matches are just their two cases; CJK)
_FACTOR = re.compile(r"[A-Za-z0-9А-Яа-яЁё\u3040-\u30ff\u3400-\u9fff]")


def _word(w: str, bounded: bool) -> str:
    """One cue entry as a regex: literal text, "*" at the end of a word = any word ending
    ("участник*", "стал* участник*")."""
    star = w.endswith("*")
    body = re.escape(w).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
    if bounded:  # word boundaries for Latin and Cyrillic words only (Japanese has no spaces)
        if _ALPHA.match(w[0]):
            body = r"(?<!\w)" + body
        if star or _ALPHA.match(w[-1]):
            body += r"(?!\w)"
    return body


def alt(words, bounded: bool = True) -> str:
    """Alternation of cue entries, longest first (so 'more than' wins over 'more').

    A lookahead on the entries' first characters (both cases) comes first: the regex engine
    then rejects most positions with one character test instead of trying every entry there.
    """
    words = sorted(set(words), key=lambda w: (-len(w), w))
    start = r"(?<!\w)" if bounded and words and all(_ALPHA.match(w[0]) for w in words) else ""
    return start + lead(words) + "(?:" + "|".join(_by_first(words, bounded)) + ")"


def _by_first(words: list[str], bounded: bool) -> list[str]:
    r"""The entries as alternatives grouped by their first letter, which is matched once per
    group (S(?:ummer\s+School|eminar)): the engine then tries one group at a position instead
    of every entry. Entries with different first letters (either case) never match at the same
    place, and each group keeps the longest-first order, so the matches are the plain
    alternation's. A group whose entries start with the letter in both cases is left as it is."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower() if _FACTOR.match(w[0]) else w, []).append(w)
    out = []
    for ws in groups.values():
        c = ws[0][0]
        if len(ws) == 1 or not _FACTOR.match(c) or any(w[0] != c for w in ws):
            out.extend(_word(w, bounded) for w in ws)
            continue
        pre = (r"(?<!\w)" if bounded and _ALPHA.match(c) else "") + c
        out.append(pre + "(?:" + "|".join(_word(w, bounded)[len(pre):] for w in ws) + ")")
    return out


def lead(words) -> str:
    """A lookahead for the possible first characters of `words`, upper and lower case."""
    chars = {c for w in words for c in (w[0], w[0].lower(), w[0].upper()) if len(c) == 1}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])" if chars else ""


def _compile(words, bounded: bool = True, flags: int = re.I) -> re.Pattern:
    return re.compile(alt(words, bounded), flags)


@dataclass(frozen=True)
class Cues:
    raw: dict
    count: dict           # lang -> pattern of "NUMBER (+) (multiplier) (words) UNIT"
    labelled: re.Pattern  # participant noun / "attendance of" + number (no unit needed)
    grouped: re.Pattern   # "group of NUMBER", "of whom NUMBER" (group "rel" set for the latter)
    strong: re.Pattern    # units that mean participants by themselves
    cue_ja_after: re.Pattern
    cue_ja_before: re.Pattern
    cue_latin: re.Pattern  # en + ru participation words, anywhere in the sentence
    neg_ja_before: re.Pattern
    neg_ja_after: re.Pattern
    neg_latin: re.Pattern
    enrol_verb: re.Pattern  # a study verb and a home teaching unit in one clause: enrolment
    enrol_unit: re.Pattern
    neg_ja_clause: re.Pattern  # capacity / quota phrases later in the figure's clause
    neg_latin_clause: re.Pattern
    comparison_ja: re.Pattern  # between a reference count and the count compared with it
    qual_before: dict     # qualifier -> pattern anchored at the end of the text before the number
    qual_after: dict      # qualifier -> pattern anchored at the start of the text after the figure
    cum_before: re.Pattern
    cum_sentence: re.Pattern
    event_count: re.Pattern
    per_event: re.Pattern
    per_event_figure: re.Pattern  # "about thirty per seminar": a total beside it sums the events
    population: re.Pattern  # residents: a population unless a participation word is in the clause
    total_before: re.Pattern
    total_after: re.Pattern
    table_participants: re.Pattern
    table_name: re.Pattern
    table_date: re.Pattern
    table_end: re.Pattern
    table_total: re.Pattern  # a header cell or row name saying "total" (anchored at its start)
    not_person_unit: re.Pattern
    singular: re.Pattern  # en singular person nouns: "two student awards" is no head count
    duration: re.Pattern  # "over the past 10 years", "за десять лет", "5年間で": a total over the years
    shared: dict = None   # lang -> "NUMBER modifier and " before a count sharing its noun (12 Japanese and 15 Russian students)
    status_ja: re.Pattern = None  # a membership or enrolment topic earlier in the clause (在籍者は…約30名で)
    peak_ja: re.Pattern = None    # 最大 right before the count (a quota unless the clause says it happened)
    membership: re.Pattern = None  # "counts / has / насчитывает" right before the count: a body's size
    member_past: re.Pattern = None
    member_unit: re.Pattern = None
    member_body: re.Pattern = None
    member_group: re.Pattern = None
    degree: re.Pattern = None  # a degree earned or a graduation in the clause: an outcome, not attendance
    sized: re.Pattern = None  # "a 15-member delegation": a group whose size is a compound before it


def _check(data: dict) -> list[str]:
    problems = []

    def lists(section: str, d: dict, keys) -> None:
        for k in keys:
            v = d.get(k)
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                problems.append(f"[{section}] {k}: expected a list of non-empty strings")
            elif not v and (section, k) not in _MAY_BE_EMPTY:
                problems.append(f"[{section}] {k}: must not be empty")

    for section, keys in _REQUIRED.items():
        d = data.get(section)
        if not isinstance(d, dict):
            problems.append(f"[{section}]: missing section")
            continue
        lists(section, d, keys)
    quals = data.get("qualifiers")
    for lang in LANGS:
        d = quals.get(lang) if isinstance(quals, dict) else None
        if not isinstance(d, dict):
            problems.append(f"[qualifiers.{lang}]: missing section")
            continue
        lists(f"qualifiers.{lang}", d, [f"{q}_{side}" for q in QUALS for side in ("before", "after")])
    return problems


def _shared_patterns() -> dict:
    """'NUMBER modifier(s) and ' right before a person count: a part that leaves its noun to the
    next part (11 Japanese and 16 Russian students, 12 японских и 15 российских студентов); the
    modifiers are the ones a count takes between its number and its noun. Searched with endpos."""
    join = r"\s*(?:,\s*(?:(?:and|и)\s+)?|\s+(?:and|и)\s+)$"
    return {
        "en": re.compile(rf"(?<![\w.,+-])(?P<num>{numerals.ARABIC}|(?i:{numerals.EN_WORDS}))"
                         rf"(?P<mid>{_EN_MID}{{1,2}}){join}"),
        "ru": re.compile(rf"(?<![\w.,+-])(?P<num>{numerals.ARABIC}|(?i:{numerals.RU_WORDS}))"
                         rf"(?P<mid>{_RU_MID}{{1,2}}){join}"),
    }


# words between a number and its people noun ("12 young Japanese researchers")
_EN_MID_WORDS = (r"young|local|foreign|international|other|new|female|male|graduate|undergraduate|exchange|"
                 r"high\s+school|university|school|Japanese|Russian|top|leading|senior|junior|student|youth")
_EN_MID = rf"(?:\s+(?:[A-Z][\w&.'’-]*|{_EN_MID_WORDS}))"
_RU_MID = r"(?:\s+(?i:[а-яё-]+(?:ых|их|ого|его)))"


def _count_patterns(data: dict) -> dict:
    u = {lang: data["units"][lang] + data["strong_units"].get(lang, []) for lang in LANGS}
    en_mid = (rf"(?:\s+(?:[A-Z][\w&.'’-]*|and|more|{_EN_MID_WORDS}|"
              # a noun or adjective saying who they are (200 industry guests, 15 visiting scholars)
              r"industry|business|invited|special|distinguished|overseas|visiting|partner|external|"
              r"government|academic|corporate|community|early-career|doctoral|postgraduate|domestic|"
              r"regional|incoming|outgoing|inbound|outbound))")
    en_mult = r"(?:\s*(?P<mult>(?i:million|thousand|mln|billion))(?!\w))"
    ru_mult = r"(?:\s*(?P<mult>(?i:тыс\.|тысяч\w*|млн\.?|миллион\w*)))"
    return {
        "ja": re.compile(
            rf"(?=[0-9０-９〇零一二三四五六七八九十百千両])(?<![0-9０-９.,第万億])(?P<num>[0-9０-９]+[万億](?:[0-9０-９]+千?)*[0-9０-９]*(?=\s*[名人])|{numerals.ARABIC}|[〇零一二三四五六七八九十百千両][〇零一二三四五六七八九十百千万]*)"
            rf"\s*(?P<mult>万|千)?\s*(?P<unit>{alt(u['ja'], False)})(?![義称簿誉刺古]|ひとり|一人)"),
        "en": re.compile(
            rf"(?=(?i:[0-9０-９{numerals.EN_FIRST}]))(?<![\d.,+-])(?<![A-Za-z](?<!than)(?<!over))(?P<num>{numerals.ARABIC}|(?i:{numerals.EN_WORDS}))(?P<plus>\+)?{en_mult}?"
            rf"(?P<approx>\s+or\s+so(?=\s))?(?P<mid>{en_mid}{{0,3}})\s+(?P<unit>(?i:{alt(u['en'])}))"),
        "ru": re.compile(
            rf"(?=(?i:[0-9０-９{numerals.RU_FIRST}]))(?<![\w.,+-])(?P<num>{numerals.ARABIC}|(?i:{numerals.RU_WORDS}))(?P<plus>\+)?{ru_mult}?"
            rf"(?P<mid>{_RU_MID}{{0,2}})\s+(?P<unit>(?i:{alt(u['ru'])}))"),
    }


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The compiled cues. Raises StageError naming the data file and every problem in it."""
    path = "pipeline/data/attendance.toml"
    try:
        data = tomllib.loads(resources.files("pipeline").joinpath("data/attendance.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise StageError("attendance", f"{path}: unreadable ({e}); restore it from the repository") from e
    problems = _check(data)
    if problems:
        raise StageError("attendance", f"{path}: " + "; ".join(problems))
    q = data["qualifiers"]
    qual_before, qual_after = {}, {}
    for qual in QUALS:
        before = [w for lang in LANGS for w in q[lang][f"{qual}_before"]]
        after = [w for lang in LANGS for w in q[lang][f"{qual}_after"]]
        qual_before[qual] = re.compile(alt(before) + r"\s*$", re.I)
        qual_after[qual] = re.compile(r"^\s*" + alt(after, bounded=False) + r"(?![a-zа-яё])", re.I)
    num = rf"(?P<num>{numerals.ARABIC}|(?i:{numerals.EN_WORDS})|(?i:{numerals.RU_WORDS}))"
    label_words = ["参加者数", "参加人数", "参加者", "出席者数", "出席者", "来場者数", "来場者", "参加数"]
    latin_labels = data["cues_before"]["en"] + data["cues_before"]["ru"]
    qual_words = [w for lang in LANGS for qual in QUALS for w in q[lang][f"{qual}_before"]]
    linked = rf"{alt(data['labels']['nouns'])}\s+(?:\w+\s+){{0,3}}?{alt(data['labels']['link'])}"
    mult = r"(?:\s*(?P<mult>万|千|(?i:тыс\.|тысяч\w*|млн\.?|million|thousand)(?!\w)))?"
    # one lookahead on the first letters of every way in first (most places fail there at once)
    labelled = re.compile(lead(label_words + latin_labels + data["labels"]["nouns"]) + rf"(?:(?:{alt(label_words)}|{alt(latin_labels)})\s*(?:は|が|[:：])?|{linked})\s*(?P<qual>{alt(qual_words)}\s*)?{num}{mult}"
                          rf"(?![0-9０-９]|[.,][0-9]|\s*(?:{alt(data['not_attendance_units']['ja'], False)})|"
                          rf"\s*{alt(data['not_attendance_units']['en'] + data['not_attendance_units']['ru'])})", re.I)
    t = data["tables"]
    st = data["status"]
    return Cues(
        raw=data,
        count=_count_patterns(data),
        shared=_shared_patterns(),
        labelled=labelled,
        grouped=re.compile(lead(data["groups"]["before"] + data["groups"]["relative"]) + rf"(?:{alt(data['groups']['before'])}|(?P<rel>{alt(data['groups']['relative'])}))\s+"
                           rf"(?:(?:{alt(qual_words)})\s+)?(?P<num>{numerals.ARABIC}|(?i:{numerals.EN_WORDS})|(?i:{numerals.RU_WORDS}))"
                           rf"(?![0-9０-９]|[.,][0-9]|\s*{alt(data['not_attendance_units']['en'] + data['not_attendance_units']['ru'])})", re.I),
        strong=re.compile(alt(data["strong_units"]["en"] + data["strong_units"]["ru"]) + r"$", re.I),
        cue_ja_after=_compile(data["cues"]["ja"], False),
        cue_ja_before=_compile(data["cues_before"]["ja"], False),
        cue_latin=_compile(data["cues"]["en"] + data["cues"]["ru"] + data["cues_before"]["en"]),
        neg_ja_before=_compile(data["negative"]["ja_before"], False),
        neg_ja_after=re.compile(r"^[をがのはにも]?\s*" + alt(data["negative"]["ja_after"], False)),
        neg_latin=_compile(data["negative"]["en"] + data["negative"]["ru"]),
        enrol_verb=_compile(data["negative"]["enrolment_verbs"]),
        enrol_unit=_compile(data["negative"]["enrolment_units"]),
        neg_ja_clause=_compile(data["negative"]["ja_clause"], False),
        neg_latin_clause=_compile(data["negative"]["latin_clause"]),
        comparison_ja=_compile(data["comparison"]["ja_between"], False),
        qual_before=qual_before,
        qual_after=qual_after,
        cum_before=re.compile(alt(data["cumulative"]["before"]) + r"\s*(?:で|に|[:：])?\s*$", re.I),
        cum_sentence=_compile(data["cumulative"]["sentence"]),
        event_count=re.compile(r"(?<![0-9０-９.,])[0-9０-９]+\s*" + alt(data["cumulative"]["event_count_units"], False)
                               + r"(?![a-z])", re.I),
        per_event=_compile(data["cumulative"]["per_event"]),
        per_event_figure=_compile(data["cumulative"]["per_event_figure"]),
        population=_compile(data["population"]["words"]),
        total_before=re.compile(alt(data["totals"]["before"]) + r"\s*(?:は|で|[:：])?\s*$", re.I),
        total_after=re.compile(r"^\s*" + alt(data["totals"]["after"]) + r"(?!\w)", re.I),
        table_participants=_compile(t["participants"], False),
        table_name=_compile(t["name"], False),
        table_date=_compile(t["date"], False),
        table_end=re.compile(r"^\s*" + alt(t["end_marks"], False), re.I),
        table_total=re.compile(r"^\s*" + alt(t["total"]) + r"(?![^\W\d_])", re.I),
        singular=re.compile(alt(data["units"]["en_singular"]) + r"$", re.I),
        duration=re.compile(
            rf"(?:{alt(data['cumulative']['duration_before'])})\s+(?:(?:the\s+)?(?:past|last)\s+|последние\s+)?"
            rf"(?:{numerals.ARABIC}|{numerals.EN_WORDS}|{numerals.RU_WORDS})\s*{alt(data['cumulative']['duration_units'])}"
            rf"|(?<![0-9０-９])(?:{numerals.ARABIC}|{numerals.KANJI})\s*(?:年間|か年|ヵ年|カ年)(?:で|に|の間に|にわたり|[^。、]{{0,8}}?を通(?:じ|し))", re.I),
        status_ja=re.compile(alt(st["ja_topic"], False) + r"数?(?:は|が|も)[^。、，,]{0,16}$"),
        peak_ja=re.compile(alt(st["peak_ja"], False) + r"\s*$"),
        membership=re.compile(alt(st["membership_verbs"]) + r"(?:\s+(?:now|currently|already|some|сейчас|уже|более|около|свыше|почти))*\s+$", re.I),
        member_past=re.compile(alt(st["membership_past"]), re.I),
        member_unit=re.compile(alt(st["membership_units"]) + r"$", re.I),
        member_body=_compile(st["membership_bodies"]),
        member_group=_compile(st["groups"]),
        degree=_compile(data["negative"]["degrees"]),
        sized=re.compile(rf"(?<![\w.,+-])(?P<num>{numerals.ARABIC}|(?i:{numerals.EN_WORDS}))-"
                         rf"(?i:{alt(data['groups']['sized_words'])})\s+(?:[a-z][\w-]*\s+)?"
                         rf"(?P<unit>(?i:{alt(data['groups']['sized_nouns'])}))(?!\w)"),
        not_person_unit=re.compile(r"^\s*" + alt(data["not_attendance_units"]["ja"]
                                                 + data["not_attendance_units"]["en"]
                                                 + data["not_attendance_units"]["ru"], False), re.I),
    )


def words_pattern(section: str, key: str, bounded: bool = True) -> re.Pattern:
    """A compiled alternation of one list of the data file (for the event code)."""
    return _pattern(section, key, bounded)


@lru_cache(maxsize=64)
def _pattern(section: str, key: str, bounded: bool) -> re.Pattern:
    return _compile(cues().raw[section][key], bounded)
