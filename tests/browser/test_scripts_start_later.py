"""Material's bundle starts on the reader's first tap or key (start-scripts.js). What the
reader does before it has arrived must still work, and go where the reader meant, once it
runs. The bundle is held back at the network until the test lets it through, so "before it
has arrived" is certain, not a race. Those pages run without our service worker: once it
controls a page it would answer the request itself, out of the test's reach. Our own
scripts start once the first paint is on the screen."""

from __future__ import annotations

import contextlib

import pytest

from support.browser import DESKTOP, PHONE, assert_clean

BUNDLE = "**/assets/javascripts/bundle.*.min.js"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@contextlib.contextmanager
def material_held_back(page):
    """Holds the request for Material's bundle; yields a function that lets it through
    and waits until Material has set the page up."""
    assert not page.evaluate("!!document.querySelector('meta[name=color-scheme]')")
    held = []
    page.route(BUNDLE, lambda route: held.append(route))

    def let_through():
        for _ in range(500):  # the request is made on the first interaction (10 s at most)
            if held:
                break
            page.wait_for_timeout(20)
        assert held, "Material's bundle was never requested"
        held.pop().continue_()
        # Material's palette component adds a color-scheme meta tag when it starts (the
        # page's own template has none).
        page.wait_for_function("!!document.querySelector('meta[name=color-scheme]')")

    yield let_through
    page.unroute(BUNDLE)


def test_scheme_tap_before_material_arrives_keeps_the_readers_typing(watched_page_without_worker, site_url):
    """A reader switches scheme, then searches, while Material is still on its way: the
    switch is applied when it arrives, and the typing stays in the search box (a key such
    as "p" must not reach Material's page shortcuts)."""
    page = watched_page_without_worker
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "causes.html")
    before = page.evaluate(SCHEME)
    left_for = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and left_for.append(frame.url))
    with material_held_back(page) as let_through:
        page.locator("label.md-header__button[for^='__palette']").locator("visible=true").click()
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("cram")
        let_through()
        page.keyboard.press("p")
    try:
        page.locator(".md-search-result__item").first.wait_for(state="visible")
    finally:
        assert not left_for, f"a key reached Material's page shortcuts and left for {left_for}"
    assert page.evaluate(SCHEME) != before, "the scheme tap was lost"
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert box.input_value() == "cramp"
    assert_clean(page.watch)


def test_search_key_before_material_arrives_opens_search(watched_page_without_worker, site_url):
    """"/" opens search at once, even on a phone where the box is hidden behind a button,
    and what is typed next is searched once Material has arrived."""
    page = watched_page_without_worker
    page.set_viewport_size(PHONE)
    page.goto(site_url + "index.html")
    with material_held_back(page) as let_through:
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        assert box.is_visible(), "'/' did not open search"
        page.keyboard.type("stretc")
        let_through()
        page.keyboard.type("h")
    assert box.input_value() == "stretch"
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    assert "stretch" in results.first.inner_text().lower()
    assert_clean(page.watch)


def test_phone_search_button_before_material_arrives_focuses_the_box(watched_page_without_worker, site_url):
    page = watched_page_without_worker
    page.set_viewport_size(PHONE)
    page.goto(site_url + "index.html")
    with material_held_back(page) as let_through:
        page.locator("label.md-header__button[for='__search']").click()
        box = page.locator("input.md-search__input")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.type("magnesiu")
        let_through()
        page.keyboard.type("m")
    assert box.input_value() == "magnesium"
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert_clean(page.watch)


# Each script the page requested, and when, beside when its first paint was shown (Paint
# Timing reports the first contentful paint once the frame is on the screen).
REQUESTS_AND_FIRST_PAINT = """() => ({
  shown: performance.getEntriesByName("first-contentful-paint").map(entry => entry.startTime)[0],
  scripts: performance.getEntriesByType("resource")
    .filter(entry => entry.initiatorType === "script")
    .map(entry => [entry.name.split("/").pop(), entry.startTime]),
})"""


def test_our_scripts_are_requested_only_once_the_first_paint_is_on_the_screen(watched_page, site_url):
    """Our own scripts start after load, and not before the reader can see the page:
    started from the frame that paints it, they were requested 20 to 40 ms before that
    frame was shown, competing with it."""
    page = watched_page
    page.set_viewport_size(PHONE)
    early = []
    for name in ("index.html", "handouts/cramp-action-card.html", "causes.html", "sources.html"):
        page.goto(site_url + name)
        page.wait_for_function("() => performance.getEntriesByType('resource')"
                               ".some(entry => entry.initiatorType === 'script')")
        timeline = page.evaluate(REQUESTS_AND_FIRST_PAINT)
        if timeline.get("shown") is None:  # no paint reported when the scripts came
            early.append(f"{name}: scripts requested before its first paint was reported")
            continue
        early += [f"{name}: {script} at {start:.0f} ms, first paint shown at {timeline['shown']:.0f} ms"
                  for script, start in timeline["scripts"] if start < timeline["shown"]]
    assert not early, early
    assert_clean(page.watch)


# Browsers that report no paints, or (as if) never report the first one: our scripts
# start all the same, after the next frame or after a few seconds (start-scripts.js).
NO_PAINT_TIMING = """Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => [] });"""
NO_FIRST_PAINT_REPORT = """
window.PerformanceObserver = class { static get supportedEntryTypes() { return ["paint"]; }
                                     observe() {} disconnect() {} };
const entriesByName = performance.getEntriesByName.bind(performance);
performance.getEntriesByName = (name, type) => name === "first-contentful-paint" ? [] : entriesByName(name, type);
"""


@pytest.mark.parametrize("browser_reports", [NO_PAINT_TIMING, NO_FIRST_PAINT_REPORT],
                         ids=["no paint timing", "no first paint report"])
def test_our_scripts_start_where_the_browser_does_not_report_the_first_paint(watched_page, site_url,
                                                                             browser_reports):
    page = watched_page
    page.add_init_script(browser_reports)
    page.goto(site_url + "index.html")
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(entry => entry.name.endsWith('/sw-register.js'))", timeout=8_000)
    assert_clean(page.watch)
