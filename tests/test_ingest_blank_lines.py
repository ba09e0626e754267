"""Plain-text ingest: a blank line between short heading-like lines stays a paragraph break
unless the whole document is hard-wrapped with a blank line after every wrapped line."""
from __future__ import annotations

import textwrap

import pytest

from pipeline.ingest.text import read

HEADINGS = [
    # (text, the blocks that must come out separate): a few short lines of one width (a title, a
    # place and date, section headings) once made a wrap width, and a longer heading line before
    # a blank line then "ran on" into the title below it
    ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ\nДепартамент международного сотрудничества\n\n"
     "Аналитическая записка\nоб итогах программы обмена «Россия — Япония» за 2019–2023 годы\n\n"
     "г. Москва, 01.02.2024\n\n1. Общие сведения\n"
     + "Программа была запущена в 2019 году при участии фонда и университетов Японии. " * 5
     + "\n\n2. Основные показатели\n" + "Подано 418 заявок, поддержано 163 проекта. " * 6 + "\n",
     ["Аналитическая записка", "1. Общие сведения", "2. Основные показатели"]),
    ("MINISTRY OF EDUCATION OF THE RUSSIAN FEDERATION\nDepartment of International Cooperation\n\n"
     "Analytical note on\nthe results of the Russia–Japan exchange programme for 2019–2023\n\n"
     "Moscow, 01.02.2024\n\n1. General remarks\n"
     + "The programme was launched in 2019 with the support of partner universities in Japan. " * 5
     + "\n\n2. Main figures ...\n" + "There were 418 applications and 163 projects funded. " * 6 + "\n",
     ["Analytical note on", "1. General remarks", "2. Main figures"]),
    ("文部科学省 高等教育局 国際交流推進室\n日露大学間交流推進プログラム事務局\n\n"
     "事業報告書（令和5年度）\n日露大学間交流推進プログラムの成果について\n\n"
     "東京、2024年2月1日\n\n1. 事業の概要について\n"
     + "本事業は2019年度に開始され、ロシアの協定校との学生交流を継続的に実施してきたものである。" * 4
     + "\n\n2. 主な実績について\n" + "応募は418件、採択は163件であった。" * 6 + "\n",
     ["事業報告書", "1. 事業の概要について", "2. 主な実績について"]),
]


def _texts(text: str) -> list[str]:
    return [b.text.text for b in read(text)]


@pytest.mark.parametrize("text,separate", HEADINGS)
def test_blank_line_between_headings_stays_a_break(text, separate):
    got = _texts(text)
    for s in separate:
        assert any(t.startswith(s) for t in got), got
    assert not any("\n" in t for t in got)


BODY = {
    "en": ("The delegation of the university visited the partner institution in Vladivostok and "
           "discussed the joint programme for students of engineering and medicine, which will "
           "start in autumn and run for three years with support from both governments."),
    "ru": ("Делегация университета посетила партнёрский вуз во Владивостоке и обсудила совместную "
           "программу для студентов инженерных и медицинских специальностей, которая начнётся "
           "осенью и продлится три года при поддержке обоих правительств."),
}


@pytest.mark.parametrize("lang", sorted(BODY))
def test_blank_line_after_every_wrapped_line_still_joins(lang):
    body = BODY[lang]
    lines = textwrap.wrap(body, 40)
    text = "Report\n\n" + "\n\n".join(lines) + "\n\n" + "\n\n".join(textwrap.wrap(body, 40)) + "\n"
    got = _texts(text)
    assert got == ["Report", body, body] or got.count(body) >= 1 and len(got) <= 3, got


def test_japanese_blank_line_after_every_wrapped_line_still_joins():
    body = "本学と極東連邦大学は学術交流協定に基づき、毎年度教員と学生の相互派遣を行っている。今年度は医療機器メーカーの見学会を実施した。"
    lines = [body[i:i + 20] for i in range(0, len(body), 20)]
    got = _texts("\n\n".join(lines) + "\n")
    assert got == [body]
