"""`pipeline review --static FILE`: the review page as one self-contained, read-only HTML file.

The data is inlined as JSON in a `<script type="application/json">` (with `<`, `>` and `&`
escaped, so no document text can close the tag), the CSS and JavaScript are inlined, and a
Content-Security-Policy allows exactly those two inline blocks (by hash) and nothing else: no
network, no other script.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from ..output import write_atomic
from .reviews import load_reviews
from .server import asset
from .view import Outputs, all_views, summary


def inline_json(obj: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' appears literally."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def render_static(out: Path) -> str:
    """The page over `out` as one HTML string (deterministic: same folder, same bytes)."""
    views = all_views(Outputs(out), load_reviews(out))
    data = {"out": Path(out).name, "docs": [summary(v) for v in views],
            "views": {v["doc_id"]: v for v in views}}
    js, css = asset("app.js"), asset("app.css")
    csp = f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'"
    page = asset("index.html")
    page = page.replace('<meta name="review-token" content="TOKEN">',
                        f'<meta http-equiv="Content-Security-Policy" content="{csp}">')
    page = page.replace('<link rel="stylesheet" href="static/app.css">', f"<style>{css}</style>")
    page = page.replace('<script src="static/app.js"></script>',
                        f'<script type="application/json" id="review-data">{inline_json(data)}</script>\n'
                        f"<script>{js}</script>")
    return page


def write_static(out: Path, file: Path) -> None:
    write_atomic(Path(file), render_static(out))
