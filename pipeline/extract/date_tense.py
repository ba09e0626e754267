"""How a year-less date is used in its sentence, and the year that use allows.

A date told in past narration (`12月8-9日には…参加しました`, `the school ran on 28–30 November`,
`семинар прошёл 5 июня`) does not lie after the document's publication date; one announced
(`applications for the next school open in March`, `пройдёт`, `予定`) does not lie before the
publication month (or, for a document dated only by its year, before the latest date it has
already named in that year); a deadline (`by 1 December`, `заявки принимаются до 1 декабря`,
`1月31日まで`) is the next such day on or after the publication date, whatever year a later event
nearby names. The cue nearest the date in its sentence decides between past and future
(dates.toml `future_cues`, `past_cues`, `past_endings`, `deadline_*`).
"""
from __future__ import annotations

import re

from .date_patterns import Point, patterns

_SENTENCE_END = re.compile(r"[。！？!?]|[.](?:\s|$)")
_LOOK = 400  # how far back (characters) the start of the sentence is looked for
_DEADLINE_LOOK = 25  # how far before the date a deadline word may start


def usage(text: str, start: int, end: int, single: bool, lo: int, hi: int) -> str | None:
    """"past", "future", "deadline" or None for the date at text[start:end], in the block
    text[lo:hi]. `single`: one day or month (a range is a period, not a deadline)."""
    pats = patterns()
    s = lo
    for m in _SENTENCE_END.finditer(text, max(lo, start - _LOOK), start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, hi)
    e = m.start() if m else hi
    kind, best = None, None
    for c in pats.tense.finditer(text, s, e):
        if c.end() <= start:
            gap = start - c.end()
        elif c.start() >= end:
            gap = c.start() - end
        else:
            continue
        if best is None or gap < best:
            kind, best = ("future" if c.group("fut") else "past"), gap
    if pats.ja_past_end.search(text, end, e):
        kind = "past"  # 〜参加しました。: a Japanese predicate closes the sentence and has the last word
    if single and kind != "past" and (
            pats.deadline_before.search(text, max(s, start - _DEADLINE_LOOK), start)
            or pats.deadline_after.match(text, end)):
        return "deadline"
    return kind


def year_for_use(kind: str | None, month: int, year: int, pub: Point,
                 now: tuple[int, int] | None) -> int:
    """The year a date in `month` takes, given the year its anchors gave (`year`), its use
    `kind`, the publication date `pub`, and the document's "now" (year, month) for announced
    dates: the publication month, else the latest month the document named before it."""
    if kind == "past":
        if pub.month is None:
            return min(year, pub.year)
        if (year, month) <= (pub.year, pub.month):
            return year
        return pub.year if month <= pub.month else pub.year - 1
    if kind in ("future", "deadline") and now is not None:
        first = now[0] if month >= now[1] else now[0] + 1
        if kind == "deadline" or (year, month) < now:
            return first
    return year
