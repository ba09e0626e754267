"""Decoding bytes to text: BOM, then UTF-8, then a declared charset that is verified, then
charset-normalizer. The only module that imports charset-normalizer.

A declaration is believed only when the bytes decode with it: a page whose meta says Shift_JIS
over UTF-8 bytes decodes as UTF-8 (valid UTF-8 is tried before any declaration, since legacy
Japanese or Cyrillic text is practically never valid UTF-8). Shift_JIS is read as CP932, its
Microsoft superset (①, ㈱, NEC/IBM extensions), the way browsers do.
"""
from __future__ import annotations

import codecs
import re

from ..errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# label -> Python codec, following the WHATWG encoding standard where it differs from Python
_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "ms932": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932",
    "cp932": "cp932",
    "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "eucjp": "euc_jp", "cseucpkdfmtjapanese": "euc_jp",
    "iso-2022-jp": "iso2022_jp_ext", "csiso2022jp": "iso2022_jp_ext",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "windows-1252": "cp1252",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
}
_SINGLE_BYTE_LATIN = {"cp1252", "latin_1", "iso8859-1", "ascii"}


def codec_name(label: str) -> str | None:
    """The Python codec for a charset label, or None when unknown."""
    label = label.strip().strip("'\"").lower()
    name = _ALIASES.get(label, label)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


# Among guesses that fit the bytes equally well, the encodings these documents actually use
# win (mac-cyrillic and cp1251 share the lower-case letters; short texts cannot tell them apart).
_PREFERRED = ("utf_8", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "cp1251", "koi8_r", "cp1252", "utf_16")


def _guess(data: bytes) -> str | None:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data[:200_000]))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + 0.02]
    for pref in _PREFERRED:
        for m in tied:
            if m.encoding == pref:
                return codec_name(m.encoding)
    return codec_name(best.encoding)


def decode(data: bytes, declared: str | None = None, path: str = "") -> tuple[str, str]:
    """(text, codec name). Raises IngestError when no encoding fits the bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            if text is not None:
                return text, codec + "-bom" if codec == "utf-8" else codec
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    codec = codec_name(declared) if declared else None
    if codec:
        text = _strict(data, codec)
        if text is not None and codec not in _SINGLE_BYTE_LATIN:
            return text, codec
        if text is not None:  # a Latin-1 label is believed only if nothing fits better
            guess = _guess(data)
            if guess and guess != codec and (alt := _strict(data, guess)) is not None:
                return alt, guess
            return text, codec
    guess = _guess(data)
    if guess:
        text = _strict(data, guess)
        if text is not None:
            return text, guess
    for codec in filter(None, (codec, guess)):
        text = data.decode(codec, errors="replace")
        if text.count("\ufffd") <= max(1, len(text) // 1000):
            return text, codec
    raise IngestError(path, "undecodable text: no character encoding fits the bytes"
                      + (f" (declared {declared!r} does not fit either)" if declared else ""))


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB (meta or XML declaration)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace") if m else None
