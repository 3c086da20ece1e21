"""The guide on a phone with no signal (docs/sw.js, the service worker), in Chromium at a
small phone's width, served with the site's own headers (so its strict CSP applies):

- installable: Chromium finds no installability errors;
- a page read once opens again offline; a page never opened shows the offline page;
- "Save this guide to read offline" keeps everything: offline, every page opens, every
  illustration loads, search finds and opens a page, review notices still show when a
  review date has passed, and nothing is asked of another host;
- search with no signal and no saved copy says why and leads to the offline page;
- saving with no signal, or on a phone without enough free space, fails and says why
  (with no signal, "Try again" then saves);
- a new build: the next visit downloads only what changed, says a newer version is
  ready, shows the new text offline and deletes the old cache;
- "Remove the saved copy" leaves Cache Storage empty.

Each test has its own browser context (its own storage). The offline zip from file://
is tested in test_offline_copy.py and test_crawl.py."""

from __future__ import annotations

import datetime

import pytest

from support.browser import CHROMIUM_ARGS, RECORD_VIOLATIONS, RENDER_EVERY_BLOCK, PageWatch, find_chromium, search
from support.build import build, copy_project, readable_tmpdir
from support.project import PAGES, front_matter, html_name
from support.service_worker import (
    PHONE_SMALL,
    build_list,
    cache_names,
    installability_errors,
    kept_urls,
    save_whole_guide,
    wait_until_active,
    wait_until_controlled,
    wait_until_kept,
)
from support.serving import serve
from toecramps.offline import STAND_IN_WORKER

NAMES = [html_name(page) for page in PAGES]
NEVER_OPENED = "anatomy.html"


@pytest.fixture
def phone(browser):
    """A fresh context at a small phone's width: requests to other hosts are blocked and
    recorded (page.watch), and policy violations collected (window.__csp)."""
    context = browser.new_context(viewport=PHONE_SMALL)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.watch = PageWatch()
    page.watch.attach(context, page)
    context.add_init_script(RECORD_VIOLATIONS)
    yield page
    context.close()


def other_hosts(page, base_url: str) -> list[str]:
    """Everything the page loaded (from the network or the service worker) that is not
    from the site's own origin, and what the page's watch saw leave."""
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    return [url for url in loaded if not url.startswith(base_url)] + page.watch.outside_requests


def assert_no_trouble(page, base_url: str) -> None:
    assert not page.watch.errors, f"console errors: {page.watch.errors}"
    assert not other_hosts(page, base_url), f"requests to other hosts: {other_hosts(page, base_url)}"
    assert not page.evaluate("window.__csp"), f"policy violations: {page.evaluate('window.__csp')}"


@pytest.mark.parametrize("server", ["secure_url", "nginx_url"])
def test_chromium_reports_the_site_installable(request, browser, server, tmp_path):
    """Served with _headers, and by nginx as README says. Installability is not checked
    in private (incognito) contexts, so this one has a profile folder of its own."""
    secure_url = request.getfixturevalue(server)
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=find_chromium(), args=CHROMIUM_ARGS,
        viewport=PHONE_SMALL)
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(secure_url + "index.html")
        wait_until_controlled(page)
        assert installability_errors(page) == []
        session = context.new_cdp_session(page)
        manifest = session.send("Page.getAppManifest")
        assert manifest["url"] == secure_url + "manifest.webmanifest"
        assert manifest["errors"] == [], manifest["errors"]
        assert page.evaluate("""fetch("manifest.webmanifest").then(r => r.headers.get("content-type"))""") \
            == "application/manifest+json"
    finally:
        context.close()


def test_a_page_read_once_opens_again_offline(phone, secure_url):
    phone.goto(secure_url + "causes.html")
    wait_until_controlled(phone)
    wait_until_kept(phone, secure_url + "causes.html")
    heading = phone.locator("h1").inner_text()
    phone.context.set_offline(True)

    phone.reload()
    assert phone.locator("h1").inner_text() == heading
    assert phone.locator("aside.page-review time").count() == 2

    phone.goto(secure_url + NEVER_OPENED)
    assert phone.url == secure_url + NEVER_OPENED
    assert phone.locator("h1").inner_text().startswith("You are offline")
    assert phone.locator("a[href$='when-to-get-help.html']").count() >= 1
    saved = phone.locator("[data-saved-copy='pages']")
    saved.wait_for(state="visible")
    listed = saved.locator("li a")
    assert listed.all_inner_texts() == ["Causes of toe cramps"]
    listed.first.click()
    phone.wait_for_url("**/causes.html")
    assert phone.locator("h1").inner_text() == heading
    assert phone.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0

    # A page in a folder leads to the offline page at its own address, styled.
    phone.goto(secure_url + "handouts/night-cramps.html")
    phone.wait_for_url("**/offline.html")
    assert phone.locator("h1").inner_text().startswith("You are offline")
    assert phone.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    assert_no_trouble(phone, secure_url)



def test_search_offline_without_a_saved_copy_says_why_and_leads_to_the_offline_page(phone, secure_url):
    """Not "Initializing search" for ever: the search index was never fetched."""
    phone.goto(secure_url + "causes.html")
    wait_until_controlled(phone)
    wait_until_kept(phone, secure_url + "causes.html")
    phone.context.set_offline(True)
    phone.reload()
    results = search(phone, "numb")
    assert results.count() == 1
    assert "Search needs a connection" in results.first.inner_text()
    results.first.locator("a").first.click()
    phone.wait_for_url("**/offline.html")
    assert phone.locator("h1").inner_text().startswith("You are offline")
    assert_no_trouble(phone, secure_url)

def test_the_saved_guide_works_offline(phone, secure_url, site_dir):
    listing = build_list(site_dir)
    statuses = save_whole_guide(phone, secure_url)
    assert any(text.startswith("Saving: ") for text in statuses), statuses
    status = phone.locator("[data-saved-copy='controls'] [data-status]").inner_text()
    megabytes = f"{listing['size'] / 1_000_000:.1f} MB"
    assert status.startswith("Saved on this device") and listing["dateText"] in status \
        and megabytes in status, status
    assert phone.get_by_role("button", name="Remove the saved copy").is_visible()
    kept = set(kept_urls(phone))
    assert {secure_url + path for path in listing["files"]} <= kept

    phone.context.set_offline(True)
    problems = []
    for name in [*NAMES, "offline.html"]:
        phone.goto(secure_url + name)
        state = phone.evaluate("""() => ({
          h1: document.querySelector("h1").textContent,
          broken: [...document.images].filter(i => !(i.complete && i.naturalWidth)).map(i => i.src),
          overflow: document.documentElement.scrollWidth - innerWidth })""")
        if state["h1"].startswith("You are offline") and name != "offline.html":
            problems.append(f"{name}: the offline page")
        problems += [f"{name}: image {src} did not load" for src in state["broken"]]
        if state["overflow"] > 0:
            problems.append(f"{name}: {state['overflow']}px too wide at {PHONE_SMALL['width']}px")
    illustrations = [path for path in listing["files"] if path.startswith("assets/illustrations/")]
    assert illustrations
    failed = phone.evaluate("""async (paths) => {
      const failed = [];
      for (const path of paths) {
        const image = new Image();
        image.src = path;
        try { await image.decode(); } catch (error) { failed.push(path); }
      }
      return failed;
    }""", illustrations)
    problems += [f"illustration {path} did not load offline" for path in failed]
    assert not problems, "\n".join(problems)

    phone.goto(secure_url + "index.html")
    results = search(phone, "dehydration")
    first = results.first.locator("a").first
    assert "causes.html" in first.get_attribute("href")
    first.click()
    phone.wait_for_url("**/causes.html*")
    assert phone.locator("h1").inner_text().startswith("Causes")
    assert_no_trouble(phone, secure_url)


def test_review_notices_show_offline_months_later(phone, secure_url):
    """A reader offline long after saving still sees when each page is due for review."""
    save_whole_guide(phone, secure_url)
    page = "causes.md"
    months_later = datetime.datetime.combine(
        front_matter(page)["next_review"] + datetime.timedelta(days=30), datetime.time(12),
        datetime.timezone.utc)
    phone.context.set_offline(True)
    phone.clock.set_fixed_time(months_later)
    phone.goto(secure_url + html_name(page))
    assert phone.locator(".review-overdue").is_visible()
    assert "Page last reviewed" in phone.locator("aside.page-review").inner_text()


def test_remove_leaves_no_saved_copy(phone, secure_url):
    statuses = save_whole_guide(phone, secure_url)
    assert cache_names(phone), statuses
    phone.get_by_role("button", name="Remove the saved copy").click()
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='removed']", state="attached")
    assert cache_names(phone) == []
    assert phone.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    save = phone.get_by_role("button", name="Save this guide to read offline")
    assert save.is_visible()
    assert not phone.get_by_role("button", name="Remove the saved copy").is_visible()

    save.click()  # and again: a new worker is set up, and saves everything
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='saved']", state="attached")
    assert len(cache_names(phone)) == 1


def test_saving_with_no_signal_fails_and_says_why(phone, secure_url):
    phone.goto(secure_url + "download.html")
    status = phone.locator("[data-saved-copy='controls'] [data-status]")
    status.filter(has_text="Not saved on this device yet").wait_for()
    phone.context.set_offline(True)
    phone.get_by_role("button", name="Save this guide to read offline").click()
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='failed']", state="attached")
    assert "connection was lost" in status.inner_text(), status.inner_text()
    phone.context.set_offline(False)
    phone.get_by_role("button", name="Try again").click()
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='saved']", state="attached")


def test_saving_on_a_full_phone_fails_and_says_why(phone, secure_url):
    """A phone low on space: Chromium's storage quota for the site is made smaller than the
    guide once the worker is set up (so only the save itself runs out of room)."""
    phone.goto(secure_url + "download.html")
    status = phone.locator("[data-saved-copy='controls'] [data-status]")
    status.filter(has_text="Not saved on this device yet").wait_for()
    devtools = phone.context.new_cdp_session(phone)
    origin = secure_url.rstrip("/")
    devtools.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": 300_000})
    phone.get_by_role("button", name="Save this guide to read offline").click()
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='failed']", state="attached")
    assert "not enough free space" in status.inner_text(), status.inner_text()
    assert phone.get_by_role("button", name="Try again").is_visible()
    # Not checked: that Try again then saves once the quota is restored. It did not, once
    # in a fresh-clone make test (the restored quota not yet in force?): not understood yet.


# A worker whose set-up fails, as when the connection drops while it fetches the guide's
# core files: it never becomes active.
FAILING_WORKER = b'self.addEventListener("install", (event) => event.waitUntil(Promise.reject(new Error("lost"))));'


@pytest.mark.parametrize("worker", [FAILING_WORKER, STAND_IN_WORKER], ids=["set-up fails", "zip's stand-in"])
def test_a_worker_that_cannot_help_leaves_the_pages_working(phone, secure_url, worker):
    """A worker that cannot be set up, or one that never answers (the offline zip's
    stand-in, which removes itself, on a web server): the offline page lists nothing, and
    the Download page lets the reader tap Save, with no errors."""
    # The worker script is fetched for the context, not the page: page.route would not see it.
    phone.context.route("**/sw.js", lambda route: route.fulfill(body=worker, content_type="text/javascript"))
    phone.goto(secure_url + "offline.html")
    phone.wait_for_selector("[data-saved-copy='pages'][data-state='unknown']", state="attached")
    assert not phone.locator("[data-saved-copy='pages']").is_visible()
    assert not phone.watch.errors, f"offline page: {phone.watch.errors}"

    phone.goto(secure_url + "download.html")
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='unknown']", state="attached")
    status = phone.locator("[data-saved-copy='controls'] [data-status]")
    assert status.inner_text() == "Not saved on this device yet."
    save = phone.get_by_role("button", name="Save this guide to read offline")
    assert save.is_enabled()
    save.click()
    phone.wait_for_selector("[data-saved-copy='controls'][data-state='failed']", state="attached")
    assert status.inner_text() == "Not saved. This browser could not start saving."
    assert phone.get_by_role("button", name="Try again").is_enabled()
    assert not phone.watch.errors, f"Download page: {phone.watch.errors}"


NEW_TEXT = "A sentence added to test updates."


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The site built twice from one scratch copy of the project, the second time with
    one sentence added to one page. Yields both site folders."""
    project = copy_project(tmp_path_factory.mktemp("update") / "project")
    with readable_tmpdir() as folder:
        sites = []
        for label in ("before", "after"):
            if label == "after":
                page = project / "docs" / "prevention.md"
                page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_TEXT}\n", encoding="utf-8")
            result = build(project, folder / label)
            assert result.ok, str(result)
            sites.append(folder / label)
        yield sites


def test_a_new_build_downloads_only_what_changed(phone, two_builds, tmp_path):
    before, after = two_builds
    old, new = build_list(before), build_list(after)
    changed = {path for path, (revision, _) in new["files"].items()
               if old["files"].get(path, [None])[0] != revision}
    assert "prevention.html" in changed and len(changed) < len(new["files"]) / 4, changed

    current = tmp_path / "current"  # the published folder, swapped from one build to the next
    current.symlink_to(before, target_is_directory=True)
    requested: list[str] = []
    with serve(current, with_headers=True, request_log=requested) as url:
        statuses = save_whole_guide(phone, url)
        assert phone.locator("[data-saved-copy='controls']").get_attribute("data-state") == "saved", statuses
        old_caches = cache_names(phone)

        current.unlink()
        current.symlink_to(after, target_is_directory=True)
        requested.clear()
        phone.goto(url + "index.html")  # the next visit: served from the saved copy
        phone.locator("[data-sw-update]").wait_for(state="visible")
        # The page hears of the new version as it takes over; the old cache goes just after.
        wait_until_active(phone)

        fetched = {path.lstrip("/") for path in requested} - {"sw.js"}
        unchanged_fetched = fetched - changed
        assert not unchanged_fetched, f"unchanged files downloaded again: {sorted(unchanged_fetched)}"
        assert changed <= fetched, f"changed files not downloaded: {sorted(changed - fetched)}"

        names = cache_names(phone)
        assert len(names) == 1 and names[0].endswith(new["version"]) and names != old_caches, names

        phone.context.set_offline(True)
        phone.goto(url + "prevention.html")
        phone.evaluate(RENDER_EVERY_BLOCK)  # the sentence is in the last block
        assert NEW_TEXT in phone.locator("article").inner_text()
        phone.goto(url + "download.html")
        phone.locator("[data-saved-copy='controls'][data-state='saved']").wait_for(state="attached")
        assert new["dateText"] in phone.locator("[data-status]").inner_text()
    assert_no_trouble(phone, url)

