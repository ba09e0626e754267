"""`pipeline eval --gold DIR [--out DIR] [--require k=v,...]`: score output against a gold folder.

The figures are those of ../shared/eval/score.py (re-implemented: the package cannot import the
shared folder): micro precision/recall/F1 for dates (set of values per document), institutions
(a gold entry is found when a mention's text or canonical name equals one of its names after
folding) and attendance (values matched one to one), the linking rate, qualifier agreement and
language accuracy. Gold files follow ../shared/eval/GUIDELINES.md; `pipeline review
--export-gold` writes such files from reviewed output.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_STRIP = "「」『』“”\"'()（）[]［］【】<>《》〈〉"
SUMMARY_KEYS = ("dates_f1", "inst_f1", "att_f1", "inst_link", "att_qual", "lang_acc", "present_acc", "macro_f1")


def fold(s: object) -> str:
    """NFKC, casefold, no white space, no surrounding quotes/brackets, no leading 'the'."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s or "")).casefold()).strip(_STRIP)
    return s[3:] if s.startswith("the") and len(s) > 6 else s


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    d_tp: int = 0
    d_fp: int = 0
    d_fn: int = 0
    i_tp: int = 0
    i_fp: int = 0
    i_fn: int = 0
    link_n: int = 0
    link_ok: int = 0
    multi: int = 0
    a_tp: int = 0
    a_fp: int = 0
    a_fn: int = 0
    a_q: int = 0
    lang_ok: int = 0
    present_ok: int = 0
    missing: int = 0
    log: list[str] = field(default_factory=list)


def _dates(gold: dict, pred: dict, c: Counts) -> None:
    def values(items, optional):
        return {str(d["value"]).strip().upper() for d in items if bool(d.get("optional")) == optional}
    req, opt = values(gold.get("dates", []), False), values(gold.get("dates", []), True)
    found = {str(d.get("value", "")).strip().upper() for d in pred.get("dates") or [] if d.get("value")}
    c.d_tp += len(found & req)
    c.d_fp += len(found - req - opt)
    c.d_fn += len(req - found)
    c.log += [f"  date miss   {v}" for v in sorted(req - found)]
    c.log += [f"  date extra  {v}" for v in sorted(found - req - opt)]


def _institutions(gold: dict, pred: dict, c: Counts) -> None:
    entities = [(e, {fold(n) for n in e.get("names", []) if fold(n)}) for e in gold.get("institutions", [])]
    matched: dict[int, set[str]] = {}  # entity index -> ids of the mentions that found it
    verdicts: dict[str, str] = {}  # folded surface -> "tp" | "opt" | "fp"; a surface counts once
    for m in pred.get("institutions") or []:
        forms = {fold(m.get("text")), fold(m.get("name"))} - {""}
        if not forms:
            continue
        verdict = "fp"
        for i, (e, names) in enumerate(entities):
            if forms & names:
                matched.setdefault(i, set()).add(str(m.get("id") or ""))
                verdict = "opt" if e.get("optional") and verdict != "tp" else "tp"
        surface = fold(m.get("text")) or fold(m.get("name"))
        if verdicts.get(surface) != "tp":
            verdicts[surface] = verdict
    c.i_tp += sum(v == "tp" for v in verdicts.values())
    c.i_fp += sum(v == "fp" for v in verdicts.values())
    for i, (e, names) in enumerate(entities):
        if e.get("optional"):
            continue
        first = e.get("names", ["?"])[0]
        c.multi += len(names) >= 2
        if i not in matched:
            c.i_fn += 1
            c.log.append(f"  inst miss   {first}")
        elif len(names) >= 2:
            c.link_n += 1
            if len(matched[i]) == 1 and "" not in matched[i]:
                c.link_ok += 1
            else:
                c.log.append(f"  inst split  {first} ids={sorted(matched[i])}")
    c.log += [f"  inst extra  {s}" for s, v in sorted(verdicts.items()) if v == "fp"]


def _attendance(gold: dict, pred: dict, c: Counts) -> None:
    req = [a for a in gold.get("attendance", []) if not a.get("optional")]
    opt = {int(a["value"]) for a in gold.get("attendance", []) if a.get("optional")}
    used = [False] * len(req)
    for a in pred.get("attendance") or []:
        try:
            v = int(a.get("value"))
        except (TypeError, ValueError):
            c.a_fp += 1
            continue
        i = next((i for i, g in enumerate(req) if not used[i] and int(g["value"]) == v), None)
        if i is not None:
            used[i] = True
            c.a_tp += 1
            c.a_q += str(a.get("qualifier", "exact")) == str(req[i].get("qualifier", "exact"))
        elif v not in opt:
            c.a_fp += 1
            c.log.append(f"  att extra   {v} ({a.get('text', '')})")
    c.a_fn += used.count(False)
    c.log += [f"  att miss    {g['value']} ({g.get('text', '')})" for g, u in zip(req, used) if not u]


def _load(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def score(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """The figures of `pred_dir` against every `gold_dir/**/*.json` (a missing prediction is empty)."""
    golds = sorted(Path(gold_dir).rglob("*.json"))  # doc_ids from raw subfolders are nested
    c = Counts()
    for g in golds:
        rel = g.relative_to(gold_dir)
        gold, pred = _load(g), _load(Path(pred_dir) / rel)
        c.missing += not pred
        c.log.append(f"{rel.with_suffix('')}:")
        _dates(gold, pred, c)
        _institutions(gold, pred, c)
        _attendance(gold, pred, c)
        lang, glang = pred.get("language") or pred.get("languages") or {}, gold.get("languages", {})
        c.lang_ok += lang.get("primary") == glang.get("primary")
        c.present_ok += set(lang.get("present") or []) == set(glang.get("present") or [])
    n = len(golds)
    dp, dr, df = prf(c.d_tp, c.d_fp, c.d_fn)
    ip, ir, if_ = prf(c.i_tp, c.i_fp, c.i_fn)
    ap, ar, af = prf(c.a_tp, c.a_fp, c.a_fn)
    return {
        "docs": n, "missing": c.missing,
        "dates_p": dp, "dates_r": dr, "dates_f1": df,
        "inst_p": ip, "inst_r": ir, "inst_f1": if_,
        "inst_link": c.link_ok / c.link_n if c.link_n else float(c.multi == 0),
        "att_p": ap, "att_r": ar, "att_f1": af,
        "att_qual": c.a_q / c.a_tp if c.a_tp else 0.0,
        "lang_acc": c.lang_ok / n if n else 0.0, "present_acc": c.present_ok / n if n else 0.0,
        "macro_f1": (df + if_ + af) / 3,
        "log": c.log,
    }


def parse_require(require: str) -> dict[str, float]:
    """'dates_f1=0.9,inst_f1=0.85' -> floors; ValueError naming the bad part."""
    floors = {}
    for part in filter(None, (p.strip() for p in require.split(","))):
        k, eq, v = part.partition("=")
        if not eq or k.strip() not in SUMMARY_KEYS + ("dates_p", "dates_r", "inst_p", "inst_r", "att_p", "att_r"):
            raise ValueError(f"--require {part!r}: use NAME=FLOOR with NAME one of {', '.join(SUMMARY_KEYS)}")
        floors[k.strip()] = float(v)
    return floors


def evaluate_cli(gold: Path, out: Path, require: str) -> int:
    """Print the figures; 0 when every --require floor is met, 1 below one, 2 on usage errors."""
    try:
        floors = parse_require(require)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not any(Path(gold).rglob("*.json")):
        print(f"error: no gold files (*.json) in {gold}", file=sys.stderr)
        return 2
    fig = score(gold, out)
    print(f"{'field':<12}{'P':>7}{'R':>7}{'F1':>7}")
    for name, key in (("dates", "dates"), ("institutions", "inst"), ("attendance", "att")):
        print(f"{name:<12}{fig[key + '_p']:>7.3f}{fig[key + '_r']:>7.3f}{fig[key + '_f1']:>7.3f}")
    print(f"linking {fig['inst_link']:.3f}  qualifier {fig['att_qual']:.3f}  primary-lang {fig['lang_acc']:.3f}  "
          f"lang-set {fig['present_acc']:.3f}  docs {fig['docs']} (missing {fig['missing']})")
    failed = [f"{k}<{v:g}" for k, v in floors.items() if fig[k] < v]
    print(" ".join(f"{k}={fig[k]:.3f}" for k in SUMMARY_KEYS) + (" BELOW " + ",".join(failed) if failed else ""))
    return 1 if failed else 0
