"""Every page, opened in a fresh Chromium (empty cache) under each way the site is
served, recorded once per configuration (support.browser.crawl), then checked:

- served:       a static server sending exactly site/_headers (Netlify, Cloudflare Pages),
                at WCAG's reflow width of 320 CSS px; also the first-view budgets.
- nginx:        a real nginx set up as README says, at 640 px (a desktop zoomed to 200%).
- offline-disk: the unpacked offline zip opened from disk (file://).
- offline-http: the unpacked offline zip on a plain local server, as a phone.

Every request to another host is blocked and recorded. The page clock is fixed at the
build day, so the review notices are judged as on the day the site was built."""

from __future__ import annotations

import datetime

import pytest

from support.browser import crawl
from support.project import PAGES, build_day, front_matter, html_name
from support.serving import serve

NAMES = [html_name(page) for page in PAGES]
CONFIGS = {
    "served": {"width": 320, "height": 700},
    "nginx": {"width": 640, "height": 700},
    "offline-disk": {"width": 1280, "height": 800},
    "offline-http": {"width": 390, "height": 844},
}
HEADERS_SENT = ("served", "nginx")
SIDEWAYS_CHECKED = ("served", "nginx")
# Material's own preferences (colour scheme and similar), kept in the reader's browser.
MATERIAL_PREFERENCES = ("__palette", "__tabs", "__announce", "__outdated", "__source", "__consent")
MAX_FIRST_VIEW_BYTES = 90_000
MAX_REQUESTS = 10


def each(configs):
    """Parameters for the visits fixture; one crawl's tests stay on one worker."""
    return [pytest.param(name, marks=pytest.mark.xdist_group(f"crawl-{name}")) for name in configs]


@pytest.fixture(scope="module")
def visits(request, browser, unpacked_zip):
    """The crawl of one configuration: {page file name: support.browser.Visit}."""
    config = request.param
    clock = datetime.datetime.combine(build_day(), datetime.time(12), datetime.timezone.utc)

    def run(base):
        return crawl(browser, base, NAMES, viewport=CONFIGS[config], clock=clock)

    if config == "served":
        return run(request.getfixturevalue("secure_url"))
    if config == "nginx":
        return run(request.getfixturevalue("nginx_url"))
    if config == "offline-disk":
        return run(unpacked_zip.as_uri() + "/")
    with serve(unpacked_zip) as url:
        return run(url)


def report(visits, problem) -> list[str]:
    """Apply problem(visit) to every page; return 'page: problem' for each that has one."""
    return [f"{name}: {what}" for name, visit in visits.items() if (what := problem(visit))]


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_every_page_opens_with_one_heading(visits):
    problems = report(visits, lambda v: v.h1 != 1 and f"{v.h1} h1 headings (status {v.status})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_no_console_errors(visits):
    problems = report(visits, lambda v: v.errors)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_nothing_is_requested_from_another_host(visits):
    problems = report(visits, lambda v: v.outside_requests)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(["offline-disk"]), indirect=True)
def test_offline_copy_from_disk_requests_nothing_outside_file(visits):
    problems = report(visits, lambda v: [u for u in v.requests if not u.startswith(("file:", "data:"))])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(HEADERS_SENT), indirect=True)
def test_pages_carry_the_policy_and_break_none_of_it(visits):
    unprotected = report(visits, lambda v: "content-security-policy" not in v.headers and "sent without the policy")
    assert not unprotected, "\n".join(unprotected)
    problems = report(visits, lambda v: v.csp_violations)
    console = report(visits, lambda v: [e for e in v.errors if "Content Security Policy" in e])
    assert not problems and not console, "\n".join(problems + console)


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_every_image_loads(visits):
    problems = report(visits, lambda v: v.broken_images)
    assert not problems, "images that did not load:\n" + "\n".join(problems)


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_no_cookies_and_nothing_stored_but_preferences(visits):
    problems = report(visits, lambda v: v.cookies or [k for k in v.stored if not k.endswith(MATERIAL_PREFERENCES)])
    assert not problems, "cookies or storage beyond Material's preferences:\n" + "\n".join(problems)


@pytest.mark.parametrize("visits", each(SIDEWAYS_CHECKED), indirect=True)
def test_no_page_scrolls_sideways(visits):
    """At 320 CSS px (WCAG reflow) and at 640 px (a desktop window zoomed to 200%)."""
    problems = report(visits, lambda v: v.overflow > 0 and f"{v.overflow}px too wide")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(CONFIGS), indirect=True)
def test_review_notice_shows_exactly_when_the_review_is_overdue(visits):
    """Hidden in the HTML is not enough: theme CSS can override the hidden attribute."""
    day = build_day()
    problems = []
    for page in PAGES:
        overdue = front_matter(page)["next_review"] < day
        if visits[html_name(page)].review_notice_shown != overdue:
            problems.append(f"{html_name(page)}: notice {'hidden' if overdue else 'shown'} on {day}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(["served"]), indirect=True)
def test_first_view_fits_the_budget(visits):
    """At most 90 KB compressed (gzip -6, a common server default) in at most 10 requests."""
    problems = []
    for name, visit in visits.items():
        sizes = visit.transfer
        listing = "\n".join(f"  {size:7,} {url}" for url, size in sorted(sizes.items(), key=lambda x: -x[1]))
        if len(sizes) > MAX_REQUESTS or sum(sizes.values()) > MAX_FIRST_VIEW_BYTES:
            problems.append(f"{name}: {len(sizes)} requests, {sum(sizes.values()):,} bytes\n{listing}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visits", each(["served"]), indirect=True)
def test_search_index_loads_only_when_a_reader_searches(visits):
    """hooks/lazy_search.py keeps the search index out of the first view."""
    problems = report(visits, lambda v: [u for u in v.transfer if "search_index" in u])
    assert not problems, "\n".join(problems)
