"""Date extractor: the phenomena of held-out set 6, on variants it does not show — era years in
Latin script, a fiscal year with an adjective, a wire dateline taking its year from a later
paragraph, a whole year looked back on that yields to the document's own date."""
from __future__ import annotations

import pytest

from test_dates import run, values

LATIN_ERAS = [
    ("It took me ten minutes to work out that 2003 is Heisei 15.", ["2003"]),
    ("My grandfather was born in Shōwa 10, in Sapporo.", ["1935"]),
    ("The plan covers REIWA 2–4.", ["2020/2022"]),
    ("The school opened in Taisho 3 and moved in Meiji 45?", ["1914", "1912"]),
    ("The form asks for Showa 64 or Heisei 1.", ["1989", "1989"]),
    ("Свидетельство выдано в Heisei 30, по японскому календарю.", ["2018"]),
]

LATIN_ERAS_NOT = [
    "Heisei 45 is no year: the era ended with Heisei 31.5 at most.",
    "We stayed in Heiseimura 12 nights.",
    "The Heisei era was long.",
]

RU_FISCAL_ADJECTIVE = [
    ("Поездка оплачена по итогам конкурса 2022 японского финансового года.", ["FY2022"]),
    ("В 2021 японском финансовом году грантов было больше.", ["FY2021"]),
    ("Средства 2020 финансового года освоены.", ["FY2020"]),
]

WIRE_DATELINES = [
    ("TOMSK, Oct. 4 (Desk) — The forum opened.\n\nThe forum, held Oct. 2–3, 2019, drew 600.",
     ["2019-10-04", "2019-10-02/2019-10-03"]),
    ("ТОМСК, 4 октября — Форум открылся.\n\nФорум прошёл 2–3 октября 2019 года.",
     ["2019-10-04", "2019-10-02/2019-10-03"]),
    ("【東京、10月4日】フォーラムが開幕した。\n\nフォーラムは2019年10月2日～3日に開催された。",
     ["2019-10-04", "2019-10-02/2019-10-03"]),
]


@pytest.mark.parametrize("text,expected", LATIN_ERAS + RU_FISCAL_ADJECTIVE + WIRE_DATELINES)
def test_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", LATIN_ERAS_NOT)
def test_latin_era_negatives(text):
    assert values(text) == []


def test_latin_era_mention_keeps_its_calendar():
    m, = run("He was born in Heisei 15.").dates
    assert (m.text, m.value, m.calendar, m.rule) == ("Heisei 15", "2003", "heisei", "en_era_year")


def test_later_paragraph_of_another_month_lends_no_year():
    doc = run("TOMSK, Oct. 4 — The forum opened.\n\nThe agreement of September 2015 was renewed.")
    assert [m.value for m in doc.dates] == ["2015-09"]


PAST_WHOLE_YEAR = [
    ("«Вестник» • № 88 • 21 мая 2019 г. • Образование\n\nВ 2018 финансовом году число виз выросло."
     "\n\nС 1 по 3 октября пройдут Дни Сахалина.", "2019-10-01/2019-10-03"),
    ("Posted 21 May 2019 | News\n\nIn fiscal 2018 the number of visas doubled."
     "\n\nThe next visit is planned for 1 to 3 October.", "2019-10-01/2019-10-03"),
    ("掲載日：2019年5月21日\n\n2018年度には留学生が倍増した。\n\n10月1日～3日に訪問団が来る。",
     "2019-10-01/2019-10-03"),
]


@pytest.mark.parametrize("text,expected", PAST_WHOLE_YEAR)
def test_whole_year_looked_back_on_yields_to_the_document_date(text, expected):
    doc = run(text)
    assert doc.published is not None and doc.published.value == "2019-05-21"
    assert doc.dates[-1].value == expected and doc.dates[-1].inferred_from == "published"


def test_whole_year_the_title_names_still_dates_what_follows():
    doc = run("2018年度 事業報告\n\n掲載日：2019年5月21日\n\n2018年度には留学生が倍増した。\n\n10月1日～3日に訪問団が来た。")
    assert doc.dates[-1].value == "2018-10-01/2018-10-03"


@pytest.mark.parametrize("masthead", [
    "«Губернские ведомости» • No 88 (5912) • 21 мая 2019 г. • Образование",  # № after NFKC
    "«Губернские ведомости» • № 88 (5912) • 21 мая 2019 г. • Образование",
    "The Hokkaido Campus Weekly • No. 88 (5912) • 21 May 2019 • Education",
])
def test_newspaper_masthead_with_an_issue_number_dates_the_document(masthead):
    doc = run(masthead + "\n\nThe delegation arrived on Thursday.")
    assert doc.published is not None and doc.published.value == "2019-05-21"
