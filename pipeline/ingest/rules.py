"""Ingest's language knowledge (pipeline/data/ingest.toml), loaded once and validated, and the
patterns built from it: datelines, date-bearing furniture, page numbers, headings."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError
from .normalize import is_wide, wide_share

_SCHEMA = {
    "text": {"sentence_end": list, "heading_not_end": list, "bullets": list, "heading_max_chars": int,
             "continues": list, "caption_words": list},
    "dates": {"eras": list, "weekdays_ja": list, "months_en": list, "weekdays_en": list,
              "months_ru": list, "weekdays_ru": list, "dateline_labels": list},
    "furniture": {"page_words": list, "margin": float, "issue_words": list, "issue_suffixes": list},
}


@dataclass(frozen=True)
class Rules:
    sentence_end: tuple[str, ...]
    continues: tuple[str, ...]
    heading_not_end: tuple[str, ...]
    bullets: tuple[str, ...]
    heading_max_chars: int
    margin: float
    dateline: re.Pattern
    has_date: re.Pattern
    date_hint: re.Pattern  # found in every match of has_date (a cheap test before it)
    page_number: re.Pattern
    issue: re.Pattern
    issue_hint: re.Pattern  # found in every line `issue` matches, dates blanked or not
    caption: re.Pattern


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _validate(data: dict, where: str) -> list[str]:
    problems = []
    for section, keys in _SCHEMA.items():
        sec = data.get(section)
        if not isinstance(sec, dict):
            problems.append(f"{where}: missing table [{section}]")
            continue
        for key, tp in keys.items():
            v = sec.get(key)
            if not isinstance(v, tp) or (tp is list and not all(isinstance(x, str) and x for x in v)):
                problems.append(f"{where}: {section}.{key} must be a {tp.__name__}"
                                + (" of non-empty strings" if tp is list else ""))
        for key in sec:
            if key not in keys:
                problems.append(f"{where}: {section}.{key}: unknown key")
    return problems


def build(data: dict, where: str = "ingest.toml") -> Rules:
    problems = _validate(data, where)
    if problems:
        raise ConfigError(problems)
    t, d, f = data["text"], data["dates"], data["furniture"]
    eras = _alt(d["eras"])
    wd_ja = "".join(d["weekdays_ja"])
    months = _alt(d["months_en"])
    wd_en = _alt(d["weekdays_en"])
    months_ru = _alt(d["months_ru"])
    wd_ru = _alt(d["weekdays_ru"])
    num_year = r"(?:1[89]|20)\d\d"
    ja = (rf"(?:(?:{eras})\s*(?:\d{{1,2}}|元)\s*年\s*(?:[（(]\s*{num_year}\s*年?\s*[)）])?|{num_year}\s*年)"
          rf"(?:度)?\s*(?:\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?(?:\s*[（(][{wd_ja}](?:曜日?)?[)）])?")
    numeric = (rf"(?:{num_year}\s*[./\-]\s*\d{{1,2}}(?:\s*[./\-]\s*\d{{1,2}})?"
               rf"|\d{{1,2}}\s*[./]\s*\d{{1,2}}\s*[./]\s*{num_year})")
    en = (rf"(?:(?:{wd_en})\.?,?\s+)?(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{num_year}"
          rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})\.?,?\s+{num_year}|(?:{months})\.?,?\s+{num_year})")
    ru = (rf"(?:(?:{wd_ru}),?\s+)?(?:\d{{1,2}}\s+)?(?:{months_ru})\s+{num_year}\s*(?:г\.|года|год)?")
    date = rf"(?:{ja}|{numeric}|{en}|{ru})"
    labels = _alt(d["dateline_labels"])
    time = r"(?:\s*,?\s*\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?)?"
    dateline = re.compile(rf"^\s*(?:(?:{labels})\s*[:：]?\s*)?{date}{time}\s*$", re.IGNORECASE)
    has_date = re.compile(rf"{ja}|{numeric}|{en}|{ru}", re.IGNORECASE)
    # every date above holds a four-digit year or 年 (the era form): no line without one has a date
    date_hint = re.compile(rf"{num_year}|年")
    page_words = _alt(f["page_words"])
    page_number = re.compile(
        rf"^[\s\-–—―‐・~〜()（）\[\]|]*(?:(?:{page_words})\s*)?(?:\d{{1,4}}|[ivxlcdm]{{1,6}})"
        rf"(?:\s*(?:/|of|из|／)\s*\d{{1,4}})?\s*(?:ページ|頁)?[\s\-–—―‐・~〜()（）\[\]|]*$",
        re.IGNORECASE)
    issue = re.compile(rf"(?:^|[\s,，、/／|(（])(?:{_alt(f['issue_words'])})\s*\d{{1,5}}(?!\d)"
                       rf"|第?\s*\d{{1,5}}\s*(?:{_alt(f['issue_suffixes'])})(?=$|[\s,，、/／|(（)）・第\d])", re.IGNORECASE)
    # the issue words themselves: found in a line wherever `issue` is (a date blanked to a space
    # cannot make one up unless a word holds a space, when the test is given up)
    issue_terms = f["issue_words"] + f["issue_suffixes"]
    issue_hint = re.compile("" if any(re.search(r"\s", w) for w in issue_terms) else _alt(issue_terms), re.IGNORECASE)
    # after the word: a number or a colon; after a Japanese word a space will do ("写真 左から")
    wide = [w for w in t["caption_words"] if is_wide(w[0])]
    sep = r"(?:$|\s*[\d０-９]|\s*[:：.．、,)）】\]|／/\-–—])"
    caption = re.compile(rf"^[【\[(（]?\s*(?:(?:{_alt(t['caption_words'])}){sep}|(?:{_alt(wide) or '(?!)'})\s)",
                         re.IGNORECASE)
    return Rules(
        sentence_end=tuple(t["sentence_end"]), continues=tuple(t["continues"]), heading_not_end=tuple(t["heading_not_end"]),
        bullets=tuple(t["bullets"]), heading_max_chars=t["heading_max_chars"],
        margin=f["margin"], dateline=dateline, has_date=has_date, date_hint=date_hint, page_number=page_number,
        issue=issue, issue_hint=issue_hint, caption=caption,
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    text = resources.files("pipeline").joinpath("data/ingest.toml").read_text(encoding="utf-8")
    return build(tomllib.loads(text), "pipeline/data/ingest.toml")


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and s.endswith(rules().sentence_end)


_LATIN_START = re.compile(r"[\"'“‘(\[]?(?:[A-Z]|\d+\s+[A-Za-z])")
_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)．）](?!\d)\s*\S|[（(]\d{1,3}[)）]\s*\S"
                   r"|[\u2460-\u2473\u2776-\u277f\u3251-\u325f]\s*\S|[a-zA-Z][.)]\s+\S)")
_SENTENCE_INSIDE = re.compile(r"[。．]|[.!?]\s+\S")
_NUMBER_AT_EDGE = re.compile(r"^\d{1,4}\s|.*\s[|/]?\s*\d{1,4}$")
_YEAR_ABBR = re.compile(r"\s*(?:г|гг)\.$")
_PAIRS = {"「": "」", "『": "』", "【": "】", "（": "）", "(": ")", "〔": "〕", "《": "》", "〈": "〉", "[": "]"}


def _unclosed(s: str) -> bool:
    """A bracket opened in `s` and not closed (the title goes on in the next line)."""
    return any(s.count(o) > s.count(c) for o, c in _PAIRS.items())


def script_break(prev: str, nxt: str) -> bool:
    """Do two lines belong to different paragraphs because the script changes between them?

    A Japanese line followed by a line of Latin words that starts a new sentence or title
    (capital first, two words or more: "…を開催しました" / "Science Camp 2019 held in …") does,
    unless the Japanese line asks to continue ("、", "の", an unclosed "【"); so does a Latin line that ends
    a sentence followed by a Japanese line. A Latin word continuing a Japanese sentence
    ("本学は" / "NSUと協定を…") does not: its line is mostly Japanese.
    """
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or _unclosed(prev):
        return False
    pw, nw = wide_share(prev), wide_share(nxt)
    if pw >= 0.5 and nw <= 0.1:
        latin = _LATIN_START.match(nxt) is not None
        return latin and len(nxt.split()) >= 2 and not prev.endswith(rules().continues)
    if pw <= 0.1 and nw >= 0.5:
        return len(prev.split()) >= 2 and ends_sentence(prev)
    return False


def starts_item(s: str) -> bool:
    """A bullet, or a list number: '1.', '(1)', '１．', '①', 'a)'."""
    s = s.lstrip()
    if s.startswith(rules().bullets) and len(s) > 1:
        return True
    return _ITEM.match(s) is not None


def is_heading(s: str) -> bool:
    """A short line that is not a sentence: a title or section heading."""
    s = s.strip()
    r = rules()
    if not s or len(s) > r.heading_max_chars or s.endswith(r.heading_not_end):
        return False
    if not any(c.isalpha() for c in s):
        return False
    if _SENTENCE_INSIDE.search(s):  # a sentence ends inside
        return False
    if s.endswith((":", "：")) and len(s) < 20:
        return False  # a label ("Gateway for:")
    return r.dateline.match(s) is None


def is_dateline(s: str) -> bool:
    return rules().dateline.match(s) is not None


def has_date(s: str) -> bool:
    r = rules()
    return r.date_hint.search(s) is not None and r.has_date.search(s) is not None


def blank_dates(s: str) -> str:
    """`s` with every date in it replaced by a space."""
    r = rules()
    return r.has_date.sub(" ", s) if r.date_hint.search(s) else s


def is_running_line(s: str) -> bool:
    """A page header/footer left in converted text: a page number beside a date
    ("10 北大時報 No.791／令和2年（2020年）2月", "Bulletin, May 2020 | 7")."""
    s = s.strip()
    if not (s[:1].isdigit() or s[-1:].isdigit()):  # a number at neither edge
        return False
    return _NUMBER_AT_EDGE.match(s) is not None and has_date(s) and not ends_sentence(s)


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def is_issue_line(s: str) -> bool:
    """A periodical's running footer/header: a short line naming an issue and its date
    ("富山大学 学報 No.428 令和5年(2023年)11月", "JREX Newsletter Vol. 3, Winter 2023",
    "Вестник университета № 5, май 2021")."""
    s = s.strip()
    if s.endswith("г."):
        s = _YEAR_ABBR.sub("", s)  # "май 2021 г." ends with a year, not a sentence
    if not s or len(s) > 80 or ends_sentence(s) or s.endswith(rules().heading_not_end):
        return False
    r = rules()
    if r.date_hint.search(s) is None or r.issue_hint.search(s) is None:  # no year, no issue word
        return False
    # the issue number is not the date itself ("Report No. 2021-07")
    return r.issue.search(r.has_date.sub(" ", s)) is not None and (has_date(s) or _YEAR.search(s) is not None)


def is_caption(s: str) -> bool:
    """A line that opens a figure or photo caption ("写真：交流会の様子", "Fig. 3 The campus")."""
    return rules().caption.match(s.strip()) is not None


def is_page_number(s: str) -> bool:
    return rules().page_number.match(s) is not None
