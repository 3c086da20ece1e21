"""With JavaScript off, every page is whole and usable: the text, the illustrations, the
phone's menu drawer, the contents list, the red-flags link and any collapsible answer.
Search cannot run, so its box leads to the site map on the home page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.browser import DESKTOP, PHONE, not_seen_because, search
from support.project import PAGES, config, html_name


@pytest.fixture(scope="module")
def no_script(browser):
    """One context per worker and viewport, with JavaScript off."""
    contexts = {}

    def page_at(viewport: dict):
        key = viewport["width"]
        if key not in contexts:
            contexts[key] = browser.new_context(java_script_enabled=False, viewport=viewport)
        return contexts[key].new_page()

    yield page_at
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("name", [html_name(p) for p in PAGES])
def test_page_is_whole_and_usable_on_a_phone_without_javascript(no_script, site_url, name):
    page = no_script(PHONE)
    page.goto(site_url + name)

    article = page.locator("article.md-content__inner")
    assert not_seen_because(article.locator("h1")) == ""
    assert len(article.inner_text()) > 300, f"{name}: the main text is missing"

    for figure in article.locator("figure.illustration").all():
        figure.scroll_into_view_if_needed()
        assert figure.locator("svg").first.is_visible(), f"{name}: an illustration is hidden"

    for details in article.locator("details").all():
        details.locator("summary").click()
        assert details.evaluate("d => d.open"), f"{name}: a collapsible answer does not open"

    # Buttons need a script (saving offline, copying): none shows that would do nothing.
    dead = article.locator("button:visible").all_inner_texts()
    assert not dead, f"{name}: buttons that do nothing without JavaScript: {dead}"

    if name != "when-to-get-help.html":
        link = page.locator("p.help-link a")
        link.scroll_into_view_if_needed()
        assert not_seen_because(link) == "", f"{name}: the red-flags link is not seen"
        assert link.get_attribute("href").endswith("when-to-get-help.html")

    # The menu drawer opens from the header and lists every page.
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).not_to_be_in_viewport()
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(drawer).to_be_in_viewport()
    pages_listed = drawer.locator("> ul > li.md-nav__item")
    expect(pages_listed).to_have_count(len(config()["nav"]))
    page.close()


@pytest.mark.parametrize("name", ["causes.html", "home-remedies.html"])
def test_contents_list_leads_to_its_sections_on_a_desktop_without_javascript(no_script, site_url, name):
    page = no_script(DESKTOP)
    page.goto(site_url + name)
    contents = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
    assert contents.is_visible()
    entry = contents.locator("a.md-nav__link").nth(1)
    target = entry.get_attribute("href")
    entry.click()
    page.wait_for_url(f"**/{name}{target}")
    assert page.locator(target).is_visible()
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_box_leads_to_the_site_map_without_javascript(no_script, site_url, viewport):
    page = no_script(viewport)
    page.goto(site_url + "causes.html")
    opener = page.locator("label.md-header__button[for='__search']")
    if viewport is PHONE:
        opener.click()
    box = page.locator("input.md-search__input")
    box.fill("magnesium")
    # What the open search says: how to find a page without it, not "Initializing search".
    assert not_seen_because(page.get_by_text("Search needs JavaScript")) == ""
    assert not page.get_by_text("Initializing search").is_visible()
    box.press("Enter")
    page.wait_for_url("**/index.html?query=magnesium#site-map")
    assert page.locator("#site-map").is_visible()
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_keyboard_reader_tabs_into_search_and_out_again_seeing_where_they_are(no_script, site_url,
                                                                                viewport):
    """Without scripts, Tab reached a search box that stayed off screen on a phone, and on a
    computer a results box of no height: the focus went where the reader could not see."""
    page = no_script(viewport)
    page.goto(site_url + "causes.html")
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        stops.append((focused.evaluate("e => e.className || e.textContent.trim().slice(0, 30)"),
                      not_seen_because(focused)))
        if "md-search__input" in stops[-1][0]:
            break
    assert stops[-1][0] == "md-search__input", f"Tab did not reach the search box: {stops}"
    assert [stop for stop in stops if stop[1]] == [], f"focus out of sight: {stops}"
    page.keyboard.type("magnesium")
    assert not_seen_because(page.get_by_text("Search needs JavaScript")) == ""
    if viewport is PHONE:  # its back arrow would tick the search switch, and keep it open
        assert not page.locator("label.md-search__icon[for='__search']").is_visible()
    page.keyboard.press("Tab")
    leaving = page.locator(":focus")
    assert leaving.evaluate("e => !e.closest('.md-search')"), "Tab stayed in search, in a box with nothing to scroll"
    assert not_seen_because(leaving) == ""
    page.close()


def test_with_javascript_search_does_not_say_it_needs_it(watched_page, site_url):
    page = watched_page
    page.goto(site_url + "causes.html")
    search(page, "magnesium")
    assert not page.get_by_text("Search needs JavaScript").is_visible()
