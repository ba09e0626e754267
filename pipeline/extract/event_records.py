"""Event records: the figures of one event grouped together and one Event per group.

Figures go together when their event names fold to the same text and their dates are
compatible (one inside the other, or one unknown); a figure without a name is an event of its
own, and one with neither a name nor a date gets no record (its event id stays null). Each
record takes the most precise date of its figures, one attendance count (parts listed
side by side summed, else the largest figure), the organisers written next to its name or
figures, and its mode (online / in_person / hybrid). Ids are e1, e2, ... in text order.

Called by the events stage with where each figure's event is named and its sentence index
(anything with `sentence(offset) -> (start, end, stream) | None`).
"""
from __future__ import annotations

import re

from ..model import AttendanceMention, Document, Event
from . import event_names
from .attendance_cues import cues as load_cues, words_pattern

_INCLUDING = re.compile(r"including|among them|of whom|うち|含め|含む|из них|в том числе|включая", re.I)
_LIST_SEP = re.compile(r"[、，,・;；]|\band\b|および|及び|並びに|\bи\b")


def _within(inner: str, outer: str) -> bool:
    """Does the date value `inner` fall inside `outer` (2019-06-05 in 2019-06-04/2019-06-06,
    2019-06 in 2019)? Fiscal years and other forms only equal themselves."""
    if inner == outer:
        return True
    lo, _, hi = outer.partition("/")
    hi = hi or lo
    if not re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}){0,2}", lo) or not re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}){0,2}", hi):
        return False
    a, _, b = inner.partition("/")
    b = b or a
    return all(re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}){0,2}", x) for x in (a, b)) and lo[:len(a)] <= a and b[:len(hi)] <= hi


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _within(a, b) or _within(b, a)


def _groups(doc: Document) -> list[list[AttendanceMention]]:
    """The figures of one event together: the same name (folded) and the same or compatible
    dates (one inside the other, or one unknown); the same name on other dates is another event.
    A figure without a name is an event of its own."""
    groups: list[tuple[str | None, list[str | None], list[AttendanceMention]]] = []
    for f in doc.attendance:
        key = event_names.fold(f.event.name) if f.event.name is not None else None
        home = next((g for g in groups if key is not None and g[0] == key
                     and all(_compatible(f.event.date, d) for d in g[1])), None)
        if home is None:
            groups.append((key, [f.event.date], [f]))
        else:
            home[1].append(f.event.date)
            home[2].append(f)
    return [g[2] for g in groups]


def _event_date(figs: list[AttendanceMention]) -> str | None:
    """The most precise date of an event's figures (a day over its year, a range over its day)."""
    dates = [f.event.date for f in figs if f.event.date is not None]
    return max(dates, key=len) if dates else None


def records(doc: Document, spans: dict[int, tuple[int, int]], idx) -> list[Event]:
    """One Event per group of figures that has a name or a date; a figure with neither keeps
    its attendance entry, with no event id (an events table has nothing to show for it)."""
    groups = [g for g in _groups(doc) if g[0].event.name is not None or _event_date(g) is not None]
    events = []
    for i, figs in enumerate(sorted(groups, key=lambda g: g[0].start), start=1):
        eid = f"e{i}"
        for f in figs:
            f.event.id = eid
        span = next((spans[f.start] for f in figs if f.start in spans), None)
        value, qual = _attendance(doc, figs)
        context = [doc.text[span[0]:span[1]]] if span else []
        for f in figs:
            s = idx.sentence(f.start)
            context.append(doc.text[s[0]:s[1]] if s else f.text)
        events.append(Event(
            id=eid, name=figs[0].event.name, date=_event_date(figs),
            organisers=_organisers(doc, span, figs, idx), attendance=value, qualifier=qual,
            cumulative=any(f.cumulative for f in figs), mode=_mode(" ".join(context)),
            start=span[0] if span else None, end=span[1] if span else None))
    return events


def _attendance(doc: Document, figs: list[AttendanceMention]) -> tuple[int, str]:
    """One count per event: parts listed side by side are summed (日本側18名・ロシア側27名),
    otherwise the largest figure stands for the event."""
    if len(figs) > 1 and all(_siblings(doc, a, b) for a, b in zip(figs, figs[1:])):
        quals = {f.qualifier for f in figs}
        qual = "exact" if quals == {"exact"} else next(q for q in ("approx", "at_least", "at_most") if q in quals)
        return sum(f.value for f in figs), qual
    top = max(figs, key=lambda f: (f.value, -f.start))
    return top.value, top.qualifier


def _siblings(doc: Document, a: AttendanceMention, b: AttendanceMention) -> bool:
    between = doc.text[a.end:b.start]
    return (len(between) <= 80 and not a.cumulative and not b.cumulative and bool(_LIST_SEP.search(between))
            and not _INCLUDING.search(between) and not re.search(r"[。.!?]", between))


def _organisers(doc: Document, span, figs, idx) -> list[str]:
    regions = []
    if span:
        s = idx.sentence(span[0])
        regions.append((min(span[0], s[0]) if s else span[0], max(span[1], s[1]) if s else span[1]))
    for f in figs:
        s = idx.sentence(f.start)
        if s:
            regions.append((s[0], s[1]))
    ja_after = words_pattern("organisers", "ja_after", bounded=False)
    en_before = words_pattern("organisers", "en_before")
    ru_before = words_pattern("organisers", "ru_before")
    verbs = re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, load_cues().raw["organisers"]["en_verbs"]))
                       + r")", re.I)
    found: list[str] = []
    for m in doc.institutions:
        if not m.id or not any(lo <= m.start and m.end <= hi for lo, hi in regions):
            continue
        lo, hi = next((lo, hi) for lo, hi in regions if lo <= m.start and m.end <= hi)
        after = doc.text[m.end:min(hi, m.end + 8)]
        before = doc.text[max(lo, m.start - 40):m.start]
        # "X (HU), with Y, held the … Symposium": an active verb between X and the event name
        tail = doc.text[m.end:span[0]] if span and m.end <= span[0] else ""
        verb = verbs.search(tail) if len(tail) <= 120 else None
        if (re.match(r"^\s*(?:（[^）]{0,20}）|\([^)]{0,20}\))?\s*" + ja_after.pattern, after)
                or en_before.search(before) or ru_before.search(before)
                or (verb and not re.search(r"[.。]", tail))):
            if m.id not in found:
                found.append(m.id)
    return found


def _mode(context: str) -> str | None:
    for mode in ("hybrid", "online", "in_person"):
        if words_pattern("modes", mode).search(context):
            return mode
    return None
