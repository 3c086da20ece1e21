"""The site's own address in pages that show it, such as copy-ready links for clinics.

In Markdown, [[site_url]] becomes the configured site address without its trailing
slash, so a clinic that builds its own copy with SITE_URL set gets links to its copy.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from toecramps import messages

PLACEHOLDER = "[[site_url]]"
PRIORITY = 27  # before citations; any order with triage


class SiteAddressPreprocessor(Preprocessor):
    def __init__(self, md, site_url: str):
        super().__init__(md)
        self.site_url = str(site_url or "").rstrip("/")  # SITE_URL= (empty) gives None

    def run(self, lines: list[str]) -> list[str]:
        if not any(PLACEHOLDER in line for line in lines):
            return lines
        if not self.site_url:
            messages.warn(messages.current_page(),
                          f"uses {PLACEHOLDER} but no site_url is configured for the extension")
        return [line.replace(PLACEHOLDER, self.site_url) for line in lines]


class SiteAddressExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"site_url": ["", "the address the site is published at"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(
            SiteAddressPreprocessor(md, self.getConfig("site_url")), "site_address", PRIORITY)


def makeExtension(**kwargs):
    return SiteAddressExtension(**kwargs)
