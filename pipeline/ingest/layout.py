"""Page geometry to reading order: glyphs → rows → columns → lines → paragraphs.

Pure geometry, no PDF library: pdf.py hands over the glyphs of one page (vertical pages already
turned so that their columns read like horizontal lines). Columns are found from the gutters,
vertical white stripes in the x-distribution of the line fragments, whether or not the columns
share baselines (fragments spanning a gutter, like a title across both columns, are read in
their vertical place); each column is read top to bottom, and the lines of
a column grouped into paragraphs by vertical gaps, first-line indents and short lines that end
a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from . import rules
from .normalize import is_wide


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(slots=True)
class Line:
    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str = ""
    bold: bool = False

    @classmethod
    def of(cls, glyphs: list[Glyph]) -> "Line":
        glyphs.sort(key=lambda g: g.x0)
        ink = [g for g in glyphs if not g.text.isspace()] or glyphs
        return cls(glyphs, min(g.x0 for g in ink), max(g.x1 for g in ink), min(g.top for g in ink),
                   max(g.bottom for g in ink), median(g.size for g in ink), _line_text(glyphs),
                   sum(g.bold for g in ink) > len(ink) / 2)


def _line_text(glyphs: list[Glyph]) -> str:
    out: list[str] = []
    prev: Glyph | None = None
    pending_space = False
    for g in glyphs:
        if g.text.isspace():
            pending_space = prev is not None
            continue
        if prev is not None and (pending_space or g.x0 - prev.x1 > 0.3 * min(g.size, prev.size)):
            out.append(" ")
        out.append(g.text)
        prev, pending_space = g, False
    return "".join(out)


@dataclass(slots=True)
class Region:
    """A table on the page: its bounding box and its cells' boxes (row by row)."""

    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[list[tuple[float, float, float, float] | None]] = field(default_factory=list)


@dataclass(slots=True)
class Para:
    lines: list[Line]
    kind: str = "paragraph"  # paragraph | heading | table (| caption, set by pdf.py)
    indented: bool = False  # first line indented (so it starts a paragraph)
    open_end: bool = False  # last line fills the column without ending a sentence
    full_end: bool = False  # last line fills the column
    table: list[list[list[Line]]] | None = None  # table: rows of cells of lines


def rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into rows: those whose vertical centres lie within half a size."""
    glyphs = sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2)
    out: list[list[Glyph]] = []
    anchor = None
    for g in glyphs:
        c = (g.top + g.bottom) / 2
        if anchor is not None and c - anchor < 0.45 * g.size:
            out[-1].append(g)
        else:
            out.append([g])
            anchor = c
    return out


def stripes(glyphs: list[Glyph]) -> list[tuple[float, float]]:
    """Vertical white stripes through the whole page: x-ranges (wider than a word space) where
    no glyph lies but for the odd one of a title or figure across them. A gutter narrower than
    the gap that cuts a row anyway, or the band between two tiers of a vertical page (turned),
    is one."""
    ink = [g for g in glyphs if not g.text.isspace()]
    if len(ink) < 50:
        return []
    xmin = min(g.x0 for g in ink)
    cover = _coverage(ink, xmin, max(g.x1 for g in ink))
    size = median(g.size for g in ink)
    allow = max(2, int(0.02 * max(cover)))
    return [(xmin + a, xmin + b) for a, b in _low_runs(cover, allow) if b - a >= max(3.0, 0.5 * size)]


def fragments(row: list[Glyph], cuts: list[tuple[float, float]] = ()) -> list[Line]:
    """A row cut at wide horizontal gaps (a gutter between columns, a table column) and at the
    page's white stripes (`stripes`)."""
    row.sort(key=lambda g: g.x0)
    out, cur, right = [], [], None
    for g in row:
        if cur and right is not None and (g.x0 - right > 1.5 * g.size
                                          or any(right <= a + 1 and g.x0 >= b - 1 for a, b in cuts)):
            out.append(cur)
            cur = []
        cur.append(g)
        if not g.text.isspace():
            right = g.x1 if right is None else max(right, g.x1)
    if cur:
        out.append(cur)
    return [Line.of(c) for c in out if any(not g.text.isspace() for g in c)]


def gutters(frags: list[Line]) -> list[tuple[float, float]]:
    """Vertical gaps between text columns, left to right.

    A gutter is a vertical white stripe in the x-distribution of the page's narrow fragments
    (those that fit in a column): the fragments covering each x are counted and the stripes
    where (almost) none lies are the candidates, so a title, a caption or a figure set across
    the columns does not hide the gutter, and columns that share baselines are found the same
    way as columns offset from each other. A candidate is a gutter when the fragments on both
    sides form columns (left-aligned runs of filled lines).
    """
    if len(frags) < 6:
        return []
    xmin, xmax = min(f.x0 for f in frags), max(f.x1 for f in frags)
    width = xmax - xmin
    size = median(f.size for f in frags)
    narrow = [f for f in frags if f.x1 - f.x0 < 0.55 * width]
    if len(narrow) < 0.5 * len(frags) or width < 4 * size:
        return []
    cover = _coverage(narrow, xmin, xmax)
    allow = max(1, int(0.12 * max(cover)))
    cands = []
    for lo, hi in _low_runs(cover, allow):
        mid = xmin + (lo + hi) / 2
        left = [f.x1 for f in narrow if f.x1 <= mid]
        right = [f.x0 for f in narrow if f.x0 >= mid]
        if not left or not right:
            continue
        a, b = max(left), min(right)
        if b - a >= max(0.5 * size, 3.0):
            cands.append((a, b))
    # a gutter is real when the columns on both sides are left-aligned runs of filled lines
    edges = [xmin] + [g[1] for g in cands]
    ends = [g[0] for g in cands] + [xmax]
    ok = [_is_column(narrow, lo, hi, size) for lo, hi in zip(edges, ends)]
    return [g for i, g in enumerate(cands) if ok[i] and ok[i + 1]]


def _coverage(frags: list, xmin: float, xmax: float) -> list[int]:
    """How many fragments (or glyphs) cover each point (1 pt steps) from xmin to xmax."""
    n = int(xmax - xmin) + 2
    diff = [0] * (n + 1)
    for f in frags:
        a = max(0, int(f.x0 - xmin))
        b = min(n, int(f.x1 - xmin) + 1)
        diff[a] += 1
        diff[b] -= 1
    out, run = [], 0
    for d in diff[:n]:
        run += d
        out.append(run)
    return out


def _low_runs(cover: list[int], allow: int) -> list[tuple[int, int]]:
    """Interior runs (not touching either end) where the coverage is at most `allow`."""
    runs, start = [], None
    for i, c in enumerate(cover):
        if c <= allow:
            start = i if start is None else start
        elif start is not None:
            if start > 0:
                runs.append((start, i))
            start = None
    return runs


def _is_column(frags: list[Line], lo: float, hi: float, size: float) -> bool:
    if hi - lo < 8 * size:
        return False  # a run of form blanks or numbers, not a column of text
    inside = [f for f in frags if f.x0 >= lo - 1 and f.x1 <= hi + 1]
    if len(inside) < 3:
        return False
    left = min(f.x0 for f in inside)
    aligned = sum(f.x0 - left < 1.5 * size for f in inside)
    fill = median((f.x1 - f.x0) / max(hi - lo, 1.0) for f in inside)
    return aligned >= 0.5 * len(inside) and fill >= 0.45


def reading_order(frags: list[Line], tables: list[Region], gut: list[tuple[float, float]]):
    """Items (Line or Region) grouped in flows, each flow with its column bounds, in reading order."""
    bounds = [(-1e9, gut[0][0])] if gut else [(-1e9, 1e9)]
    for (a, b), nxt in zip(gut, gut[1:] + [(1e9, 1e9)]):
        bounds.append((b, nxt[0]))
    ncol = len(bounds)

    def column(x0: float, x1: float) -> int | None:
        for lo, hi in gut:
            if x0 < lo - 1 and x1 > hi + 1:
                return None  # spans a gutter
        c = (x0 + x1) / 2
        return next(i for i, (lo, hi) in enumerate(bounds) if c <= hi or i == ncol - 1)

    items = [(f.top, f) for f in frags] + [(t.top, t) for t in tables]
    items.sort(key=lambda it: it[0])
    flows: list[tuple[int | None, list]] = []
    pending: list[list] = [[] for _ in range(ncol)]

    def flush():
        for i in range(ncol):
            if pending[i]:
                flows.append((i, pending[i]))
                pending[i] = []

    for _, it in items:
        col = column(it.x0, it.x1)
        if col is None:
            flush()
            flows.append((None, [it]))
        else:
            pending[col].append(it)
    flush()
    return flows


def merge_rows(items: list) -> list:
    """Fragments of one flow that share a row become one line (a table region stays as it is)."""
    out: list = []
    for it in items:
        prev = out[-1] if out else None
        if (isinstance(it, Line) and isinstance(prev, Line)
                and abs((it.top + it.bottom) - (prev.top + prev.bottom)) / 2 < 0.45 * it.size):
            out[-1] = _join(prev, it) if prev.x0 <= it.x0 else _join(it, prev)
        else:
            out.append(it)
    return out


def _join(a: Line, b: Line) -> Line:
    """Two fragments of one row (a left of b) as one line."""
    space = " " if b.x0 - a.x1 > 0.3 * min(a.size, b.size) else ""
    return Line([], a.x0, max(a.x1, b.x1), min(a.top, b.top), max(a.bottom, b.bottom),
                max(a.size, b.size), a.text + space + b.text, a.bold and b.bold)


def leading(flows: list[list[Line]]) -> float | None:
    """The usual gap between the lines of a paragraph on this page (a low quantile of the gaps,
    so that a table or list set with wider spacing does not hide the paragraph breaks)."""
    gaps = sorted(b.top - a.bottom for lines in flows for a, b in zip(lines, lines[1:])
                  if 0 <= b.top - a.bottom < 2 * a.size)
    return gaps[len(gaps) // 10] if len(gaps) >= 2 else None


def paragraphs(lines: list[Line], left: float, right: float, body: float, lead: float | None) -> list[Para]:
    """The paragraphs of one flow of lines (one column of one page, top to bottom)."""
    if not lines:
        return []
    paras: list[Para] = []
    prev: Line | None = None
    for ln in lines:
        indent = ln.x0 - left >= max(1.5, 0.2 * ln.size)
        brk = prev is None
        if prev is not None:
            gap = ln.top - prev.bottom
            limit = (lead + max(0.5 * ln.size, 0.4 * lead)) if lead is not None else 0.9 * ln.size
            short = prev.x1 < right - 2 * prev.size
            very_short = prev.x1 < right - max(3 * prev.size, 0.25 * (right - left))
            brk = (gap > limit or (indent and prev.x0 - left < 1.0)
                   or ((short or _next_word_fits(prev, ln, right)) and rules.ends_sentence(prev.text))
                   or very_short
                   or prev.x1 - left < 0.5 * (right - left)
                   or rules.starts_item(ln.text) or rules.script_break(prev.text, ln.text)
                   or abs(ln.size - prev.size) > 0.15 * body or ln.bold != prev.bold)
        if brk:
            paras.append(Para([ln], indented=indent))
        else:
            paras[-1].lines.append(ln)
        prev = ln
    for p in paras:
        last = p.lines[-1]
        # fills the column (not overfull like a heading set wider than the text) mid-sentence
        p.open_end = (right - 2.5 * last.size <= last.x1 <= right + 0.3 * last.size
                      and not rules.ends_sentence(last.text) and not rules.is_running_line(last.text))
        p.full_end = last.x1 >= right - 2.5 * last.size
        size = median(ln.size for ln in p.lines)
        if len(p.lines) <= 3 and (size >= 1.15 * body or (p.lines[0].bold and len(p.lines) == 1)):
            p.kind = "heading"
    return paras


def _next_word_fits(prev: Line, ln: Line, measure: float) -> bool:
    """Would the first word of `ln` have fitted at the end of `prev` (so that `prev` was ended on
    purpose)? Widths are estimated from the lines' mean character widths; a Japanese "word" is
    one character."""
    word = ln.text.split(maxsplit=1)[0] if ln.text.strip() else ""
    if not word or not prev.text:
        return False
    if is_wide(word[0]):
        need = (ln.x1 - ln.x0) / max(len(ln.text), 1)
    else:
        need = (len(word) + 1) * (prev.x1 - prev.x0) / max(len(prev.text), 1)
    return measure - prev.x1 > need + 0.25 * prev.size


def tiers(glyphs: list[Glyph], cuts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stripes between the tiers of a (turned) vertical page: white bands across the whole
    page with at least 8 ems of text on either side (dan-gumi, set like newspaper tiers)."""
    if not cuts:
        return []
    ink = [g for g in glyphs if not g.text.isspace()]
    size = median(g.size for g in ink)
    lo, hi = min(g.x0 for g in ink), max(g.x1 for g in ink)
    out, edge = [], lo
    for a, b in cuts:
        if a - edge >= 8 * size and hi - b >= 8 * size:
            out.append((a, b))
            edge = b
    return out


def page_paragraphs(frags: list[Line], tables: list[Region], table_lines,
                    bands: list[tuple[float, float]] = ()) -> list[Para]:
    """Every paragraph of a page in reading order. `table_lines(region)` gives a table's cells;
    `bands` are gutters known beforehand (the tiers of a vertical page)."""
    if not frags and not tables:
        return []
    body = median(f.size for f in frags) if frags else 10.0
    gut = gutters(frags)
    gut = sorted(gut + [b for b in bands if not any(a0 < b[1] and b[0] < a1 for a0, a1 in gut)])
    xmin = min([f.x0 for f in frags] + [t.x0 for t in tables])
    xmax = _right_edge([f.x1 for f in frags]) if frags else max(t.x1 for t in tables)
    col_edges: dict[int | None, tuple[float, float]] = {None: (xmin, xmax)}
    flows = reading_order(frags, tables, gut)
    for col, items in flows:
        if col is not None and col not in col_edges:
            mine = [f for c, its in flows if c == col for f in its if isinstance(f, Line)]
            if mine:
                col_edges[col] = (min(f.x0 for f in mine), _right_edge([f.x1 for f in mine]))
    merged = [(col, merge_rows(items)) for col, items in flows]
    lead = leading([[it for it in items if isinstance(it, Line)] for _, items in merged])
    out: list[Para] = []
    for col, items in merged:
        left, right = col_edges.get(col, (xmin, xmax))
        run: list[Line] = []
        for it in items:
            if isinstance(it, Line):
                run.append(it)
                continue
            out += paragraphs(run, left, right, body, lead)
            run = []
            out.append(Para([], kind="table", table=table_lines(it)))
        out += paragraphs(run, left, right, body, lead)
    return out


def _right_edge(x1s: list[float]) -> float:
    """The column's right edge: where most full lines end (robust to a few overlong ones)."""
    s = sorted(x1s)
    return s[int(len(s) * 0.8)] if len(s) >= 5 else s[-1]
