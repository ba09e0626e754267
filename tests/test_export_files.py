"""jsonl:FILE and parquet:DIR targets, and the JSON -> rows helpers of pipeline/export/rows.py."""
from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

import export_docs as ed
from pipeline.export import export, export_cli, rows, schema
from pipeline.export.files import _umask


@pytest.fixture
def out(tmp_path):
    o = tmp_path / "extracted"
    for doc_id, year in (("a", 2019), ("b", 2020)):
        ed.write(o, ed.make(doc_id, year))
    (o / "_pipeline").mkdir()
    (o / "_pipeline" / "report.json").write_text("[]")
    return o


def test_jsonl_one_document_per_line_and_idempotent(out, tmp_path):
    target = tmp_path / "docs.jsonl"
    assert export(out, f"jsonl:{target}") == f"2 document(s) to {target}"
    lines = target.read_bytes().splitlines()
    assert [json.loads(line) for line in lines] == [ed.make("a", 2019), ed.make("b", 2020)]
    stat = target.stat()
    assert stat.st_mode & 0o777 == 0o666 & ~_umask()
    assert export(out, f"jsonl:{target}").endswith("(unchanged)")
    assert target.stat().st_mtime_ns == stat.st_mtime_ns


def test_jsonl_failure_leaves_the_old_file(out, tmp_path):
    target = tmp_path / "docs.jsonl"
    export(out, f"jsonl:{target}")
    before = target.read_bytes()
    (out / "c.json").write_text("{broken")
    assert export_cli(out, f"jsonl:{target}") == 1
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_parquet_tables_match_the_sqlite_export(out, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    directory = tmp_path / "tables"
    export(out, f"parquet:{directory}")
    export(out, f"sqlite:///{tmp_path / 'x.db'}")
    conn = sqlite3.connect(tmp_path / "x.db")
    for t in schema.TABLES[1:]:
        table = pq.read_table(directory / f"{t.name}.parquet")
        assert table.column_names == list(t.column_names)
        assert table.num_rows == conn.execute(f"SELECT COUNT(*) FROM {t.name}").fetchone()[0], t.name
    events = pq.read_table(directory / "events.parquet").to_pylist()
    assert {(e["doc_id"], e["event_id"], e["year"], e["month"]) for e in events} == {
        ("a", "e1", 2019, 5), ("a", "e2", 2020, 6), ("b", "e1", 2020, 5), ("b", "e2", 2021, 6)}


def test_parquet_is_idempotent(out, tmp_path):
    pytest.importorskip("pyarrow")
    directory = tmp_path / "tables"
    export(out, f"parquet:{directory}")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in directory.iterdir()}
    assert export(out, f"parquet:{directory}").endswith("0 table file(s) written")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in directory.iterdir()} == before


def test_parquet_empty_output_writes_empty_tables(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "empty").mkdir()
    export(tmp_path / "empty", f"parquet:{tmp_path / 'tables'}")
    assert pq.read_table(tmp_path / "tables" / "documents.parquet").num_rows == 0


@pytest.mark.parametrize("value, expected", [
    ("2019-05-12", (2019, 5)),
    ("2019-05", (2019, 5)),
    ("2019", (2019, None)),
    ("FY2017", (2017, None)),
    ("2021-12-08/2021-12-09", (2021, 12)),
    ("FY2020/FY2021", (2020, None)),
    ("2020/2021", (2020, None)),
    (None, (None, None)),
    ("", (None, None)),
])
def test_year_month(value, expected):
    assert rows.year_month(value) == expected


@given(st.text())
def test_clean_keeps_length_and_is_storable(s):
    c = rows._clean(s)
    assert len(c) == len(s) and "\x00" not in c
    c.encode("utf-8")
    assert rows._clean(c) == c


def test_document_rows_follow_the_schema():
    doc = ed.make("a", 2019)
    r = rows.document_rows(doc, "a.json", "f" * 64)
    for table, tuples in r.tables.items():
        assert all(len(t) == len(schema.BY_NAME[table].columns) for t in tuples)
    assert [i[0] for i in r.institutions] == ["kanazawa-university", "moscow-state-university"]
    assert r.stubs == [("jasso", "jasso", "unknown", None, None)]
    assert len(r.tables["event_organisers"]) == 4  # the repeated organiser counted once


@pytest.mark.parametrize("i", [0, 2])
def test_most_complete_attributes_win_a_tie(i):
    doc = ed.make("a", 2019)
    doc["institutions"][i]["country"] = None  # one mention of two says no country
    r = rows.document_rows(doc, "a.json", "f" * 64)
    assert r.institutions[0] == ("kanazawa-university", "金沢大学", "university", "JP", None)


def test_scan_skips_pipeline_folder_and_hidden_files(out):
    (out / ".tmp.json").write_text("{}")
    (out / "sub").mkdir()
    (out / "sub" / "x.json").write_text("{}")
    assert [f.rel for f in rows.scan(out)] == ["a.json", "b.json", "sub/x.json"]
