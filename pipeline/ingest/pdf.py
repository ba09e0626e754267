"""PDF with pdfplumber (the only module that imports it): text in reading order, tables, and the
page furniture (running headers/footers, page numbers) kept out of the running text.

Pass 1 reads each page once (its chars; the table finder only where the page has ruling lines),
turns vertical pages so that their columns read as lines, cuts rows into fragments and keeps
only those (the page's cache is flushed right away). Pass 2 decides the furniture across pages
(pdf_furniture.py: lines repeated in the margins modulo digits, page numbers, small-print margin
lines) and lays
out every page: columns, lines, paragraphs. Paragraphs that run on into the next column or page
are re-joined.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from statistics import median

from ..errors import IngestError
from ..model import Furniture
from . import layout, pdf_furniture, rules, text
from .blocks import RawBlock, RawTable
from .layout import Glyph, Line, Para, Region
from .normalize import Mapped, is_wide, join_lines, nfkc

log = logging.getLogger(__name__)

_BOLD = re.compile(r"bold|black|heavy|demi|semibold|-W[6-9]\b", re.IGNORECASE)
_CID = re.compile(r"^\(cid:\d+\)$")
_BAD_TITLE = re.compile(r"^\s*$|^\(?anonymous\)?$|^untitled|^microsoft (word|powerpoint)|\.(docx?|pdf|pptx?|xlsx?|indd|tex|dvi)$",
                        re.IGNORECASE)


@dataclass
class PageData:
    number: int
    height: float
    frags: list[Line] = field(default_factory=list)
    tables: list[Region] = field(default_factory=list)
    bands: list[tuple[float, float]] = field(default_factory=list)  # tiers of a vertical page
    cells: dict[int, list[list[list[Line]]]] = field(default_factory=dict)  # id(region) -> cells
    figures: list[tuple[float, float, float, float]] = field(default_factory=list)  # images, boxes


@dataclass
class PdfResult:
    items: list = field(default_factory=list)
    title: str | None = None
    hints: list[tuple[str, str]] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    pages: int = 0
    source: str = ""
    warnings: list[str] = field(default_factory=list)


def _reason(e: BaseException) -> str:
    seen, cur = [], e
    while cur is not None and len(seen) < 6:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__ or next((a for a in getattr(cur, "args", ()) if isinstance(a, BaseException)), None)
    names = " ".join(type(x).__name__ for x in seen)
    if "Password" in names or "Encrypt" in names:
        return "encrypted PDF (password required)"
    inner = seen[-1]
    msg = str(inner).strip() or type(inner).__name__
    return f"corrupt PDF: {type(inner).__name__}: {msg[:160]}"


def _glyphs(chars: list[dict]) -> tuple[list[Glyph], int]:
    out, unmapped = [], 0
    for c in chars:
        t = c.get("text") or ""
        if not t or _CID.match(t):
            unmapped += bool(t)
            continue
        size = float(c.get("size") or 0) or float(c["bottom"] - c["top"]) or 10.0
        out.append(Glyph(t, float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), size,
                         bool(_BOLD.search(c.get("fontname") or ""))))
    return out, unmapped


def _is_vertical(glyphs: list[Glyph]) -> bool:
    """Most consecutive glyphs step down the page (tategaki), not to the right."""
    v = h = 0
    for a, b in zip(glyphs, glyphs[1:]):
        s = min(a.size, b.size)
        dx, dy = b.x0 - a.x0, b.top - a.top
        if abs(dx) < 0.2 * s and 0 < dy < 2 * s:
            v += 1
        elif abs(dy) < 0.2 * s and 0 < dx < 2 * s:
            h += 1
    return v > 20 and v > 2 * h


def _turn(glyphs: list[Glyph], width: float) -> list[Glyph]:
    """Vertical text turned a quarter: columns (right to left) become lines (top to bottom)."""
    return [Glyph(g.text, g.top, g.bottom, width - g.x1, width - g.x0, g.size, g.bold) for g in glyphs]


def _lines_in(glyphs: list[Glyph]) -> list[Line]:
    return [f for row in layout.rows(glyphs) for f in [_merge(layout.fragments(row))] if f]


def _merge(frags: list[Line]) -> Line | None:
    if not frags:
        return None
    return layout.Line.of([g for f in frags for g in f.glyphs])


def _read_page(page, number: int, warnings: list[str]) -> tuple[PageData, int, int]:
    glyphs, unmapped = _glyphs(page.chars)
    width, height = float(page.width), float(page.height)
    data = PageData(number, height)
    if not glyphs:
        return data, 0, unmapped
    n = len(glyphs)
    if _is_vertical(glyphs):
        glyphs = _turn(glyphs, width)
        data.height = width
    else:
        data.figures = _figures(page, width, height)
        if _has_ruling(page):
            glyphs = _tables(page, glyphs, data)
    cuts = layout.stripes(glyphs)
    if data.height != height:  # turned: the tiers of a vertical page are read one after another
        data.bands = layout.tiers(glyphs, cuts)
    for row in layout.rows(glyphs):
        data.frags.extend(layout.fragments(row, cuts))
    for f in data.frags:
        f.glyphs = []  # geometry and text are kept; the glyphs are not needed any more
    return data, n, unmapped


def _figures(page, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """Boxes a caption may sit under or over: images and drawn rectangles of some size (not a
    frame around the whole page)."""
    out = []
    for o in [*page.images, *page.rects]:
        w, h = float(o["x1"]) - float(o["x0"]), float(o["bottom"]) - float(o["top"])
        if 40 <= w < 0.9 * width and 30 <= h < 0.9 * height:
            out.append((float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"])))
    return out


def _is_caption(para: Para, figures: list, body: float) -> bool:
    """A photo or figure caption: a short paragraph that opens with 写真/図/Photo/Fig./Фото…, or
    one in a smaller type set right under or over an image or a box."""
    if para.kind == "table" or len(para.lines) > 3 or sum(len(ln.text) for ln in para.lines) > 200:
        return False
    if rules.is_caption(para.lines[0].text):
        return True
    size = median(ln.size for ln in para.lines)
    if size >= 0.95 * body or rules.starts_item(para.lines[0].text):
        return False
    x0, x1 = min(ln.x0 for ln in para.lines), max(ln.x1 for ln in para.lines)
    top, bottom = para.lines[0].top, para.lines[-1].bottom
    near = 1.5 * size
    return any(min(x1, fx1) - max(x0, fx0) > 0.5 * min(x1 - x0, fx1 - fx0)
               and (-0.3 * size <= top - fb <= near or -0.3 * size <= ft - bottom <= near)
               for fx0, ft, fx1, fb in figures)


def _has_ruling(page) -> bool:
    """Enough ruling lines for a table (two across, two down): the table finder is costly."""
    across = down = 0
    for ln in page.lines:
        w, h = abs(ln["x1"] - ln["x0"]), abs(ln["bottom"] - ln["top"])
        across += h < 1 and w >= 20
        down += w < 1 and h >= 8
    for r in page.rects:
        across += 2 * (r["width"] >= 20)
        down += 2 * (r["height"] >= 8)
    return across >= 2 and down >= 2


def _tables(page, glyphs: list[Glyph], data: PageData) -> list[Glyph]:
    try:
        found = page.find_tables()
    except Exception as e:  # a table-finder failure loses the table structure, not the text
        log.debug("table finder failed on page %s: %s", data.number, e)
        return glyphs
    for t in found:
        cells = [[c for c in row.cells] for row in t.rows]
        if len(cells) < 2 or max(len(r) for r in cells) < 2:
            continue
        x0, top, x1, bottom = t.bbox
        region = Region(x0, top, x1, bottom, cells)
        inside, rest = [], []
        for g in glyphs:
            cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
            (inside if x0 <= cx <= x1 and top <= cy <= bottom else rest).append(g)
        if not inside:
            continue
        glyphs = rest
        grid = []
        for row in cells:
            out_row = []
            for box in row:
                if box is None:
                    out_row.append([])
                    continue
                bx0, btop, bx1, bbottom = box
                mine = [g for g in inside if bx0 <= (g.x0 + g.x1) / 2 <= bx1 and btop <= (g.top + g.bottom) / 2 <= bbottom]
                lines = _lines_in(mine)
                for ln in lines:
                    ln.glyphs = []
                out_row.append(lines)
            grid.append(out_row)
        data.tables.append(region)
        data.cells[id(region)] = grid
    return glyphs


class _Source:
    """The raw extraction (lines in reading order) that the offset map points into."""

    def __init__(self, nfkc_enabled: bool):
        self.parts: list[str] = []
        self.pos = 0
        self.nfkc = nfkc_enabled

    def line(self, s: str) -> Mapped:
        m = nfkc(s, self.pos, self.nfkc)
        self.parts.append(s + "\n")
        self.pos += len(s) + 1
        return m.collapse_spaces().strip()

    def page_break(self) -> None:
        self.parts.append("\f")
        self.pos += 1


_CLOSERS = ")）」』】]〕>》"


def _runs_on(prev: Para, para: Para) -> bool:
    """Does `prev` run on into `para` (across a column or page break, or a gap in the column)?

    `para` must be running text (not a heading, an item or a running footer), and `prev` either
    fills its column mid-sentence, or has several lines and stops mid-sentence while `para` does
    not start a new sentence (no capital letter).
    """
    if prev.kind != "paragraph" or para.kind != "paragraph" or para.indented:
        return False
    first, last = para.lines[0].text, prev.lines[-1].text
    if (rules.starts_item(first) or rules.is_running_line(first) or rules.is_running_line(last)
            or rules.script_break(last, first)):
        return False
    if not (len(para.lines) > 1 or para.full_end or rules.ends_sentence(para.lines[-1].text)):
        return False
    if prev.open_end:
        return not last.endswith(tuple(_CLOSERS)) or first[:1].islower()
    if len(prev.lines) < 2 or rules.ends_sentence(last) or last.endswith(tuple(_CLOSERS)):
        return False
    a, b = last[-1], first[0]
    if is_wide(a) and is_wide(b):
        return True  # Japanese running on
    return not is_wide(a) and (a.isalnum() or a in ",;") and b.islower()


def _emit(pages: list[PageData], res: PdfResult, nfkc_enabled: bool) -> None:
    src = _Source(nfkc_enabled)
    prev: tuple[Para, list[Mapped], int] | None = None
    paras: list[tuple[Para, list[Mapped], int]] = []
    for p in pages:
        def cells(region, _p=p):
            return p.cells.get(id(region), [])
        body = median(f.size for f in p.frags) if p.frags else 10.0
        for para in layout.page_paragraphs(p.frags, p.tables, cells, p.bands):
            if para.kind != "table" and _is_caption(para, p.figures, body):
                para.kind = "caption"
            if para.kind == "table":
                rows = [[join_lines([src.line(ln.text) for ln in cell]) for cell in row] for row in para.table]
                paras.append((para, rows, p.number))
                prev = None
                continue
            lines = [src.line(ln.text) for ln in para.lines]
            first = para.lines[0].text
            if prev is not None and _runs_on(prev[0], para):
                prev[0].lines.extend(para.lines)
                prev[0].open_end, prev[0].full_end = para.open_end, para.full_end
                prev[1].extend(lines)
                continue
            prev = (para, lines, p.number)
            paras.append(prev)
        src.page_break()
    for para, lines, number in paras:
        if para.kind == "table":
            res.items.append(RawTable(lines, number))
            continue
        joined = join_lines(lines)
        kind = para.kind if para.kind in ("heading", "caption") else text._kind(joined.text, len(lines) <= 2)
        res.items.append(RawBlock(joined, kind, number))
    res.source = "".join(src.parts)


def read(data: bytes, path: str, max_pages: int, nfkc_enabled: bool = True) -> PdfResult:
    import pdfplumber

    res = PdfResult()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:
        raise IngestError(path, _reason(e)) from None
    pages: list[PageData] = []
    glyph_total = unmapped_total = failed = 0
    try:
        try:
            all_pages = pdf.pages
            meta = pdf.metadata or {}
        except Exception as e:
            raise IngestError(path, _reason(e)) from None
        res.pages = len(all_pages)
        if not all_pages:
            raise IngestError(path, "corrupt PDF: no pages")
        if len(all_pages) > max_pages:
            res.warnings.append(f"only the first {max_pages} of {len(all_pages)} pages read (ingest.max_pages)")
        for i, page in enumerate(all_pages[:max_pages]):
            try:
                pd, n, unmapped = _read_page(page, i + 1, res.warnings)
            except Exception as e:
                failed += 1
                res.warnings.append(f"page {i + 1} unreadable: {_reason(e)}")
                continue
            finally:
                try:
                    page.close()
                except Exception:
                    pass
            glyph_total += n
            unmapped_total += unmapped
            pages.append(pd)
        title = meta.get("Title") if isinstance(meta, dict) else None
        if isinstance(title, bytes):
            title = title.decode("utf-8", "replace")
        if isinstance(title, str) and not _BAD_TITLE.search(title.strip()):
            res.title = re.sub(r"\s+", " ", title).strip()
    finally:
        try:
            pdf.close()
        except Exception:
            pass
    if failed and not pages:
        reason = res.warnings[0].split(": ", 1)[1] if res.warnings else "corrupt PDF"
        raise IngestError(path, reason)
    if glyph_total == 0:
        if unmapped_total:
            raise IngestError(path, "unusable text layer: the fonts map no glyph to Unicode "
                              f"({unmapped_total} unmapped glyphs); OCR is not supported")
        raise IngestError(path, "no text layer (scanned image?); OCR is not supported")
    if unmapped_total > 0.05 * (glyph_total + unmapped_total):
        res.warnings.append(f"{unmapped_total} glyphs without a Unicode mapping were dropped")
    empty = [p.number for p in pages if not p.frags and not p.tables]
    if empty:
        res.warnings.append(f"{len(empty)} page(s) without a text layer: {empty[:10]}")
    pdf_furniture.strip(pages, res)
    _emit(pages, res, nfkc_enabled)
    return res
