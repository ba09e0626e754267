"""What a file is, by its content (the extension only breaks ties between HTML and text)."""
from __future__ import annotations

import re

from ..errors import IngestError

# magic numbers of formats we are sure not to read: (prefix, what it is)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"BM", None),  # too short to be sure: checked with the binary test below
    (b"RIFF", "RIFF media file"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"), (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 file (DOC/XLS/PPT)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", None), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"), (b"\xfd7zXZ\x00", "XZ archive"),
    (b"\x7fELF", "ELF executable"), (b"MZ", None),
    (b"%!PS", "PostScript file"), (b"{\\rtf", "RTF document"),
    (b"\x00\x00\x01\x00", "icon image"), (b"OggS", "Ogg media file"), (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"), (b"\x1aE\xdf\xa3", "Matroska/WebM video"), (b"wOFF", "web font"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|\?xml[^>]*>\s*<(!doctype\s+)?html)",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(html|head|body|title|meta|div|p|table|article)[\s>/]", re.IGNORECASE)
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
# control bytes that never occur in text (TAB, LF, FF, CR and ESC for ISO-2022-JP are allowed)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            return head[len(bom):]
    return head


def sniff(data: bytes, name: str, path: str = "") -> str:
    """'pdf', 'html' or 'text'; raises IngestError for empty, binary or unsupported files."""
    if not data.strip():
        raise IngestError(path, "empty file" if not data else "empty file (whitespace only)")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise IngestError(path, f"unsupported file type: {what}, not PDF, HTML or text")
    if data.startswith(_UTF16_BOMS) or data.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        decoded = None
        for codec in ("utf-32", "utf-16"):
            try:
                decoded = data[:4096 - 4096 % 4].decode(codec, errors="ignore")
                break
            except UnicodeDecodeError:
                continue
        if decoded is not None:
            return "html" if re.search(r"<(html|body|head)[\s>]", decoded[:2000], re.I) else "text"
    sample = data[:8192]
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    if ctrl > max(2, len(sample) // 100):
        raise IngestError(path, "binary data, not a document (unsupported type; "
                          f"{ctrl} control bytes in the first {len(sample)} bytes)")
    body = _strip_bom(data[:4096])
    if _HTML_START.match(body):
        return "html"
    if name.lower().endswith(_HTML_EXT) and _HTML_TAGS.search(body):
        return "html"
    if len(_HTML_TAGS.findall(body)) >= 3 and b"</" in body:
        return "html"
    return "text"
