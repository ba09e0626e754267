"""Where a year-less date gets its year: anchors in the document, its publication date, its title.

A date written without a year (`9月25日`, `September 29`, `19 июня (вт)`) takes it, in this
order, from: the nearest explicit date before it in the same paragraph (or a relative word
there such as 本年 / this year, read against the publication date); the nearest explicit
month- or day-precision date in the paragraphs before it in the same section; the document's
publication date; the one year named in the title; a bare year in an earlier paragraph of the
section; the nearest explicit date after it in the same paragraph; failing all these, the
explicit dates of the same month in the nearest later paragraph naming one (a wire dateline).
A whole year looked back on in an earlier paragraph (`in FY2018 visas doubled`) yields to the
date of a document dated to the day. A fiscal-year anchor (2018年度) gives April–December to
its own year and January–March to the next. When a weekday is
written, the first candidate year on which the date falls on that weekday wins.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Document
from .date_patterns import Atom, Point
from .date_published import SECTION_KINDS as _SECTION_KINDS
from .date_tense import usage, year_for_use

_SENTENCE_END = re.compile(r"[。！？!?]|[.](?:\s|$)")
_LOOKBACK_BLOCKS = 40  # how far back (in blocks) an earlier paragraph may lend its year
_NEAR_PUBLISHED_DAYS = 31  # a year-less day this close to the document's own date is of its year


@dataclass(slots=True)
class Found:
    """An atom placed in the document: absolute span, block index, resolved points."""

    atom: Atom
    block: int
    explicit: bool  # the year is written in the text
    a: Point | None = None  # resolved (year filled) points, None until resolved
    b: Point | None = None
    inferred_from: str | None = None
    confidence: float = 1.0
    index: int = 0  # position in the document's list of found dates
    in_block: int = 0  # position among the dates of its block


def year_for(anchor: Point, month: int | None, end: Point | None = None) -> int:
    """The calendar year an anchor gives a date in `month`: a fiscal year runs April to March;
    a range across New Year (`end` its last point) gives the year whose months hold `month`."""
    if anchor.fiscal and anchor.month is None and month is not None and month < 4:
        return anchor.year + 1
    if end is not None and not end.fiscal and end.year != anchor.year and month is not None:
        # a range across a year boundary: the side whose months hold `month`
        if month <= (end.month or 12) and month < (anchor.month or 1):
            return end.year
    return anchor.year


def published_year(pub: Point, month: int | None) -> int:
    """The year of a date in `month` reported by a document published at `pub`: the
    publication year, or the year before for a month more than six months after it."""
    if pub.month is not None and month is not None and month - pub.month > 6:
        return pub.year - 1
    return pub.year


class Resolver:
    """Year candidates for the year-less dates of one document, in order of preference."""

    def __init__(self, doc: Document, found: list[Found], pub: Point | None, title: Point | None):
        self.doc, self.found, self.pub, self.title = doc, found, pub, title
        self.by_block: dict[int, list[Found]] = {}
        for i, f in enumerate(found):
            f.index = i
            same = self.by_block.setdefault(f.block, [])
            f.in_block = len(same)
            same.append(f)
        self._reference: dict[int, int | None] = {}

    def reference_year(self, before: int) -> int | None:
        """The year relative words (本年, this year) count from: the publication year, else
        the nearest explicit month or day before, else the title's year."""
        if self.pub is not None:
            return self.pub.year
        if before not in self._reference:
            ref = self.title.year if self.title else None
            for f in reversed(self.found[:before]):
                if f.explicit and f.atom.a.month is not None and f.atom.relative is None:
                    ref = f.a.year
                    break
            self._reference[before] = ref
        return self._reference[before]

    def _anchor(self, f: Found, background: bool = False) -> Point | None:
        """The point an anchor mention stands for (relative words resolved), or None. A
        background date (a founding or agreement date, not within a year of the publication
        date) is no anchor unless `background` is asked for."""
        t = f.atom
        if not background and self._background(f):
            return None
        if t.relative is not None:
            ref = self.reference_year(f.index)
            if ref is None:
                return None
            if t.relative_fiscal and self.pub is not None and self.pub.month is not None \
                    and self.pub.month < 4:
                ref -= 1
            return Point(ref + t.relative, fiscal=t.relative_fiscal)
        if not f.explicit or t.weak or f.a is None:
            return None
        return f.a

    def _background(self, f: Found) -> bool:
        if not f.atom.historical or f.a is None:
            return False
        return self.pub is None or f.a.year < self.pub.year - 1

    def _background_year(self, f: Found, month: int | None) -> int | None:
        """The last resort: the nearest background date before `f` (else after it)."""
        order = list(reversed(self.found[:f.index])) + self.found[f.index + 1:]
        for g in order:
            if self._background(g) and g.explicit and not g.atom.weak:
                return year_for(g.a, month, g.b)
        return None

    def _earlier_paragraphs(self, f: Found) -> tuple[Found | None, Found | None, Found | None]:
        """The anchor in the nearest paragraph before `f` (within its section; a heading ends the
        search after its own dates) that has an explicit month, day or fiscal-year date: its
        most precise one (the range of the camp before the fiscal year its programme began).
        Also the nearest bare year of running text, a weaker fallback; and, when the section has
        no anchor, the one of the nearest earlier section (weaker still, above a following date)."""
        bare = crossed = None
        blocks = self.doc.blocks
        rank = {"day": 3, "month": 2, "fiscal_year": 1, "year": 0}
        for bi in range(f.block - 1, max(-1, f.block - 1 - _LOOKBACK_BLOCKS), -1):
            heading = bi < len(blocks) and blocks[bi].kind in _SECTION_KINDS
            best = None
            for g in reversed(self.by_block.get(bi, [])):
                p = self._anchor(g)
                if p is None or g.atom.relative is not None:
                    continue
                if p.month is None and not p.fiscal and not heading:
                    if not crossed:
                        bare = bare or g
                    continue
                if best is None or rank[p.precision()] > rank[best.a.precision()]:
                    best = g
            if best is not None:
                return (None, bare, best) if crossed else (best, bare, None)
            crossed = crossed or heading
        return None, bare, None

    def candidates(self, f: Found, month: int | None) -> list[tuple[int, str]]:
        """(year, source) candidates for the year-less mention `f`, best first."""
        out: list[tuple[int, str]] = []
        block = self.by_block.get(f.block, [])
        same = self._same_month_before(f, month, block)
        if same is not None:  # `postponed to March 2021. It ran from 22 to 28 March, after ... 2020`
            out.append((same, "previous_date"))
        loose_relative = False  # a relative word in an earlier sentence (`last year only 6.`)
        in_sentence = None  # the candidate an anchor in the same sentence gives
        for g in reversed(block[:f.in_block]):  # same paragraph, before
            p = self._anchor(g)
            if p is not None:
                # 本年 / this year counts from the publication date when there is one
                src = "published" if g.atom.relative is not None and self.pub else "previous_date"
                out.append((year_for(p, month, g.b), src))
                loose = bool(_SENTENCE_END.search(self.doc.text, g.atom.end, f.atom.start))
                loose_relative = g.atom.relative is not None and loose
                in_sentence = None if loose else out[-1]  # `This year the forum opened on 5 March`
                break
        own = self._following_in_sentence(f, month, block)
        if own is not None:  # the sentence's own year: `held on 14 March, the first visit of 2019`
            out.append((own, "following_date"))
        again = self._same_month_earlier(f, month)
        if again is not None:  # `From 1 to 3 March ...` then, paragraphs later, `On 2 March`
            out.append(again)
        dated, bare, far = self._earlier_paragraphs(f)
        from_pub = None
        if self.pub is not None:
            from_pub = (published_year(self.pub, month), "published")
        if dated is not None and from_pub is not None and self._past_whole_year(dated):
            out.append(from_pub)  # `in FY2018 visas doubled.` then `1–3 October` of a 2019 paper
        if dated is not None:
            out.append((self._dated_year(dated, month), "previous_date"))
        if from_pub is not None and from_pub not in out:
            out.append(from_pub)
        if self.title is not None:
            out.append((year_for(self.title, month), "title"))
        if bare is not None:
            out.append((year_for(bare.a, month, bare.b), "previous_date"))
        if far is not None:  # an earlier section's date: still before any date that follows
            out.append((self._dated_year(far, month), "previous_date"))
        after = [p for p in map(self._anchor, block[f.in_block + 1:]) if p is not None]
        if after:
            out.append((_latest_same_month(after, month), "following_date"))
        if not out and (later := self._later_paragraphs(f, month)) is not None:
            out.append((later, "following_date"))  # a wire dateline `TOMSK, Oct. 4 —` on top
        background = self._background_year(f, month)
        if background is not None:
            out.append((background, "background_date"))
        near = self._near_published(f)
        if near is not None and same is None and own is None and out and out[0][0] != near \
                and (loose_relative or out[0][0] == from_pub[0]
                     or self._after_published(f, out[0][0])):
            out.insert(0, (near, "published"))  # minutes of 22.11.2021: `as of 19 November`
        if out and same is None and own is None and month is not None:
            year = self._used_year(f, month, out[0][0], out[0] is in_sentence)
            if year != out[0][0]:
                out.insert(0, (year, "published"))  # told as past, announced, or a deadline
        return out

    def _used_year(self, f: Found, month: int, year: int, in_sentence: bool) -> int:
        """The year the use of `f` in its sentence allows (date_tense): past narration not after
        the publication date, an announcement not before the document's "now", a deadline the
        next such day after it. A year from an anchor in its own sentence (`this year … on 5
        March`) outweighs the tense, not a deadline (`курс в сентябре 2024 г., а заявки до 1 декабря`)."""
        pub = self.pub
        if pub is None or pub.fiscal:
            return year
        blocks, t = self.doc.blocks, f.atom
        lo, hi = (blocks[f.block].start, blocks[f.block].end) if f.block < len(blocks) else (0, len(self.doc.text))
        kind = usage(self.doc.text, t.start, t.end, t.b is None, lo, hi)
        if kind is None or in_sentence and kind != "deadline":
            return year
        now = (pub.year, pub.month) if pub.month is not None else self._latest_month(f, pub.year)
        return year_for_use(kind, month, year, pub, now)

    def _latest_month(self, f: Found, year: int) -> tuple[int, int] | None:
        """The latest (year, month) in `year` named before `f` (a document dated by its year
        only: `Winter 2023` over a school of 28–30 November)."""
        months = [p.month for g in self.found[:f.index] for p in (g.a, g.b)
                  if p is not None and p.year == year and p.month is not None and not p.fiscal
                  and g.atom.relative is None]
        return (year, max(months)) if months else None

    def _later_paragraphs(self, f: Found, month: int | None) -> int | None:
        """The last resort before a background date: the latest year of an explicit date of the
        same month in the nearest later paragraph that has one (a wire dateline `Oct. 4` over
        `held Oct. 2–3, 2019`); a date of another month says nothing of it."""
        if month is None:
            return None
        for bi in range(f.block + 1, min(len(self.doc.blocks), f.block + 1 + _LOOKBACK_BLOCKS)):
            years = [p.year for g in self.by_block.get(bi, []) if g.atom.relative is None
                     and (p := self._anchor(g)) is not None and p.month == month and not p.fiscal]
            if years:
                return max(years)
        return None

    def _past_whole_year(self, dated: Found) -> bool:
        """Whether an earlier paragraph's anchor is a whole (fiscal) year before the year of a
        document dated to the day, and not the year its title names: a figure looked back on
        (`в 2018 финансовом году число … выросло`), not the time of the dates that follow."""
        p, pub, title = dated.a, self.pub, self.title
        return (p.month is None and dated.b is None and pub is not None and pub.day is not None
                and p.year < pub.year and (title is None or title.year != p.year))

    def _dated_year(self, dated: Found, month: int | None) -> int:
        """The year an earlier paragraph's date gives: a range across New Year there (`апрель
        2021 – март 2022`, a fiscal year) is ambiguous for a date of another paragraph, so the
        calendar year the title names (`ОТЧЁТ … ЗА 2021 ГОД`) wins when it is one of the two."""
        year = year_for(dated.a, month, dated.b)
        b, title = dated.b, self.title
        if b is not None and b.year != dated.a.year and title is not None and not title.fiscal \
                and title.year in (dated.a.year, b.year):
            return title.year
        return year

    def _after_published(self, f: Found, year: int) -> bool:
        """Whether the day `f` in `year` lies more than a month after the publication date."""
        a, pub = f.atom.a, self.pub
        try:
            day = dt.date(year, a.month, a.day)
        except (ValueError, TypeError):
            return False
        return (day - dt.date(pub.year, pub.month, pub.day)).days > _NEAR_PUBLISHED_DAYS

    def _near_published(self, f: Found) -> int | None:
        """The publication year (or the one next to it across New Year), when the year-less day
        falls within a month of the day the document is dated (minutes of 22.11.2021: `as of 19
        November`, `by 1 December`): the document's own "now" outweighs an anchor that would put
        the day a year after it (a plan for 2022 named earlier) or a relative word of an earlier
        sentence (`last year only 9.`)."""
        a, pub = f.atom.a, self.pub
        if pub is None or pub.day is None or a.day is None or a.month is None:
            return None
        for year in (pub.year - 1, pub.year, pub.year + 1):
            try:
                gap = abs((dt.date(year, a.month, a.day) - dt.date(pub.year, pub.month, pub.day)).days)
            except ValueError:
                continue
            if gap <= _NEAR_PUBLISHED_DAYS:
                return year
        return None

    def _same_month_earlier(self, f: Found, month: int | None) -> tuple[int, str] | None:
        """The year of a date of the same month in an earlier paragraph of the section, its
        year written or already inferred (the event's days named again): searched back to the
        nearest paragraph with an explicit date, whose own date of another month wins.
        (year, source): an inferred date passes on where its own year came from."""
        if month is None:
            return None
        blocks = self.doc.blocks
        for bi in range(f.block - 1, max(-1, f.block - 1 - _LOOKBACK_BLOCKS), -1):
            dated = False
            for g in reversed(self.by_block.get(bi, [])):
                if g.a is None or g.atom.relative is not None or g.a.fiscal or self._background(g):
                    continue
                last = g.b if g.b is not None and g.b.year == g.a.year else g.a
                if g.a.month is not None and g.a.month <= month <= (last.month or 0):
                    return g.a.year, g.inferred_from or "previous_date"
                dated = dated or self._anchor(g) is not None and g.a.month is not None
            if dated or bi < len(blocks) and blocks[bi].kind in _SECTION_KINDS:
                return None
        return None

    def _same_month_before(self, f: Found, month: int | None, block: list[Found]) -> int | None:
        """The year of the nearest explicit date of the same month before `f` in its own or
        the previous sentence: a reader takes the year from there before any nearer date."""
        if month is None:
            return None
        text, start, ends = self.doc.text, f.atom.start, 0
        for g in reversed(block[:f.in_block]):
            ends += len(_SENTENCE_END.findall(text, g.atom.end, start))
            if ends > 1:
                return None
            start = g.atom.start
            p = self._anchor(g, background=True)
            if p is not None and p.month == month and not p.fiscal and g.b is None:
                return p.year
        return None

    def _following_in_sentence(self, f: Found, month: int | None, block: list[Found]) -> int | None:
        """The latest year named for the same month after `f` in its own sentence, if any
        (`the visit on 14 March, like the one of March 2019, ...`): a bare year there may be
        about something else (`on 4 June, ... since their agreement in 2015`)."""
        text, end = self.doc.text, f.atom.end
        years = []
        for g in block[f.in_block + 1:]:
            if _SENTENCE_END.search(text, end, g.atom.start):
                break
            p = self._anchor(g, background=True)
            if p is not None and month is not None and p.month == month and not p.fiscal:
                years.append(p.year)
        return max(years) if years else None


def _latest_same_month(points: list[Point], month: int | None) -> int:
    """The year for `month` from explicit dates written after it: the latest year named for the
    same month (`held from 22 to 28 March. First planned for March 2020, it finally took place
    in March 2021`), else the year the nearest one gives."""
    same = [p.year for p in points if month is not None and p.month == month and not p.fiscal]
    return max(same) if same else year_for(points[0], month)


def weekday_year(ok, cands: list[tuple[int, str]], others: tuple[int, ...] = ()) -> tuple[int, str, bool]:
    """The first candidate year for which `ok(year)` (the written weekday holds): (year, source,
    matched). Tries the candidates, then the first one -1 and +1, then `others` (the years of
    the document's other explicit dates, nearest first: `Friday 10 November` after a mention of
    November 2021 in a message dated 2023), then a background date (a founding year that happens
    to fit); else the first, unmatched."""
    for y, src in cands:
        if src != "background_date" and ok(y):
            return y, src, True
    y0, src0 = cands[0]
    for y in (y0 - 1, y0 + 1):
        if src0 != "background_date" and ok(y):
            return y, "weekday", True
    for y in others:
        if ok(y):
            return y, "weekday", True
    for y, src in cands:
        if src == "background_date" and ok(y):
            return y, src, True
    return y0, src0, False
