"""Date extractor: the phenomena of held-out set 7, on variants it does not show — a year that
starts a period lends no year, an earlier section's date comes before a following one, a year used
as a modifier, one year named as an academic year, the tense of the sentence (past narration not
after the publication date, announcements not before it, deadlines the next such day), and a
date that is a field of a masthead line."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import dates
from pipeline.extract.date_patterns import Point
from pipeline.extract.date_tense import usage, year_for_use
from pipeline.model import check_spans

from conftest import build_doc
from test_dates import run, values


def run_sections(text: str, **kw):
    """Like run, with short lines that end without a full stop marked as headings."""
    doc = build_doc(text, **kw)
    for b in doc.blocks:
        line = doc.text[b.start:b.end]
        if len(line) < 40 and line[-1] not in ".。!?！？":
            b.kind = "heading"
    dates.extract(doc, Config())
    assert check_spans(doc) == []
    return [m.value for m in doc.dates]


# a year after `since` / `с` / before `以来` starts a period: it lends its year to no other date
SINCE = [
    ("On 6 July the mayor recalled that the towns have been twinned since Showa 45.", ["1970"]),
    ("On 6 July the mayor recalled that the towns have been twinned since 1970.", ["1970"]),
    ("6 июля мэр напомнил, что города дружат с 1970 года.", ["1970"]),
    ("7月6日、市長は1970年以来続く姉妹都市交流に触れた。", ["1970"]),
]

# a date in a section without dates takes the year of the nearest earlier section before any date
# written after it (a historical year, a later plan)
SECTIONS = [
    ("Report\n\nThe school ran from 17 June to 26 July 2024.\n\nEvents\n\n"
     "On 6 July a dialogue was held. A visit is planned for July 2026.",
     ["2024-06-17/2024-07-26", "2024-07-06", "2026-07"]),
    ("Отчёт\n\nШкола работала с 17 июня по 26 июля 2024 года.\n\nСобытия\n\n"
     "6 июля прошёл диалог. Следующий визит намечен на июль 2026 года.",
     ["2024-06-17/2024-07-26", "2024-07-06", "2026-07"]),
    ("報告\n\n研修は2024年6月17日から7月26日まで行った。\n\n行事\n\n"
     "7月6日に対話集会を開いた。次回の訪問は2026年7月の予定である。",
     ["2024-06-17/2024-07-26", "2024-07-06", "2026-07"]),
]

# a bare year used as a modifier of a singular event noun is a date; a count is not
ATTRIBUTIVE = [
    ("Applications for the 2026 summer school are open.", ["2026"]),
    ("Kazan's 2023 forum drew a large audience.", ["2023"]),
    ("This 2019 Programme was the last.", ["2019"]),
    ("Members of the class of 2019 met again.", ["2019"]),
    ("В 2025 году школа пройдёт снова.", ["2025"]),
    ("2025年の研修は中止となった。", ["2025"]),
]
ATTRIBUTIVE_NOT = [
    "The 2000 students left early.",
    "We counted the 2000 exchange programmes of the region.",
    "Symposium 2020 opened with a keynote.",
    "the 1500 programme participants",
]

# one year named as an academic year is the Japanese school year (April to March): FY
ACADEMIC = [
    ("The ministry covers travel for the 2021 academic year.", ["FY2021"]),
    ("In academic year 2020 the budget grew.", ["FY2020"]),
    ("2022学年度の予算が認められた。", ["FY2022"]),
    ("令和3学年度の予算。", ["FY2021"]),
    ("In the 2019/20 academic year the budget grew.", ["2019/2020"]),
    ("For academic year 2023/24 the budget grew.", ["2023/2024"]),
]

# the tense of the sentence, against the publication date
TENSE = [
    # past narration does not lie after the publication date
    ("The new course began in January 2024. On 8 December the team held a briefing.", "2024-01-20",
     ["2024-01", "2023-12-08"]),
    ("Новый курс начался в январе 2024 года. 8 декабря состоялся брифинг.", "2024-01-20",
     ["2024-01", "2023-12-08"]),
    ("本学は2024年1月に新課程を始めた。12月8日には説明会を開きました。", "2024-01-20",
     ["2024-01", "2023-12-08"]),
    # an announcement does not lie before the publication month
    ("Applications for the next exchange open in March.", "2023-11", ["2024-03"]),
    ("Следующая школа пройдёт в марте.", "2023-11", ["2024-03"]),
    ("次回のセミナーは3月に開催する予定です。", "2023-11", ["2024-03"]),
    # ... nor, in a document dated by its year only, before the latest month it has named
    ("The school ran on 28–30 November 2023. Registration for the next school opens in April.", "2023",
     ["2023-11-28/2023-11-30", "2024-04"]),
    # a deadline is the next such day after the publication date, not a later event's year
    ("Курс пройдёт в сентябре 2024 г., а заявки принимаются до 30 декабря.", "2023-11-22",
     ["2024-09", "2023-12-30"]),
    ("The course runs in September 2024; applications are accepted until 31 December.", "2023-11-22",
     ["2024-09", "2023-12-31"]),
    ("講座は2024年9月に開講します。申込は12月28日まで受け付けます。", "2023-11-22",
     ["2024-09", "2023-12-28"]),
    # told in the past and dated before publication: unchanged
    ("The forum took place on 3 March.", "2023-11-22", ["2023-03-03"]),
]

MASTHEADS = [
    ("Пресс-служба университета | Новости | 22.11.2023\n\nСеминар прошёл 20 ноября.",
     "2023-11-22", ["2023-11-22", "2023-11-20"]),
    ("International Office News · 14 September 2023 · Edinburgh\n\nThe forum closed on 9 September.",
     "2023-09-14", ["2023-09-14", "2023-09-09"]),
    ("北海道大学 国際交流ニュース｜2023年11月22日\n\n11月20日に説明会を開いた。",
     "2023-11-22", ["2023-11-22", "2023-11-20"]),
]


@pytest.mark.parametrize("text,expected", SINCE + ATTRIBUTIVE + ACADEMIC)
def test_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", SECTIONS)
def test_earlier_section_before_following_date(text, expected):
    assert run_sections(text) == expected


@pytest.mark.parametrize("text", ATTRIBUTIVE_NOT)
def test_counts_are_not_attributive_years(text):
    assert values(text) == []


@pytest.mark.parametrize("text,published,expected", TENSE)
def test_tense_of_the_sentence(text, published, expected):
    assert values(text, published=published) == expected


@pytest.mark.parametrize("text,published,expected", MASTHEADS)
def test_date_field_of_a_masthead_dates_the_document(text, published, expected):
    doc = run(text)
    assert doc.published is not None and doc.published.value == published
    assert [m.value for m in doc.dates] == expected


def test_masthead_without_a_month_is_no_dateline():
    assert run("Founded 1990 | Tokyo | News\n\nThe forum closed on 9 September.").published is None


@pytest.mark.parametrize("text,date,kind", [
    ("The school was held on 5 March.", "5 March", "past"),
    ("The school will be held on 5 March.", "5 March", "future"),  # `will be held`: one future cue
    ("Applications for the next round open in March.", "March", "future"),
    ("Applications close on 5 March.", "5 March", "deadline"),
    ("Send your paper by 5 March.", "5 March", "deadline"),
    ("The office was open until 5 March.", "5 March", "past"),  # the past outweighs the deadline word
    ("Заявки принимаются до 5 марта.", "5 марта", "deadline"),
    ("Конференция состоялась 5 марта.", "5 марта", "past"),
    ("Следующее заседание намечено на 5 марта.", "5 марта", "future"),
    ("申込は3月5日までです。", "3月5日", "deadline"),
    ("3月5日に開催しました。", "3月5日", "past"),
    ("3月5日に開催する予定です。", "3月5日", "future"),
    ("It is on 5 March.", "5 March", None),
])
def test_usage(text, date, kind):
    start = text.index(date)
    assert usage(text, start, start + len(date), True, 0, len(text)) == kind


@pytest.mark.parametrize("kind,month,year,pub,now,expected", [
    ("past", 12, 2024, Point(2024, 1), (2024, 1), 2023),
    ("past", 1, 2024, Point(2024, 1), (2024, 1), 2024),
    ("past", 5, 2025, Point(2024), None, 2024),
    ("future", 3, 2023, Point(2023, 11), (2023, 11), 2024),
    ("future", 3, 2026, Point(2023, 11), (2023, 11), 2026),  # a later year named for it stays
    ("deadline", 12, 2024, Point(2023, 11, 22), (2023, 11), 2023),
    ("deadline", 1, 2023, Point(2023, 11, 22), (2023, 11), 2024),
    ("future", 3, 2023, Point(2023), None, 2023),  # no "now": unchanged
    (None, 3, 2019, Point(2023, 11), (2023, 11), 2019),
])
def test_year_for_use(kind, month, year, pub, now, expected):
    assert year_for_use(kind, month, year, pub, now) == expected
