"""Is the site built for the address it is published at?

Canonical links, link previews, the sitemap, the QR codes on printed pages and handouts,
and the copy-ready addresses on For clinics all start with site_url (mkdocs.yml, set by
SITE_URL). Left at the placeholder, every one of them is dead once published.

- `make site` (the MkDocs hook) prints a notice, not a warning: the build is strict, and a
  local or test build on the placeholder is fine.
- The publishing workflow runs `python3 -m toecramps.publishing` before it builds, which
  fails when SITE_URL is unset, empty or the placeholder. Standard library only, so it
  runs before any dependency is installed.
"""

from __future__ import annotations

import os
import sys
import urllib.parse

PLACEHOLDER_HOST = "toe-cramps-guide.example"
HOW_TO_SET = ("Set the address you publish at: SITE_URL=https://your.domain/path/ make site "
              "(or site_url in mkdocs.yml). See README, Publishing.")


def site_url_problem(site_url: str | None) -> str | None:
    """Why site_url cannot be published as it is, or None when it can."""
    address = (site_url or "").strip()
    if not address:
        return "SITE_URL is not set. " + HOW_TO_SET
    parts = urllib.parse.urlsplit(address)
    if parts.hostname == PLACEHOLDER_HOST:
        return (f"site_url is still the placeholder {address} (mkdocs.yml), so links, QR "
                f"codes and copy-ready addresses would point nowhere. {HOW_TO_SET}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITE_URL {address!r} is not an http(s) address. {HOW_TO_SET}"
    return None


def main() -> int:
    problem = site_url_problem(os.environ.get("SITE_URL"))
    if problem:
        print(f"Not publishing: {problem}", file=sys.stderr)
        return 1
    print(f"Publishing for {os.environ['SITE_URL'].strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
