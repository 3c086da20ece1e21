"""An in-process link and #anchor checker for a built site: it parses each HTML file once,
then checks every link, stylesheet, script, image and CSS url() that stays in the site.
(linkchecker does the same but re-reads a page for every #anchor link to it: minutes on
this site. It stays for `make check-external`; see linkchecker.py.)"""

from __future__ import annotations

import dataclasses
import pathlib
import posixpath
import re
import urllib.parse

from bs4 import BeautifulSoup

# (tag, attribute) pairs through which a page links to or loads another file.
LINKING = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
           ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("iframe", "src"),
           ("use", "href"), ("image", "href")]
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)""")
REFRESH_URL = re.compile(r"url=([^\"'>;]+)", re.I)


@dataclasses.dataclass
class Report:
    problems: list[str]
    reached: set[str]  # site-relative paths of the pages reached from the start page
    links_checked: int


def _is_outside(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith(("//", "mailto:", "tel:"))


def _urls(soup: BeautifulSoup) -> list[str]:
    urls = []
    for tag, attribute in LINKING:
        for element in soup.find_all(tag):
            value = element.get(attribute) or element.get(f"xlink:{attribute}")
            if not value:
                continue
            if attribute == "srcset":
                urls += [part.split()[0] for part in value.split(",") if part.strip()]
            else:
                urls.append(value)
    refresh = soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    if refresh is not None and (match := REFRESH_URL.search(refresh.get("content", ""))):
        urls.append(match.group(1))
    for element in soup.find_all(style=True):
        urls += CSS_URL.findall(element["style"])
    for style in soup.find_all("style"):
        urls += CSS_URL.findall(style.get_text())
    return urls


def check_site(site: pathlib.Path, start: str = "index.html",
               parsed: dict[str, BeautifulSoup] | None = None) -> Report:
    """Follow every in-site link from start; report missing files and missing #anchors.
    parsed: pages already parsed, by their path in the site (each is parsed only once)."""
    parsed = parsed or {}
    ids: dict[str, set[str]] = {}
    problems: list[str] = []
    queue, seen, checked = [start], {start}, 0
    pending: list[tuple[str, str, str]] = []  # (from page, target path, anchor)

    while queue:
        path = queue.pop()
        file = site / path
        if path.endswith(".css"):
            found = [(u, "") for u in CSS_URL.findall(file.read_text(encoding="utf-8"))]
        elif path.endswith(".html"):
            soup = parsed.get(path) or BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {el["id"] for el in soup.find_all(id=True)} | {
                el["name"] for el in soup.find_all("a", attrs={"name": True})}
            found = [(u, "") for u in _urls(soup)]
        else:
            continue
        for url, _ in found:
            if _is_outside(url) or url.startswith(("data:", "javascript:")):
                continue
            checked += 1
            parts = urllib.parse.urlsplit(url)
            target = urllib.parse.unquote(parts.path)
            if target == "":
                target = path
            elif target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if target.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target.rstrip("/"), "index.html").lstrip("./")
            if target.startswith("../") or not (site / target).is_file():
                problems.append(f"{path}: link to {url}: {target} does not exist")
                continue
            if parts.fragment:
                pending.append((path, target, urllib.parse.unquote(parts.fragment)))
            if target not in seen:
                seen.add(target)
                queue.append(target)

    for source, target, anchor in pending:
        if target.endswith(".html") and anchor not in ids.get(target, set()):
            problems.append(f"{source}: link to {target}#{anchor}: no such anchor")
    reached = {path for path in seen if path.endswith(".html")}
    return Report(sorted(set(problems)), reached, checked)
