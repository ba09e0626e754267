"""Japanese era years ↔ Gregorian years (明治 … 令和), from the era table in dates.toml."""
from __future__ import annotations

import datetime as dt

from .date_lexicon import Era, Lexicon


def era_to_gregorian(lex: Lexicon, era: Era, n: int) -> int | None:
    """Year `n` of `era` (1 = 元年) as a Gregorian year; None when `n` cannot be a year of it.

    A year a few past the era's end is accepted (平成32年度 was written in plans made in 2019).
    """
    if n < 1:
        return None
    if era.last is not None and n > era.last + lex.era_overrun:
        return None
    year = era.to_gregorian(n)
    return year if year <= lex.year_max else None


def gregorian_to_era(lex: Lexicon, day: dt.date) -> tuple[Era, int] | None:
    """The era and era year of a Gregorian date (None before the first era)."""
    found = None
    for era in lex.eras:
        if era.start <= day:
            found = era
    if found is None:
        return None
    return found, day.year - found.start.year + 1
