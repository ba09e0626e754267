"""`pipeline review --static FILE`: one self-contained, inert-by-default HTML file."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from pipeline.cli import main
from pipeline.review.static import inline_json, render_static
from review_docs import TEXT, sample_doc, write_output


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "<!--", "a & b > c", "\u2028\u2029", "𠮷", {"k": "<b>"},
])
def test_inline_json_has_no_markup_and_round_trips(value):
    s = inline_json(value)
    assert not set("<>&\u2028\u2029") & set(s)
    assert json.loads(s) == value


def test_static_page_is_self_contained(tmp_path):
    write_output(tmp_path / "out", sample_doc())
    page = render_static(tmp_path / "out")
    assert "<script>alert(1)</script>" not in page  # the document's markup is data, not markup
    data = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S).group(1)
    views = json.loads(data)["views"]
    assert views["sample"]["text"] == TEXT
    # nothing is fetched: no external URL, no src/href other than inline data
    assert not re.search(r"(src|href)=\"(?!data:)", page)
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page
    # the CSP allows exactly the inline script and style, by hash
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert render_static(tmp_path / "out") == page  # deterministic


def test_cli_writes_the_static_file(tmp_path, capsys):
    write_output(tmp_path / "out", sample_doc())
    target = tmp_path / "share" / "review.html"
    assert main(["review", "--out", str(tmp_path / "out"), "--static", str(target)]) == 0
    assert target.read_text("utf-8").startswith("<!doctype html>")
