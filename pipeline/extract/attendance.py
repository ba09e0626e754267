"""Attendance figures: how many people took part, with qualifier, cumulative flag and breakdown.

    約160名が参加 → 160 approx        140名以上の参加 → 140 at_least     延べ943名 → 943, cumulative
    参加者128名（日本側21大学56名、ロシア側30大学72名） → 128 with a breakdown of 56 + 72
    more than 1,5 million people → 1500000 at_least        около 200 человек → 200 approx

A candidate is a number with a person unit (名/人, people/participants/students…,
человек/участников…) or a number after a participant label (参加者数 120, attendance of 85).
It is kept when its sentence says that people took part (cue words in
pipeline/data/attendance.toml) and nothing marks it as something else (人口, staff, population).
Tables are read by attendance_tables; figures repeating another are dropped by
attendance_repeats; events (names, dates, ids) are filled by the events stage.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from ..config import Config
from ..errors import StageError
from ..model import AttendanceMention, BreakdownItem, Document
from . import attendance_tables, numerals
from .attendance_cues import Cues, cues as load_cues
from .attendance_repeats import drop_restated_totals, drop_restatements, drop_translations
from .attendance_text import Stream, streams

_MAX_VALUE = 100_000_000
_REACH = 300  # characters around a figure (within its sentence) where its cue words are looked for
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|from|of|by|until|to)|в|с|до)\s*$", re.I)
_OPEN = {"（": "）", "(": ")"}
_LIST_AFTER = re.compile(r"\s*[:：—–]\s*")  # a figure, then the list of its parts
_CLAUSE_BREAK = re.compile(r"[;；(]|,(?![0-9])")  # a comma inside 1,000 is no break
_JA_CLAUSE_END = re.compile(r"[。、，,]")
_PAST_JA = re.compile(r"た(?![めいくらろ])|ました")  # 視聴した, 集まった (not ために, したい)
_INCLUDING = re.compile(r"\bincluding\b|\bamong them\b|\bof whom\b|うち|含む|含め|в том числе|из них|включая", re.I)


@dataclass
class _Cand:
    s: int  # stream offsets of the number (with its unit)
    e: int
    value: int
    lang: str
    unit: str
    strong: bool = False  # the unit or a label says "participants" by itself
    rule: str = ""
    clause_cue: bool = False  # kept only with a participation word in its own clause (of whom 143 logged in)
    ts: int = 0  # span of the figure text with its qualifier words
    te: int = 0
    qualifier: str = "exact"
    cumulative: bool = False
    total: bool = False  # written as a total (合計, a total of)
    keep: bool = False
    conf: float = 0.0
    breakdown: list[BreakdownItem] = field(default_factory=list)
    part_of: bool = False
    sent: tuple[int, int] = (0, 0)
    label: str = ""  # a breakdown label other than the figure's text (a part sharing a noun)


def extract(doc: Document, config: Config) -> None:
    """Set doc.attendance: every attendance figure of the document, in text order."""
    if not doc.blocks and doc.text.strip():
        raise StageError("attendance", f"{doc.doc_id}: no blocks: run ingest first")
    cues = load_cues()
    _LAST.read = None  # a new document: nothing read before is reused
    tables, sts = reading(doc, cues)
    figures = list(tables.figures)
    for st in sts:
        figures.extend(_stream_figures(doc, cues, st))
    figures.sort(key=lambda f: (f.start, f.end))
    figures = drop_restated_totals(doc, drop_restatements(doc, figures), cues.table_total)
    doc.attendance = drop_translations(doc, figures)


# what reading() found for the document read last in this thread: (document, (its text, blocks,
# dates as read), (how many blocks and dates), (tables, streams)); one document only, replaced by
# the next. Per thread: a Dask worker may still run an abandoned (timed-out) document beside it.
_LAST = threading.local()


def reading(doc: Document, cues: Cues) -> tuple[attendance_tables.TableResult, list[Stream]]:
    """The document's tables and its running text without them, read once per document: the
    events stage takes the ones attendance read, unless the document changed in between."""
    last = getattr(_LAST, "read", None)
    if last and last[0] is doc and all(a is b for a, b in zip(last[1], (doc.text, doc.blocks, doc.dates))) \
            and last[2] == (len(doc.blocks), len(doc.dates)):
        return last[3]
    tables = attendance_tables.extract(doc, cues)
    found = (tables, streams(doc, skip=tables.claimed))
    _LAST.read = (doc, (doc.text, doc.blocks, doc.dates), (len(doc.blocks), len(doc.dates)), found)
    return found


# a language's count pattern can only match where its unit's script is (a cheap test first)
_SCRIPT = {"ja": re.compile(r"[名人]"), "en": re.compile(r"[A-Za-z]"), "ru": re.compile(r"[А-Яа-яЁё]")}


def _candidates(cues: Cues, text: str) -> list[_Cand]:
    found: list[_Cand] = []
    for lang in ("ja", "en", "ru"):
        if not _SCRIPT[lang].search(text):
            continue
        for m in cues.count[lang].finditer(text):
            v = numerals.value(m.group("num"), m.group("mult"))
            if v is None or not 0 < v < _MAX_VALUE:
                continue
            if 1900 <= v <= 2100 and lang != "ja" and _YEAR_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
                continue
            unit = m.group("unit")
            if lang == "en" and v != 1 and cues.singular.match(unit):
                continue  # "two student awards": the noun modifies another one
            strong = lang != "ja" and bool(cues.strong.search(unit))
            c = _Cand(m.start(), m.end(), v, lang, unit, strong, f"{lang}.count")
            if m.groupdict().get("plus"):
                c.qualifier = "at_least"
            elif m.groupdict().get("approx"):  # "40 or so followed the sessions"
                c.qualifier = "approx"
            found.append(c)
    found.extend(_shared_parts(cues, text, found))
    for m in cues.labelled.finditer(text):
        v = numerals.value(m.group("num"), m.group("mult"))
        if v is None or not 0 < v < _MAX_VALUE:
            continue
        s = m.start("num")
        same = [c for c in found if c.s == s]
        if same:
            for c in same:
                c.strong = True
            continue
        lang = "ja" if re.search(r"[\u3040-\u9fff]", m.group()) else "en"
        found.append(_Cand(s, m.end(), v, lang, "", True, f"{lang}.label"))
    for m in cues.grouped.finditer(text):  # our group of six, of whom 143 logged in
        v = numerals.value(m.group("num"))
        s = m.start("num")
        if v is None or not 0 < v < _MAX_VALUE or any(c.s <= s < c.e for c in found):
            continue
        lang = "ru" if re.search(r"[А-Яа-яЁё]", m.group()) else "en"
        found.append(_Cand(s, m.end(), v, lang, "", False, f"{lang}.group", clause_cue=bool(m.group("rel"))))
    for m in cues.sized.finditer(text):  # a 15-member delegation, a 14-strong team
        v = numerals.value(m.group("num"))
        if v is not None and 1 < v < _MAX_VALUE:
            found.append(_Cand(m.start(), m.end(), v, "en", m.group("unit"), False, "en.sized"))
    found.sort(key=lambda c: (c.s, -c.e))
    out: list[_Cand] = []
    for c in found:  # overlapping matches: the first, longest wins
        if not out or c.s >= out[-1].e:
            out.append(c)
    return out


def _shared_parts(cues: Cues, text: str, counts: list[_Cand]) -> list[_Cand]:
    """Parts listed before a count that leave it their noun: `12 японских и 15 российских
    студентов`, `10 Chinese, 11 Japanese and 16 Russian students` (each a count of the noun)."""
    out: list[_Cand] = []
    for c in counts:
        if c.lang not in cues.shared or not c.rule.endswith(".count"):
            continue
        start, noun = c.s, c.unit
        while True:
            m = cues.shared[c.lang].search(text, max(0, start - 80), start)
            if m is None or any(d.s < m.end("mid") and m.start() < d.e for d in counts):
                break
            v = numerals.value(m.group("num"))
            if v is None or not 0 < v < _MAX_VALUE or 1900 <= v <= 2100:
                break
            mid = re.sub(r"\s+", " ", m.group("mid")).strip()
            out.append(_Cand(m.start(), m.end("mid"), v, c.lang, noun, c.strong, f"{c.lang}.shared_noun",
                             label=f"{m.group('num')} {mid} {noun}"))
            start = m.start()
    return out


def _prefix(cues: Cues, c: _Cand, text: str, lo: int) -> None:
    """Qualifier, cumulative and total words written just before the number."""
    c.ts = c.s
    for _ in range(4):
        before = text[max(lo, c.ts - 30):c.ts]
        # the longest qualifier wins ("не более" is at_most, not the "более" inside it)
        found = [(m.start(), q, m) for q in ("approx", "at_least", "at_most") if (m := cues.qual_before[q].search(before))]
        if found:
            _, q, m = min(found, key=lambda f: f[0])
            c.qualifier = q if c.qualifier == "exact" else c.qualifier
        else:
            m = cues.cum_before.search(before)
            if m:
                c.cumulative = True
            else:
                m = cues.total_before.search(before)
                if not m:
                    return
                c.total = True
        c.ts -= len(before) - m.start()


def _suffix(cues: Cues, c: _Cand, text: str, hi: int) -> None:
    c.te = c.e
    if cues.total_after.match(text[c.e:min(hi, c.e + 24)]):  # "27 participants in total"
        c.total = True
    after = text[c.e:min(hi, c.e + 16)]
    for q in ("approx", "at_least", "at_most"):
        m = cues.qual_after[q].match(after)
        if m:
            if c.qualifier == "exact":
                c.qualifier = q
            c.te = c.e + m.end()
            return


def _decide(cues: Cues, c: _Cand, text: str, sent: tuple[int, int]) -> None:
    ss, se = sent
    if c.lang == "ja":
        if c.value == 1 and text[max(ss, c.ts - 1):c.ts] == "の":  # 審査員の一人: one of a group
            return
        window = text[max(ss, c.ts - 8):c.ts]
        peak = cues.peak_ja.search(window)  # 最大60名: a quota, or a peak when it happened
        if cues.neg_ja_before.search(window[:peak.start()] if peak else window) or \
                cues.neg_ja_after.match(text[c.te:se]):
            return
        clause = _JA_CLAUSE_END.split(text[c.te:min(se, c.te + 40)], 1)[0]
        if cues.neg_ja_clause.search(clause):  # 3名まで派遣可能: a quota
            return
        if cues.degree.search(text[ss:se]) and not cues.cue_ja_after.search(clause):  # 修士号を得た…累計で87名
            return
        if peak or cues.status_ja.search(text[max(ss, c.ts - 40):c.ts]):  # 在籍者は1学年あたり約30名で
            if not cues.cue_ja_after.search(clause) or (peak and not _PAST_JA.search(clause)):
                return
            if peak:
                c.qualifier, c.ts = "at_most", c.ts - len(window) + peak.start()
        after = text[c.te:se]
        m = cues.cue_ja_after.search(after)
        before = cues.cue_ja_before.search(text[ss:c.s])
        if c.strong or before or c.cumulative:
            c.keep, c.conf = True, 0.9
        elif m:
            c.keep, c.conf = True, 0.9 if m.start() <= 12 else 0.75
        return
    # the words around the figure in its own clause ("24 finalists, selected from 61 applicants,":
    # the applicants are another count), then a modal later in the sentence (up to 20 can apply)
    before = _CLAUSE_BREAK.split(text[max(ss, c.ts - 40):c.ts])[-1]
    after = _CLAUSE_BREAK.split(text[c.te:min(se, c.te + 15)], 1)[0]
    if cues.neg_latin.search(before + text[c.ts:c.te] + after) or cues.neg_latin_clause.search(before) or \
            cues.neg_latin_clause.search(text[c.te:min(se, c.te + 80)]):
        return
    clause = _CLAUSE_BREAK.split(text[ss:c.ts])[-1] + " " + after
    if cues.enrol_verb.search(clause) and cues.enrol_unit.search(clause):  # на кафедре обучались 86 студентов
        return
    if _membership(cues, c, before):  # the network now counts twenty-six members
        return
    if cues.degree.search(clause) and not cues.cue_latin.search(clause):  # 30 students earned degrees
        return
    if cues.population.search(c.unit) and not cues.cue_latin.search(  # около 240 тысяч жителей: a population
            _CLAUSE_BREAK.split(text[max(ss, c.ts - 60):c.ts])[-1] + " " + _CLAUSE_BREAK.split(text[c.te:se], 1)[0]):
        return
    if c.clause_cue:
        if cues.cue_latin.search(_CLAUSE_BREAK.split(text[c.te:se], 1)[0]):
            c.keep, c.conf = True, 0.8
    elif c.strong:
        c.keep, c.conf = True, 0.9
    elif cues.cue_latin.search(text[ss:se]):
        c.keep, c.conf = True, 0.8


def _membership(cues: Cues, c: _Cand, before: str) -> bool:
    """A body's size: a membership verb right before a count of members, or of anyone when the
    clause names a body (the association counts 50 participants); a travelling group's size
    (the delegation has 12 members) stays."""
    m = cues.membership.search(before)
    if not m or cues.member_group.search(before):
        return False
    if cues.member_unit.search(c.unit):
        return True
    return bool(cues.member_body.search(before)) and not cues.member_past.match(m.group())


def _cumulative(cues: Cues, c: _Cand, text: str, sent: tuple[int, int]) -> None:
    ss, se = sent
    sentence = text[ss:se]
    if c.total and cues.per_event_figure.search(text[c.te:se]):  # 212 log-ins in total, about 30 per seminar
        c.cumulative = True
        return
    if cues.per_event.search(text[ss:c.s]):
        c.cumulative = False
        return
    if cues.cum_sentence.search(sentence) or cues.event_count.search(text[ss:c.s]) or \
            cues.duration.search(text[ss:c.s]):
        c.cumulative = True


def _comparisons(cues: Cues, cands: list[_Cand], text: str) -> None:
    """目標の100名を大きく上回る120名が参加: the first count is the reference, not a figure."""
    for a, b in zip(cands, cands[1:]):
        between = text[a.e:b.ts]
        if a.keep and b.keep and a.lang == "ja" and len(between) <= 16 and not _JA_CLAUSE_END.search(between) \
                and cues.comparison_ja.search(between):
            a.keep = False


def _close_paren(text: str, i: int, limit: int = 400) -> int | None:
    """Index just past the bracket closing the one at text[i]."""
    open_, close = text[i], _OPEN[text[i]]
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        if text[j] == open_:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def _breakdowns(cues: Cues, cands: list[_Cand], text: str) -> None:
    """Parts of a total: in brackets right after it, or listed before a 合計 / a total of."""
    for c in cands:
        if not c.keep or c.part_of:
            continue
        k = c.te
        while k < len(text) and text[k] in " \u3000":
            k += 1
        if k < len(text) and text[k] in _OPEN and k - c.te <= 2:
            end = _close_paren(text, k)
            inner = [d for d in cands if d is not c and end and k < d.s and d.e <= end]
            if end and inner and not any(d.total for d in inner):  # （計23名） totals the parts before
                for _, _, v, label in attendance_tables.person_counts(cues, text[k + 1:end - 1]):
                    c.breakdown.append(BreakdownItem(label=label, value=v))
                for d in inner:
                    d.part_of = True
    for prev, c in zip(cands, cands[1:]):  # "60 participants, including 24 students": a part
        between = text[prev.te:c.ts]
        if prev.keep and c.keep and not prev.part_of and not c.part_of and len(between) <= 30 \
                and c.value < prev.value and _INCLUDING.search(between):  # a part is less than its whole
            c.part_of = True
            prev.breakdown.append(BreakdownItem(label=re.sub(r"\s+", " ", text[c.s:c.e]).strip(), value=c.value))
    for i, c in enumerate(cands):  # "27 студентов: 12 японских и 15 российских": parts after a colon
        if not c.keep or c.part_of or c.breakdown or not _LIST_AFTER.match(text, c.te):
            continue
        parts = []
        for d in cands[i + 1:]:
            if not d.keep or d.part_of or d.total or d.s >= c.sent[1] or sum(p.value for p in parts) >= c.value:
                break
            parts.append(d)
        if len(parts) >= 2 and sum(d.value for d in parts) == c.value:
            for d in parts:
                d.part_of = True
                lab = text[_part_start(text, d.s, c.te):d.s] if d.lang == "ja" else d.label or text[d.s:d.e]
                c.breakdown.append(BreakdownItem(label=re.sub(r"\s+", " ", lab).strip(" 、,，・:："), value=d.value))
    for i, c in enumerate(cands):
        if not (c.keep and c.total) or c.part_of:
            continue
        parts = []
        for d in reversed(cands[:i]):
            if d.total or d.part_of or not d.keep or d.s < c.sent[0]:
                break
            parts.append(d)
        parts.reverse()
        if len(parts) >= 2 and sum(d.value for d in parts) == c.value:
            for d in parts:
                d.part_of = True
                # 日本側9名 → "日本側"; 12 Japanese students → "12 Japanese students"
                lab = text[_part_start(text, d.s, c.sent[0]):d.s] if d.lang == "ja" else d.label or text[d.s:d.e]
                label = re.sub(r"\s+", " ", lab).strip(" 、,，・:：")
                c.breakdown.append(BreakdownItem(label=label, value=d.value))


def _part_start(text: str, i: int, lo: int) -> int:
    return max([lo] + [text.rfind(ch, lo, i) + 1 for ch in "、，,・;；（(:："])


def _stream_figures(doc: Document, cues: Cues, st: Stream) -> list[AttendanceMention]:
    text = st.text
    cands = _candidates(cues, text)
    for c in cands:
        ss, se = st.sentence_at(c.s)
        sent = (max(ss, c.s - _REACH), min(se, c.e + _REACH))  # cues are read near the figure
        c.sent = sent
        _prefix(cues, c, text, sent[0])
        _suffix(cues, c, text, sent[1])
        _decide(cues, c, text, sent)
        if c.keep and not c.rule.endswith(".group"):  # a group is one set of people, never a sum
            _cumulative(cues, c, text, sent)
    _comparisons(cues, cands, text)
    _breakdowns(cues, cands, text)
    out = []
    for c in cands:
        if not c.keep or c.part_of:
            continue
        s, e = st.span(c.ts, c.te)
        out.append(AttendanceMention(
            text=doc.text[s:e], start=s, end=e, value=c.value, qualifier=c.qualifier, cumulative=c.cumulative,
            breakdown=c.breakdown, confidence=c.conf, rule=c.rule))
    return out

