"""The site's own address in pages that show it, such as copy-ready links for clinics.

Markers (inside a sentence, a table cell or an HTML block):

    [[site_url]]          the configured site address, without its trailing slash, so a
                          clinic that builds its own copy with SITE_URL set gets links to it
    [[address PATH]]      a copy-ready address of PATH (a built file, with any #section:
                          when-to-get-help.html#emergency): the site address and PATH, in
                          pieces that a narrow screen wraps only after "/", "#" or ".".
                          overrides/partials/javascripts/copy-addresses.html rewrites
                          it to the address the reader is on (a clinic's own copy too).

Each <code class="copy-text"> (an address, or the link snippet in a <pre>) gets a Copy
button after it, written into the page so that showing it moves nothing:
overrides/partials/javascripts/copy-buttons.html shows the buttons where the clipboard
works and copies on a tap. Its label is data-copy-label, or "Copy" and the text.
"""

from __future__ import annotations

import html
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from toecramps import messages

PLACEHOLDER = "[[site_url]]"
ADDRESS = re.compile(r"\[\[address\s+(?P<path>[\w./#-]+)\]\]")
# Where an address may wrap: after the scheme, and after each "/", "#" or ".".
WRAP_AFTER = re.compile(r"^[a-z]+://|[^/#.]*[/#.]|[^/#.]+$")
PRIORITY = 27  # before citations; any order with triage
# A start tag, its attributes quoted either way or bare; and one attribute of it.
START_TAG = re.compile(r"""<(?P<tag>[a-zA-Z][\w-]*)(?P<attributes>(?:\s+[^\s=>/]+"""
                       r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*/?>""")
ATTRIBUTE = re.compile(r"""(?P<name>[^\s=>/]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'"""
                       r"""|(?P<bare>[^\s>"']+)))?""")
# The end of a copy-ready text, and of the <pre> it may be in: the button goes after both.
CODE_END = re.compile(r"</code>(?:\s*</pre>)?")
COPY_BUTTON = ('<button type="button" class="copy-button" aria-label="{label}" data-search-exclude>'
               'Copy</button>')  # not in the search index: a control, not text
BUTTON_PRIORITY = 5  # after raw HTML is put back (Python-Markdown's raw_html: 30)


def address_pieces(address: str) -> list[str]:
    """https://a.example/when-to-get-help.html#emergency in the pieces a line may break
    between: https://, a., example/, when-to-get-help., html#, emergency."""
    return [piece for piece in WRAP_AFTER.findall(address) if piece]


def address_markup(address: str, path: str) -> str:
    """The address as HTML: each piece kept whole (no break at a hyphen), with a break
    opportunity (<wbr>) between pieces. data-path lets the script rebuild it from the
    address the page is read at."""
    pieces = "<wbr>".join(f"<span>{html.escape(piece)}</span>" for piece in address_pieces(address))
    return f'<span class="site-address" data-path="{html.escape(path)}">{pieces}</span>'


def page_prefix() -> str:
    """How to reach the site's root from the page being rendered (pages in folders)."""
    return "../" * messages.current_page().removeprefix("docs/").count("/")


class SiteAddressPreprocessor(Preprocessor):
    def __init__(self, md, site_url: str):
        super().__init__(md)
        self.site_url = str(site_url or "").rstrip("/")  # SITE_URL= (empty) gives None

    def run(self, lines: list[str]) -> list[str]:
        if not any(PLACEHOLDER in line or ADDRESS.search(line) for line in lines):
            return lines
        if not self.site_url:
            messages.warn(messages.current_page(),
                          f"uses {PLACEHOLDER} or [[address ...]] but no site_url is "
                          "configured for the extension")
        prefix = page_prefix()
        return [ADDRESS.sub(lambda match: address_markup(
                    f"{self.site_url}/{match['path']}", prefix + match["path"]),
                    line.replace(PLACEHOLDER, self.site_url))
                for line in lines]


def tag_attributes(text: str) -> dict[str, str]:
    return {found["name"].lower(): html.unescape(next(
                (value for value in (found["double"], found["single"], found["bare"]) if value is not None), ""))
            for found in ATTRIBUTE.finditer(text)}


class CopyButtonPostprocessor(Postprocessor):
    """A Copy button after each <code class="copy-text">, labelled with its
    data-copy-label, or "Copy" and the text (copy-addresses.html relabels it the same way
    when it rewrites the address). Any other element or class list with copy-text is named."""

    def run(self, text: str) -> str:
        written, position = [], 0
        for tag in START_TAG.finditer(text):
            attributes = tag_attributes(tag["attributes"])
            classes = attributes.get("class", "").split()
            if tag.start() < position or "copy-text" not in classes:
                continue
            name = tag["tag"].lower()
            end = CODE_END.search(text, tag.end()) if name == "code" else None
            if classes != ["copy-text"] or end is None:
                messages.warn(messages.current_page(),
                              f'<{name} class="{attributes["class"]}"> gets no Copy button: '
                              'write a copy-ready text as <code class="copy-text">…</code>, '
                              "with no other class")
                continue
            label = attributes.get("data-copy-label") or \
                "Copy " + html.unescape(re.sub(r"<[^>]+>", "", text[tag.end():text.index("</code>", tag.end())]))
            written += [text[position:end.end()], COPY_BUTTON.format(label=html.escape(label))]
            position = end.end()
        return "".join(written) + text[position:]


class SiteAddressExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"site_url": ["", "the address the site is published at"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(
            SiteAddressPreprocessor(md, self.getConfig("site_url")), "site_address", PRIORITY)
        md.postprocessors.register(CopyButtonPostprocessor(md), "copy_buttons", BUTTON_PRIORITY)


def makeExtension(**kwargs):
    return SiteAddressExtension(**kwargs)
