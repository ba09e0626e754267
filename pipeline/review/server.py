"""`pipeline review`: a small local web app over an output folder (standard library only).

    GET  /                  the page (pipeline/review/static/index.html, with a session token)
    GET  /static/<file>     app.js, app.css
    GET  /api/docs          the document list
    GET  /api/doc/<doc_id>  one document with its items and their review status
    POST /api/review        record one review (JSON body, see reviews.make_review)

Binds loopback by default. Every response carries a restrictive Content-Security-Policy; every
request must name this server in its Host header (no DNS rebinding), and a POST must come from
this server's own page: same Origin, and the per-session token the page was served with.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import threading
import webbrowser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .reviews import ReviewError, load_reviews, make_review, record, save_reviews
from .view import Outputs, doc_view, summary

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
MAX_BODY = 1_000_000
TOKEN_HEADER = "X-Review-Token"


def asset(name: str) -> str:
    return resources.files("pipeline.review").joinpath("static", name).read_text("utf-8")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, out: Path, host: str = "127.0.0.1", port: int = 0):
        super().__init__((host, port), Handler)
        self.out = Path(out)
        self.outputs = Outputs(self.out)
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()  # one review written at a time
        self.port = self.server_address[1]
        self.host = host
        self.loopback = is_loopback(host)
        names = {host, "localhost", "127.0.0.1", "[::1]"} if self.loopback else set()
        self.allowed_hosts = {f"{n}:{self.port}" for n in names}

    @property
    def url(self) -> str:
        h = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{h}:{self.port}/"

    def view(self, doc_id: str) -> dict[str, Any] | None:
        doc = self.outputs.get(doc_id)
        return None if doc is None else doc_view(doc, load_reviews(self.out))


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        log.debug("%s " + format, self.address_string(), *args)

    # --- responses ---------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, obj: Any, status: int = 200) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._json({"error": message}, status)

    def _host_ok(self) -> bool:
        if not self.server.loopback:
            return True
        return self.headers.get("Host", "") in self.server.allowed_hosts

    # --- GET ---------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "unexpected Host header")
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            page = asset("index.html").replace('content="TOKEN"', f'content="{self.server.token}"')
            return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
        if path.startswith("/static/") and path[8:] in STATIC:
            return self._send(200, asset(path[8:]).encode("utf-8"), STATIC[path[8:]])
        if path == "/api/docs":
            store = load_reviews(self.server.out)
            docs = []
            for doc_id in sorted(self.server.outputs.files()):
                doc = self.server.outputs.get(doc_id)
                if doc is not None:
                    docs.append(summary(doc_view(doc, store)))
            return self._json({"mode": "server", "out": str(self.server.out), "docs": docs})
        if path.startswith("/api/doc/"):
            view = self.server.view(unquote(path[9:]))
            if view is None:
                return self._error(HTTPStatus.NOT_FOUND, "no such document")
            return self._json(view)
        return self._error(HTTPStatus.NOT_FOUND, "not found")

    # --- POST --------------------------------------------------------------------------------
    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "unexpected Host header")
        origin = self.headers.get("Origin")
        if origin is not None and f"{origin.rstrip('/')}/" != f"http://{self.headers.get('Host', '')}/":
            return self._error(HTTPStatus.FORBIDDEN, "cross-origin request refused")
        if not secrets.compare_digest(self.headers.get(TOKEN_HEADER, ""), self.server.token):
            return self._error(HTTPStatus.FORBIDDEN, "missing or wrong session token: reload the page")
        if urlsplit(self.path).path != "/api/review":
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            return self._error(HTTPStatus.BAD_REQUEST, "empty or too large body")
        try:
            req = json.loads(self.rfile.read(length))
            if not isinstance(req, dict):
                raise ValueError("not an object")
        except ValueError as e:
            return self._error(HTTPStatus.BAD_REQUEST, f"bad JSON: {e}")
        doc = self.server.outputs.get(str(req.get("doc_id", "")))
        if doc is None:
            return self._error(HTTPStatus.NOT_FOUND, "no such document")
        try:
            with self.server.lock:
                review = make_review(doc, req)
                store = load_reviews(self.server.out)
                record(store, review)
                save_reviews(self.server.out, store)
        except ReviewError as e:
            return self._error(HTTPStatus.CONFLICT if "changed" in str(e) else HTTPStatus.BAD_REQUEST, str(e))
        return self._json(doc_view(doc, store))


def make_server(out: Path, host: str = "127.0.0.1", port: int = 0) -> ReviewServer:
    """A bound server (not yet serving): `serve_forever()` it, `shutdown()` to stop."""
    return ReviewServer(out, host, port)


def serve(out: Path, host: str = "127.0.0.1", port: int = 0, open_browser: bool = True) -> None:
    """Serve the review page over `out` until interrupted; prints the URL."""
    srv = make_server(out, host, port)
    if not srv.loopback:
        log.warning("serving on %s: anyone who can reach it can read the documents", host)
    print(f"review: {srv.url}  (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(srv.url)
    try:
        srv.serve_forever()
    finally:
        srv.server_close()
