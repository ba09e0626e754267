"""Events: the event each figure belongs to (name, date, id), and the document-level records
(organisers, mode, attendance); seed 003's report table read from ../shared."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import run
from pipeline.config import Config
from pipeline.extract import attendance, dates, event_names, events
from pipeline.model import InstitutionMention, check_spans

from conftest import CORPUS, build_doc

CFG = Config()


def extracted(text: str, institutions: list[tuple[str, str]] = ()):
    """Dates, the given institutions (surface, id), attendance and events over `text`."""
    doc = build_doc(text)
    dates.extract(doc, CFG)
    for surface, iid in institutions:
        i = doc.text.index(surface)
        doc.institutions.append(InstitutionMention(surface, i, i + len(surface), surface, iid, "university"))
    attendance.extract(doc, CFG)
    events.extract(doc, CFG)
    assert check_spans(doc) == []
    return doc


# (text, figure value, event name, event date)
NAMES = [
    ("2020年1月31日に「第2回日露産官学連携実務者会議」を開催しました。\n\n昨年度を大きく上回る約160名が参加しました。",
     160, "第2回日露産官学連携実務者会議", "2020-01-31"),
    ("2020年11月にはオンライン会議「コロナ禍における日露国際教育交流の実践」を開催し、参加者128名の間で意見交換を行った。",
     128, "オンライン会議「コロナ禍における日露国際教育交流の実践」", "2020-11"),
    ("2015年9月に開催された日露青年交流事業「学生交流グループ派遣プログラム」に学生8名が参加しました。",
     8, "日露青年交流事業「学生交流グループ派遣プログラム」", "2015-09"),
    ("Hokkaido University held the Japan-Russia International Research Symposium on 5 November 2013. "
     "In total, more than 100 persons participated in the symposium.",
     100, "Japan-Russia International Research Symposium", "2013-11-05"),
    ("The Japanese-Russian Youth Forum was held in Tokyo from November 26 to December 4, 2019. "
     "About sixty people joined the forum.", 60, "Japanese-Russian Youth Forum", "2019-11-26/2019-12-04"),
    ("Более 100 ректоров приняли участие 06 октября 2016 года в VI Форуме ректоров университетов России и Японии.",
     100, "VI Форуме ректоров университетов России и Японии", "2016-10-06"),
    ("19 июня 2018 года в Университете Сока прошла лекция Посла Российской Федерации. "
     "На лекции присутствовало ок. 250 человек.", 250, "лекция Посла Российской Федерации", "2018-06-19"),
    # an en dash joins the two countries; a headline's "Held" is not part of the name
    ("The Japan–Russia Workshop on Coastal Ecosystems was held on 3 October 2019. Some 45 students attended.",
     45, "Japan–Russia Workshop on Coastal Ecosystems", "2019-10-03"),
    ("Japan–Korea Forum on Marine Science Held in Busan\n\nAbout 80 researchers took part in the forum on 2 May 2022.",
     80, "Japan–Korea Forum on Marine Science", "2022-05-02"),
]


@pytest.mark.parametrize("text, value, name, date", NAMES)
def test_figure_event_name_and_date(text, value, name, date):
    doc = extracted(text)
    f = next(f for f in doc.attendance if f.value == value)
    assert (f.event.name, f.event.date) == (name, date)
    assert f.event.id in {e.id for e in doc.events}
    d = next(d for d in doc.dates if d.start == f.event.date_start)
    assert d.value == date


def test_date_of_a_figure_is_the_one_in_its_own_clause():
    doc = extracted("学術交流セミナーを主催し、2020年度は8件のイベントに延べ943名、2021年度は13件のイベントに延べ1120名が参加した。")
    assert [(f.value, f.event.date, f.cumulative) for f in doc.attendance] == [
        (943, "FY2020", True), (1120, "FY2021", True)]
    assert len(doc.events) == 2  # same name, different years: two events


@pytest.mark.parametrize("text, mode", [
    ("2020年11月にオンライン会議「日露教育交流」を開催し、参加者128名が意見交換を行った。", "online"),
    ("The hybrid forum on 3 May 2021 was attended by 50 people.", "hybrid"),
    ("2019年5月に対面で開催した交流会には30名が参加した。", "in_person"),
    ("Онлайн-семинар 5 мая 2021 года собрал около 80 участников.", "online"),
    ("2019年5月の総会には140名が参加した。", None),
])
def test_mode(text, mode):
    doc = extracted(text)
    assert [e.mode for e in doc.events] == [mode]


def test_organisers_from_shusai_and_kyosai():
    doc = extracted("2018年5月に第1回日露大学協会総会を北海道大学主催で開催し、日露より140名以上の参加があった。",
                    [("北海道大学", "hokkaido-university")])
    assert [(e.name, e.organisers, e.attendance, e.qualifier) for e in doc.events] == [
        ("第1回日露大学協会総会", ["hokkaido-university"], 140, "at_least")]


def test_organisers_from_an_english_active_verb():
    doc = extracted("Hokkaido University, with the ISTC, held the Japan-Russia Research Symposium on 5 November 2013. "
                    "More than 100 persons participated in the symposium.",
                    [("Hokkaido University", "hokkaido-university"), ("ISTC", "istc")])
    assert doc.events[0].organisers == ["hokkaido-university", "istc"]


def test_organisers_not_taken_from_a_venue():
    doc = extracted("2019年5月に北海道大学で開催されたフォーラムには200名が参加した。", [("北海道大学", "hokkaido-university")])
    assert doc.events[0].organisers == []


def test_side_by_side_parts_are_summed_for_the_event():
    doc = extracted("2020年2月、日本側関係者18名・ロシア側関係者27名が参加し、先端技術専門セクション会議が行われました。")
    assert [f.value for f in doc.attendance] == [18, 27]
    assert [(e.name, e.attendance, e.qualifier) for e in doc.events] == [("先端技術専門セクション会議", 45, "exact")]
    assert doc.attendance[0].event.id == doc.attendance[1].event.id == "e1"


def test_a_subset_is_not_added_to_its_total():
    doc = extracted("In December 2018, five TUFS students, including three students who studied abroad, "
                    "participated in the Russian-Japanese Exchange Seminar.")
    assert [(e.attendance) for e in doc.events] == [5]


def test_event_ids_follow_text_order_and_are_stable():
    text = ("2019年（第1回）の会議には約100名、2020年（第2回）の会議には約160名が参加した。\n\n"
            "2021年の第3回日露産官学連携実務者会議には約185名が参加した。")
    a, b = extracted(text), extracted(text)
    assert [e.id for e in a.events] == ["e1", "e2", "e3"]
    assert [(e.id, e.name, e.date, e.attendance) for e in a.events] == [
        (e.id, e.name, e.date, e.attendance) for e in b.events]
    assert [f.event.id for f in a.attendance] == ["e1", "e2", "e3"]


def test_no_figures_no_events():
    doc = extracted("本学は2019年にモスクワ大学と協定を締結した。")
    assert doc.attendance == [] and doc.events == []


SEED_003_TABLE = [
    (130, "2020-09-25", "円卓会議"),
    (140, "2020-09-30", "オンライン寒冷地セミナー「北方圏における日露連携」"),
    (110, "2021-03-03", "オンラインセミナー「北極圏と北方圏における日露の地域間協力"),
    (80, "2021-05-20", "円卓会議「ロシア語通訳・翻訳家養成及び語学教育における日露連携」"),
    (234, "2021-12-08/2021-12-09", "オンラインワークショップ「太平洋北極圏における持続可能なクルーズ産業の発展"),
]


@pytest.mark.parametrize("folder, suffix", [("seeds", ".txt"), ("seeds-pdf", ".pdf")])
def test_seed_003_table_gives_five_events_with_dates_and_counts(shared_corpus, folder, suffix):
    path = next((CORPUS / folder).glob("003_*" + suffix), None)
    if path is None:
        pytest.skip(f"seed 003 not found in {CORPUS / folder}")
    doc = run.process(path, doc_id=path.stem, rel_path=path.name, config=CFG)
    rows = [f for f in doc.attendance if f.rule.startswith("table")]
    assert [(f.value, f.qualifier, f.event.date) for f in rows] == [(v, "exact", d) for v, d, _ in SEED_003_TABLE]
    by_id = {e.id: e for e in doc.events}
    for f, (value, date, name) in zip(rows, SEED_003_TABLE):
        e = by_id[f.event.id]
        assert (e.attendance, e.date) == (value, date)
        assert e.name.startswith(name) and f.event.name == e.name
        assert doc.text[e.start:e.end].replace("\n", "").startswith(name[:4])
    assert len({f.event.id for f in rows}) == 5
    assert {f.value for f in doc.attendance if not f.rule.startswith("table")} >= {943, 1120, 128, 800}


_PIECES = ["第2回", "日露", "学生", "交流", "会議", "シンポジウム", "セミナー", "打ち合わせ", "を", "に", "、", "。",
           "「", "」", "室", "2021", "\n", " ", "国際", "フォーラム", "研修", "会", "の", "本会議"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_japanese_names_read_near_nouns_equal_a_full_scan(pieces):
    """The name pattern runs only in windows before event nouns: same matches as everywhere."""
    text = "".join(pieces)
    p = event_names._patterns()
    got = [(m.start(), m.end()) for m in event_names._ja_plain_matches(text, p)]
    assert got == [(m.start(), m.end()) for m in p["ja_plain"].finditer(text)]


@pytest.mark.parametrize("text, value, date", [
    # a previous period named in the figure's sentence is what it is compared with, not its date
    ("令和4年度の日露学生フォーラムを開催した。本フォーラムには前年度（令和3年度）を上回る120名が参加した。",
     120, "FY2022"),
    ("2022年に日露学生フォーラムを開催した。フォーラムには昨年（2021年）より多い120名が参加した。",
     120, "2022"),
    ("The Japan–Russia Student Forum was held in 2022. The forum drew 120 participants, more than "
     "last year (in 2021).", 120, "2022"),
    ("Российско-японский форум прошёл в 2022 году. В форуме приняли участие 120 человек, больше, "
     "чем в прошлом году (в 2021 году).", 120, "2022"),
    # a figure of the previous period itself keeps that date
    ("令和4年度の日露学生フォーラムを開催した。前年度（令和3年度）は80名が参加した。", 80, "FY2021"),
])
def test_a_previous_period_in_the_sentence_is_not_the_figures_date(text, value, date):
    doc = extracted(text)
    assert [(f.value, f.event.date) for f in doc.attendance] == [(value, date)]


@pytest.mark.parametrize("text, name", [
    # a sentence's capitalised first word is no part of the name
    ("Суммарно семинары посетили 200 человек.", None),
    ("Всего форум посетили 300 человек.", None),
    # a capitalised adjective at the sentence start is; lower-case adjectives it leads are too
    ("Российско-японский студенческий форум прошёл в 2022 году. В форуме приняли участие 120 человек.",
     "Российско-японский студенческий форум"),
    ("Международный форум собрал 150 участников.", "Международный форум"),
    # a lower-case noun described by the words after it names one event
    ("Осенью прошёл фестиваль японского документального кино. Его посетили 300 зрителей.",
     "фестиваль японского документального кино"),
    ("Фестиваль японского документального кино собрал 300 зрителей.", "Фестиваль японского документального кино"),
    ("В рамках семинара по японской культуре прошли занятия, их посетили 40 студентов.", None),
])
def test_russian_event_names(text, name):
    doc = extracted(text)
    assert [f.event.name for f in doc.attendance] == [name]


# (text, figure value, event name, event date): the event named in a title or an earlier sentence
# lends its date; a total over years takes no single event's name; a generic event noun in the
# figure's own sentence names an event of its own
LINKING = [
    ("Tomsk hosts second Japan-Russia Permafrost Summer School\n\n"
     "From 10 to 14 August 2021, TSU hosted the second Japan-Russia Permafrost Summer School.\n\n"
     "Over 70 participants joined field trips.", 70, "Japan-Russia Permafrost Summer School", "2021-08-10/2021-08-14"),
    ("The Kyoto-Kazan Design Workshop was held on 2 March 2018.\n\n"
     "The partners have hosted more than 90 students in total since 2012.", 90, None, "2012"),
    ("The Kyoto-Kazan Design Workshop was held on 2 March 2018.\n\n"
     "An evening seminar at the Kazan City Museum attracted about 120 visitors.",
     120, "evening seminar at the Kazan City Museum", None),
    ("2019年7月1日に日露学長会議を開催した。\n\nまた講演会には約80名が参加した。", 80, "講演会", None),
    ("Российско-японский форум прошёл 5 мая 2020 года.\n\nОткрытую лекцию посетили 45 человек.",
     45, "Открытую лекцию", None),
]


@pytest.mark.parametrize("text, value, name, date", LINKING)
def test_event_linking_across_sentences(text, value, name, date):
    doc = extracted(text)
    f = next(f for f in doc.attendance if f.value == value)
    assert (f.event.name, f.event.date) == (name, date)


@pytest.mark.parametrize("text, records", [
    # two figures of one event, one dated by its day, one by the event's range: one record
    ("The Sapporo-Vladivostok Forum took place from 3 to 5 May 2022. More than 200 people attended the forum. "
     "On 4 May 2022, about 80 students joined the Sapporo-Vladivostok Forum.",
     [("Sapporo-Vladivostok Forum", "2022-05-03/2022-05-05", 200)]),
    # the same name in two years: two events
    ("2021年の日露学生フォーラムには50名、2022年の日露学生フォーラムには70名が参加した。",
     [("日露学生フォーラム", "2021", 50), ("日露学生フォーラム", "2022", 70)]),
    # a total with its parts: one record, the total's value
    ("В 2019 году в Российско-японском форуме приняли участие 120 человек, из них 80 студентов.",
     [("Российско-японском форуме", "2019", 120)]),
])
def test_one_record_per_distinct_event(text, records):
    doc = extracted(text)
    assert [(e.name, e.date, e.attendance) for e in doc.events] == records
    assert {f.event.id for f in doc.attendance} == {e.id for e in doc.events}


@pytest.mark.parametrize("text, value, record", [
    # neither a name nor a date: the figure stays, no event record, no id
    ("About 30 students took part.", 30, None),
    ("学生約30名が参加した。", 30, None),
    ("В мероприятии приняли участие 30 студентов.", 30, None),
    # a date without a name, or a name without a date: a record
    ("On 4 May 2022, about 30 students took part.", 30, (None, "2022-05-04")),
    ("2022年5月4日、学生約30名が参加した。", 30, (None, "2022-05-04")),
    ("Около 30 студентов приняли участие в Японо-российском форуме молодёжи.", 30,
     ("Японо-российском форуме молодёжи", None)),
])
def test_a_figure_with_neither_name_nor_date_has_no_event_record(text, value, record):
    doc = extracted(text)
    f = next(f for f in doc.attendance if f.value == value)
    if record is None:
        assert f.event.id is None and doc.events == []
    else:
        e = next(e for e in doc.events if e.id == f.event.id)
        assert (e.name, e.date) == record


def test_ids_count_only_the_records_kept():
    long = " The visitors toured the laboratories, the library and the campus museum with their hosts."
    doc = extracted("About 30 students took part." + long + "\n\n"
                    "On 4 May 2022, about 50 students attended the Tomsk Forum." + long)
    assert [(f.value, f.event.id) for f in doc.attendance] == [(30, None), (50, "e1")]
    assert [e.id for e in doc.events] == ["e1"]
