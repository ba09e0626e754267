"""The data model every stage shares.

A `Document` is built by ingest (text + blocks), annotated by language and segmentation
(block.lang, block.tokens), and filled by the extractors (dates, institutions, attendance,
events). Offsets are Python string indices (code points) into `Document.text`, end
exclusive, and `doc.text[m.start:m.end] == m.text` holds for every block and mention.

`to_dict()` gives the output contract (see `pipeline/schema/document.schema.json`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

#: Block kinds produced by ingest.
BLOCK_KINDS = ("title", "heading", "paragraph", "list_item", "table_cell", "caption", "dateline")

DATE_KINDS = ("day", "month", "year", "fiscal_year", "range")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
INSTITUTION_SOURCES = ("gazetteer", "pattern", "alias", "publisher", "review")


@dataclass(slots=True)
class Token:
    surface: str
    lemma: str
    pos: str  # UniDic pos1-pos2, e.g. "名詞-固有名詞"
    start: int
    end: int


@dataclass(slots=True)
class Block:
    """A paragraph, heading or table cell: a span of the document text with one language."""

    id: int
    start: int
    end: int
    kind: str = "paragraph"
    page: int | None = None  # 1-based page number for PDFs
    lang: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)  # [start, end] per sentence
    # table cells: position in the table (table index within the document, row, column)
    table: int | None = None
    row: int | None = None
    col: int | None = None


@dataclass(slots=True)
class Furniture:
    """A page header/footer or page number: kept out of `Document.text`, kept here."""

    text: str
    page: int
    position: str  # "header" | "footer"


@dataclass(slots=True)
class Source:
    path: str  # as given, relative to --raw when possible (posix separators)
    sha256: str
    format: str  # "pdf" | "html" | "text"
    bytes: int
    pages: int | None = None
    encoding: str | None = None  # detected text encoding (html/text)


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY | FY2017 | START/END
    kind: str  # one of DATE_KINDS
    calendar: str = "gregorian"  # or the era: "reiwa", "heisei", "showa", "taisho", "meiji"
    inferred: bool = False  # year (or month) taken from context, not written
    inferred_from: str | None = None  # "published" | "previous_date" | "title" | ...
    confidence: float = 1.0
    rule: str = ""  # the rule that produced it (for review)


@dataclass(slots=True)
class InstitutionMention:
    text: str
    start: int
    end: int
    name: str  # canonical name
    id: str  # canonical id, shared by every name form of one organisation
    type: str  # university, research_institute, ministry, ...
    country: str | None = None
    parent: str | None = None  # id of the parent organisation for sub-units
    source: str = "pattern"  # one of INSTITUTION_SOURCES
    confidence: float = 1.0


@dataclass(slots=True)
class BreakdownItem:
    label: str
    value: int


@dataclass(slots=True)
class EventRef:
    name: str | None = None
    date: str | None = None  # a date value (as in DateMention.value)
    date_start: int | None = None  # offset of the date mention it comes from
    id: str | None = None  # id of the Event record


@dataclass(slots=True)
class AttendanceMention:
    text: str
    start: int
    end: int
    value: int
    qualifier: str = "exact"  # one of QUALIFIERS
    cumulative: bool = False
    unit: str = "persons"
    breakdown: list[BreakdownItem] = field(default_factory=list)
    event: EventRef = field(default_factory=EventRef)
    confidence: float = 1.0
    rule: str = ""


@dataclass(slots=True)
class Event:
    id: str
    name: str | None
    date: str | None
    organisers: list[str] = field(default_factory=list)  # institution ids
    attendance: int | None = None
    qualifier: str | None = None
    cumulative: bool = False
    mode: str | None = None  # "online" | "in_person" | "hybrid"
    start: int | None = None  # where the event is named in the text
    end: int | None = None


@dataclass(slots=True)
class Published:
    value: str  # a date value
    source: str  # "html_meta" | "pdf_footer" | "pdf_header" | "dateline" | "config" | "text"
    text: str | None = None


@dataclass(slots=True)
class Document:
    doc_id: str
    source: Source
    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    published: Published | None = None
    # raw publication-date strings found by ingest, for the date stage; sources: html_meta,
    # pdf_header, pdf_footer, dateline, text_footer
    published_hints: list[tuple[str, str]] = field(default_factory=list)  # (source, raw string)
    furniture: list[Furniture] = field(default_factory=list)
    language: dict[str, Any] = field(default_factory=dict)  # primary, present, blocks
    dates: list[DateMention] = field(default_factory=list)
    institutions: list[InstitutionMention] = field(default_factory=list)
    attendance: list[AttendanceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline: dict[str, Any] = field(default_factory=dict)  # version, config_sha256

    def block_at(self, offset: int) -> Block | None:
        """The block containing `offset`, or None when it falls between blocks."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b = self.blocks[mid]
            if offset < b.start:
                hi = mid - 1
            elif offset >= b.end:
                lo = mid + 1
            else:
                return b
        return None

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d.pop("published_hints")
        return d


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...] | None] = {}  # dataclass -> field names; None: not one


def _field_names(cls: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
        return names


def _plain(obj: Any) -> Any:
    """A dataclass tree as plain dicts and lists: what `dataclasses.asdict` gives, without its
    deep copies (it is the hot path of writing a document with thousands of tokens). Scalars
    are copied in place, so the recursion only visits containers and dataclasses."""
    t = type(obj)
    if t is Token:
        return {"surface": obj.surface, "lemma": obj.lemma, "pos": obj.pos, "start": obj.start, "end": obj.end}
    names = _field_names(t)
    if names is not None:
        d = {}
        for name in names:
            v = getattr(obj, name)
            d[name] = v if type(v) in _SCALARS else _plain(v)
        return d
    if t is list or t is tuple:
        if obj and type(obj[0]) is Token:
            return [{"surface": x.surface, "lemma": x.lemma, "pos": x.pos, "start": x.start, "end": x.end}
                    for x in obj]
        return [x if type(x) in _SCALARS else _plain(x) for x in obj]
    if t is dict:
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


MENTION_FIELDS = ("dates", "institutions", "attendance")


def check_spans(doc: Document) -> list[str]:
    """Every block and mention points at its own text: the list of violations (empty when sound)."""
    problems = []
    n = len(doc.text)
    for b in doc.blocks:
        if not 0 <= b.start <= b.end <= n:
            problems.append(f"block {b.id} [{b.start}:{b.end}] outside the text")
        for t in b.tokens:
            if doc.text[t.start:t.end] != t.surface:
                problems.append(f"token {t.surface!r} [{t.start}:{t.end}] does not match the text")
    for fname in MENTION_FIELDS:
        for m in getattr(doc, fname):
            if doc.text[m.start:m.end] != m.text:
                problems.append(f"{fname} {m.text!r} [{m.start}:{m.end}] does not match the text")
    return problems
