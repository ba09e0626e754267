"""Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by Playwright,
and a review server over a folder made by the test."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records page errors, console errors (CSP violations among them) and any
    request that leaves the machine (they are refused)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 860})
    pg = ctx.new_page()
    pg.set_default_timeout(8000)
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "file://", "data:")):
            return route.continue_()
        pg.problems.append(f"network: {url}")
        return route.abort()

    pg.route("**/*", guard)
    yield pg
    ctx.close()


@pytest.fixture
def review_server():
    """start(out) -> a serving ReviewServer on a free loopback port (stopped after the test)."""
    from pipeline.review.server import make_server

    started = []

    def start(out: Path):
        srv = make_server(out, "127.0.0.1", 0)
        threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True).start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.shutdown()
        srv.server_close()
