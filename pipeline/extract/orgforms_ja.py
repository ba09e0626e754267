"""Japanese organisations marked by their legal or company form rather than a head word.

- a legal form before a name (社団法人「…」, 公益財団法人 国際文化フォーラム, 株式会社日立製作所)
  makes what follows an organisation whatever its last word;
- a foreign company written in katakana with 社 after it (ガスプロム社, ノヴァテク社), the
  katakana possibly broken by a single line break of hard-wrapped text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Token
from .gazetteer import Found
from .orgwords import OrgWords
from .romanize import romaji, slug

_NOMINAL = ("名詞", "接頭辞", "接尾辞", "形状詞")
_QUOTED = re.compile(r"[「『]([^」』\n]{2,40})[」』]")
_K = "\u30a1-\u30fa\u30fc"  # katakana letters and the long-vowel mark
# katakana (・ between words, one line break inside) + 社, then no kanji (社会, 社員, 社長 are other words)
_KATA_SHA = re.compile(rf"(?<![{_K}・\u30fb])([{_K}](?:[{_K}]|[・･](?=[{_K}])|\n(?=[{_K}]))+)社(?![\u3400-\u9fff々])")


@lru_cache(maxsize=4)
def legal_re(w: OrgWords) -> re.Pattern:
    forms = "|".join(sorted((re.escape(f) for f in w.ja_legal), key=len, reverse=True))
    return re.compile(f"({forms})[ \u3000]?")


def legal_quoted(text: str, tokens: list[Token], w: OrgWords, lang: str | None) -> list[Found]:
    """社団法人「ロシア語話者家庭の両親と教育者」, 公益財団法人 国際文化フォーラム: a legal form
    makes what follows an organisation whatever its last word. A company form written before
    the name is part of the mention (株式会社トーキン, ㈱ニトリ); its `name` is the bare name."""
    out = []
    if not tokens:
        return out
    s0, e0 = tokens[0].start, tokens[-1].end
    ends = {t.end: t for t in tokens}
    for m in legal_re(w).finditer(text, s0, e0):
        after = m.end()
        prev = ends.get(m.start())
        if prev is not None and prev.pos.startswith(("名詞", "接尾辞")) and w.ja_legal[m.group(1)] == "company" and \
                prev.surface not in w.ja_stop and prev.surface not in w.ja_generic:
            continue  # 北海道電力株式会社…: the form ends the name before it
        q = _QUOTED.match(text, after)
        typ = w.ja_legal[m.group(1)]
        if q:
            out.append(Found(q.start(1), q.end(1), slug(romaji(q.group(1))) or "org", q.group(1), typ,
                             None, None, "pattern", 0.7, en=romaji(q.group(1)), lang=lang))
            continue
        # the next compound is the name, whatever its last word (株式会社日立製作所)
        run = [t for t in tokens if t.start >= after]
        k = 0
        while k < len(run) and run[k].pos.startswith(_NOMINAL) and run[k].surface not in w.ja_stop and \
                (k == 0 or run[k].start == run[k - 1].end):
            k += 1
        if k and run[0].start == after and not any(
                "".join(x.surface for x in run[a:b]) in w.ja_heads for a in range(k) for b in range(a + 1, k + 1)):
            s, e = run[0].start, run[k - 1].end
            # the form is part of the name as written (株式会社トーキン, 公益財団法人札幌国際プラザ);
            # the name without it
            out.append(Found(m.start(), e, slug(romaji(text[s:e])) or "org", text[s:e],
                             typ, None, None, "pattern", 0.7, en=romaji(text[s:e]), lang=lang))
    return out


def kata_company(text: str, start: int, end: int, lang: str | None) -> list[Found]:
    """ガスプロム社が, ノヴ\nァテク社の: a katakana company name with 社 (three letters or more)."""
    out: list[Found] = []
    if text.find("社", start, end) < 0:
        return out
    for m in _KATA_SHA.finditer(text, start, end):
        name = m.group(1).replace("\n", "")
        if len(name.replace("・", "")) < 3:
            continue
        en = romaji(name).title()
        out.append(Found(m.start(), m.end(), slug(en) or "company", text[m.start():m.end()], "company", None,
                         None, "pattern", 0.65, en=en, role="org", lang=lang))
    return out
