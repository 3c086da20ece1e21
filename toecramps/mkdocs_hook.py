"""The one MkDocs hook: what only MkDocs needs, kept thin.

The content transforms are Python-Markdown extensions (toecramps/extensions/) and run in
any engine; the post-build steps are toecramps/postbuild.py. This file connects them to
MkDocs' events, in the order MkDocs calls them.
"""

from __future__ import annotations

import os
import pathlib

from mkdocs.exceptions import PluginError

from toecramps import bibliography, frontmatter, material, messages, offline, postbuild, templates


def _project(config) -> pathlib.Path:
    return pathlib.Path(config.config_file_path).parent


def on_config(config):
    # Fail before building anything if a Material patch no longer fits the installed theme.
    try:
        material.check_version()
        material.check_search_partial(pathlib.Path(config.theme.custom_dir, material.SEARCH_PARTIAL))
    except material.MaterialChanged as error:
        raise PluginError(str(error)) from None
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
    # The extensions name the page and line in their warnings; MkDocs has cut the front
    # matter off, so their line numbers are offset by its length.
    with open(page.file.abs_src_path, encoding="utf-8-sig") as source:
        total = len(source.read().rstrip("\n").split("\n"))
    messages.set_current_page(page.file.src_path, total - len(markdown.rstrip("\n").split("\n")))
    return markdown


def on_env(env, *, config, files):
    path = _project(config) / bibliography.BIBLIOGRAPHY_FILE
    entries, _ = bibliography.load(str(path), os.path.getmtime(path))
    env.filters["long_date"] = templates.long_date
    env.filters["is_overdue"] = templates.is_overdue
    env.filters["qr_svg"] = templates.qr_svg
    env.filters["defer_scripts"] = material.defer_scripts

    def json_ld(page) -> str:
        meta = page.meta or {}
        return templates.json_ld(
            title=meta.get("title") or page.title, description=meta.get("description", ""),
            url=page.canonical_url, last_reviewed=meta.get("last_reviewed"),
            content=page.content or "", site_name=config.site_name, site_url=config.site_url,
            entries=entries)

    env.filters["json_ld"] = json_ld
    return env


def on_post_build(*, config) -> None:
    try:
        postbuild.run(pathlib.Path(config.site_dir), _project(config))
    except (material.MaterialChanged, postbuild.AlreadyProcessed, offline.DownloadPageError,
            ValueError) as error:
        raise PluginError(f"post-build: {error}") from None
