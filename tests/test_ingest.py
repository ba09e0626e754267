"""ingest.load: format by content, decoding, bad inputs, the Document it returns."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from pipeline.config import IngestConfig
from pipeline.errors import IngestError
from pipeline.ingest import load, load_mapped
from pipeline.model import check_spans


CFG = IngestConfig()


def _load(tmp_path: Path, name: str, data: bytes, config: IngestConfig = CFG):
    p = tmp_path / name
    p.write_bytes(data)
    return load(p, p.stem, name, config)


def _zip_bytes(tmp_path: Path) -> bytes:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("a.txt", "hello")
    return z.read_bytes()


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "empty file"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
    ("photo.txt", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "JPEG image"),
    ("junk.bin", bytes(range(256)) * 8, "binary data"),
    ("doc.html", b"PK\x05\x06" + b"\x00" * 18, "ZIP archive"),
    ("nul.txt", b"abc\x00def\x00" * 50, "binary data"),
]


@pytest.mark.parametrize("name,data,reason", BAD_INPUTS)
def test_bad_input_is_rejected_with_a_reason(tmp_path, name, data, reason):
    with pytest.raises(IngestError) as e:
        _load(tmp_path, name, data)
    assert reason in e.value.reason
    assert name in str(e.value)


def test_zip_archive_is_unsupported(tmp_path):
    with pytest.raises(IngestError, match="unsupported file type: ZIP"):
        _load(tmp_path, "report.docx", _zip_bytes(tmp_path))


def test_file_over_max_bytes_is_rejected(tmp_path):
    with pytest.raises(IngestError, match="file too large"):
        _load(tmp_path, "big.txt", b"a" * 2000, IngestConfig(max_bytes=1000))


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="cannot read"):
        load(tmp_path / "nope.txt", "nope", "nope.txt", CFG)


JA = "第2回日露産官学連携実務者会議を1月31日に開催し、約160名が参加しました。"

ENCODINGS = [
    # (name, bytes, expected encoding, format)
    ("sjis.html", f'<html><head><meta charset="Shift_JIS"><title>会議</title></head><body><p>{JA}</p></body></html>'.encode("cp932"), "cp932", "html"),
    ("eucjp.html", f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP"></head><body><article><p>{JA}</p></article></body></html>'.encode("euc_jp"), "euc_jp", "html"),
    ("cp932.html", f'<html><head><meta charset="windows-31j"></head><body><p>①{JA}㈱</p></body></html>'.encode("cp932"), "cp932", "html"),
    ("lying.html", f'<html><head><meta charset="Shift_JIS"></head><body><p>{JA}</p></body></html>'.encode("utf-8"), "utf-8", "html"),
    ("nodecl.txt", (JA + "\n" + JA).encode("cp932"), "cp932", "text"),
    ("bom.txt", b"\xef\xbb\xbf" + JA.encode("utf-8"), "utf-8-bom", "text"),
    ("utf16.txt", JA.encode("utf-16"), "utf-16-le", "text"),
    ("ru.txt", ("Студенты из Москвы и Токио провели совместный семинар в мае 2019 года. " * 3).encode("cp1251"), "cp1251", "text"),
]


@pytest.mark.parametrize("name,data,enc,fmt", ENCODINGS)
def test_decoding(tmp_path, name, data, enc, fmt):
    doc = _load(tmp_path, name, data)
    assert doc.source.format == fmt
    assert doc.source.encoding == enc
    assert ("約160名が参加" in doc.text) or ("Москвы" in doc.text)
    assert check_spans(doc) == []


def test_source_fields(tmp_path):
    data = f"<!doctype html><title>t</title><p>{JA}</p>".encode()
    doc = _load(tmp_path, "page.txt", data)  # HTML by content, whatever the extension
    assert doc.source.format == "html"
    assert doc.source.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source.bytes == len(data)
    assert doc.source.path == "page.txt"


def test_blocks_are_separated_by_blank_lines(tmp_path):
    doc = _load(tmp_path, "a.txt", "Title line\n\nFirst paragraph here.\n\nSecond paragraph here.".encode())
    assert doc.text == "Title line\n\nFirst paragraph here.\n\nSecond paragraph here."
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert [b.id for b in doc.blocks] == [0, 1, 2]


# --- the real corpus -----------------------------------------------------------------------

REAL_DECODING = [
    ("html/nokogiri_2ch.html", "cp932", "掲示板"),
    ("html/postlight_www.elecom.co.jp.html", "utf-8", "キーボード"),  # meta says Shift_JIS: it lies
    ("html/dedoc_example_cp1251.html", "cp1251", "Какие то определения"),
    ("html/trafilatura_nhk.or.jp.k100.html", "utf-8-bom", "体罰を禁止"),
    ("txt/dedoc_cp1251.txt", "cp1251", "Монтегю"),
    ("txt/aozora2html_chukiichiran_kinyurei.txt", "cp932", "青空文庫"),
]


@pytest.mark.parametrize("rel,enc,needle", REAL_DECODING)
def test_real_decoding(shared_corpus, rel, enc, needle):
    p = shared_corpus / rel
    doc = load(p, p.stem, rel, CFG)
    assert doc.source.encoding == enc
    assert needle in doc.text
    assert "縺" not in doc.text  # no UTF-8-read-as-Shift_JIS mojibake
    assert check_spans(doc) == []


def test_text_offsets_map_back_into_the_decoded_file(shared_corpus):
    p = next((shared_corpus / "seeds").glob("002_*.txt"))
    loaded = load_mapped(p, p.stem, p.name, CFG)
    text, m = loaded.doc.text, loaded.offsets
    i = text.index("約160名")
    s, e = m.to_source(i, i + 5)
    assert loaded.source[s:e] == "約160名"
    assert m.starts == sorted(m.starts) and m.ends == sorted(m.ends)
    assert all(0 <= a <= b <= len(loaded.source) for a, b in zip(m.starts, m.ends))


def test_control_characters_become_replacement_characters(tmp_path):
    """Controls (an escape sequence, DEL, a C1 control) would break JSON/XML consumers: each
    becomes U+FFFD, one for one, and the document serialises."""
    from pipeline import output

    doc = _load(tmp_path, "c.txt", "Hello \x01 world \x7f and \x1b[31m red \x9b text.\n".encode("utf-8"))
    assert doc.text == "Hello \ufffd world \ufffd and \ufffd[31m red \ufffd text."
    assert check_spans(doc) == []
    output.document_json(doc).encode("utf-8")
