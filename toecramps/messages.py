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
_line_offset = 0
_reported: set = set()


def new_build() -> None:
    """Forget what was reported, so each build (`mkdocs serve` rebuilds, tests build many
    times in one process) lists every problem again."""
    _reported.clear()


def warn_once(key, where: str, problem: str) -> None:
    """Report a problem of a shared file (safety.yml, references.bib) once per build, not
    once per page that reads it."""
    if key not in _reported:
        _reported.add(key)
        warn(where, problem)


def set_current_page(src_path: str, line_offset: int = 0) -> None:
    """line_offset: lines above the Markdown the extensions see (the front matter)."""
    global _current_page, _line_offset
    _current_page = f"docs/{src_path}"
    _line_offset = line_offset


def current_page() -> str:
    return _current_page


def line(number: int) -> str:
    """file:line for a line of the Markdown being rendered, as the author's editor counts."""
    return f"{_current_page}:{number + _line_offset}"


def warn(where: str, problem: str) -> None:
    """One author mistake: where it is (a file, or file:line) and what is wrong."""
    log.warning(f"{where}: {problem}")
