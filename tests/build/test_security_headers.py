"""The security and caching headers the build writes for Netlify and Cloudflare Pages
(site/_headers), and the <meta> policy for hosts that cannot send headers. (nginx:
tests/build/test_nginx.py. Pages served with these headers in Chromium, with zero
policy violations: tests/browser/test_crawl.py.)"""

from __future__ import annotations

import base64
import hashlib

import pytest

from support.build import build
from support.headers import headers_for, parse_headers

REQUIRED = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "Permissions-Policy", "Strict-Transport-Security", "Cache-Control")


@pytest.fixture(scope="module")
def rules(site_dir):
    return parse_headers((site_dir / "_headers").read_text(encoding="utf-8"))


def test_headers_file_sets_the_security_headers_once_per_response(site_dir, rules):
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).name
    for path in ["/index.html", f"/assets/javascripts/{bundle}", "/"]:
        names = [name for name, _ in headers_for(rules, path)]
        for required in REQUIRED:
            assert names.count(required) == 1, f"{path}: {required} x{names.count(required)}"
        # Left out on purpose: it makes Chromium start each page in a new process, for
        # nothing this site needs. The reasons: toecramps/headers.py, security_headers.
        assert "Cross-Origin-Opener-Policy" not in names, (
            f"{path} sends Cross-Origin-Opener-Policy, left out on purpose: see toecramps/headers.py")
    policy = dict(headers_for(rules, "/index.html"))["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_hashed_assets_cache_long_and_pages_revalidate(site_dir, rules):
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).name
    # The build rewrites the bundle, then names it by its new content: safe to keep.
    assert "immutable" in dict(headers_for(rules, f"/assets/javascripts/{bundle}"))["Cache-Control"]
    assert dict(headers_for(rules, "/causes.html"))["Cache-Control"] == "no-cache"
    assert "immutable" not in dict(headers_for(rules, "/assets/javascripts/sw-register.js")).get(
        "Cache-Control", "")


def test_meta_policy_fallback_for_hosts_without_headers(project):
    result = build(project, project / "site", env={"CSP_META": "1"})
    assert result.ok, result
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in page
    assert "frame-ancestors" not in page.split("Content-Security-Policy")[1].split(">")[0]


def test_the_pages_inlined_styles_are_allowed_by_their_hashes_only(site_soups, rules):
    """Pages carry their stylesheets (postbuild.inline_stylesheets); the policy names each
    by its hash, so an injected style would still be refused."""
    policy = dict(headers_for(rules, "/index.html"))["Content-Security-Policy"]
    style_src = next(d for d in policy.split("; ") if d.startswith("style-src ")).split()
    missing = []
    for page, soup in site_soups.items():
        assert not soup.select("link[rel=stylesheet]"), f"{page} still links a stylesheet"
        for style in soup.find_all("style"):
            digest = base64.b64encode(hashlib.sha256(style.string.encode()).digest()).decode()
            if f"'sha256-{digest}'" not in style_src:
                missing.append(f"{page}: {style.get('data-stylesheet')}")
    assert not missing, f"inline styles the policy does not allow: {missing}"
    assert "'unsafe-inline'" not in style_src
