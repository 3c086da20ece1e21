"""Chromium for the browser tests, and one crawl of every page that records what each
page does: console errors, Content-Security-Policy violations, requests to other hosts,
what it stores, whether it scrolls sideways, images that did not load, and what its
first view transfers."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
import subprocess
import sys
import urllib.parse

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
NO_CHROMIUM = """No Chromium browser was found, and Playwright could not install one.
The browser tests need a real Chromium. Install Debian's package (as root):

    apt-get install chromium

or point the tests at another Chromium binary with CHROMIUM=/path/to/chromium."""
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# Collects Content-Security-Policy violations as the page reports them.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} in ${e.sourceFile}:${e.lineNumber}`));
"""
# Resolves once the page has loaded and painted a frame after that.
SETTLED = """() => new Promise(resolve => {
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
  document.readyState === "complete" ? painted() : addEventListener("load", painted);
})"""
# True once start-scripts.js has started our own scripts (it clears each inert tag's
# data-start as it starts it): they wait for the load and the first paint to be shown.
OUR_SCRIPTS_STARTED = """() => !document.querySelector('script[type="text/plain"][data-start="load"]')"""
# What our scripts fill in after load, and the sign that they have, on the pages where
# they fill anything in.
FILLED_AFTER_LOAD = {
    "download.html": "[data-saved-copy='controls'][data-state]",  # the worker has answered
}
# A page's blocks of text, which site.css renders on demand: the article's, and a
# handout's, which are in its card (overrides/main.html).
BLOCKS = ".md-typeset > :not(.print-card), .md-typeset > .print-card > *"


def with_blocks_selector(script: str) -> str:
    """script with the selector of a page's blocks where it says BLOCKS (a whole word)."""
    return re.sub(r"\bBLOCKS\b", lambda _: json.dumps(BLOCKS), script)


# Long pages render their blocks on demand (site.css): each as it nears the screen. Tools
# that read rendered text (innerText) see only rendered blocks, and axe reads the colours
# of rendered blocks only: a test renders them all, as for a reader who has scrolled
# through the page.
RENDER_EVERY_BLOCK = with_blocks_selector("""() => new Promise(done => {
  document.querySelectorAll(BLOCKS).forEach(block => { block.style.contentVisibility = "visible"; });
  requestAnimationFrame(() => requestAnimationFrame(done));
})""")
PAGE_STATE = """() => ({
  h1: document.querySelectorAll("h1").length,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  brokenImages: [...document.images].filter(i => !(i.complete && i.naturalWidth)).map(i => i.src),
  stored: [...Object.keys(localStorage), ...Object.keys(sessionStorage)],
  reviewNoticeShown: (() => { const n = document.querySelector(".review-overdue");
                              return !!n && n.checkVisibility(); })(),
  csp: window.__csp || [],
})"""


def installed_chromium() -> str | None:
    """$CHROMIUM, else Debian's /usr/bin/chromium, if it exists."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def find_chromium() -> str | None:
    """An installed Chromium, else Playwright's own download. Returns a path, or None to
    use Playwright's download; raises RuntimeError(NO_CHROMIUM) if neither can be had."""
    if path := installed_chromium():
        return path
    try:
        installed = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            capture_output=True, text=True, timeout=300,
        )
    except subprocess.TimeoutExpired:
        installed = None
    if installed is not None and installed.returncode == 0:
        return None
    raise RuntimeError(NO_CHROMIUM)


# Layout shifts as Lighthouse counts them (none after input), and what moved: an init script.
RECORD_SHIFTS = """window.__shifts = 0; window.__moved = [];
new PerformanceObserver(list => list.getEntries().forEach(shift => {
  if (shift.hadRecentInput) return;
  const box = rect => `(${rect.x},${rect.y} ${rect.width}x${rect.height})`;
  window.__shifts += shift.value;
  for (const source of shift.sources) {
    const node = source.node;
    window.__moved.push(node && node.nodeType === 1
      ? `${node.tagName}.${node.className}#${node.id} ${box(source.previousRect)}->${box(source.currentRect)}`
      : String(node && node.nodeName));
  }
})).observe({ type: "layout-shift", buffered: true });"""



# When the page first painted (ms). The browser reports a paint once the frame is shown,
# which on a busy machine can be after the frames SETTLED waits for: waited for, not read.
FIRST_PAINT = """() => new Promise(done => {
  const seen = entries => entries.some(entry => entry.name === "first-paint" && (done(entry.startTime), true));
  if (seen(performance.getEntriesByType("paint"))) return;
  new PerformanceObserver((list, observer) => seen(list.getEntries()) && observer.disconnect())
    .observe({ type: "paint", buffered: true });
})"""


# Whether a reader sees an element, for Locator.evaluate: "" if so, else why not. Playwright's
# is_visible counts a box that is see-through, clipped to nothing or off screen as visible.
NOT_SEEN_BECAUSE = r"""element => {
  const box = element.getBoundingClientRect();
  if (!box.width || !box.height) return "no size";
  const x = box.left + box.width / 2, y = box.top + Math.min(box.height / 2, 8);
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return `off screen at ${Math.round(x)},${Math.round(y)}`;
  for (let outer = element; outer; outer = outer.parentElement) {
    const style = getComputedStyle(outer);
    if (parseFloat(style.opacity) < 0.99) return `see-through: ${outer.className} opacity ${style.opacity}`;
  }
  const stack = document.elementsFromPoint(x, y), top = stack[0];
  if (!top) return "nothing painted there";
  if (!(top === element || element.contains(top))) return `covered by ${top.tagName}.${top.getAttribute("class")}`;
  // Something opaque is painted behind it before anything else: not drawn over other text.
  for (const under of stack) {
    const style = getComputedStyle(under);
    const fill = style.backgroundColor.match(/[\d.]+/g) || [];
    if (style.backgroundImage !== "none" || (fill.length === 3 || parseFloat(fill[3]) > 0.5)) return "";
    const unrelated = !under.contains(element) && !element.contains(under);
    if (unrelated) return `drawn over ${under.tagName}.${under.getAttribute("class")}`;
  }
  return "";
}"""


def not_seen_because(locator) -> str:
    """Why a reader does not see what locator finds ("" if they do), polled for a second
    so that a panel still fading in is judged once it has."""
    for _ in range(20):
        if not (why := locator.evaluate(NOT_SEEN_BECAUSE)):
            return why
        locator.page.wait_for_timeout(50)
    return why


def load_watching_shifts(browser, url: str, viewport: dict):
    """A new page that records layout shifts, opened at url and settled (loaded, painted)."""
    page = browser.new_page(viewport=viewport)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(url)
    page.wait_for_function(SETTLED, timeout=10_000)
    return page


def first_paint_and_shifts(page) -> tuple[float, float, list[str]]:
    """When the page first painted (ms), its layout shift as Lighthouse counts it, and what moved."""
    return (page.evaluate(FIRST_PAINT), *page.evaluate("[window.__shifts, window.__moved]"))

def is_local(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost")


class PageWatch:
    """Records what a page does that it must not: console errors, uncaught exceptions,
    and requests leaving for another host (which are blocked)."""

    def __init__(self):
        self.errors: list[str] = []
        self.outside_requests: list[str] = []
        self.requests: list[str] = []

    def attach(self, context, page) -> None:
        def route(route):
            self.requests.append(route.request.url)
            if is_local(route.request.url):
                route.continue_()
            else:
                self.outside_requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))


def search(page, query: str, *, typed: bool = True):
    """Search the way a reader does; return the results list once it shows.
    typed: real key presses (as a reader types); else the whole query at once."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # phones show a search button; desktops show the box itself
        opener.click()
    box = page.locator("input.md-search__input")
    if typed:
        box.press_sequentially(query, delay=20)
    else:
        box.fill(query)
        box.press("End")  # a key, as a reader's last one: Material searches on key up
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    return results


def assert_clean(watch: PageWatch) -> None:
    assert not watch.outside_requests, f"requests to other hosts: {watch.outside_requests}"
    assert not watch.errors, f"console errors: {watch.errors}"


@dataclasses.dataclass
class Visit:
    """What one page did in a fresh browser (empty cache), as a reader first sees it."""
    url: str
    status: int | None
    headers: dict[str, str]
    h1: int
    overflow: int
    broken_images: list[str]
    stored: list[str]
    cookies: list
    review_notice_shown: bool
    csp_violations: list[str]
    errors: list[str]
    outside_requests: list[str]
    requests: list[str]
    transfer: dict[str, int]  # each file the first view loaded: its size under gzip -6


def crawl(browser, base_url: str, names: list[str], *, viewport: dict, clock=None,
          first_views: bool = False) -> dict[str, Visit]:
    """Open each page of the site and record a Visit.
    clock: a datetime the pages' clock is fixed at (None: the real time).
    first_views: each page in its own fresh context (empty cache, nothing stored), with
    the size of everything it loads; else one context visits every page in turn (faster;
    storage and cookies then add up from page to page)."""
    visits = {}
    context = page = watch = None
    for name in names:
        if page is None or first_views:
            context = browser.new_context(viewport=viewport)
            context.set_default_timeout(15_000)
            page = context.new_page()
            if clock is not None:
                page.clock.set_fixed_time(clock)
            watch = PageWatch()
            watch.attach(context, page)
            page.add_init_script(RECORD_VIOLATIONS)
            finished = []
            page.on("requestfinished", lambda request, into=finished: into.append(request))
        errors, outside, requests = len(watch.errors), len(watch.outside_requests), len(watch.requests)
        finished.clear()
        response = page.goto(base_url + name)
        page.wait_for_function(SETTLED)
        state = page.evaluate(PAGE_STATE)
        transfer = {}
        for request in finished if first_views else []:
            try:
                transfer[request.url] = len(gzip.compress(request.response().body(), 6))
            except Exception:  # a redirect or an empty reply has no body: counted, 0 bytes
                transfer[request.url] = 0
        visits[name] = Visit(
            url=page.url, status=response.status if response else None,
            headers=response.all_headers() if response else {},
            h1=state["h1"], overflow=state["overflow"], broken_images=state["brokenImages"],
            stored=state["stored"], cookies=context.cookies(),
            review_notice_shown=state["reviewNoticeShown"], csp_violations=state["csp"],
            errors=watch.errors[errors:], outside_requests=watch.outside_requests[outside:],
            requests=watch.requests[requests:], transfer=transfer,
        )
        if first_views:
            context.close()
    if not first_views and context is not None:
        context.close()
    return visits
