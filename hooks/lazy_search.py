"""Load search only when a reader starts to use it.

Material starts its search worker and downloads the whole search index as soon as any
page opens: about 36 KB compressed that most readers, who came for one page, never use.
On a slow phone that delays the page. This hook changes one line of Material's bundle so
the search component (worker and index) is set up when the reader first focuses the
search box or presses a key (so Material's "/" and "s" shortcuts still open search). The names below belong to Material 9.8.1's minified bundle; if the pinned
version changes and the line is not found, the build stops and says so.
"""

from __future__ import annotations

import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# `_i` mounts the search component, `zi` is the index, `mo` the keyboard; `h` is RxJS
# fromEvent, `L` merge, `Ee` take and `b` switchMap. The keydown listener sits on the
# document, so it runs before Material's keyboard listener on the window sees the key.
EAGER = 'me("search").map(e=>_i(e,{index$:zi,keyboard$:mo}))'
LAZY = ('me("search").map(e=>L(h(e,"focusin"),h(document,"keydown")).pipe(Ee(1),'
        'b(()=>_i(e,{index$:zi,keyboard$:mo}))))')


@event_priority(50)  # before the offline zip and the security hashes read the files
def on_post_build(config):
    bundles = list(pathlib.Path(config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("hooks/lazy_search.py: Material's bundle.*.min.js was not found")
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if EAGER not in text:
            raise PluginError(
                f"hooks/lazy_search.py: {bundle.name} no longer sets up search the way "
                "Material 9.8.1 did; update EAGER and LAZY for the new version"
            )
        bundle.write_text(text.replace(EAGER, LAZY, 1), encoding="utf-8")
