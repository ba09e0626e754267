"""The publication date of a document and the year its title names: the anchors date_infer.py
falls back on for a year-less date after the dates of its own paragraph and section.
"""
from __future__ import annotations

import re

from ..model import Document, Published
from .date_patterns import Atom, Point, patterns
from .date_scan import scan

_DIGIT = re.compile(r"\d")
_BARE_YEAR = re.compile(r"(?<![\d.,/-])(1[7-9]\d\d|20\d\d)(?![\d.,/-]?\d)")
SECTION_KINDS = ("heading", "title")
_TITLE_MAX = 150  # a first block this short may be an unmarked title
_CLOSED = re.compile(r"[。！？!?.]$")  # a block ending like a sentence is no heading
_TITLE_BLOCKS = 4  # a heading-like line this near the top may name the report's year
_FIELD_SEPARATORS = "|｜·•／/—–"  # between the fields of a masthead line
_ISSUE_GAP = 6  # how far after an issue number (No.428　令和5年11月) its date may start


def _best(atoms: list[Atom]) -> Atom | None:
    """The most precise explicit single date among atoms (first of equal precision)."""
    rank = {"day": 3, "month": 2}
    best = None
    for t in atoms:
        if t.relative is not None or t.b is not None or t.a.year is None:
            continue
        if best is None or rank.get(t.a.precision(), 1) > rank.get(best.a.precision(), 1):
            best = t
    return best


def point_value(p: Point) -> str:
    """The value form of one point: YYYY-MM-DD, YYYY-MM, YYYY or FY2017."""
    if p.day is not None:
        return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"
    if p.month is not None:
        return f"{p.year:04d}-{p.month:02d}"
    return f"FY{p.year:04d}" if p.fiscal else f"{p.year:04d}"


def find_published(doc: Document, scanned: list[list[Atom]] | None = None) -> tuple[Published, Point] | None:
    """The publication date: ingest's hints (HTML meta, PDF footer), else a dateline block near
    the top, else a periodical issue line (`北大時報 No.791／令和2年（2020年）2月`).
    `scanned`: the date atoms of each of doc.blocks as date_scan.scan gives them, if known."""
    for source, raw in doc.published_hints:
        best = _best(scan(raw))
        if best is not None and best.a.month is not None:
            return Published(point_value(best.a), source, raw), best.a
    for source, raw in doc.published_hints:  # a year alone, only when nothing better
        best = _best(scan(raw))
        if best is not None:
            return Published(point_value(best.a), source, raw), best.a
    for i, b in enumerate(doc.blocks):
        text = doc.text[b.start:b.end]
        near_top = i < 8 and len(text) <= 60
        masthead = i < 8 and len(text) <= _TITLE_MAX and any(c in text for c in _FIELD_SEPARATORS)
        if b.kind != "dateline" and not near_top and not masthead \
                and not (len(text) <= 80 and patterns().issue.search(text)):
            continue
        atoms = scanned[i] if scanned is not None else scan(text, b.lang)
        best = _best(atoms)
        if best is None or best.a.month is None or best.historical:
            continue  # a founding date (1990年4月1日設立) is no dateline
        rest = len("".join(text[:best.start].split()) + "".join(text[best.end:].split()))
        if patterns().issue.search(text):
            return Published(point_value(best.a), "text", text), best.a
        if b.kind == "dateline" or rest <= 15 or patterns().published_cue.match(text) \
                or _masthead_field(text, best):
            return Published(point_value(best.a), "dateline", text[best.start:best.end]), best.a
    for b in doc.blocks:  # an issue line run into a paragraph (a page footer left in the text)
        text = doc.text[b.start:b.end]
        if _DIGIT.search(text) is None:  # an issue number has digits
            continue
        for m in patterns().issue.finditer(text):
            near = [t for t in scan(text[m.end():m.end() + 40], b.lang) if t.start <= _ISSUE_GAP]
            best = _best(near)
            if best is not None and best.a.month is not None:
                line = text[m.start():m.end() + best.end]
                return Published(point_value(best.a), "text", line), best.a
    return None


def _masthead_field(text: str, t: Atom) -> bool:
    """Whether the date is a field of its own in a masthead line, set off by a separator
    (`Пресс-служба | Новости | 22.11.2023`, `News · 14 September 2023 · Tokyo`, `ニュース｜2023年11月22日`)."""
    head, tail = text[:t.start].rstrip(), text[t.end:].lstrip()
    return (bool(head) or bool(tail)) and (not head or head[-1] in _FIELD_SEPARATORS) \
        and (not tail or tail[0] in _FIELD_SEPARATORS)


def title_anchor(doc: Document) -> Point | None:
    """The one year the title names (`… Symposium 2020`, `2018年度…`), or None if none or several.
    Without a marked title: the first heading, else a short first block (a title ingest did not
    mark); when that names no year, a heading-like line among the first few blocks that names one
    (an office's name, then `Annual Report 2021` / `ЗА 2021 ГОД` / `2021年度 事業報告書`)."""
    if doc.title:
        return _title_year(doc.title)
    first = None
    for i, b in enumerate(doc.blocks[:3]):
        if b.kind in SECTION_KINDS or i == 0 and b.end - b.start <= _TITLE_MAX:
            first = b
            break
    if first is not None and (year := _title_year(doc.text[first.start:first.end])) is not None:
        return year
    for b in doc.blocks[:_TITLE_BLOCKS]:
        text = doc.text[b.start:b.end].strip()
        if len(text) > _TITLE_MAX or b.kind == "table_cell":
            break  # running text or a table: the top of the document is over
        if b is first or b.kind not in SECTION_KINDS and _CLOSED.search(text):
            continue  # a sentence or a dateline is no heading
        year = _title_year(text)
        if year is not None:
            return year
    return None


def _title_year(title: str) -> Point | None:
    points = []
    atoms = [t for t in scan(title) if t.relative is None and t.a.year is not None]
    for t in atoms:
        if t.historical or t.weak:  # `founded in 1990`, `since 1990` name no year of the event
            continue
        points.append(Point(t.a.year, fiscal=t.a.fiscal and t.a.month is None))
        if t.b is not None:
            points.append(Point(t.b.year, fiscal=t.b.fiscal))
    taken = [(t.start, t.end) for t in atoms]
    for m in _BARE_YEAR.finditer(title):
        if not any(s <= m.start() < e for s, e in taken):
            points.append(Point(int(m.group())))
    distinct = {(p.year, p.fiscal) for p in points}
    return points[0] if len(distinct) == 1 else None
