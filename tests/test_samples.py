"""The project's own sample corpus: raw/ is exactly what bench/samples.py writes, each file
is what it claims to be (two-page bulletin PDF with furniture and a ruled table, Shift_JIS
page, undeclared windows-1251 text), and the gold in tests/fixtures/gold-raw/ is well-formed,
anchored in the documents and scoreable by ../shared/eval/score.py."""
from __future__ import annotations

import datetime
import html
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber  # fixture checks only: the pipeline reads PDFs through pipeline.ingest
import pytest

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
GOLD_RAW = REPO / "tests" / "fixtures" / "gold-raw"
SCORER = REPO.parent / "shared" / "eval" / "score.py"

_spec = importlib.util.spec_from_file_location("bench_samples", REPO / "bench" / "samples.py")
samples = sys.modules.setdefault("bench_samples", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(samples)

GOLD_FILES = sorted(GOLD_RAW.glob("*.json"))
BULLETIN = RAW / "bulletin_forum2021.pdf"
ISSUE_DATE = "令和3年（2021年）12月"

_DATE = r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|FY\d{4})"
DATE_VALUE = re.compile(rf"{_DATE}(/{_DATE})?")
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def bulletin_source() -> str:
    """Every string typeset into the bulletin PDF (the PDF's text, in reading order)."""
    b = samples.TEXTS["bulletin"]
    parts = [b["bulletin"], b["issue"], b["issue_date"]]
    for art in b["articles"]:
        parts += [art["title"], art.get("byline", "")]
        for item in art["items"]:
            if isinstance(item, str):
                parts.append(item)
            elif "table" in item:
                parts += [cell for row in item["table"] for cell in row]
            else:
                parts.append(item["caption"])
    return "\n".join(parts)


def document_text(doc_id: str) -> str:
    """The text a reader sees in raw/<doc_id>.*, decoded (markup left in for HTML)."""
    [path] = [p for p in RAW.iterdir() if p.stem == doc_id]
    if path.suffix == ".pdf":
        return bulletin_source()
    data = path.read_bytes()
    if path.name.endswith("_ru.txt"):
        return data.decode("cp1251")
    if path.suffix == ".html" and b'charset="Shift_JIS"' in data:
        return html.unescape(data.decode("shift_jis"))
    return html.unescape(data.decode("utf-8"))


# -- the generator ------------------------------------------------------------------------

def test_generator_writes_raw_byte_for_byte(tmp_path):
    written = samples.write_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in RAW.iterdir()), \
        "raw/ holds exactly the generated samples (run: python bench/samples.py)"
    for p in written:
        assert p.read_bytes() == (RAW / p.name).read_bytes(), \
            f"raw/{p.name} differs from the generator's output: run python bench/samples.py"


def test_long_pdf_has_the_pages_asked_for_with_furniture_and_is_deterministic(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert samples.long_pdf(a, pages=3) == 3
    samples.long_pdf(b, pages=3)
    assert a.read_bytes() == b.read_bytes()
    with pdfplumber.open(a) as pdf:
        assert len(pdf.pages) == 3
        for i, page in enumerate(pdf.pages, start=1):
            lines = page.extract_text().splitlines()
            assert "越佐大学報 No.600" in lines[0]
            assert "令和4年（2022年）3月" in lines[-1] and str(i) in lines[-1]


@pytest.mark.parametrize("text, width, expect", [
    ("あいう，えお", 3 * 10, ["あいう，", "えお"]),      # closing punctuation hangs
    ("あい「うえお」", 3 * 10, ["あい", "「うえ", "お」"]),  # no opening bracket at line end
    ("あNo.512い", 3 * 10, ["あ", "No.512", "い"]),         # Latin/digit runs kept whole
])
def test_wrap_follows_japanese_line_breaking_rules(text, width, expect):
    samples._register_fonts()
    assert samples.wrap(text, width, 10) == expect


# -- what each sample is ------------------------------------------------------------------

def test_bulletin_has_two_pages_with_header_and_dated_footer_on_each():
    with pdfplumber.open(BULLETIN) as pdf:
        assert len(pdf.pages) == 2
        for number, page in zip((12, 13), pdf.pages):
            lines = page.extract_text().splitlines()
            assert "越佐大学報 No.512" in lines[0]
            assert ISSUE_DATE in lines[-1] and str(number) in lines[-1].split()


def test_bulletin_text_comes_back_from_the_columns_in_reading_order():
    """pdfplumber reads the CID-font Japanese back exactly; column by column, the body holds
    every paragraph, including the one that runs across the page break."""
    pages = []
    with pdfplumber.open(BULLETIN) as pdf:
        for page in pdf.pages:
            mid = page.width / 2
            pages.append(squeeze("".join(page.crop((x0, 60, x1, page.height - 60)).extract_text()
                                         for x0, x1 in ((0, mid), (mid, page.width)))))
    body = "".join(pages)
    paragraphs = [squeeze(i) for a in samples.TEXTS["bulletin"]["articles"] for i in a["items"]
                  if isinstance(i, str)]
    for p in paragraphs:
        assert p in body
    assert any(p not in pages[0] and p not in pages[1] for p in paragraphs), \
        "one paragraph runs across the page break"


def test_bulletin_table_is_found_by_the_table_finder():
    with pdfplumber.open(BULLETIN) as pdf:
        tables = [t for page in pdf.pages for t in page.extract_tables()]
    assert tables == [[["日付", "行事名", "参加者数"],
                       ["6月18日", "日露学生オンライン交流会", "80名以上"],
                       ["7月21-22日", "医療ロシア語セミナー", "約45名"],
                       ["12月8-9日", "日露合同症例検討会", "（予定）"]]]


def test_news_page_is_shift_jis_that_every_decoder_reads_alike():
    data = (RAW / "news_fefu_agreement2021.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("shift_jis")
    assert text == data.decode("cp932")  # no character where Shift_JIS and CP932 disagree
    assert '<meta charset="Shift_JIS">' in text
    assert '<meta property="article:published_time" content="2021-11-15">' in text
    for part in ('<nav id="global-nav">', 'id="breadcrumb"', 'id="sidebar"', "<footer"):
        assert part in text


def test_russian_item_is_undeclared_windows_1251_with_crlf():
    data = (RAW / "student_forum2021_ru.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\r\n" in data and b"charset" not in data
    assert "Дальневосточном федеральном университете" in data.decode("cp1251")


# -- the gold -----------------------------------------------------------------------------

def test_every_sample_has_gold_and_every_gold_a_sample():
    assert sorted(p.stem for p in RAW.iterdir()) == sorted(p.stem for p in GOLD_FILES)


def _check_date_value(value: str) -> None:
    assert DATE_VALUE.fullmatch(value), value
    ends = value.split("/")
    for v in ends:
        if v.startswith("FY"):
            continue
        parts = [int(x) for x in v.split("-")] + [1] * (3 - v.count("-") - 1)
        datetime.date(*parts)  # a real calendar date
    if len(ends) == 2:
        assert ends[0] < ends[1], value


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["doc_id"] == path.stem
    langs = gold["languages"]
    assert langs["primary"] in langs["present"] and set(langs["present"]) <= {"ja", "en", "ru"}
    values = [d["value"] for d in gold["dates"]]
    assert len(values) == len(set(values)), "one item per distinct date"
    for d in gold["dates"]:
        _check_date_value(d["value"])
    ids = [e["id"] for e in gold["institutions"]]
    assert len(ids) == len(set(ids))
    owner: dict[str, str] = {}
    for e in gold["institutions"]:
        assert e["names"] and all(isinstance(n, str) and n.strip() for n in e["names"])
        for n in e["names"]:
            key = squeeze(n).casefold()
            assert owner.setdefault(key, e["id"]) == e["id"], f"{n} names two entries"
    for a in gold["attendance"]:
        assert isinstance(a["value"], int) and a["value"] > 0
        assert a["qualifier"] in QUALIFIERS and a["event"].strip()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_texts_and_names_occur_in_the_document(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = squeeze(document_text(gold["doc_id"]))
    for item in gold["dates"] + gold["attendance"]:
        assert squeeze(item["text"]) in text, item["text"]
    for e in gold["institutions"]:
        found = [n for n in e["names"] if squeeze(n) in text]
        assert found, e["names"]
        for n in e["names"]:  # only Russian names may be added lemmas (nominative case)
            assert n in found or re.search("[а-яА-Я]", n), n


def test_gold_scores_perfectly_against_itself(tmp_path):
    """A prediction made from the gold scores 1.0 on every figure: the files load in the
    scorer and no name form is claimed by two organisations."""
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = {
            "language": gold["languages"],
            "dates": [{"value": d["value"]} for d in gold["dates"]],
            "institutions": [{"text": n, "name": n, "id": e["id"]}
                             for e in gold["institutions"] for n in e["names"]],
            "attendance": [{"value": a["value"], "qualifier": a["qualifier"]}
                           for a in gold["attendance"] if not a.get("optional")],
        }
        (tmp_path / path.name).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    figures = ("dates_f1", "inst_f1", "att_f1", "inst_link", "att_qual", "lang_acc", "present_acc")
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD_RAW), "--pred", str(tmp_path),
                          "--require", ",".join(f"{f}=1" for f in figures)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
