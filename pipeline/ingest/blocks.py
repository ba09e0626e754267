"""Assembling a document's text from the blocks every reader (text, HTML, PDF) produces.

Layout of the text: blocks separated by a blank line ("\\n\\n"); a table is one run of text whose
rows are separated by "\\n" and whose cells by "\\t", each non-empty cell a block of kind
"table_cell" with its table, row and column. The offset map of the whole text is kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
from operator import le

from ..model import Block
from .normalize import Mapped, scrub_mapped


@dataclass(slots=True)
class RawBlock:
    text: Mapped  # one paragraph, lines already joined (no line breaks)
    kind: str = "paragraph"
    page: int | None = None


@dataclass(slots=True)
class RawTable:
    rows: list[list[Mapped]] = field(default_factory=list)  # cell texts, lines joined
    page: int | None = None


def _clean(m: Mapped) -> Mapped:
    """One line of text: no tabs or line breaks inside, single spaces, no outer space, no
    character that JSON/XML consumers cannot take (a lone surrogate, a control: U+FFFD)."""
    return scrub_mapped(m.collapse_spaces().strip())


def assemble(items: list[RawBlock | RawTable]) -> tuple[Mapped, list[Block]]:
    """The document text (with its offset map) and its blocks, in order."""
    out = Mapped()
    blocks: list[Block] = []
    n_tables = 0

    def sep(at: int) -> None:
        if out.text:
            out.extend(Mapped.synthetic("\n\n", at))

    for item in items:
        if isinstance(item, RawBlock):
            text = _clean(item.text)
            if not text.text:
                continue
            sep(text.starts[0])
            start = len(out)
            out.extend(text)
            blocks.append(Block(id=len(blocks), start=start, end=len(out), kind=item.kind, page=item.page))
            continue
        rows = [[_clean(c) for c in row] for row in item.rows]
        rows = [row for row in rows if any(c.text for c in row)]
        if not rows:
            continue
        # drop columns that are empty in every row
        width = max(len(r) for r in rows)
        keep = [j for j in range(width) if any(j < len(r) and r[j].text for r in rows)]
        first = next(c for r in rows for c in r if c.text)
        sep(first.starts[0])
        for i, row in enumerate(rows):
            if i:
                out.extend(Mapped.synthetic("\n", out.ends[-1] if out.ends else 0))
            for k, j in enumerate(keep):
                if k:
                    out.extend(Mapped.synthetic("\t", out.ends[-1] if out.ends else 0))
                cell = row[j] if j < len(row) else Mapped()
                if cell.text:
                    start = len(out)
                    out.extend(cell)
                    blocks.append(Block(id=len(blocks), start=start, end=len(out), kind="table_cell",
                                        page=item.page, table=n_tables, row=i, col=k))
        n_tables += 1
    _monotone(out)
    return out, blocks


def _monotone(m: Mapped) -> None:
    """Separators inserted between blocks point at the end of what precedes them; keep the map
    non-decreasing even where a reader emitted blocks out of source order (PDF reading order):
    every start is the running maximum of the starts, every end that of the starts and ends."""
    if (m.starts[:1] >= [0] and m.starts == sorted(m.starts) and m.ends == sorted(m.ends)
            and all(map(le, m.starts, m.ends))):
        return  # already monotone (text in source order): nothing to change
    starts = list(accumulate(m.starts, max, initial=0))[1:]
    m.ends[:] = list(accumulate(map(max, m.ends, starts), max, initial=0))[1:]
    m.starts[:] = starts
