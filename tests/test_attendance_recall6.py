"""Attendance recall and precision (heldout6 phenomena), on invented variants: parts with no
stated total, each a figure, when the people split into groups for an activity; a group's size
in a sentence of its own that refers back to it (В его составе – N человек); people who went
through something (стажировку прошли N студентов); and what stays out: enrolment at a home
teaching unit (на кафедре обучались N студентов) and staff who worked there (работали N
преподавателей), while studying abroad stays a figure."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import attendance

from conftest import build_doc


def figures(text: str):
    doc = build_doc(text)
    attendance.extract(doc, Config())
    return [(m.value, m.qualifier) for m in doc.attendance]


@pytest.mark.parametrize("text, expected", [
    # parts with no total, each a figure
    ("午後は日本人学生15名とロシア人学生10名が5つの班に分かれて議論しました。", [(15, "exact"), (10, "exact")]),
    ("参加した高校生8名は2グループに分かれ、市内を調査した。", [(8, "exact")]),
    ("In the afternoon, 18 Japanese and 14 Russian students split into mixed teams.", [(18, "exact"), (14, "exact")]),
    ("После лекции 16 японских и 20 российских студентов разделились на группы.", [(16, "exact"), (20, "exact")]),
    # a group's size said in a sentence of its own
    ("В понедельник в университет приехала группа из Ниигаты. В его составе – 11 человек.", [(11, "exact")]),
    ("В их составе было около 30 студентов и преподавателей.", [(30, "approx")]),
    ("В составе делегации были 9 человек.", [(9, "exact")]),
    # went through a programme
    ("За пятнадцать лет курсы повышения квалификации в Японии прошли 120 преподавателей.", [(120, "exact")]),
    ("Летнюю школу прошло более 40 студентов.", [(40, "at_least")]),
    # studying abroad stays a figure
    ("В Японии учились 12 студентов ТГУ.", [(12, "exact")]),
    ("В университетах Кореи обучались 7 студентов кафедры.", [(7, "exact")]),
])
def test_recall(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    # enrolment at a home teaching unit
    "На корейском направлении в этом году обучались 54 студента.",
    "На кафедре учатся 120 студентов.",
    "По специальности «Востоковедение» обучалось 40 человек.",
    # staff who worked there
    "На кафедре работали восемь преподавателей.",
    "В центре работало 12 сотрудников.",
    # a past year is no event
    "В прошлом году на отделении обучались 30 студентов.",
])
def test_not_attendance(text):
    assert figures(text) == []
