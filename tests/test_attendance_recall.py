"""Attendance recall (heldout3 phenomena), on invented variants in all three languages: the
audience as subject, collective and dozen numerals, groups and "of whom" parts, delegation
composition, companions, online log-ins, mixed Arabic/kanji numerals, and the enrolment and
quota counts that stay out."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import attendance, numerals

from conftest import build_doc


def figures(text: str):
    doc = build_doc(text)
    attendance.extract(doc, Config())
    return [(m.value, m.qualifier) for m in doc.attendance]


@pytest.mark.parametrize("text, value, qualifier", [
    # ja: the audience / contestants / visitors named before the number
    ("ライブ配信の視聴者は延べではなく実数で85名に達した。", 85, "exact"),
    ("決勝大会の観客はおよそ二百人。", 200, "approx"),
    ("会場の聴衆も六十人ほどに膨らんだ。", 60, "approx"),
    ("工場の見学者は45名を数えた。", 45, "exact"),
    # ja: 総勢 + 弱 (at most), next to an including clause that is no part of the figure before
    ("学生20名が参加し、引率教員を含めると総勢25名弱となった。", 25, "at_most"),
    # ja: mixed Arabic digits and kanji scale words
    ("記念式典には2万3千人が来場した。", 23000, "exact"),
    # en: number words with dozen, groups, of whom / of us
    ("Some three dozen teachers attended the opening lecture.", 36, "approx"),
    ("A delegation of nine from Kazan Federal University arrived in Osaka on Monday.", 9, "exact"),
    ("Our party of four flew to Vladivostok for the field course.", 4, "exact"),
    ("The online lecture had 320 sign-ups, of whom 210 actually joined.", 210, "exact"),
    ("The reading circle gathers each Friday, typically fifteen of us.", 15, "approx"),
    ("Present: 14 board members (9 Japanese, 5 Russian).", 14, "exact"),
    # ru: collective numerals, delegation composition, companions, exchange study
    ("В состав делегации вошли восемь человек.", 8, "exact"),
    ("Вместе с ними в Японию отправились трое сотрудников университета.", 3, "exact"),
    ("Студентов сопровождали пятеро преподавателей.", 5, "exact"),
    ("В весеннем семестре 9 российских студентов прошли включенное обучение в Осаке.", 9, "exact"),
    ("Из них 40 приехали очно, остальные участвовали онлайн.", 40, "exact"),
])
def test_recall_variants(text, value, qualifier):
    assert (value, qualifier) in figures(text)


@pytest.mark.parametrize("text", [
    "同大学で学ぶ約2万人の学生のうち、留学生が増えている。",   # enrolment
    "中国語履修者は約80名で推移しており、留学する者もいる。",     # course enrolment
    "We received 90 applications, of whom 25 were selected.",  # selection, not attendance
    "A joint committee of five will oversee the exchange.",    # committee size
    "The group of seven universities signed the agreement.",   # no participation word
])
def test_not_attendance(text):
    assert figures(text) == []


def test_a_group_is_not_a_cumulative_total():
    doc = build_doc("It has been a month since our group of five landed in Kazan.")
    attendance.extract(doc, Config())
    assert [(m.value, m.cumulative) for m in doc.attendance] == [(5, False)]


@pytest.mark.parametrize("text, value", [
    ("1万8千", 18000), ("2万5000", 25000), ("３万２千", 32000), ("1万", 10000), ("4千", 4000),
])
def test_mixed_numerals(text, value):
    assert numerals.value(text) == value


@pytest.mark.parametrize("text, value", [
    ("двое", 2), ("четверо", 4), ("семерых", 7), ("two dozen", 24), ("a dozen", 12),
])
def test_collective_and_dozen_words(text, value):
    assert numerals.word_value(text) == value


def _flat(lines: list[str]):
    doc = build_doc("\n\n".join(lines))
    from pipeline.extract import dates
    dates.extract(doc, Config())
    attendance.extract(doc, Config())
    return [(m.value, m.qualifier, m.cumulative, m.event.name if m.event else None,
             [(b.label, b.value) for b in m.breakdown]) for m in doc.attendance]


@pytest.mark.parametrize("lines, expected", [
    # en: caption names the participants, the Total column is the figure, an empty cell lost
    (["Table 3. Participants in joint events, 2021", "Event", "Date", "Japan", "Russia", "Total",
      "Winter School on Arctic Law", "10 Feb 2021", "8", "17", "25",
      "Film Evening", "3 Mar 2021", "about 40", "about 40",
      "Total (two events)", "65", "Note: figures from the organisers."],
     [(25, "exact", False, "Winter School on Arctic Law", [("Japan", 8), ("Russia", 17)]),
      (40, "approx", False, "Film Evening", []),
      (65, "exact", True, "Total (two events)", [])]),
    # ja: 表 caption with 参加者, 合計 column
    (["表2　参加者数の内訳", "事業名", "日本", "ロシア", "合計",
      "日露学生フォーラム", "12", "30", "42", "合計", "42"],
     [(42, "exact", False, "日露学生フォーラム", [("日本", 12), ("ロシア", 30)]),
      (42, "exact", True, "合計", [])]),
    # ru: Таблица with участники, Итого column
    (["Таблица 1. Участники мероприятий", "Мероприятие", "Япония", "Россия", "Итого",
      "Летняя школа", "6", "14", "20"],
     [(20, "exact", False, "Летняя школа", [("Япония", 6), ("Россия", 14)])]),
])
def test_table_with_one_cell_per_line(lines, expected):
    assert _flat(lines) == expected


def test_cells_per_line_without_participants_caption_are_no_table():
    assert _flat(["Table 4. Budget by year", "Item", "Japan", "Russia", "Total",
                  "Travel", "800", "200", "1000"]) == []
