"""Running headers and footers repeated word for word at page breaks of text converted from a
PDF (furniture._page_breaks): every copy but the opening masthead leaves doc.text for
doc.furniture, a dated one stays a publication hint; lines repeated elsewhere stay text."""
from __future__ import annotations

import unicodedata

import pytest

from test_ingest_furniture import _wrap
from test_ingest_text import _blocks, _load

EN = ("Students of the partner universities met on the campus for a week of lectures and field trips, and "
      "they presented their joint projects to the staff of both institutions at the closing session. ")
JA = ("本学と協定校の学生は一週間にわたり講義と実習に参加し、最終日には両大学の教職員を前に共同研究の成果を"
      "発表しました。参加した学生からは来年度も継続してほしいとの声が寄せられました。")
RU = ("Студенты университетов-партнёров провели неделю на кампусе, слушали лекции и выезжали в поле, "
      "а на заключительной сессии представили совместные проекты сотрудникам обоих вузов. ")

HEADERS = [
    # (name, body, wrap width, running line, page-number lines (a format with {n}), dated)
    ("en newsletter, page N of M", EN, 60, "EXCHANGE NEWSLETTER  Vol. 8 | Spring 2022", "Page {n} of 3", True),
    ("en undated running title, dashed numbers", EN, 60, "Annual Report on Academic Exchange", "– {n} –", False),
    ("ja bulletin, dashed numbers", JA, 30, "国際交流だより 第12号　令和4年10月発行", "― {n} ―", True),
    ("ja undated header, Nページ", JA, 30, "国際連携推進機構 活動報告", "{n}ページ", False),
    ("ru bulletin, Стр. N из M", RU, 60, "ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ  Вып. 3 (март 2021)", "Стр. {n} из 3", True),
    ("ru header, bare page numbers", RU, 60, "Отчёт о международной деятельности", "{n}", False),
]


def _paged(body: str, width: int, head: str, number: str, pages: int = 3, form_feed: bool = False) -> str:
    """`pages` pages of wrapped text, each opening with `head`; a page number ends each page,
    or a form feed does (`number` empty)."""
    out = []
    for n in range(1, pages + 1):
        page = "\n".join([head, ""] + _wrap(body * 2, width))
        out.append(page + ("\n\n" + number.format(n=n) if number else ""))
    return ("\n\f" if form_feed else "\n").join(out) + "\n"


@pytest.mark.parametrize("name,body,width,head,number,dated", HEADERS, ids=[c[0] for c in HEADERS])
def test_running_header_at_page_breaks(tmp_path, name, body, width, head, number, dated):
    doc = _load(tmp_path, "a.txt", _paged(body, width, head, number))
    folded = " ".join(unicodedata.normalize("NFKC", head).split())
    assert doc.text.count(folded) == 1 and doc.text.startswith(folded)  # the masthead stays
    heads = [f for f in doc.furniture if f.text == folded]
    assert [(f.position, f.page) for f in heads] == [("header", 2), ("header", 3)]
    assert (("text_footer", folded) in doc.published_hints) is dated
    assert "caption" not in [k for k, _ in _blocks(doc)]


@pytest.mark.parametrize("name,body,width,head,number,dated", HEADERS, ids=[c[0] for c in HEADERS])
def test_two_pages_are_enough(tmp_path, name, body, width, head, number, dated):
    doc = _load(tmp_path, "a.txt", _paged(body, width, head, number, pages=2))
    folded = " ".join(unicodedata.normalize("NFKC", head).split())
    assert doc.text.count(folded) == 1
    assert [f.position for f in doc.furniture if f.text == folded] == ["header"]


@pytest.mark.parametrize("body,width,head", [(EN, 60, "Japan-Russia Exchange Review 2022"),
                                             (JA, 30, "日露交流レポート"), (RU, 60, "Обзор обменов 2022")])
def test_running_header_after_form_feeds(tmp_path, body, width, head):
    doc = _load(tmp_path, "a.txt", _paged(body, width, head, "", form_feed=True))
    assert doc.text.count(head) == 1
    assert [f.position for f in doc.furniture if f.text == head] == ["header", "header"]


@pytest.mark.parametrize("body,width,foot,number", [
    (EN, 60, "Office of International Affairs, Sample University", "- {n} -"),
    (JA, 30, "サンプル大学 国際交流課", "― {n} ―"),
    (RU, 60, "Управление международного сотрудничества", "Стр. {n}"),
])
def test_running_footer_before_page_numbers(tmp_path, body, width, foot, number):
    pages = ["\n".join(_wrap(body * 2, width) + ["", foot, number.format(n=n)]) for n in (1, 2, 3)]
    doc = _load(tmp_path, "a.txt", "\n\n".join(pages) + "\n")
    assert foot not in doc.text  # a footer has no masthead copy
    assert [f.position for f in doc.furniture if f.text == foot] == ["footer"] * 3


def test_a_page_break_inside_a_sentence_joins_up(tmp_path):
    words = EN.split()
    first, rest = " ".join(words[:20]), " ".join(words[20:])
    head, text = "EXCHANGE NEWSLETTER Vol. 8 | Spring 2022", []
    text = [head, "", *_wrap(EN * 3 + first, 60), "", "- 1 -", head, "", *_wrap(rest + " " + EN, 60), "", "- 2 -"]
    doc = _load(tmp_path, "a.txt", "\n".join(text) + "\n")
    assert first + " " + rest in doc.text


NOT_HEADERS = [
    # a section heading listed in the contents at the foot of page 1 and opening page 2
    ("contents entry and heading", ["Exchange Bulletin", "", "Contents", "Summer School", "", "- 1 -",
                                    "Summer School", "", EN, "", "- 2 -"], "Summer School", 2),
    # a phrase repeated inside paragraphs, not at page breaks
    ("phrase in paragraphs", ["Report", "", "Thank you all.", EN, "", "- 1 -", "", EN, "Thank you all.", EN,
                              "", "- 2 -"], "Thank you all.", 2),
    # one copy only after a page number: a heading, not a running header
    ("heading once", ["Report", "", EN, "", "- 1 -", "Second Part", "", EN, "", "- 2 -"], "Second Part", 1),
    # copies less than a page apart
    ("twice in a row", ["Report", "", "- 1 -", "Часть первая", "", "- 2 -", "Часть первая", "", RU, "", "- 3 -"],
     "Часть первая", 2),
]


@pytest.mark.parametrize("name,lines,kept,count", NOT_HEADERS, ids=[c[0] for c in NOT_HEADERS])
def test_repeated_content_stays(tmp_path, name, lines, kept, count):
    doc = _load(tmp_path, "a.txt", "\n".join(lines) + "\n")
    assert doc.text.count(kept) == count
    assert kept not in [f.text for f in doc.furniture]
