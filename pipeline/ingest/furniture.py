"""Page furniture left in plain text converted from a PDF: page numbers ("― 7 ―", "- 12 -",
"Page 3", a bare "12" between the wrapped lines of one sentence), a periodical's running
footer ("富山大学 学報 No.428 令和5年(2023年)11月") and lines repeated at regular intervals.

`find(lines, width, breaks)` tells which lines are furniture: {line index: (kind, page, position)},
kind "footer" for an issue line with its date (kept in the text as a caption and given as a
publication hint), "header" for a running header/footer repeated at page breaks (doc.furniture
only; a publication hint when dated), "page" for a page number or an undated running line
(doc.furniture only).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from . import rules

_DASHED = re.compile(r"[-–—―‐~〜]")
_NUMBER = re.compile(r"\d{1,4}")
_PAGE_AT_EDGE = re.compile(r"^\s*\d{1,4}\s+\S|\S\s*[|/｜]\s*\d{1,4}\s*$")
_MIN_GAP = 8  # lines between two occurrences of a running header/footer (a page has more)


def _classify(t: str) -> str | None:
    if _NUMBER.fullmatch(t):
        return "number"
    if rules.is_page_number(t):
        # "― 7 ―", "Page 3", "стр. 5": a bare roman numeral or "(1)" is no page number by itself
        worded = re.search(r"[^\W\d_]{2,}|[ページ頁]", t) is not None and not re.fullmatch(r"[ivxlcdm]+", t, re.I)
        return "page" if _DASHED.search(t) or worded else None
    if rules.is_issue_line(t) or rules.is_running_line(t) and _PAGE_AT_EDGE.search(rules.blank_dates(t)):
        return "footer"  # a page number beside a date: "Bulletin, May 2020 | 7"
    return None


def _repeated(texts: list[str | None]) -> set[int]:
    """Lines set apart by a blank line (not sentences, not a date alone) that come back at least
    three times at fairly regular intervals: every time but the first (which stays in the text)."""
    where: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        beside_blank = i == 0 or texts[i - 1] is None or i + 1 == len(texts) or texts[i + 1] is None
        if (t is not None and beside_blank and 4 <= len(t) <= 100 and not rules.ends_sentence(t)
                and not rules.is_dateline(t)):
            where.setdefault(t, []).append(i)
    out: set[int] = set()
    for idx in where.values():
        if len(idx) < 3:
            continue
        gaps = [b - a for a, b in zip(idx, idx[1:])]
        if min(gaps) >= _MIN_GAP and max(gaps) <= 2.5 * min(gaps):
            out.update(idx[1:])
    return out


def _page_breaks(texts: list[str | None], cand: dict[int, str], breaks: set[int]) -> dict[int, str]:
    """Lines repeated word for word at page breaks: a running header or footer.

    A line is at a page break when the nearest line before it (blank lines skipped) is a page
    number or a form feed comes between them and a blank line follows it (a header, "header"),
    when the nearest line after it is a page number or a form feed comes before it and a blank
    line comes before it (a footer, "footer"), or when it opens the document ("top"). A text whose copies, two or more and a page apart, all stand at page
    breaks on one side (the opening copy counting as a header), one of them next to a page
    number or a form feed, is page furniture: every copy but the opening one, which stays in
    the text as the masthead. A heading listed in a table of contents at the foot of a page and
    opening a later page stands on two sides and stays.
    """
    pages = {i for i, k in cand.items() if k == "page"}
    # bare numbers counting up a page apart, here with or without blank lines around them (a
    # running line beside each makes up for it)
    pages |= _page_sequence([[i] for i, k in cand.items() if k == "number"], texts, lone=False)
    if not pages and not breaks:
        return {}
    body = [i for i, t in enumerate(texts) if t is not None]
    # the first line of text after each form feed, and the last one before it
    after_cut = {body[k] for k in (bisect_left(body, b) for b in breaks) if k < len(body)}
    before_cut = {body[k - 1] for k in (bisect_left(body, b) for b in breaks) if k}
    side: dict[int, str] = {}
    for k, i in enumerate(body):
        if i in pages:
            continue
        prev = body[k - 1] if k else -1
        nxt = body[k + 1] if k + 1 < len(body) else len(texts)
        # set apart from the page's text by a blank line (a wrapped line of a paragraph is not)
        if (prev in pages or i in after_cut) and nxt > i + 1:
            side[i] = "header"
        elif (nxt in pages or i in before_cut) and prev < i - 1:
            side[i] = "footer"
    if not side:
        return {}
    if body and body[0] not in side:
        side[body[0]] = "top"
    where: dict[str, list[int]] = {}
    for i in sorted(side):
        if 4 <= len(texts[i]) <= 120:
            where.setdefault(texts[i], []).append(i)
    out: dict[int, str] = {}
    for idx in where.values():
        sides = {"header" if side[i] == "top" else side[i] for i in idx}
        if len(idx) < 2 or len(sides) > 1 or min(b - a for a, b in zip(idx, idx[1:])) < _MIN_GAP:
            continue
        out.update((i, side[i]) for i in idx if side[i] != "top")
    return out


def find(lines: list, width: int, breaks: set[int] = frozenset()) -> dict[int, tuple[str, int, str]]:
    """The furniture lines of a text (`lines`: stripped lines with .text.text, .width and
    .indent, None for a blank line; `width`: the wrap width, 0 if the text is not hard-wrapped;
    `breaks`: indices of the lines a form feed comes right before).

    A cluster of candidates (blank lines between them allowed) is furniture when it holds a
    dashed or worded page number, when it cuts a sentence (the line before fills the wrap width
    without ending it), or when it comes back at regular intervals (all but the first time).
    A line repeated at page breaks (`_page_breaks`) is a running header or footer."""
    texts = [ln.text.text if ln is not None else None for ln in lines]
    cand: dict[int, str] = {}
    for i, t in enumerate(texts):
        if t is not None:
            c = _classify(t)
            if c is not None:
                cand[i] = c
    heads = _page_breaks(texts, cand, breaks)
    for i in heads:
        cand[i] = "header"
    again = _repeated(texts)
    for i in again:
        cand.setdefault(i, "footer" if rules.has_date(texts[i]) else "running")
    if not cand:
        return {}
    clusters: list[list[int]] = []
    prev = None
    for i in sorted(cand):
        if prev is not None and all(texts[j] is None for j in range(prev + 1, i)):
            clusters[-1].append(i)
        else:
            clusters.append([i])
        prev = i
    singles = [c for c in clusters if len(c) == 1 and cand[c[0]] == "number"]
    sequence = _page_sequence(singles, texts)
    out: dict[int, tuple[str, int, str]] = {}
    page = 0
    first_text = next((i for i, t in enumerate(texts) if t is not None and i not in cand), len(texts))
    for c in clusters:
        kinds = {cand[i] for i in c}
        if "page" in kinds or c[0] in sequence or _splits_sentence(lines, c[0], width):
            take = c
        elif "header" in kinds:  # a running header, and the page number beside it
            take = [i for i in c if i in again or cand[i] in ("header", "number")]
        else:
            take = [i for i in c if i in again]
        if not take:
            continue
        page += 1
        pos = "footer" if first_text < c[0] else "header"
        for i in take:
            if i in heads:  # the page a running header opens is the next one
                out[i] = ("header", page + (heads[i] == "header" and any(j < i for j in take)), heads[i])
            else:
                out[i] = ("footer" if cand[i] == "footer" else "page", page, pos)
    return out


def _isolated(texts: list[str | None], i: int) -> bool:
    return (i == 0 or texts[i - 1] is None) and (i + 1 == len(texts) or texts[i + 1] is None)


def _page_sequence(singles: list[list[int]], texts: list[str | None], lone: bool = True) -> set[int]:
    """Lone numbers between blank lines (any numbers if not `lone`) counting up one by one, a
    page apart: page numbers."""
    idx = [c[0] for c in singles if not lone or _isolated(texts, c[0])]
    if len(idx) < 2:
        return set()
    vals = [int(texts[i]) for i in idx]
    ok = all(b == a + 1 for a, b in zip(vals, vals[1:])) and all(j - i >= _MIN_GAP for i, j in zip(idx, idx[1:]))
    return set(idx) if ok else set()


def _splits_sentence(lines: list, i: int, width: int) -> bool:
    """A lone number between a full line that does not end its sentence and the line that
    goes on with it: a page number left where the page broke."""
    if not width:
        return False
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j] is not None), None)
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j] is not None), None)
    if before is None or after is None:
        return False
    return (before.width >= 0.88 * width and not rules.ends_sentence(before.text.text)
            and not rules.starts_item(after.text.text) and not after.indent)
