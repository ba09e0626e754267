"""Language per block, deterministic: script evidence first, langdetect (seeded) for the rest.

- Kana (or Han with no Cyrillic/Latin majority) → "ja"; Cyrillic majority → "ru".
- Latin-script blocks long enough → langdetect with a fixed seed, restricted to what it
  is sure of; short Latin blocks (menu words, captions) inherit a neighbour's language.
- Document level: `primary` is the language with the most running text (a Japanese
  character weighs as much as two Latin/Cyrillic letters: about the information in one),
  `present` the languages with at least one whole sentence of running text
  (../shared/eval/GUIDELINES.md), not a lone menu word or a banner title.

This is the only module that imports langdetect.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .config import Config
from .model import Document

_KANA_CHARS = r"\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d"
_HAN_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f々〆"
_CYR = re.compile(r"[\u0400-\u04ff]")
# runs of one script: counting the characters of a few runs is cheaper than one match per character
_KANA_RUN = re.compile(f"[{_KANA_CHARS}]+")
_JA_RUN = re.compile(f"[{_KANA_CHARS}{_HAN_CHARS}]+")
_CYR_RUN = re.compile(r"[\u0400-\u04ff]+")
_LAT_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ASCII_NON_LETTERS = {i: None for i in range(128) if not chr(i).isalpha()}  # str.translate deletes them
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]+")
_JA_SENTENCE_END = re.compile(r"(。|[たすいるだ][。．]?$|ました|ます|です)")
_LATIN_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_BOILERPLATE = re.compile(r"(?i)copyright|all rights? reserved|©|\(c\)")

# English function words: a Latin block full of them is English without asking langdetect
# (which costs about a millisecond per block and is the slowest part of this stage)
_EN_FUNCTION = frozenset("the of and to in a is was were for on with by at from that as are be this "
                         "which has have it its an or their they will been not".split())
_LATIN_WORD = re.compile(r"[A-Za-z]+")

JA_WEIGHT = 2  # one Japanese character ≈ two alphabetic letters of running text
RUNNING_KINDS = frozenset({"paragraph", "heading", "title", "list_item", "table_cell", "caption"})


@lru_cache(maxsize=4)
def _factory(seed: int):
    """One seeded langdetect factory per seed, loaded once per process."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    f = DetectorFactory()
    f.load_profile(PROFILES_DIRECTORY)
    f.seed = seed
    return f


def _langdetect(text: str, seed: int, allowed: tuple[str, ...]) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    det = _factory(seed).create()
    det.n_trial = 3  # (default 7) seeded and deterministic either way; a block is not a book
    det.append(text[:1000])
    try:
        probs = det.get_probabilities()
    except LangDetectException:
        return None
    if not probs:
        return None
    best = probs[0]
    if best.lang in allowed or best.prob >= 0.9:
        return best.lang
    for p in probs:
        if p.lang in allowed:
            return p.lang
    return None


def _counts(text: str) -> tuple[int, int, int, int]:
    """(kana, han, cyrillic, latin) letters in `text`: an ASCII text has only Latin letters;
    otherwise the runs of each script are joined and measured."""
    if text.isascii():
        return 0, 0, 0, len(text.translate(_ASCII_NON_LETTERS))
    ja = len("".join(_JA_RUN.findall(text)))
    kana = len("".join(_KANA_RUN.findall(text))) if ja else 0
    return kana, ja - kana, len("".join(_CYR_RUN.findall(text))), len("".join(_LAT_RUN.findall(text)))


def script_counts(text: str) -> dict[str, int]:
    return dict(zip(("kana", "han", "cyr", "lat"), _counts(text)))


def classify(text: str, config: Config) -> tuple[str | None, bool]:
    """(language, sure) for one block's text. `sure` is False when the block is too short to say."""
    return _classify(text, _counts(text), config)


def _classify(text: str, counts: tuple[int, int, int, int], config: Config) -> tuple[str | None, bool]:
    kana, han, cyr, lat = counts
    ja = kana + han
    total = ja * JA_WEIGHT + cyr + lat
    if kana and ja * JA_WEIGHT >= 0.3 * total:
        return "ja", True
    if not text.isascii() and _HANGUL.search(text):  # Korean (hangul, perhaps with hanja or names)
        hangul = len(_HANGUL.findall(text))
        if hangul > cyr + lat and hangul * 2 > ja * JA_WEIGHT:
            return "ko", hangul >= 2
    if total == 0:
        return None, False
    if cyr >= 0.5 * total or (cyr > lat and cyr > ja * JA_WEIGHT):
        return "ru", cyr >= config.language.min_chars // 2
    if ja * JA_WEIGHT >= 0.5 * total:
        return "ja", ja >= 2
    # Latin script: English unless langdetect is sure of another language
    if lat < config.language.min_chars:
        return "en", False
    if "en" in config.language.languages and _clearly_english(text):
        return "en", True
    lang = _langdetect(text, config.language.seed, config.language.languages)
    return (lang or "en"), True


def _clearly_english(text: str) -> bool:
    """English function words make up a good share of the words, or the block is a short
    ASCII-only line (a title or a list item: other Latin-script languages show diacritics)."""
    words = _LATIN_WORD.findall(text[:2000].lower())
    hits = sum(map(_EN_FUNCTION.__contains__, words))
    if hits >= 4 and hits >= 0.2 * len(words) or hits >= 2 and hits >= 0.1 * len(words) and len(words) < 30:
        return True
    return len(text) <= 120 and text.isascii() and not re.search(r"\b(?:der|die|und|les|des|el|los|las|il)\b", text)


def _is_sentence(text: str, lang: str, config: Config) -> bool:
    """A whole sentence of running text, not a menu word, banner or copyright line."""
    if _BOILERPLATE.search(text):
        return False
    if lang == "ja":
        kana, han, _, _ = _counts(text)
        return kana >= 3 and (kana + han) * JA_WEIGHT >= config.language.present_min_chars \
            and bool(_JA_SENTENCE_END.search(text))
    words = _WORD.findall(text)
    if lang == "ru":
        words = [w for w in words if _CYR.search(w)]
    else:
        words = [w for w in words if not _CYR.search(w)]
    if sum(w[0].islower() for w in words) < 2:  # a name or a title, not a sentence
        return False
    if len(words) >= 12:
        return True
    return len(words) >= 5 and bool(_LATIN_SENTENCE_END.search(text))


def detect(doc: Document, config: Config) -> None:
    """Set block.lang on every block and doc.language {primary, present, blocks}."""
    text = doc.text
    sure: list[bool] = []
    counts = []  # per block, reused for the document-level weights below
    for b in doc.blocks:
        t = text[b.start:b.end]
        c = _counts(t)
        counts.append(c)
        b.lang, ok = _classify(t, c, config)
        sure.append(ok)
    # short Latin blocks with no evidence of their own inherit the nearest sure neighbour
    for i, b in enumerate(doc.blocks):
        if sure[i] or b.lang is None or b.lang == "ja":
            continue
        for j in _neighbours(i, len(doc.blocks)):
            if sure[j] and doc.blocks[j].lang:
                b.lang = doc.blocks[j].lang
                break
    weight: dict[str, int] = {}
    blocks: dict[str, int] = {}
    present: set[str] = set()
    for b, (kana, han, cyr, lat) in zip(doc.blocks, counts):
        if not b.lang:
            continue
        blocks[b.lang] = blocks.get(b.lang, 0) + 1
        if b.kind not in RUNNING_KINDS:
            continue
        t = text[b.start:b.end]
        w = (kana + han) * JA_WEIGHT if b.lang == "ja" else (cyr if b.lang == "ru" else lat)
        if b.lang == "ko":
            w = len(_HANGUL.findall(t)) * JA_WEIGHT
        weight[b.lang] = weight.get(b.lang, 0) + w
        if b.lang not in present and _is_sentence(t, b.lang, config):
            present.add(b.lang)
        present.update(_quoted_languages(t, b.lang, config, (kana, cyr, lat)) - present)
        if not t.isascii():
            present.update(_cjk_sentences(t) - present)
    primary = max(sorted(weight), key=lambda k: weight[k]) if weight else None
    if primary and not present:
        present.add(primary)
    doc.language = {"primary": primary, "present": sorted(present), "blocks": dict(sorted(blocks.items()))}


# a stretch of one script inside a block of another: a quoted sentence («Спасибо ... другим.»)
_RUNS = {
    "ru": re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\s,;:\-–—\"'«»()]*[\u0400-\u04ff][.!?…]?"),
    "ja": re.compile(r"[\u3041-\u30ff\u3400-\u9fff々][\u3041-\u30ff\u3400-\u9fff々、。！？「」『』（）・ー0-9]*[。！？]?"),
    "en": re.compile(r"[A-Za-z][A-Za-z\s,;:'’\-–]*[A-Za-z][.!?]?"),
}


def _quoted_languages(text: str, lang: str | None, config: Config,
                      counts: tuple[int, int, int] | None = None) -> set[str]:
    """Languages other than the block's own with a whole sentence inside the block.
    `counts` (kana, cyrillic, latin letters of the text) skip the scripts that cannot have one:
    a Japanese sentence has three kana, a Russian or English run starts with its letter."""
    found = set()
    kana, cyr, lat = counts if counts is not None else (3, 1, 1)
    for other, pattern in _RUNS.items():
        if other == lang or other not in config.language.languages:
            continue
        if other == "ja" and kana < 3 or other == "ru" and not cyr or other == "en" and not lat:
            continue
        for m in pattern.finditer(text):
            run = m.group()
            ends = run.rstrip("」』）)\"'»” ")[-1:]
            if len(run) >= 15 and _is_sentence(run, other, config) and (other == "en" or ends in (".", "!", "?", "…", "。", "！", "？")):
                found.add(other)
                break
    return found


def _neighbours(i: int, n: int):
    for d in range(1, n):
        for j in (i - d, i + d):
            if 0 <= j < n:
                yield j


# Korean and Chinese passages (a quoted partner, a greeting) count for `present` only: the
# blocks keep their language, so the extractors still read the dates and names around them.
_HANGUL_SENTENCE = re.compile(r"[\uac00-\ud7a3][\uac00-\ud7a3\s,·0-9A-Za-z()\-]*[.!?。](?!\w)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# a Han sentence without kana, with two characters Japanese does not write today (simplified
# forms, and traditional forms the Japanese reform replaced); shared ones (的, 会, 学, 過, 為,
# 給, 還, 没, 国) do not count
_ZH_ONLY = "们这说还个为过对时东见问题论讨虽让给从动发实现经进长开关书读认识谢欢应该际與來會從讓經學國實發關讀歡應對這說沒們"
_ZH_MARK = re.compile(f"[{_ZH_ONLY}]")
_HAN_SENTENCE = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff，、；：,0-9“”‘’《》]*[。！？]")


def _cjk_sentences(text: str) -> set[str]:
    """"ko" and "zh" when the text holds a whole sentence of Korean or Chinese."""
    found = set()
    if _HANGUL.search(text):
        for m in _HANGUL_SENTENCE.finditer(text):
            if len(_HANGUL.findall(m.group())) >= 10:
                found.add("ko")
                break
    if _ZH_MARK.search(text):
        for m in _HAN_SENTENCE.finditer(text):
            run = m.group()
            if len(run) >= 12 and len(set(_ZH_MARK.findall(run))) >= 2:
                found.add("zh")
                break
    return found
