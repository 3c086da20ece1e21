"""Security and caching headers for the built site, in the forms static hosts read.

The last post-build step (postbuild.py): it reads the finished HTML.

The Content-Security-Policy allows scripts and styles only from the site itself plus the
exact inline scripts and styles in the pages (Material's small scripts, ours, and the
stylesheets postbuild.inline_stylesheets writes in), by their SHA-256 hashes. The hashes are
computed here from the finished HTML files, so the policy stays right whenever the
content or the theme changes. Writes:

- site/_headers: Netlify and Cloudflare Pages read it from the published folder.
- site/_nginx/security-headers.conf and site/_nginx/site.conf: an nginx snippet.
- With CSP_META=1 in the environment (for GitHub Pages, which cannot set headers): the
  policy also goes into each page as a <meta> tag, which cannot carry frame-ancestors.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pathlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style>", re.S)
# JSON data blocks are never run, so CSP does not apply to them.
DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
PERMISSIONS = ("accelerometer=(), autoplay=(), browsing-topics=(), camera=(), "
               "display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
               "microphone=(), payment=(), usb=()")
HSTS = "max-age=31536000; includeSubDomains"
CACHE_HASHED = "public, max-age=31536000, immutable"   # the name changes with the content
CACHE_HTML = "no-cache"                                 # always check for a newer page
# The service worker's list of files changes with every build: browsers must always see
# the newest (they check it on every visit).
SERVICE_WORKER = "sw.js"
MAX_HEADER_RULES = 100  # Cloudflare Pages reads no more than this


def inline_hashes(site: pathlib.Path, element: re.Pattern) -> list[str]:
    """The CSP hash of every inline script (element=INLINE_SCRIPT) or style (INLINE_STYLE)
    in the site's pages; JSON data blocks are left out."""
    hashes = set()
    for page in site.rglob("*.html"):
        for attributes, body in element.findall(page.read_text(encoding="utf-8")):
            if body.strip() and not DATA_BLOCK.search(attributes):
                digest = hashlib.sha256(body.encode("utf-8")).digest()
                hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def policy(script_hashes: list[str], style_hashes: list[str], for_meta: bool = False) -> str:
    directives = [
        "default-src 'none'",
        " ".join(["script-src 'self'", *script_hashes]),
        " ".join(["style-src 'self'", *style_hashes]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    if not for_meta:  # a <meta> policy cannot say who may frame the page
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def security_headers(script_hashes: list[str], style_hashes: list[str]) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy(script_hashes, style_hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS,
        # No Cross-Origin-Opener-Policy, on purpose (security review, 25 November 2026).
        # Every value that stops a page which opened ours from keeping a handle on our tab
        # also starts a new browsing-context group. Chromium then starts our page in a new
        # process: in Lighthouse, 60 to 160 ms more blocking time even for plain HTML. On
        # Android it also gives the site a process of its own, on phones short of memory.
        # With no accounts, cookies or personal data here, the header would only stop that
        # opener sending our tab to another site, whose address the address bar then
        # shows. Framing is blocked below and by frame-ancestors. Think again if the site
        # ever has logins, personal data, pop-ups or embeds.
        "X-Frame-Options": "DENY",
        "Strict-Transport-Security": HSTS,
    }


def cache_control(relative: str) -> str | None:
    """Cache-Control for a published file, or None to leave it to the host's default."""
    if relative.endswith(".html") or relative == SERVICE_WORKER:
        return CACHE_HTML
    if HASHED_ASSET.search(relative):
        return CACHE_HASHED
    return None


def published_files(site: pathlib.Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and not p.name.startswith("_") and "_nginx" not in p.parts)


def netlify_headers(site: pathlib.Path, headers: dict[str, str]) -> str:
    """One block for every path, then one Cache-Control per page or hashed asset: hosts
    that merge matching blocks then never see two Cache-Control values."""
    lines = ["# Written by toecramps/headers.py at build time. Do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    rules = 2
    lines += ["", "/", f"  Cache-Control: {CACHE_HTML}"]
    for relative in published_files(site):
        if value := cache_control(relative):
            lines += ["", f"/{relative}", f"  Cache-Control: {value}"]
            rules += 1
    if rules > MAX_HEADER_RULES:
        raise ValueError(f"{rules} _headers rules; Cloudflare Pages reads at most "
                         f"{MAX_HEADER_RULES}. Group pages under a splat rule.")
    return "\n".join(lines) + "\n"


def nginx_files(headers: dict[str, str]) -> dict[str, str]:
    adds = "\n".join(f'add_header {name} "{value}" always;' for name, value in headers.items()
                     if name != "Strict-Transport-Security")
    security = ("# Written by toecramps/headers.py at build time. Do not edit.\n"
                f"{adds}\n"
                "# Send HSTS only from an https server block:\n"
                f'# add_header Strict-Transport-Security "{HSTS}" always;\n')
    # nginx drops server-level add_header lines in a location that adds its own, so each
    # location includes the security headers again.
    site = f"""# Include inside your server {{ }} block; root points at the built site folder.
# Copy security-headers.conf to /etc/nginx/snippets/toe-cramps-security-headers.conf.
# Written by toecramps/headers.py at build time. Do not edit.
location ~ ^/(_headers|_nginx/) {{ return 404; }}
# Quoted: nginx reads braces in an unquoted regex as the start of a block.
location ~ "\\.[0-9a-f]{{8}}\\.min\\.(js|css)$" {{
    include snippets/toe-cramps-security-headers.conf;
    add_header Cache-Control "{CACHE_HASHED}" always;
}}
location ~ (\\.html|/|/sw\\.js)$ {{
    include snippets/toe-cramps-security-headers.conf;
    add_header Cache-Control "{CACHE_HTML}" always;
}}
# Many nginx mime.types lack the web app manifest's type.
location ~ \\.webmanifest$ {{
    include snippets/toe-cramps-security-headers.conf;
    default_type application/manifest+json;
}}
location / {{
    include snippets/toe-cramps-security-headers.conf;
}}
"""
    return {"security-headers.conf": security, "site.conf": site}


def write(site: pathlib.Path) -> None:
    """Write _headers, the nginx snippet and (with CSP_META=1) the meta-tag policy."""
    scripts, styles = inline_hashes(site, INLINE_SCRIPT), inline_hashes(site, INLINE_STYLE)
    headers = security_headers(scripts, styles)
    (site / "_headers").write_text(netlify_headers(site, headers), encoding="utf-8")
    nginx = site / "_nginx"
    nginx.mkdir(exist_ok=True)
    for name, text in nginx_files(headers).items():
        (nginx / name).write_text(text, encoding="utf-8")
    if os.environ.get("CSP_META") == "1":
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles, for_meta=True)}">'
        for page in site.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("<head>", "<head>\n" + meta, 1), encoding="utf-8")
