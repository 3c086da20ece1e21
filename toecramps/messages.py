"""How the build reports an author's mistake: a warning that names the file.

MkDocs turns warnings into a failed build in strict mode and lists every one, so a single
build shows an author all their mistakes. The Markdown extensions do not know which page
they are rendering; the MkDocs hook tells them through `set_current_page` before each page.
"""

from __future__ import annotations

import logging

# Under "mkdocs." so MkDocs counts these warnings in strict mode.
log = logging.getLogger("mkdocs.plugins.toecramps")

_current_page = "a Markdown page"
_source_lines: list[str] = []
_reported: set = set()


def new_build() -> None:
    """Forget what was reported and which page was current, so each build (`mkdocs serve`
    rebuilds, tests build many times in one process) lists every problem again."""
    _reported.clear()
    set_current_page("")


def warn_once(key, where: str, problem: str) -> None:
    """Report a problem of a shared file (safety.yml, references.bib) once per build, not
    once per page that reads it."""
    if key not in _reported:
        _reported.add(key)
        warn(where, problem)


def set_current_page(src_path: str, source: str = "") -> None:
    """The page about to be rendered, and its file's text as the author wrote it."""
    global _current_page, _source_lines
    _current_page = f"docs/{src_path}" if src_path else "a Markdown page"
    _source_lines = source.splitlines()


def current_page() -> str:
    return _current_page


def where(line: str) -> str:
    """file:line of a line the extensions see, found in the author's file (the front
    matter and included parts shift the extensions' own count); the file alone if the
    line came from an included part."""
    for number, source_line in enumerate(_source_lines, start=1):
        if source_line.rstrip() == line.rstrip():
            return f"{_current_page}:{number}"
    return f"{_current_page} (in an included part)"


def warn(where: str, problem: str) -> None:
    """One author mistake: where it is (a file, or file:line) and what is wrong."""
    log.warning(f"{where}: {problem}")
