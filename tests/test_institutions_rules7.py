"""Institutions: rules for phenomena the heldout7 set showed, each with variants that set does
not contain: 第 + numeral names, address words after an organisation word, company forms as
written, gazetteer names inside longer names, acting local and regional governments (ja/en),
"and X's" boundaries, mission names with a city after them, Russian names in the nominative and
plural case forms."""
from __future__ import annotations

import pytest
from test_institutions import run, texts

from pipeline.extract.gazetteer import ru_stem


# (text, the organisation mentions, in order)
NAMES = [
    # 第 + a kanji numeral before a name word belongs to the name
    ("第一三共株式会社と第十八銀行が協賛した。", ["第一三共株式会社", "第十八銀行"]),
    ("第一勧業銀行の支店長が挨拶した。", ["第一勧業銀行"]),
    ("第四銀行が後援した。", ["第四銀行"]),
    # ... but ordinals stay ordinals
    ("第2回日露大学協会総会が開かれた。", ["日露大学協会"]),
    ("第三者機関が評価した。", []),
    ("第二地方銀行の職員が来た。", []),
    ("北海道大学学術交流会館第一会議室で開催した。", ["北海道大学"]),
    ("第二研究室の学生が発表した。", []),
    # an address word after an organisation word makes a street or district
    ("所在地：大阪市北区大学町3丁目5番地", []),
    ("〒940-0000 長岡市学校町2丁目1番", []),
    ("会場は富山市学園通1番地のホールです。", []),
    # a company form before or after the name is part of the name as written
    ("有限会社 サクラ商事と合同会社ミライが協賛した。", ["有限会社 サクラ商事", "合同会社ミライ"]),
    ("(株)ノース技研が機材を提供した。", ["(株)ノース技研"]),
    ("協賛企業の株式会社北洋商会が参加した。", ["株式会社北洋商会"]),
    # a gazetteer company name beginning a longer organisation name is not a mention of its own
    ("日本航空宇宙学会の会員が参加した。", ["日本航空宇宙学会"]),
    ("日本航空技術協会と日本航空が協力した。", ["日本航空技術協会", "日本航空"]),
    # Russian federal subjects: with an office word always, bare only when acting
    ("イルクーツク州政府の代表団が来日した。", ["イルクーツク州政府"]),
    ("ハバロフスク地方行政府と覚書を交わした。", ["ハバロフスク地方行政府"]),
    ("サハ共和国政府が後援した。", ["サハ共和国政府"]),
    ("ロシア沿海地方政府の担当者が出席した。", ["沿海地方政府"]),
    ("ハバロフスク地方が主催した。", ["ハバロフスク地方"]),
    ("夏にサハリン州を訪れた。", []),
    ("タタールスタン共和国の首都カザンに滞在した。", []),
    ("東北地方の大学が集まった。", []),
    # Japanese local governments acting: subject of an act, partner in a joint act
    ("札幌市は、昨年12月に市内の会場でロシア語講座を開設しました。", ["札幌市"]),
    ("事業はウラジオストク市と共同で実施している。", ["ウラジオストク市"]),
    ("金沢市と連携して交流会を開いた。", ["金沢市"]),
    ("札幌市は雪が多く、北海道大学が講座を開設した。", ["北海道大学"]),
    ("学生は札幌市を訪れた。", []),
    # English: "and" does not join a name to the next one's possessor
    ("The Faculty of Law and Tomsk State University’s Institute of Physics signed.",
     ["Faculty of Law", "Tomsk State University", "Institute of Physics"]),
    ("The School of Medicine and Niigata's Graduate School of Health Sciences met.",
     ["School of Medicine", "Graduate School of Health Sciences"]),
    ("The Ministry of Education and Science sent experts.", ["Ministry of Education and Science"]),
    # English: a mission named with its city after the head
    ("Staff of the U.S. Consulate General Sapporo attended.", ["U.S. Consulate General Sapporo"]),
    ("The British Embassy Tokyo hosted a reception.", ["British Embassy Tokyo"]),
    ("The Consulate General of Japan in Khabarovsk and the Embassy of Japan in Russia helped.",
     ["Consulate General of Japan in Khabarovsk", "Embassy of Japan in Russia"]),
    # English: local governments acting with / by
    ("The forum was co-organised with Toyama Prefecture.", ["Toyama Prefecture"]),
    ("It was held in cooperation with Niigata City.", ["Niigata City"]),
    ("Homestays were arranged by Hokkaido Prefecture's international affairs division.", ["Hokkaido Prefecture"]),
    ("The camp was run by the Vanino City Administration.", ["Vanino City Administration"]),
    ("Students visited Toyama Prefecture in May.", []),
]


@pytest.mark.parametrize("text, expected", NAMES)
def test_names(make_doc, text, expected):
    assert texts(run(make_doc, text)) == expected


@pytest.mark.parametrize("text, surface, name", [
    ("研究には株式会社トーワ電機も参加する。", "株式会社トーワ電機", "トーワ電機"),
    ("㈱ミナト物産が協賛した。", "㈱ミナト物産", "ミナト物産"),
    # a Russian case form is named in the nominative
    ("Доклад прочитали в Новосибирском государственном техническом университете.",
     "Новосибирском государственном техническом университете", "Новосибирский государственный технический университет"),
    ("Письмо направили Министерству культуры Хабаровского края.",
     "Министерству культуры Хабаровского края", "Министерство культуры Хабаровского края"),
    ("Делегация Университета Кагосима прибыла в Иркутск.", "Университета Кагосима", "Университет Кагосима"),
    ("Выставка пройдёт в Университете Тиба в мае.", "Университете Тиба", "Университет Тиба"),
    ("Грант выделила Восточной академией наук.", "Восточной академией наук", "Восточная академия наук"),
])
def test_name_forms(make_doc, text, surface, name):
    ms = {m.text: m for m in run(make_doc, text)}
    assert surface in ms and ms[surface].name == name


@pytest.mark.parametrize("forms", [
    ["авиалинии", "авиалиний", "авиалиниям", "авиалиниями", "авиалиниях"],
    ["Уральские", "Уральских", "Уральским", "Уральскими"],
    ["лаборатории", "лабораториями", "лабораториях"],
])
def test_plural_case_forms_share_a_stem(forms):
    assert len({ru_stem(f) for f in forms}) == 1


@pytest.mark.parametrize("text", [
    "Перелёт обеспечили Уральскими авиалиниями.",
    "Спонсором выступили Уральские авиалинии.",
    "Билеты Уральских авиалиний были бесплатными.",
])
def test_plural_names_link_to_the_gazetteer(make_doc, text):
    assert [m.id for m in run(make_doc, text)] == ["ural-airlines"]
