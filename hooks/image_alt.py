"""Stop the build when a page shows an image without alternative text.

Readers using screen readers, and anyone whose images fail to load, depend on alt text;
an image without it is an author's mistake, reported with the page's file name.
"""

from __future__ import annotations

from html.parser import HTMLParser

from mkdocs.exceptions import PluginError


class _ImageCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.missing: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "img":
            return
        attributes = dict(attrs)
        if not (attributes.get("alt") or "").strip():
            self.missing.append(attributes.get("src") or "(no src)")


def on_page_content(html, page, config, files):
    collector = _ImageCollector()
    collector.feed(html)
    if collector.missing:
        raise PluginError(
            f"{page.file.src_path}: image without alt text: {', '.join(collector.missing)}"
        )
    return html
