"""Attendance figures that repeat another one of the document and are dropped:

    a heading line's count restated by the line right after it
        (創価学園 ロシア語学習者9名 訪問 / …生徒9名がロシアセンターを訪問): the first stays;
    a summary in another language than the document's primary one restating its counts
        (an English report whose Japanese summary says 延べ312名 again): the primary one stays;
    a table's total row restating a figure of the running text (合計 | 24名): the text's stays.

Both read finished figures (AttendanceMention) in text order; attendance.extract calls them last.
"""
from __future__ import annotations

import re

from ..model import AttendanceMention, Document

_REACH = 300  # characters either side of a figure that its line can span: a longer "line" is no heading


def drop_restatements(doc: Document, figures: list[AttendanceMention]) -> list[AttendanceMention]:
    """A heading line's count restated by the line right after it is one figure
    ("創価学園 ロシア語学習者9名 訪問" / "…生徒9名がロシアセンターを訪問"): keep the first."""
    out: list[AttendanceMention] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev and prev.value == f.value and prev.qualifier == f.qualifier:
            s1, e1 = _line(doc, prev.start)
            s2, _ = _line(doc, f.start)
            if s2 > e1 and not doc.text[e1:s2].strip() and _heading_like(doc.text[s1:e1]):
                continue
        out.append(f)
    return out


def drop_translations(doc: Document, figures: list[AttendanceMention]) -> list[AttendanceMention]:
    """A summary in another language restates the main text's counts (an English report whose
    Japanese summary says 延べ312名 and 学生12名 again): a figure in a block of another language
    than the document's primary one, whose value a primary-language figure already has, is the
    same count and is dropped."""
    primary = doc.language.get("primary") if isinstance(doc.language, dict) else None
    if not primary:
        return figures

    def lang(f: AttendanceMention) -> str | None:
        b = doc.block_at(f.start)
        return b.lang if b else None

    main = {f.value for f in figures if lang(f) == primary}
    return [f for f in figures if lang(f) in (primary, None) or f.value not in main]


def drop_restated_totals(doc: Document, figures: list[AttendanceMention], total: re.Pattern) -> list[AttendanceMention]:
    """A table's total row restating a figure the running text gives (あわせて24名の青少年を派遣 /
    合計 | 24名; 32 students moved … / Total | 32): one figure, the text's. `total` matches a row
    name saying "total" at its start (合計, Total, Итого)."""
    said = {f.value for f in figures if not _in_table(doc, f.start)}
    return [f for f in figures if f.value not in said or not _total_row(doc, f.start, total)]


def _in_table(doc: Document, i: int) -> bool:
    b = doc.block_at(i)
    return b is not None and b.kind == "table_cell"


def _total_row(doc: Document, i: int, total: re.Pattern) -> bool:
    """Whether offset i is in a table row (a cell row, or a line of a table kept as text) whose
    first field is a total word."""
    b = doc.block_at(i)
    if b is None:
        return False
    if b.kind == "table_cell":
        first = next((c for c in doc.blocks if c.kind == "table_cell" and c.table == b.table
                      and c.row == b.row and c.col == 0), None)
        return first is not None and bool(total.match(doc.text[first.start:first.end]))
    s, e = _line(doc, i)
    line = doc.text[s:e]
    return ("\t" in line or "  " in line) and bool(total.match(line))


def _line(doc: Document, i: int) -> tuple[int, int]:
    """The line around offset i, bounded by line breaks and by its block."""
    b = doc.block_at(i)
    lo, hi = (b.start, b.end) if b else (0, len(doc.text))
    lo, hi = max(lo, i - _REACH), min(hi, i + _REACH)
    s = doc.text.rfind("\n", lo, i) + 1 or lo
    e = doc.text.find("\n", i, hi)
    return max(s, lo), hi if e < 0 else e


def _heading_like(t: str) -> bool:
    t = t.strip()
    return len(t) <= 60 and not re.search(r"[。.!?]$", t) and not re.match(r"[・•\-*]", t)
