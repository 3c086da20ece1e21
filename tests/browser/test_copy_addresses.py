"""For clinics read from a server on any port: each copy-ready address is the address of
that copy of the site, opens its section, and its Copy button puts exactly it on the
clipboard, under the site's own security headers. Read at the site's own address, the
page paints as soon as it can, and its Copy buttons work before it has been read to the
end. Without JavaScript the build's addresses are there to select. At phone width
nothing is cut off, and an address wraps only after "/", "#" or "."."""

from __future__ import annotations

import threading

from support.browser import (
    DESKTOP,
    PHONE,
    RECORD_SHIFTS,
    RECORD_VIOLATIONS,
    SETTLED,
    first_paint_and_shifts,
    load_watching_shifts,
)
from support.build import build
from support.project import ROOT
from support.project import site_url as configured_site_url
from support.serving import serve

SNIPPET = '<a href="{}when-to-get-help.html">When to get medical help for toe cramps</a>'


def open_for_clinics(browser, base_url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(base_url + "for-clinics.html")
    page.wait_for_load_state("load")
    if options.get("java_script_enabled", True):
        page.wait_for_function(SETTLED)  # nothing moves under a click
    return context, page


def test_each_address_is_where_the_site_is_read_and_opens_its_section(browser, secure_url):
    context, page = open_for_clinics(browser, secure_url)
    page.wait_for_selector(".copy-button")
    addresses = page.eval_on_selector_all(
        ".site-address", "els => els.map(e => [e.getAttribute('data-path'), e.textContent])")
    assert len(addresses) >= 20
    for path, address in addresses:
        assert address == secure_url + path, address
    # Each button says what it copies: this copy's address, as a screen reader hears it.
    labelled = page.eval_on_selector_all("code.copy-text:not([data-copy-label])", """codes =>
        codes.map(code => [code.textContent, code.nextElementSibling.getAttribute('aria-label')])""")
    assert len(labelled) >= 19
    for text, label in labelled:
        assert text.startswith(secure_url) and label == f"Copy {text}", (text, label)
    for _path, address in addresses:
        page.goto(address)
        section = address.partition("#")[2]
        assert page.url == address
        if section:
            assert page.locator(f"[id='{section}']").count() == 1, f"{address}: no section"
        else:
            assert page.locator("article h1").count() == 1, f"{address}: no page"
    assert page.evaluate("window.__csp") == []
    context.close()


def test_the_copy_button_puts_the_exact_address_on_the_clipboard(browser, secure_url):
    context, page = open_for_clinics(browser, secure_url,
                                     permissions=["clipboard-read", "clipboard-write"])
    row = page.locator("tr", has=page.locator("[data-path='when-to-get-help.html#emergency']"))
    row.get_by_role("button", name="Copy").click()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == secure_url + "when-to-get-help.html#emergency"
    page.get_by_role("button", name="Copy the link for your website").click()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.includes('<a')")
    assert page.evaluate("navigator.clipboard.readText()") == SNIPPET.format(secure_url)
    assert page.evaluate("window.__csp") == []
    context.close()


def test_a_first_tap_on_a_copy_button_works_while_material_starts(browser, secure_url):
    """The reader's first tap starts Material's bundle (start-scripts.js), which can run
    between the finger going down and coming up. It must leave the table where it is:
    moved, the tap would go to the page, not to the button. The window is tall enough that
    nothing scrolls first (a scroll would start Material before the tap)."""
    context, page = open_for_clinics(browser, secure_url, viewport={"width": 1280, "height": 1400},
                                     permissions=["clipboard-read", "clipboard-write"])
    row = page.locator("tr", has=page.locator("[data-path='when-to-get-help.html#emergency']"))
    box = row.get_by_role("button", name="Copy").bounding_box()
    assert box["y"] + box["height"] < 1400, "the button is not on the first screen"
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_function("() => !!document.querySelector('meta[name=color-scheme]')")  # Material ran
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''",
                           timeout=5_000)
    assert page.evaluate("navigator.clipboard.readText()") == secure_url + "when-to-get-help.html#emergency"
    context.close()


def test_without_javascript_the_built_addresses_are_there_to_select(browser, site_url):
    context, page = open_for_clinics(browser, site_url, java_script_enabled=False)
    base = configured_site_url()
    codes = page.locator("code.copy-text")
    assert codes.count() >= 20 and page.get_by_role("button", name="Copy").count() == 0  # none shows
    first = codes.first
    path = first.locator(".site-address").get_attribute("data-path")
    assert first.inner_text() == base + path
    assert first.evaluate("e => getComputedStyle(e).userSelect") != "none"
    first.click(click_count=3)  # a triple click selects the address, as a reader would
    assert page.evaluate("getSelection().toString().trim()") == base + path
    context.close()


def test_at_phone_width_nothing_is_cut_off_and_addresses_break_only_between_pieces(browser, site_url):
    context, page = open_for_clinics(browser, site_url, viewport={**PHONE, "width": 360})
    page.wait_for_selector(".copy-button")
    snippet = page.locator("pre.link-snippet code")
    assert snippet.evaluate("e => e.scrollWidth <= e.clientWidth"), "the snippet is cut off"
    box = snippet.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    for table in page.locator("article table").all():
        if table.locator(".site-address").count():
            assert table.evaluate("t => t.getBoundingClientRect().right <= 360"), "a table runs off screen"
    # Each piece (https://, toe-cramps-guide., when-to-get-help., html#, ...) stays on one
    # line: an address wraps only where the build put a <wbr>, after "/", "#" or ".".
    broken = page.eval_on_selector_all(".site-address > span", """spans => spans
        .filter(s => s.getClientRects().length !== 1).map(s => s.textContent)""")
    assert broken == [], f"pieces of addresses broken across lines: {broken}"
    wrapped = page.eval_on_selector_all(".site-address", """els => els.filter(e => {
        const r = e.getClientRects(); return r.length > 1; }).length""")
    assert wrapped > 0, "no address wraps at 360 px: this test would check nothing"
    pieces = page.eval_on_selector_all(".site-address", """els => els.map(e =>
        [...e.children].filter(c => c.tagName === 'SPAN').map(c => c.textContent))""")
    for address in pieces:
        assert all(piece.endswith(("/", "#", ".")) for piece in address[:-1]), address
    context.close()


# Where the server stops for a while: after both tables and the first screen (the first
# paint waits for it: toecramps/extensions/first_screen.py).
FIRST_ROW = "when-to-get-help.html"
EMERGENCY = "when-to-get-help.html#emergency"
STALL_AT = 'id="link-promise"'
PAINTED = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
# Layout shifts in the half second after a tap are not counted (as Lighthouse does not):
# the rest of the page comes after that, so that what it moves is counted.
AFTER_THE_TAP_MS = 600


def test_read_at_its_own_address_the_page_paints_and_copies_before_it_is_all_read(browser, tmp_path):
    """The site built for the address it is served at, as published. The server stops in
    the middle of the page until the test lets it go: the tables show with their Copy
    buttons, and a tap copies, while the rest of the page is still on its way. Nothing
    moves when it comes."""
    rest_of_page = threading.Event()
    folder = tmp_path / "site"
    folder.mkdir()
    with serve(folder, stall=(STALL_AT, rest_of_page)) as url:
        built = build(ROOT, folder, env={"SITE_URL": url})
        assert built.ok, built
        text = (folder / "for-clinics.html").read_text(encoding="utf-8")
        assert text.find('id="first-screen-read"') in range(text.find(STALL_AT)), (
            f"the first paint waits for a mark after {STALL_AT}, where the server stops: stop later")
        context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(url + "for-clinics.html", wait_until="commit")
        page.wait_for_function(PAINTED)
        row = page.locator("tr", has=page.locator(f"[data-path='{FIRST_ROW}']"))
        row.get_by_role("button", name="Copy").click()
        page.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''")
        still_loading = page.evaluate("document.readyState") == "loading"
        copied = page.evaluate("navigator.clipboard.readText()")
        page.wait_for_timeout(AFTER_THE_TAP_MS)
        rest_of_page.set()
        page.wait_for_function(SETTLED)
        assert page.locator(".copy-button:visible").count() >= 20
        shift, moved = page.evaluate("[window.__shifts, window.__moved]")
        context.close()
    assert still_loading, "the page was read whole before the tap: the test stalled nothing"
    assert copied == url + FIRST_ROW
    assert round(shift, 3) == 0, f"layout shift {shift:.4f}: {moved[:4]}"


def test_address_columns_keep_their_widths_whatever_rows_have_arrived(browser, site_url):
    """A browser without Chromium's rel=expect paints a table it has read in part: left to
    it, the columns would be shared out by the rows it has, and move as the longer
    addresses arrive. Each address table, cut to its first row, keeps its columns."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "for-clinics.html")
    widths = """() => [...document.querySelectorAll("article table")]
      .filter(table => table.querySelector("code.copy-text"))
      .map(table => [...table.rows[0].cells].map(cell => Math.round(cell.getBoundingClientRect().width)))"""
    whole = page.evaluate(widths)
    page.evaluate("""() => document.querySelectorAll("article table tbody").forEach(body =>
      [...body.rows].slice(1).forEach(row => row.remove()))""")
    first_rows_only = page.evaluate(widths)
    page.close()
    assert len(whole) == 2 and whole == first_rows_only, f"{whole} became {first_rows_only}"


def test_read_at_another_address_the_first_paint_waits_for_this_copys_addresses(browser, site_dir):
    """A copy built for another address (here the placeholder): its addresses change to
    this copy's, which have other widths, so the first paint waits for them, and nothing
    moves."""
    stall = 0.8
    with serve(site_dir, stall=(STALL_AT, stall)) as url:
        page = load_watching_shifts(browser, url + "for-clinics.html", DESKTOP)
        first_paint, shift, moved = first_paint_and_shifts(page)
        address = page.locator(f"[data-path='{EMERGENCY}']").inner_text()
        page.close()
    assert address == url + EMERGENCY
    assert first_paint >= stall * 1000, f"painted after {first_paint:.0f} ms, with the build's addresses"
    assert round(shift, 3) == 0, f"layout shift {shift:.4f}: {moved[:4]}"
