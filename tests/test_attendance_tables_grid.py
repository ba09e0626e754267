"""Tables that survive as text: one cell per line under a header ending with a participants
column, and one-line rows under a header whose last word is a total."""
from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.extract import attendance, dates
from pipeline.model import check_spans

from conftest import build_doc

CFG = Config()


def figures(text: str):
    doc = build_doc(text)
    dates.extract(doc, CFG)
    attendance.extract(doc, CFG)
    assert check_spans(doc) == []
    return [(f.value, f.qualifier, f.cumulative) for f in doc.attendance], doc


@pytest.mark.parametrize("text, expected", [
    ("Event\n\nDate\n\nHost\n\nParticipants\n\nSummer seminar on ice physics\n\n5 July 2021\n\nHokkaido University"
     "\n\nabout 40\n\nTea ceremony workshop (6 sessions)\n\nMay – June 2021\n\nTomsk State University\n\n"
     "72 (cumulative)\n\nPoetry evenings\n\nautumn 2021\n\nUrFU\n\nfewer than 25 per evening",
     [(40, "approx", False), (72, "exact", True), (25, "at_most", False)]),
])
def test_cells_one_per_line(text, expected):
    assert figures(text)[0] == expected


@pytest.mark.parametrize("text, value, parts", [
    ("Вуз Магистранты Аспиранты Всего\n\nДВФУ 10 2 12\n\nСВФУ (Якутск) 4 1 5\n\nИтого 14 3 17", 17, [12, 5]),
    ("University Students Staff Total\n\nHokkaido University 12 3 15\n\nNiigata University 6 2 8\n\nTotal 18 5 23",
     23, [15, 8]),
    ("大学 学生 教員 合計\n\n北海道大学 10 2 12\n\n新潟大学 5 1 6\n\n合計 15 3 18", 18, [12, 6]),
])
def test_total_row_under_a_total_header(text, value, parts):
    figs, doc = figures(text)
    assert figs == [(value, "exact", True)]
    assert [b.value for b in doc.attendance[0].breakdown] == parts
