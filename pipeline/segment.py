"""Segmentation: fugashi + unidic-lite tokens for Japanese blocks, sentence spans for all.

This is the only module that imports fugashi. One Tagger per process, created on first use
(its start-up failure is reported with fugashi's own advice, not as a crash later).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .config import Config
from .errors import StageError
from .model import Block, Document, Token

# Japanese sentences end at 。！？ (plus closing brackets); others at . ! ? followed by space
# and an upper-case letter or digit, or at the end of the block.
_JA_SENT = re.compile(r"[^。！？!?]*(?:[。！？!?]+[」』）)]*|$)")
_LATIN_SENT = re.compile(r"\S.*?(?:[.!?…]+[\"'”»)]*(?=\s+[\"'“«(]?[A-ZА-ЯЁ0-9])|$)", re.S)
# a period after these does not end a sentence
_ABBREV = re.compile(r"(?:\b(?:Prof|Dr|Mr|Mrs|Ms|St|No|Nos|Vol|vs|etc|Inc|Ltd|Co|Corp|Dept|Univ|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|проф|им|г|гг|т\.е|т\.д|ул|акад|др)|\b[A-ZА-Я])\.$")


@lru_cache(maxsize=1)
def tagger():
    try:
        import fugashi

        return fugashi.Tagger()
    except Exception as e:  # fugashi raises RuntimeError with its FAILMESSAGE
        raise StageError("segment", f"cannot start fugashi with unidic-lite ({e}); "
                         "reinstall with `pip install fugashi unidic-lite`") from e


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` with offsets shifted by `offset` (the block's start in the document).

    Reads MeCab's own output string (one line per token: surface, pronunciation, kana,
    lemma, pos1-pos2-..., ...) instead of fugashi's node objects: one call into C and a split
    per line, a quarter faster than reading each node's features."""
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    startswith, find = text.startswith, text.find
    pos_of = _POS.get
    for line in tagger().parse(text).split("\n"):
        f = line.split("\t", 5)
        if len(f) < 5:  # "EOS" and the empty last line
            continue
        s = f[0]
        if startswith(s, pos):
            i = pos
        else:  # whitespace MeCab skipped; never trust an offset we cannot check
            i = find(s, pos)
            if i < 0:
                continue
        pos = i + len(s)
        lemma = f[3]
        append(Token(s, lemma if lemma and lemma != "*" else s, pos_of(f[4]) or _pos(f[4]), offset + i, offset + pos))
    return tokens


_POS: dict[str, str] = {}  # UniDic pos1-pos2-pos3-pos4 -> "pos1-pos2" (a few hundred kinds)


def _pos(full: str) -> str:
    p = full.split("-", 2)
    short = _POS[full] = p[0] if len(p) < 2 or p[1] in ("", "*") else f"{p[0]}-{p[1]}"
    return short


def sentences(text: str, lang: str | None, offset: int = 0) -> list[list[int]]:
    """[start, end] spans of the sentences of one block (offsets into the document)."""
    pattern = _JA_SENT if lang == "ja" else _LATIN_SENT
    spans = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if spans and lang != "ja" and _ABBREV.search(text, 0, spans[-1][1] - offset):
            spans[-1][1] = offset + e  # "Prof. Ueda": the previous piece ended in an abbreviation
        else:
            spans.append([offset + s, offset + e])
    return spans


def segment(doc: Document, config: Config) -> None:
    """Tokens for Japanese blocks and sentence spans for every block with a language."""
    if not doc.language:
        raise StageError("segment", f"{doc.doc_id}: no language detected yet: run the language stage first")
    text = doc.text
    for b in doc.blocks:
        _segment_block(text, b)


def _segment_block(text: str, b: Block) -> None:
    t = text[b.start:b.end]
    b.sentences = sentences(t, b.lang, b.start) if b.lang else []
    b.tokens = tokenize(t, b.start) if b.lang == "ja" else []
