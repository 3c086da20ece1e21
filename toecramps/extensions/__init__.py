"""Python-Markdown extensions: content transforms that run in any engine that renders
Python-Markdown. Each module has a `makeExtension`, so mkdocs.yml names it by module."""
