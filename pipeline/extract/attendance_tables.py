"""Attendance figures in report tables: one figure per row of a participants column, tied to
that row's event name and date.

Two shapes are read:
- real tables (ingest's `table_cell` blocks with table/row/col): the column whose header says
  参加者数 / participants / участников, the name and date columns found by their headers;
- tables that only survive as text lines (PDF text, text files): a header line naming a
  participants column and a date or name column (or the header's cells on short lines of their
  own: 実施日 / 事業名 / 参加者), then rows that each start with a date line, continue with the
  event name and put the count first on a line ("130 大学（露36校…）") or write it as a short
  participants cell ("学部生40名以上", "約60名", "日本側12名、ロシア側18名（計30名）").

One-cell-per-line grids with a loose count column and one-line rows under a total column are
read by attendance_grids, called from the line-table loop here.

Person counts in a row's other cells ("日11大学20名・露18大学36名") are the row figure's
breakdown, never figures of their own.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from ..model import AttendanceMention, Block, BreakdownItem, DateMention, Document, EventRef
from . import attendance_grids, numerals
from .attendance_cues import Cues

_DATE_START = re.compile(
    r"^\s*(?:[0-9０-９]{4}\s*(?:年|[./-]\s*[0-9０-９]{1,2})|[0-9０-９]{1,2}\s*月|令和|平成|昭和|"
    r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]|"
    r"[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|"
    r"[0-9]{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр))", re.I)
_ROW_NUMBER = re.compile(rf"(?:^|(?<=[\s\t]))(?P<num>{numerals.ARABIC})(?P<unit>\s*[名人])?(?=[\s\t]|$)")
# in a participants cell the count may carry words around it (約120, over 150, 80名)
CELL_NUMBER = re.compile(rf"(?<![0-9０-９.,])(?P<num>{numerals.ARABIC})(?P<unit>\s*[名人])?(?![0-9０-９])")
_KIND_RANK = {"range": 0, "day": 1, "month": 2, "fiscal_year": 3, "year": 4}
_MAX_ROW_BLOCKS = 14
_MAX_HEAD_CELLS = 6  # a header whose cells stand on lines of their own
HEAD_CELL = 24  # characters at most in one such header cell
COUNT_CELL = 60  # characters at most in a participants cell read by its person counts


@dataclass
class TableResult:
    figures: list[AttendanceMention] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)  # block ids read as table rows
    name_spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # figure start -> name span


def best_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The most specific date mention inside [start, end): a range over a day, a day over a month..."""
    inside = [d for d in dates if start <= d.start and d.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda d: (_KIND_RANK.get(d.kind, 5), d.start))


# what separates the parts of a breakdown; と / 及び only right after a count (本学学生18名と北東連邦大学の学生12名)
_PART_SEP = re.compile(r"[、，,・;；（()）\t]|\s+and\s+|\s+и\s+|(?<=[名人])\s*(?:と|及び|および|並びに)")


def person_counts(cues: Cues, text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, value, label) of every 'NUMBER + person unit' in `text` (no cue needed);
    the label is the rest of its part of a list ("日本側21大学" for 日本側21大学56名)."""
    out = []
    seps = [(m.start(), m.end()) for m in _PART_SEP.finditer(text)]
    for lang in ("ja", "en", "ru"):
        for m in cues.count[lang].finditer(text):
            v = numerals.value(m.group("num"), m.group("mult"))
            if v is None or any(s <= m.start() < e for s, e, *_ in out):
                continue
            part_start = max((e for s, e in seps if e <= m.start()), default=0)
            part_end = min((s for s, e in seps if s >= m.end()), default=len(text))
            cut = m.end() if lang == "ja" else m.end("num")
            label = text[part_start:m.start()] + text[cut:part_end]
            out.append((m.start(), m.end(), v, re.sub(r"\s+", " ", label).strip(" 　:：")))
    return sorted(out)


def _qualifier(cues: Cues, before: str, after: str) -> str:
    for q in ("approx", "at_least", "at_most"):
        if cues.qual_before[q].search(before[-20:]) or cues.qual_after[q].match(after[:12]):
            return q
    return "exact"


def figure(doc: Document, cues: Cues, block: Block, m: re.Match, rule: str, name: str | None,
            date: DateMention | None, detail: str, conf: float) -> AttendanceMention:
    text = doc.text
    s, e = block.start + m.start("num"), block.start + m.end()
    value = numerals.value(m.group("num"))
    qual = _qualifier(cues, text[block.start:s], text[e:block.end])
    breakdown = [BreakdownItem(label=lab, value=v) for _, _, v, lab in person_counts(cues, detail)]
    return AttendanceMention(
        text=text[s:e], start=s, end=e, value=value or 0, qualifier=qual, breakdown=breakdown,
        event=EventRef(name=name, date=date.value if date else None, date_start=date.start if date else None),
        confidence=conf, rule=rule)


def _clean_name(parts: list[str]) -> str | None:
    name = "".join(p.strip() for p in parts) if all(_is_cjk_end(p) for p in parts[:-1]) else \
        " ".join(p.strip() for p in parts)
    return name or None


def _is_cjk_end(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and ord(s[-1]) > 0x2E80


def _cell_tables(doc: Document, cues: Cues, out: TableResult) -> None:
    tables: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.kind == "table_cell" and b.table is not None:
            tables.setdefault(b.table, []).append(b)
    for cells in tables.values():
        def text(b: Block) -> str:
            return doc.text[b.start:b.end]

        head = [b for b in cells if cues.table_participants.search(text(b)) and len(text(b)) < 40]
        if not head:
            continue
        hrow = min(b.row or 0 for b in head)
        pcol = next(b.col for b in head if (b.row or 0) == hrow)
        headers = {b.col: text(b) for b in cells if (b.row or 0) == hrow}
        ncol = next((c for c, t in headers.items() if c != pcol and cues.table_name.search(t)), None)
        dcol = next((c for c, t in headers.items() if c != pcol and cues.table_date.search(t)), None)
        rows: dict[int, dict[int, Block]] = {}
        for b in cells:
            if (b.row or 0) > hrow:
                rows.setdefault(b.row or 0, {})[b.col or 0] = b
        out.claimed.update(b.id for b in cells)
        for r in sorted(rows):
            row = rows[r]
            cell = row.get(pcol)
            m = CELL_NUMBER.search(text(cell)) if cell else None
            if not m:
                continue
            others = [b for c, b in sorted(row.items()) if c != pcol]
            name_cell = row.get(ncol) if ncol is not None else None
            if name_cell is None:
                words = [b for b in others if has_words(text(b)) and b.col != dcol]
                name_cell = max(words, key=lambda b: len(text(b)), default=None)
            lo, hi = min(b.start for b in row.values()), max(b.end for b in row.values())
            dcell = row.get(dcol) if dcol is not None else None
            date = (best_date(doc.dates, dcell.start, dcell.end) if dcell else None) or best_date(doc.dates, lo, hi)
            detail = "\t".join(text(b) for b in others if b is not name_cell and b is not dcell)
            name = text(name_cell).strip() if name_cell else None
            counts = person_counts(cues, text(cell))
            if len(counts) > 1:  # 日本側12名、ロシア側18名（計30名）: the total, or each count
                figs = _count_cell(doc, cues, cell, counts, name, date, "table.cells")
            else:
                figs = [figure(doc, cues, cell, m, "table.cells", name, date, detail, 0.9)]
            out.figures.extend(figs)
            for fig in figs if name_cell else []:
                out.name_spans[fig.start] = (name_cell.start, name_cell.end)


def has_words(s: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2}", s))


def _is_header(cues: Cues, t: str) -> bool:
    return (len(t) <= 120 and "。" not in t and bool(cues.table_participants.search(t))
            and bool(cues.table_name.search(t) or cues.table_date.search(t)))


def _starts_with_date(doc: Document, b: Block) -> bool:
    t = doc.text[b.start:b.end]
    lead = len(t) - len(t.lstrip())
    if b.start + lead in _date_starts(doc):
        return True
    return bool(_DATE_START.match(t))


# (the date list, its length, the set of its mentions' starts) of the document this thread reads
_DATES = threading.local()


def _date_starts(doc: Document) -> set[int]:
    last = getattr(_DATES, "last", None)
    if not last or last[0] is not doc.dates or last[1] != len(doc.dates):
        last = _DATES.last = (doc.dates, len(doc.dates), {d.start for d in doc.dates})
    return last[2]


def _line_tables(doc: Document, cues: Cues, out: TableResult) -> None:
    blocks = [b for b in doc.blocks if b.kind != "table_cell"]
    i = 0
    while i < len(blocks):
        grid = attendance_grids.grid_table(doc, cues, blocks, i, out) or \
            attendance_grids.total_rows(doc, cues, blocks, i, out)
        if grid:
            i = grid
            continue
        n = _header_length(doc, cues, blocks, i)
        if not n:
            i = _flat_table(doc, cues, blocks, i, out) or i + 1
            continue
        i = _read_rows(doc, cues, blocks, i, n, out)


def _header_length(doc: Document, cues: Cues, blocks: list[Block], i: int) -> int:
    """How many blocks from blocks[i] make a header: 1 for a header line, more when each header
    cell stands on a short line of its own (no digits, no sentence end); 0 when none starts here."""
    def t(b: Block) -> str:
        return doc.text[b.start:b.end].strip()

    if _is_header(cues, t(blocks[i])):
        return 1
    cells: list[str] = []
    for j in range(i, min(len(blocks), i + _MAX_HEAD_CELLS)):
        c = t(blocks[j])
        if not c or len(c) > HEAD_CELL or re.search(r"[0-9０-９。.!?]", c):
            break
        cells.append(c)
    return len(cells) if len(cells) >= 2 and _is_header(cues, " ".join(cells)) else 0


def _number_cell(cues: Cues, t: str) -> re.Match | None:
    """The count of a cell that is only a count, perhaps with a qualifier (64, approx. 154, 約30名)."""
    m = CELL_NUMBER.search(t)
    if not m or t[m.end():].strip() or len(t[:m.start()].strip()) > 12:
        return None
    before = t[:m.start()].strip()
    if before and not any(cues.qual_before[q].search(before + " ") for q in ("approx", "at_least", "at_most")):
        return None
    return m


def _flat_table(doc: Document, cues: Cues, blocks: list[Block], i: int, out: TableResult) -> int:
    """A table whose every cell stands on a line of its own, its participants named only in the
    caption line before the header ("Table 5-2. Participants in ..." / Event / Date / Japan /
    Russia / Total / then each row: name, date, counts). The count read is the participants or
    total column; the other counts are its breakdown. Empty cells are lost in such text, so a
    row with fewer counts than count columns only gives its last count, and only when that
    column is the last one. A row named "Total" sums the rows above: its figure is cumulative.
    Returns the index after the table, or 0 when no such table starts at blocks[i]."""
    text = doc.text

    def t(b: Block) -> str:
        return text[b.start:b.end].strip()

    caption = t(blocks[i - 1]) if i else ""
    head: list[str] = []
    for j in range(i, min(len(blocks), i + 8)):
        c = t(blocks[j])
        if not c or len(c) > HEAD_CELL or re.search(r"[0-9０-９。.!?]", c):
            break
        head.append(c)
    nxt = i + len(head)
    if head and nxt < len(blocks) and (_number_cell(cues, t(blocks[nxt])) or _starts_with_date(doc, blocks[nxt])):
        head.pop()  # a short first row name ran into the header
    if len(head) < 3 or not (cues.table_participants.search(" ".join(head)) or
                             (len(caption) <= 120 and cues.table_participants.search(caption))):
        return 0
    kinds = ["name" if cues.table_name.search(h) else "date" if cues.table_date.search(h) else "count" for h in head]
    counts = [h for h, k in zip(head, kinds) if k == "count"]
    if "name" not in kinds or not counts:
        return 0
    pick = next((k for k, h in enumerate(counts) if cues.table_participants.search(h)), None)
    if pick is None:
        pick = next((k for k, h in enumerate(counts) if cues.table_total.match(h)), None)
    if pick is None:
        return 0
    rows: list[tuple[Block, list[Block], list[tuple[Block, re.Match]]]] = []
    j = i + len(head)
    while j < len(blocks):
        b = blocks[j]
        c = t(b)
        m = _number_cell(cues, c)
        if m and rows:
            rows[-1][2].append((b, m))
        elif rows and _starts_with_date(doc, b) and not rows[-1][2]:
            rows[-1][1].append(b)
        elif not m and len(c) <= 100 and not cues.table_end.match(c) and (not rows or rows[-1][2]):
            rows.append((b, [], []))
        else:
            break
        j += 1
    figs = []
    for name_b, date_bs, nums in rows:
        if len(nums) == len(counts):
            b, m = nums[pick]
        elif nums and pick == len(counts) - 1:
            b, m = nums[-1]
        else:
            continue
        name = t(name_b)
        date = best_date(doc.dates, name_b.start, (date_bs or [name_b])[-1].end)
        fig = figure(doc, cues, b, m, "table.flat", name, date, "", 0.8)
        if len(nums) == len(counts):
            fig.breakdown = [BreakdownItem(label=h, value=numerals.value(x.group("num")) or 0)
                             for k, (h, (_, x)) in enumerate(zip(counts, nums)) if k != pick]
        fig.cumulative = bool(cues.table_total.match(name))
        out.name_spans[fig.start] = (name_b.start, name_b.end)
        figs.append(fig)
    if not figs:
        return 0
    out.figures.extend(figs)
    out.claimed.update(b.id for b in blocks[i:j])
    return j


def _read_rows(doc: Document, cues: Cues, blocks: list[Block], h: int, n: int, out: TableResult) -> int:
    """Rows after the header blocks[h:h+n]; returns the index of the first block after the table."""
    text = doc.text
    rows: list[list[Block]] = []
    i = h + n
    while i < len(blocks):
        b = blocks[i]
        t = text[b.start:b.end]
        if cues.table_end.match(t) or _is_header(cues, t) or (len(t) > 100 and "。" in t):
            break
        if _starts_with_date(doc, b) and (not rows or not all(_starts_with_date(doc, x) for x in rows[-1])):
            rows.append([b])
        elif rows and len(rows[-1]) < _MAX_ROW_BLOCKS:
            rows[-1].append(b)
        else:
            break
        i += 1
    found = 0
    for row in rows:
        figs = _row_figures(doc, cues, row, out)
        out.figures.extend(figs)
        found += len(figs)
    if found:
        out.claimed.update(b.id for b in blocks[h:h + n])
        out.claimed.update(b.id for row in rows for b in row)
        return i
    return h + 1


def _row_figures(doc: Document, cues: Cues, row: list[Block], out: TableResult) -> list[AttendanceMention]:
    text = doc.text
    date_blocks = []
    k = 0
    while k < len(row) and _starts_with_date(doc, row[k]) and k < 3:
        date_blocks.append(row[k])
        k += 1
    name_parts: list[Block] = []
    for j in range(k, len(row)):
        b = row[j]
        t = text[b.start:b.end]
        m = _ROW_NUMBER.match(t, len(t) - len(t.lstrip()))
        if m and not m.group("unit") and cues.not_person_unit.match(t[m.end("num"):]) and \
                not t[m.end("num"):m.end("num") + 1].isspace():
            m = None
        counts = person_counts(cues, t) if m is None and name_parts and len(t.strip()) <= COUNT_CELL \
            and "。" not in t else []
        if m is None and not counts:
            name_parts.append(b)
            continue
        name = _clean_name([text[x.start:x.end] for x in name_parts])
        lo = (date_blocks or name_parts or [b])[0].start
        date = best_date(doc.dates, lo, (name_parts or [b])[-1].end if name_parts else b.start)
        if date is None:
            date = best_date(doc.dates, lo, b.start)
        if m is not None:
            detail = text[b.start + m.end():b.end] + "".join(text[x.start:x.end] for x in row[j + 1:])
            figs = [figure(doc, cues, b, m, "table.lines", name, date, detail, 0.85)]
        else:
            figs = _count_cell(doc, cues, b, counts, name, date)
        if name_parts:
            for fig in figs:
                out.name_spans[fig.start] = (name_parts[0].start, name_parts[-1].end)
        return figs
    return []


def _count_cell(doc: Document, cues: Cues, b: Block, counts: list[tuple[int, int, int, str]],
                name: str | None, date: DateMention | None, rule: str = "table.lines") -> list[AttendanceMention]:
    """The figures of a participants cell written with words around its counts: the one count;
    the total (計30名, a total of) with the others as its breakdown; a count followed by its
    parts in brackets (25名（うち教員6名）); else each count (日本側12名、ロシア側18名)."""
    t = doc.text[b.start:b.end]
    total = next((c for c in counts if cues.total_before.search(t[:c[0]])), None)
    if total is None and len(counts) > 1 and re.match(r"\s*[（(]", t[counts[0][1]:]):
        total = counts[0]
    heads = [total] if total else counts
    figs = []
    for s, e, v, _ in heads:
        parts = [BreakdownItem(label=lab, value=pv) for ps, _, pv, lab in counts if total and ps != s]
        figs.append(AttendanceMention(
            text=t[s:e], start=b.start + s, end=b.start + e, value=v, qualifier=_qualifier(cues, t[:s], t[e:]),
            breakdown=parts, event=EventRef(name=name, date=date.value if date else None,
                                            date_start=date.start if date else None),
            confidence=0.85, rule=rule))
    return figs


def extract(doc: Document, cues: Cues) -> TableResult:
    """Figures of every table with a participants column, and the blocks they occupy."""
    out = TableResult()
    _DATES.last = None  # a new document
    _cell_tables(doc, cues, out)
    _line_tables(doc, cues, out)
    return out
