"""`pipeline eval`: the same figures as ../shared/eval/score.py, and the --require gate."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate_cli, fold, parse_require, prf, score

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.mark.parametrize("raw,folded", [
    ("Kanazawa University", "kanazawauniversity"),
    ("ＫＡＮＡＺＡＷＡ　University", "kanazawauniversity"),
    ("「金沢大学」", "金沢大学"),
    ("The University of Tokyo", "universityoftokyo"),
    ("Thebes", "thebes"),  # six letters or fewer: 'the' kept
    ("Theatre", "atre"),  # longer: dropped, as score.py does
    (None, ""),
    ("Казанский  Федеральный", "казанскийфедеральный"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("tp,fp,fn,expected", [
    (0, 0, 0, (1.0, 1.0, 1.0)), (0, 0, 3, (0.0, 0.0, 0.0)), (0, 2, 0, (0.0, 1.0, 0.0)),
    (3, 1, 0, (0.75, 1.0, 6 / 7)),
])
def test_prf(tp, fp, fn, expected):
    assert prf(tp, fp, fn) == pytest.approx(expected)


GOLD = {"doc_id": "d", "languages": {"primary": "ja", "present": ["ja", "en"]},
        "dates": [{"value": "2020-09-29"}, {"value": "FY2017"}, {"value": "929日", "optional": True}],
        "institutions": [{"id": "ku", "names": ["金沢大学", "Kanazawa University", "KU"]},
                         {"id": "kfu", "names": ["KFU"]}, {"id": "sub", "names": ["センター"], "optional": True}],
        "attendance": [{"value": 160, "qualifier": "approx"}, {"value": 56, "optional": True}]}

# (prediction, expected figures)
CASES = [
    ({"language": {"primary": "ja", "present": ["en", "ja"]},
      "dates": [{"value": "2020-09-29"}, {"value": "fy2017"}, {"value": "929日"}],
      "institutions": [{"text": "金沢大学", "name": "Kanazawa University", "id": "ku"},
                       {"text": "KU", "name": "KU", "id": "ku"}, {"text": "KFU", "id": "kfu"},
                       {"text": "センター", "id": "s"}],
      "attendance": [{"value": 160, "qualifier": "approx"}, {"value": 56}]},
     {"dates_f1": 1.0, "inst_f1": 1.0, "inst_link": 1.0, "att_f1": 1.0, "att_qual": 1.0, "lang_acc": 1.0,
      "present_acc": 1.0}),
    ({"languages": {"primary": "en", "present": ["en"]},
      "dates": [{"value": "2020-09-29"}, {"value": "2021"}],
      "institutions": [{"text": "金沢大学", "id": "ku"}, {"text": "KU", "id": "k2"}, {"text": "Sapporo", "id": "x"},
                       {"text": "Sapporo", "id": "x"}],
      "attendance": [{"value": 160, "qualifier": "exact"}, {"value": 3}, {"value": "many"}]},
     {"dates_p": 0.5, "dates_r": 0.5, "inst_p": 2 / 3, "inst_r": 2 / 3,  # tp counts surfaces "inst_link": 0.0,
      "att_p": 1 / 3, "att_r": 1.0, "att_qual": 0.0, "lang_acc": 0.0, "present_acc": 0.0}),
    ({}, {"dates_r": 0.0, "inst_r": 0.0, "att_r": 0.0, "missing": 1, "inst_link": 0.0}),
]


def write(folder: Path, name: str, obj: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if obj:
        (folder / name).write_text(json.dumps(obj, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("pred,expected", CASES)
def test_figures(tmp_path, pred, expected):
    write(tmp_path / "gold", "d.json", GOLD)
    write(tmp_path / "pred", "d.json", pred)
    (tmp_path / "pred").mkdir(exist_ok=True)
    fig = score(tmp_path / "gold", tmp_path / "pred")
    assert {k: fig[k] for k in expected} == pytest.approx(expected)


def pred_from_gold(gold: dict, rng: random.Random, noise: float) -> dict:
    """A prediction built from a gold file, with some items dropped, changed or made up."""
    def keep():
        return rng.random() >= noise
    pred = {"language": {"primary": gold.get("languages", {}).get("primary") if keep() else "ru",
                         "present": gold.get("languages", {}).get("present", [])}}
    pred["dates"] = [{"value": d["value"] if keep() else "1999"} for d in gold.get("dates", []) if keep()]
    pred["institutions"] = [{"text": n, "name": e["names"][0], "id": e.get("id", "") if keep() else "other"}
                            for e in gold.get("institutions", []) for n in e.get("names", []) if keep()]
    pred["institutions"] += [{"text": "Made-up Org", "id": "m"}] if not keep() else []
    pred["attendance"] = [{"value": a["value"] if keep() else 7, "qualifier": a.get("qualifier", "exact")
                           if keep() else "approx"} for a in gold.get("attendance", []) if keep()]
    return pred


@pytest.mark.parametrize("gold_set", ["gold", "gold-dev"])
@pytest.mark.parametrize("noise", [0.0, 0.3, 0.7])
def test_same_figures_as_the_shared_scorer(tmp_path, gold_set, noise):
    gold_dir = SHARED_EVAL / gold_set
    if not (SHARED_EVAL / "score.py").is_file() or not any(gold_dir.glob("*.json")):
        pytest.skip(f"shared eval set not found at {gold_dir}")
    rng = random.Random(f"{gold_set}{noise}")
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    for i, g in enumerate(sorted(gold_dir.glob("*.json"))):
        if i % 4 != 3:  # every fourth prediction is missing
            write(pred_dir, g.name, pred_from_gold(json.loads(g.read_text("utf-8")), rng, noise))
    subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), "--gold", str(gold_dir), "--pred",
                    str(pred_dir), "--json", str(tmp_path / "ref.json")], check=False, capture_output=True)
    ref = json.loads((tmp_path / "ref.json").read_text())
    mine = score(gold_dir, pred_dir)
    assert {k: mine[k] for k in ref} == pytest.approx(ref)


@pytest.mark.parametrize("require,status", [("", 0), ("dates_f1=0.5", 0), ("dates_f1=0.5,att_f1=1.01", 1),
                                            ("dates=0.5", 2), ("dates_f1", 2), ("dates_f1=x", 2)])
def test_require_gate(tmp_path, capsys, require, status):
    write(tmp_path / "gold", "d.json", GOLD)
    write(tmp_path / "pred", "d.json", CASES[0][0])
    assert evaluate_cli(tmp_path / "gold", tmp_path / "pred", require) == status
    if status != 2:
        assert capsys.readouterr().out.splitlines()[-1].startswith("dates_f1=1.000 inst_f1=1.000")


def test_no_gold_files_is_a_usage_error(tmp_path):
    assert evaluate_cli(tmp_path, tmp_path, "") == 2


def test_parse_require():
    assert parse_require(" dates_f1=0.9 , inst_link=0.5,") == {"dates_f1": 0.9, "inst_link": 0.5}
