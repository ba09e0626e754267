"""Tokens of Latin/Cyrillic text for the English and Russian discovery rules: words,
dotted abbreviations (Co., St., M.V.), words joined by a hyphen or an unspaced en dash
(Japan–Russia), «quoted names», punctuation, and gazetteer matches
folded into single tokens."""
from __future__ import annotations

import re

from .gazetteer import Found

_TOK = re.compile(r"(?:[A-ZА-ЯЁ]\.){2,}|[0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]+(?:[-‐–][0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]+)*"
                  r"|[’'](?:s\b)?|«[^»\n]{1,60}»|[\u3000-\u9fff\uff00-\uffef]+|\S")
_ABBR_DOT = {"Co", "St", "Ltd", "Inc", "Corp", "Dr", "Mt", "Jr"}
CYR = re.compile(r"[А-Яа-яЁё]")
LAT = re.compile(r"[A-Za-z]")


class Tok:
    __slots__ = ("text", "start", "end", "gaz")

    def __init__(self, text: str, start: int, end: int, gaz: Found | None = None):
        self.text, self.start, self.end, self.gaz = text, start, end, gaz

    def __repr__(self) -> str:
        return f"Tok({self.text!r})"


def tokens(text: str, start: int, end: int, gaz: list[Found]) -> list[Tok]:
    """Words and punctuation of text[start:end]; gazetteer matches as single tokens."""
    out: list[Tok] = []
    gaz = sorted((f for f in gaz if start <= f.start and f.end <= end), key=lambda f: f.start)
    gi = 0
    pos = start
    while pos < end:
        if gi < len(gaz) and gaz[gi].start <= pos:
            f = gaz[gi]
            if f.start >= pos or not out or out[-1].gaz is not f:
                out.append(Tok(text[f.start:f.end], f.start, f.end, f))
            pos = max(pos, f.end)
            gi += 1
            continue
        stop = gaz[gi].start if gi < len(gaz) else end
        for m in _TOK.finditer(text, pos, stop):  # the words up to the next gazetteer match
            s, e = m.span()
            if s < pos:
                continue  # the dot already taken by an abbreviation (Co.)
            w = m.group()
            if (w in _ABBR_DOT or (len(w) == 1 and w.isupper())) and text[e:e + 1] == ".":
                e += 1
            out.append(Tok(text[s:e], s, e))
            pos = e
        pos = max(pos, stop)
    return out


def cap(t: Tok) -> bool:
    return t.gaz is None and t.text[:1].isupper() and t.text[:1].isalpha()


def academy(f: Found) -> bool:
    """An academy or one of its branches (Russian Academy of Sciences, its Siberian Branch): its
    institutes are organisations in their own right, named with the academy ("Institute of X of
    the Siberian Branch of the Russian Academy of Sciences")."""
    return f.source == "gazetteer" and "Academy" in f.en.split()
