"""Every page paints before any script runs: each external script is deferred (or async),
whatever Material writes (the post-build step defers them; see toecramps/material.py)."""

from __future__ import annotations

import pytest

from support.project import PAGES, html_name


@pytest.mark.parametrize("page", PAGES)
def test_every_external_script_is_deferred(soups, page):
    scripts = soups[page].select("script[src]")
    assert scripts, f"{html_name(page)}: no scripts at all (has Material changed?)"
    blocking = [tag["src"] for tag in scripts if not tag.has_attr("defer") and not tag.has_attr("async")]
    assert not blocking, f"{html_name(page)}: scripts that block the first paint: {blocking}"
