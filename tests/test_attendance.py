"""Attendance figures: figures and non-figures in Japanese, English and Russian, qualifiers,
cumulative totals, breakdowns, tables, and the span contract."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import Config
from pipeline.extract import attendance, dates
from pipeline.model import Block, Document, Source, check_spans

from conftest import build_doc

CFG = Config()

# (text, value, qualifier, cumulative)
FIGURES = [
    # Japanese
    ("第2回会議には昨年度を大きく上回る約160名が参加しました。", 160, "approx", False),
    ("各回には日露より140名以上の参加があった。", 140, "at_least", False),
    ("学術交流イベント12件に1000名を超える参加があった。", 1000, "at_least", True),
    ("2020年度は8件のイベントに延べ943名が参加した。", 943, "exact", True),
    ("日露の研究者・学生約100名が交流した。", 100, "approx", False),
    ("講演会には学生百二十名が出席した。", 120, "exact", False),
    ("フェスティバルには1.5万人が来場した。", 15000, "exact", False),
    ("説明会には50人未満が参加した。", 50, "at_most", False),
    ("交流会にはおよそ300人が集まった。", 300, "approx", False),
    ("フォーラムには１２８名が参加した。", 128, "exact", False),
    ("セミナーに200名余りが参加した。", 200, "at_least", False),
    ("総勢48名の参加がありました。", 48, "exact", False),
    ("累計2,500名が受講した。", 2500, "exact", True),
    ("代表団の教師3名が本学を訪問された。", 3, "exact", False),
    ("参加者数：45", 45, "exact", False),
    ("講演会はオンラインで約200名が視聴しました。", 200, "approx", False),
    ("会場では約30名が観覧した。", 30, "approx", False),
    ("発表会では100名を超える聴衆を前に発表した。", 100, "at_least", False),
    ("派遣学生は累計で150名を超えています。", 150, "at_least", True),
    # English
    ("In total, more than100 persons participated in the symposium.", 100, "at_least", False),
    ("The forum was attended by about 200 people.", 200, "approx", False),
    ("The conference drew over 1,000 participants from 30 countries.", 1000, "at_least", False),
    ("Almost 400,000 people joined the events that took place in 2020.", 400000, "approx", True),
    ("More than 600 events were held, bringing together more than 1,5 million people.", 1500000, "at_least", True),
    ("The lecture had an attendance of 85.", 85, "exact", False),
    ("Up to 50 students took part in the workshop.", 50, "at_most", False),
    ("Around 2,500 visitors came to the exhibition.", 2500, "approx", False),
    ("Twenty-five researchers attended the seminar.", 25, "exact", False),
    ("Some 300 delegates from Japan and Russia met in Kazan.", 300, "approx", False),
    ("At least 40 Japanese and Russian students joined the camp.", 40, "at_least", False),
    ("A public lecture on the second day drew around 150 residents of Irkutsk.", 150, "approx", False),
    ("The universities have exchanged more than 40 students and researchers since 2015.", 40, "at_least", True),
    # Russian
    ("В форуме приняли участие более 100 участников.", 100, "at_least", False),
    ("На лекции присутствовало ок. 250 человек.", 250, "approx", False),
    ("В конференции приняли участие 50 студентов.", 50, "exact", False),
    ("Фестиваль посетили свыше 3 тыс. человек.", 3000, "at_least", False),
    ("Семинар собрал почти 70 слушателей.", 70, "approx", False),
    ("На встрече присутствовали порядка 40 человек.", 40, "approx", False),
    ("В олимпиаде участвовали не менее 30 школьников.", 30, "at_least", False),
    ("Всего за три года в мероприятиях приняли участие 5 000 человек.", 5000, "exact", True),
]

# Word orders, number words and person nouns beyond "NUMBER unit + verb" (ja, en, ru)
ORDERS = [
    ("学内選考を経て、80名を超える学生がこのプログラムに参加した。", 80, "at_least", False),
    ("今年度は100名以上の留学生が研修に参加しました。", 100, "at_least", False),
    ("交流会には留学生ら30人余りが加わった。", 30, "at_least", False),
    ("研究者・学生50名余が参加した。", 50, "at_least", False),
    ("講義には約二百名が聴講した。", 200, "approx", False),
    ("参加者は250名に上った。", 250, "exact", False),
    ("来場者数は延べ4,500人に達した。", 4500, "exact", True),
    ("90人余りが聴講した。", 90, "at_least", False),
    ("約40名の学生が参加した。", 40, "approx", False),
    ("参加人数：35名", 35, "exact", False),
    ("参加者数 約180名", 180, "approx", False),
    ("Eighteen finalists competed in the final round held in Osaka.", 18, "exact", False),
    ("Twelve semi-finalists competed for the prize.", 12, "exact", False),
    ("Thirty-two delegates attended the assembly.", 32, "exact", False),
    ("Fifteen speakers took part in the panel.", 15, "exact", False),
    ("About 90 viewers followed the webcast.", 90, "approx", False),
    ("The performance was watched online by around 900 viewers.", 900, "approx", False),
    ("The project involved 22 researchers from both countries.", 22, "exact", False),
    ("The expedition involved 9 team members from Japan and Russia.", 9, "exact", False),
    ("The festival drew over 500 attendees.", 500, "at_least", False),
    ("The seminar was held in Sendai with 60 in attendance.", 60, "exact", False),
    ("A crowd of about 3,000 gathered on the square.", 3000, "approx", False),
    ("Participation reached 210 this year.", 210, "exact", False),
    ("Turnout exceeded 400 this year.", 400, "at_least", False),
    ("The number of participants totalled 95.", 95, "exact", False),
    ("The workshop, limited to 30 places, was attended by 28 students.", 28, "exact", False),
    ("Out of 200 applicants, 35 students were selected and took part in the school.", 35, "exact", False),
    ("Thirty finalists, chosen from 90 applicants, performed on stage.", 30, "exact", False),
    ("Онлайн-лекцию посмотрели более 400 человек.", 400, "at_least", False),
    ("Число зрителей перевалило за 1000.", 1000, "at_least", False),
    ("Посмотрели трансляцию около 300 человек.", 300, "approx", False),
    ("Фестиваль посмотрели онлайн около 2 тыс. человек.", 2000, "approx", False),
    ("В мероприятии приняли участие более 90 студентов.", 90, "at_least", False),
    ("Участниками конкурса стали 38 школьников.", 38, "exact", False),
    ("Фестиваль собрал свыше 5 тыс. зрителей.", 5000, "at_least", False),
    ("Число участников превысило 250.", 250, "at_least", False),
    ("Число слушателей достигло 340.", 340, "exact", False),
    ("Количество участников составило около 600.", 600, "approx", False),
    ("Аудитория лекции составила около 800 человек.", 800, "approx", False),
    ("Количество зрителей трансляции составило 1,5 тыс.", 1500, "exact", False),
    ("The lecture was attended by nearly a hundred students.", 100, "approx", False),
    ("A dozen students joined the tour.", 12, "exact", False),
    ("目標の100名を大きく上回る120名が参加した。", 120, "exact", False),
    ("予定していた50名を上回る60名が参加した。", 60, "exact", False),
    # an announced programme's planned attendance is a figure (gold-dev d07: "will join")
    ("About forty people will join the tour.", 40, "approx", False),
    ("当日は約100名が参加する予定である。", 100, "approx", False),
    ("Планируется участие 60 студентов.", 60, "exact", False),
]

# Phenomena of the second held-out set, on new wordings: listening verbs (聴き入る), "met",
# the present perfect (have taken part), "some N" / "just under N", study and internship
# verbs in Russian (прошли стажировку), a duration of years making a total cumulative,
# a person noun followed by an organisation's name (студентов УрФУ)
MORE_ORDERS = [
    ("講演には市民ら約80名が耳を傾けた。", 80, "approx", False),
    ("学生40名が留学生の発表に聞き入っていた。", 40, "exact", False),
    ("5年間で延べ600名が本プログラムに参加した。", 600, "exact", True),
    ("Some 70 engineers and students met in Vladivostok for the seminar.", 70, "approx", False),
    ("Just over 150 teachers met at the annual congress.", 150, "at_least", False),
    ("Slightly under 40 volunteers took part in the clean-up.", 40, "at_most", False),
    ("More than 900 schoolchildren have taken part in the contest since it began.", 900, "at_least", True),
    ("Over the past ten years, 230 students have studied at partner universities.", 230, "exact", True),
    ("Thirty student volunteers helped at the fair, which was attended by many.", 30, "exact", False),
    ("В Саппоро прошли стажировку 18 аспирантов ДВФУ.", 18, "exact", False),
    ("За пять лет в Токио прошли обучение 95 студентов МГУ.", 95, "exact", True),
    ("В Японии учились 12 студентов ТГУ.", 12, "exact", False),
    ("На лекции японского профессора собралось около 60 слушателей НГУ.", 60, "approx", False),
]

# Capacity, quotas, recruitment and event roles: how many may come, not how many came
CAPACITY = [
    "交換留学の受入れは最大8名とする。",
    "最大6名の学生を派遣することができる。",
    "各大学から最大2名まで推薦できる。",
    "本プログラムの定員は25名です。",
    "定員40名に対し、応募があった。",
    "募集人数は10名程度です。",
    "募集定員：20名",
    "受入枠は各大学3名までとなっている。",
    "受講者数の上限は30名とする。",
    "参加可能人数は50名です。",
    "3名の教員が審査員として参加した。",
    "The workshop is limited to 30 participants.",
    "There are places for 20 participants.",
    "Up to 15 students can apply for the scholarship.",
    "Registration is capped at 100 participants.",
    "Japanese partner universities: up to 10 students from each may take part in the exchange.",
    "The course accepts a maximum of 12 trainees.",
    "Количество мест ограничено: не более 20 мест.",
    "Набор ограничен: до 25 участников.",
    "Программа рассчитана на 25 участников.",
    "Квота на участие — 15 студентов.",
    "В летней школе могут принять участие до 30 студентов.",
    "約100名の参加が見込まれる。",
    "Organisers expect 400 visitors.",
    "Around 300 participants are expected to attend.",
    "Ожидается, что в форуме примут участие 500 человек.",
    "Attendance was 85% this year.",
    "Participation was three times higher than in 2019.",
    # applicants are not participants; a singular person noun after a number modifies another noun
    "Over 500 students applied for the twenty places of the school.",
    "約200名が応募し、書類選考が行われた。",
    "На участие в программе подали заявки 300 студентов.",
    "The foundation funded three student prizes at the contest.",
    "The lab hosts a 12 member team of Japanese and Russian researchers.",
]

NOT_FIGURES = [
    "加盟校数は第3回総会開催時63大学（日30大学、露33大学）となった。",
    "自治体・企業7機関からの参加及び計540万円の協賛金を得て札幌で開催した。",
    "日露交流を行う大学（日本の大学19校，ロシアの大学30校）に加え，29の機関・団体が参加した。",
    "参加率は85%であった。",
    "北大時報 No.791 10ページ",
    "市の人口は約20万人であり、多くの交流事業に参加している。",
    "事務局に職員2名を配置し、交流を推進した。",
    "計250回に亘りメーリングリストを通じて発信した。",
    "2021年度末までに国内の27大学から62名の教員が専門セクションに参画した。",
    "Tokyo has organized nearly 150 projects.",
    "More than 600 events were held in Russia.",
    "The city has a population of 300,000 people who joined the celebrations.",
    "Then, five professors gave oral presentations in the first session.",
    "Over the last 20 years the group has grown.",
    "The success rate was 87% for the 31 participants whose blood was drawn.",
    "About 1/3 of the total were citizens.",
    "В 2016 году было подписано 5 соглашений.",
    "Население города составляет 500 тысяч человек, многие участвуют в фестивалях.",
    "Форум прошёл 6 октября 2016 года в МГУ.",
]


def figures(text: str, with_dates: bool = False):
    doc = build_doc(text)
    if with_dates:
        dates.extract(doc, CFG)
    attendance.extract(doc, CFG)
    assert check_spans(doc) == []
    return doc


@pytest.mark.parametrize("text, value, qualifier, cumulative", FIGURES + ORDERS + MORE_ORDERS)
def test_figure(text, value, qualifier, cumulative):
    doc = figures(text)
    assert [(f.value, f.qualifier, f.cumulative) for f in doc.attendance] == [(value, qualifier, cumulative)]
    f = doc.attendance[0]
    assert f.unit == "persons" and 0 < f.confidence <= 1 and f.rule


@pytest.mark.parametrize("text", NOT_FIGURES + CAPACITY)
def test_not_a_figure(text):
    assert [(f.value, f.text) for f in figures(text).attendance] == []


def test_breakdown_in_brackets_is_kept_on_the_total_and_not_reported():
    doc = figures("オンライン会議を開催し、参加\n\n者128名（日本側21大学56名、ロシア側30大学72名）の間で意見交換を行った。")
    assert [f.value for f in doc.attendance] == [128]
    assert [(b.label, b.value) for b in doc.attendance[0].breakdown] == [("日本側21大学", 56), ("ロシア側30大学", 72)]


def test_breakdown_english():
    doc = figures("Participants: 12 people (1 faculty member and 2 students from Hokkaido University, "
                  "9 students from MSU)")
    assert [f.value for f in doc.attendance] == [12]
    assert [b.value for b in doc.attendance[0].breakdown] == [1, 2, 9]
    assert doc.attendance[0].breakdown[2].label == "students from MSU"


def test_parts_listed_before_their_total_become_its_breakdown():
    doc = figures("10月にA大学から2名、B大学から5名、C大学から1名、合計8名を受け入れた。")
    assert [f.value for f in doc.attendance] == [8]
    assert [(b.label, b.value) for b in doc.attendance[0].breakdown] == [
        ("10月にA大学から", 2), ("B大学から", 5), ("C大学から", 1)]


@pytest.mark.parametrize("text, total, part", [
    ("More than 60 participants, including 24 students from Japan, attended the lectures.", 60, 24),
    ("На круглом столе участвовали 45 человек, в том числе 20 японских студентов.", 45, 20),
])
def test_an_included_subset_is_a_part_of_the_figure_before_it(text, total, part):
    doc = figures(text)
    assert [f.value for f in doc.attendance] == [total]
    assert [b.value for b in doc.attendance[0].breakdown] == [part]


@pytest.mark.parametrize("text, total, parts", [
    # a total in brackets after its parts (計N名) totals them; it is no part of the count before it
    ("交流会には日本側9名、ロシア側14名（計23名）が参加した。", 23, [9, 14]),
    ("研修には教員3名・学生17名、合計20名が参加した。", 20, [3, 17]),
    # a うち / из них part in brackets is counted once
    ("研修には35名（うち教員4名）が参加した。", 35, [4]),
    ("В школе участвовали 30 человек (из них 8 преподавателей).", 30, [8]),
    # a total written after the figure: "in total", "в общей сложности"
    ("The camp was attended by 12 Japanese students and 15 Russian students (27 participants in total).",
     27, [12, 15]),
    ("В школе участвовали 17 японских студентов и 13 российских студентов — 30 человек в общей сложности.",
     30, [17, 13]),
])
def test_totals_and_their_parts(text, total, parts):
    doc = figures(text)
    assert [(f.value, [b.value for b in f.breakdown]) for f in doc.attendance] == [(total, parts)]


def test_parts_without_a_stated_total_are_each_reported():
    doc = figures("日本側関係者18名・ロシア側関係者27名が参加し、各事業内容の発表を行った。")
    assert [f.value for f in doc.attendance] == [18, 27]


@pytest.mark.parametrize("text, values", [
    # an English report with a Japanese summary restating its counts
    ("The workshop was attended by 64 participants; eight students from TSU travelled to Sapporo.\n\n"
     "本ワークショップには64名が参加し、トムスク国立大学から学生8名が来日した。", [64, 8]),
    # a Japanese report with a Russian summary; a count only the summary gives is kept
    ("日露学生フォーラムには約150名が参加した。本学からは学生20名が参加した。\n\n"
     "В форуме приняли участие около 150 человек. Из Хабаровска приехали 35 студентов.", [150, 20, 35]),
    # a Russian report with an English abstract
    ("В конференции приняли участие 210 учёных из Японии и России. Конференция прошла в Казани, "
     "в ней участвовали представители двенадцати университетов, преподаватели и студенты.\n\n"
     "The conference was attended by 210 scientists.", [210]),
])
def test_a_summary_in_another_language_restating_counts_adds_no_figures(text, values):
    assert [f.value for f in figures(text).attendance] == values


def test_heading_restated_by_the_next_line_is_one_figure():
    doc = figures("6月5日\n創価学園 ロシア語学習者9名 訪問\n創価学園でロシア語を学ぶ生徒9名がロシアセンターを訪問した。")
    assert [f.value for f in doc.attendance] == [9]


def test_cue_split_over_a_block_boundary():
    doc = figures("第2回総会以降、日露大学協会主催の学術交流イベント12件に1000名を超\n\nえる参加があり、裾野が拡大した。")
    assert [(f.value, f.qualifier, f.cumulative) for f in doc.attendance] == [(1000, "at_least", True)]
    assert "\n\n" in doc.attendance[0].text


def test_per_event_counts_are_not_cumulative():
    doc = figures("第2回総会と第3回総会が開催され、各回には日露より140名以上の参加があった。")
    assert [(f.value, f.cumulative) for f in doc.attendance] == [(140, False)]


TEXT_TABLE = """主なオンラインセミナー

開催日時 イベント名（共催機関名） 参加者数 参加者詳細

2022年

4月10日

セミナー「北方圏における連携」

（北東連邦大学との共催）

45 大学（露20校・日9校）、企業（日2社）

2022年

5月1日

ワークショップ「極東の観光」

60 大学（日11大学20名・露18大学36名）、両国の学生3名

※上記以外にも多数のセミナーを開催し、延べ300名が参加した。"""


def test_table_as_text_lines_gives_one_figure_per_row():
    doc = figures(TEXT_TABLE, with_dates=True)
    rows = [f for f in doc.attendance if f.rule == "table.lines"]
    assert [(f.value, f.qualifier, f.event.date) for f in rows] == [(45, "exact", "2022-04-10"), (60, "exact", "2022-05-01")]
    assert rows[0].event.name == "セミナー「北方圏における連携」（北東連邦大学との共催）"
    assert [b.value for b in rows[1].breakdown] == [20, 36, 3]
    # the row details are never figures of their own; the note after the table still is
    assert [f.value for f in doc.attendance if f.rule != "table.lines"] == [300]


# the header's cells on lines of their own, and participants cells with words around the count:
# a qualifier after the noun (学生15名以上), a total (合計30名) or a うち-part in brackets
SPLIT_HEADER_TABLES = [
    ("""主な行事

開催日

行事名

参加人数

2023年

6月2日～6月4日

日露大学間ワークショップ「極東の都市」

教員8名、学生22名（合計30名）

2023年

10月下旬

ロシア語スピーチコンテスト

学生15名以上

2024年

1月20日

冬季オンライン講座

約45名

2024年

2月

第2回日露学長会議

50名（うち留学生12名）

以上の行事のほか、多数の学生が交流に参加した。""",
     [(30, "exact", [8, 22]), (15, "at_least", []), (45, "approx", []), (50, "exact", [12])]),
    ("""Events in 2023

Date

Event

Participants

12 May 2023

Kazan Spring School on Japanese Law

about 70 people

3 October 2023

Joint seminar with Hokkaido University

a total of 26 people: 20 students, 6 teachers

Other activities are listed in the appendix.""",
     [(70, "approx", []), (26, "exact", [20, 6])]),
    ("""Мероприятия года

Дата

Мероприятие

Участники

14 марта 2023

Семинар по японской литературе

около 40 человек

2 ноября 2023

Круглый стол «Россия и Япония в АТР»

более 100 участников

Подробнее см. приложение.""",
     [(40, "approx", []), (100, "at_least", [])]),
]


@pytest.mark.parametrize("text, rows", SPLIT_HEADER_TABLES)
def test_table_with_a_header_cell_per_line_and_worded_counts(text, rows):
    doc = figures(text, with_dates=True)
    got = [(f.value, f.qualifier, [b.value for b in f.breakdown]) for f in doc.attendance]
    assert got == rows
    assert all(f.rule == "table.lines" and f.event.name and f.event.date for f in doc.attendance)


def cell_table_doc(rows: list[list[str]]) -> Document:
    """A Document whose text is one table: cells separated by tabs, rows by newlines."""
    text, blocks = "", []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if c:
                text += "\t"
            blocks.append(Block(id=len(blocks), start=len(text), end=len(text) + len(cell), kind="table_cell",
                                table=0, row=r, col=c, lang="ja"))
            text += cell
        text += "\n"
    doc = Document(doc_id="t", source=Source(path="t.pdf", sha256="0" * 64, format="pdf", bytes=0),
                   text=text, blocks=blocks, language={"primary": "ja", "present": ["ja"]})
    dates.extract(doc, CFG)
    return doc


def test_real_table_cells_participants_column_found_by_header():
    doc = cell_table_doc([["開催日", "名称", "参加者数", "詳細"],
                          ["2021年5月20日", "円卓会議「語学教育における連携」", "80名", "学生3名、通訳13名"],
                          ["2021年6月1日", "セミナー「北極圏」", "約120", "大学10校"],
                          ["2021年7月1日", "準備会合", "―", ""]])
    attendance.extract(doc, CFG)
    assert check_spans(doc) == []
    got = [(f.value, f.qualifier, f.event.name, f.event.date) for f in doc.attendance]
    assert got == [(80, "exact", "円卓会議「語学教育における連携」", "2021-05-20"),
                   (120, "approx", "セミナー「北極圏」", "2021-06-01")]
    assert [b.value for b in doc.attendance[0].breakdown] == [3, 13]


def test_real_table_cell_with_parts_and_a_total():
    doc = cell_table_doc([["実施日", "事業名", "参加者"],
                          ["2022年8月1日", "サマースクール", "日本側14名、ロシア側19名（計33名）"],
                          ["2022年9月5日", "集中講義", "学部生35名以上"]])
    attendance.extract(doc, CFG)
    assert check_spans(doc) == []
    assert [(f.value, f.qualifier, [b.value for b in f.breakdown]) for f in doc.attendance] == [
        (33, "exact", [14, 19]), (35, "at_least", [])]


def test_english_table_cells():
    doc = cell_table_doc([["Date", "Event", "Participants"],
                          ["12 March 2019", "Kazan Winter School", "over 150"],
                          ["2 April 2019", "Tomsk Forum", "75"]])
    attendance.extract(doc, CFG)
    assert [(f.value, f.qualifier, f.event.name) for f in doc.attendance] == [
        (150, "at_least", "Kazan Winter School"), (75, "exact", "Tomsk Forum")]


def test_empty_document():
    doc = build_doc("")
    attendance.extract(doc, CFG)
    assert doc.attendance == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="約名人以上参加者延べ計合（）()、。 \n0123456789,.万百十二三people about over participants attended",
               max_size=80))
def test_spans_hold_on_arbitrary_text(text):
    doc = build_doc(text)
    attendance.extract(doc, CFG)
    assert check_spans(doc) == []
    for f in doc.attendance:
        assert f.value > 0 and f.qualifier in ("exact", "approx", "at_least", "at_most")


@pytest.mark.parametrize("text, values", [
    # parts that share one person noun, no total: each part is a figure
    ("В программе приняли участие 12 японских и 15 российских студентов.", [12, 15]),
    ("В школе участвовали 5 японских, 7 корейских и 9 российских преподавателей.", [5, 7, 9]),
    ("The programme was attended by 11 Japanese and 16 Russian students.", [11, 16]),
    ("The forum brought together 10 Chinese, 12 Japanese and 14 Russian researchers.", [10, 12, 14]),
    ("The camp was attended by 8 undergraduate and 6 graduate students.", [8, 6]),
    ("日本人学生12名とロシア人学生15名が参加した。", [12, 15]),
    # a year or a thing before 'and' shares nothing
    ("In 2019 and 15 students took part later.", [15]),
])
def test_parts_sharing_one_noun_are_each_a_figure(text, values):
    assert [f.value for f in figures(text).attendance] == values


@pytest.mark.parametrize("text, total, parts", [
    ("В программе приняли участие 27 студентов: 12 японских и 15 российских студентов.", 27,
     [("12 японских студентов", 12), ("15 российских студентов", 15)]),
    ("The programme had 27 participants: 11 Japanese and 16 Russian students.", 27,
     [("11 Japanese students", 11), ("16 Russian students", 16)]),
    ("参加者は27名：日本人学生12名、ロシア人学生15名であった。", 27, [("日本人学生", 12), ("ロシア人学生", 15)]),
    # と / 及び between two parts in brackets splits their labels
    ("参加者は30名（本学学生18名と北東連邦大学の学生12名）であった。", 30,
     [("本学学生", 18), ("北東連邦大学の学生", 12)]),
    ("研修には25名（教員5名及び学生20名）が参加した。", 25, [("教員", 5), ("学生", 20)]),
])
def test_parts_after_their_total_are_its_breakdown(text, total, parts):
    doc = figures(text)
    assert [(f.value, [(b.label, b.value) for b in f.breakdown]) for f in doc.attendance] == [(total, parts)]


def test_what_attendance_read_is_kept_per_thread():
    """The events stage reuses the tables and streams attendance read for the same document; a
    document running in another thread (a Dask worker's abandoned, timed-out one) must neither
    see that reading nor evict it."""
    import threading

    from pipeline.extract.attendance_cues import cues

    a = build_doc("国際シンポジウムには約120名が参加しました。")
    b = build_doc("The workshop was attended by 45 students.")
    c = cues()
    mine = attendance.reading(a, c)
    seen = []
    t = threading.Thread(target=lambda: seen.append((attendance.reading(b, c), attendance.reading(a, c))))
    t.start()
    t.join()
    (theirs_b, theirs_a), = seen
    assert theirs_a is not mine, "another thread reads its own copy"
    assert attendance.reading(a, c) is mine, "and does not evict this thread's reading"
    assert [f.value for f in theirs_a[0].figures] == [f.value for f in mine[0].figures]
