"""Date extractor: the phenomena of held-out set 8, on variants it does not show — a fiscal-year
range whose two ends name different eras (also hard-wrapped), an academic-year prefix written on
the year (AY2024), and a part of a month (a week, a half, a decade, the middle) before a bare month
name as a cue that makes it a date."""
from __future__ import annotations

import pytest

from test_dates import values

# an era range whose ends name different eras: each end in its own era
ERA_RANGES = [
    ("平成29～令和3年度に実施した事業。", ["FY2017/FY2021"]),
    ("昭和63～平成2年度の調査。", ["FY1988/FY1990"]),
    ("平成30～令和元年度に行った。", ["FY2018/FY2019"]),
    ("H28～R2年度の計画。", ["FY2016/FY2020"]),
    ("平成31～令和2年の記録。", ["2019/2020"]),
    ("本学の協力は平成27～令和\n3年度の事業に始まった。", ["FY2015/FY2021"]),
    ("平成28～30年度の事業。", ["FY2016/FY2018"]),  # one era named once: unchanged
    ("令和4～平成30年度", ["FY2018"]),  # the second end before the first: no range
]

# an academic-year prefix written on the year: as `academic year 2024`, a fiscal year
ACADEMIC_PREFIX = [
    ("Lab exchange in AY2022: the numbers.", ["FY2022"]),
    ("Table 2. Participants, AY 2021", ["FY2021"]),
    ("The AY2019-20 cohort was small.", ["2019/2020"]),
]

# a part of a month before a bare month name is a cue (a week, a half, the middle, a decade)
MONTH_PARTS = [
    ("The fair closed in March 2023. Applications are welcome until the first week of May.",
     "2023-03-10", ["2023-03", "2023-05"]),
    ("The fair closed in March 2023. Papers are due in the second half of June.",
     "2023-03-10", ["2023-03", "2023-06"]),
    ("Ярмарка прошла в марте 2023 года. Приём заявок продлится до середины мая.",
     "2023-03-10", ["2023-03", "2023-05"]),
    ("Ярмарка прошла в марте 2023 года. Следующая школа пройдёт с конца июня.",
     "2023-03-10", ["2023-03", "2023-06"]),
    ("Ярмарка прошла в марте 2023 года. Отчёт выйдет во второй половине мая.",
     "2023-03-10", ["2023-03", "2023-05"]),
    ("Ярмарка прошла в марте 2023 года. Отбор пройдёт во второй декаде июня.",
     "2023-03-10", ["2023-03", "2023-06"]),
    ("2023年3月に見本市を開いた。申込は5月中旬まで受け付ける。",
     "2023-03-10", ["2023-03", "2023-05"]),
]
MONTH_PARTS_NOT = [
    "The first week of the course was hard.",
    "Середина дня была жаркой.",
]


@pytest.mark.parametrize("text,expected", ERA_RANGES + ACADEMIC_PREFIX)
def test_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", MONTH_PARTS_NOT)
def test_not_dates(text):
    assert values(text) == []


@pytest.mark.parametrize("text,published,expected", MONTH_PARTS)
def test_month_parts_are_cues(text, published, expected):
    assert values(text, published=published) == expected
