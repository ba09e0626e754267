"""Property tests for the date extractor: era ↔ Gregorian round trips over every era, dates
written in every supported form read back to themselves, every value a valid calendar date,
spans inside the text, no crash on arbitrary text; and the data file's validation."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import Config
from pipeline.extract import dates
from pipeline.extract.date_lexicon import LexiconError, lexicon, parse
from pipeline.extract.date_scan import scan
from pipeline.extract.eras import era_to_gregorian, gregorian_to_era
from pipeline.model import Block, Document, Source, check_spans

LEX = lexicon()
CFG = Config()
KANJI = "〇一二三四五六七八九"
EN_MONTHS = [f for f, *_ in LEX.en["months"]]
RU_GENITIVE = [forms[1] for forms in LEX.ru["months"]]


def doc_of(text: str, lang: str | None = None) -> Document:
    src = Source(path="t.txt", sha256="0" * 64, format="text", bytes=len(text.encode()))
    return Document(doc_id="t", source=src, text=text, blocks=[Block(0, 0, len(text), lang=lang)])


def era_span(i: int) -> tuple[dt.date, dt.date]:
    era = LEX.eras[i]
    end = LEX.eras[i + 1].start - dt.timedelta(days=1) if i + 1 < len(LEX.eras) else dt.date(2100, 12, 31)
    return era.start, end


def kanji(n: int) -> str:
    """Chinese-style kanji numeral for 1..99: 二十五."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else KANJI[tens]) + "十" if tens else "") + (KANJI[ones] if ones else "")


def value_is_valid(value: str) -> bool:
    for side in value.split("/"):
        if m := re.fullmatch(r"FY(\d{4})", side):
            dt.date(int(m.group(1)), 4, 1)
        elif m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", side):
            dt.date.fromisoformat(side)
        elif m := re.fullmatch(r"(\d{4})-(\d{2})", side):
            dt.date(int(m.group(1)), int(m.group(2)), 1)
        elif not re.fullmatch(r"\d{4}", side):
            return False
    return True


@pytest.mark.parametrize("i", range(len(LEX.eras)))
def test_era_round_trip_over_every_era(i):
    era = LEX.eras[i]
    lo, hi = era_span(i)

    @settings(max_examples=150, deadline=None)
    @given(st.dates(min_value=lo, max_value=hi))
    def check(day):
        found, n = gregorian_to_era(LEX, day)
        assert found == era
        assert era_to_gregorian(LEX, era, n) == day.year

    check()
    assert era_to_gregorian(LEX, era, 1) == era.start.year  # 元年
    if era.last is not None:
        assert era_to_gregorian(LEX, era, era.last) == LEX.eras[i + 1].start.year
        assert era_to_gregorian(LEX, era, era.last + LEX.era_overrun + 1) is None


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1868, 1, 25), max_value=dt.date(2100, 12, 31)), st.booleans())
def test_era_dates_written_in_japanese_read_back(day, kanji_numerals):
    era, n = gregorian_to_era(LEX, day)
    num = kanji if kanji_numerals else str
    year = "元" if n == 1 else num(n)
    text = f"{era.name}{year}年{num(day.month)}月{num(day.day)}日"
    atoms = scan(text)
    assert [(t.start, t.end) for t in atoms] == [(0, len(text))]
    a = atoms[0].a
    assert (a.year, a.month, a.day, a.era) == (day.year, day.month, day.day, era.romaji)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 5))
def test_gregorian_dates_in_every_form_read_back(day, form):
    text = [
        f"{day.year}年{day.month}月{day.day}日",
        "".join(KANJI[int(c)] for c in str(day.year)) + f"年{kanji(day.month)}月{kanji(day.day)}日",
        f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}",
        f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {RU_GENITIVE[day.month - 1]} {day.year} г.",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ][form]
    doc = doc_of(text)
    dates.extract(doc, CFG)
    assert [m.value for m in doc.dates] == [day.isoformat()]
    assert doc.dates[0].text == text


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.integers(1, 20), st.integers(0, 4))
def test_day_ranges_in_every_form_read_back(first, length, form):
    last = first + dt.timedelta(days=length)
    d1, d2, y = first.day, last.day, first.year
    if last.year != y:
        return
    m1, m2 = EN_MONTHS[first.month - 1], EN_MONTHS[last.month - 1]
    r1, r2 = RU_GENITIVE[first.month - 1], RU_GENITIVE[last.month - 1]
    text = [
        f"between {d1} {m1} and {d2} {m2} {y}",
        f"{m1} {d1} to {m2} {d2}, {y}",
        f"с {d1} {r1} по {d2} {r2} {y} года",
        f"{y}年{first.month}月{d1}日～{last.month}月{d2}日",
        f"between {d1} and {d2} {m1} {y}" if first.month == last.month else f"{d1} {m1} – {d2} {m2} {y}",
    ][form]
    doc = doc_of(text, lang="ja" if form == 3 else "ru" if form == 2 else "en")
    dates.extract(doc, CFG)
    assert [m.value for m in doc.dates] == [f"{first.isoformat()}/{last.isoformat()}"], text


@settings(max_examples=100, deadline=None)
@given(st.integers(1800, 2099), st.integers(0, 3))
def test_academic_years_read_back_as_year_ranges(year, form):
    short = f"{(year + 1) % 100:02d}"
    text = [f"the {year}/{short} academic year", f"в {year}/{year + 1} учебном году",
            f"{year}/{short}学年度", f"academic year {year}–{short}"][form]
    doc = doc_of(text)
    dates.extract(doc, CFG)
    assert [m.value for m in doc.dates] == [f"{year}/{year + 1}"], text


_PIECES = st.sampled_from([
    "年", "月", "日", "年度", "（金）", "(вт)", "～", "-", "–", "から", " to ", " по ", "同年", "同月", "令和",
    "平成", "昭和", "元", "十", "二", "〇", "FY", "in ", "since ", "summer of ", "January", "Sept.", "мая",
    "года", "г.", " ", "\n\n", ".", ",", "/", "Tuesday, ", "本年", "this year", "毎年", "第", "0", "1", "2",
    "9", "12", "29", "31", "2019", "2020", "1999", "H", "R", "・", "、", " and ", "between ", "学年度",
    " academic year", "учебном году", "(Fri)", "и ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_date_like_noise_gives_valid_values_and_spans(text):
    doc = doc_of(text, lang="ja")
    dates.extract(doc, CFG)
    assert check_spans(doc) == []
    for m in doc.dates:
        assert value_is_valid(m.value), m
        assert 0 <= m.start < m.end <= len(text)
        assert m.kind in ("day", "month", "year", "fiscal_year", "range")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["ja", "en", "ru", None]))
def test_no_crash_on_arbitrary_text(text, lang):
    doc = doc_of(text, lang=lang)
    doc.published_hints = [("html_meta", text[:40])]
    dates.extract(doc, CFG)
    assert check_spans(doc) == []
    assert all(value_is_valid(m.value) for m in doc.dates)


def test_same_input_same_output():
    text = "Forum 2020\n\n1月31日（金）と2020年～2021年、Tuesday, 29 September"
    a, b = doc_of(text), doc_of(text)
    dates.extract(a, CFG)
    dates.extract(b, CFG)
    assert a.dates == b.dates and a.warnings == b.warnings


# ---- dates.toml validation ------------------------------------------------------------------

def _data():
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("pipeline").joinpath("data/dates.toml").read_text("utf-8"))


def test_shipped_data_is_valid():
    assert len(LEX.eras) == 5 and len(LEX.en_months) >= 12 and len(LEX.ru_weekdays) >= 7


@pytest.mark.parametrize("break_it,message", [
    (lambda d: d["en"]["months"].pop(), "en.months"),
    (lambda d: d["ru"]["weekdays"].append(["x"]), "ru.weekdays"),
    (lambda d: d["eras"].reverse(), "must start before"),
    (lambda d: d["eras"][0].pop("start"), "missing start"),
    (lambda d: d["years"].update(min=3000), "years.min"),
    (lambda d: d["ja"].update(same_year="同年"), "ja.same_year"),
    (lambda d: d["en"]["months"][1].append("January"), "names both"),
])
def test_broken_data_is_reported_with_its_key(break_it, message):
    data = _data()
    break_it(data)
    with pytest.raises(LexiconError) as e:
        parse(data)
    assert message in str(e.value)
