"""Attendance tables flattened to text lines that the row readers of attendance_tables do not
cover (called from its line-table loop):

- one cell per line: a header of short lines ending with its participants column, then rows of
  the header's width whose last cell is a count with words around it ("approx. 55",
  "96 (cumulative)", "under 30 per lecture");
- one line per row with the counts after the row's name ("БГУ 18 3 21") under a header line
  whose last word says total: the total row gives the figure, cumulative, the rows' last
  numbers its breakdown.

Each reader returns the index of the block after its table, or 0 when none starts there.
"""
from __future__ import annotations

import re

from ..model import AttendanceMention, Block, BreakdownItem, Document, EventRef
from . import attendance_tables as tables, numerals
from .attendance_cues import Cues


# a participants cell with words around its count: "approx. 55", "96 (cumulative)", "under 30 per lecture"
_LOOSE_AFTER = re.compile(r"^\s*(?:[名人]\s*)?(?:[（(][^（()）]{1,30}[)）])?\s*(?:(?:per|each|a|на|за)\s+\w+|[^\s\w]?\s*(?:各回|毎回|1回あたり))?\s*$", re.I)


def _loose_count(cues: Cues, t: str) -> re.Match | None:
    m = tables.CELL_NUMBER.search(t)
    if not m or len(t) > tables.COUNT_CELL or not _LOOSE_AFTER.match(t[m.end():]):
        return None
    before = t[:m.start()].strip()
    if before and (len(before) > 14 or not any(cues.qual_before[q].search(before + " ")
                                               for q in ("approx", "at_least", "at_most"))):
        return None
    return m


def grid_table(doc: Document, cues: Cues, blocks: list[Block], i: int, out: tables.TableResult) -> int:
    """A table flattened one cell per line whose header (short lines, no digits) ends with its
    participants column, then rows of the header's width whose last cell is a count, with words
    around it ("approx. 55", "96 (cumulative)", "under 30 per lecture": the most at each event).
    Returns the index after the table, or 0 when no such table starts at blocks[i]."""
    text = doc.text

    def t(b: Block) -> str:
        return text[b.start:b.end].strip()

    head: list[str] = []
    for j in range(i, min(len(blocks), i + 8)):
        c = t(blocks[j])
        if not c or len(c) > tables.HEAD_CELL or re.search(r"[0-9０-９。.!?]", c):
            break
        head.append(c)
        if cues.table_participants.search(c):
            break
    width = len(head)
    if width < 3 or not cues.table_participants.search(head[-1]):
        return 0
    name_col = next((k for k, h in enumerate(head) if cues.table_name.search(h)), 0)
    j, figs = i + width, []
    while j + width <= len(blocks):
        row = blocks[j:j + width]
        cells = [t(b) for b in row]
        m = _loose_count(cues, cells[-1])
        if m is None or any(not c or _loose_count(cues, c) for c in cells[:-1]) or \
                any(len(c) > 120 or "。" in c for c in cells[:-1]):
            break
        name_b = row[name_col]
        date = tables.best_date(doc.dates, row[0].start, row[-2].end)
        fig = tables.figure(doc, cues, row[-1], m, "table.grid", t(name_b), date, "", 0.8)
        rest = cells[-1][m.end():]
        fig.cumulative = bool(cues.cum_sentence.search(rest) or cues.cum_before.search(cells[-1][:m.start()])
                              or cues.table_total.match(cells[name_col]))
        if fig.qualifier == "exact" and cues.per_event_figure.search(rest):
            fig.qualifier = "at_most" if re.search(r"under|below|less|up to|до|未満|以下", cells[-1], re.I) else "approx"
        out.name_spans[fig.start] = (name_b.start, name_b.end)
        figs.append(fig)
        j += width
    if not figs:
        return 0
    out.figures.extend(figs)
    out.claimed.update(b.id for b in blocks[i:j])
    return j


_ROW_TAIL = re.compile(r"(?:\s+[0-9０-９]+(?:[,.][0-9]{3})*){2,}\s*$")


def total_rows(doc: Document, cues: Cues, blocks: list[Block], i: int, out: tables.TableResult) -> int:
    """Rows on one line each, their counts after the row's name ("БГУ 18 3 21"), under a header
    line whose last word says total ("Организация Студенты Преподаватели Всего"): the total row
    (Итого / Total / 合計 29 8 37) gives the figure, cumulative; the rows' last numbers are its
    breakdown. Returns the index after the table, or 0."""
    text = doc.text
    head = text[blocks[i].start:blocks[i].end].strip()
    words = head.split()
    if len(words) < 3 or len(head) > 120 or re.search(r"[0-9０-９。.!?]", head) or \
            not cues.table_total.match(words[-1]) or cues.table_total.match(words[0]):
        return 0
    rows, j = [], i + 1
    while j < len(blocks):
        b = blocks[j]
        line = text[b.start:b.end]
        m = _ROW_TAIL.search(line)
        if m is None or "\n" in line.strip() or not tables.has_words(line[:m.start()]):
            break
        nums = list(re.finditer(r"[0-9０-９]+(?:[,.][0-9]{3})*", line[m.start():]))
        rows.append((b, line[:m.start()].strip(), m.start() + nums[-1].start(), m.start() + nums[-1].end()))
        j += 1
    total = next((r for r in rows if cues.table_total.match(r[1])), None)
    if total is None or len(rows) < 2:
        return 0
    b, name, s, e = total
    value = numerals.value(text[b.start + s:b.start + e]) or 0
    out.figures.append(AttendanceMention(
        text=text[b.start + s:b.start + e], start=b.start + s, end=b.start + e, value=value, qualifier="exact",
        cumulative=True, breakdown=[BreakdownItem(label=r[1], value=numerals.value(text[r[0].start + r[2]:r[0].start + r[3]]) or 0)
                                    for r in rows if r is not total],
        event=EventRef(name=None, date=None, date_start=None), confidence=0.8, rule="table.total_rows"))
    out.claimed.update(x.id for x in blocks[i:j])
    return j
