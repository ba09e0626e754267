"""The review page in headless Chromium: highlights in place (also after astral and combining
characters), accept / reject / correct / add, corrections surviving a re-run, stale reviews,
filters, document markup shown as text, and the static snapshot.

    REVIEW_SCREENSHOT=docs/review.png pytest tests/browser -k screenshot   # refresh the README image
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.output import dumps
from pipeline.review.reviews import apply_reviews, load_reviews
from pipeline.review.server import make_server
from pipeline.review.static import write_static
from review_docs import TEXT, sample_doc, write_output

pytestmark = pytest.mark.browser

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


TEXT_BY_ITEM = """() => {
  const out = {};
  document.querySelectorAll('#text [data-i]').forEach(e => {
    out[e.dataset.i] = (out[e.dataset.i] || '') + e.textContent;
  });
  return out;
}"""

FIRST_OFFSET_BY_ITEM = """() => {
  const out = {};
  document.querySelectorAll('#text [data-i]').forEach(e => {
    if (!(e.dataset.i in out)) out[e.dataset.i] = Number(e.querySelector('[data-s]').dataset.s);
  });
  return out;
}"""

# Select `needle` in the document text the way a mouse would: a DOM Range over text nodes,
# whose offsets are UTF-16 units. Returns the UTF-16 index (which differs from the code-point one).
SELECT = """(needle) => {
  const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
  const nodes = []; let all = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
  const at = all.indexOf(needle);
  if (at < 0) return -1;
  const point = pos => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= pos) return [nodes[k][0], pos - nodes[k][1]]; };
  const [a, ao] = point(at), [b, bo] = point(at + needle.length);
  const r = document.createRange(); r.setStart(a, ao); r.setEnd(b, bo);
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  return at;
}"""


def open_review(page, srv, doc_id="sample"):
    page.goto(f"{srv.url}#{doc_id}")
    page.wait_for_function("(id) => document.body.dataset.doc === id", arg=doc_id)
    return json.loads(page.evaluate("fetch('/api/doc/' + encodeURIComponent(location.hash.slice(1))).then(r => r.text())"))


def card(page, surface):
    return page.locator("#items .item").filter(has=page.locator(".q", has_text=f"“{surface}”"))


def test_highlights_are_aligned_after_astral_and_combining_characters(page, review_server, tmp_path):
    write_output(tmp_path, sample_doc())
    view = open_review(page, review_server(tmp_path))
    shown = page.evaluate(TEXT_BY_ITEM)
    starts = page.evaluate(FIRST_OFFSET_BY_ITEM)
    assert len(shown) == len(view["items"]) == 11
    for i, it in enumerate(view["items"]):
        assert shown[str(i)] == it["m"]["text"], it
        assert starts[str(i)] == it["m"]["start"]
    # one colour per kind, and the nested institution (金沢大学 inside 金沢大学ロシア同窓会) is drawn
    assert {k: page.locator(f"#text .hl.k-{k}").count() > 0 for k in ("dates", "institutions", "attendance")} \
        == {"dates": True, "institutions": True, "attendance": True}
    assert page.locator("#text .hl.k-institutions .hl.k-institutions", has_text="金沢大学").count() == 1
    assert page.locator("#text").inner_text() == TEXT  # the whole text, once, in order
    assert page.problems == []


def test_document_markup_is_shown_as_text(page, review_server, tmp_path):
    doc = sample_doc()
    doc.title = '<img src=x onerror="window.__pwned=1">Report'
    write_output(tmp_path, doc)
    open_review(page, review_server(tmp_path))
    assert "<script>alert(1)</script>" in page.locator("#text").inner_text()
    assert page.locator("#text script, #doc-head img, #doc-list img").count() == 0
    assert page.locator("#doc-head h1").inner_text().startswith("<img src=x")
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []


def test_accept_reject_correct_add_and_the_corrections_survive_a_rerun(page, review_server, tmp_path):
    out = tmp_path / "out"
    doc = sample_doc()
    doc.institutions = [m for m in doc.institutions if m.id != "kazan-federal-university"]  # a miss
    write_output(out, doc)
    srv = review_server(out)
    open_review(page, srv)
    # accept: click the date in the text, press a
    page.locator("#text .hl.k-dates", has_text="2020年9月29日").click()
    page.keyboard.press("a")
    page.wait_for_selector("#items .item.st-accepted")
    # reject: the button on the card
    card(page, "𠮷野家大学").locator("[data-act=reject]").click()
    page.wait_for_selector("#items .item.st-rejected")
    # correct: select the card, e, change qualifier and event, Enter
    card(page, "over 200 people").locator(".v").click()
    page.keyboard.press("e")
    page.select_option("#ed-qualifier", "at_least")
    page.fill("#ed-event", "Japan-Russia Joint Symposium")
    page.press("#ed-event", "Enter")
    page.wait_for_selector("#items .item.st-corrected")
    # add: select the missed Russian name in the text, n, fill the form, Enter
    utf16 = page.evaluate(SELECT, "Казанский федеральный университет")
    code_points = TEXT.index("Казанский федеральный университет")
    assert utf16 == code_points + 1  # 𠮷 is two UTF-16 units: the page must convert
    page.keyboard.press("n")
    assert page.input_value("#add-kind") == "institutions"
    page.fill("#ed-id", "kazan-federal-university")
    page.fill("#ed-name", "Kazan Federal University")
    page.fill("#ed-country", "RU")
    page.press("#ed-id", "Enter")
    page.wait_for_selector("#items .item.st-added")
    assert page.problems == []

    reviews = {r["action"]: r for r in load_reviews(out)["sample"]}
    assert sorted(reviews) == ["accept", "add", "correct", "reject"]
    add = reviews["add"]
    assert (add["start"], add["end"], add["text"]) == (code_points, code_points + 33, "Казанский федеральный университет")
    assert reviews["correct"]["fields"]["qualifier"] == "at_least"

    # a re-run: fresh extraction output (the same raw mentions), written with the reviews applied
    fresh = apply_reviews(doc.to_dict(), load_reviews(out))
    (out / "sample.json").write_text(dumps(fresh), "utf-8")
    written = json.loads((out / "sample.json").read_text("utf-8"))
    assert "𠮷野家大学" not in [m["text"] for m in written["institutions"]]
    assert [m["qualifier"] for m in written["attendance"] if m["text"] == "over 200 people"] == ["at_least"]
    assert [m["id"] for m in written["institutions"] if m["start"] == code_points] == ["kazan-federal-university"]

    page.reload()
    page.wait_for_selector("#items .item")
    statuses = {page.locator(f"#items .item.st-{s}").count() for s in ("accepted", "rejected", "corrected", "added")}
    assert statuses == {1}
    assert "at_least" in card(page, "over 200 people").inner_text()
    assert page.locator("#text .hl.k-institutions", has_text="Казанский федеральный университет").count() == 1
    assert page.locator("#text .hl.st-rejected", has_text="𠮷野家大学").count() == 1
    # undo the rejection: the item is back and unreviewed
    card(page, "𠮷野家大学").locator("[data-act=undo]").click()
    page.wait_for_function("() => document.querySelectorAll('#items .item.st-rejected').length === 0")
    assert "reject" not in [r["action"] for r in load_reviews(out)["sample"]]


def test_reviews_of_changed_text_are_flagged_stale(page, review_server, tmp_path):
    write_output(tmp_path, sample_doc())
    srv = review_server(tmp_path)
    open_review(page, srv)
    card(page, "2021").locator("[data-act=reject]").click()
    page.wait_for_selector("#items .item.st-rejected")
    write_output(tmp_path, sample_doc(text="Revised. " + TEXT))  # the source changed
    page.reload()
    page.wait_for_selector("#doc-head .stale")
    assert "1 review(s) not applied" in page.locator("#doc-head .stale").inner_text()
    assert page.locator("#items .item.st-rejected").count() == 0
    assert page.locator("#doc-list .badge.warn", has_text="1 stale").count() == 1
    page.locator("#doc-head .stale button").click()  # forget it
    page.wait_for_function("() => !document.querySelector('#doc-head .stale')")
    assert load_reviews(tmp_path) == {}


def test_filters_and_keyboard_navigation(page, review_server, tmp_path):
    write_output(tmp_path, sample_doc())
    write_output(tmp_path, sample_doc("second"))
    open_review(page, review_server(tmp_path))
    assert page.locator("#doc-list li").count() == 2
    page.check("#f-low")  # confidence < 0.8: 𠮷野家大学 (0.4), 2021 (0.5), over 200 people (0.6)
    assert sorted(page.locator("#items .item .q").all_inner_texts()) == ["“2021”", "“over 200 people”", "“𠮷野家大学”"]
    page.uncheck("#f-low")
    page.locator("#items .item").first.locator(".v").click()
    page.keyboard.press("j")
    page.keyboard.press("a")  # accepts the second item and moves on
    page.wait_for_selector("#items .item.st-accepted")
    page.check("#f-unreviewed")
    assert page.locator("#items .item.st-accepted").count() == 0
    assert page.locator("#items .item").count() == 10
    page.keyboard.press("]")
    page.wait_for_function("() => location.hash === '#second'")


def test_static_snapshot_renders_offline_and_read_only(page, tmp_path):
    write_output(tmp_path / "out", sample_doc())
    target = tmp_path / "review.html"
    write_static(tmp_path / "out", target)
    page.goto(target.as_uri())
    page.wait_for_selector("#items .item")
    assert page.evaluate(TEXT_BY_ITEM)["0"] == "𠮷野家大学"
    assert not page.locator("[data-act=accept]").first.is_visible()
    assert page.problems == []  # the inline script ran under its CSP hash, nothing was fetched


def test_pipeline_run_then_review(page, review_server, tmp_path):
    """The real thing: `pipeline run`, review, `pipeline run` again."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "note.txt").write_text("金沢大学は2020年9月29日に第2回日露会議を開催し、約160名が参加した。\n\n"
                                  "Kanazawa University hosted the symposium on 29 September 2020.\n", "utf-8")
    assert main(["run", "--raw", str(raw), "--out", str(out), "-q", "--workers", "1"]) == 0
    view = open_review(page, review_server(out), "note")
    target = next(it for it in view["items"] if it["kind"] == "dates")
    card(page, target["m"]["text"]).first.locator("[data-act=reject]").click()
    page.wait_for_selector("#items .item.st-rejected")
    assert main(["run", "--raw", str(raw), "--out", str(out), "-q", "--workers", "1"]) == 0
    written = json.loads((out / "note.json").read_text("utf-8"))
    assert [m for m in written["dates"] if m["start"] == target["m"]["start"]
            and m["value"] == target["m"]["value"]] == [], "the rejected date came back after a re-run"
    page.reload()
    page.wait_for_selector("#items .item.st-rejected")


@pytest.mark.skipif(not os.environ.get("REVIEW_SCREENSHOT"), reason="set REVIEW_SCREENSHOT=docs/review.png to refresh")
def test_screenshot(page, review_server, tmp_path):
    out = Path(os.environ.get("REVIEW_OUT") or tmp_path)
    if not os.environ.get("REVIEW_OUT"):
        write_output(out, sample_doc())
    srv = review_server(out)
    page.goto(srv.url + (f"#{os.environ['REVIEW_DOC']}" if os.environ.get("REVIEW_DOC") else ""))
    page.wait_for_selector("#items .item")
    page.locator("#items .item").nth(1).locator(".v").click()
    page.screenshot(path=os.environ["REVIEW_SCREENSHOT"])
    assert Path(os.environ["REVIEW_SCREENSHOT"]).stat().st_size > 0


PIECES = ["a", "Z", " ", "日", "本", "𠮷", "😀", "e\u0301", "\u0646\u064e", "👩\u200d👩\u200d👧", "\n", "\t", "<", "&", "ё"]


def random_doc(rng, doc_id):
    """A text of random pieces (astral, combining, ZWJ sequences) with random, overlapping date spans."""
    from pipeline.model import DateMention

    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(5, 60)))
    doc = sample_doc(doc_id)
    doc.text, doc.blocks, doc.institutions, doc.attendance = text, [], [], []
    doc.dates = []
    for _ in range(rng.randint(1, 6)):
        a = rng.randrange(len(text))
        b = rng.randint(a + 1, min(len(text), a + 12))
        doc.dates.append(DateMention(text=text[a:b], start=a, end=b, value="2020", kind="year"))
    doc.dates.sort(key=lambda m: (m.start, m.end))
    return doc


def test_random_texts_keep_highlights_and_selections_in_code_points(page, review_server, tmp_path):
    import random

    rng = random.Random(7)
    docs = [random_doc(rng, f"r{i:02d}") for i in range(12)]
    for d in docs:
        write_output(tmp_path, d)
    srv = review_server(tmp_path)
    for d in docs:
        view = open_review(page, srv, d.doc_id)
        shown = page.evaluate(TEXT_BY_ITEM)
        assert [shown[str(i)] for i in range(len(view["items"]))] == [it["m"]["text"] for it in view["items"]]
        assert page.locator("#text").text_content() == d.text
        # select a random span by UTF-16 positions, as the browser does, and read the offsets the page computes
        a = rng.randrange(len(d.text))
        b = rng.randint(a + 1, len(d.text))
        while a < b and d.text[a].isspace():
            a += 1
        while b > a and d.text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        u16 = lambda i: len(d.text[:i].encode("utf-16-le")) // 2  # noqa: E731
        page.evaluate("""([a, b]) => {
          const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
          const nodes = []; let pos = 0;
          while (walker.nextNode()) { nodes.push([walker.currentNode, pos]); pos += walker.currentNode.data.length; }
          const point = p => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= p) return [nodes[k][0], p - nodes[k][1]]; };
          const r = document.createRange(); r.setStart(...point(a)); r.setEnd(...point(b));
          getSelection().removeAllRanges(); getSelection().addRange(r);
        }""", [u16(a), u16(b)])
        page.keyboard.press("n")
        label = page.locator("#add-form-slot .q").inner_text()
        assert label.endswith(f"[{a}:{b}]"), (d.doc_id, repr(d.text[a:b]), label)
        page.keyboard.press("Escape")
    assert page.problems == []
