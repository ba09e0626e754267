"""HTML: the main text (headings, paragraphs, list items, tables) without navigation and
boilerplate, the page title and publication-date candidates from the metadata.

The main-content decision is trafilatura's (the only module that imports it); the page is
decoded, parsed and cleaned of ruby readings (<rt>, <rp>) here first, and the metadata read
with lxml, so no clock or network is involved. The offset map of the result points into the
text trafilatura extracted (markup has no character offsets worth keeping).
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from ..errors import IngestError
from . import encoding, rules, text
from .blocks import RawBlock, RawTable
from .normalize import Mapped, join_lines, nfkc

log = logging.getLogger(__name__)

# meta names/properties that carry a publication date, in order of trust
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "citation_publication_date",
    "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "originalpublicationdate", "created",
)
_JSONLD_KEYS = ("datePublished", "dateCreated")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class HtmlResult:
    items: list = field(default_factory=list)
    title: str | None = None
    hints: list[tuple[str, str]] = field(default_factory=list)
    encoding: str = "utf-8"
    source: str = ""  # the extracted text the offsets map into
    warnings: list[str] = field(default_factory=list)


def _clean_space(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _title(tree) -> str | None:
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="og:title"]/@content',
               "//title//text()", "//h1//text()"):
        vals = tree.xpath(xp)
        t = _clean_space(" ".join(vals) if xp.endswith("text()") else (vals[0] if vals else ""))
        if t:
            return t
    return None


def _jsonld_dates(obj, out: list[str]) -> None:
    if isinstance(obj, dict):
        for k in _JSONLD_KEYS:
            v = obj.get(k)
            if isinstance(v, str) and v.strip():
                out.append(v.strip())
        for v in obj.values():
            if isinstance(v, (dict, list)):
                _jsonld_dates(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _jsonld_dates(v, out)


def _date_hints(tree) -> list[tuple[str, str]]:
    found: list[str] = []
    metas = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    found += [metas[k] for k in _DATE_META if k in metas]
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        found.append((el.get("content") or el.get("datetime") or el.text_content() or "").strip())
    for s in tree.xpath('//script[@type="application/ld+json"]/text()')[:10]:
        try:
            _jsonld_dates(json.loads(s), found)
        except (ValueError, RecursionError):
            continue
    times = tree.xpath("//time[@pubdate]") + tree.xpath("//time[@datetime]")
    for t in times[:3]:
        found.append((t.get("datetime") or t.text_content() or "").strip())
    seen, hints = set(), []
    for v in found:
        v = _clean_space(v)
        if v and len(v) <= 64 and v not in seen:
            seen.add(v)
            hints.append(("html_meta", v))
    return hints


def _parse(doc_text: str, path: str):
    try:
        tree = lxml_html.document_fromstring(_XML_DECL.sub("", doc_text, count=1))
    except (etree.ParserError, ValueError) as e:
        raise IngestError(path, f"unparseable HTML: {e}") from None
    for el in tree.xpath("//rt|//rp"):  # ruby readings (furigana) are not part of the text
        el.drop_tree()
    return tree


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    cfg = use_config()
    # a short news item is still an article: do not swap it for a flat fallback extraction
    cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    cfg.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    return cfg


def _main_xml(markup: str, recall: bool):
    """trafilatura's main content as XML; first its own extractor alone (fast, keeps the
    structure), then with its fallback extractors and favouring recall when that finds nothing."""
    import trafilatura

    xml = trafilatura.extract(markup, output_format="xml", include_tables=True, include_comments=False,
                              include_images=False, include_links=False, deduplicate=False,
                              with_metadata=False, favor_recall=recall, fast=not recall, config=_config())
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None


class _Collector:
    """Turns trafilatura's XML into blocks, keeping the raw extracted text for the offset map."""

    def __init__(self, nfkc_enabled: bool):
        self.items: list = []
        self.raw: list[str] = []
        self.pos = 0
        self.nfkc = nfkc_enabled
        self.tables = 0

    def _mapped(self, s: str) -> Mapped:
        m = nfkc(s, self.pos, self.nfkc)
        self.raw.append(s + "\n")
        self.pos += len(s) + 1
        return m

    @staticmethod
    def lines(el) -> list[str]:
        """The text of an element, split at <lb/> (trafilatura's <br>) and block children."""
        return [p for p in (_clean_space(x) for x in _split_lb(el)) if p]

    def block(self, el, kind: str) -> None:
        raw_lines = self.lines(el)
        if not raw_lines:
            return
        group = []
        for s in raw_lines:
            m = self._mapped(s).collapse_spaces().strip()
            group.append(text.Line(m, False, text.display_width(s)))
        for para in text._paragraphs(group):
            joined = join_lines([ln.text for ln in para])
            k = kind
            if kind == "paragraph":
                k = text._kind(joined.text, len(para) == 1 and len(group) > 1)
            self.items.append(RawBlock(joined, k))

    def table(self, el) -> None:
        rows = []
        for row in el.iter("row"):
            cells = [cell for cell in row.iter("cell") if self.lines(cell)]
            rows.append(cells)
        if all(len(r) <= 1 for r in rows):  # a layout table: one cell per row is running text
            for r in rows:
                for cell in r:
                    self.block(cell, "paragraph")
            return
        grid = []
        for row in el.iter("row"):
            grid.append([join_lines([self._mapped(s).strip() for s in self.lines(cell)])
                         for cell in row.iter("cell")])
        self.items.append(RawTable(grid))

    def walk(self, main) -> None:
        for el in main:
            tag = el.tag
            if tag == "head":
                self.block(el, "heading")
            elif tag == "p" or tag == "quote" or tag == "code":
                self.block(el, "paragraph")
            elif tag == "list":
                for item in el.iter("item"):
                    self.block(item, "list_item")
            elif tag == "table":
                self.table(el)
            elif tag in ("div", "main", "section"):
                self.walk(el)
            elif isinstance(tag, str):
                self.block(el, "paragraph")


def _split_lb(el) -> list[str]:
    """All text of an element with <lb/> and block children as line breaks."""
    out = []

    def rec(node):
        if node.text:
            out.append(node.text)
        for ch in node:
            if ch.tag in ("lb", "p", "item", "head", "row"):
                out.append("\n")
            rec(ch)
            if ch.tail:
                out.append(ch.tail)

    rec(el)
    return "".join(out).split("\n")


_DATE_CLASS = re.compile(r"date|time|posted|byline|meta", re.IGNORECASE)


def _dateline(tree) -> tuple[str, bool] | None:
    """The article's visible date line, which main-text extraction drops as boilerplate:
    the block around the first <time> (or the first short block whose class names a date) in
    the article, when it carries a date. Returns its text and whether it precedes the title."""
    scope = (tree.xpath("//article") + tree.xpath("//main") + [tree])[0]
    cands = scope.xpath(".//time") + [el for el in scope.xpath(".//p|.//div|.//span|.//li")
                                      if _DATE_CLASS.search(el.get("class") or "")]
    for el in cands:
        block = el
        while block.tag not in ("p", "div", "li", "header", "dd", "td") and block.getparent() is not None:
            if len(_clean_space(block.getparent().text_content())) > 120:
                break
            block = block.getparent()
        t = _clean_space(block.text_content())
        if 0 < len(t) <= 120 and rules.has_date(t):
            heads = scope.xpath(".//h1") or scope.xpath(".//h2")
            first = heads[0] if heads else None
            before = first is not None and any(x is block for x in first.itersiblings(preceding=True))
            return t, before
    return None


def _add_dateline(col: "_Collector", found: tuple[str, bool] | None) -> None:
    if found is None:
        return
    t, before = found
    if any(t in it.text.text for it in col.items if isinstance(it, RawBlock)):
        return
    block = RawBlock(col._mapped(t).collapse_spaces().strip(), "dateline")
    at = 0 if before or not col.items or col.items[0].kind not in ("heading", "title") else 1
    col.items.insert(at, block)


def read(data: bytes, path: str, nfkc_enabled: bool = True) -> HtmlResult:
    declared = encoding.declared_charset(data)
    doc_text, enc = encoding.decode(data, declared, path)
    res = HtmlResult(encoding=enc)
    if declared and encoding.codec_name(declared) not in (enc, None) and enc != "utf-8-bom":
        res.warnings.append(f"declared charset {declared!r} does not fit the bytes; decoded as {enc}")
    tree = _parse(doc_text, path)
    res.title = _title(tree)
    res.hints = _date_hints(tree)
    # trafilatura is given markup, not the tree: on a tree it drops link text in table cells
    markup = lxml_html.tostring(tree, encoding="unicode")
    main = _main_xml(markup, recall=False)
    if main is None:
        main = _main_xml(markup, recall=True)
    col = _Collector(nfkc_enabled)
    if main is not None:
        body = main.find("main")
        col.walk(body if body is not None else main)
    if col.items:
        _add_dateline(col, _dateline(tree))
    if not col.items and res.title:
        res.warnings.append("no main text found; only the title is kept")
        col.items.append(RawBlock(col._mapped(res.title), "title"))
    if not col.items:
        raise IngestError(path, "no main text found in the HTML page")
    _mark_title(col.items, res.title)
    res.items = col.items
    res.source = "".join(col.raw)
    return res


_TITLE_SEP = re.compile(r"\s+[|｜\-–—:：»«/]+\s+|[|｜]|\s*[【】]\s*")


def _title_key(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip().casefold()


def _mark_title(items: list, title: str | None) -> None:
    """The heading near the top that repeats the page title (whole, or the part before or after
    a site name: "Joint Symposium | Hokkaido University") is the document's title block."""
    if not title:
        return
    whole = _title_key(title)
    parts = {whole} | {p for p in (_title_key(x) for x in _TITLE_SEP.split(title)) if len(p) >= 4}
    for it in items[:3]:
        if isinstance(it, RawBlock) and it.kind == "heading" and _title_key(it.text.text) in parts:
            it.kind = "title"
            return
