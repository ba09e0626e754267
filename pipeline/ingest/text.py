"""Plain text: paragraphs at blank lines, hard-wrapped lines re-joined, headings and datelines.

Text converted from PDF is hard-wrapped at a fixed width (Japanese mid-word: "筑波大学東京" /
"キャンパス"), sometimes with a blank line after every wrapped line. A run of lines is taken as
wrapped when most of its lines reach the wrap width; it is re-joined except where a line is
indented, starts a list item, or follows a short line that ends a sentence. A paragraph runs on
across a blank line only when the document as a whole is hard-wrapped (`_hard_wrapped`): a blank
line between short heading-like lines of an unwrapped text stays a paragraph break.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Furniture
from . import furniture, rules
from .blocks import RawBlock
from .normalize import Mapped, display_width, join_lines, nfkc

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines' (and "\r\n")


@dataclass(slots=True)
class Line:
    text: Mapped  # stripped
    indent: bool
    width: int  # display width (wide characters count 2)


def split_lines(m: Mapped, source: str) -> list[Line | None]:
    """The lines of a text (str.splitlines' line breaks); None for a blank line."""
    out: list[Line | None] = []
    s, starts, ends = m.text, m.starts, m.ends
    pos = 0
    for raw in s.splitlines(keepends=True):  # every line break is white space: strip drops it
        stripped = raw.strip()
        if not stripped:
            out.append(None)
        else:
            i = pos + len(raw) - len(raw.lstrip())
            j = i + len(stripped)
            line = Mapped(stripped, starts[i:j], ends[i:j])
            out.append(Line(line.collapse_spaces(), raw[0].isspace(), display_width(source[starts[i]:ends[j - 1]])))
        pos += len(raw)
    if not s or s[-1] in _LINE_BREAKS:
        out.append(None)  # the empty line after the last break
    return out


def _wrap_width(widths: list[int]) -> int:
    """The width lines are wrapped at: the commonest width of the longer lines (the larger on ties)."""
    counts: dict[int, int] = {}
    for w in widths:
        if w >= 16:
            counts[w] = counts.get(w, 0) + 1
    total = sum(counts.values())
    if total < 3:
        return 0
    width = max(counts, key=lambda w: (counts[w], w))
    # hard-wrapped text has many lines of (nearly) the wrap width
    near = sum(n for w, n in counts.items() if abs(w - width) <= 2)
    return width if near >= max(3, 0.2 * total) else 0


def _is_wrapped(group: list[Line]) -> bool:
    if len(group) < 2:
        return False
    wg = max(ln.width for ln in group)
    if wg < 20:
        return False
    body = group[:-1]
    return sum(ln.width >= 0.75 * wg for ln in body) >= 0.6 * len(body)


def _kind(text: str, single_line: bool) -> str:
    if rules.starts_item(text):
        numbered = not text.startswith(rules.rules().bullets)
        # "1. 運営体制の整備" alone on its line is a section heading; bullets are list items
        return "heading" if numbered and single_line and rules.is_heading(text) else "list_item"
    if single_line or len(text) <= rules.rules().heading_max_chars:
        if rules.is_dateline(text):
            return "dateline"
        if single_line and rules.is_heading(text):
            return "heading"
    return "paragraph"


def _paragraphs(group: list[Line]) -> list[list[Line]]:
    if not _is_wrapped(group):
        return [[ln] for ln in group]
    wg = max(ln.width for ln in group)
    paras: list[list[Line]] = [[group[0]]]
    for a, b in zip(group, group[1:]):
        short = a.width < 0.7 * wg
        if (b.indent or rules.starts_item(b.text.text) or a.width < 0.5 * wg
                or (short and rules.ends_sentence(a.text.text))
                or rules.script_break(a.text.text, b.text.text)):
            paras.append([b])
        else:
            paras[-1].append(b)
    return paras


def _runs_on(prev: Line, nxt: list[Line], width: int) -> bool:
    """Does the paragraph before a blank line run on into `nxt` (a page break in converted text)?

    The line before fills the wrap width without ending a sentence, and what follows is running
    text (more than one line, a full line, or the tail of a sentence), not a heading or an item.
    """
    if (not width or width > 140 or prev.width < 0.88 * width or rules.ends_sentence(prev.text.text)
            or rules.is_running_line(prev.text.text)):
        return False
    first = nxt[0]
    if first.indent or rules.starts_item(first.text.text) or rules.is_running_line(first.text.text):
        return False
    return len(nxt) > 1 or first.width >= 0.88 * width or rules.ends_sentence(first.text.text)


def _hard_wrapped(groups: list[list[Line]], width: int) -> bool:
    """Does the document as a whole show hard wrapping that a paragraph may run on across a
    blank line? Hardly any line is longer than the wrap width, and either most blank-separated
    groups are single lines many of which reach the width (a blank line after every wrapped line),
    or the groups are themselves runs of several lines (a page break inside wrapped text).
    A width read off a few short lines (a heading, a place and date) among long unwrapped
    paragraph lines is no wrap width: a blank line between headings stays a paragraph break."""
    lines = [ln for g in groups for ln in g]
    if not width or not lines or sum(ln.width > 1.5 * width for ln in lines) > 0.1 * len(lines):
        return False
    singles = [g[0] for g in groups if len(g) == 1]
    if len(singles) < 0.6 * len(groups):
        return True
    return sum(ln.width >= 0.88 * width for ln in singles) >= 0.4 * len(singles)


@dataclass(slots=True)
class TextResult:
    items: list[RawBlock]
    furniture: list[Furniture] = field(default_factory=list)  # page numbers, undated running lines
    hints: list[tuple[str, str]] = field(default_factory=list)  # ("text_footer", issue line)


def read(text: str, nfkc_enabled: bool = True) -> list[RawBlock]:
    """Blocks of a decoded plain-text document (offsets map into `text`)."""
    return read_text(text, nfkc_enabled).items


def read_text(text: str, nfkc_enabled: bool = True) -> TextResult:
    """Blocks, page furniture and issue-line hints of a decoded plain-text document.

    Page furniture left in text converted from a PDF (a page number, a periodical's running
    footer) is taken out of the flow, so the paragraph it interrupted joins up again; a footer
    naming the issue and its date is kept as a caption block after that paragraph."""
    m = nfkc(text, enabled=nfkc_enabled)
    lines = split_lines(m, text)
    width = _wrap_width([ln.width for ln in lines if ln is not None])
    found = furniture.find(lines, width, _form_feeds(m.text))
    res = TextResult([])
    kept: list[Line | None] = []
    after: dict[int, list[tuple[Line, str, int, str]]] = {}  # id(last body line before) -> furniture
    last: Line | None = None
    for i, ln in enumerate(lines):
        if ln is not None and i in found:
            kind, page, pos = found[i]
            after.setdefault(id(last), []).append((ln, kind, page, pos))
            continue
        kept.append(ln)
        if ln is not None:
            last = ln
    groups: list[list[Line]] = [[]]
    for ln in kept:
        if ln is None:
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(ln)
    groups = [g for g in groups if g]
    paras: list[list[Line]] = []
    wrapped = _hard_wrapped(groups, width)
    for g in groups:
        for k, p in enumerate(_paragraphs(g)):
            if k == 0 and paras and wrapped and _runs_on(paras[-1][-1], p, width):
                paras[-1].extend(p)
            else:
                paras.append(list(p))
    _furniture_out(after.get(id(None), []), res)
    for p in paras:
        joined = join_lines([ln.text for ln in p])
        res.items.append(RawBlock(joined, _kind(joined.text, len(p) == 1)))
        for ln in p:
            _furniture_out(after.get(id(ln), []), res)
    return res


def _form_feeds(s: str) -> set[int]:
    """Indices (as split_lines counts lines) of the lines a form feed comes right before."""
    if "\x0c" not in s:
        return set()
    return {k + 1 for k, raw in enumerate(s.splitlines(keepends=True)) if raw.endswith("\x0c")}


def _furniture_out(found: list[tuple[Line, str, int, str]], res: TextResult) -> None:
    for ln, kind, page, pos in found:
        t = ln.text.text
        if kind == "footer":
            res.items.append(RawBlock(ln.text, "caption"))
        else:
            res.furniture.append(Furniture(t, page, pos))
        if (kind == "footer" or kind == "header" and (rules.is_issue_line(t) or rules.has_date(t))) \
                and ("text_footer", t) not in res.hints:
            res.hints.append(("text_footer", t))
