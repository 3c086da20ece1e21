"""The _headers parser and matcher (support/headers.py) that the tests' server uses."""

from __future__ import annotations

import pytest

from support.headers import headers_for, parse_headers

EXAMPLE = """# a comment
/*
  X-One: 1
  Content-Security-Policy: default-src 'none'; img-src 'self' data:

/
  Cache-Control: no-cache

/assets/*
    # indented comment
  Cache-Control: public, max-age=60
"""


def test_parses_paths_and_their_headers_keeping_colons_in_values():
    assert parse_headers(EXAMPLE) == [
        ("/*", [("X-One", "1"), ("Content-Security-Policy", "default-src 'none'; img-src 'self' data:")]),
        ("/", [("Cache-Control", "no-cache")]),
        ("/assets/*", [("Cache-Control", "public, max-age=60")]),
    ]


def test_every_matching_block_adds_its_headers():
    rules = parse_headers(EXAMPLE)
    assert [name for name, _ in headers_for(rules, "/assets/x.css")] == [
        "X-One", "Content-Security-Policy", "Cache-Control"]
    assert dict(headers_for(rules, "/"))["Cache-Control"] == "no-cache"
    assert "Cache-Control" not in dict(headers_for(rules, "/index.html"))
    assert headers_for(parse_headers("/exact\n  A: b\n"), "/exact/more") == []


@pytest.mark.parametrize("text", ["  X-Orphan: 1\n", "/\n  no colon here\n"])
def test_malformed_lines_are_refused(text):
    with pytest.raises(ValueError):
        parse_headers(text)
