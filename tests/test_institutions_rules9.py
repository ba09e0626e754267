"""Institutions: rules for the gaps heldout8 left (local governments in lists and Korean/Chinese city
forms, a division named with its city, publication mastheads, distributive generic phrases), each
with variants that set does not contain."""
from __future__ import annotations

import pytest
from test_institutions import run, texts

# (text, the organisation mentions, in order)
LOCAL = [
    # 広域市/特別市/直轄市: always a city government
    ("韓国の釜山広域市を訪問した。", ["釜山広域市"]),
    ("ソウル特別市の職員が来学した。", ["ソウル特別市"]),
    ("重慶直轄市との交流が続く。", ["重慶直轄市"]),
    # a list joined by および/及び/並びに acts like one joined by と/、
    ("仙台市および仙台観光国際協会と連携して実施した。", ["仙台市", "仙台観光国際協会"]),
    ("金沢市及び石川県の後援を得た。", ["金沢市", "石川県"]),
    ("新潟市並びに長岡市の協力により開催した。", ["新潟市", "長岡市"]),
    # governments listed next to an acting one share its role
    ("ウラジオストク市、青島市、光州広域市の各市役所が協力した。", ["ウラジオストク市", "青島市", "光州広域市"]),
    ("大連市、ハバロフスク市と共同で実施した。", ["大連市", "ハバロフスク市"]),
    # not acting, not listed with one that acts: a place
    ("富山県、金沢市を訪れた。", []),
    ("学生は大連市に滞在した。", []),
]


@pytest.mark.parametrize("text, expected", LOCAL)
def test_local_governments(make_doc, text, expected):
    assert texts(run(make_doc, text)) == expected


# a division written right after its city/prefecture is one mention with it (never alone)
DIVISION = [
    ("お問い合わせ：札幌市総務局国際部交流課", [("札幌市総務局国際部交流課", "city-of-sapporo"), ("札幌市", None)]),
    ("担当：横浜市国際局国際連携課まで", [("横浜市国際局国際連携課", "city-of-yokohama"), ("横浜市", None)]),
    ("富山県観光振興室が協力した。", [("富山県観光振興室", "toyama-prefectural-government"), ("富山県", None)]),
]


@pytest.mark.parametrize("text, expected", DIVISION)
def test_division_with_its_city(make_doc, text, expected):
    assert [(m.text, m.parent) for m in run(make_doc, text)] == expected


# an organisation word for each of several (both countries' ministries) is no one organisation
EACH = [
    ("名大の修了生が両国の司法省や裁判所で活躍している。", []),
    ("双方の教育省が合意した。", []),
    ("各大学の国際交流センターが担当した。", []),
    ("各国の大使館に連絡した。", []),
    ("両国の東京大学とモスクワ大学が参加した。", ["東京大学", "モスクワ大学"]),  # names stay names
    ("Officials from the Ministry of Justice of each country met.", []),
    ("Each country's Ministry of Foreign Affairs issued visas.", []),
    ("The Ministries of Education of the two countries signed.", []),
    ("The Ministry of Education of Japan supported it.", ["Ministry of Education of Japan"]),
    ("Kazakh National University hosted students of both countries.", ["Kazakh National University"]),
    ("Министерства образования двух стран подписали соглашение.", []),
    ("Представители Министерства юстиции каждой страны выступили.", []),
    ("Министерство образования Казахстана поддержало проект.", ["Министерство образования Казахстана"]),
]


@pytest.mark.parametrize("text, expected", EACH)
def test_for_each_of_several(make_doc, text, expected):
    assert texts(run(make_doc, text)) == expected


# a publication's masthead after an organisation's name is no part of it
MASTHEAD = [
    ("Graduate School of Engineering Global Lab News", ["Graduate School of Engineering"]),
    ("KYOTO UNIVERSITY | FACULTY OF LAW INTERNATIONAL NEWSLETTER Spring issue", ["KYOTO UNIVERSITY", "FACULTY OF LAW"]),
    ("The Faculty of Science Alumni Newsletter is out.", ["Faculty of Science"]),
    ("The Institute of Physics Bulletin reported it.", ["Institute of Physics"]),
    ("The Faculty of Arts and Design Newsletter is out.", ["Faculty of Arts and Design"]),
    ("The School of Medicine Research Review appeared.", ["School of Medicine"]),
    ("The Faculty of Information Science and Technology hosted it.", ["Faculty of Information Science and Technology"]),
]


@pytest.mark.parametrize("text, expected", MASTHEAD)
def test_masthead(make_doc, text, expected):
    assert texts(run(make_doc, text)) == expected
