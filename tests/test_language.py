"""Language per block and per document: script evidence, seeded langdetect, short blocks."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import language
from pipeline.config import Config

from conftest import CORPUS, GOLD, GOLD_DEV, build_doc

CFG = Config()


@pytest.mark.parametrize("text, lang", [
    ("本学と新潟大学で共同採択された事業の取り組みの一つです。", "ja"),
    ("北海道大学", "ja"),  # Han only: Japanese among the configured languages
    ("カザン連邦大学", "ja"),
    ("Посол Российской Федерации в Японии прочитал лекцию в Университете Сока.", "ru"),
    ("Главная", "ru"),
    ("Hokkaido University held the Japan-Russia International Research Symposium on 5 November 2013.", "en"),
    ("The symposium was held online on September 29 with more than 100 participants.", "en"),
    # English sentence naming a Japanese organisation stays English
    ("The event was organised by 北海道大学 together with partners from Vladivostok and Khabarovsk.", "en"),
    # Japanese sentence with Latin names stays Japanese
    ("Global Japan Office (GJO) と J-ANIME の活動を報告しました。", "ja"),
    ("Встреча прошла в Tokyo при участии около 200 человек.", "ru"),
    # Korean: hangul, also with Latin names or hanja; a hangul name inside Japanese stays Japanese
    ("「두 대학의 협력이 앞으로도 계속 발전하기를 바랍니다.」", "ko"),
    ("KAIST와 도쿄대학은 2024년에 공동 연구 협정을 체결했습니다.", "ko"),
    ("高麗大學校 국제처는 일본 대학들과의 교류를 확대하고 있다.", "ko"),
    ("서울대학교（ソウル大学校）の学生が参加しました。", "ja"),
])
def test_block_language(text, lang):
    assert language.classify(text, CFG)[0] == lang


def test_empty_and_symbol_blocks_have_no_language():
    assert language.classify("", CFG) == (None, False)
    assert language.classify("1234 — ・・・", CFG)[0] is None


def test_short_latin_block_inherits_neighbour():
    doc = build_doc("Меню\n\nВстреча ректоров университетов России и Японии прошла в Москве в октябре.")
    assert [b.lang for b in doc.blocks] == ["ru", "ru"]
    doc = build_doc("Select language:\n\nHokkaido University held a symposium with partners from Russia in Sapporo.")
    assert [b.lang for b in doc.blocks] == ["en", "en"]


def test_banner_title_and_copyright_do_not_make_a_language_present():
    doc = build_doc("平成29年度 文部科学省 大学の世界展開力強化事業 採択プログラム\n\n"
                    "19 июня в Университете Сока прошла лекция Посла Российской Федерации в Японии. "
                    "На лекции присутствовало около 250 человек.\n\nAll rights reserved, Copyright(C) Example Center 2000-.")
    assert doc.language["primary"] == "ru"
    assert doc.language["present"] == ["ru"]


@pytest.mark.parametrize("text, lang, expected", [
    ("Japan Russia youth Exchange Center 2000-.", "en", False),  # a name with a full stop
    ("Top Global University Project", "en", False),
    ("The forum was held in Tokyo.", "en", True),
    ("Значимы проект", "ru", False),
    ("Форум прошёл в Москве в октябре.", "ru", True),
    ("平成29年度 文部科学省 大学の世界展開力強化事業 採択プログラム", "ja", False),
    ("本学の学生が参加しました。", "ja", False),  # too short to be sure
    ("本学の学生と教員がロシアの大学を訪問し、交流を深めました。", "ja", True),
])
def test_whole_sentence(text, lang, expected):
    assert language._is_sentence(text, lang, CFG) is expected


@pytest.mark.parametrize("text, expected", [
    ("The symposium was held in Sapporo and the results of the joint research were shown.", True),
    ("Die Veranstaltung fand in Berlin statt und war gut besucht von vielen Studenten.", False),
    ("La conférence a eu lieu à Paris avec des étudiants de plusieurs universités.", False),
    ("Hokkaido University Kazan Federal University Tomsk State University", True),  # short ASCII line
    ("Die Universität Hokkaido und die Staatliche Universität Tomsk", False),
])
def test_clearly_english_shortcut(text, expected):
    assert language._clearly_english(text) is expected


def test_other_latin_languages_still_go_to_langdetect():
    assert language.classify("Die Veranstaltung fand in Berlin statt und war gut besucht von vielen Studenten "
                             "aus Japan und Russland.", CFG)[0] == "de"


@pytest.mark.parametrize("text, present", [
    # a quoted Russian sentence inside an English paragraph
    ("Our teacher said in her closing speech: «Спасибо всем участникам за прекрасную работу и до встречи в мае.» "
     "Then we all went to the canteen together.", ["en", "ru"]),
    # a Japanese sentence quoted in a Russian paragraph
    ("Ректор завершил выступление по-японски: «今後とも両大学の交流がますます発展することを願っております。» "
     "Зал ответил аплодисментами, и встреча продолжилась.", ["ja", "ru"]),
    # two short Japanese sentences quoted together in an English paragraph
    ("The winner closed with: 「皆さんの声が届きました。また来年お会いしましょう。」 and the hall applauded loudly.",
     ["en", "ja"]),
    # names in another script are not sentences
    ("Everyone here just says UrFU, or УрФУ if they are writing it down, and the canteen is open all day long.", ["en"]),
    ("本学は Global Japan Office (GJO) と協力し、J-ANIME プロジェクトを実施しました。ありがとうございました。", ["ja"]),
    # Korean and Chinese (simplified or traditional) sentences quoted in ja/en/ru paragraphs
    ("高麗大学校の学長は「두 대학의 협력이 앞으로도 계속 발전하기를 진심으로 바랍니다.」と述べ、会場から拍手が起きた。",
     ["ja", "ko"]),
    ("The delegation leader said: 「我们希望这个项目能让更多学生认识彼此。」 The next meeting is planned for May.",
     ["en", "zh"]),
    ("Профессор из Тайбэя сказал: «這次的交流讓我們學到很多，謝謝大家。» Затем состоялась экскурсия по кампусу.",
     ["ru", "zh"]),
    # a Korean or Chinese name, an all-kanji heading, kanji shared with Japanese: no sentence
    ("ソウル大学校（서울대학교）と清华大学の学生が参加し、国際的な会議を開きました。", ["ja"]),
    ("日露学術交流協定締結記念国際会議開催報告。参加者は約百名であった。", ["ja"]),
])
def test_a_sentence_quoted_in_another_language_makes_it_present(text, present):
    assert build_doc(text).language["present"] == present


def test_language_is_deterministic():
    text = "Die Veranstaltung fand in Berlin statt und war gut besucht von vielen Studenten."
    assert len({language.classify(text, CFG)[0] for _ in range(5)}) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_classify_never_crashes(text):
    lang, sure = language.classify(text, CFG)
    assert lang in (None, "ja", "en", "ru") or isinstance(lang, str)


def _gold_languages(gold_dir, corpus_dir):
    for g in sorted(gold_dir.glob("*.json")):
        src = corpus_dir / (g.stem + ".txt")
        if src.exists():
            yield pytest.param(src, json.loads(g.read_text("utf-8"))["languages"], id=g.stem)


@pytest.mark.parametrize("src, gold", list(_gold_languages(GOLD, CORPUS / "seeds"))
                         + list(_gold_languages(GOLD_DEV, CORPUS / "dev")))
def test_document_languages_match_gold_on_real_pages(src, gold):
    doc = build_doc(src.read_text("utf-8"))
    assert doc.language["primary"] == gold["primary"]
    assert doc.language["present"] == sorted(gold["present"])


_PER_CHAR = {
    "kana": re.compile(r"[\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f々〆]"),
    "cyr": re.compile(r"[\u0400-\u04ff]"),
    "lat": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZéÿĀɏЖжёあアー・ｱ漢字々〆\U00020000\u30fb\u309b 1,.。\t", max_size=40) | st.text(max_size=40))
def test_script_counts_match_one_count_per_character(text):
    assert language.script_counts(text) == {k: len(p.findall(text)) for k, p in _PER_CHAR.items()}
