"""Ingest: a file (PDF, HTML or plain text, told apart by content) → a `Document` with its
normalised text, blocks, furniture and publication-date hints.

    doc = load(path, doc_id, rel_path, config.ingest)

Every failure is an `IngestError(path, reason)` with one clear reason (empty, binary,
unsupported type, too large, undecodable, encrypted, corrupt, no text layer).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig
from ..errors import IngestError
from ..model import Document, Furniture, Source
from . import encoding, html, pdf, rules, text
from .blocks import RawBlock, assemble
from .normalize import Mapped, scrub
from .sniff import sniff

__all__ = ["load", "load_mapped", "Loaded"]


@dataclass
class Loaded:
    """A document with the offset map of its text: `offsets.starts[i]`/`ends[i]` is the span
    of `source` that `doc.text[i]` came from (the decoded file for text, the extracted text for
    HTML and PDF)."""

    doc: Document
    source: str
    offsets: Mapped


def load(path: Path, doc_id: str, rel_path: str, config: IngestConfig) -> Document:
    return load_mapped(path, doc_id, rel_path, config).doc


def _read_bytes(path: Path, rel_path: str, config: IngestConfig) -> bytes:
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            raise IngestError(rel_path, f"file too large: {size} bytes (ingest.max_bytes is {config.max_bytes})")
        with path.open("rb") as f:
            data = f.read(config.max_bytes + 1)
    except OSError as e:
        raise IngestError(rel_path, f"cannot read the file: {e.strerror or e}") from None
    if len(data) > config.max_bytes:
        raise IngestError(rel_path, f"file too large: more than {config.max_bytes} bytes (ingest.max_bytes)")
    return data


def load_mapped(path: Path, doc_id: str, rel_path: str, config: IngestConfig) -> Loaded:
    path = Path(path)
    data = _read_bytes(path, rel_path, config)
    fmt = sniff(data, path.name, rel_path)
    src = Source(path=rel_path, sha256=hashlib.sha256(data).hexdigest(), format=fmt, bytes=len(data))
    title, hints, furniture, warnings = None, [], [], []
    if fmt == "pdf":
        r = pdf.read(data, rel_path, config.max_pages, config.nfkc)
        items, source, title, hints, furniture, warnings = r.items, r.source, r.title, r.hints, r.furniture, r.warnings
        src.pages = r.pages
    elif fmt == "html":
        r = html.read(data, rel_path, config.nfkc)
        items, source, title, hints, warnings = r.items, r.source, r.title, r.hints, r.warnings
        src.encoding = r.encoding
    else:
        decoded, src.encoding = encoding.decode(data, None, rel_path)
        if "\x00" in decoded:
            raise IngestError(rel_path, "binary data, not a document (NUL characters in the text)")
        r = text.read_text(decoded, config.nfkc)
        items, source, hints, furniture = r.items, decoded, r.hints, r.furniture
    offsets, blocks = assemble(items)
    if not blocks:
        raise IngestError(rel_path, "no text found in the document")
    if title is None:
        title = _first_heading(items)
    hints = [(k, scrub(v)) for k, v in hints + _dateline_hints(offsets.text, blocks)]
    title = scrub(title) if title is not None else None
    furniture = [Furniture(scrub(f.text), f.page, f.position) for f in furniture]
    warnings = [scrub(w) for w in warnings]
    doc = Document(doc_id=doc_id, source=src, text=offsets.text, blocks=blocks, title=title,
                   published_hints=hints, furniture=furniture, warnings=warnings)
    return Loaded(doc, source, offsets)


def _first_heading(items) -> str | None:
    for it in items[:3]:
        if isinstance(it, RawBlock) and it.kind in ("heading", "title"):
            t = it.text.collapse_spaces().strip().text
            if len(t) >= 8:
                return t
    return None


def _dateline_hints(text_: str, blocks) -> list[tuple[str, str]]:
    for b in blocks[:10]:
        if b.kind == "dateline":
            return [("dateline", text_[b.start:b.end])]
    return []
