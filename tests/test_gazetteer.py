"""The institution gazetteer: validation on load, and matching of every name form."""
from __future__ import annotations

import pytest

from pipeline.extract import gazetteer, orgwords
from pipeline.extract.gazetteer import TYPES, Gazetteer, load, words

# (text, expected surfaces with ids, in order)
MATCHES = [
    ("本学と新潟大学で共同採択", [("新潟大学", "niigata-university")]),
    ("東北大学の学生", [("東北大学", "tohoku-university")]),  # not 北大 inside it
    ("独立行政法人日本貿易振興機構（JETRO）", [("日本貿易振興機構", "jetro"), ("JETRO", "jetro")]),
    ("students of Kazan Federal University and KFU", [("Kazan Federal University", "kazan-federal-university")]),
    ("the Japan Russia youth Exchange Center", [("Japan Russia youth Exchange Center", "japan-russia-youth-exchange-center")]),
    ("Saint-Petersburg State University", [("Saint-Petersburg State University", "saint-petersburg-state-university")]),
    ("делегация Уральского федерального университета", [("Уральского федерального университета", "ural-federal-university")]),
    ("в Дальневосточном федеральном университете (ДВФУ)",
     [("Дальневосточном федеральном университете", "far-eastern-federal-university"), ("ДВФУ", "far-eastern-federal-university")]),
    ("сотрудник Посольства Японии в Российской Федерации", [("Посольства Японии в Российской Федерации", "embassy-of-japan-in-russia")]),
    ("лекция Посла в Университете Сока", [("Университете Сока", "soka-university")]),
    ("Mitsui and Co. and Mitsui & Co.", [("Mitsui and Co.", "mitsui-and-co"), ("Mitsui & Co.", "mitsui-and-co")]),
    ("TUFS students", [("TUFS", "tokyo-university-of-foreign-studies")]),
    ("KFU-RIKEN laboratory", [("RIKEN", "riken")]),
    # "Российской Федерации" may be written "РФ", in any case form
    ("письмо Министерству науки и высшего образования РФ",
     [("Министерству науки и высшего образования РФ", "minobrnauki-russia")]),
    ("в Нижегородском государственном университете им. Н.И. Лобачевского",
     [("Нижегородском государственном университете им. Н.И. Лобачевского", "lobachevsky-university")]),
    ("funded by AMED", [("AMED", "amed")]),
]

NO_MATCH = [
    "tufs students",  # abbreviations are case-sensitive
    "Hokkaido University of Education",  # a longer name: another organisation
]


@pytest.mark.parametrize("text, expected", MATCHES)
def test_gazetteer_matches_every_name_form(text, expected):
    g = gazetteer.default()
    got = [(text[f.start:f.end], f.id) for f in g.find(text, words(text))]
    assert got == expected


@pytest.mark.parametrize("text", NO_MATCH)
def test_gazetteer_does_not_match(text):
    g = gazetteer.default()
    assert g.find(text, words(text)) == []


def test_default_gazetteer_is_valid_and_covers_the_field():
    g = gazetteer.default()
    assert len(g.entries) > 80
    for e in g.entries.values():
        assert e.type in TYPES
        assert e.ja or e.en or e.ru
    for oid in ("hokkaido-university", "moscow-state-university", "mext", "jetro", "rotobo", "istc",
                "rossotrudnichestvo", "russian-academy-of-sciences", "feb-ras", "riken",
                "japan-russia-university-association", "embassy-of-japan-in-russia",
                "embassy-of-russia-in-japan", "trade-representation-of-russia-in-japan"):
        assert oid in g.entries, oid
    assert g.entries["feb-ras"].parent == "russian-academy-of-sciences"


def test_org_words_load():
    w = orgwords.default()
    assert w.ja_heads["大学"].type == "university"
    assert w.ru_heads["университетом"].en == "University"
    assert "университетов" not in w.ru_heads  # plural forms are never a head
    assert orgwords.place_en(w, "ロシア連邦") == ("Russia", "RU")
    assert orgwords.place_en_ru(w, "Российской Федерации") == "Russia"


BAD = [
    ('[[org]]\nid = "Bad Id"\ntype = "university"\nen = ["X"]', "lower-case slug"),
    ('[[org]]\nid = "x"\ntype = "castle"\nen = ["X"]', "type 'castle'"),
    ('[[org]]\nid = "x"\ntype = "university"\ncountry = "Japan"\nen = ["X"]', "ISO 3166-1"),
    ('[[org]]\nid = "x"\ntype = "university"', "at least one name"),
    ('[[org]]\nid = "x"\ntype = "university"\nen = ["X"]\nwebsite = "y"', "unknown keys"),
    ('[[org]]\nid = "x"\ntype = "university"\nen = ["X"]\nparent = "nowhere"', "parent 'nowhere'"),
    ('[[org]]\nid = "x"\ntype = "university"\nen = ["X"]\n[[org]]\nid = "x"\ntype = "university"\nen = ["Y"]',
     "duplicate id"),
    ('[[org]]\nid = "x"\ntype = "university"\nen = "X"', "list of non-empty strings"),
    ("[[org]\n", "cannot read"),
]


@pytest.mark.parametrize("toml, message", BAD)
def test_gazetteer_validation_names_the_problem(tmp_path, toml, message):
    p = tmp_path / "institutions.toml"
    p.write_text(toml, encoding="utf-8")
    with pytest.raises(orgwords.DataError, match=message.replace("(", r"\(")):
        load(p)


def test_all_problems_reported_at_once(tmp_path):
    p = tmp_path / "institutions.toml"
    p.write_text('[[org]]\nid = "x"\ntype = "castle"\ncountry = "Japan"\nen = ["X"]', encoding="utf-8")
    with pytest.raises(orgwords.DataError) as e:
        load(p)
    assert "castle" in str(e.value) and "ISO" in str(e.value)


def test_trie_regex_prefers_the_longest_name():
    g = Gazetteer([gazetteer.Entry("a", "university", "JP", ja=("東京大学",)),
                   gazetteer.Entry("b", "university", "JP", ja=("東京大学大学院",))])
    text = "東京大学大学院と東京大学"
    assert [(text[f.start:f.end], f.id) for f in g.find(text, words(text))] == [("東京大学大学院", "b"), ("東京大学", "a")]
