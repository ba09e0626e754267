"""Numbers as written (Arabic with separators, European decimal comma, kanji, number words)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract import numerals


@pytest.mark.parametrize("text, mult, value", [
    ("1,000", None, 1000),
    ("400,000", None, 400000),
    ("1.000", None, 1000),
    ("1 000", None, 1000),
    ("１２８", None, 128),
    ("1,5", "million", 1_500_000),
    ("1.5", "万", 15000),
    ("3", "тыс.", 3000),
    ("2,5", "млн", 2_500_000),
    ("1.5", None, None),  # 1.5 persons is not a count
    ("百二十", None, 120),
    ("一千二百", None, 1200),
    ("三万五千", None, 35000),
    ("二〇二〇", None, 2020),
    ("十", None, 10),
    ("二十五", None, 25),
    ("twenty-five", None, 25),
    ("two hundred and fifty", None, 250),
    ("sixty", None, 60),
    ("a dozen", None, 12),
    ("a hundred", None, 100),
    ("a hundred and fifty", None, 150),
    ("a thousand", None, 1000),
    ("двести пятьдесят", None, 250),
    ("сто", None, 100),
])
def test_value(text, mult, value):
    assert numerals.value(text, mult) == value


@pytest.mark.parametrize("text", ["", "abc", "万", "a", "twenty apples"])
def test_not_a_number(text):
    assert numerals.value(text) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators_round_trip(n):
    assert numerals.arabic_value(f"{n:,}") == n
    assert numerals.arabic_value(str(n)) == n


def to_kanji(n: int) -> str:
    digits = "〇一二三四五六七八九"
    out = ""
    for unit, ch in ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            out += (to_kanji(q) if unit == 10_000 else ("" if q == 1 else digits[q])) + ch
    return out + (digits[n] if n else "")


@given(st.integers(min_value=1, max_value=99_999_999))
def test_kanji_round_trip(n):
    assert numerals.kanji_value(to_kanji(n)) == n


@pytest.mark.parametrize("text, words", [
    ("nearly a hundred students", "a hundred"),
    ("A dozen visitors", "A dozen"),
    ("Twenty-four finalists", "Twenty-four"),
    ("a hundred and fifty people", "a hundred and fifty"),
])
def test_en_words_pattern_reads_the_whole_number(text, words):
    m = re.search(f"(?i:{numerals.EN_WORDS})", text)
    assert m and m.group() == words and numerals.word_value(words) is not None
