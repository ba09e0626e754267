"""The review server's HTTP API: what it serves, and what it refuses (other hosts, other origins,
requests without the session token, bad reviews)."""
from __future__ import annotations

import http.client
import json
import re
import threading

import pytest

from pipeline.review.reviews import load_reviews, text_sha256
from pipeline.review.server import CSP, TOKEN_HEADER, is_loopback, make_server
from review_docs import TEXT, at, sample_doc, write_output


@pytest.fixture
def server(tmp_path):
    write_output(tmp_path, sample_doc())
    srv = make_server(tmp_path, "127.0.0.1", 0)
    t = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    t.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def call(srv, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    h = {"Content-Type": "application/json"} if data is not None else {}
    h.update(headers or {})
    conn.request(method, path, body=data, headers=h)
    r = conn.getresponse()
    out = r.status, dict(r.getheaders()), r.read()
    conn.close()
    return out


def reject_body(**extra):
    a, b = at(TEXT, "𠮷野家大学")
    return {"doc_id": "sample", "text_sha256": text_sha256(TEXT), "kind": "institutions", "start": a,
            "end": b, "original": "yoshinoya-daigaku", "action": "reject", **extra}


def test_page_has_csp_and_a_session_token(server):
    status, headers, body = call(server, "GET", "/")
    assert status == 200 and headers["Content-Security-Policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
    token = re.search(rb'name="review-token" content="([^"]+)"', body).group(1).decode()
    assert token == server.token and headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path,status", [
    ("/static/app.js", 200), ("/static/app.css", 200), ("/api/docs", 200), ("/api/doc/sample", 200),
    ("/api/doc/nope", 404), ("/api/doc/..%2F..%2Fetc%2Fpasswd", 404), ("/static/../reviews.py", 404),
    ("/static/index.html", 404), ("/anything", 404),
])
def test_get_routes(server, path, status):
    assert call(server, "GET", path)[0] == status


def test_document_list_and_view(server):
    docs = json.loads(call(server, "GET", "/api/docs")[2])["docs"]
    assert docs[0]["counts"] == {"dates": 4, "institutions": 5, "attendance": 2}
    view = json.loads(call(server, "GET", "/api/doc/sample")[2])
    assert view["text"] == TEXT and all(it["status"] == "unreviewed" for it in view["items"])
    assert all(TEXT[it["m"]["start"]:it["m"]["end"]] == it["m"]["text"] for it in view["items"])


def test_a_review_is_saved_and_returned(server):
    status, _, body = call(server, "POST", "/api/review", reject_body(),
                           {TOKEN_HEADER: server.token, "Origin": f"http://127.0.0.1:{server.port}"})
    assert status == 200, body
    view = json.loads(body)
    assert [it["status"] for it in view["items"] if it["m"]["text"] == "𠮷野家大学"] == ["rejected"]
    assert [r["action"] for r in load_reviews(server.out)["sample"]] == ["reject"]


@pytest.mark.parametrize("headers,status", [
    ({}, 403),  # no token
    ({TOKEN_HEADER: "guess"}, 403),
    ({TOKEN_HEADER: "TOKEN", "Origin": "http://evil.example"}, 403),
    ({TOKEN_HEADER: "TOKEN", "Host": "evil.example:80"}, 403),  # DNS rebinding
    ({TOKEN_HEADER: "TOKEN", "Content-Type": "text/plain"}, 415),
])
def test_posts_from_elsewhere_are_refused(server, headers, status):
    h = {k: (server.token if v == "TOKEN" else v) for k, v in headers.items()}
    assert call(server, "POST", "/api/review", reject_body(), h)[0] == status
    assert load_reviews(server.out) == {}


def test_gets_with_a_foreign_host_header_are_refused(server):
    assert call(server, "GET", "/api/doc/sample", headers={"Host": f"attacker.example:{server.port}"})[0] == 403
    assert call(server, "GET", "/", headers={"Host": f"localhost:{server.port}"})[0] == 200


@pytest.mark.parametrize("body,status", [
    (reject_body(action="explode"), 400),
    (reject_body(text_sha256="0" * 64), 409),
    (reject_body(doc_id="other"), 404),
    (b"[1, 2]", 400),
    (b"{oops", 400),
])
def test_bad_reviews_get_a_reason(server, body, status):
    st, _, out = call(server, "POST", "/api/review", body, {TOKEN_HEADER: server.token})
    assert st == status and json.loads(out)["error"]


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                       ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_documents_from_raw_subfolders_are_served(tmp_path):
    """doc_id "reports/2020/note" lives at OUT/reports/2020/note.json; OUT/_pipeline is not a document."""
    write_output(tmp_path, sample_doc("reports/2020/note"))
    (tmp_path / "_pipeline").mkdir()
    (tmp_path / "_pipeline" / "manifest.json").write_text('{"doc_id": "x", "text": ""}', "utf-8")
    (tmp_path / "broken.json").write_text("{", "utf-8")
    srv = make_server(tmp_path)
    threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True).start()
    try:
        docs = json.loads(call(srv, "GET", "/api/docs")[2])["docs"]
        assert [d["doc_id"] for d in docs] == ["reports/2020/note"]
        assert call(srv, "GET", "/api/doc/reports%2F2020%2Fnote")[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()
