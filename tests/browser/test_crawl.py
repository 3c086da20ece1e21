"""Every page, opened in a fresh Chromium (empty cache) under each way the site is
served, recorded once per configuration (support.browser.crawl), then checked:

- served:       a static server sending exactly site/_headers (Netlify, Cloudflare Pages),
                at WCAG's reflow width of 320 CSS px; each page in a fresh context
                (empty cache, nothing stored), for the first-view budgets.
- nginx:        a real nginx set up as README says, at 640 px (a desktop zoomed to 200%).
- offline-disk: the unpacked offline zip opened from disk (file://).
- offline-http: the unpacked offline zip on a plain local server, as a phone.

Every request to another host is blocked and recorded. The page clock is fixed at the
build day, so the review notices are judged as on the day the site was built. One test
per configuration (they run on both workers side by side); each lists every problem
its crawl found, check by check."""

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
# Material's own preferences (colour scheme and similar), kept in the reader's browser.
MATERIAL_PREFERENCES = ("__palette", "__tabs", "__announce", "__outdated", "__source", "__consent")
MAX_FIRST_VIEW_BYTES = 90_000
MAX_REQUESTS = 10


def one_heading(visit):
    return visit.h1 != 1 and f"{visit.h1} h1 headings (status {visit.status})"


def no_console_errors(visit):
    return visit.errors


def nothing_from_another_host(visit):
    return visit.outside_requests


def nothing_outside_file(visit):
    return [url for url in visit.requests if not url.startswith(("file:", "data:"))]


def policy_sent_and_kept(visit):
    if "content-security-policy" not in visit.headers:
        return "sent without the Content-Security-Policy header"
    return visit.csp_violations + [e for e in visit.errors if "Content Security Policy" in e]


def every_image_loads(visit):
    return visit.broken_images


def only_preferences_stored_and_no_cookies(visit):
    return visit.cookies or [key for key in visit.stored if not key.endswith(MATERIAL_PREFERENCES)]


def no_sideways_scrolling(visit):
    """At 320 CSS px (WCAG reflow) and at 640 px (a desktop window zoomed to 200%)."""
    return visit.overflow > 0 and f"{visit.overflow}px too wide"


def first_view_within_budget(visit):
    """At most 90 KB compressed (gzip -6, a common server default) in at most 10 requests."""
    sizes = visit.transfer
    if len(sizes) <= MAX_REQUESTS and sum(sizes.values()) <= MAX_FIRST_VIEW_BYTES:
        return None
    listing = "\n".join(f"  {size:7,} {url}" for url, size in sorted(sizes.items(), key=lambda x: -x[1]))
    return f"{len(sizes)} requests, {sum(sizes.values()):,} bytes\n{listing}"


def search_index_not_in_first_view(visit):
    """toecramps/material.py keeps the search index out until a reader searches."""
    return [url for url in visit.transfer if "search_index" in url]


EVERYWHERE = [one_heading, no_console_errors, nothing_from_another_host, every_image_loads,
              only_preferences_stored_and_no_cookies]
CHECKS = {
    "served": [*EVERYWHERE, policy_sent_and_kept, no_sideways_scrolling, first_view_within_budget,
               search_index_not_in_first_view],
    "nginx": [*EVERYWHERE, policy_sent_and_kept, no_sideways_scrolling],
    "offline-disk": [*EVERYWHERE, nothing_outside_file],
    "offline-http": EVERYWHERE,
}


def review_notice_problems(visits) -> list[str]:
    """The notice shows exactly when the review is overdue. Hidden in the HTML is not
    enough: theme CSS can override the hidden attribute."""
    day = build_day()
    problems = []
    for page in PAGES:
        overdue = front_matter(page)["next_review"] < day
        if visits[html_name(page)].review_notice_shown != overdue:
            problems.append(f"{html_name(page)}: review notice {'hidden' if overdue else 'shown'} on {day}")
    return problems


@pytest.mark.parametrize("config", CONFIGS)
def test_every_page_behaves(request, browser, unpacked_zip, config):
    clock = datetime.datetime.combine(build_day(), datetime.time(12), datetime.timezone.utc)

    def run(base):
        return crawl(browser, base, NAMES, viewport=CONFIGS[config], clock=clock,
                     first_views=config == "served")

    if config == "served":
        visits = run(request.getfixturevalue("secure_url"))
    elif config == "nginx":
        visits = run(request.getfixturevalue("nginx_url"))
    elif config == "offline-disk":
        visits = run(unpacked_zip.as_uri() + "/")
    else:
        with serve(unpacked_zip) as url:
            visits = run(url)

    problems = []
    for check in CHECKS[config]:
        problems += [f"{check.__name__}: {name}: {what}" for name, visit in visits.items()
                     if (what := check(visit))]
    problems += [f"review_notice: {problem}" for problem in review_notice_problems(visits)]
    assert not problems, f"{config}:\n" + "\n".join(problems)


def test_the_checks_catch_what_they_are_for():
    """Guard: each check reports a page that does what it must not."""
    from support.browser import Visit

    bad = Visit(url="u", status=200, headers={}, h1=2, overflow=5, broken_images=["a.png"],
                stored=["tracker"], cookies=[{"name": "c"}], review_notice_shown=True,
                csp_violations=["script-src"], errors=["boom"], outside_requests=["https://x.example/"],
                requests=["https://x.example/"], transfer={f"/{i}.js": 10_000 for i in range(11)}
                | {"/search/search_index.json": 1})
    unreported = [check.__name__ for check in set(sum(CHECKS.values(), [])) if not check(bad)]
    assert not unreported, unreported
