"""The Netlify/Cloudflare Pages _headers format: a path line, then indented headers."""

from __future__ import annotations

Rules = list[tuple[str, list[tuple[str, str]]]]


def parse_headers(text: str) -> Rules:
    rules: Rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
            continue
        name, colon, value = line.strip().partition(":")
        if not rules or not colon or not name.strip():
            raise ValueError(f"_headers line {number}: {line!r} is not 'Name: value' under a path")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules: Rules, path: str) -> list[tuple[str, str]]:
    """The headers a host reading _headers sends for path: every matching block's.
    A pattern matches itself, or, ending in *, every path that starts like it."""
    found = []
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            found += headers
    return found
