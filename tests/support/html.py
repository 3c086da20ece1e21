"""Reading built pages."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "summary", "dt", "dd",
          "figcaption", "caption"]
NOT_PROSE = ("ol.page-sources", "ol.bibliography", "#page-sources", "sup.cite", "a.headerlink",
             ".page-review", ".help-link", ".review-overdue", ".print-header", "code", "pre", "svg",
             "q")
REFRESH = re.compile(r"url=([^\"'>]+)", re.I)


def main_text(soup: BeautifulSoup) -> str:
    """The prose a reader reads on a page: the article, without sources, review box,
    citation numbers, permalinks, the red-flags link, the print-only header, code
    (addresses and snippets to copy are not sentences), the labels inside drawings, or
    passages quoted from sources (<q>: their words, not ours to simplify).
    Each block ends a sentence."""
    article = BeautifulSoup(str(soup.select_one("article.md-content__inner")), "html.parser")
    for selector in NOT_PROSE:
        for element in article.select(selector):
            element.decompose()
    for block in article.find_all(BLOCKS):
        block.append("\n")
    lines = []
    for line in article.get_text().splitlines():
        line = " ".join(line.split())
        if line:
            lines.append(line if line[-1] in ".!?:;" else line + ".")
    return "\n".join(lines)


def linkable_ids(soup: BeautifulSoup) -> set[str]:
    """Ids a clinic may link to: every id in the article (headings, red-flag signs, and
    <span id> aliases kept for renamed sections) but the h1, whose id comes from the
    title, the citation targets and per-page sources list, the template's red-flags
    link on every page (help-link, where "Skip to content" goes), and the empty
    <template> marks the first paint waits for (first_screen.py), which hold nothing."""
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return set()
    return {
        element["id"] for element in article.select("[id]")
        if element.name not in ("h1", "template") and element["id"] not in ("page-sources", "help-link")
        and not element["id"].startswith(("source-", "__"))
    }


def redirect_target(soup: BeautifulSoup) -> str | None:
    """The page a mkdocs-redirects stub sends readers to (without its #anchor), or None."""
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return REFRESH.search(refresh["content"]).group(1).split("#")[0]
