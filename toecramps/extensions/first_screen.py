"""The first paint waits for a page's first screen, and its tables there always render.

A browser may paint a page it has read only in part. It then goes on reading, styling
and laying out the rest of the first screen after that paint, and what moves shows:
a table painted half read shares out its column widths by the rows it has, and its
columns move as the other rows arrive (a layout shift, seen in CI on Causes' quick guide
at 1280 px). On a phone, that work after the first paint is what Lighthouse counts as
blocking time (make bench: 60 to 120 ms on Sources and Anatomy in some runs, where a
paint came with the page's first blocks half read).

So a mark (an empty <template>) follows a page's first blocks, more than a phone's first
screen holds, or ends the page if it is shorter; overrides/main.html holds the first
paint until the parser has reached it (rel=expect, as for the menus). Browsers without
rel=expect paint as before. Each table in those blocks is also marked as on the first
screen (FIRST_SCREEN): on a phone, site.css always renders it, while tables further down
are off screen when the page paints and render as the reader scrolls to them.
(site.css counts the page's elements, and overrides/main.html puts up to five elements
before the Markdown's first block: For clinics' first table is its 13th element. In a
handout it counts the elements of the card the Markdown is in, from the 9th.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

MARK_ID = "first-screen-read"  # overrides/main.html waits for it
FIRST_SCREEN = "data-first-screen"  # site.css renders these tables at once
# As many blocks as a phone renders at once (site.css renders the rest, from the 13th
# element on, as the reader nears them): more than a phone's first screen.
FIRST_BLOCKS = 12
NOT_BEFORE_THE_MARK = ("h1", "h2", "h3", "h4", "h5", "h6", "table")
PRIORITY = 0  # after every other treeprocessor has built its blocks


class FirstScreenTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        blocks = list(root)
        if not blocks:
            return
        for table in (table for block in blocks[:FIRST_BLOCKS] for table in block.iter("table")):
            table.set(FIRST_SCREEN, "")
        # Between blocks, not inside one: a block may still be a placeholder for raw HTML.
        # Not straight after a heading or a table: the paint would show a heading without
        # its text, and Material spaces the block after each (h2 + h3, table + *).
        at = min(FIRST_BLOCKS, len(blocks))
        while at < len(blocks) and blocks[at - 1].tag in NOT_BEFORE_THE_MARK:
            at += 1
        root.insert(at, etree.Element("template", {"id": MARK_ID}))


class FirstScreenExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(FirstScreenTreeprocessor(md), "first_screen", PRIORITY)


def makeExtension(**kwargs):
    return FirstScreenExtension(**kwargs)
