"""Attendance (heldout8 phenomena), on invented variants in ja/en/ru: people who moved between
places in an exchange (N students moved between labs, выехали N студентов, N名が滞在した) took
part; a people noun with a modifier between it and the number (200 industry guests) and guests as
a strong unit; a group whose size is a compound before it (a 15-member delegation, a 12-strong
team); capacity written as space or room for N; a count of people who earned a degree is an
outcome; a table's total row restating a figure of the running text is that one figure."""
from __future__ import annotations

import pytest

from pipeline.extract.attendance_cues import cues
from pipeline.extract.attendance_repeats import drop_restated_totals
from pipeline.model import AttendanceMention

from conftest import build_doc
from test_attendance_recall7 import figures


@pytest.mark.parametrize("text, expected", [
    # moving between places in an exchange
    ("Busiest year yet. Forty-one students moved between our campus and three partners.", [(41, "exact")]),
    ("Last year 12 researchers rotated through the partner labs in Seoul.", [(12, "exact")]),
    ("About 20 students spent a semester in Sapporo.", [(20, "approx")]),
    ("В прошлом году по обмену выехали 25 студентов университета.", [(25, "exact")]),
    ("На стажировку в Японию уехали около 10 аспирантов.", [(10, "approx")]),
    ("本学の学生12名がソウル大学に3か月間滞在した。", [(12, "exact")]),
    # a modifier between the number and a people noun; guests count by themselves
    ("The ceremony was held before some 300 invited guests.", [(300, "approx")]),
    ("More than 40 overseas visitors toured the plant.", [(40, "at_least")]),
    ("The gala had 120 guests.", [(120, "exact")]),
    ("Церемонию посетили более 200 гостей из Японии.", [(200, "at_least")]),
    # a group sized by a compound
    ("A 15-member delegation from Tohoku University toured the port.", [(15, "exact")]),
    ("A twelve-person team from Kazan competed in the final.", [(12, "exact")]),
    ("The university's 9-strong contingent competed at the games.", [(9, "exact")]),
    ("本学から15名の代表団が来日した。", [(15, "exact")]),
    ("Делегация из 15 человек посетила порт.", [(15, "exact")]),
])
def test_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    # capacity
    ("The reunion is set for May, with space for 150 guests."),
    ("The new hall has room for 300 visitors."),
    ("Зал рассчитан на 300 гостей."),
    ("会場は定員200名です。"),
    # degrees earned: an outcome
    ("So far 30 students have earned degrees from both universities."),
    ("Since 2015, 45 students graduated with double diplomas."),
    ("12 студентов получили двойные дипломы."),
    ("К 2024 году 20 выпускников защитили диссертации."),
    ("本研究科で博士号を取得した留学生は、これまでに累計で五十名となった。"),
    ("５名が両大学の学位を取得した。"),
    # a committee's size, a sized compound that is no group
    ("The 20-member committee meets every year."),
    ("The hotel offers 3-person rooms."),
])
def test_not_figures(text):
    assert figures(text) == []


def test_degree_course_participants_stay():
    assert figures("Eight PhD students attended the double degree workshop.") == [(8, "exact")]
    assert figures("学位プログラムの説明会には学生30名が参加した。") == [(30, "exact")]


def _table_doc(text: str, cells: list[list[str]]):
    """A paragraph, then a table of cell blocks (row by row) after it."""
    doc = build_doc(text + "\n\n" + "\n\n".join(c for row in cells for c in row))
    flat = [(r, c) for r, row in enumerate(cells) for c in range(len(row))]
    for b, (r, c) in zip(doc.blocks[1:], flat):
        b.kind, b.table, b.row, b.col = "table_cell", 0, r, c
    return doc


def _mention(doc, text: str, value: int, last: bool = False) -> AttendanceMention:
    i = doc.text.rindex(text) if last else doc.text.index(text)
    return AttendanceMention(text=text, start=i, end=i + len(text), value=value)


@pytest.mark.parametrize("text, total_word, total_text", [
    ("あわせて24名の青少年を派遣した。", "合計", "24名"),
    ("In all, 24 students travelled to the three cities.", "Total", "24"),
    ("Всего за рубеж выехали 24 студента.", "Итого", "24"),
])
def test_total_row_restating_the_text(text, total_word, total_text):
    cells = [["Город", "8"], ["Town", "16"], [total_word, total_text]]
    doc = _table_doc(text, cells)
    said = _mention(doc, "24", 24)
    part = _mention(doc, "16", 16)
    total = _mention(doc, total_text, 24, last=True)
    kept = drop_restated_totals(doc, [said, part, total], cues().table_total)
    assert kept == [said, part]


def test_total_row_of_another_value_stays():
    doc = _table_doc("In all, 30 students travelled.", [["Town", "8"], ["Total", "24"]])
    fig = _mention(doc, "24", 24, last=True)
    said = _mention(doc, "30", 30)
    assert drop_restated_totals(doc, [said, fig], cues().table_total) == [said, fig]
