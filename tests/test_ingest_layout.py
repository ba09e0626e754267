"""Page layout: gutters between columns found from the x-distribution of the text (columns that
share baselines, full-width titles and figures across them), paragraphs in reading order.

The grid-typeset page is drawn by the test with reportlab (built-in CID font, no font files).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import IngestConfig
from pipeline.ingest import layout, load
from pipeline.ingest.layout import Line
from pipeline.model import check_spans
from test_ingest_pdf import _wrap_ja


def _ln(x0: float, x1: float, top: float, text: str = "x", size: float = 10.0) -> Line:
    return Line([], x0, x1, top, top + size, size, text)


def _column(x0: float, x1: float, tops, ragged: int = 0) -> list[Line]:
    return [_ln(x0, x1 - (ragged if i % 3 == 2 else 0), t) for i, t in enumerate(tops)]


GRID = [100 + 16 * i for i in range(20)]  # baselines shared by every column

GUTTER_CASES = [
    # two columns on the same baselines, a title across both, one photo caption in the gutter band
    ("shared baselines + title", _column(50, 285, GRID, 40) + _column(309, 545, GRID, 40)
     + [_ln(50, 315, 60, "title", 16)], [(285, 309)]),
    ("columns offset by 8 pt", _column(50, 285, GRID) + _column(309, 545, [t + 8 for t in GRID]), [(285, 309)]),
    ("photo in the right column", _column(50, 285, GRID) + _column(309, 545, GRID[12:])
     + [_ln(359, 495, GRID[11], "caption", 8)], [(285, 309)]),
    ("three columns", _column(40, 200, GRID) + _column(215, 375, GRID) + _column(390, 550, GRID),
     [(200, 215), (375, 390)]),
    ("one column", _column(50, 545, GRID, 200), []),
    # a form: "月額 ___ 円" blanks line up in a stripe of their own, which is no column
    ("form blanks", _column(98, 510, GRID[:8])
     + [ln for t in GRID[8:14] for ln in (_ln(156, 371, t), _ln(408, 429, t), _ln(492, 503, t))], []),
]


@pytest.mark.parametrize("name,frags,expected", GUTTER_CASES, ids=[c[0] for c in GUTTER_CASES])
def test_gutters(name, frags, expected):
    assert [(round(a), round(b)) for a, b in layout.gutters(frags)] == expected


def _texts(lines: list[Line]) -> list[str]:
    return [" / ".join(ln.text for ln in p.lines) for p in layout.paragraphs(lines, 50, 290, 8.0, 4.0)]


def _en(text: str, top: float, x1: float | None = None) -> Line:
    """An English line at 8 pt (about 4 pt a character), left edge 50, ending at x1."""
    return _ln(50, x1 if x1 is not None else 50 + 4 * len(text), top, text, 8.0)


PARAGRAPH_CASES = [
    # 16 pt left after the full stop (not two ems): "It" would have fitted, "Participants"
    # would not (about 4 pt a character)
    ("room for the next word", [_en("The forum opened in Sapporo on the", 100, 290),
                                _en("afternoon of Tuesday, 29 September, in the old hall too.", 112),
                                _en("It started with a report", 124, 290)],
     ["The forum opened in Sapporo on the / afternoon of Tuesday, 29 September, in the old hall too.",
      "It started with a report"]),
    ("no room for the next word", [_en("The forum opened in Sapporo on the", 100, 290),
                                   _en("afternoon of Tuesday, 29 September, in the old hall too.", 112),
                                   _en("Participants discussed research", 124, 290)],
     ["The forum opened in Sapporo on the / afternoon of Tuesday, 29 September, in the old hall too. / "
      "Participants discussed research"]),
    ("japanese: room for one more character", [
        _ln(50, 290, 100, "本学は2021年3月5日にロシアの大学との会議を開", 8.0),
        _ln(50, 270, 112, "催し、約120名が参加しました。", 8.0),
        _ln(50, 290, 124, "次回は本学で開催する予定です。会議の詳細は", 8.0)],
     ["本学は2021年3月5日にロシアの大学との会議を開 / 催し、約120名が参加しました。",
      "次回は本学で開催する予定です。会議の詳細は"]),
    ("japanese title, then its english title", [_ln(50, 290, 100, "日露サマースクール2022をウラジオストクで開催", 8.0),
                                               _en("Summer School 2022 held in Vladivostok", 112, 290)],
     ["日露サマースクール2022をウラジオストクで開催", "Summer School 2022 held in Vladivostok"]),
]


@pytest.mark.parametrize("name,lines,expected", PARAGRAPH_CASES, ids=[c[0] for c in PARAGRAPH_CASES])
def test_paragraphs(name, lines, expected):
    assert _texts(lines) == expected


# --- a grid-typeset bulletin page ----------------------------------------------------------

JA = "HeiseiMin-W3"
TITLE = "第4回日露大学間交流フォーラムを開催"  # 15 pt: past the gutter, narrower than the page
LEFT = [("11月12日(金),本学キャンパスにおいて日露大学間交流フォーラムを開催しました。"
         "日露あわせて15大学から学生・教職員約120名が参加しました。"),
        ("第1部では,学長及び在新潟ロシア連邦総領事館の総領事の挨拶に続き,極東連邦大学の"
         "副学長が基調講演を行いました。")]
RIGHT = [("第2部の学生セッションでは,日露の学生が六つのグループに分かれて研究発表を行い,"
          "参加者95名が活発に意見を交わしました。"),
         ("これに先立ち,9月29日から10月2日まで,オンライン短期研修を実施し,本学の学生18名が"
          "受講しました。")]
CAPTIONS = ("フォーラム会場", "発表する学生")


def _grid_page(path: Path, gutter: float) -> None:
    """Two columns on one baseline grid, a title across them, a photo box with a caption in
    each column (the left one mid-column, the right one at the top)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(JA))
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    size, lead, col_w = 10, 16, 236
    xs = (50, 50 + col_w + gutter)
    c.setFont(JA, 15)
    c.drawString(50, h - 80, TITLE)
    grid = [h - 120 - lead * i for i in range(34)]

    def flow(x: float, rows: list[int], paras: list[str]) -> None:
        c.setFont(JA, size)
        k = 0
        for para in paras:
            for line in _wrap_ja("\u3000" + para, col_w, JA, size):  # first line indented one em
                c.drawString(x, grid[rows[k]], line)
                k += 1

    def photo(x: float, first: int, last: int, caption: str) -> None:
        c.setFillGray(0.8)
        c.rect(x, grid[last], col_w, grid[first] - grid[last], stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(JA, 8)
        c.drawCentredString(x + col_w / 2, grid[last + 1], caption)

    photo(xs[0], 6, 14, CAPTIONS[0])
    flow(xs[0], list(range(0, 6)) + list(range(16, 34)), LEFT)
    photo(xs[1], 0, 10, CAPTIONS[1])
    flow(xs[1], list(range(12, 34)), RIGHT)
    c.showPage()
    c.save()


@pytest.fixture(scope="module", params=[23, 4], ids=["gutter 23pt", "gutter 1em"])
def grid_doc(tmp_path_factory, request):
    """A gutter of about one em (4 pt past the 230 pt of a full line) is narrower than the gap
    that cuts a row anyway: found as a white
    stripe through the page's glyphs."""
    path = tmp_path_factory.mktemp("layout") / "grid.pdf"
    _grid_page(path, request.param)
    return load(path, "grid", "grid.pdf", IngestConfig())


def test_grid_page_paragraphs_intact_in_column_order(grid_doc):
    paras = [grid_doc.text[b.start:b.end] for b in grid_doc.blocks]
    assert paras[0] == TITLE
    for p in LEFT + RIGHT:
        assert p in paras
    assert [paras.index(p) for p in LEFT + RIGHT] == sorted(paras.index(p) for p in LEFT + RIGHT)
    assert "在新潟ロシア連邦総領事館" in grid_doc.text and "9月29日から10月2日" in grid_doc.text
    assert check_spans(grid_doc) == []


def test_grid_page_captions_are_blocks_of_their_own(grid_doc):
    paras = [grid_doc.text[b.start:b.end] for b in grid_doc.blocks]
    assert all(cap in paras for cap in CAPTIONS)


def test_vertical_page_tiers_read_one_after_another(shared_corpus):
    """kampo.pdf: a vertical gazette page set in two tiers (dan-gumi); each tier is read whole
    before the next, its lines not interleaved with the other tier's."""
    p = shared_corpus / "pdf/pdfminer_kampo.pdf"
    doc = load(p, p.stem, "pdf/pdfminer_kampo.pdf", IngestConfig())
    assert ("内閣は、道路交通法の一部を改正する法律(平成十九年法律第九十号)の一部の施行に伴い、並びに道路交通法"
            "(昭和三十五年法律第百五号)第四条第一項") in doc.text
    assert "一の五 医療機関が、傷病者の緊急搬送をしようとする都道府県又は市町村の要請を受けて、当該傷病者" in doc.text
    assert check_spans(doc) == []
