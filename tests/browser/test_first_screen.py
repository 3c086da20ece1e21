"""A reader mid-cramp on a phone: the home page's "Ease a cramp now" and its first check
start on the first screen, before any scrolling (390 x 844, a common phone)."""

from __future__ import annotations


def test_ease_a_cramp_now_starts_on_a_phones_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "index.html")
    heading = page.locator("#ease-a-cramp-now").bounding_box()
    first_check = page.get_by_text("First check:").bounding_box()
    context.close()
    assert heading["y"] + heading["height"] <= 844, f"the heading starts below the first screen: {heading}"
    assert first_check["y"] < 844, f"the first check starts below the first screen: {first_check}"
