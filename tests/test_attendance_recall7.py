"""Attendance (heldout7 phenomena), on invented variants in ja/en/ru: remote viewers counted
as a peak (up to N watched the stream, 最大N名が視聴した) are at_most figures while 最大 before
a plan or a quota stays out; a body's size stated with a membership verb (the network counts
N members, ассоциация насчитывает N участников, 会員は現在N名) is no attendance, a travelling
group's size is; a standing enrolment stated as its clause's topic (在籍者は1学年あたり約N名,
an intake of N students a year, на каждом курсе N студентов) is no attendance."""
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
    # remote viewers as a peak or a further group
    ("About 200 guests came to the hall, while up to 45 watched the webcast from abroad.", [(200, "approx"), (45, "at_most")]),
    ("A further 120 viewers watched the broadcast live.", [(120, "exact")]),
    ("Some 35 alumni viewed the live stream from home.", [(35, "approx")]),
    ("Up to 80 people watched remotely during the keynote.", [(80, "at_most")]),
    ("Около 150 гостей пришли на открытие, ещё до 70 зрителей смотрели трансляцию.", [(150, "approx"), (70, "at_most")]),
    ("シンポジウムのライブ配信は最大120人が同時に視聴しました。", [(120, "at_most")]),
    ("オンライン会場には最大で45名が参加した。", [(45, "at_most")]),
    # a member count with a participation word of its own stays
    ("会員は40名が総会に出席した。", [(40, "exact")]),
    ("The club has 40 members, and 25 of them attended the meeting.", [(25, "exact")]),
    # a body that had N participants (past): an event's count
    ("The association had 50 participants at its annual congress in Niigata.", [(50, "exact")]),
    ("Ассоциация насчитывала 40 участников на летней школе в Томске.", [(40, "exact")]),
    # a travelling group's size is a figure
    ("The delegation had 14 members and visited three campuses.", [(14, "exact")]),
    ("Our team has nine members; all of them took part in the final.", [(9, "exact")]),
])
def test_recall(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    # 最大 before a plan or a quota
    "来年度は最大30名の学生を受け入れる予定です。",
    "各回最大20名まで参加できます。",
    # a body's size
    "The consortium now counts 41 members after two colleges joined last spring.",
    "The society has over 300 members, several of whom attended the founding congress decades ago.",
    "Today the alliance comprises 18 members; Hokkaido University joined in 2022.",
    "Ассоциация насчитывает 26 участников; в июне к ней присоединился ещё один вуз.",
    "Консорциум объединяет более 40 участников из Японии и России, которые встречаются раз в год.",
    "ネットワークの会員は現在26名となり、今年度新たに二つの大学が加わった。",
    "加盟校は現在15校で、個人会員は約120名が登録し、毎年の総会に参加している。",
    # a standing enrolment as the topic of its clause
    "本専攻の在学生は各学年とも約25名で、多くが在学中に海外へ留学します。",
    "入学定員は1学年40名ですが、毎年そのうち数名がロシアへ留学しています。",
    "The department has an intake of about 30 students a year, half of whom study abroad.",
    "The programme admits 25 students each year; most go on exchange to Moscow.",
    "На каждом курсе около 30 студентов, половина из них едет на стажировку в Японию.",
    "Кафедра ежегодно набирает 25 студентов, многие затем участвуют в обменах.",
])
def test_not_attendance(text):
    assert figures(text) == []
