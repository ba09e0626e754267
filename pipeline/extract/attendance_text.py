"""Running text for the attendance and event extractors: blocks re-joined where a line break
cut a sentence, split into sentences, with offsets back into `doc.text`.

PDF text and text files often keep one printed line per block ("…延べ943名、2021年" /
"度は13件のイベントに…"). A `Stream` glues such blocks back together (Japanese with nothing,
other languages with one space) so that a pattern can match across the cut; `to_doc` maps a
stream offset back to the document, so mentions still satisfy `doc.text[start:end] == text`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Block, Document

# a block ending in one of these ends its sentence: never glue the next block to it
_CLOSED = re.compile(r"[。．！？!?」』】）)\]:：;；]\s*$|[.]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff10-\uff190-9０-９（(「『・、，,]")
_HEADING = re.compile(r"^\s*(?:[0-9０-９]+[.．、]|[①-⑳]|[●■◆○◎□▲△・•\-*]|【|第[0-9０-９一二三四五六七八九十]+[章節])")

# sentence ends: Japanese 。！？; Latin/Cyrillic . ! ? before a space and a capital or digit,
# unless the word before the period is an abbreviation (ок. 250, approx. 100, Prof. Ueda)
_SENT_END = re.compile(r"[。！？]+[」』）)]*|[.!?]+[\"'”»)]*(?=\s+[\"'“«(]?[A-ZА-ЯЁ0-9])|\n(?!$)")
# a line break inside a block that only wraps a sentence (CJK on both sides, or lower case next)
_WRAP = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff0-9０-９、，,（(「・])\n(?=[\u3040-\u30ff\u3400-\u9fff0-9０-９）)」])|"
                   r"(?<=[a-zа-яё,])\n(?=[a-zа-яё])")
_ABBREV = re.compile(r"(?:^|[\s(])(?:[A-Za-zА-Яа-яЁё]{1,3}|approx|Prof|Assoc|Dept|Univ|Corp|Inc|Ltd|etc|"
                     r"vs|ca|тыс|млн|проф|акад)\.$")


@dataclass
class Stream:
    """A run of blocks read as one text."""

    text: str
    blocks: list[Block]
    lang: str | None
    # pieces: (stream offset, document offset) where each block's text starts
    _starts: list[int] = field(default_factory=list)
    _doc_starts: list[int] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # stream offsets
    _sent_starts: list[int] = field(default_factory=list)

    def to_doc(self, i: int) -> int:
        """Document offset of the character at stream offset `i`."""
        k = max(bisect.bisect_right(self._starts, i) - 1, 0)
        return self._doc_starts[k] + (i - self._starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document (start, end) of the stream span [start, end) (end exclusive)."""
        if end <= start:
            d = self.to_doc(start)
            return d, d
        return self.to_doc(start), self.to_doc(end - 1) + 1

    def sentence_at(self, i: int) -> tuple[int, int]:
        if len(self._sent_starts) != len(self.sentences):
            self._sent_starts = [s for s, _ in self.sentences]
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return self.sentences[max(k, 0)] if self.sentences else (0, len(self.text))


def _glue(prev: Block, nxt: Block, text: str) -> bool:
    """Does `nxt` continue the sentence `prev` was cut in?"""
    a = text[prev.start:prev.end]
    b = text[nxt.start:nxt.end]
    if prev.kind == "table_cell" or nxt.kind == "table_cell" or prev.kind == "title" or not a.strip():
        return False
    if _CLOSED.search(a) or _HEADING.match(b) or (_HEADING.match(a) and len(a) < 50):
        return False
    if b[:1] in " \u3000" or text[nxt.start - 1:nxt.start] in (" ", "\u3000"):
        return False  # an indented line starts a new paragraph
    if (prev.lang or "ja") == "ja" and (nxt.lang or "ja") == "ja":
        return bool(_CJK.search(a.rstrip()[-1:])) and bool(_CJK.match(b.lstrip()[:1] or "."))
    # Latin / Cyrillic: a line that stops mid-sentence and a next line in lower case
    return bool(re.match(r"\s*[a-zа-яё0-9]", b)) and not a.rstrip().endswith((",", "-")) or a.rstrip().endswith(",")


def streams(doc: Document, skip: set[int] | frozenset = frozenset()) -> list[Stream]:
    """The document's running text as streams (blocks whose id is in `skip` are left out)."""
    out: list[Stream] = []
    run: list[Block] = []
    for b in doc.blocks:
        if b.id in skip or b.end <= b.start:
            if run:
                out.append(_make(doc, run))
                run = []
            continue
        if run and not _glue(run[-1], b, doc.text):
            out.append(_make(doc, run))
            run = []
        run.append(b)
    if run:
        out.append(_make(doc, run))
    return out


def _make(doc: Document, blocks: list[Block]) -> Stream:
    parts, starts, doc_starts = [], [], []
    pos = 0
    langs = [b.lang for b in blocks if b.lang]
    lang = max(set(langs), key=langs.count) if langs else None
    for i, b in enumerate(blocks):
        t = doc.text[b.start:b.end]
        if i:
            prev = parts[-1]
            # trailing blanks of the earlier line go; Latin text keeps one space between lines
            stripped = prev.rstrip(" \u3000\t")
            parts[-1] = stripped
            pos -= len(prev) - len(stripped)
            t_l = t.lstrip(" \u3000\t")
            lead = len(t) - len(t_l)
            if lang not in (None, "ja") and not stripped.endswith("-"):
                parts.append(" ")
                starts.append(pos)
                doc_starts.append(doc_starts[-1] + len(stripped))  # the space maps to the cut
                pos += 1
            starts.append(pos)
            doc_starts.append(b.start + lead)
            parts.append(t_l)
            pos += len(t_l)
        else:
            starts.append(0)
            doc_starts.append(b.start)
            parts.append(t)
            pos += len(t)
    s = Stream(text="".join(parts), blocks=blocks, lang=lang, _starts=starts, _doc_starts=doc_starts)
    s.sentences = sentences(s.text)
    return s


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering it without gaps."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and _ABBREV.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        if m.group() == "\n" and _WRAP.match(text, m.start()):
            continue
        end = m.end()
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, 0)]
