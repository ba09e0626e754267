"""Attendance recall (heldout4 phenomena), on invented variants in all three languages: a bare
count followed by its verb, "N of them", people held by a venue, residents at an event (and a
population that stays out), Russian number words in the genitive, exchange totals, survey
respondents, a total beside a per-event figure."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import attendance, numerals

from conftest import build_doc


def figures(text: str):
    doc = build_doc(text)
    attendance.extract(doc, Config())
    return [(m.value, m.qualifier, m.cumulative) for m in doc.attendance]


@pytest.mark.parametrize("text, value, qualifier", [
    # en: a bare count with its verb, "of them", a venue holding people
    ("Roughly 80 attended the closing ceremony in Khabarovsk.", 80, "approx"),
    ("After the keynote, over 40 took part in the poster session.", 40, "at_least"),
    ("Around two hundred and fifty of them stayed for the evening concert.", 250, "approx"),
    ("By noon the lecture hall was packed with 120 students from both universities.", 120, "exact"),
    ("With families included, the hall held some 90 people when the award was announced.", 90, "approx"),
    ("About 300 local residents attended the Japanese tea ceremony in the park.", 300, "approx"),
    # ru: a bare count with its verb, a venue, residents at an event, genitive number words
    ("В работе секции приняли участие около семисот горожан.", 700, "approx"),
    ("Мастер-классы были камерными — не более 20 человек в зале.", 20, "at_most"),
    ("На открытии присутствовали более трёхсот жителей Хабаровска.", 300, "at_least"),
    ("В дискуссии участвовали около пятидесяти школьников и студентов.", 50, "approx"),
    # ja: people who came from somewhere, exchange totals, kanji numerals with ほど
    ("研修には国内外から集まった五十人ほどが加わり、熱心に議論した。", 50, "approx"),
    ("ゼミは台湾やベトナムから来た二十人ほどで、日本人学生は少ない。", 20, "approx"),
    ("5年間の交流を通じて、受入者数は合計48名となった。", 48, "exact"),
])
def test_recall_variants(text, value, qualifier):
    assert (value, qualifier) in [(v, q) for v, q, _ in figures(text)]


@pytest.mark.parametrize("text", [
    "Население Владивостока — около шестисот тысяч жителей.",           # population
    "The city has about 400,000 residents and two universities.",      # population
    "アンケートでは回答者80名のうち約7割が満足と答えた。",                 # survey respondents
    "調査には120名が回答し、結果を報告書にまとめた。",                     # respondents
    "В опросе приняли участие 90 респондентов из трёх городов.",         # survey respondents
])
def test_not_attendance(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, value", [
    ("Over the term we counted 150 log-ins in total, or about 25 per session.", 150),
    ("За семестр набралось 96 участников в общей сложности, в среднем 12 на каждом занятии.", 96),
    ("3年間の事業を通じて、派遣者は合計30名となった。", 30),
])
def test_total_beside_per_event_or_years_is_cumulative(text, value):
    assert (value, True) in [(v, c) for v, _, c in figures(text)]


@pytest.mark.parametrize("text, value", [
    ("шестисот", 600), ("трехсот", 300), ("пятидесяти", 50), ("девятисот", 900),
    ("двухсот пятидесяти", 250), ("восемнадцати", 18),
])
def test_genitive_number_words(text, value):
    assert numerals.word_value(text) == value
