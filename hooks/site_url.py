"""Write the site's own address into pages that show it, such as copy-ready links.

In Markdown, [[site_url]] becomes site_url from mkdocs.yml (without the trailing slash),
so a clinic that builds its own copy with SITE_URL set gets links to its own copy.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

PLACEHOLDER = "[[site_url]]"


def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    if not config.site_url:
        raise PluginError(f"{page.file.src_path}: uses {PLACEHOLDER} but mkdocs.yml has no site_url")
    return markdown.replace(PLACEHOLDER, config.site_url.rstrip("/"))
