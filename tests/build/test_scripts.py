"""No script competes with the first paint: a page runs by itself only small inline
scripts that settle what it shows (Material's few lines, first-paint.html in the head,
header-controls.html after the header) and the starter (start-scripts.js) written into the
end of the page; every other script tag is inert until the starter starts it, Material's
on the reader's first interaction and ours once the page has loaded and painted
(toecramps/material.py)."""

from __future__ import annotations

import pathlib
import re

import pytest

from support.project import PAGES, ROOT, html_name
from toecramps import material

STARTER = material.without_comments(
    (ROOT / "docs/assets/javascripts/start-scripts.js").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES)
def test_no_script_is_fetched_before_the_first_paint(soups, page):
    fetched = [tag["src"] for tag in soups[page].select("script[src]")]
    assert not fetched, f"{html_name(page)}: scripts fetched by themselves: {fetched}"
    scripts = soups[page].body.find_all("script")
    starters = [tag for tag in scripts if tag.string and tag.string.strip() == STARTER]
    assert len(starters) == 1, f"{html_name(page)}: the starter is not written into the page once"


def test_the_starters_own_file_is_not_published(site_dir):
    assert not pathlib.Path(site_dir, "assets/javascripts/start-scripts.js").exists()


@pytest.mark.parametrize("page", PAGES)
def test_materials_scripts_wait_for_interaction_and_ours_for_load(soups, page):
    inert = {tag["data-src"].rsplit("/", 1)[-1]: tag["data-start"]
             for tag in soups[page].select('script[type="text/plain"][data-src]')}
    bundle = [name for name in inert if name.startswith("bundle.")]
    assert bundle and inert[bundle[0]] == "interaction", f"{html_name(page)}: {inert}"
    assert inert["iframe-worker-1.0.4-shim.js"] == "interaction"
    assert inert["sw-register.js"] == "load"


@pytest.mark.parametrize("page", PAGES)
def test_no_script_splits_the_text(soups, page):
    """A script inside the text lets the browser paint the part above it before the rest,
    which then moves (content-visibility blocks render late): scripts go in the head or
    after the text (overrides/main.html)."""
    inside = [str(tag)[:80] for tag in soups[page].select("article script")]
    assert not inside, f"{html_name(page)}: scripts inside the text: {inside}"


def test_template_partials_are_not_published(site_dir):
    """Theme folders are copied to the site except their .html files: a partial in any
    other file would be published, and saved with the offline copy."""
    published = sorted(str(path.relative_to(site_dir)) for path in site_dir.glob("partials/**/*"))
    assert not published, f"template partials published as files: {published}"


# A /* comment */, or a // comment after a statement or on a line of its own.
COMMENT = re.compile(r"/\*|(?:^|[;{}])\s*//", re.M)
JAVASCRIPT = {"", "text/javascript", "module"}


@pytest.mark.parametrize("page", PAGES)
def test_scripts_written_into_pages_carry_no_comments(soups, page):
    """Every page carries its inline scripts: comments there are bytes each reader
    downloads and the browser reads, for nothing."""
    scripts = [tag.string for tag in soups[page].find_all("script")
               if tag.string and tag.get("type", "text/javascript") in JAVASCRIPT]
    comments = [script[max(0, found.start() - 30):found.end() + 30]
                for script in scripts for found in COMMENT.finditer(script)]
    assert not comments, f"{html_name(page)}: comments in inline scripts: {comments}"


MENUS_READ = "#menus-read"  # overrides/main.html: the mark after the menus


@pytest.mark.parametrize("page", PAGES)
def test_the_first_paint_waits_for_the_menus_beside_the_text(soups, page):
    """A browser may paint a page it has read only in part: a menu painted half-read grew as
    the rest arrived, and moved. The paint waits for a mark after both menus, before the
    text (tests/browser/test_rendering_on_demand.py shows it in Chromium)."""
    links = soups[page].select(f'link[rel="expect"][href="{MENUS_READ}"][blocking="render"]')
    assert len(links) == 1, f"{html_name(page)}: the first paint does not wait for the menus"
    mark = soups[page].find(id=MENUS_READ.removeprefix("#"))
    assert mark is not None, f"{html_name(page)}: no element {MENUS_READ} to wait for"
    assert mark.find_previous(class_="md-sidebar") and not mark.find_next(class_="md-sidebar"), (
        f"{html_name(page)}: {MENUS_READ} is not after the menus")
    assert mark.find_next("article"), f"{html_name(page)}: {MENUS_READ} is after the text"


@pytest.mark.parametrize("page", PAGES)
def test_only_a_page_with_tabs_carries_the_tab_scripts(soups, page):
    """Material writes its tabbed-content scripts after every article, where each stops the
    browser's reading of the page; overrides/partials/javascripts/content.html keeps them
    to pages with tabs."""
    tabs = bool(soups[page].select(".tabbed-set"))
    tab_scripts = [tag for tag in soups[page].find_all("script") if "__tabbed_" in (tag.string or "")]
    assert bool(tab_scripts) == tabs, f"{html_name(page)}: tabs {tabs}, tab scripts {len(tab_scripts)}"


FIRST_SCREEN_READ = "#first-screen-read"  # toecramps/extensions/first_screen.py


@pytest.mark.parametrize("page", PAGES)
def test_the_first_paint_waits_for_the_first_screen_of_text(soups, page):
    """The paint waits for a mark after the page's first blocks, so a table there is
    painted whole and a phone has laid out its first screen before it paints. The mark
    sits between blocks in the text, after every table marked as on the first screen."""
    links = soups[page].select(f'link[rel="expect"][href="{FIRST_SCREEN_READ}"][blocking="render"]')
    mark = soups[page].find(id=FIRST_SCREEN_READ.removeprefix("#"))
    assert mark is not None and len(links) == 1, (
        f"{html_name(page)}: {len(links)} links wait for {FIRST_SCREEN_READ}, and the mark is {mark}")
    assert mark.parent.name == "article" or "print-card" in mark.parent.get("class", []), (
        f"{html_name(page)}: {FIRST_SCREEN_READ} is inside a block, not between blocks")
    assert not mark.find_all_next("table", attrs={"data-first-screen": True}), (
        f"{html_name(page)}: a table marked as on the first screen comes after {FIRST_SCREEN_READ}")


# A link that a script adds (partials/javascripts/copy-buttons.html), and what it waits for.
ADDED_EXPECT = re.compile(r'\.rel = "expect";\s*\w+\.href = "#([\w-]+)"')


@pytest.mark.parametrize("page", PAGES)
def test_the_first_paint_waits_until_a_script_has_run_not_only_been_read(soups, page):
    """<link rel=expect blocking=render> holds the first paint until an element has been
    parsed. A script counts as parsed just before it runs, so Chrome could paint without
    what it writes in: the paint waits for a mark that follows it. On For clinics the link
    is added by the head script, only where the addresses change
    (tests/browser/test_copy_addresses.py shows both cases in Chromium)."""
    waited_for = [link["href"].removeprefix("#") for link in soups[page].select('link[rel="expect"]')
                  if link["href"] not in (MENUS_READ, FIRST_SCREEN_READ)]
    waited_for += [mark for script in soups[page].head.find_all("script") if script.string
                   for mark in ADDED_EXPECT.findall(script.string)]
    if soups[page].select(".copy-button"):
        assert waited_for, f"{html_name(page)}: its addresses are rewritten, and the paint never waits"
    for mark in waited_for:
        target = soups[page].find(id=mark)
        assert target is not None, f"{html_name(page)}: no element #{mark} to wait for"
        assert target.name != "script", (
            f"{html_name(page)}: the first paint waits for script #{mark}, which "
            "counts as parsed before it has run; wait for a mark after it")
        script = target.find_previous_sibling()
        assert script is not None and script.name == "script", (
            f"{html_name(page)}: the first paint waits for #{mark}, which does not "
            "follow the script it waits for")
