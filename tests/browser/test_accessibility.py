"""Accessibility in a real Chromium: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on
every page at phone and desktop width in the light and dark palettes (one test each, so
both workers share them), plus what axe cannot judge alone: the skip link, visible
focus, search by keyboard, landmarks, and icons in forced colours. (Reflow when text is
zoomed: test_crawl.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import RENDER_EVERY_BLOCK, SETTLED, not_seen_because, search
from support.project import PAGES, html_name

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
AXE = Axe()


def axe_violations(page, within: str | None = None) -> list[str]:
    results = AXE.run(page, context=within, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    return [
        f"{rule['id']}: {rule['help']} at {[node['target'] for node in rule['nodes']][:5]}"
        for rule in results.response["violations"]
    ]


@pytest.fixture(scope="module")
def axe_pages(browser):
    """One page per viewport and colour scheme, opened when first needed and reused."""
    pages = {}

    def get(width, scheme):
        if (width, scheme) not in pages:
            context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
            pages[width, scheme] = context.new_page()
        return pages[width, scheme]

    yield get
    for page in pages.values():
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("name", [html_name(page) for page in PAGES])
def test_no_wcag_violations(axe_pages, site_url, name, width, scheme):
    page = axe_pages(width, scheme)
    page.goto(site_url + name)
    page.wait_for_function(SETTLED)
    # As loaded, the blocks far down not yet rendered, as Lighthouse's audit reads the page:
    # it once found their text over the footer, dark on dark (site.css now clips it).
    as_loaded = axe_violations(page)
    page.evaluate(RENDER_EVERY_BLOCK)  # then every element, as a reader has it scrolled through
    problems = [f"{name} ({width}, {scheme}), as loaded: {v}" for v in as_loaded]
    problems += [f"{name} ({width}, {scheme}): {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_skip_link_is_first_and_moves_to_the_content(watched_page, site_url):
    page = watched_page
    # The first Tab starts Material, whose section tracking (navigation.tracking) may
    # rewrite the address just after the link is followed: the followed link is recorded.
    page.add_init_script("window.__hashes = []; addEventListener('hashchange', () => __hashes.push(location.hash));")
    page.goto(site_url + "causes.html")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("el => el === document.activeElement"), "Tab does not reach the skip link first"
    assert not_seen_because(skip) == "", "the skip link does not show when focused"
    page.keyboard.press("Enter")
    target = skip.get_attribute("href")
    page.wait_for_function("target => window.__hashes.includes(target)", arg=target)
    assert page.locator(target).is_visible()
    # The content starts with the link to the warning signs, above the page's title:
    # skipping the menu must not skip it too.
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.getAttribute('href')]")
    assert focused == ["When to get medical help", "when-to-get-help.html"], focused


def test_every_focusable_element_shows_a_focus_outline(watched_page, site_url):
    page = watched_page
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(site_url + "when-to-get-help.html")
    unmarked = []
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
            const el = document.activeElement, s = getComputedStyle(el);
            return {tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none'};
        }""")
        if style["tag"] == "BODY":
            break
        if not (style["outline"] or style["shadow"]):
            unmarked.append(f"{style['tag']} {style['text']!r}")
    assert not unmarked, f"focused without a visible outline: {unmarked}"


def test_search_works_with_the_keyboard_alone(watched_page, site_url):
    page = watched_page
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(site_url + "index.html")
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    page.keyboard.type("quinine", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")  # Material moves the focus to the first result
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused, "the arrow key did not move to a result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert focused.split("?")[0].split("#")[0] in page.url, f"{page.url} is not {focused}"


# Where the focus is, and whether a reader can see it there. A hidden radio button drawn
# by the label after it (the colour scheme switch, as Material draws it) is seen by that
# label, which must show a ring.
FOCUS_SEEN = """() => {
  const element = document.activeElement, next = element.nextElementSibling;
  const drawn = element.getBoundingClientRect().width === 0 && next && next.tagName === "LABEL" &&
    next.getBoundingClientRect().width > 0 && next;
  const shown = drawn || element, box = shown.getBoundingClientRect();
  return {name: element.tagName + "." + element.className + " " + (shown.textContent || "").trim().slice(0, 30),
          seen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight &&
                box.right > 0 && box.left < innerWidth &&
                getComputedStyle(shown).visibility === "visible" && element !== document.body &&
                (!drawn || getComputedStyle(drawn).outlineStyle !== "none")};
}"""


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_tab_from_the_search_box_goes_somewhere_the_reader_can_see(browser, site_url, width):
    """On a computer, Material closes search as Tab leaves its box; the focus went to the
    box the results scroll in, closed and empty by then: a Tab to nothing on screen."""
    page = browser.new_page(viewport=VIEWPORTS[width])
    page.goto(site_url + "causes.html")
    search(page, "magnesium")
    page.locator(".md-search__input").press("Tab")
    page.wait_for_function("() => !document.getElementById('__search').checked")  # closed
    focused = page.evaluate(FOCUS_SEEN)
    page.close()
    assert focused["seen"], f"Tab from the search box went to {focused['name']!r}, which is not on screen"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("java_script", [True, False], ids=["scripts", "no-scripts"])
def test_on_a_phone_tab_stays_on_screen_and_reaches_the_menu_once_it_is_open(browser, site_url, java_script, scheme):
    """Material leaves the closed menu drawer's links in the Tab order, beside the screen:
    Tab from the header went there, out of sight. Closed, the drawer takes no focus; open,
    its links do, on screen. On a first visit in the dark scheme, Tab goes to the scheme
    switch whose label shows."""
    page = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=java_script,
                               color_scheme=scheme).new_page()
    page.goto(site_url + "causes.html")
    stops = []
    for _ in range(6):  # the header's controls, then the page's first links
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_SEEN))
    unseen = [stop["name"] for stop in stops if not stop["seen"]]
    assert not unseen, f"Tab went where a reader cannot see it: {unseen}"
    # Material's label opens it without scripts; with them, a button takes its place.
    page.locator(".md-header__button:is([for='__drawer'], .menu-button)").click()
    first_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    first_link.wait_for(state="visible")
    # Slid in. (Polled from here: with scripts off, the page runs no polling of its own.)
    sliding = "document.querySelector('.md-sidebar--primary').getAnimations().length"
    for _ in range(50):
        if not page.evaluate(sliding):
            break
        page.wait_for_timeout(20)
    first_link.focus()
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), \
        "the open menu's first link cannot take the focus"
    assert page.evaluate(FOCUS_SEEN)["seen"], "the open menu's first link is not on screen"
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_open_search_results_have_no_wcag_violations(browser, site_url, width, scheme):
    """The pages' scans run with search closed; a reader also reads its results."""
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "causes.html")
    search(page, "magnesium")
    problems = axe_violations(page, within=".md-search")  # the page behind is dimmed on purpose
    context.close()
    assert not problems, "\n".join(problems)


# Every icon drawn as a mask over a background colour (as Material draws its own) on the
# page: how many, and how many have the page's own background colour.
UNSEEN_ICONS = """() => {
  const canvas = getComputedStyle(document.body).backgroundColor;
  const icons = [...document.querySelectorAll("body *")].flatMap(element =>
    ["::before", "::after"].map(pseudo => getComputedStyle(element, pseudo)))
    .filter(style => style.content !== "none" && style.display !== "none" &&
                     [style.maskImage, style.webkitMaskImage].some(image => image && image !== "none"));
  return [icons.length,
          icons.filter(style => [canvas, "rgba(0, 0, 0, 0)"].includes(style.backgroundColor)).length];
}"""


def test_icons_show_in_forced_colours(browser, site_url):
    """Windows' contrast themes force every background to the theme's own, which made
    these icons the colour of the page around them."""
    page = browser.new_page(viewport=VIEWPORTS["phone"], forced_colors="active")
    unseen = []
    for name in ("when-to-get-help.html", "home-remedies.html"):
        page.goto(site_url + name)
        drawn, invisible = page.evaluate(UNSEEN_ICONS)
        assert drawn >= 5, f"{name}: only {drawn} icons found: the test would prove nothing"
        if invisible:
            unseen.append(f"{name}: {invisible} of {drawn} icons")
    page.close()
    assert not unseen, unseen
