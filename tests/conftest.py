"""Fixtures only; helpers live in tests/support/.

Tiers, by folder (each test gets its folder's marker):
  tests/unit/     @unit     pure functions and source files; no build
  tests/build/    @build    the built site (built once per worker, in-process); no browser
  tests/browser/  @browser  a real Chromium
`make check` runs unit and build; `make test` runs all three."""

from __future__ import annotations

import zipfile

import pytest
from bs4 import BeautifulSoup

from support import browser as browser_support
from support import nginx as nginx_support
from support.build import build, copy_project, readable_tmpdir
from support.project import PAGES, ROOT, html_name
from support.serving import serve

TIERS = ("unit", "build", "browser")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        tier = item.path.parent.name
        if tier not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: put the test in tests/unit, tests/build or tests/browser")
        item.add_marker(getattr(pytest.mark, tier))


# ----------------------------------------------------------------------------- the build


@pytest.fixture(scope="session")
def site_dir():
    """The site, built once per test worker in strict mode, in a folder anyone can read."""
    with readable_tmpdir() as folder:
        site = folder / "site"
        result = build(ROOT, site)
        if not result.ok:
            pytest.fail(f"mkdocs build --strict failed:\n{result}", pytrace=False)
        yield site


@pytest.fixture(scope="session")
def site_soups(site_dir) -> dict[str, BeautifulSoup]:
    """Every HTML file of the built site (redirect stubs and 404.html too), parsed once,
    keyed by its path in the site (causes.html)."""
    return {
        path.relative_to(site_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site_dir.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def soups(site_soups) -> dict[str, BeautifulSoup]:
    """Each Markdown page's built HTML, parsed, keyed by the Markdown file name."""
    return {page: site_soups[html_name(page)] for page in PAGES}


@pytest.fixture(scope="session")
def unpacked_zip(site_dir):
    """The offline download unpacked, as a reader would, into a folder anyone can read."""
    with readable_tmpdir() as folder:
        with zipfile.ZipFile(site_dir / "download/toe-cramps-site.zip") as archive:
            archive.extractall(folder)
        yield folder / "toe-cramps-site"


@pytest.fixture
def project(tmp_path):
    """A scratch copy of the project, to break on purpose and build."""
    return copy_project(tmp_path / "project")


# ----------------------------------------------------------------------------- serving


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The site on a local server, without the site's own headers."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def secure_url(site_dir):
    """The site served with exactly the headers in site/_headers (as Netlify would)."""
    with serve(site_dir, with_headers=True) as url:
        yield url


@pytest.fixture(scope="session")
def nginx():
    """The nginx binary; fails (never skips) with how to install it when there is none."""
    path = nginx_support.find_nginx()
    if path is None:
        pytest.fail(nginx_support.NO_NGINX, pytrace=False)
    return path


@pytest.fixture(scope="session")
def nginx_url(nginx, site_dir):
    """The site served by a real nginx, configured as README says."""
    with nginx_support.run(nginx, site_dir) as url:
        yield url


# ----------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    """Chromium, looked up only when a browser test runs; fails (never skips) when none."""
    from playwright.sync_api import sync_playwright

    try:
        executable = browser_support.find_chromium()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=browser_support.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open_watched_page(browser, **context_options):
    context = browser.new_context(**context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.watch = browser_support.PageWatch()
    page.watch.attach(context, page)
    return page


@pytest.fixture
def watched_page(browser):
    """A fresh browser page with every non-local request blocked and recorded in
    page.watch (a support.browser.PageWatch)."""
    page = _open_watched_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def watched_page_without_worker(browser):
    """As watched_page, but no service worker is registered. For tests that hold a
    request back with page.route: once our worker controls the page (it claims open pages
    when it activates), it answers their requests, and Playwright never sees them."""
    page = _open_watched_page(browser, service_workers="block")
    yield page
    page.context.close()
