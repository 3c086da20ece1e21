"""The site in a real Chromium, with every request to another host blocked and recorded."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def search(page, query: str):
    """Type a query into Material's search the way a reader does; return the results list."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # phones show a search button; desktops show the box itself
        opener.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)  # real key presses, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    return results


def assert_clean(page):
    assert not page.watch.outside_requests, f"requests to other hosts: {page.watch.outside_requests}"
    assert not page.watch.errors, f"console errors: {page.watch.errors}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_page_loads_cleanly_and_search_finds_dehydration(watched_page, site_url, viewport):
    page = watched_page
    page.set_viewport_size(viewport)
    page.goto(site_url + "index.html")
    assert page.locator("h1").first.is_visible()
    results = search(page, "dehydration")
    assert results.count() >= 1
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("causes.html" in href for href in links), f"no result on causes.html: {links}"
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert_clean(page)


def test_desktop_nav_opens_a_page(watched_page, site_url):
    page = watched_page
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "index.html")
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Causes").first.click()
    page.wait_for_url("**/causes.html")
    assert page.locator("h1").first.inner_text().startswith("Causes")
    assert_clean(page)


def test_phone_menu_opens_and_leads_to_the_red_flags(watched_page, site_url):
    page = watched_page
    page.set_viewport_size(PHONE)
    page.goto(site_url + "index.html")
    menu = page.locator("label.md-header__button[for='__drawer']")
    assert menu.is_visible(), "the phone menu button is not visible"
    menu.click()
    link = page.locator("nav.md-nav--primary a.md-nav__link", has_text="When to get medical help")
    link.first.click()
    page.wait_for_url("**/when-to-get-help.html")
    assert page.locator("#emergency").is_visible()
    assert_clean(page)


def test_every_page_opens_without_errors(watched_page, site_url, soups):
    page = watched_page
    for name in soups:
        page.goto(site_url + name.replace(".md", ".html"))
        assert page.locator("h1").count() == 1, name
    assert_clean(page)


def test_review_notice_is_hidden_while_the_review_is_not_due(watched_page, site_url):
    """Hidden in the HTML is not enough: theme CSS can override the hidden attribute."""
    page = watched_page
    page.goto(site_url + "index.html")
    assert page.locator(".page-review").is_visible()
    assert not page.locator(".review-overdue").is_visible(), "review notice shown on a current page"


def test_review_notice_appears_once_the_date_has_passed(watched_page, site_url):
    """Read long after the build, review-status.js shows the notice without a rebuild."""
    page = watched_page
    page.add_init_script("""{
        const RealDate = Date;
        const later = new RealDate("2099-01-01T00:00:00Z").getTime();
        Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [later])); } };
        Date.now = () => later;
    }""")
    page.goto(site_url + "index.html")
    assert page.locator(".review-overdue").is_visible(), "overdue notice not shown in 2099"
