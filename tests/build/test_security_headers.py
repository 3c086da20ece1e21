"""The site served with exactly the headers the build writes (site/_headers): every page
loads with zero Content-Security-Policy violations, search works, and pages look the
same as without the headers."""

from __future__ import annotations

import pytest

from conftest import PAGES, build_site, copy_project, headers_for, html_name, read_headers_file, serve
from test_browser import search

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} in ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="module")
def secure_url(site_dir):
    with serve(site_dir, with_headers=True) as url:
        yield url


def test_headers_file_sets_the_security_headers_once_per_response(site_dir):
    rules = read_headers_file(site_dir / "_headers")
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).name
    for path in ["/index.html", f"/assets/javascripts/{bundle}", "/"]:
        names = [name for name, _ in headers_for(rules, path)]
        for required in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                         "Permissions-Policy", "Strict-Transport-Security", "Cache-Control"):
            assert names.count(required) == 1, f"{path}: {required} x{names.count(required)}"
    policy = dict(headers_for(rules, "/index.html"))["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_hashed_assets_cache_long_and_pages_revalidate(site_dir):
    rules = read_headers_file(site_dir / "_headers")
    css = next(site_dir.glob("assets/stylesheets/main.*.min.css")).name
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).name
    assert "immutable" in dict(headers_for(rules, f"/assets/stylesheets/{css}"))["Cache-Control"]
    # Our hooks rewrite the bundle without renaming it, so it must not be cached for ever.
    assert "immutable" not in dict(headers_for(rules, f"/assets/javascripts/{bundle}"))["Cache-Control"]
    assert dict(headers_for(rules, "/causes.html"))["Cache-Control"] == "no-cache"
    assert "immutable" not in dict(headers_for(rules, "/assets/stylesheets/site.css")).get(
        "Cache-Control", "")


def test_headers_file_stays_within_cloudflare_pages_rule_limit(site_dir):
    rules = read_headers_file(site_dir / "_headers")
    assert len(rules) <= 100, f"{len(rules)} rules; Cloudflare Pages reads at most 100"


def test_every_page_loads_with_no_policy_violation(watched_page, secure_url):
    page = watched_page
    page.add_init_script(RECORD_VIOLATIONS)
    violations = []
    for name in PAGES:
        response = page.goto(secure_url + html_name(name))
        assert response.headers.get("content-security-policy"), f"{name}: served without the policy"
        page.wait_for_load_state("networkidle")
        violations += [f"{name}: {v}" for v in page.evaluate("window.__csp")]
    csp_console = [e for e in page.watch.errors if "Content Security Policy" in e]
    assert not violations and not csp_console, violations + csp_console


def test_search_works_under_the_policy(watched_page, secure_url):
    page = watched_page
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(secure_url + "index.html")
    assert search(page, "dehydration").count() >= 1
    assert page.evaluate("window.__csp") == []


def test_pages_look_the_same_with_and_without_the_headers(browser, site_url, secure_url):
    shots = []
    for url in (site_url, secure_url):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "when-to-get-help.html")
        page.wait_for_load_state("networkidle")
        shots.append(page.screenshot(full_page=True))
        page.close()
    assert shots[0] == shots[1], "the page renders differently under the security headers"


def test_meta_policy_fallback_for_hosts_without_headers(tmp_path, monkeypatch):
    monkeypatch.setenv("CSP_META", "1")
    project = copy_project(tmp_path / "project")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in page
    assert "frame-ancestors" not in page.split("Content-Security-Policy")[1].split(">")[0]


def test_an_unhashed_inline_script_would_be_caught(browser, site_dir):
    """Guard: the listener really reports violations under this policy."""
    from conftest import readable_tmpdir

    with readable_tmpdir() as folder:
        (folder / "_headers").write_text((site_dir / "_headers").read_text())
        (folder / "index.html").write_text("<html><body><script>document.title='x'</script></body></html>")
        with serve(folder, with_headers=True) as url:
            page = browser.new_page()
            page.add_init_script(RECORD_VIOLATIONS)
            page.goto(url + "index.html")
            caught = page.evaluate("window.__csp")
            page.close()
    assert caught and "script-src" in caught[0], caught
