"""Keep every asset of the built site local: nothing is fetched from another host.

Material's JavaScript bundle can load two scripts from a CDN: a ResizeObserver polyfill
(only in browsers from before 2020, which lack ResizeObserver) and Mermaid (only on pages
with Mermaid diagrams). Either would send a reader's request to a third party, so both
addresses are replaced with an empty local script. Pages here use no Mermaid diagrams;
a page that tries to stops the build. Source maps are removed: readers never need them
and they would only grow the offline download.
"""

from __future__ import annotations

import pathlib
import re

from mkdocs.exceptions import PluginError

CDN_SCRIPTS = (
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
)
EMPTY_SCRIPT = "data:text/javascript,"
SOURCE_MAP_COMMENT = re.compile(r"/[*/]# sourceMappingURL=\S+(?: \*/)?")


def on_page_content(html, page, config, files):
    if 'class="mermaid"' in html:
        raise PluginError(
            f"{page.file.src_path}: Mermaid diagrams need a script from a CDN; "
            "use an SVG image in docs/ instead"
        )
    return html


def on_post_build(config):
    site = pathlib.Path(config.site_dir)
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for asset in [*site.rglob("*.js"), *site.rglob("*.css")]:
        text = asset.read_text(encoding="utf-8")
        cleaned = SOURCE_MAP_COMMENT.sub("", text)
        if asset.name.startswith("bundle."):
            for url in CDN_SCRIPTS:
                cleaned = cleaned.replace(url, EMPTY_SCRIPT)
        if cleaned != text:
            asset.write_text(cleaned, encoding="utf-8")
