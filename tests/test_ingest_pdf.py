"""PDF ingest: reading order of multi-column pages, furniture, tables, vertical text, bad PDFs.

The two-column fixture is drawn by the test with reportlab (Japanese in the built-in CID font
HeiseiMin-W3, no font files needed); the real documents come from ../shared/corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import IngestConfig
from pipeline.errors import IngestError
from pipeline.ingest import load
from pipeline.model import check_spans

CFG = IngestConfig()

JA_PARA = ("2021年3月5日に、北海道大学においてロシアの大学との学長会議を開催しました。会議には"
           "日露の大学から約120名が参加し、学生交流の拡大について議論しました。")
EN_LINES = ["The symposium brought together re-", "searchers from Hokkaido University",
            "and Far Eastern Federal University,", "who presented the results of joint",
            "projects on the environment."]
EN_PARA = ("The symposium brought together researchers from Hokkaido University and Far Eastern "
           "Federal University, who presented the results of joint projects on the environment.")
EN_PARA2 = "Students from both countries joined an online session."
HEADER = "Exchange Bulletin No.12 2021年3月"


def _wrap_ja(text: str, width: float, font: str, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, cur = [], ""
    for ch in text:
        if stringWidth(cur + ch, font, size) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur else lines


def _make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    ja, size, lead = "HeiseiMin-W3", 10, 14
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("")
    col_w, left_x, right_x = 220, 56, 316

    def furniture(n: int) -> None:
        c.setFont(ja, 7)
        c.drawString(50, h - 30, HEADER)
        c.drawCentredString(w / 2, 30, f"- {n} -")

    # page 1: Japanese in the left column, English in the right one (same baselines)
    furniture(1)
    y = h - 80
    c.setFont(ja, 14)
    c.drawString(left_x, y, "日露学長会議を開催")
    y -= 30
    c.setFont(ja, size)
    for i, line in enumerate(_wrap_ja(JA_PARA, col_w, ja, size)):
        c.drawString(left_x, y - i * lead, line)
    c.setFont("Helvetica", size)
    for i, line in enumerate(EN_LINES):
        c.drawString(right_x, y - i * lead, line)
    c.drawString(right_x, y - (len(EN_LINES) + 1) * lead, EN_PARA2)
    c.showPage()
    # page 2: a ruled table
    furniture(2)
    c.setFont(ja, size)
    c.drawString(left_x, h - 80, "参加大学の内訳は次のとおりです。")
    xs, ys = [56, 200, 330], [h - 100, h - 120, h - 140, h - 160]
    c.grid(xs, ys)
    rows = [("国", "参加者数"), ("日本", "70名"), ("ロシア", "50名")]
    for r, (a, b) in enumerate(rows):
        c.drawString(xs[0] + 4, ys[r] - 15, a)
        c.drawString(xs[1] + 4, ys[r] - 15, b)
    c.drawString(left_x, h - 190, "以上のとおり報告します。")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    path = tmp_path_factory.mktemp("ingest") / "bulletin.pdf"
    _make_pdf(path)
    return load(path, "bulletin", "bulletin.pdf", CFG)


def test_two_columns_read_column_by_column(bulletin):
    text = bulletin.text
    assert JA_PARA in text  # Japanese lines re-joined with no space
    assert EN_PARA in text  # English lines with one space, "re-/searchers" without the hyphen
    assert text.index(JA_PARA) < text.index(EN_PARA) < text.index(EN_PARA2)
    assert check_spans(bulletin) == []


def test_heading_by_font_size(bulletin):
    first = bulletin.blocks[0]
    assert (first.kind, bulletin.text[first.start:first.end], first.page) == ("heading", "日露学長会議を開催", 1)


def test_furniture_out_of_the_text_with_date_hint(bulletin):
    assert "Exchange Bulletin" not in bulletin.text and "- 1 -" not in bulletin.text
    furn = {(f.text, f.page, f.position) for f in bulletin.furniture}
    assert (HEADER, 1, "header") in furn and ("- 2 -", 2, "footer") in furn
    assert ("pdf_header", HEADER) in bulletin.published_hints
    assert bulletin.source.pages == 2 and bulletin.source.format == "pdf"


def test_ruled_table_becomes_cells(bulletin):
    cells = [(b.row, b.col, bulletin.text[b.start:b.end], b.page) for b in bulletin.blocks if b.kind == "table_cell"]
    assert cells == [(0, 0, "国", 2), (0, 1, "参加者数", 2), (1, 0, "日本", 2), (1, 1, "70名", 2),
                     (2, 0, "ロシア", 2), (2, 1, "50名", 2)]
    assert "国\t参加者数\n日本\t70名\nロシア\t50名" in bulletin.text
    assert bulletin.text.count("70名") == 1  # not repeated as a paragraph
    order = [bulletin.text.index(s) for s in ("参加大学の内訳", "国\t参加者数", "以上のとおり")]
    assert order == sorted(order)


# --- the real corpus -----------------------------------------------------------------------

def _real(shared_corpus: Path, rel: str):
    p = shared_corpus / rel
    doc = load(p, p.stem, rel, CFG)
    assert check_spans(doc) == []
    return doc


def test_seeds_pdf_002_reading_order(shared_corpus):
    doc = _real(shared_corpus, "seeds-pdf/002_3e3a63d572cda83e.pdf")
    for s in ("筑波大学東京キャンパス", "約160名が参加", "日露人材交流委員会", "2019年度の専門セクション"):
        assert s in doc.text
    assert "Exchange Newsletter" not in doc.text
    assert {f.text for f in doc.furniture} >= {"Exchange Newsletter", "- 1 -", "- 2 -"}


def test_seeds_pdf_001_english_not_interleaved(shared_corpus):
    doc = _real(shared_corpus, "seeds-pdf/001_1039b61ce686cfdd.pdf")
    assert ("Hokkaido University (HU), with the International Science and Technology Center (ISTC), "
            "heldthe Japan-Russia International Research Symposium") in doc.text
    assert ("Finally, Prof. Yasuhiro Yukimatsu,Director, Task Force for Research Strategy of HU,concluded "
            "that HU must addresshuman resourcedevelopment more actively") in doc.text


def test_seeds_pdf_text_matches_the_text_seed(shared_corpus):
    """The PDF typesetting of a seed reads back as the seed's own text (paragraph for paragraph)."""
    pdf = _real(shared_corpus, "seeds-pdf/002_3e3a63d572cda83e.pdf")
    txt = _real(shared_corpus, "seeds/002_3e3a63d572cda83e.txt")
    assert pdf.text == txt.text


def test_vertical_japanese(shared_corpus):
    doc = _real(shared_corpus, "pdf/pdfminer_jo.pdf")
    assert "わたくしといふ現象は" in doc.text
    assert "假定された有機交流電燈の" in doc.text
    assert doc.text.index("わたくしといふ現象は") < doc.text.index("假定された有機交流電燈の")


def test_real_table_pdf(shared_corpus):
    doc = _real(shared_corpus, "pdf/dedoc_example_table_with_90_orient_cells.pdf")
    assert any(b.kind == "table_cell" for b in doc.blocks)


BAD_PDFS = [
    ("pdf/pdfplumber_password-example.pdf", "encrypted PDF (password required)"),
    ("pdf/pdfjs_poppler-742-0-fuzzed.pdf", "corrupt PDF"),
    ("pdf/pdfjs_operator_list_cycle.pdf", "corrupt PDF"),
    ("pdf/dedoc_with_applications.pdf", "no text layer (scanned image?); OCR is not supported"),
]


@pytest.mark.parametrize("rel,reason", BAD_PDFS)
def test_bad_pdfs(shared_corpus, rel, reason):
    p = shared_corpus / rel
    with pytest.raises(IngestError) as e:
        load(p, p.stem, rel, CFG)
    assert e.value.reason.startswith(reason)


def test_truncated_pdf(tmp_path, shared_corpus):
    data = (shared_corpus / "seeds-pdf/001_1039b61ce686cfdd.pdf").read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[:300])
    with pytest.raises(IngestError, match="corrupt PDF|no text layer"):
        load(p, "cut", "cut.pdf", CFG)


def test_max_pages(shared_corpus):
    p = shared_corpus / "seeds-pdf/003_8502e5560c99daca.pdf"
    doc = load(p, p.stem, p.name, IngestConfig(max_pages=2))
    assert doc.source.pages == 5
    assert max(b.page for b in doc.blocks) == 2
    assert any("first 2 of 5 pages" in w for w in doc.warnings)
