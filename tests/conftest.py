"""Shared fixtures: one strict build of the site per test run, a local web server for it,
and a real Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

import pytest
from mkdocs.utils.yaml import yaml_load
from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Every Markdown page, known at collection time so tests can be parametrized by page.
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")
               if not path.relative_to(DOCS).as_posix().startswith("_includes/"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
NO_CHROMIUM = """No Chromium browser was found, and Playwright could not install one.
The browser tests need a real Chromium. Install Debian's package (as root):

    apt-get install chromium

or point the tests at another Chromium binary with CHROMIUM=/path/to/chromium."""


# ----------------------------------------------------------------------------- the build


def html_name(page: str) -> str:
    """docs/causes.md is published as causes.html (use_directory_urls is off)."""
    return page[: -len(".md")] + ".html"


def build_site(project: pathlib.Path, site_dir: pathlib.Path) -> subprocess.CompletedProcess:
    """Run the real MkDocs build in strict mode (never with -v: it disables anchor checks)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def copy_project(destination: pathlib.Path) -> pathlib.Path:
    """A scratch copy of everything the build reads, for tests that break things on purpose."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "references.bib", "safety.yml", "docs", "overrides", "toecramps"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


@contextlib.contextmanager
def readable_tmpdir():
    """A temporary folder any user can read. linkchecker, run as root, drops to the user
    "nobody", who cannot read pytest's private temporary folders."""
    path = pathlib.Path(tempfile.mkdtemp(prefix="toe-cramps-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def site_dir() -> pathlib.Path:
    """The site, built once per test run with the real MkDocs in strict mode."""
    with readable_tmpdir() as folder:
        site = folder / "site"
        result = build_site(ROOT, site)
        if result.returncode != 0:
            pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
        yield site


@pytest.fixture(scope="session")
def soups(site_dir) -> dict[str, BeautifulSoup]:
    """Each Markdown page's built HTML, parsed, keyed by the Markdown file name."""
    return {
        page: BeautifulSoup((site_dir / html_name(page)).read_text(encoding="utf-8"), "html.parser")
        for page in PAGES
    }


def front_matter(page: str) -> dict:
    text = (DOCS / page).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml_load(text.split("---\n", 2)[1]) or {}


def nav_pages() -> list[str]:
    """The Markdown files named in mkdocs.yml's nav, in order."""
    # MkDocs' own loader understands the !ENV tags in mkdocs.yml.
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(value)

    walk(config["nav"])
    return found


# ----------------------------------------------------------------------------- reading text

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "summary", "dt", "dd",
          "figcaption", "caption"]


def main_text(soup: BeautifulSoup) -> str:
    """The prose a reader reads on a page: the article, without sources, review box,
    citation numbers, permalinks, the red-flags link, the print-only header, code
    (addresses and snippets to copy are not sentences), the labels inside drawings, or
    passages quoted from sources (<q>: their words, not ours to simplify).
    Each block ends a sentence."""
    article = BeautifulSoup(str(soup.select_one("article.md-content__inner")), "html.parser")
    for selector in ("ol.page-sources", "ol.bibliography", "#page-sources", "sup.cite",
                     "a.headerlink", ".page-review", ".help-link", ".review-overdue", ".print-header",
                     "code", "pre", "svg", "q"):
        for element in article.select(selector):
            element.decompose()
    for block in article.find_all(BLOCKS):
        block.append("\n")
    lines = []
    for line in article.get_text().splitlines():
        line = " ".join(line.split())
        if line:
            lines.append(line if line[-1] in ".!?:;" else line + ".")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- serving


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib")


def read_headers_file(path: pathlib.Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse the Netlify/Cloudflare _headers format: a path line, then indented headers."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> list[tuple[str, str]]:
    """The headers a host reading _headers sends for path: every matching block's."""
    found = []
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            found += headers
    return found


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder quietly; optionally with the headers in its _headers file (as
    Netlify and Cloudflare Pages do) and with gzip (as most hosts do)."""

    header_rules: list = []
    compress = False

    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        for name, value in headers_for(self.header_rules, self.path.split("?")[0]):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@contextlib.contextmanager
def serve(directory: pathlib.Path, *, with_headers: bool = False, compress: bool = False):
    """Serve a folder on a free localhost port; yield its base URL."""
    rules = read_headers_file(directory / "_headers") if with_headers else []
    handler_class = type("Handler", (_Handler,), {"header_rules": rules, "compress": compress})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir):
    with serve(site_dir) as url:
        yield url


# ----------------------------------------------------------------------------- the browser


def installed_chromium() -> str | None:
    """$CHROMIUM, else Debian's /usr/bin/chromium, if it exists."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def find_chromium() -> str | None:
    """An installed Chromium, else Playwright's own download. Returns a path, or None to
    use Playwright's download; stops the run if neither can be had."""
    if path := installed_chromium():
        return path
    try:
        installed = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            capture_output=True, text=True, timeout=300,
        )
    except subprocess.TimeoutExpired:
        installed = None
    if installed is not None and installed.returncode == 0:
        return None
    pytest.exit(NO_CHROMIUM, returncode=3)


def pytest_configure(config):
    # Decide before any test runs, so a missing browser stops the run at once, loudly.
    config.chromium_path = find_chromium()


@pytest.fixture(scope="session")
def browser(pytestconfig):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=pytestconfig.chromium_path, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def first_view_transfer(browser, url: str) -> dict[str, int]:
    """Open url in a fresh browser context (empty cache), as a phone; return each file the
    first view loads with its size under gzip (level 6, a common server default)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    loaded = []
    page.on("requestfinished", lambda request: loaded.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    sizes = {request.url: len(gzip.compress(request.response().body(), 6)) for request in loaded}
    context.close()
    return sizes


class PageWatch:
    """Records what a page does that it must not: console errors, uncaught exceptions,
    and requests leaving for another host (which are blocked)."""

    def __init__(self):
        self.errors: list[str] = []
        self.outside_requests: list[str] = []
        self.requests: list[str] = []


def is_local(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost")


@pytest.fixture
def watched_page(browser):
    """A fresh browser page with every non-local request blocked and recorded."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch = PageWatch()

    def route(route):
        watch.requests.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            watch.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.watch = watch
    yield page
    context.close()
