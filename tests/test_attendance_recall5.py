"""Attendance recall (heldout5 phenomena), on invented variants in all three languages: "N or so"
before its verb, remote attendance as a verb (followed online, tuned in), teenagers, the size of a
travelling team, 毎回/各回 per-session counts, a delegation word before its total (派遣団),
standing on stage, a joint activity (N人と合同…), Russian participles of gathering (собравший),
a genitive plural noun before its number word (гостей оказалось больше трёхсот), and "one of"
a group (審査員の一人) that stays out."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import attendance

from conftest import build_doc


def figures(text: str):
    doc = build_doc(text)
    attendance.extract(doc, Config())
    return [(m.value, m.qualifier) for m in doc.attendance]


@pytest.mark.parametrize("text, value, qualifier", [
    # en
    ("Another 25 or so followed the lectures online from Vladivostok.", 25, "approx"),
    ("Some 70 tuned in from Novosibirsk and Irkutsk.", 70, "approx"),
    ("A further 15 joined remotely because of the visa delays.", 15, "exact"),
    ("Thirty-one Japanese teenagers came to the Ocean children's centre for a week.", 31, "exact"),
    ("Our group this year was seven people, including two interpreters.", 7, "exact"),
    # ja
    ("各回30名程度の市民が熱心に耳を傾けた。", 30, "approx"),
    ("毎回15名ほどの留学生がディスカッションを重ねた。", 15, "approx"),
    ("使節団は、教員3名と学生12名の計15名である。", 15, "exact"),
    ("予選を勝ち抜いた6名が舞台に立った。", 6, "exact"),
    ("地元の高校生約25人と合同で清掃活動を行った。", 25, "approx"),
    # ru
    ("Семинар, собравший более тридцати магистрантов, прошёл в Томске.", 30, "at_least"),
    ("Слушателей оказалось около пятидесяти, хотя зал рассчитан на сорок.", 50, "approx"),
    ("Зрителей собралось больше двухсот.", 200, "at_least"),
])
def test_recall_variants(text, value, qualifier):
    assert (value, qualifier) in figures(text)


@pytest.mark.parametrize("text", [
    "審査員の一人である教授が講評を述べた。",
    "実行委員の1人が司会を務めた。",
    # "と一緒に" far after an enrolment count in brackets is no joint activity
    "学科の学生(全体で約300人いるそうです)と一緒にブースを作った。",
])
def test_not_attendance(text):
    assert figures(text) == []
