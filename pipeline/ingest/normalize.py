"""Unicode normalisation and line re-joining, kept reversible through a char-level offset map.

A `Mapped` string carries, for every character of the normalised text, the span of the source
text it came from (`starts[i]`, `ends[i]`, end exclusive). Characters that ingest inserts itself
(the space that joins two English lines, block separators) map to the source characters they
replace (the line break) or to an empty span at their position. Dropped characters (a soft
hyphen, the hyphen of a word wrapped across lines, the line break between Japanese lines) simply
have no counterpart. Both arrays are non-decreasing, so any span of the normalised text maps back
to one span of the source (`to_source`).

NFKC is applied where it is safe: full-width ASCII letters/digits/punctuation become ASCII,
half-width katakana become full-width (with their voicing marks), compatibility ideographs and
Kangxi radicals become the unified ideographs. Characters whose NFKC form changes what they say
are kept as they are: circled and parenthesised numbers (①, ⑴ are list markers, not the number),
superscripts/subscripts (m²), vulgar fractions (½) and the ellipsis.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

#: Characters removed outright (no output, no offset): format characters that only hinder matching.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
#: Compatibility decompositions whose NFKC result changes meaning (see the module docstring).
_UNSAFE_TAGS = ("<circle>", "<super>", "<sub>", "<fraction>")
_KEEP = frozenset("\u2026\u2025")  # … ‥ keep their length


@dataclass(slots=True)
class Mapped:
    """A string with, for every character, the [start, end) span of the source it came from."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, s: str, base: int = 0) -> "Mapped":
        return cls(s, list(range(base, base + len(s))), list(range(base + 1, base + len(s) + 1)))

    @classmethod
    def synthetic(cls, s: str, start: int, end: int | None = None) -> "Mapped":
        """Inserted text standing for source[start:end] (empty span when end is None)."""
        end = start if end is None else end
        return cls(s, [start] * len(s), [end] * len(s))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, sl: slice) -> "Mapped":
        return Mapped(self.text[sl], self.starts[sl], self.ends[sl])

    def __add__(self, other: "Mapped") -> "Mapped":
        return Mapped(self.text + other.text, self.starts + other.starts, self.ends + other.ends)

    def extend(self, other: "Mapped") -> None:
        self.text += other.text
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def strip(self) -> "Mapped":
        s = self.text
        rest = s.lstrip()
        i = len(s) - len(rest)
        return self[i:i + len(rest.rstrip())]

    def collapse_spaces(self) -> "Mapped":
        """Runs of whitespace become one space (mapped to the first of the run)."""
        s = self.text
        if "  " not in s and not _OTHER_SPACE.search(s):
            return self
        out, st, en = [], [], []
        prev_space = False
        for i, c in enumerate(s):
            if c.isspace():
                if prev_space:
                    en[-1] = self.ends[i]
                    continue
                c, prev_space = " ", True
            else:
                prev_space = False
            out.append(c)
            st.append(self.starts[i])
            en.append(self.ends[i])
        return Mapped("".join(out), st, en)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that the normalised span [start, end) came from."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], max(self.ends[start:end])


_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than a plain space (str.isspace's set)

# Same-meaning variants that legacy Japanese encodings disagree on (Shift_JIS decoders give
# U+301C WAVE DASH where CP932 gives U+FF5E FULLWIDTH TILDE): folded to one form, length kept.
_FOLD = {"\u301c": "~"}


@lru_cache(maxsize=4096)
def _safe_nfkc(cluster: str) -> str:
    if len(cluster) == 1:
        c = cluster
        if c in _DROP:
            return ""
        if c in _FOLD:
            return _FOLD[c]
        if c.isascii() or c in _KEEP:
            return c
        decomp = unicodedata.decomposition(c)
        if decomp.startswith(_UNSAFE_TAGS):
            return c
    out = unicodedata.normalize("NFKC", cluster)
    if any(ch in _DROP for ch in out):
        out = "".join(ch for ch in out if ch not in _DROP)
    return out


def _is_mark(c: str) -> bool:
    # combining marks and the half-width voicing marks that NFKC composes with the kana before
    return c in "\uff9e\uff9f" or (not c.isascii() and unicodedata.combining(c) != 0)


class _OneForOne(dict):
    """str.translate table of the characters whose safe NFKC is one character (full-width
    ASCII, half-width katakana, ...): filled on first sight. Characters that need the
    cluster-by-cluster path (combining marks, expansions, deletions) go to `_CLUSTERED`."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        norm = _safe_nfkc(c)
        if len(norm) != 1 or _is_mark(c):
            _CLUSTERED.add(c)
            norm = c
        self[code] = norm
        return norm


_CLUSTERED: set[str] = set()
_ONE_FOR_ONE = _OneForOne()


@lru_cache(maxsize=64)
def _cluster_pattern(clustered: frozenset[str]) -> re.Pattern:
    """The clusters that need `_safe_nfkc` one by one: a base character (or none, at the start)
    with the combining marks after it, or a character whose safe NFKC is not one character."""
    marks = "".join(sorted(c for c in clustered if _is_mark(c)))
    other = "".join(sorted(c for c in clustered if not _is_mark(c)))
    alts = []
    if marks:
        alts.append(f"[^{re.escape(marks)}]?[{re.escape(marks)}]+")
    if other:
        alts.append(f"[{re.escape(other)}]")
    return re.compile("|".join(alts), re.DOTALL)


def nfkc(s: str, base: int = 0, enabled: bool = True) -> Mapped:
    """NFKC where safe, cluster by cluster (a base character with its combining marks).

    Every output character maps to the source cluster it came from (offset by `base`).
    Only the runs of characters that NFKC may change are looked at (a `str.translate` table
    of the one-for-one changes); text with no mark and no expanding character (nearly all of
    it) keeps an identity offset map, otherwise the clusters holding such characters go one by
    one and the runs between them keep the translated text.
    """
    if not enabled or s.isascii():
        return Mapped.identity(s, base)
    pieces: list[str] = []
    seen: list[str] = []
    pos = 0
    for mt in _bmp_classes()[0].finditer(s):  # runs of characters NFKC may change
        run = mt.group()
        pieces += (s[pos:mt.start()], run.translate(_ONE_FOR_ONE))
        seen.append(run)
        pos = mt.end()
    if not seen:
        return Mapped.identity(s, base)
    pieces.append(s[pos:])
    fast = "".join(pieces)
    if _CLUSTERED.isdisjoint("".join(seen)):
        return Mapped.identity(fast, base)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for mt in _cluster_pattern(frozenset(_CLUSTERED)).finditer(s):
        i, j = mt.span()
        if pos < i:  # characters that are clusters of their own and one for one
            out.append(fast[pos:i])
            starts.extend(range(base + pos, base + i))
            ends.extend(range(base + pos + 1, base + i + 1))
        norm = _safe_nfkc(mt.group())
        out.append(norm)
        starts.extend([base + i] * len(norm))
        ends.extend([base + j] * len(norm))
        pos = j
    out.append(fast[pos:])
    starts.extend(range(base + pos, base + len(s)))
    ends.extend(range(base + pos + 1, base + len(s) + 1))
    return Mapped("".join(out), starts, ends)


# --- characters that break JSON/XML consumers -------------------------------------------------

#: Lone surrogates (no UTF-8 form), C0/C1 controls other than tab and line breaks, and the
#: non-characters U+FFFE/U+FFFF: each becomes U+FFFD, one code point for one, so offsets hold.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def scrub(s: str) -> str:
    """`s` with every character that JSON/XML consumers cannot take replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", s)


def scrub_mapped(m: Mapped) -> Mapped:
    text = scrub(m.text)
    return m if text == m.text else Mapped(text, m.starts, m.ends)


# --- line re-joining ------------------------------------------------------------------------

_HYPHENS = "-\u2010\u00ad"


def is_wide(c: str) -> bool:
    """Japanese/Chinese script or full-width punctuation: lines join with no space."""
    if c.isascii():
        return False
    return unicodedata.east_asian_width(c) in ("W", "F")


def _char_class(codes: list[int]) -> str:
    """A regex character class body for the code points `codes` (ascending), as ranges."""
    out: list[str] = []
    start = prev = None
    for c in [*codes, None]:
        if c is not None and prev is not None and c == prev + 1:
            prev = c
            continue
        if start is not None:
            out.append(re.escape(chr(start)) if start == prev else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = c
    return "".join(out)


@lru_cache(maxsize=1)
def _bmp_classes() -> tuple[re.Pattern, re.Pattern]:
    """Two regexes read off unicodedata once (the Basic Multilingual Plane; characters beyond
    it go the slow way): runs of the characters `nfkc` has to look at (NFKC changes them on
    their own, marks, dropped or folded characters, anything beyond the BMP), and runs of the
    characters that are not wide."""
    attention, wide = [], []
    for code in range(0x80, 0x10000):
        c = chr(code)
        if unicodedata.normalize("NFKC", c) != c or c in _DROP or c in _FOLD or _is_mark(c):
            attention.append(code)
        if is_wide(c):
            wide.append(code)
    astral = "\U00010000-\U0010ffff"
    return (re.compile(f"[{_char_class(sorted(attention))}{astral}]+"),
            re.compile(f"[^{_char_class(wide)}{astral}]+"))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s")  # str.isspace's set


def _wide_count(s: str) -> int:
    wide = _bmp_classes()[1].sub("", s)  # the wide characters and those beyond the BMP
    return sum(map(is_wide, wide)) if _ASTRAL.search(wide) else len(wide)


def display_width(s: str) -> int:
    """Display width of a line: wide characters count 2, every other character 1."""
    return len(s) if s.isascii() else len(s) + _wide_count(s)


def wide_share(s: str) -> float:
    """The share of wide characters among the characters of `s` that are not white space."""
    if s.isascii():
        return 0.0
    chars = _SPACE.sub("", s)
    return _wide_count(chars) / len(chars) if chars else 0.0


def joiner(prev: str, nxt: str) -> tuple[int, str]:
    """How two hard-wrapped lines join: (characters to drop from the end of prev, separator)."""
    if not prev or not nxt:
        return 0, ""
    a, b = prev[-1], nxt[0]
    if a in _HYPHENS and len(prev) >= 2 and prev[-2].isalpha() and not is_wide(prev[-2]):
        if b.islower():
            return 1, ""  # a word wrapped with a hyphen: inter-\nnational -> international
        return 0, ""  # Japan-\nRussia keeps its hyphen
    if is_wide(a) or is_wide(b):
        return 0, ""
    if a.isdigit() and b.isdigit():
        head = prev.rstrip("0123456789")
        if head and is_wide(head[-1]):
            return 0, ""  # a number wrapped inside Japanese text: 定員8\n0名 -> 定員80名 (not 7:50\n1日)
    return 0, " "


def join_lines(lines: list[Mapped]) -> Mapped:
    """Re-join the hard-wrapped lines of one paragraph (each line already stripped)."""
    lines = [ln for ln in lines if ln.text]
    if not lines:
        return Mapped()
    out = Mapped(lines[0].text, list(lines[0].starts), list(lines[0].ends))
    for ln in lines[1:]:
        drop, sep = joiner(out.text, ln.text)
        if drop:
            out = out[: len(out) - drop]
        if sep:
            # the space stands for what lay between the two lines in the source (the line break)
            gap_start = out.ends[-1] if out.ends else ln.starts[0]
            out.extend(Mapped.synthetic(sep, gap_start, max(gap_start, ln.starts[0])))
        out.extend(ln)
    return out
