"""The first paint waits for the tables near the top of a page.

A browser may paint a page it has read only in part, and a table painted half read
shares out its column widths by the rows it has: as the other rows arrive, its columns
move (a layout shift, seen in CI on Causes' quick guide at 1280 px). The last table in a
page's first blocks gets a mark as its last child, which the parser reaches once the
table is whole; overrides/main.html then holds the first paint until it has been read
(rel=expect, as for the menus). Each table in those blocks is also marked as on the
first screen (FIRST_SCREEN): on a phone, site.css always renders it, while tables further
down are off screen when the page paints and render as the reader scrolls to them.
(site.css counts the page's elements, and the template puts up to five before the
Markdown's first block: For clinics' first table is its 13th element.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

MARK_ID = "tables-read"  # overrides/main.html waits for it
FIRST_SCREEN = "data-first-screen"  # site.css renders these tables at once
# As many blocks as a phone renders at once (site.css renders the rest, from the 13th
# element on, as the reader nears them): more than a phone's first screen.
FIRST_BLOCKS = 12
PRIORITY = 0  # after every other treeprocessor has built its tables


class FirstTablesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        tables = [table for block in list(root)[:FIRST_BLOCKS] for table in block.iter("table")]
        for table in tables:
            table.set(FIRST_SCREEN, "")
        if tables:
            etree.SubElement(tables[-1], "template", {"id": MARK_ID})


class FirstTablesExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(FirstTablesTreeprocessor(md), "first_tables", PRIORITY)


def makeExtension(**kwargs):
    return FirstTablesExtension(**kwargs)
