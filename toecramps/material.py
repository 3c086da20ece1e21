"""Everything that depends on Material for MkDocs' internals, in one place, guarded.

Material's minified bundle, its rendered script tags and its search partial are not a
public interface: they can change in any release. Each patch here checks the installed
Material version first and fails the build with a clear message when its target is gone,
so an upgrade never silently undoes a patch. To upgrade Material, see UPGRADING.md.
"""

from __future__ import annotations

import importlib.metadata
import pathlib
import re

MATERIAL_VERSION = "9.8.1"  # the version every patch below was written against

# The bundle sets up search (worker and index) as soon as a page opens. We set it up on
# first use instead: when the search box gets focus or a key is pressed (so "/" and "s"
# still open search). `_i` mounts the search component, `zi` is the index, `mo` the
# keyboard; `h` is RxJS fromEvent, `L` merge, `Ee` take and `b` switchMap.
EAGER_SEARCH = 'me("search").map(e=>_i(e,{index$:zi,keyboard$:mo}))'
LAZY_SEARCH = ('me("search").map(e=>L(h(e,"focusin"),h(document,"keydown")).pipe(Ee(1),'
               'b(()=>_i(e,{index$:zi,keyboard$:mo}))))')
# The bundle wraps each plain table in two divs for scrolling. It starts on the reader's
# first tap, so it re-parented the table under that tap: a first tap on a Copy button or a
# link in a table went to the page, not to them, and the table's margins changed as the
# reader touched it. Material's stylesheet lets a plain table scroll by itself (inline
# block, overflow auto), as every table does before the bundle starts and without
# JavaScript, so tables are left as they are. `M` selects elements; `ti` wraps a table.
TABLE_WRAPPING = '...M("table:not([class])",e).map(i=>ti(i)),'
# Not patched, relied on: the attribute Material puts on the body while its search holds
# the page still on a phone. start-scripts.js waits for it to go before it scrolls to a
# search result on the page the reader is on.
SCROLL_LOCK = "data-md-scrolllock"
# Material's stylesheets, which postbuild.trim_stylesheets trims to what the site uses.
STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
# Material's files that the post-build step rewrites and keeps as files (the stylesheets
# are written into the pages); they are renamed by their new content.
REWRITTEN_ASSETS = ("assets/javascripts/bundle.*.min.js",)
CONTENT_HASH = re.compile(r"\.[0-9a-f]{8}\.min\.")
# Scripts the bundle can load from a CDN: a ResizeObserver polyfill (browsers before
# 2020) and Mermaid (pages with diagrams; ours have none). Either would send a reader's
# request to a third party, so both become an empty local script.
CDN_SCRIPTS = (
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
)
EMPTY_SCRIPT = "data:text/javascript,"
# Search runs in our worker (docs/assets/javascripts/search-worker.js), which speaks the
# same messages as Material's lunr worker: each page's configuration names the worker.
MATERIAL_SEARCH_WORKER = re.compile(
    r'"search": "(?P<up>(?:\.\./)*)assets/javascripts/workers/search\.a7633da7\.min\.js"')
OUR_SEARCH_WORKER = "assets/javascripts/search-worker.js"
# What only Material's own search used: its worker and lunr's languages.
MATERIAL_SEARCH_FILES = ("assets/javascripts/workers", "assets/javascripts/lunr")
SOURCE_MAP_COMMENT = re.compile(r"/[*/]# sourceMappingURL=\S+(?: \*/)?")
SCRIPT_TAG = re.compile(r"<script\b(?P<attributes>[^>]*)>")
# Our fork of partials/search.html differs from Material's by exactly these changes: the
# dialog's accessible name, and a form that, without JavaScript, leads to the site map,
# with a line that says so where Material would say "Initializing search" for ever.
SEARCH_PARTIAL = "partials/search.html"
SEARCH_PARTIAL_CHANGES = (
    (' role="dialog"', " role=\"dialog\" aria-label=\"{{ lang.t('search') }}\""),
    ('<form class="md-search__form" name="search">',
     '<form class="md-search__form" name="search" action="{{ \'index.html\' | url }}#site-map">'),
    ('<ol class="md-search-result__list" role="presentation"></ol>',
     '<p class="search-needs-scripts">Search needs JavaScript, which is turned off. '
     'Type any word and press Enter (or Go) to see a list of all pages.</p>\n'
     '          <ol class="md-search-result__list" role="presentation"></ol>'),
)


class MaterialChanged(Exception):
    """A patch target is gone: the installed Material differs from the one we patch."""


def installed_version() -> str:
    return importlib.metadata.version("mkdocs-material")


def check_version() -> None:
    version = installed_version()
    if version != MATERIAL_VERSION:
        raise MaterialChanged(
            f"toecramps/material.py patches Material {MATERIAL_VERSION}, but {version} is "
            "installed. Check each patch against the new version, then update "
            "MATERIAL_VERSION (see UPGRADING.md).")


def templates_dir() -> pathlib.Path:
    import material

    return pathlib.Path(material.__file__).parent / "templates"


def check_search_partial(ours: pathlib.Path) -> None:
    """Our search partial must be Material's own plus SEARCH_PARTIAL_CHANGES."""
    theirs = _without_leading_comment((templates_dir() / SEARCH_PARTIAL).read_text(encoding="utf-8"))
    expected = theirs
    for original, changed in SEARCH_PARTIAL_CHANGES:
        if original not in expected:
            expected = ""  # Material's partial has changed where we change it
            break
        expected = expected.replace(original, changed, 1)
    if not expected or _without_leading_comment(ours.read_text(encoding="utf-8")) != expected:
        raise MaterialChanged(
            f"{ours} no longer matches Material's {SEARCH_PARTIAL} plus our changes "
            "(SEARCH_PARTIAL_CHANGES in toecramps/material.py). Copy Material's file again "
            "and make the changes.")


# Material's tabbed-content scripts, written after every article, each stopping the
# parser: ours is Material's partial inside a condition, so pages without tabs skip them.
CONTENT_PARTIAL = "partials/javascripts/content.html"
ONLY_WITH_TABS = ('{% if page and "tabbed-set" in (page.content or "") %}\n', "{% endif %}\n")


def check_content_partial(ours: pathlib.Path) -> None:
    """Our content partial must be Material's own inside ONLY_WITH_TABS."""
    theirs = _without_leading_comment((templates_dir() / CONTENT_PARTIAL).read_text(encoding="utf-8"))
    if _without_leading_comment(ours.read_text(encoding="utf-8")) != theirs.join(ONLY_WITH_TABS):
        raise MaterialChanged(
            f"{ours} no longer matches Material's {CONTENT_PARTIAL} inside ONLY_WITH_TABS "
            "(toecramps/material.py). Copy Material's file again, inside the condition.")


def _without_leading_comment(template: str) -> str:
    return re.sub(r"^\{#-.*?-#\}\n", "", template, count=1, flags=re.S)


# docs/assets/javascripts/start-scripts.js starts every other script, after the page has
# painted: Material's (its bundle and the iframe-worker shim) on the reader's first
# interaction, ours once the page has loaded. Here each script tag becomes inert for it,
# and the starter itself is written into the page: fetching it first would put a round
# trip before the first paint (make bench: LCP 1.7 s against the no-script page's 1.0 s).
SCRIPT_STARTER = "assets/javascripts/start-scripts.js"
STARTER_TAG = re.compile(r'<script src="[^"]*' + re.escape(SCRIPT_STARTER) + r'" defer></script>')
MATERIAL_SCRIPT = re.compile(r"assets/javascripts/(?:bundle\.[0-9a-f]{8}\.min\.js|vendor/)")
SCRIPT_SOURCE = re.compile(r'\bsrc="(?P<src>[^"]+)"')


# A /* comment */ or a quoted string, found left to right: a quote inside a comment starts
# no string, and "/*" inside a string starts no comment. A comment starts a line or follows
# a space: "/*" anywhere else (a regular expression such as /[/*]/) stays in the code, where
# without_comments refuses it.
JS_COMMENT_OR_STRING = re.compile(
    r"""(?<!\S)/\*.*?\*/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'""", re.S)


def without_comments(script: str) -> str:
    """script as written into every page: its /* comments */ explain it to us, not to the
    browser, so they go, with the indentation and blank lines they leave. Lines are kept
    (no code is joined to the next). It understands comments and quoted strings, and
    refuses what it could get wrong (// comments, template strings, strings over lines, a
    /* in a regular expression); a quote mark in a regular expression it would misread
    (the starter has none, and the browser tests run it)."""
    kept = []
    start = 0
    for token in JS_COMMENT_OR_STRING.finditer(script):
        if not token[0].startswith("/*"):
            replacement = token[0]
        else:  # a comment over lines ends a statement as a line break does: it stays one
            replacement = "\n" if "\n" in token[0] else " "
        kept += [script[start:token.start()], replacement]
        start = token.end()
    code = "".join(kept) + script[start:]
    rest = JS_COMMENT_OR_STRING.sub("", code)
    problems = [problem for mark, problem in (
        ("/*", "a /* that is not a whole comment after a space (unclosed, or in a regular "
               "expression)"),
        ("//", "a // comment (write comments as /* */)"),
        ("`", "a template string")) if mark in rest]
    if "\\\n" in code:
        problems.append("a string continued over lines")
    if problems:
        raise ValueError(f"{SCRIPT_STARTER}: cannot take its comments out safely: "
                         + "; ".join(problems))
    lines = (line.strip(" \t\r") for line in code.split("\n"))
    return "\n".join(line for line in lines if line)


def start_scripts_later_in_page(html: str, starter: str) -> str:
    """Each external script tag as an inert tag the starter runs later, and the starter's
    tag (the last in the page) replaced by its code, starter. Inline scripts (Material's
    configuration, data blocks) are left alone. A page without the starter is returned
    as it is: it has no scripts to start (a redirect stub)."""
    if "</script" in starter.lower():
        raise ValueError(f"{SCRIPT_STARTER} contains </script, which would end it early")
    if not STARTER_TAG.search(html):
        return html

    def make_inert(match: re.Match) -> str:
        source = SCRIPT_SOURCE.search(match["attributes"])
        if source is None or source["src"].endswith(SCRIPT_STARTER):
            return match[0]
        start = "interaction" if MATERIAL_SCRIPT.search(source["src"]) else "load"
        return f'<script type="text/plain" data-start="{start}" data-src="{source["src"]}">'

    return STARTER_TAG.sub(lambda _: f"<script>{starter}</script>", SCRIPT_TAG.sub(make_inert, html))


def bundle_patches() -> list[tuple[str, str, str]]:
    """Each change to Material's bundle: what it has, what we put instead, and the
    constants to update in this file when a new Material no longer has it."""
    return [
        (EAGER_SEARCH, LAZY_SEARCH, "EAGER_SEARCH and LAZY_SEARCH (search set up on first use)"),
        (TABLE_WRAPPING, "", "TABLE_WRAPPING (tables left in place)"),
        *((url, EMPTY_SCRIPT, f"CDN_SCRIPTS (it no longer loads {url})") for url in CDN_SCRIPTS),
        (SCROLL_LOCK, SCROLL_LOCK, "SCROLL_LOCK (kept as it is; start-scripts.js relies on it)"),
    ]


def patch_bundle(text: str) -> str:
    """Material's bundle with search set up on first use, tables left in place, and no
    CDN address. Every patch whose target is gone is named at once."""
    gone = [constants for target, _, constants in bundle_patches() if target not in text]
    if gone:
        raise MaterialChanged(
            f"Material's bundle differs from Material {MATERIAL_VERSION}'s where we patch it; "
            "update in toecramps/material.py: " + "; ".join(gone))
    for target, replacement, _ in bundle_patches():
        text = text.replace(target, replacement)
    return text


def strip_source_map_comment(text: str) -> str:
    return SOURCE_MAP_COMMENT.sub("", text)


def use_our_search_worker(html: str) -> str:
    """A page whose configuration starts our search worker instead of Material's."""
    return MATERIAL_SEARCH_WORKER.sub(lambda m: f'"search": "{m["up"]}{OUR_SEARCH_WORKER}"', html)
