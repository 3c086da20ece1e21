"""The one MkDocs hook: what only MkDocs needs, kept thin.

The content transforms are Python-Markdown extensions (toecramps/extensions/) and the
finishing of the built site is toecramps/postbuild.py; both run in any engine. This
file adds what only MkDocs can do, in the order MkDocs calls it: check the theme
patches, check each page's front matter, tell the extensions which page they render,
then run the post-build steps.
"""

from __future__ import annotations

import pathlib
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from toecramps import frontmatter, material, messages, offline, postbuild, publishing


def _project(config) -> pathlib.Path:
    return pathlib.Path(config.config_file_path).parent


def on_config(config):
    messages.new_build()
    # Fail before building anything if a Material patch no longer fits the installed theme.
    try:
        material.check_version()
        material.check_search_partial(pathlib.Path(config.theme.custom_dir, material.SEARCH_PARTIAL))
        material.check_content_partial(pathlib.Path(config.theme.custom_dir, material.CONTENT_PARTIAL))
    except material.MaterialChanged as error:
        raise PluginError(str(error)) from None
    # A notice, not a warning: strict mode would fail every local build on the placeholder.
    if problem := publishing.site_url_problem(config.site_url):
        print(f"NOTICE  -  {problem}", file=sys.stderr)
    return config


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    src = f"docs/{page.file.src_path}"
    # MkDocs leaves front matter it cannot parse in the text; say why.
    if markdown.startswith("---"):
        messages.warn(src, "front matter is not valid YAML, or not a mapping of field: value lines")
    for problem in frontmatter.problems(page.meta):
        messages.warn(src, problem)
    # The sitemap's lastmod: when the page's content was last checked, not the build date.
    if reviewed := frontmatter.as_date(page.meta.get("last_reviewed")):
        page.update_date = reviewed.isoformat()
    # The extensions name the page and line in their warnings.
    with open(page.file.abs_src_path, encoding="utf-8-sig") as source:
        messages.set_current_page(page.file.src_path, source.read())
    return markdown


# After every plugin has written its files (the offline plugin writes the search index
# at -100; redirects write their pages at 0), so the post-build steps see the whole site.
@event_priority(-150)
def on_post_build(*, config) -> None:
    try:
        postbuild.run(pathlib.Path(config.site_dir), _project(config))
    except (material.MaterialChanged, postbuild.AlreadyProcessed, offline.DownloadPageError,
            ValueError) as error:
        raise PluginError(f"post-build: {error}") from None
