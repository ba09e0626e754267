"""Language-independent keys of organisation names: the same organisation named in Japanese,
English and Russian gets equal keys; different organisations do not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.orgkeys import key, polivanov, same

SAME = [
    ("日本ロシア語翻訳者協会", "Japan Association of Russian Translators"),
    ("日本ロシア語翻訳者協会", "Японская ассоциация переводов русского языка"),
    ("富山県立大学", "Университет префектуры Тояма"),
    ("富山県立大学", "Университета префектуры Тоямы"),
    ("富山県立大学", "Toyama Prefectural University"),
    ("千葉大学", "Университет Тибы"),
    ("イルクーツク国立大学", "Иркутский государственный университет"),
    ("イルクーツク国立大学", "Irkutsk State University"),
    ("カザン連邦大学", "Казанского федерального университета"),
    ("日露青年交流センター", "Japan-Russia Youth Exchange Center"),
    ("Far Eastern Youth Foundation", "Дальневосточный молодёжный фонд"),
]

DIFFERENT = [
    ("東京大学", "Kyoto University"),
    ("富山県立大学", "Prefectural University of Hiroshima"),
    ("富山県立大学", "University of Toyama"),  # a national university, not the prefectural one
    ("日本ロシア語翻訳者協会", "Japan Association of Russian Interpreters"),
    ("島根大学", "Университет Сока"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_same_organisation_same_key(a, b):
    assert same(key(a), key(b)), (key(a), key(b))


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_organisations_different_keys(a, b):
    assert not same(key(a), key(b)), (key(a), key(b))


@pytest.mark.parametrize("ru, latin", [
    ("Симанэ", "shimane"), ("Тиба", "chiba"), ("Канадзава", "kanazava"), ("Мацуяма", "matsuyama"),
    ("Сёва", "shova"), ("Дзёти", "jochi"),
])
def test_polivanov_reading(ru, latin):
    assert polivanov(ru) == latin


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("大学協会ロシア日本県立 UniversityofТиба университет()-")), max_size=20))
def test_key_never_fails_and_is_stable(name):
    assert key(name) == key(name)
