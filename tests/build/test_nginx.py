"""The site under a real nginx, set up exactly as README and the snippet's comments say
(the snippet in snippets/, site.conf included in the server block): the configuration
passes `nginx -t`, and every response carries the security headers once and the right
Cache-Control. (Pages under nginx in Chromium, with zero policy violations:
tests/browser/test_crawl.py.)"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest

from support import nginx as nginx_support
from support.headers import headers_for, parse_headers
from support.project import PAGES, html_name

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "Permissions-Policy", "X-Frame-Options")


def fetch(url: str):
    """(status, headers as a list of (name, value)) for a GET of url."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, list(response.headers.items())
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items())


def named(headers, name):
    return [value for key, value in headers if key.lower() == name.lower()]


def test_configuration_passes_nginx_t(nginx, site_dir):
    result = nginx_support.check_config(nginx, site_dir)
    assert result.returncode == 0, result.stderr


def test_every_response_has_the_security_headers_once(nginx_url, site_dir):
    expected = dict(headers_for(parse_headers((site_dir / "_headers").read_text()), "/index.html"))
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).relative_to(site_dir)
    paths = ["", *map(html_name, PAGES), str(bundle), "assets/javascripts/sw-register.js",
             "search/search_index.json", "download/toe-cramps-site.zip", "no-such-page.html"]
    problems = []
    for path in paths:
        status, headers = fetch(nginx_url + path)
        for name in SECURITY:
            values = named(headers, name)
            if values != [expected[name]]:
                problems.append(f"/{path} ({status}): {name} is {values}")
        if named(headers, "Strict-Transport-Security"):
            problems.append(f"/{path}: HSTS sent over plain http (the snippet keeps it commented out)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path,cache_control", [
    ("", "no-cache"),
    ("causes.html", "no-cache"),
    ("BUNDLE", "public, max-age=31536000, immutable"),
    ("assets/javascripts/sw-register.js", None),
])
def test_caching_matches_the_headers_file(nginx_url, site_dir, path, cache_control):
    """nginx sends what _headers says: pages revalidate, files named by their content
    (Material's, renamed after the build rewrote them) cache for a year, the rest is left
    to the server."""
    path = {"BUNDLE": next(site_dir.glob("assets/javascripts/bundle.*.min.js"))}.get(path, path)
    if not isinstance(path, str):
        path = path.relative_to(site_dir).as_posix()
    status, headers = fetch(nginx_url + path)
    assert status == 200, path
    rules = parse_headers((site_dir / "_headers").read_text())
    from_file = named(headers_for(rules, "/" + path), "Cache-Control")
    assert named(headers, "Cache-Control") == ([cache_control] if cache_control else []) == from_file


@pytest.mark.parametrize("path", ["_headers", "_nginx/site.conf", "_nginx/security-headers.conf"])
def test_server_settings_are_not_served(nginx_url, path):
    status, _ = fetch(nginx_url + path)
    assert status == 404, f"/{path} is served ({status})"


def test_nginx_starts_on_another_port_when_its_port_was_taken(nginx, site_dir, monkeypatch):
    """The port is found free, then bound by nginx: a parallel worker may take it first."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        taken_port = taken.getsockname()[1]
        ports = iter([taken_port, nginx_support._free_port()])
        monkeypatch.setattr(nginx_support, "_free_port", lambda: next(ports))
        with nginx_support.run(nginx, site_dir) as url:
            status, _ = fetch(url + "index.html")
    assert status == 200 and f":{taken_port}/" not in url
