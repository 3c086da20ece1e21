"""Accessibility in a real Chromium: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on
every page at phone and desktop width in the light and dark palettes, plus what axe
cannot judge alone: the skip link, visible focus, search by keyboard, landmarks, and
reflow when text is zoomed."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PAGES, html_name

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
AXE = Axe()


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    return [
        f"{rule['id']}: {rule['help']} at {[node['target'] for node in rule['nodes']][:5]}"
        for rule in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_no_wcag_violations_on_any_page(browser, site_url, width, scheme):
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    problems = []
    for name in PAGES:
        page.goto(site_url + html_name(name))
        page.wait_for_load_state("networkidle")
        problems += [f"{html_name(name)} ({width}, {scheme}): {v}" for v in axe_violations(page)]
    context.close()
    assert not problems, "\n".join(problems)


def test_search_dialog_has_an_accessible_name(soups):
    for page, soup in soups.items():
        dialog = soup.select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label"), f"{html_name(page)}: unnamed"


def test_lang_and_landmarks(soups):
    for page, soup in soups.items():
        assert soup.html.get("lang") == "en", f"{html_name(page)}: lang"
        for landmark in ("header", "main", "footer", "nav"):
            assert soup.find(landmark), f"{html_name(page)}: no <{landmark}> landmark"


def test_skip_link_is_first_and_moves_to_the_content(watched_page, site_url):
    page = watched_page
    page.goto(site_url + "causes.html")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("el => el === document.activeElement"), "Tab does not reach the skip link first"
    assert skip.is_visible(), "the skip link does not show when focused"
    page.keyboard.press("Enter")
    target = skip.get_attribute("href")
    page.wait_for_url(f"**/causes.html{target}")
    assert page.locator(target).is_visible()


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


@pytest.mark.parametrize("width", [320, 640], ids=["phone-at-200pct", "desktop-at-200pct"])
def test_no_horizontal_scrolling_when_zoomed(watched_page, site_url, width):
    """200% zoom on a 640 px window, and WCAG's reflow width of 320 CSS px."""
    page = watched_page
    page.set_viewport_size({"width": width, "height": 700})
    wide = []
    for name in PAGES:
        page.goto(site_url + html_name(name))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{html_name(name)} ({overflow}px too wide)")
    assert not wide, f"pages that scroll sideways at {width}px: {wide}"
