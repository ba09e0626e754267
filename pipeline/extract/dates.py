"""Date stage: every calendar reference in the document, normalised and anchored.

    extract(doc, config) -> None   sets doc.dates (list[DateMention]) and doc.published

Each block's text is scanned for date atoms (date_scan.scan: Japanese with eras, kanji
numerals, fiscal years and ranges; English and Russian month names; numeric forms read by the
block's language). Dates broken across two blocks (a table row `2020年` / `9月25日`, a line
break inside `2020` / `年度`) are read across the break. Dates written without a year take it
from the document (date_infer: same paragraph, earlier paragraphs; date_published: publication
date, title; the written weekday decides between candidates). The machine's clock is never consulted.
"""
from __future__ import annotations

import datetime as dt
import logging
import re

from ..config import Config
from ..model import Block, DateMention, Document
from .date_infer import Found, Resolver, weekday_year, year_for
from .date_patterns import Atom, Point
from .date_published import find_published, point_value, title_anchor
from .date_scan import scan

log = logging.getLogger(__name__)

_BREAK_WINDOW = 40  # characters each side of a block boundary read for a broken date
_DIGITS = "0123456789０１２３４５６７８９〇一二三四五六七八九十"
_MARKS = "年度月日"
_CONFIDENCE = {"previous_date": 0.9, "published": 0.85, "title": 0.8, "weekday": 0.85,
               "following_date": 0.7, "background_date": 0.5}


def _blocks(doc: Document) -> list[Block]:
    if doc.blocks:
        return doc.blocks
    return [Block(id=0, start=0, end=len(doc.text))] if doc.text else []


def _shift(atom: Atom, by: int) -> Atom:
    atom.start += by
    atom.end += by
    return atom


def _scan_blocks(doc: Document, blocks: list[Block]) -> tuple[list[tuple[Atom, int]], list[list[Atom]]]:
    """(atom, block index) for every block, plus dates read across block boundaries; and the
    atoms of each block as scanned (spans relative to the block), for find_published."""
    text = doc.text
    per_block: list[list[Atom]] = []
    scanned: list[list[Atom]] = []
    for b in blocks:
        atoms = scan(text[b.start:b.end], b.lang)
        scanned.append(atoms)
        per_block.append([t.shifted(b.start) for t in atoms])
    for i in range(len(blocks) - 1):
        prev, nxt = blocks[i], blocks[i + 1]
        gap = text[prev.end:nxt.start]
        if gap.strip() or prev.end == prev.start or nxt.end == nxt.start:
            continue
        tail = text[prev.end - 1]
        head = text[nxt.start]
        # a Japanese date broken after its 年 (2020年 / 9月25日) or before it (2019 / 年度)
        if not (tail in _MARKS and head in _DIGITS or tail in _DIGITS and head in _MARKS):
            continue
        lo = max(prev.start, prev.end - _BREAK_WINDOW)
        hi = min(nxt.end, nxt.start + _BREAK_WINDOW)
        crossing = [_shift(t, lo) for t in scan(text[lo:hi], prev.lang)]
        crossing = [t for t in crossing if t.start < prev.end and t.end > nxt.start
                    and t.relative is None]
        for t in crossing:
            t.rule = "across_blocks" if t.rule == "range" else t.rule + "_across_blocks"
            olds = [o for o in per_block[i] + per_block[i + 1] if o.start < t.end and o.end > t.start]
            if any(o.end - o.start > t.end - t.start for o in olds):
                continue
            per_block[i] = [o for o in per_block[i] if o not in olds] + [t]
            per_block[i + 1] = [o for o in per_block[i + 1] if o not in olds]
    out = []
    for i, atoms in enumerate(per_block):
        out.extend((t, i) for t in sorted(atoms, key=lambda t: t.start))
    return out, scanned


def _copy(p: Point) -> Point:
    return Point(**{f: getattr(p, f) for f in Point.__slots__})


def _with_year(p: Point, year: int) -> Point:
    q = _copy(p)
    q.year = year
    return q


def _range_end(a: Point, b: Point) -> Point:
    """The end of a range whose start got its year: same year, or the next across New Year."""
    q = _copy(b)
    if q.year is None:
        q.year = a.year
        if (q.month or 12, q.day or 31) < (a.month or 1, a.day or 1):
            q.year += 1
    return q


def _fiscal_month(p: Point) -> Point:
    """平成29年度4月 style points: a month in a fiscal year is a calendar month."""
    if p.fiscal and p.month is not None:
        q = _copy(p)
        q.fiscal = False
        q.year = year_for(Point(p.year, fiscal=True), p.month)
        return q
    return p


def _resolve_relative(f: Found, previous: list[Found]) -> bool:
    """同年11月 / 同月25日 / 翌年3月: the year (month) of the nearest date before it."""
    t = f.atom
    for g in reversed(previous):
        if g.a is None or g.atom.relative is not None:
            continue
        ref = g.b if g.b is not None else g.a
        a = _copy(t.a)
        a.year = ref.year + (t.a.rel_year or 0)
        if ref.fiscal and ref.month is None and t.a.rel_year == 0 and a.month is not None:
            a.year = year_for(ref, a.month)
        if t.a.rel_month is not None:
            if ref.month is None:
                return False
            month = ref.month + t.a.rel_month
            a.year += (month - 1) // 12
            a.month = (month - 1) % 12 + 1
        a.rel_year = a.rel_month = None
        f.a = a
        b = t.b
        if b is not None and b.rel_year is not None:  # 同年11月から翌年2月: the end's own offset
            b = _copy(b)
            b.year = a.year - (t.a.rel_year or 0) + b.rel_year
            b.rel_year = None
        f.b = _range_end(a, b) if b is not None else None
        f.inferred_from, f.confidence = "previous_date", 0.9
        return True
    return False


_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _best_point(value: str) -> Point | None:
    """A Point from a date value (2020-02-05, 2020-02, 2020), as a publication date."""
    m = _VALUE.match(value)
    if not m:
        return None
    y, mo, d = (int(x) if x else None for x in m.groups())
    return Point(y, mo, d)


def _weekday_ok(t: Atom, wd: Point, year: int) -> bool:
    """Does the written weekday hold when the atom's start is in `year`?"""
    a = _with_year(t.a, year)
    p = a if wd is t.a else _range_end(a, t.b)
    try:
        return dt.date(p.year, p.month, p.day).weekday() == wd.weekday
    except ValueError:
        return False


def _document_years(found: list[Found], i: int) -> tuple[int, ...]:
    """The years of the explicit, non-background dates around found[i]: those of its month
    first (`в пятницу, 21 июня` … an issue line `25.06.2024`), then the others, nearest first."""
    month = found[i].atom.a.month
    near = sorted((g.a.month != month, abs(j - i), g.a.year) for j, g in enumerate(found)
                  if g.explicit and g.a is not None and g.a.year is not None
                  and not g.atom.weak and not g.atom.historical)
    return tuple(dict.fromkeys(y for _, _, y in near))


def _weekday_point(f: Found) -> Point | None:
    for p in (f.atom.a, f.atom.b):
        if p is not None and p.weekday is not None and p.day is not None:
            return p
    return None


def extract(doc: Document, config: Config) -> None:
    """Set doc.dates and doc.published."""
    blocks = _blocks(doc)
    found = []
    atoms, scanned = _scan_blocks(doc, blocks)
    for atom, bi in atoms:
        explicit = atom.relative is None and atom.a.year is not None
        f = Found(atom, bi, explicit, confidence=atom.confidence)
        if explicit:
            f.a = _fiscal_month(atom.a)
            f.b = _fiscal_month(_range_end(atom.a, atom.b)) if atom.b is not None else None
        found.append(f)
    pub = find_published(doc, scanned if blocks is doc.blocks else None)
    if pub is not None:
        doc.published = pub[0]
    elif doc.published is not None:  # set before this stage (configuration, a caller)
        given = _best_point(doc.published.value)
        pub = (doc.published, given) if given is not None else None
    resolver = Resolver(doc, found, pub[1] if pub else None, title_anchor(doc))
    for i, f in enumerate(found):
        t = f.atom
        if f.explicit or t.relative is not None:
            continue
        if t.a.rel_year is not None or t.a.rel_month is not None:
            if not _resolve_relative(f, found[:i]):
                doc.warnings.append(f"dates: {doc.text[t.start:t.end]!r} at {t.start}: "
                                    "no earlier date to take its year from")
            continue
        month = t.a.month
        cands = resolver.candidates(f, month)
        wd = _weekday_point(f)
        if wd is not None and cands:
            year, src, matched = weekday_year(lambda y: _weekday_ok(t, wd, y), cands, _document_years(found, i))
            if not matched:
                doc.warnings.append(
                    f"dates: {doc.text[t.start:t.end]!r} at {t.start}: no candidate year puts this "
                    f"date on its weekday; used {year} ({src})")
            conf = _CONFIDENCE.get(src, 0.8) if matched else 0.5
        elif wd is not None and (fits := [y for y in _document_years(found, i) if _weekday_ok(t, wd, y)]):
            year, src, conf = fits[0], "weekday", _CONFIDENCE["weekday"]  # no other candidate
        elif cands:
            year, src = cands[0]
            conf = _CONFIDENCE.get(src, 0.8)
        else:
            doc.warnings.append(f"dates: {doc.text[t.start:t.end]!r} at {t.start}: no year in the "
                                "document to complete it; left out")
            continue
        f.a = _fiscal_month(_with_year(t.a, year))
        f.b = _range_end(f.a, t.b) if t.b is not None else None
        f.inferred_from = src
        f.confidence = min(conf, t.confidence)
    doc.dates = [_mention(doc, f) for f in found if f.a is not None and f.atom.relative is None
                 and _complete(f.a) and (f.b is None or _complete(f.b))]


def _complete(p) -> bool:
    """A point that makes a date: a day needs its month (`同月十日` after a bare year has none)."""
    return p.year is not None and (p.day is None or p.month is not None)


def _mention(doc: Document, f: Found) -> DateMention:
    t = f.atom
    a, b = f.a, f.b
    if b is not None and point_value(b) != point_value(a):
        value, kind = f"{point_value(a)}/{point_value(b)}", "range"
    else:
        value, kind = point_value(a), a.precision()
    era = t.a.era or (t.b.era if t.b is not None else None)
    return DateMention(text=doc.text[t.start:t.end], start=t.start, end=t.end, value=value,
                       kind=kind, calendar=era or "gregorian", inferred=not f.explicit,
                       inferred_from=f.inferred_from, confidence=round(f.confidence, 2),
                       rule=t.rule)
