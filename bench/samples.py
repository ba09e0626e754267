"""The project's own sample corpus (raw/) and long bulletin PDFs for the benchmarks.

    python bench/samples.py               # rewrite raw/ (commit the result)
    python bench/samples.py --out DIR     # write the same files somewhere else

Every text here is written for this project: fictitious reports about Japan-Russia university
exchange in the style of the real ones (the bulletins, university news pages and news items
in ../shared/corpus), carrying the phenomena the extractors must handle. The events, people
and figures are invented; organisations are real or fictitious (越佐大学, 北港大学, 白嶺大学,
East Eurasia Campus News). docs/samples.md describes each file and its traps; the gold
annotations are in tests/fixtures/gold-raw/. Output is byte-identical from run to run
(reportlab's invariant mode: no clock, fixed document id).

Library use: `make_bulletin_pdf(path, articles, ...)` typesets articles as a two-column
Japanese bulletin; `long_pdf(path, pages=300)` writes a long one for timing ingest;
`write_all(out_dir)` writes raw/.
"""
from __future__ import annotations

import argparse
import html
import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[1]
TEXTS = tomllib.loads(Path(__file__).with_name("samples.toml").read_text(encoding="utf-8"))
LONG = TEXTS["long"]
MINCHO, GOTHIC = "HeiseiMin-W3", "HeiseiKakuGo-W5"  # Adobe-Japan1 fonts every PDF reader has

# Layout of an A4 bulletin page (points).
PAGE_W, PAGE_H = A4
MARGIN = 50.0
GAP = 22.0
COL_W = (PAGE_W - 2 * MARGIN - GAP) / 2
HEADER_Y = PAGE_H - 40
BODY_TOP = PAGE_H - 72
BODY_BOTTOM = 70.0
FOOTER_Y = 38.0
SIZE, LEADING = 10.0, 16.5

NO_LINE_START = set("，、。．）」』】〕・ーゃゅょっャュョッァィゥェォぁぃぅぇぉ々？！：；")
NO_LINE_END = set("（「『【〔")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/\-]*|.", re.S)


@dataclass(frozen=True)
class Figure:
    """A grey photo placeholder with a caption under it."""
    height: float
    caption: str


@dataclass(frozen=True)
class Table:
    """A ruled table; the first row is the header."""
    rows: tuple[tuple[str, ...], ...]
    size: float = 8.0


@dataclass(frozen=True)
class Article:
    """A bulletin article: paragraphs (str), figures and tables in reading order."""
    title: str
    items: tuple[str | Figure | Table, ...]
    byline: str = ""


def _register_fonts() -> None:
    for name in (MINCHO, GOTHIC):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(name))


def wrap(text: str, width: float, size: float, font: str = MINCHO) -> list[str]:
    """Break Japanese text into lines that fit `width`, keeping runs of Latin letters and
    digits whole, hanging closing punctuation and never ending a line on an opening bracket."""
    lines: list[str] = []
    line = ""
    for tok in _TOKEN.findall(text):
        if line and tok not in NO_LINE_START and \
                pdfmetrics.stringWidth(line + tok, font, size) > width:
            carry = ""
            while line and line[-1] in NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line)
            line = carry + tok
        else:
            line += tok
    if line:
        lines.append(line)
    return lines


class _Bulletin:
    """Flows articles through two columns per page, drawing the running header and footer."""

    def __init__(self, path: Path, *, bulletin: str, issue: str, issue_date: str,
                 section: str, first_page: int, max_pages: int | None):
        _register_fonts()
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(f"{bulletin} {issue}")
        self.bulletin, self.issue, self.issue_date = bulletin, issue, issue_date
        self.section, self.first_page, self.max_pages = section, first_page, max_pages
        self.pages = 0
        self.col = 0
        self.y = BODY_TOP
        self.fresh = True  # nothing placed on the current page yet

    # -- page furniture -------------------------------------------------------------
    def _new_page(self) -> None:
        if self.max_pages is not None and self.pages >= self.max_pages:
            raise _Full
        if self.pages:
            self.c.showPage()
        self.pages += 1
        number = self.first_page + self.pages - 1
        c = self.c
        c.setFont(GOTHIC, 8.5)
        name = f"{self.bulletin}　{self.issue}"
        footer = f"{self.bulletin}  {self.issue}／{self.issue_date}"
        if number % 2 == 0:  # even pages: furniture on the left, odd pages: on the right
            c.drawString(MARGIN, HEADER_Y, name)
            c.drawRightString(PAGE_W - MARGIN, HEADER_Y, self.section)
            c.setFont(MINCHO, 8.5)
            c.drawString(MARGIN, FOOTER_Y, f"{number} {footer}")
        else:
            c.drawString(MARGIN, HEADER_Y, self.section)
            c.drawRightString(PAGE_W - MARGIN, HEADER_Y, name)
            c.setFont(MINCHO, 8.5)
            c.drawRightString(PAGE_W - MARGIN, FOOTER_Y, f"{footer} {number}")
        c.setLineWidth(0.6)
        c.line(MARGIN, HEADER_Y - 6, PAGE_W - MARGIN, HEADER_Y - 6)
        self.col, self.y, self.fresh = 0, BODY_TOP, True
        self.top = BODY_TOP

    def _x(self) -> float:
        return MARGIN + self.col * (COL_W + GAP)

    def _need(self, height: float) -> None:
        """Move to the next column (or page) unless `height` fits in the current one."""
        if self.pages == 0:
            self._new_page()
        if self.y - height < BODY_BOTTOM:
            if self.col == 0:
                self.col, self.y = 1, self.top
            else:
                self._new_page()

    # -- content ----------------------------------------------------------------------
    def title(self, text: str) -> None:
        if self.pages == 0 or (self.col == 1 and self.y - 60 < BODY_BOTTOM):
            self._new_page()
        if self.fresh:  # top of a page: the title runs across both columns
            self.c.setFont(GOTHIC, 15)
            self.c.drawString(MARGIN, self.y - 16, text)
            self.c.setLineWidth(1.2)
            self.c.line(MARGIN, self.y - 26, PAGE_W - MARGIN, self.y - 26)
            self.y = self.top = self.y - 44
            self.fresh = False
            return
        self.y -= 8
        for line in wrap(text, COL_W, 11, GOTHIC):
            self._need(18)
            self.c.setFont(GOTHIC, 11)
            self.c.drawString(self._x(), self.y - 11, line)
            self.y -= 18
        self.y -= 6

    def paragraph(self, text: str, *, right: bool = False) -> None:
        for line in wrap(text, COL_W, SIZE):
            self._need(LEADING)
            self.c.setFont(MINCHO, SIZE)
            if right:
                self.c.drawRightString(self._x() + COL_W, self.y - SIZE, line)
            else:
                self.c.drawString(self._x(), self.y - SIZE, line)
            self.y -= LEADING
            self.fresh = False

    def figure(self, fig: Figure) -> None:
        self._need(fig.height + 24)
        self.c.setFillGray(0.85)
        self.c.rect(self._x(), self.y - 6 - fig.height, COL_W, fig.height, stroke=0, fill=1)
        self.c.setFillGray(0)
        self.c.setFont(MINCHO, 8)
        self.c.drawCentredString(self._x() + COL_W / 2, self.y - fig.height - 18, fig.caption)
        self.y -= fig.height + 30
        self.fresh = False

    def table(self, table: Table) -> None:
        row_h = table.size * 2
        self._need(row_h * len(table.rows) + 12)
        widths = [max(pdfmetrics.stringWidth(r[i], MINCHO, table.size) for r in table.rows) + 8
                  for i in range(len(table.rows[0]))]
        scale = COL_W / sum(widths)
        xs = list(itertools.accumulate([self._x()] + [w * scale for w in widths]))
        top = self.y - 6
        bottom = top - row_h * len(table.rows)
        c = self.c
        c.setLineWidth(0.5)
        for i in range(len(table.rows) + 1):
            c.line(xs[0], top - i * row_h, xs[-1], top - i * row_h)
        for x in xs:
            c.line(x, top, x, bottom)
        for i, row in enumerate(table.rows):
            c.setFont(GOTHIC if i == 0 else MINCHO, table.size)
            for x, cell in zip(xs, row):
                c.drawString(x + 4, top - i * row_h - row_h + table.size * 0.6, cell)
        self.y = bottom - 12
        self.fresh = False

    def article(self, art: Article) -> None:
        self.title(art.title)
        for item in art.items:
            if isinstance(item, Figure):
                self.figure(item)
            elif isinstance(item, Table):
                self.table(item)
            else:
                self.paragraph(item)
        if art.byline:
            self.paragraph(art.byline, right=True)

    def save(self) -> int:
        self.c.showPage()
        self.c.save()
        return self.pages


class _Full(Exception):
    """The page limit is reached: stop flowing."""


def make_bulletin_pdf(path: Path | str, articles: Iterable[Article], *, bulletin: str,
                      issue: str, issue_date: str, section: str = "全学ニュース",
                      first_page: int = 1, max_pages: int | None = None) -> int:
    """Typeset `articles` as a two-column Japanese bulletin; return the number of pages.

    Every page carries a running header (bulletin name and issue number, section name) and
    a footer with the page number and the issue date, on the outer edge (`12 ○○大学報
    No.512／令和3年（2021年）12月` on even pages, mirrored on odd ones). Paragraphs start with
    an ideographic space and have no extra spacing, as in printed bulletins. With
    `max_pages`, stops when the pages are full (an endless `articles` is fine)."""
    doc = _Bulletin(Path(path), bulletin=bulletin, issue=issue, issue_date=issue_date,
                    section=section, first_page=first_page, max_pages=max_pages)
    try:
        for art in articles:
            doc.article(art)
    except _Full:
        pass
    return doc.save()


def _long_articles() -> Iterable[Article]:
    """An endless, deterministic stream of varied bulletin articles."""
    for i in itertools.count():
        month, day = i % 12 + 1, i * 7 % 25 + 1
        fields = dict(n=i + 1, month=month, day=day, end=day + 1 + i % 3,
                      count=20 + i * 37 % 180, ja=10 + i * 13 % 50, ru=12 + i * 11 % 60,
                      unis=3 + i % 15, fy="元234"[i % 4], heisei=25 + i % 6)
        fields["total"] = fields["ja"] + fields["ru"]
        paragraphs = [LONG["paragraphs"][(i + k) % len(LONG["paragraphs"])].format(**fields)
                      for k in range(4)]
        items: list[str | Figure | Table] = ["　" + p for p in paragraphs]
        if i % 4 == 1:
            items.insert(2, Figure(90 + i % 3 * 30, "交流行事の様子"))
        if i % 5 == 2:
            rows = [("日付", "行事名", "参加者数")]
            for k in range(4):
                m = (month + k) % 12 + 1
                rows.append((f"{m}月{(day + 3 * k) % 28 + 1}日",
                             LONG["table_events"][(i + k) % len(LONG["table_events"])],
                             f"約{(fields['count'] + 17 * k) % 200 + 10}名"))
            items.append(Table(tuple(rows)))
        yield Article(LONG["titles"][i % len(LONG["titles"])].format(**fields), tuple(items),
                      byline="（国際交流課）" if i % 2 else "")


def long_pdf(path: Path | str, pages: int = 300) -> int:
    """Write a long two-column Japanese bulletin (exactly `pages` pages, running header and
    footer on each) for timing ingest. Deterministic."""
    return make_bulletin_pdf(path, _long_articles(), bulletin="越佐大学報", issue="No.600",
                             issue_date="令和4年（2022年）3月", max_pages=pages)


def _bulletin_pdf(path: Path) -> None:
    articles = []
    bulletin = TEXTS["bulletin"]
    for art in bulletin["articles"]:
        items = tuple(Table(tuple(tuple(r) for r in it["table"])) if isinstance(it, dict) and "table" in it
                      else Figure(it["figure"], it["caption"]) if isinstance(it, dict)
                      else "　" + it for it in art["items"])
        articles.append(Article(art["title"], items, art.get("byline", "")))
    make_bulletin_pdf(path, articles, bulletin=bulletin["bulletin"], issue=bulletin["issue"],
                      issue_date=bulletin["issue_date"], first_page=bulletin["first_page"])


def _html_page(page: dict) -> str:
    """Fill an HTML template whose {placeholders} take escaped text and paragraph lists."""
    e = html.escape
    values = {k: (e(v) if isinstance(v, str) else
                  "\n".join(f"<p>{e(p)}</p>" for p in v) if k.endswith("paragraphs") else
                  "\n".join(f'<li><a href="/news/">{e(x)}</a></li>' for x in v))
              for k, v in page.items() if k != "template"}
    return page["template"].format(**values)


def write_all(out_dir: Path | str) -> list[Path]:
    """Write every sample into `out_dir` (flat: one file per document, gold named alike)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def put(name: str, data: bytes) -> None:
        (out / name).write_bytes(data)
        written.append(out / name)

    _bulletin_pdf(out / "bulletin_forum2021.pdf")
    written.append(out / "bulletin_forum2021.pdf")
    put("news_fefu_agreement2021.html", _html_page(TEXTS["ja_news"]).encode("shift_jis"))
    put("science_camp2019_ja_en.txt", TEXTS["ja_en"]["text"].encode("utf-8"))
    put("baikal_field_school2019_en.html", _html_page(TEXTS["en_news"]).encode("utf-8"))
    put("student_forum2021_ru.txt", TEXTS["ru_news"]["text"].replace("\n", "\r\n").encode("cp1251"))
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "raw", help="default: raw/")
    ap.add_argument("--long", type=int, metavar="PAGES",
                    help="instead, write OUT/long_bulletin.pdf with this many pages")
    args = ap.parse_args(argv)
    if args.long:
        args.out.mkdir(parents=True, exist_ok=True)
        n = long_pdf(args.out / "long_bulletin.pdf", args.long)
        print(f"{args.out / 'long_bulletin.pdf'}: {n} pages")
        return 0
    for p in write_all(args.out):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
