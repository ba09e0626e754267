"""Where a text names an event: 「…」 titles, 第N回 … 会議, the X Symposium / Forum,
VI Форум ректоров …, and generic references (本会議, the symposium, форума) that point back
to the event named before them.

`find(text)` returns `Name`s with offsets into the text it was given (a stream's text).
The event nouns live in pipeline/data/attendance.toml ([events]).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .attendance_cues import alt, cues, lead

# characters of a Japanese name run: no hiragana (particles), no sentence punctuation
_JA_CHAR = r"[^\s\u3041-\u3096、。，,.「」『』（）()【】〈〉《》：:；;！？!?\t]"
_JA_RUN = rf"(?:{_JA_CHAR}|\n(?={_JA_CHAR}))"  # a line wrapped inside a name does not end it
_OPEN_Q = "「『"
_JA_REACH = 40  # a name's run (at most 30 characters) and its 第N回, before its noun
_LATIN_QUOTES = re.compile(r"[‘“\"«]([^‘’“”\"«»\n]{4,120})[’”\"»]")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_CONNECT = {"of", "on", "for", "and", "in", "the", "&", "de", "to", "between", "with"}
_ARTICLES = {"the", "this", "that", "these", "those", "a", "an", "our", "its", "their", "his", "her", "each"}
_EN_WORD = re.compile(r"[A-Z0-9][\w'’&.‐‑–-]*|[a-z]+|&|[–-]")  # Japan–Russia (en dash) is one word
_RU_VERB = re.compile(r"(?:ло|ла|ли|л|ет|ют|ит|ят|ат|ся|сь|ть|ован|ован[аоы])$|^(?:в|на|с|по|для|из|у|к|о|об|при)$", re.I)
_RU_ADJ = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ых|их|ую|юю)$", re.I)
_RU_ABBR = re.compile(r"(?:[IVXLC]+|[А-ЯЁ]{2,}|[0-9]+-?[а-я]*)$")  # VI, ДВФУ, 5-й
_RU_SENTENCE_START = re.compile(r"(?:^|[.!?…»\n]\s*)$")  # search with endpos: nothing but a sentence end before
# after a lower-case event noun: two or more words, the first an adjective (японского документального кино)
_RU_DESCRIBED = re.compile(r"\s+[а-яё-]+(?:ого|его|ой|ей|ых|их)(?:\s+[а-яё-]+){1,3}")
_RU_CAP = re.compile(r"(?:[IVXLC]+|[А-ЯЁ][\w-]*|[0-9]+-?[а-я]*)$")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    noun: str  # the event noun it ends with (folded), for resolving generic references
    generic: bool = False  # 本会議, the symposium: a reference, not a name


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    ev = cues().raw["events"]
    ja_nouns = alt(ev["ja"], bounded=False)
    return {
        "ja_plain": re.compile(rf"(?:第[0-9０-９一二三四五六七八九十]+回)?{_JA_RUN}{{0,30}}(?P<noun>{ja_nouns})"
                               rf"(?![室所場録員長費者館])(?:[0-9０-９]{{4}})?"),
        # the same without line breaks in the run: one character class, much faster to back off
        # (used on text without "\n", where both match alike)
        "ja_plain_line": re.compile(rf"(?:第[0-9０-９一二三四五六七八九十]+回)?{_JA_CHAR}{{0,30}}(?P<noun>{ja_nouns})"
                                    rf"(?![室所場録員長費者館])(?:[0-9０-９]{{4}})?"),
        "ja_noun_end": re.compile(rf"(?P<noun>{ja_nouns})$"),
        "ja_noun_at": re.compile(rf"{lead(ev['ja'])}(?=(?P<noun>{ja_nouns}))"),
        "ja_generic": re.compile(alt(ev["generic_ja"], bounded=False)),
        "generic_ref": re.compile(lead(ev["generic_ja"] + ["t"]) + "(?:" + alt(ev["generic_ja"], bounded=False) + "|"
                                  + r"(?<![A-Za-z])(?:this|the)\s+event\b)", re.I),
        "en_noun": re.compile(rf"(?P<noun>{alt([w for w in ev['en']], bounded=True)})", re.I),
        "ru_noun": re.compile(rf"(?P<noun>{alt(ev['ru'])})", re.I),
    }


def find(text: str) -> list[Name]:
    """Every event name and generic event reference in `text`, in order, without overlaps."""
    p = _patterns()
    names = _ja_quoted(text, p) + _ja_plain(text, p) + _latin(text, p)
    names += [Name(m.start(), m.end(), m.group(), "", True) for m in p["generic_ref"].finditer(text)]
    names.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Name] = []
    for n in names:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out


def _ja_quoted(text: str, p: dict) -> list[Name]:
    out = []
    for m in re.finditer(r"[「『]([^「」『』。]{2,100})[」』]", text):
        s, e = m.start(), m.end()
        run = re.search(rf"{_JA_RUN}{{1,25}}$", text[max(0, s - 25):s])
        pre = run.group() if run and p["ja_noun_end"].search(run.group()) else ""
        suf = p["ja_plain"].match(text, e)
        suf_noun = suf.group("noun") if suf and suf.end() - e == len(suf.group("noun")) else ""
        inner = p["ja_noun_end"].search(m.group(1).rstrip("0-9０-９ "))
        noun = (suf_noun or (p["ja_noun_end"].search(pre).group("noun") if pre else "")
                or (inner.group("noun") if inner else ""))
        if not noun:
            continue
        start, end = s - len(pre), e + len(suf_noun)
        out.append(Name(start, end, text[start:end], noun))
    return out


def _ja_plain_matches(text: str, p: dict):
    """The matches of p["ja_plain"].finditer(text), the pattern run only in the regions where a
    name can be: up to _JA_REACH characters before an event noun (a scan of every position,
    each trying 30 run lengths, costs more than the rest of the stage)."""
    regions: list[list[int]] = []
    for m in p["ja_noun_at"].finditer(text):
        lo, hi = max(0, m.start() - _JA_REACH), m.start() + len(m.group("noun")) + 8
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = hi
        else:
            regions.append([lo, hi])
    for lo, hi in regions:
        hi = min(hi, len(text))
        yield from p["ja_plain" if "\n" in text[lo:hi] else "ja_plain_line"].finditer(text, lo, hi)


def _ja_plain(text: str, p: dict) -> list[Name]:
    out = []
    for m in _ja_plain_matches(text, p):
        s = m.start()
        name = m.group()
        g = p["ja_generic"].search(name)
        body = name[:len(name) - len(m.group("noun"))]
        generic = bool(g) or len(body) < 2 or bool(re.fullmatch(r"[0-9０-９年月日度第回・\-－～〜]*", body))
        out.append(Name(s, m.end(), name, m.group("noun"), generic))
    return out


def _latin(text: str, p: dict) -> list[Name]:
    out = []
    for m in _LATIN_QUOTES.finditer(text):
        nouns = list(p["en_noun"].finditer(m.group(1))) or list(p["ru_noun"].finditer(m.group(1)))
        if nouns:  # the last event noun in the quote names its kind
            out.append(Name(m.start(1), m.end(1), m.group(1), nouns[-1].group("noun").lower()))
    if _LATIN.search(text):
        for m in p["en_noun"].finditer(text):
            out.append(_expand_en(text, m))
    if _CYRILLIC.search(text):
        for m in p["ru_noun"].finditer(text):
            out.append(_expand_ru(text, m))
    return [n for n in out if n is not None]


def _expand_en(text: str, m: re.Match) -> Name:
    """The Japan-Russia International Research Symposium; Cross Year of Japan and Russia."""
    s, e = m.start(), m.end()
    words = list(_EN_WORD.finditer(text[max(0, s - 120):s]))
    off = max(0, s - 120)
    start = s
    for w in reversed(words):
        t = w.group()
        gap = text[off + w.end():start]
        if gap.strip() not in ("", "-") or "\n" in gap:
            break
        if (t.endswith(".") and len(t) > 3) or re.search(r"[a-z]\.[A-Z]", t):
            break  # "Japan." (or "Japan.The" without its space) ends the sentence before
        if t[0].isupper() or t[0].isdigit() or (t in _CONNECT and t != "the" and start < s):
            start = off + w.start()
        else:
            break
    while start < s and text[start:].split(" ", 1)[0].lower() in _CONNECT | _ARTICLES:
        start += len(text[start:].split(" ", 1)[0]) + 1
    tail = re.match(r"(?:\s+[0-9]{4})?(?:\s+(?:of|on|for|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?"
                    r"(?!(?:Held|Opens|Opened|Starts|Started|Ends|Ended|Begins|Began|Takes|Took|Closes|Closed)\b)[A-Z][\w-]*)*)?"
                    r"(?::\s*[A-Z][\w&-]*(?:\s+(?:[A-Z&][\w&-]*|and|of|in|on|for))*)?", text[e:])
    end = e + (tail.end() if tail else 0)
    while end > e and text[end - 1] in " ":
        end -= 1
    noun = m.group("noun").lower()
    named = start < s or end > e + 5
    generic = not named or not m.group("noun")[0].isupper() and start == s
    return Name(start, end, text[start:end], noun, generic)


def _expand_ru(text: str, m: re.Match) -> Name:
    """VI Форуме ректоров университетов России и Японии «…»; лекция Посла РФ в Японии."""
    s, e = m.start(), m.end()
    start = pending = s  # lower-case adjectives are taken once a capitalised word leads them
    for w in reversed(re.findall(r"\S+\s+", text[max(0, s - 60):s])[-3:]):
        word = w.strip()
        at_sentence_start = _RU_SENTENCE_START.search(text, max(0, pending - len(w) - 4), pending - len(w)) is not None
        if word.endswith((".", ",")) or _RU_VERB.search(word):
            break
        if at_sentence_start and word[:1].isupper() and not _RU_ABBR.match(word) \
                and not (len(word) > 5 and _RU_ADJ.search(word)):  # Всего, Этого, Такой: pronouns
            break  # a sentence's first word is capitalised anyway (Суммарно семинары …)
        if _RU_CAP.match(word):
            start = pending = pending - len(w)
        elif word.islower() and _RU_ADJ.search(word):
            pending -= len(w)  # российско-японский [студенческий] форум
        else:
            break
    end = e
    for w in re.finditer(r"\s+([\w.-]+)", text[e:e + 120]):
        word = w.group(1)
        if (w.start() != end - e or (word[0].islower() and _RU_VERB.search(word)) or word[0].isdigit()
                or word.endswith(",")
                or end - e > 0 and len(re.findall(r"\s+", text[e:end])) >= 6):
            break
        end = e + w.end()
        if word.endswith("."):
            break  # the sentence (or an abbreviation) ends here
    end = e + len(text[e:end].rstrip(".,;:"))
    q = re.match(r"\s*«[^»]{2,150}»", text[end:])
    if q:
        end += q.end()
    # a lower-case noun with adjective-led words after it describes one event (фестиваль
    # японского документального кино); the noun alone (форума, семинары) is a reference
    named = start < s or bool(q) or bool(re.search(r"\s[A-ZА-ЯЁ]", text[e:end])) or bool(_RU_DESCRIBED.match(text[:end], e))
    return Name(start, end, text[start:end], m.group("noun").lower()[:5], not named)


def fold(name: str) -> str:
    return re.sub(r"\s+|[「」『』“”\"'‘’«»]", "", unicodedata.normalize("NFKC", clean(name))).casefold()


def clean(name: str) -> str:
    """The name as written, line breaks taken out and one pair of enclosing quotes dropped."""
    name = name.lstrip("・•-*●■◆○◎ \u3000")
    name = re.sub(r"\s*\n+\s*", "", name).strip() if re.search(r"[\u3040-\u9fff]", name) else \
        re.sub(r"\s+", " ", name).strip()
    if len(name) > 2 and name[0] in "「『“‘«\"" and name[-1] in "」』”’»\"" and not re.search(r"[「『“«]", name[1:-1]):
        name = name[1:-1]
    return name
