"""No script competes with the first paint: the only script a page runs by itself is
start-scripts.js, deferred; every other script tag is inert until it starts them, Material's
on the reader's first interaction and ours once the page has loaded (toecramps/material.py)."""

from __future__ import annotations

import pytest

from support.project import PAGES, html_name


@pytest.mark.parametrize("page", PAGES)
def test_only_the_deferred_starter_runs_by_itself(soups, page):
    running = soups[page].select("script[src]")
    assert [tag["src"].rsplit("/", 1)[-1] for tag in running] == ["start-scripts.js"], (
        f"{html_name(page)}: scripts that run by themselves: {[tag['src'] for tag in running]}")
    assert running[0].has_attr("defer")


@pytest.mark.parametrize("page", PAGES)
def test_materials_scripts_wait_for_interaction_and_ours_for_load(soups, page):
    inert = {tag["data-src"].rsplit("/", 1)[-1]: tag["data-start"]
             for tag in soups[page].select('script[type="text/plain"][data-src]')}
    bundle = [name for name in inert if name.startswith("bundle.")]
    assert bundle and inert[bundle[0]] == "interaction", f"{html_name(page)}: {inert}"
    assert inert["iframe-worker-1.0.4-shim.js"] == "interaction"
    assert inert["review-status.js"] == "load"
