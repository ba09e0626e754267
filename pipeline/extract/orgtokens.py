"""Tokens of Latin/Cyrillic text for the English and Russian discovery rules: words,
dotted abbreviations (Co., St., M.V.), words joined by a hyphen or an unspaced en dash
(Japan–Russia), «quoted names», punctuation, and gazetteer matches
folded into single tokens; all-caps English read title-cased (decap)."""
from __future__ import annotations

import re

from .gazetteer import Found
from .orgwords import OrgWords

_TOK = re.compile(r"(?:[A-ZА-ЯЁ]\.){2,}|[0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]+(?:[-‐–][0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]+)*"
                  r"|[’'](?:s\b)?|«[^»\n]{1,60}»|[\u3000-\u9fff\uff00-\uffef]+|\S")
_ABBR_DOT = {"Co", "St", "Ltd", "Inc", "Corp", "Dr", "Mt", "Jr"}
CYR = re.compile(r"[А-Яа-яЁё]")
LAT = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")


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
    return t.gaz is None and (t.text[:1].isupper() and t.text[:1].isalpha() or _DIGIT_CAP.match(t.text) is not None)


_DIGIT_CAP = re.compile(r"[0-9]+-?[A-ZА-ЯЁ]")  # "3M Company", "7-Eleven Japan", "21st" is not


def academy(f: Found) -> bool:
    """An academy or one of its branches (Russian Academy of Sciences, its Siberian Branch): its
    institutes are organisations in their own right, named with the academy ("Institute of X of
    the Siberian Branch of the Russian Academy of Sciences")."""
    return f.source == "gazetteer" and "Academy" in f.en.split()


_CAPS_CONNECTORS = {"OF": "of", "AND": "and", "FOR": "for", "THE": "the", "ON": "on", "IN": "in",
                    "AT": "at", "TO": "to", "DE": "de"}


def _upper(t: Tok) -> bool:
    return t.gaz is None and t.text.isupper() and bool(LAT.search(t.text))


def _title(word: str) -> str:
    return re.sub(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", lambda m: m[0][0] + m[0][1:].lower(), word)


def decap(toks: list[Tok], w: OrgWords) -> list[Tok]:
    """All-caps English ("JAPAN–RUSSIA MEDICAL EDUCATION CONSORTIUM", "UNIVERSITY OF TOYAMA"):
    in a run of two or more upper-case words, one of them an organisation word, the words are
    read title-cased (same length: offsets hold) and OF/AND/FOR/THE as lower-case connectors;
    legal forms and heads written in capitals (JSC, LLC) stay as they are."""
    out = list(toks)
    i, n = 0, len(toks)
    while i < n:
        if not _upper(toks[i]):
            i += 1
            continue
        j = i
        while j < n and (_upper(toks[j]) or toks[j].gaz is not None or toks[j].text in ("&", "–", "-")):
            j += 1
        run = [t for t in toks[i:j] if _upper(t)]
        long_ = [t for t in run if len(t.text) >= 3 and t.text not in _CAPS_CONNECTORS]
        if len(long_) >= 2 and any(_title(t.text) in w.en_heads for t in run):
            for k in range(i, j):
                t = toks[k]
                if not _upper(t) or t.text in w.en_heads or t.text in w.en_company_prefixes:
                    continue
                new = _CAPS_CONNECTORS.get(t.text) or _title(t.text)
                if len(new) == len(t.text):
                    out[k] = Tok(new, t.start, t.end)
        i = j
    return out


def before_masthead(ch: list[Tok], h: int, e: int, w: OrgWords) -> int:
    """The last token of a name ch[..h..e] whose complement runs into a publication's title
    ("School of Engineering Global Lab News", "Institute of Physics Bulletin", "Faculty of Arts and
    Design Alumni Newsletter"): the complement's first word (of its last "and"/"of" part), the
    rest being the publication's own words; e when no publication word follows that word."""
    c = next((k for k in range(h + 1, e + 1) if cap(ch[k])), None)
    p = next((k for k in range(c + 1, e + 1) if ch[k].text in w.en_publications), None) if c else None
    if p is None:
        return e
    ands = [k for k in range(c, p) if ch[k].text in ("and", "&", "of", "for", "on", "the")]
    c = ands[-1] + 1 if ands else c  # "Society for the Promotion of Science News"
    return c if c < p else e

