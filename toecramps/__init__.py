"""Everything the Toe Cramps Guide adds to MkDocs Material, in the order it happens.

1. Configuration (`mkdocs_hook.on_config`): read the bibliography and the safety file once.
2. Each page's Markdown, through Python-Markdown extensions that run in any engine that
   renders Python-Markdown (MkDocs, ProperDocs, Zensical), in this order of priority:
   - `extensions.triage` (28): `[[red-flags ...]]`, `[[red-flag ID]]`, `[[caution ID]]` and
     `[[evidence-ledger]]` become Markdown from safety.yml, the one source of every red
     flag and safety caution;
   - `extensions.citations` (25): `[@key]` becomes a numbered link, and the page gets its
     "Sources for this page" list from references.bib;
   - then Python-Markdown's own steps (admonitions, attribute lists, HTML blocks).
3. Each page's HTML (`mkdocs_hook.on_page_content`): image alt-text check and inlined SVG
   illustrations.
4. The templates in overrides/ render the page, with the functions that
   `mkdocs_hook.on_env` registers.
5. After the build, `postbuild.run(site_dir)` runs its steps in the order written there.
"""
