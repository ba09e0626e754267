"""Page furniture in text converted from PDF (page numbers, periodical footers, running lines),
photo captions in PDF, and HTML heading/title kinds. Fixtures are generated here."""
from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest

from pipeline.config import IngestConfig
from pipeline.ingest import load, rules
from pipeline.ingest.normalize import joiner
from pipeline.model import check_spans

from test_ingest_text import _blocks, _load

CFG = IngestConfig()


def _wrap(text: str, width: int) -> list[str]:
    """Hard-wrapped as a PDF converter does: Japanese at any character, other text at spaces."""
    if " " in text:
        return textwrap.wrap(text, width)
    return [text[i:i + width] for i in range(0, len(text), width)]


JA = ("本学と極東連邦大学は学術交流協定に基づき、毎年度教員と学生の相互派遣を行っている。今年度は医療機器メーカー"
      "の見学会を実施し、会場の定員八十名に対してオンラインでも配信を行い、二日間で百名余りが視聴しました。")
EN = ("The delegation of the university visited the partner institution in Vladivostok and "
      "discussed the joint programme for students of engineering and medicine, which will start in autumn.")
RU = ("Делегация университета посетила партнёрский вуз во Владивостоке и обсудила совместную "
      "программу для студентов инженерных и медицинских специальностей, которая начнётся осенью.")


def _interrupted(body: str, width: int, at: int, furniture: list[str], blank: bool) -> str:
    """`body` hard-wrapped, with page furniture set between wrapped line `at` and the next."""
    lines = _wrap(body, width)
    sep = "\n\n" if blank else "\n"
    return "\n".join(lines[:at]) + sep + "\n".join(furniture) + sep + "\n".join(lines[at:]) + "\n"


FOOTER_CASES = [
    # (name, body, wrap width, furniture lines, blank lines around, footer kept as caption)
    ("ja dashed page number and bulletin footer", JA, 20, ["― 7 ―", "富山大学 学報 No.428 令和5年(2023年)11月"], True,
     "富山大学 学報 No.428 令和5年(2023年)11月"),
    ("ja footer with 第N号, no blank lines", JA, 20, ["北大時報 第791号 令和2年(2020年)2月", "- 12 -"], False,
     "北大時報 第791号 令和2年(2020年)2月"),
    ("ja bare page number", JA, 20, ["12"], True, None),
    ("en newsletter footer with page number", EN, 40, ["Exchange Newsletter Vol. 12, March 2021 | 7"], True,
     "Exchange Newsletter Vol. 12, March 2021 | 7"),
    ("en page word", EN, 40, ["Page 3"], False, None),
    ("ru bulletin footer", RU, 40, ["– 5 –", "Вестник университета № 5, май 2021 г."], True,
     "Вестник университета № 5, май 2021 г."),
]


@pytest.mark.parametrize("name,body,width,furn,blank,footer", FOOTER_CASES, ids=[c[0] for c in FOOTER_CASES])
def test_furniture_does_not_break_the_paragraph(tmp_path, name, body, width, furn, blank, footer):
    at = len(_wrap(body, width)) // 2
    # the cut falls inside a word or a sentence
    doc = _load(tmp_path, "a.txt", _interrupted(body, width, at, furn, blank))
    got = _blocks(doc)
    assert got[0] == ("paragraph", body)
    footer = footer and unicodedata.normalize("NFKC", footer)  # № → No, as in doc.text
    if footer is not None:
        assert ("caption", footer) in got
        assert ("text_footer", footer) in doc.published_hints
    pages = [f.text for f in doc.furniture]
    for ln in furn:
        ln = unicodedata.normalize("NFKC", ln)
        if ln != footer:
            assert ln in pages and ln not in doc.text


def test_repeated_running_line_goes_to_furniture(tmp_path):
    head = "Annual Report on Exchange with Russia"
    topics = ["the summer school", "the joint seminar", "the student exchange", "the research visit"]
    pages = []
    for t in topics:
        para = (f"This page tells what happened during {t} of the programme this year, who took part in it, "
                f"what was discussed at {t}, and what the partners decided to do next about {t}. ") * 3
        pages.append("\n".join([head, "", *_wrap(para, 60)]))
    doc = _load(tmp_path, "a.txt", "\n\n".join(pages))
    assert doc.text.count(head) == 1  # the first stays in the text, the others are page headers
    assert [f.text for f in doc.furniture] == [head] * 3


NOT_FURNITURE = [
    ("dateline", "Kanazawa News\n\nPosted on 5 November 2013\n\nThe symposium was held.", "Posted on 5 November 2013"),
    ("report number that is a date", "Final Report (summary)\nReport No. 2021-07\n\nThe project ended.", "Report No. 2021-07"),
    ("sentence naming an issue", "学報第3号は2020年4月に発行しました。\n\n本文です。", "学報第3号は2020年4月に発行しました。"),
    ("numbers of a flattened table", "Event\n\nParticipants\n\nForum\n\n12\n\nSeminar\n\n13\n\nWorkshop\n\n14", "13"),
    ("masthead at the top", "札幌大学 ニュースレター第14号(2023年2月)\n\n本学で講演会を開催しました。", "札幌大学 ニュースレター第14号(2023年2月)"),
]


@pytest.mark.parametrize("name,text,kept", NOT_FURNITURE, ids=[c[0] for c in NOT_FURNITURE])
def test_not_furniture(tmp_path, name, text, kept):
    doc = _load(tmp_path, "a.txt", text)
    assert kept in doc.text and "caption" not in [b.kind for b in doc.blocks]
    assert doc.furniture == []
    assert not any(src == "text_footer" for src, _ in doc.published_hints)


@pytest.mark.parametrize("line,expected", [
    ("富山大学 学報 No.428 令和5年(2023年)11月", True),
    ("JREX Newsletter Vol. 3, Winter 2023", True),
    ("Вестник университета № 5, май 2021 г.", True),
    ("ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ Вып. 5 (2023)", True),
    ("学報 12巻3号 2021年4月", True),
    ("Report No. 2021-07", False),
    ("本学は2019年に3号館を建設", False),
    ("2020年に第3号を発行しました。", False),
    ("No date here No. 5", False),
])
def test_is_issue_line(line, expected):
    assert rules.is_issue_line(line) is expected


@pytest.mark.parametrize("prev,nxt,expected", [
    ("会場の定員8", "0名に対し", (0, "")),
    ("参加者は約1", "20名", (0, "")),
    ("in 2019", "20 students came", (0, " ")),
    ("page 12", "3 people", (0, " ")),
    ("定員12", "0名", (0, "")),
    ("1日8:00", "1日7:50", (0, " ")),  # two values of a table cell
])
def test_number_wrapped_in_japanese_joins_without_space(prev, nxt, expected):
    assert joiner(prev, nxt) == expected


@pytest.mark.parametrize("line,expected", [
    ("写真：交流会の様子", True), ("写真 記念撮影", True), ("【写真】学長と学生", True), ("図2 参加者数の推移", True),
    ("Photo: students at FEFU", True), ("Fig. 3 The campus", True), ("Figure 1: map", True),
    ("Фото: участники форума", True), ("Рис. 1. Схема", True),
    ("写真展を開催した", False), ("図書館で講演", False), ("Photo exhibition in Tokyo", False),
    ("Figures show growth", False), ("Фото выставка", False),
])
def test_is_caption(line, expected):
    assert rules.is_caption(line) is expected


BODY_EN = ("Students of both universities took part in the joint summer school held on the campus, "
           "where they attended lectures on the environment and visited the laboratories of the faculty. ") * 3


def _pdf_with_photo(path: Path, caption: str, caption_size: float, above: bool = False) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("")
    y = h - 80
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, y, "Summer School on the Environment")
    y -= 30
    c.setFont("Helvetica", 10)
    words, line = BODY_EN.split(), ""
    lines = []
    for wd in words:
        if len(line) + len(wd) + 1 > 90:
            lines.append(line)
            line = ""
        line = (line + " " + wd).strip()
    lines.append(line)
    for ln in lines:
        c.drawString(60, y, ln)
        y -= 14
    y -= 20
    box_top, box_h = y, 150
    font = "Helvetica" if caption.isascii() else "HeiseiMin-W3"
    if above:
        c.setFont(font, caption_size)
        c.drawString(60, box_top, caption)
        box_top -= caption_size + 4
    c.rect(60, box_top - box_h, 300, box_h, stroke=1, fill=0)  # the photo's frame
    if not above:
        c.setFont(font, caption_size)
        c.drawString(60, box_top - box_h - caption_size - 4, caption)
    c.setFont("Helvetica", 10)
    c.drawString(60, box_top - box_h - 60, "The next session will take place in the autumn of the same year.")
    c.showPage()
    c.save()


@pytest.mark.parametrize("caption,size,above", [
    ("Participants in front of the main building", 8, False),  # small type under a box
    ("Участники летней школы", 8, True),  # small type over a box
    ("写真：サマースクールの参加者", 10, False),  # body size, but opens with 写真
    ("Fig. 2 The laboratory", 10, False),
])
def test_pdf_photo_caption(tmp_path, caption, size, above):
    p = tmp_path / "a.pdf"
    _pdf_with_photo(p, caption, size, above)
    doc = load(p, "a", "a.pdf", CFG)
    assert check_spans(doc) == []
    kinds = dict((t, k) for k, t in _blocks(doc))
    caption = unicodedata.normalize("NFKC", caption)
    assert kinds.get(caption) == "caption", _blocks(doc)
    assert kinds.get("Summer School on the Environment") == "heading"
    assert "caption" not in [k for k, t in _blocks(doc) if t != caption]


HTML = """<html><head><title>{title}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>
<h1>{h1}</h1>
<p>The symposium was held in Sapporo with 120 participants from both universities of the region.</p>
<h2>PROGRAMME</h2>
<p>Talks on the environment were given by researchers of both universities during two days.</p>
<h3>Третья секция</h3><p>Текст раздела про обмен студентами между университетами двух стран.</p>
<h4>第四節</h4><p>本学の学生が多数参加し、活発な意見交換が行われました。</p>
<h5>Fifth section</h5><p>More text follows here for the record of the meeting and its results.</p>
<h6>Notes</h6><p>The next symposium will be held in Vladivostok in the autumn of next year.</p>
</article></main></body></html>"""


@pytest.mark.parametrize("title,h1,first_kind", [
    ("Joint Symposium with FEFU | Hokkaido University", "Joint Symposium with FEFU", "title"),
    ("Hokkaido University – Joint Symposium with FEFU", "Joint Symposium with FEFU", "title"),
    ("日露学長会議を開催 ｜ 北海道大学", "日露学長会議を開催", "title"),
    ("Новости университета", "Совместный симпозиум с ДВФУ", "heading"),
])
def test_html_headings_and_title(tmp_path, title, h1, first_kind):
    doc = _load(tmp_path, "a.html", HTML.format(title=title, h1=h1))
    got = _blocks(doc)
    assert got[0] == (first_kind, h1)
    for h in ("PROGRAMME", "Третья секция", "第四節", "Fifth section", "Notes"):
        assert ("heading", h) in got


@pytest.mark.parametrize("s", ["令和元年5月", "R2年", "May 2021", "2021/7/3", "3.7.2019", "15 мая 2021 г.",
                               "Tuesday, March 3rd, 2020", "no date 12/3", "平成三十年"])
def test_date_hint_is_found_in_every_date(s):
    r = rules.rules()
    if r.has_date.search(s):
        assert r.date_hint.search(s)
    assert rules.has_date(s) == (r.has_date.search(s) is not None)
    assert rules.blank_dates(s) == r.has_date.sub(" ", s)
