"""Events: the event each attendance figure belongs to, and one record per distinct event.

For a figure outside a table, the event is the name written nearest to it: in its sentence,
else through a generic reference there (本会議, the symposium), else earlier in its paragraph,
else in the document title, else the last name before it. Its date is the date mention nearest
to the figure in its sentence, else the one in the sentence naming the event, else the last
one before it in the paragraph. Organisers are institutions written next to 主催/共催,
"organised by", "X held the …"; mode is online / in_person / hybrid from the words around.

Runs after dates, institutions and attendance: reads doc.dates, doc.institutions and
doc.attendance, sets each figure's `event`; event_records groups the figures into doc.events
(ids e1, e2, … in text order).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..config import Config
from ..errors import StageError
from ..model import AttendanceMention, DateMention, Document, EventRef
from . import attendance, event_names, event_records
from .attendance_cues import cues as load_cues, words_pattern
from .attendance_text import Stream

_HELD = re.compile(r"(?:を|が|は)?(?:開催|実施|行われ|催され)|\b(?:held|hosted|organi[sz]ed|took place|convened)|"
                   r"прош[её]л|прошла|прошло|состоял|организова", re.I)
_WINDOW = 1500  # how far back (characters) a figure may take the last event named before it


@dataclass
class _Placed:
    """An event name mention with where it sits (document offsets)."""

    start: int
    end: int
    text: str
    noun: str
    generic: bool
    sent: tuple[int, int]  # document span of its sentence
    stream: int
    held: bool = False  # written as what was held (…を開催, held the …, прошел …)


def extract(doc: Document, config: Config) -> None:
    """Fill each figure's event and set doc.events."""
    if doc.attendance and not doc.blocks:
        raise StageError("events", f"{doc.doc_id}: attendance without blocks: run ingest first")
    cues = load_cues()
    tables, sts = attendance.reading(doc, cues)  # the ones attendance read, when it ran just before
    names, sents = _names(sts)
    orgs = sorted((m.start, m.end) for m in doc.institutions)
    names = [n for n in names if not _inside(orgs, n.start, n.end)]  # 国際文化フォーラム (a foundation)
    title = _title_names(doc, names)
    idx = _Index(names, sents, doc.dates)
    spans: dict[int, tuple[int, int]] = {}  # figure start -> where its event is named
    for f in doc.attendance:
        if f.rule.startswith("table"):
            if f.start in tables.name_spans:
                spans[f.start] = tables.name_spans[f.start]
            continue
        name = _text_ref(doc, f, idx, title)
        if name is not None:
            spans[f.start] = (name.start, name.end)
    doc.events = event_records.records(doc, spans, idx)


def _names(sts: list[Stream]) -> tuple[list[_Placed], list[tuple[int, int, int]]]:
    names: list[_Placed] = []
    sents: list[tuple[int, int, int]] = []  # (doc start, doc end, stream index)
    for k, st in enumerate(sts):
        for s, e in st.sentences:
            ds, de = st.span(s, e)
            sents.append((ds, de, k))
        for n in event_names.find(st.text):
            ds, de = st.span(n.start, n.end)
            ss, se = st.sentence_at(n.start)
            held = bool(_HELD.search(st.text[max(0, n.start - 30):n.end + 12]))
            names.append(_Placed(ds, de, n.text, n.noun, n.generic, st.span(ss, se), k, held))
    sents.sort()
    names.sort(key=lambda n: (n.start, n.end))
    return names, sents


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) inside one of the sorted `spans` (institution mentions)?"""
    k = bisect.bisect_right(spans, (start, end))
    return any(s <= start and end <= e for s, e in spans[max(0, k - 4):k + 1])


class _Index:
    """Sentences, names and dates sorted by position, looked up by bisection."""

    def __init__(self, names: list[_Placed], sents: list[tuple[int, int, int]], dates: list[DateMention]):
        self.names, self.name_starts = names, [n.start for n in names]
        self.sents, self.sent_starts = sents, [s[0] for s in sents]
        self.dates = sorted(dates, key=lambda d: (d.start, d.end))
        self.date_starts = [d.start for d in self.dates]
        self.stream_start: dict[int, int] = {}
        for s in sents:
            self.stream_start.setdefault(s[2], s[0])
        self._folded: dict[str, str] = {}  # name text -> event_names.fold(text), this document's

    def fold(self, text: str) -> str:
        key = self._folded.get(text)
        if key is None:
            key = self._folded[text] = event_names.fold(text)
        return key

    def sentence(self, i: int) -> tuple[int, int, int] | None:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        return self.sents[k] if k >= 0 and self.sents[k][0] <= i < self.sents[k][1] else None

    def names_in(self, lo: int, hi: int) -> list[_Placed]:
        return self.names[bisect.bisect_left(self.name_starts, lo):bisect.bisect_left(self.name_starts, hi)]

    def names_before(self, i: int):
        """Names starting before `i`, nearest first."""
        return reversed(self.names[:bisect.bisect_left(self.name_starts, i)])

    def dates_in(self, lo: int, hi: int) -> list[DateMention]:
        ds = self.dates[bisect.bisect_left(self.date_starts, lo):bisect.bisect_left(self.date_starts, hi)]
        return [d for d in ds if d.end <= hi]


def _title_names(doc: Document, names: list[_Placed]) -> list[_Placed]:
    """Names in the title block or the first heading-like lines of the document."""
    first = [b for b in doc.blocks[:3] if b.kind in ("title", "heading", "paragraph")]
    spans = [(b.start, b.end) for b in first if b.kind == "title" or (b.end - b.start) < 120]
    return [n for n in names if not n.generic and any(s <= n.start < e for s, e in spans)]


def _resolve(n: _Placed, idx: _Index) -> _Placed | None:
    """The specific name a generic reference points back to: with an event noun (the forum,
    лекции, 講演会), the last one named with the same noun; without one (本会議, this event), the
    last one named."""
    for m in idx.names_before(n.start):
        if n.start - m.start > _WINDOW:
            break
        if m.generic:
            continue
        if not n.noun or m.noun.endswith(n.noun) or n.noun.endswith(m.noun):
            return m
    return None


_EN_LEFT = re.compile(r"(?:^|(?<=[.!?;:]\s)|\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ne|[Ee]ach)\s+)"
                      r"((?:[a-z][a-z-]+\s+){1,3})$")
_EN_RIGHT = re.compile(r"(?:\s+(?:at|in|of|on|for|by|with|about)\s+(?:the\s+)?"
                       r"(?:[A-Z0-9][\w.&'’-]*)(?:\s+(?:of|and|for|the|&|[A-Z0-9][\w.&'’-]*))*)")
_EN_NOT_ADJ = re.compile(r"\b(?:was|were|is|are|be|been|has|have|had|attended|joined|held|hosted|in|at|on|"
                         r"of|for|to|and|or|with|by|from|after|before|during)\b")


def _as_written(text: str, n: _Placed) -> _Placed:
    """A generic event noun in a figure's own sentence named as written: with the words that
    describe it (A public lecture at the ISU Scientific Library -> public lecture at the ISU
    Scientific Library); a lone noun stays as it is (講演会, лекции)."""
    start, end = n.start, n.end
    if re.match(r"[A-Za-z]", n.text):
        left = _EN_LEFT.search(text, max(n.sent[0], start - 60), start)
        if left and not _EN_NOT_ADJ.search(left.group(1)):
            start = left.start(1)
        right = _EN_RIGHT.match(text, end, n.sent[1])
        if right:
            end = right.end()
            while text[end - 1] in ".,;:":
                end -= 1
            if re.search(r"\s(?:of|and|for|the|&)$", text[start:end]):
                end = start + len(text[start:end].rsplit(" ", 1)[0])
    return _Placed(start, end, text[start:end], n.noun, False, n.sent, n.stream, n.held)


def _pick_name(text: str, f: AttendanceMention, idx: _Index, title) -> _Placed | None:
    sent = idx.sentence(f.start)
    if sent is None:
        return None
    here = idx.names_in(sent[0], sent[1])
    specific = [n for n in here if not n.generic]
    if specific:
        return min(specific, key=lambda n: (abs(n.start - f.start), n.start > f.start))
    for n in here:  # a reference back (the forum, 本会議) or an event of its own (a public lecture)
        r = _resolve(n, idx)
        if r is not None:
            return r
        if n.noun and not f.cumulative:  # (Суммарно семинары посетили 200: a total over several)
            own = _as_written(text, n)
            # a lone noun (форум, 講演会) names an event only against another one named before
            if own.end - own.start > n.end - n.start or next(
                    (m for m in idx.names_before(n.start) if not m.generic and n.start - m.start <= _WINDOW), None):
                return own
    if f.cumulative:
        return None  # a total over years (exchanged 40 students since 2015) is no single event's
    # no name in the sentence: the one the paragraph says was held, the paragraph's last, the title's
    last = None
    for n in idx.names_before(f.start):
        if n.start < idx.stream_start.get(sent[2], 0):
            break
        if not n.generic:
            if n.held:
                return n
            last = last or n
    if last is not None:
        return last
    if title:
        return title[0]
    for n in idx.names_before(f.start):
        if n.start <= f.start - _WINDOW:
            break
        if not n.generic:
            return n
    return None


def _best_in(inside: list[DateMention], at: int) -> DateMention | None:
    """The most precise of the dates of a sentence (the nearest to `at` among equals)."""
    return min(inside, key=lambda d: (_RANK.get(d.kind, 5), abs(d.start - at))) if inside else None


_RANK = {"range": 0, "day": 1, "month": 2, "fiscal_year": 3, "year": 4}
_CLAUSE = re.compile(r"[、，,;；。]")


def _nearest_date(text: str, inside: list[DateMention], at: int) -> DateMention | None:
    """The date of a figure at `at` in the sentence [lo, hi): the nearest one written before it
    in the same clause (2020年度は…延べ943名), else after it in the same clause (… joined in
    2020), else the nearest one in the sentence."""
    if not inside:
        return None
    before = [d for d in inside if d.end <= at and not _CLAUSE.search(text, d.end, at)]
    if before:
        return max(before, key=lambda d: d.end)
    after = [d for d in inside if d.start >= at and not _CLAUSE.search(text, at, d.start)]
    if after:
        return min(after, key=lambda d: d.start)
    return min(inside, key=lambda d: (abs(d.start - at), d.start))


def _previous(text: str, d: DateMention) -> bool:
    """A date marked as the previous period (前年度（令和3年度）, last year (2021), в прошлом году
    (в 2021 году))."""
    return bool(_previous_marker().search(text, max(0, d.start - 30), d.start))


def _compared(text: str, d: DateMention) -> bool:
    """A previous period a figure is compared with (前年度（令和3年度）を上回る, больше, чем в
    прошлом году (в 2021 году))."""
    return bool(words_pattern("previous", "comparison").search(text, max(0, d.start - 30), d.end + 12))


@functools.lru_cache(maxsize=1)
def _previous_marker() -> re.Pattern:
    """The marker words, then maybe a bracket and a preposition, right before a date."""
    words = words_pattern("previous", "words").pattern
    return re.compile(rf"(?:{words})\s*[（(]?\s*(?:in\s+|в\s+)?$", re.I)


def _own_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if not _previous(text, d)]


def _text_ref(doc: Document, f: AttendanceMention, idx: _Index, title) -> _Placed | None:
    name = _pick_name(doc.text, f, idx, title)
    sent = idx.sentence(f.start)
    text = doc.text
    inside = idx.dates_in(sent[0], sent[1]) if sent else []
    # a previous period named in the sentence (前年度（令和3年度）を上回る120名) is not its date
    date = _nearest_date(text, _own_dates(text, inside), f.start)
    if date is None:  # the previous period as the figure's own topic (前年度（令和3年度）は80名)
        topic = [d for d in inside if d.end <= f.start and not _CLAUSE.search(text, d.end, f.start)
                 and not _compared(text, d)]
        date = topic[-1] if topic else None
    if name is not None and (date is None or not (sent[0] <= name.start < sent[1])):
        # the event named elsewhere: its own date wins when it is more precise (当日は… / 2018-02-09)
        named = _named_date(text, name, idx)
        if named is not None and (date is None or _RANK.get(named.kind, 5) < _RANK.get(date.kind, 5)):
            date = named
    if date is None and sent is not None:
        before = _own_dates(text, idx.dates_in(idx.stream_start.get(sent[2], sent[0]), f.start))
        date = before[-1] if before else None
    f.event = EventRef(name=event_names.clean(name.text) if name else None, date=date.value if date else None,
                       date_start=date.start if date else None)
    return name


def _named_date(text: str, name: _Placed, idx: _Index) -> DateMention | None:
    """The date of the sentence naming the event, else of the first sentence that names it
    again with a date (a title's name takes the date of the sentence introducing the event)."""
    own = _best_in(_own_dates(text, idx.dates_in(name.sent[0], name.sent[1])), name.start)
    if own is not None:
        return own
    key = idx.fold(name.text)
    for m in idx.names:
        if not m.generic and m.sent != name.sent and idx.fold(m.text) == key:
            d = _best_in(_own_dates(text, idx.dates_in(m.sent[0], m.sent[1])), m.start)
            if d is not None:
                return d
    return None
