"""Local governments acting as organisations.

A prefecture, city, town or village is a place; it is an organisation when it acts:
- Japanese: a name ending in 県/府/都/市/町/村 (北海道 as it is) followed by its office word
  (県庁, 市役所, 町役場: always), by a division (新潟市国際課, 新潟県の国際交流課: the division is
  its sub-unit), or in an organiser/sponsor construction (新潟県主催, 新潟県と新潟市の主催,
  主催は新潟県, 後援：新潟県、新潟市, 新潟県より助成);
- English: "City/Town/Village/Prefecture of X", "X City", "X Prefecture" after "supported/sponsored/
  organized/hosted/funded/arranged by" or "co-organised with / in cooperation with", or before such a
  verb, or with a division after "’s" (its international exchange section) ("X Prefectural Government",
  "X Government" are found by the English rules as names with the head Government).
Otherwise nothing is reported: the place is no institution.
"""
from __future__ import annotations

import re

from ..model import Token
from .gazetteer import Found
from .orgwords import OrgWords, place_en
from .romanize import romaji, slug

# suffix → English form of the government
_JA_KIND = {"県": "{} Prefectural Government", "府": "{} Prefectural Government",
            "都": "{} Metropolitan Government", "道": "{} Government", "市": "City of {}",
            "町": "Town of {}", "村": "Village of {}"}
# Russian federal subjects written in Japanese: 沿海地方, サハリン州, サハ共和国 are places; with an
# office word after them (沿海地方政府, サハリン州行政府) or acting (a proper-noun stem only) governments
_JA_REGION = {"地方": "{} Krai", "州": "{} Oblast", "共和国": "Republic of {}"}
_REGION_WORDS = tuple(_JA_REGION)
_JA_REGION_RE = re.compile("|".join(_JA_REGION))
_JA_OFFICE = ("行政府", "政府", "役所", "役場", "庁")  # written right after: ハバロフスク市行政府, 富山県庁
_KATA = re.compile(r"[\u30a0-\u30ff]+")  # ハバロフスク市: a foreign city
_ACTS = "主催|共催|後援|協力|助成|協賛|委託|補助|支援"
# 新潟県と新潟市の主催, 富山県、富山県立大学、X株式会社のご協力, 大阪府より助成
# ハバロフスク市と共同で, 札幌市と連携して: a partner in a joint act
# 広島市および公益財団法人X と連携: a list joined by および/及び/並びに as by と/、/・
_JOIN = "[と、・]|および|及び|並びに|ならびに"
_LIST = rf"(?:(?:{_JOIN})[^。、\n]{{1,25}}?){{0,5}}"
_JA_AFTER = re.compile(rf"{_LIST}(?:の|が)?[ご御]?(?:{_ACTS})|(?:より|から)の?[ご御]?(?:{_ACTS})"
                       rf"|{_LIST}との?(?:共同|連携|協力|合同|協働)(?:で|して|し|により|の下|の上)")
# ミュンヘン市、大田広域市、瀋陽市の各市役所が協力: governments listed with an acting one share its role
_JOINED = re.compile(rf"\s*(?:{_JOIN})\s*")
# 大田広域市, ソウル特別市, 天津直轄市: always a city government (Korean/Chinese city forms)
_CITY_FORMS = ("広域", "特別", "直轄")
# 新潟市は、…を送りました / 派遣した / 報告会を開催しました: the government as the subject of an act
# (after は, no other subject marked with が before the verb)
_ACT_VERBS = (r"(?:送り|送っ|招き|招い|贈り|贈っ|交わし|結び|結ん|受け入れ|受入れ|(?:派遣|支援|助成|締結|主催|共催|"
              r"招待|寄贈|提供|負担|協力|開催|実施|募集|発表|設置|開設|運営|企画|後援|創設|設立)(?:し(?!ま?せん|ない)|する|します))")
_JA_SUBJECT = re.compile(rf"(?:は、?[^。\nが]{{0,120}}?|が、?[^。\n]{{0,60}}?){_ACT_VERBS}")
_JA_CUE = re.compile("[" + "".join(_JA_KIND) + "]|地方|共和国")
_JA_BEFORE = re.compile(rf"(?:{_ACTS})者?(?:は|：|:|\s)*(?:[^。\n、：:]{{1,15}}[、・と])*$")


def ja(text: str, tokens: list[Token], gaz: list[Found], w: OrgWords, lang: str | None) -> list[Found]:
    """Acting Japanese local governments in one run of tokens, and the divisions named after them."""
    out: list[Found] = []
    seen: list[tuple[Found, Found | None, bool]] = []  # each city/prefecture, its division, whether it acts
    if not tokens or not _JA_CUE.search(text, tokens[0].start, tokens[-1].end):
        return out  # no government suffix: nothing to look at token by token
    covered = [(f.start, f.end) for f in gaz]
    n = len(tokens)
    regions = _JA_REGION_RE.search(text, tokens[0].start, tokens[-1].end) is not None
    for i, t in enumerate(tokens):
        if t.pos != "名詞-固有名詞" and not (regions and t.pos.startswith("名詞") and (
                text.startswith(_REGION_WORDS, t.end) or _KATA.fullmatch(t.surface))):
            continue  # a city or prefecture has a proper-noun stem; a region (沿海地方) may not
        if any(a <= t.start < b for a, b in covered):
            continue
        if i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].pos.startswith("名詞") and \
                tokens[i - 1].surface not in w.ja_stop and tokens[i - 1].surface not in w.ja_country:
            continue  # inside a longer compound (ロシア|沿海地方政府: after a country word it begins)
        region = _region(text, tokens, i, w) if regions else None
        if region is not None:
            found = _region_government(text, tokens, i, region, lang)
            if found is not None:
                out.append(found)
            continue
        if t.pos != "名詞-固有名詞":
            continue
        always = False
        if i + 1 < n and tokens[i + 1].surface in _JA_KIND and tokens[i + 1].start == t.end:
            kind, end, j = tokens[i + 1].surface, tokens[i + 1].end, i + 2
        elif i + 2 < n and tokens[i + 1].surface in _CITY_FORMS and tokens[i + 2].surface == "市" and \
                tokens[i + 1].start == t.end and tokens[i + 2].start == tokens[i + 1].end:
            kind, end, j, always = "市", tokens[i + 2].end, i + 3, True
        elif len(t.surface) == 3 and t.surface.endswith("道"):
            kind, end, j = "道", t.end, i + 1  # 北海道
        else:
            continue
        word, j2 = _office(text, tokens, j, end)
        office = word is not None
        if office:
            end, j = end + len(word), j2
        place = place_en(w, t.surface) or place_en(w, t.surface + kind)
        en = _JA_KIND[kind].format(place[0] if place else _place_romaji(t.surface))
        country = place[1] if place and place[1] else "JP" if kind != "市" or not (
            always or _KATA.fullmatch(t.surface)) else None
        f = Found(t.start, end, slug(en), text[t.start:end], "local_government", country, None, "pattern", 0.7,
                  en=en, role="org", lang=lang)
        div = _division(text, tokens, j, end, f, w, lang)
        acts = always or office or div is not None or bool(_JA_AFTER.match(text, end) or _JA_SUBJECT.match(
            text, end) or _JA_BEFORE.search(text, max(0, t.start - 40), t.start))
        seen.append((f, div, acts))
    return out + _listed(text, seen)


def _listed(text: str, seen: list[tuple[Found, Found | None, bool]]) -> list[Found]:
    """The acting governments, and those listed next to one (X市、Y市、Z市の各市役所が協力: all three)."""
    acts = [a for _, _, a in seen]
    joined = [bool(_JOINED.fullmatch(text, a[0].end, b[0].start)) for a, b in zip(seen, seen[1:])]
    for order in (range(len(joined)), reversed(range(len(joined)))):
        for k in order:
            if joined[k] and (acts[k] or acts[k + 1]):
                acts[k] = acts[k + 1] = True
    return [x for (f, div, _), a in zip(seen, acts) if a for x in (f, div) if x is not None]


def _office(text: str, tokens: list[Token], j: int, end: int) -> tuple[str | None, int]:
    """The office word written at `end` (政府, 行政府, 役所, 庁) ending on a token boundary, and
    the index of the token after it."""
    word = next((x for x in _JA_OFFICE if text.startswith(x, end)), None)
    if word is None or not any(x.end == end + len(word) for x in tokens[j:j + 3]):
        return None, j
    while j < len(tokens) and tokens[j].end <= end + len(word):
        j += 1
    return word, j


def _region(text: str, tokens: list[Token], i: int, w: OrgWords) -> tuple[int, str] | None:
    """(index of the stem's last token, kind) when tokens[i] begins a Russian federal subject:
    a proper noun or katakana word (タタール|スタン), or one kanji noun (沿海), then 地方/州/共和国."""
    k = i
    if _KATA.fullmatch(tokens[i].surface):
        while k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end and _KATA.fullmatch(tokens[k + 1].surface) \
                and tokens[k + 1].pos.startswith("名詞"):
            k += 1
    end = tokens[k].end
    kind = next((x for x in _JA_REGION if text.startswith(x, end)), None) if text[end:end + 1] in "地州共" else None
    if kind is None or tokens[i].surface in w.ja_country or tokens[i].surface in w.ja_generic:
        return None
    return k, kind


def _region_government(text: str, tokens: list[Token], i: int, region: tuple[int, str],
                       lang: str | None) -> Found | None:
    """沿海地方政府, サハリン州行政府 (always); ハバロフスク地方 only when it acts (主催, と共同で, は…締結し)."""
    k, kind = region
    t = tokens[i]
    stem = text[t.start:tokens[k].end]
    end = tokens[k].end + len(kind)
    j = k + 1
    while j < len(tokens) and tokens[j].end <= end:
        j += 1
    if j and tokens[j - 1].end != end:
        return None  # the kind word is part of a longer token (州立, 地方都市)
    word, _ = _office(text, tokens, j, end)
    proper = t.pos == "名詞-固有名詞" or bool(_KATA.fullmatch(stem))
    if word is None and not (proper and (_JA_AFTER.match(text, end) or _JA_SUBJECT.match(text, end) or
                                         _JA_BEFORE.search(text, max(0, t.start - 40), t.start))):
        return None
    region = _JA_REGION[kind].format(_place_romaji(stem) if proper else _place_romaji(stem))
    en = f"{region} Government" if word else region
    end += len(word or "")
    return Found(t.start, end, slug(en), text[t.start:end], "local_government", "RU", None, "pattern", 0.7,
                 en=en, role="org", lang=lang)


def _place_romaji(word: str) -> str:
    """A place name as commonly written, long vowels plain: 北海道 → Hokkaido, 京都 → Kyoto."""
    return re.sub(r"(?<=[oO])u|(?<=[uU])u", "", romaji(word)).title()


def _division(text: str, tokens: list[Token], j: int, end: int, f: Found, w: OrgWords,
              lang: str | None) -> Found | None:
    """新潟市|国際課, 新潟県の|国際交流課: a compound ending in a division word right after; written
    right after the name (札幌市総務局国際部交流課) the division is named with it, one mention."""
    joined = True
    if j < len(tokens) and tokens[j].surface == "の" and tokens[j].start == end:
        joined = False
        end, j = tokens[j].end, j + 1
    run: list[Token] = []
    while j < len(tokens) and tokens[j].start == end and tokens[j].pos.startswith(("名詞", "接尾辞")) and \
            tokens[j].surface not in w.ja_stop and len(run) < 6:
        run.append(tokens[j])
        end, j = tokens[j].end, j + 1
    name = "".join(x.surface for x in run)
    for k in range(1, len(run)):  # 北海道|電力株式会社北見支店: an organisation of its own comes first
        part = "".join(x.surface for x in run[:k])
        if any(part.endswith(h) and w.ja_heads[h].role in ("org", "assoc", "mission") for h in w.ja_heads) or \
                any(f in part for f in w.ja_legal):
            return None
    head = next((h for h in sorted(w.ja_heads, key=len, reverse=True) if name.endswith(h)), None)
    if head is None or w.ja_heads[head].role not in ("unit", "either") or len(name) <= len(head):
        return None
    mods = name[:-len(head)]
    en = f"{w.ja_translate.get(mods) or romaji(mods).title()} {w.ja_heads[head].en}"
    s = f.start if joined else run[0].start
    return Found(s, run[-1].end, f"{f.id}-{slug(en)}", text[s:run[-1].end], "sub_unit", "JP", f.id, "pattern",
                 0.65, en=en, role="unit", lang=lang)


_EN_PLACE = re.compile(r"\b(City|Town|Village|Prefecture|Municipality) of ((?:[A-ZÀ-Þ][a-zß-öø-ÿ’'-]+ ?){1,3})(?<! )"
                       r"|\b(?!(?:The|This|Our|A|An) )((?:[A-ZÀ-Þ][a-zß-öø-ÿ’'-]+ ){1,2})(City|Town|Village|Prefecture|Oblast|Krai)\b")
_EN_BEFORE = re.compile(r"(?:(?:supported|sponsored|organi[sz]ed|co-organi[sz]ed|hosted|funded|backed|assisted|"
                        r"invited|commissioned|subsidi[sz]ed|arranged|run|financed|awarded)\s+by"
                        r"|(?:co-organi[sz]ed|co-hosted|co-sponsored|organi[sz]ed|held|hosted|run|signed|concluded|jointly|"
                        r"in\s+(?:cooperation|co-operation|partnership|collaboration)|together)\s+with)"
                        r"\s+(?:[^.;]{0,60}?(?:,|\band)\s+)?(?:the\s+)?$")
_EN_AFTER = re.compile(r"\s*(?:,\s*)?(?:and\s+[^.;]{0,60}?\s+)?(?:(?:will|would|shall|is\s+to|also|jointly)\s+)*"
                       r"(?:(?:support|sponsor|organi[sz]e|co-organi[sz]e|host|co-host|fund|finance|sign|send|invite|award|"
                       r"grant|cover|pay|provide|donate|contribute|offer|subsidi[sz]e|dispatch|arrange|co-sponsor)"
                       r"(?:s|d|ed|es)?|supported|sponsored|organi[sz]ed|"
                       r"co-organi[sz]ed|hosted|funded|financed|signed|sent|invited|awarded|granted|covered|paid|"
                       r"provided|donated|contributed|offered|subsidi[sz]ed|dispatched|arranged)\b|[’']s\s+(?:[A-Za-z]+\s+){0,4}"
                       r"(?:[Dd]ivision|[Dd]epartment|[Oo]ffice|[Ss]ection|[Bb]ureau)\b")
# "the Tomsk Region administration", "Niigata prefectural government": the office word makes the place an
# organisation wherever it stands (like 県庁)
_EN_OFFICE = re.compile(r"\b(?!(?:The|This|Our|A|An|In|At|Of) )((?:[A-Z][a-z’'-]+[ -]){1,2})(?:(?:Region|Oblast|Krai|"
                        r"Territory|Province|Prefecture|Republic|City|Town|District)(?:al)?|[Pp]refectural|[Rr]egional|"
                        r"[Mm]unicipal|[Cc]ity) (?:[Aa]dministration|[Gg]overnment|[Hh]all|[Oo]ffice)\b")
_EN_OFFICE_AFTER = re.compile(r" (?:[Aa]dministration|[Gg]overnment|[Hh]all|[Oo]ffice)\b")
_RU_NAME = re.compile(r"(?:[Гг]ород|[Гг]\.)\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?")
_RU_CITY = re.compile(rf"(?<![А-Яа-яЁё])(?:{_RU_NAME.pattern})\s+(?:(?:также|впервые)\s+)?"
                      r"(?:выделил|предоставил|профинансировал|оплатил|поддержал|пригласил|направил|организовал|"
                      r"подписал|передал|подарил)(?![а-яё])")

# a word each of _EN_PLACE, _EN_OFFICE and _RU_CITY needs: a block without it is skipped
_EN_CUES = (re.compile("City|Town|Village|Prefecture|Municipality|Oblast|Krai"),
            re.compile("[Aa]dministration|[Gg]overnment|[Hh]all|[Oo]ffice"), re.compile(r"[Гг](?:ород|\.)"))


def en(text: str, start: int, end: int, lang: str | None) -> list[Found]:
    """"supported by the City of Niigata", "the Town of Niseko hosted", "Maizuru City covered",
    "город Хабаровск выделил": acting English and Russian ones (a bare place otherwise)."""
    out: list[Found] = []
    place, office, city = (bool(c.search(text, start, end)) for c in _EN_CUES)
    if not (place or office or city):
        return out  # none of the words each pattern needs
    for m in _EN_PLACE.finditer(text, start, end) if place else ():
        s = m.start()
        if _EN_OFFICE_AFTER.match(text, m.end()):
            continue  # "Nakhodka City Administration": the office's name (below)
        if _EN_BEFORE.search(text, max(start, s - 90), s) or _EN_AFTER.match(text, m.end()):
            name = m.group().rstrip()
            en_ = name if m.group(1) else f"{m.group(4)} of {m.group(3).strip()}" if m.group(4) in (
                "City", "Town", "Village") else name
            out.append(Found(s, s + len(name), slug(en_), name, "local_government", None, None, "pattern", 0.65,
                             en=en_, role="org", lang=lang))
    taken = [(f.start, f.end) for f in out]
    for m in _EN_OFFICE.finditer(text, start, end) if office else ():
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            name = m.group()
            out.append(Found(m.start(), m.end(), slug(name), name, "local_government", None, None, "pattern", 0.7,
                             en=name, role="org", lang=lang))
    for m in _RU_CITY.finditer(text, start, end) if city else ():
        words = _RU_NAME.match(m.group()).group()
        out.append(Found(m.start(), m.start() + len(words), slug(words), words, "local_government", "RU", None,
                         "pattern", 0.6, en=words, role="org", lang=lang))
    return out
