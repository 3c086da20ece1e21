"""The post-build step: what happens to the built site folder, in the order of STEPS.

Run by MkDocs through toecramps/mkdocs_hook.py (`on_post_build`), or on its own after
any engine has built the site:

    python -m toecramps.postbuild site/

Each step is one function. The order is STEPS, and it matters: pages and the bundle
are finished before the zip copies them; the zip is made before the headers step, whose
files and meta tags it must not hold; the service worker's list of files hashes the
finished Download page, which the zip step fills in; the headers step hashes the finished pages' inline
scripts and styles, so it is last.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pathlib
import re
import shutil
import sys
from collections.abc import Callable

from toecramps import bibliography, frontmatter, headers, material, offline, pages, search, serviceworker, stylesheets


def _rewrite_pages(site: pathlib.Path, finish: Callable[[str], str]) -> int:
    """Apply finish to every HTML page; return how many pages it changed."""
    changed = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        finished = finish(text)
        if finished != text:
            path.write_text(finished, encoding="utf-8")
            changed += 1
    return changed


def remove_source_maps(site: pathlib.Path, project: pathlib.Path) -> None:
    """Readers never need source maps, and they would only grow the offline zip."""
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for asset in [*site.rglob("*.js"), *site.rglob("*.css")]:
        text = asset.read_text(encoding="utf-8")
        cleaned = material.strip_source_map_comment(text)
        if cleaned != text:
            asset.write_text(cleaned, encoding="utf-8")


def patch_material_bundle(site: pathlib.Path, project: pathlib.Path) -> None:
    """Search loads on first use; nothing is fetched from a CDN (see material.py)."""
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise material.MaterialChanged("Material's bundle.*.min.js was not built")
    for bundle in bundles:
        bundle.write_text(material.patch_bundle(bundle.read_text(encoding="utf-8")),
                          encoding="utf-8")


def search_index(site: pathlib.Path, project: pathlib.Path) -> None:
    """Our search: warning signs and other words added to the index; every page starts
    our worker; Material's lunr worker, now unused, is not shipped (see search.py)."""
    search.write_index(site, project)
    if _rewrite_pages(site, material.use_our_search_worker) == 0:
        raise material.MaterialChanged("no page names Material's search worker: has Material "
                                       "changed its configuration? See MATERIAL_SEARCH_WORKER")
    for folder in material.MATERIAL_SEARCH_FILES:
        shutil.rmtree(site / folder, ignore_errors=True)


def trim_stylesheets(site: pathlib.Path, project: pathlib.Path) -> None:
    """Material's stylesheets without the rules no page or script can use (stylesheets.py):
    less for a phone to download before the first paint."""
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    scripts = [path.read_text(encoding="utf-8") for path in site.rglob("*.js")
               if path.parent.name != "search"]  # the search index is data, not a script
    used = stylesheets.used_classes(pages, scripts)
    inline_styles = " ".join(re.findall(r'style="([^"]*)"', " ".join(pages)))
    theirs = [path for pattern in material.STYLESHEETS for path in site.glob(pattern)]
    if not theirs:
        raise material.MaterialChanged("Material's stylesheets were not built: see "
                                       "STYLESHEETS in toecramps/material.py")
    ours = " ".join(path.read_text(encoding="utf-8") for path in site.rglob("*.css")
                    if path not in theirs)
    texts = {path: path.read_text(encoding="utf-8") for path in theirs}
    for path, text in texts.items():
        others = " ".join(t for p, t in texts.items() if p != path)
        path.write_text(stylesheets.trim(text, used, f"{others} {ours} {inline_styles}"),
                        encoding="utf-8")


def inline_stylesheets(site: pathlib.Path, project: pathlib.Path) -> None:
    """Each page carries its stylesheets in <style> elements: a phone can show the words
    after the page's one request, not after three more round trips (make bench: LCP 1.3 to
    1.6 s with the links, against 0.9 to 1.1 s for the same page with its CSS inlined). The
    trimmed stylesheets are about 15 KB with gzip on each page; the files are then unused.
    A rule for the dark scheme outside @media screen stops the build: printouts keep dark ink."""
    inlined: dict[pathlib.Path, str] = {}

    def from_root(href: str) -> pathlib.Path:
        """/assets/x.css, or /guide/assets/x.css when the site is published in a folder
        (the 404 page's links start at the server's root)."""
        parts = href.lstrip("/").split("/")
        for start in range(len(parts)):
            if (candidate := site.joinpath(*parts[start:])).is_file():
                return candidate
        return site / href.lstrip("/")

    def read(page: pathlib.Path, href: str) -> str:
        path = (from_root(href) if href.startswith("/") else page.parent / href).resolve()
        if not path.is_relative_to(site.resolve()):  # it is deleted once inlined
            raise ValueError(f"{page.relative_to(site)} links the stylesheet {href}, "
                             "outside the built site")
        if not path.is_file():
            raise ValueError(f"{page.relative_to(site)} links the stylesheet {href}, "
                             "which was not built (extra_css in mkdocs.yml?)")
        if path not in inlined:
            text = path.read_text(encoding="utf-8")
            text = text if path.name.endswith(".min.css") else stylesheets.minify(text)
            if off_screen := stylesheets.dark_scheme_rules_off_screen(text):
                # Every such rule, so one build names all an author has to move.
                raise ValueError(f"{path.relative_to(site)}: {len(off_screen)} selector(s) for the "
                                 "dark scheme outside @media screen would print pale ink on paper; put "
                                 "them inside @media screen: " + "; ".join(off_screen))
            inlined[path] = text
        return inlined[path]

    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        finished = stylesheets.inline_links(text, lambda href, page=page: read(page, href))
        if finished != text:
            page.write_text(finished, encoding="utf-8")
    for path in inlined:
        path.unlink()
        if not any(path.parent.iterdir()):
            path.parent.rmdir()


def rename_rewritten_assets(site: pathlib.Path, project: pathlib.Path) -> None:
    """Material's bundle, rewritten by the steps above, gets a name from its new content,
    so a browser may keep it for a year and still never runs a stale copy. Pages are
    pointed at the new name."""
    renamed = {}
    for pattern in material.REWRITTEN_ASSETS:
        for path in site.glob(pattern):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
            new_name = material.CONTENT_HASH.sub(f".{digest}.min.", path.name)
            if new_name != path.name:
                path.rename(path.with_name(new_name))
                renamed[path.name] = new_name
    if not renamed:
        return
    names = re.compile("|".join(re.escape(name) for name in renamed))
    _rewrite_pages(site, lambda page: names.sub(lambda m: renamed[m[0]], page))


def long_dates(site: pathlib.Path, project: pathlib.Path) -> None:
    _rewrite_pages(site, pages.long_dates)


def overdue_notices(site: pathlib.Path, project: pathlib.Path) -> None:
    today = frontmatter.today()  # SOURCE_DATE_EPOCH when set
    _rewrite_pages(site, lambda page: pages.overdue_notice(page, today))


def skip_links(site: pathlib.Path, project: pathlib.Path) -> None:
    """"Skip to content" leads to the link to the warning signs (pages.py)."""
    if _rewrite_pages(site, pages.skip_to_help_link) == 0:
        raise material.MaterialChanged("no page's skip link leads to its link to the warning "
                                       "signs: has overrides/main.html lost id=\"help-link\", or "
                                       "has Material changed its skip link (pages.SKIP_LINK)?")


def qr_codes(site: pathlib.Path, project: pathlib.Path) -> None:
    _rewrite_pages(site, pages.qr_code)


def structured_data(site: pathlib.Path, project: pathlib.Path) -> None:
    path = project / bibliography.BIBLIOGRAPHY_FILE
    entries, _ = bibliography.load(str(path), os.path.getmtime(path))
    home = (site / "index.html").read_text(encoding="utf-8")
    site_name = re.search(r'<meta property="og:site_name" content="([^"]*)"', home)[1]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)  # none without site_url
    site_url = canonical[1].removesuffix("index.html") if canonical else ""
    _rewrite_pages(site, lambda page: pages.structured_data(
        page, entries=entries, site_name=site_name, site_url=site_url))


def start_scripts_later(site: pathlib.Path, project: pathlib.Path) -> None:
    """No script competes with the first paint: start-scripts.js, written into each page,
    starts them later. Its file is then unused."""
    starter_file = site / material.SCRIPT_STARTER
    starter = material.without_comments(starter_file.read_text(encoding="utf-8"))
    if _rewrite_pages(site, lambda page: material.start_scripts_later_in_page(page, starter)) == 0:
        raise material.MaterialChanged("no page had a script to start later: has Material "
                                       "changed how it writes its script tags?")
    starter_file.unlink()


def publish_bibliography(site: pathlib.Path, project: pathlib.Path) -> None:
    """references.bib, for readers' reference managers."""
    shutil.copy2(project / bibliography.BIBLIOGRAPHY_FILE, site / bibliography.BIBLIOGRAPHY_FILE)


def offline_zip(site: pathlib.Path, project: pathlib.Path) -> None:
    offline.write_zip(site)


def service_worker(site: pathlib.Path, project: pathlib.Path) -> None:
    """sw.js gets the list of files a phone can save, each with a hash of its content."""
    serviceworker.write(site)


def security_headers(site: pathlib.Path, project: pathlib.Path) -> None:
    headers.write(site)


STEPS = (
    long_dates,
    overdue_notices,
    skip_links,
    qr_codes,
    structured_data,
    start_scripts_later,
    remove_source_maps,
    patch_material_bundle,
    search_index,
    trim_stylesheets,  # after every step that adds to pages or scripts
    inline_stylesheets,  # after trimming; before the headers step hashes the styles
    rename_rewritten_assets,  # after every step that rewrites Material's files
    publish_bibliography,
    offline_zip,
    service_worker,  # after the zip, which finishes the Download page it hashes
    security_headers,  # last: it hashes the finished pages' inline scripts and styles
)


STARTED_MARKER = "_postbuild-started"  # removed when every step has run


class AlreadyProcessed(Exception):
    pass


def run(site: pathlib.Path, project: pathlib.Path, skip: tuple[str, ...] = ()) -> None:
    """Every step, in order, on a freshly built site folder. skip names steps to leave
    out (for another engine's theme, which our Material patches do not fit)."""
    unknown = set(skip) - {step.__name__ for step in STEPS}
    if unknown:
        raise ValueError(f"no post-build step named {', '.join(sorted(unknown))}")
    # The steps add to pages, so they must not run twice on one folder: _headers is
    # written by the last step, and the marker stays behind from a run that failed part way.
    started = site / STARTED_MARKER
    if started.exists() or (site / "_headers").exists():
        raise AlreadyProcessed(f"{site} has been post-processed already; build it again first")
    started.write_text("toecramps.postbuild is running, or failed, on this folder\n",
                       encoding="utf-8")
    for step in STEPS:
        if step.__name__ not in skip:
            step(site, project)
    started.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=pathlib.Path, help="the built site folder")
    parser.add_argument("--project", type=pathlib.Path, default=pathlib.Path.cwd(),
                        help="the folder with references.bib (default: this folder)")
    parser.add_argument("--skip", action="append", default=[], metavar="STEP",
                        help="leave out a step (repeatable): " + ", ".join(s.__name__ for s in STEPS))
    arguments = parser.parse_args(argv)
    try:
        run(arguments.site, arguments.project, tuple(arguments.skip))
    except (AlreadyProcessed, material.MaterialChanged, offline.DownloadPageError,
            serviceworker.ServiceWorkerError, ValueError) as error:
        print(f"postbuild: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
