"""Date patterns: first-character gates change no match, and shifted atoms keep every field."""
from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.date_patterns import Atom, Point, patterns

_GATE = re.compile(r"\(\?=\[[^\]]*\]\)")  # a leading (?=[...]) look-ahead (date_forms.gate)

# letters the gated patterns start with, in every case, with the characters re.I folds onto
# them (İ ı ſ K-sign), digits, spaces and punctuation around dates and issue numbers
_ALPHABET = ("NnoOVvIiİısSſtTdDeEfFcClLBbHhRrMmKkYyWw№ВвТтСсОоПпЗзУу第通巻号交以創建採発結締設調開本今昨来年度"
             "нвпуск ыйиа.,-(（）)0123456789\u212a \t")
_GATED = ("issue", "issue_year", "historical_before", "relative", "latin_era")


def _ungated(p: re.Pattern) -> re.Pattern:
    assert _GATE.match(p.pattern), p.pattern[:40]
    return re.compile(_GATE.sub("", p.pattern, count=1), p.flags)


@pytest.mark.parametrize("name", _GATED)
def test_patterns_searched_through_blocks_are_gated(name):
    assert _GATE.match(getattr(patterns(), name).pattern)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_gate_changes_no_match(text):
    for name in _GATED:
        gated = getattr(patterns(), name)
        plain = _ungated(gated)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)], name
        for end in range(len(text) + 1):  # the look-back searches end at an atom's start
            g, p = gated.search(text, max(0, end - 40), end), plain.search(text, max(0, end - 40), end)
            assert (g and g.span()) == (p and p.span()), (name, end)


@pytest.mark.parametrize("text", ["No.5 令和2年", "Issue 12 (2020)", "Вып. 5, 2023", "第428号", "iSSUE 3",
                                  "signed in", "основан в", "協定を締結は", "this year", "本年度", "Heisei 15"])
def test_gate_changes_no_match_examples(text):
    for name in _GATED:
        gated = getattr(patterns(), name)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in _ungated(gated).finditer(text)]


def test_shifted_copies_every_field():
    values = {"start": 1, "end": 3, "a": Point(2020, 4), "b": Point(2020, 5), "rule": "ja_month_range",
              "weak": True, "confidence": 0.7, "relative": 1, "relative_fiscal": True, "historical": True}
    assert set(values) == {f.name for f in dataclasses.fields(Atom)}  # a new field needs shifted() too
    atom = Atom(**values)
    moved = atom.shifted(10)
    assert dataclasses.asdict(moved) == {**dataclasses.asdict(atom), "start": 11, "end": 13}
    assert (atom.start, atom.end) == (1, 3)  # the original is left as it was
