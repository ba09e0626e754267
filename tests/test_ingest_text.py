"""Plain text and HTML readers: paragraphs, re-joined lines, headings, datelines, main text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import IngestConfig
from pipeline.ingest import load, rules
from pipeline.model import check_spans

CFG = IngestConfig()


def _load(tmp_path: Path, name: str, data: str | bytes):
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    doc = load(p, p.stem, name, CFG)
    assert check_spans(doc) == []
    return doc


def _blocks(doc):
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


WRAPPED_JA = (
    "　１月３１日（金）に，筑波大学東京\n"
    "キャンパスにおいて「第２回日露産官\n"
    "学連携実務者会議」を開催しました。\n"
    "この会議は，本学と新潟大学で共同採\n"
    "択された事業の取り組みの一つです。\n"
    "　第１部では，本学の理事から始まり\n"
    "ました。\n"
)

TEXT_CASES = [
    ("japanese hard-wrapped mid-word", WRAPPED_JA, [
        ("paragraph", "1月31日(金)に,筑波大学東京キャンパスにおいて「第2回日露産官学連携実務者会議」を開催しました。"
                      "この会議は,本学と新潟大学で共同採択された事業の取り組みの一つです。"),
        ("paragraph", "第1部では,本学の理事から始まりました。"),
    ]),
    ("english hard-wrapped with a hyphenated word", (
        "The joint symposium on inter-university exchange was held at the\n"
        "Hokkaido University campus in Sapporo, where more than one hun-\n"
        "dred researchers from Japan and Russia discussed joint research.\n"), [
        ("paragraph", "The joint symposium on inter-university exchange was held at the Hokkaido University "
                      "campus in Sapporo, where more than one hundred researchers from Japan and Russia "
                      "discussed joint research."),
    ]),
    ("russian paragraphs, heading and dateline", (
        "Форум ректоров России и Японии\n\n22.11.2021\n\n"
        "В Москве прошёл форум ректоров. В нём приняли участие более 200 человек.\n"), [
        ("heading", "Форум ректоров России и Японии"),
        ("dateline", "22.11.2021"),
        ("paragraph", "В Москве прошёл форум ректоров. В нём приняли участие более 200 человек."),
    ]),
    ("short lines are not joined", "Gateway for:\nMember Countries\nPartners\n", [
        ("paragraph", "Gateway for:"), ("heading", "Member Countries"), ("heading", "Partners"),
    ]),
    ("list items", "・北海道大学\n・新潟大学\n1. Opening remarks by the rector\n", [
        ("list_item", "・北海道大学"), ("list_item", "・新潟大学"), ("list_item", "1. Opening remarks by the rector"),
    ]),
    ("japanese dateline", "令和2年2月3日\n\n本学で説明会を開催しました。\n", [
        ("dateline", "令和2年2月3日"), ("paragraph", "本学で説明会を開催しました。"),
    ]),
    ("japanese title then its english title", (
        "日露サマースクール2022をウラジオストクで開催しました\n"
        "Japan-Russia Summer School 2022 held in Vladivostok\n"), [
        ("heading", "日露サマースクール2022をウラジオストクで開催しました"),
        ("heading", "Japan-Russia Summer School 2022 held in Vladivostok"),
    ]),
]

# (previous line, next line, a paragraph break because the script changes)
SCRIPT_BREAKS = [
    ("国際シンポジウムを開催しました", "International Symposium on Arctic Research", True),
    ("本学で説明会を開催しました。", "The briefing was attended by 40 students.", True),
    ("ロシアとの交流事業を報告します", "\"Russia Week\" opened at Hokkaido University", True),
    ("共同研究の成果は", "Journal of Siberian Studies", False),  # a particle: the sentence goes on
    ("研究テーマは、", "Climate Change in the Arctic", False),
    ("【先端科学技術プログラム", "Program for Advanced Science】", False),  # inside brackets
    ("本学は", "NSUと大学間交流協定を締結しました。", False),  # a Latin word inside Japanese
    ("本学は", "the best", False),
    ("The forum ended with a joint statement.", "次回は本学で開催する予定です。", True),
    ("The forum was held in", "札幌で開催", False),
    ("Состоялся форум ректоров.", "The forum was held in Moscow.", False),  # no change to/from Japanese
]


@pytest.mark.parametrize("prev,nxt,expected", SCRIPT_BREAKS)
def test_script_break(prev, nxt, expected):
    assert rules.script_break(prev, nxt) is expected


@pytest.mark.parametrize("name,text,expected", TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_text_blocks(tmp_path, name, text, expected):
    assert _blocks(_load(tmp_path, "a.txt", text)) == expected


PARA_A = ("本事業では、日本とロシアの大学間交流に関して、これまでに蓄積された経験や情報を集約し、日露交流に活用する"
          "ためのプラットフォームを構築して交流拡大や人材育成を図るとともに、以下の取組を行った。")
PARA_B = ("事業採択校の北海道大学及び新潟大学に担当教職員を配置した上でプラットフォーム事務局とし、ロシア側の中心的"
          "役割を担うモスクワ大学を加えた4大学を「セントラル・オフィス」と位置づけた。")


def _blank_wrapped(text: str, width: int = 24) -> str:
    return "\n\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_text_wrapped_with_blank_lines_is_rejoined(tmp_path):
    """Text pasted from a PDF: every wrapped line followed by a blank line."""
    text = "\n\n".join([_blank_wrapped(PARA_A), "1.運営体制の整備", _blank_wrapped(PARA_B)])
    assert _blocks(_load(tmp_path, "a.txt", text)) == [
        ("paragraph", PARA_A), ("heading", "1.運営体制の整備"), ("paragraph", PARA_B)]


def test_dateline_becomes_a_publication_hint(tmp_path):
    doc = _load(tmp_path, "a.txt", "Kanazawa News\n\nPosted on 5 November 2013\n\nThe symposium was held.")
    assert ("dateline", "Posted on 5 November 2013") in doc.published_hints


def test_seed_002_text(shared_corpus):
    p = next((shared_corpus / "seeds").glob("002_*.txt"))
    doc = load(p, p.stem, p.name, CFG)
    assert "筑波大学東京キャンパス" in doc.text
    assert "約160名が参加" in doc.text
    assert "日露人材交流委員会" in doc.text  # rejoined across the blank line of a page break
    assert check_spans(doc) == []


# --- HTML ------------------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html><html lang="ja"><head>
<meta charset="utf-8"><title>日露学長会議を開催 | 北大ニュース</title>
<meta property="og:title" content="日露学長会議を開催">
<meta property="article:published_time" content="2019-06-24T10:00:00+09:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-06-24"}</script>
<style>p {color: red}</style><script>var x = "script text";</script>
</head><body>
<header><nav><ul><li><a href="/">ホーム</a></li><li><a href="/news">ニュース</a></li>
<li><a href="/about">大学案内</a></li><li><a href="/access">アクセス</a></li></ul></nav></header>
<aside><h3>関連リンク</h3><ul><li><a href="/a">入試情報</a></li><li><a href="/b">採用情報</a></li></ul></aside>
<main><article>
<h1>日露学長会議を開催</h1>
<time datetime="2019-06-24">2019年6月24日</time>
<p>6月20日、<ruby>北海道<rt>ほっかいどう</rt></ruby>大学において第2回日露大学学長会議が開催され、両国の大学から約150名が参加しました。</p>
<p>会議では、学生交流の拡大や共同研究の推進について活発な議論が行われ、今後の協力について合意しました。</p>
<h2>参加大学</h2>
<table><tr><th>国</th><th>大学数</th></tr><tr><td>日本</td><td>25</td></tr><tr><td>ロシア</td><td>27</td></tr></table>
<p>次回の会議は2020年にモスクワで開催される予定です。詳しくは国際部までお問い合わせください。</p>
</article></main>
<footer><p>Copyright 2019 Hokkaido University. All rights reserved.</p><a href="/privacy">プライバシー</a></footer>
</body></html>"""


def test_html_main_text_without_boilerplate(tmp_path):
    doc = _load(tmp_path, "news.html", ARTICLE)
    assert doc.title == "日露学長会議を開催"
    assert "第2回日露大学学長会議が開催され、両国の大学から約150名が参加しました。" in doc.text
    assert "北海道大学において" in doc.text and "ほっかいどう" not in doc.text  # ruby reading dropped
    for junk in ("ホーム", "関連リンク", "入試情報", "プライバシー", "script text", "color: red", "All rights"):
        assert junk not in doc.text
    assert ("html_meta", "2019-06-24T10:00:00+09:00") in doc.published_hints
    assert ("html_meta", "2019-06-24") in doc.published_hints
    cells = [(b.row, b.col, doc.text[b.start:b.end]) for b in doc.blocks if b.kind == "table_cell"]
    assert (1, 0, "日本") in cells and (2, 1, "27") in cells
    assert "日本\t25\nロシア\t27" in doc.text
    assert any(b.kind == "heading" for b in doc.blocks)


DATELINE_PAGES = [
    # a byline paragraph after the title, which main-text extraction drops as boilerplate
    ('<h1>Tomsk hosts a Japan-Russia winter school</h1><p class="meta">Posted on '
     '<time datetime="2022-02-03">3 February 2022</time> by the Editorial Team</p>',
     "Posted on 3 February 2022 by the Editorial Team", 1),
    # a Japanese date above the title
    ('<p class="news-date"><time datetime="2022-02-03">2022年2月3日</time></p><h1>冬季学校を開催</h1>',
     "2022年2月3日", 0),
    # no <time>: a block whose class names a date
    ('<h1>Зимняя школа в Томске</h1><div class="post-date">3 февраля 2022</div>', "3 февраля 2022", 1),
]
BODY = ("<p>The winter school brought together forty students from Tomsk State University and Hokkaido "
        "University for two weeks of lectures and field work in Siberia.</p>"
        "<p>Students presented joint projects on the last day of the school, and the universities "
        "agreed to hold the next school in Sapporo.</p>")


@pytest.mark.parametrize("head,dateline,at", DATELINE_PAGES)
def test_html_visible_dateline_is_kept(tmp_path, head, dateline, at):
    page = (f"<html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
            f"{head}{BODY}</article></main><footer>Copyright 2022</footer></body></html>")
    doc = _load(tmp_path, "news.html", page)
    assert _blocks(doc)[at] == ("dateline", dateline)
    assert ("dateline", dateline) in doc.published_hints
    assert doc.text.count(dateline) == 1


def test_html_shift_jis_with_navigation(tmp_path):
    html = ARTICLE.replace('charset="utf-8"', 'charset="Shift_JIS"')
    doc = _load(tmp_path, "sjis.html", html.encode("cp932"))
    assert doc.source.encoding == "cp932"
    assert "約150名が参加" in doc.text and "ホーム" not in doc.text


REAL_HTML = [
    ("trafilatura_nhk.or.jp.k100.html", "子どもへの虐待をなくすための法律", ["にっぽん"]),
    ("trafilatura_rutgers.edu.robot.html", "blood-sampling robot", ["Privacy Policy"]),
    ("newspaper_japanese_article2.html", "ナイジェリア北東部ボルノ", []),
    ("trafilatura_football.ua.podolski.html", "Подольски", []),
    ("postlight_www.ipa.go.jp.html", "ゴールデンウィークまで1ヶ月を切りました", []),
]


@pytest.mark.parametrize("name,needle,absent", REAL_HTML)
def test_real_html(shared_corpus, name, needle, absent):
    p = shared_corpus / "html" / name
    doc = load(p, p.stem, name, CFG)
    assert needle in doc.text
    for a in absent:
        assert a not in doc.text
    assert doc.title
    assert check_spans(doc) == []
    json.dumps(doc.to_dict(), ensure_ascii=False)


def test_real_html_date_hint(shared_corpus):
    p = shared_corpus / "html" / "trafilatura_rutgers.edu.robot.html"
    doc = load(p, p.stem, p.name, CFG)
    assert any(src == "html_meta" and v.startswith("2020-02-05") for src, v in doc.published_hints)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 日本語。.\n\n　ｶﾞ１-・①")), max_size=200))
def test_text_reader_never_breaks_spans(raw):
    from pipeline.ingest.blocks import assemble
    from pipeline.ingest.text import read

    mapped, blocks = assemble(read(raw))
    assert len(mapped.starts) == len(mapped.text)
    assert mapped.starts == sorted(mapped.starts)
    for b in blocks:
        assert 0 <= b.start < b.end <= len(mapped.text)
        assert mapped.text[b.start:b.end] == mapped.text[b.start:b.end].strip()
    assert all(0 <= s <= e <= len(raw) for s, e in zip(mapped.starts, mapped.ends))


def _split_lines_by_regex(m, source):
    """The definition split_lines keeps: lines at every break (CR LF as one), stripped, a blank
    line None, the width measured on the source span of the stripped line."""
    import re

    from pipeline.ingest.normalize import display_width

    out, pos, s = [], 0, m.text
    for brk in [*re.finditer(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]", s), None]:
        end = brk.start() if brk else len(s)
        raw = m[pos:end]
        stripped = raw.strip()
        if not stripped.text:
            out.append(None)
        else:
            line = stripped.collapse_spaces()
            width = display_width(source[stripped.starts[0]:stripped.ends[-1]])
            out.append((line.text, line.starts, line.ends, raw.text[:1].isspace(), width))
        if brk is None:
            break
        pos = brk.end()
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 日。ＡⅡ\u3000\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")), max_size=60))
def test_split_lines_equals_the_regex_definition(raw):
    from pipeline.ingest.normalize import nfkc
    from pipeline.ingest.text import split_lines

    m = nfkc(raw)
    got = [None if ln is None else (ln.text.text, ln.text.starts, ln.text.ends, ln.indent, ln.width)
           for ln in split_lines(m, raw)]
    assert got == _split_lines_by_regex(m, raw)
