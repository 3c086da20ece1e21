"""Nothing in the built site loads from another host: no CDN, fonts, analytics or remote
images. Links a reader clicks (sources) are fine; resources a page loads are not.
(What pages really request, store and set in a browser: tests/browser/test_crawl.py.)"""

from __future__ import annotations

import pathlib
import re
import urllib.parse

import pytest

from support.project import ROOT

# Attributes through which HTML loads something by itself, without a click.
LOADING_ATTRIBUTES = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
    "audio": ["src"], "video": ["src", "poster"], "embed": ["src"], "object": ["data"],
    "track": ["src"], "input": ["src"],
}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                     "manifest", "apple-touch-icon", "dns-prefetch", "preconnect"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")
# In JavaScript, a URL a script could load: one naming a CDN, or a script, style, font or
# image file. Other URLs in scripts are licence comments, namespaces, or (in the search
# index) the addresses of our sources, which readers click but pages never load. Links to
# code on github.com in Material's comments name files, not things to load.
JS_RESOURCE_URL = re.compile(
    r"""(?:https?:)?//[^\s"'`)]*(?:unpkg|jsdelivr|cdnjs|googleapis|gstatic|cloudflare)[^\s"'`)]*"""
    r"""|https?://(?!github\.com/)[^\s"'`)]+\.(?:m?js|css|woff2?|ttf|otf|eot|png|jpe?g|gif|webp|avif|svg)\b"""
)


def is_remote(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urllib.parse.urlsplit(url).scheme in ("http", "https")


def site_files(site_dir, suffix):
    return sorted(site_dir.rglob(f"*{suffix}"))


def test_html_loads_nothing_from_another_host(site_soups):
    problems = []
    for name, soup in site_soups.items():
        path = pathlib.PurePosixPath(name)
        for tag, attributes in LOADING_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                for attribute in attributes:
                    for url in (element.get(attribute) or "").split(","):
                        if url and is_remote(url.split()[0]):
                            problems.append(f"{path.name}: <{tag} {attribute}={url.strip()}>")
        for link in soup.find_all("link", href=True):
            if LOADING_LINK_RELS & set(link.get("rel") or []) and is_remote(link["href"]):
                problems.append(f"{path.name}: <link rel={link.get('rel')} href={link['href']}>")
        for styled in soup.find_all(style=True):
            problems += [f"{path.name}: style url {u}" for u in CSS_URL.findall(styled["style"])
                         if is_remote(u)]
        for style in soup.find_all("style"):
            problems += [f"{path.name}: <style> url {u}" for u in CSS_URL.findall(style.get_text())
                         if is_remote(u)]
    assert not problems, "remote resources in HTML:\n" + "\n".join(problems)


def urls_in_files(site_dir, suffix: str, pattern, *, remote_only: bool) -> list[str]:
    """Each address pattern finds in the built files of one kind, as file: address."""
    return [
        f"{path.relative_to(site_dir)}: {url}"
        for path in site_files(site_dir, suffix)
        for url in pattern.findall(path.read_text(encoding="utf-8"))
        if not remote_only or is_remote(url)
    ]


def test_css_loads_nothing_from_another_host(site_dir):
    problems = urls_in_files(site_dir, ".css", CSS_URL, remote_only=True)
    assert not problems, "remote resources in CSS:\n" + "\n".join(problems)


def test_javascript_loads_nothing_from_another_host(site_dir):
    problems = urls_in_files(site_dir, ".js", JS_RESOURCE_URL, remote_only=False)
    assert not problems, "JavaScript that could load from another host:\n" + "\n".join(problems)


def test_no_repo_url_so_material_never_calls_github():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^repo_url:", config, re.M), "repo_url makes Material call api.github.com"


def test_no_source_maps_are_published(site_dir):
    maps = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.map")]
    assert not maps, f"source maps in the built site: {maps}"


@pytest.mark.parametrize("needle", ["googletagmanager", "google-analytics", "fonts.googleapis",
                                    "fonts.gstatic", "unpkg.com", "cdn.jsdelivr"])
def test_no_known_tracker_or_cdn_is_mentioned(site_dir, needle):
    found = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*")
             if p.suffix in (".html", ".js", ".css") and needle in p.read_text(encoding="utf-8")]
    assert not found, f"{needle} appears in {found}"


def test_about_page_states_the_privacy_promise(soups):
    text = soups["about.md"].select_one("#privacy").find_next("ul").get_text(" ")
    assert "No tracking" in text and "No cookies" in text
