"""Everything the Toe Cramps Guide adds to MkDocs Material, in the order it happens.

1. Configuration (`mkdocs_hook.on_config`): check that the installed Material is the one
   `material.py` patches, and that our search and content partials have not drifted from
   Material's;
   print a notice when site_url is still the placeholder (`publishing.py`).
2. Each page's Markdown. First `mkdocs_hook.on_page_markdown` checks the front matter
   (`frontmatter.py`) and tells the extensions which file and line they are on
   (`messages.py`). Then Python-Markdown extensions, which run in any engine that renders
   Python-Markdown (MkDocs, ProperDocs, Zensical), in this order of priority, after
   pymdownx.snippets (32) has pulled in docs/_includes/ parts:
   - `extensions.triage` (28): `[[red-flags ...]]`, `[[red-flag ID]]`, `[[caution ID]]` and
     `[[evidence-ledger]]` become Markdown from safety.yml (`safety.py`), the one source of
     every red flag and safety caution; a tier written by hand is an error;
   - `extensions.site_address` (27): `[[site_url]]` becomes the site's address, and
     `[[address PATH]]` a copy-ready address in pieces that wrap after / # or .;
   - `extensions.citations` (25): `[@key]` becomes a numbered link, and the page gets its
     "Sources for this page" list from references.bib (`bibliography.py`);
   - Python-Markdown's own steps (admonitions, attribute lists, HTML blocks);
   - `extensions.first_screen` (0, the last tree step): the mark the first paint waits
     for, after a page's first blocks, and its tables there marked as on the first screen;
   - `extensions.illustrations` (postprocessor): alt text checked, SVG drawings inlined.
3. The templates in overrides/ render the page (plain Jinja, no custom filters).
4. After the build, `postbuild.run(site_dir)` runs its steps in the order of its STEPS
   (`pages.py` finishes each page, `material.py` makes scripts start after the first paint
   and patches the bundle, `search.py` adds warning signs and other words to the search
   index, `stylesheets.py` trims Material's stylesheets and writes all of them into the
   pages, `offline.py` makes the zip,
   `serviceworker.py` gives sw.js the list of files and their hashes, `headers.py`
   writes the security headers last).

Every author mistake is a warning naming its file (`messages.warn`), so strict mode lists
them all from one build.
"""
