"""Long pages render their blocks on demand (content-visibility in site.css): a phone lays
out only what is on or near the screen. A reader must not be able to tell: once every
block has been on screen, every element of every page is exactly where it would be with
everything rendered at once, on a phone and a desktop; a link to a section far down a
page still lands on that section; and the first screen is rendered from the start."""

from __future__ import annotations

import pytest

from support.browser import DESKTOP, PHONE
from support.project import PAGES, html_name

EVERYTHING_RENDERED = ".md-typeset > * { content-visibility: visible !important; }"
POSITIONS = """() => [...document.querySelectorAll("article *")].map(element => {
  const box = element.getBoundingClientRect();
  return `${element.tagName}#${element.id} ${[box.x, box.y + scrollY, box.width, box.height]
    .map(Math.round).join(",")}`;
})"""
ON_DEMAND = """() => [...document.querySelectorAll(".md-typeset > *")]
  .filter(block => getComputedStyle(block).contentVisibility === "auto").length"""


def positions_after_every_block_was_seen(browser, url: str, viewport: dict, css: str = "") -> list[str]:
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    if css:
        page.add_style_tag(content=css)
    y = 0
    while y < page.evaluate("document.documentElement.scrollHeight"):
        page.evaluate(f"scrollTo(0, {y})")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        y += viewport["height"] // 2
    page.evaluate("scrollTo(0, 0)")
    found = page.evaluate(POSITIONS)
    page.close()
    return found


@pytest.mark.parametrize("name", [html_name(p) for p in PAGES])
def test_layout_is_the_same_as_with_everything_rendered(browser, site_url, name):
    for viewport in (PHONE, DESKTOP):
        on_demand = positions_after_every_block_was_seen(browser, site_url + name, viewport)
        at_once = positions_after_every_block_was_seen(browser, site_url + name, viewport,
                                                       EVERYTHING_RENDERED)
        moved = [(a, b) for a, b in zip(at_once, on_demand, strict=True) if a != b]
        assert not moved, (f"{name} at {viewport['width']} px: rendering on demand moves "
                           f"{len(moved)} elements, first (all at once, on demand): {moved[:3]}")


def test_long_pages_do_render_on_demand(browser, site_url):
    """Guard: the rule is there and applies, or the test above proves nothing."""
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "causes.html")
    assert page.evaluate(ON_DEMAND) > 20
    page.close()


def test_a_link_to_a_section_far_down_lands_on_it(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "causes.html")
    last = page.evaluate("[...document.querySelectorAll('.md-typeset > h2[id]')].at(-1).id")
    page.goto(site_url + f"causes.html#{last}")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    top = page.evaluate(f"document.getElementById('{last}').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 3, f"#{last} is at {top} px, not at the top of the screen"
    page.close()
