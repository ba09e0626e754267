"""PDF page furniture across pages: running headers/footers (rows in the top/bottom margin set
apart by a gap, repeated modulo digits), page numbers and small-print margin lines are moved from
the pages' fragments to the result's furniture; dated ones become publication-date hints.
Works on what pdf.py has read (no pdfplumber here)."""
from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

from ..model import Furniture
from . import rules
from .layout import Line

if TYPE_CHECKING:
    from .pdf import PageData, PdfResult


def _key(s: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", s))


def _margin_rows(frags: list[Line], height: float, margin: float) -> list[tuple[str, list[Line]]]:
    """Rows at the top/bottom edge of the page, set apart from the body by a gap."""
    if not frags:
        return []
    rows: list[list[Line]] = []
    for f in sorted(frags, key=lambda f: f.top):
        if rows and abs(f.top - rows[-1][0].top) < 0.45 * f.size:
            rows[-1].append(f)
        else:
            rows.append([f])
    out = []
    for i in (0, 1):
        if i < len(rows) and rows[i][0].top < margin * height:
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            bottom = max(f.bottom for f in rows[i])
            if nxt is None or min(f.top for f in nxt) - bottom >= 0.8 * rows[i][0].size:
                out.append(("header", rows[i]))
                continue
        break
    for i in (1, 2):
        if i <= len(rows) and max(f.bottom for f in rows[-i]) > (1 - margin) * height:
            prv = rows[-i - 1] if i + 1 <= len(rows) else None
            top = min(f.top for f in rows[-i])
            if prv is None or top - max(f.bottom for f in prv) >= 0.8 * rows[-i][0].size:
                if not any(r is rows[-i] for _, r in out):
                    out.append(("footer", rows[-i]))
                continue
        break
    return out


def strip(pages: list[PageData], res: PdfResult) -> None:
    """Move running headers/footers and page numbers from the pages' fragments to res.furniture."""
    margin = rules.rules().margin
    cands = []  # (page, position, fragment)
    for p in pages:
        for pos, row in _margin_rows(p.frags, p.height, margin):
            cands.extend((p, pos, f) for f in row)
    if not cands:
        return
    counts: dict[tuple[str, str], int] = {}
    for p, pos, f in cands:
        counts[(pos, _key(f.text))] = counts.get((pos, _key(f.text)), 0) + 1
    body = median(f.size for p in pages for f in p.frags) if any(p.frags for p in pages) else 10.0
    repeat = 2 if len(pages) <= 3 else max(2, len(pages) // 3)
    for p, pos, f in cands:
        t = f.text.strip()
        furn = (rules.is_page_number(t) or counts[(pos, _key(t))] >= repeat
                or (f.size < 0.95 * body and len(t) <= 80))
        if not furn:
            continue
        p.frags.remove(f)
        res.furniture.append(Furniture(t, p.number, pos))
        if rules.has_date(t) and not rules.is_page_number(t):
            hint = ("pdf_header" if pos == "header" else "pdf_footer", t)
            if hint not in res.hints:
                res.hints.append(hint)
