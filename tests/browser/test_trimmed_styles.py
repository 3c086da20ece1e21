"""Trimming Material's stylesheets (toecramps/stylesheets.py) changes nothing a reader
sees: every element of every page, and of the open search results, has the same computed
style with the trimmed stylesheets as with Material's own, on a phone and a desktop, in
the light and the dark scheme."""

from __future__ import annotations

import re
import shutil

import pytest

from support.browser import DESKTOP, FILLED_AFTER_LOAD, OUR_SCRIPTS_STARTED, PHONE, RENDER_EVERY_BLOCK, search
from support.build import readable_tmpdir
from support.project import PAGES, html_name
from support.serving import serve
from toecramps import material

PROPERTIES = ["display", "visibility", "position", "color", "background-color",
              "background-image", "font-size", "font-weight", "margin", "padding",
              "border", "width", "height", "mask-image", "content", "opacity", "transform"]

STYLES = """properties => {
  const out = [];
  for (const element of document.querySelectorAll("body *")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && style.content === "none") continue;
      out.push(element.tagName + "#" + element.id + (pseudo || "") + " " +
               properties.map(name => style.getPropertyValue(name)).join("|"));
    }
  }
  return out;
}"""


# A stylesheet the build wrote into a page, named by the file it came from.
INLINED = re.compile(r'(<style data-stylesheet="(?P<name>[^"]+)">)(?P<css>.*?)(</style>)', re.S)


@pytest.fixture(scope="module")
def untrimmed_url(site_dir):
    """The same site with Material's own stylesheets, untrimmed, in every page."""
    originals = {path.name: path.read_text(encoding="utf-8")
                 for pattern in material.STYLESHEETS for path in material.templates_dir().glob(pattern)}
    with readable_tmpdir() as folder:
        copy = folder / "site"
        shutil.copytree(site_dir, copy)
        replaced = []
        for page in copy.rglob("*.html"):
            def untrimmed(m: re.Match) -> str:
                if m["name"] not in originals:
                    return m[0]  # ours (site.css), not trimmed
                replaced.append(m["name"])
                return m[1] + originals[m["name"]] + m[4]

            page.write_text(INLINED.sub(untrimmed, page.read_text(encoding="utf-8")), encoding="utf-8")
        assert set(replaced) == set(originals), (
            f"pages hold {sorted(set(replaced))} of Material's {sorted(originals)}: "
            "see postbuild.inline_stylesheets")
        with serve(copy) as url:
            yield url


def styles(browser, url: str, name: str, viewport: dict, scheme: str, query: str = "") -> list[str]:
    # No service worker: what it has saved (shown on the Download page) would differ.
    context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(url + name)
    # Our scripts start once the page has loaded and its first paint is shown: started,
    # loaded, and done filling in.
    page.wait_for_function(OUR_SCRIPTS_STARTED)
    page.wait_for_load_state("networkidle")
    if name in FILLED_AFTER_LOAD:
        page.wait_for_selector(FILLED_AFTER_LOAD[name], state="attached")
    page.evaluate(RENDER_EVERY_BLOCK)  # else heights are still estimates
    # Transitions would catch the two sites at different moments; the styles are the same.
    page.add_style_tag(content="*,*::before,*::after{transition:none!important;animation:none!important}")
    if query:
        search(page, query, typed=False)
        page.locator(".md-search-result__item mark").first.wait_for()
    found = page.evaluate(STYLES, PROPERTIES)
    context.close()
    return found


def assert_same(trimmed: list[str], untrimmed: list[str], where: str) -> None:
    assert len(trimmed) == len(untrimmed), f"{where}: the pages differ"
    changed = [(a, b) for a, b in zip(untrimmed, trimmed, strict=True) if a != b]
    assert not changed, f"{where}: trimming changed {len(changed)} styles, first: {changed[:3]}"


@pytest.mark.parametrize("name", [html_name(p) for p in PAGES])
def test_every_element_looks_the_same_trimmed(browser, site_url, untrimmed_url, name):
    for viewport, scheme in [(PHONE, "light"), (DESKTOP, "dark")]:
        assert_same(styles(browser, site_url, name, viewport, scheme),
                    styles(browser, untrimmed_url, name, viewport, scheme),
                    f"{name} at {viewport['width']} px, {scheme}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_results_look_the_same_trimmed(browser, site_url, untrimmed_url, viewport):
    assert_same(styles(browser, site_url, "causes.html", viewport, "light", "swollen calf"),
                styles(browser, untrimmed_url, "causes.html", viewport, "light", "swollen calf"),
                f"search results at {viewport['width']} px")
