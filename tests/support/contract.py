"""The URL contract: tests/url_contract.txt lists every address and section clinics may
link to. Each built page is parsed once."""

from __future__ import annotations

import functools
import pathlib

from bs4 import BeautifulSoup

from .html import linkable_ids, redirect_target
from .project import TESTS

CONTRACT = TESTS / "url_contract.txt"


def contract_entries(text: str | None = None) -> list[str]:
    lines = (CONTRACT.read_text(encoding="utf-8") if text is None else text).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def contract_problems(site: pathlib.Path, entries: list[str] | None = None) -> list[str]:
    """Each contract entry that no longer works in site, with why."""

    @functools.cache
    def page(path: pathlib.Path) -> tuple[str | None, frozenset[str]]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return redirect_target(soup), frozenset(linkable_ids(soup))

    problems = []
    for entry in contract_entries() if entries is None else entries:
        path, _, anchor = entry.partition("#")
        target = site / path
        if not target.is_file():
            problems.append(f"{entry}: {path} is gone and no redirect replaces it")
            continue
        if not path.endswith(".html"):
            continue
        moved_to, ids = page(target)
        if moved_to:
            target = (target.parent / moved_to).resolve()
            if not target.is_file():
                problems.append(f"{entry}: redirects to {moved_to}, which does not exist")
                continue
            _, ids = page(target)
        if anchor and anchor not in ids:
            problems.append(f"{entry}: section #{anchor} is gone from {target.name}")
    return problems
