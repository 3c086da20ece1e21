"""Citations: `[@key]` or `[@a; @b]` after a claim becomes a numbered link, and the page
gets a numbered "Sources for this page" list, in order of first citation.

The line `<!-- bibliography -->` is replaced by the whole bibliography instead (the
Sources page). Sources come from references.bib (see bibliography.py). An unknown key
is a warning naming the page, so strict mode fails the build and lists every one.
"""

from __future__ import annotations

import os
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from toecramps import bibliography, messages

BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
CITATION = re.compile(r"[ \t]*\[(@[\w.:-]+(?:\s*;\s*@[\w.:-]+)*)\]")
KEY = re.compile(r"@([\w.:-]+)")
PRIORITY = 25  # after triage (28), whose boxes cite sources; before HTML blocks (20)



def load_bibliography(path: str) -> dict:
    """The entries, reporting the file's problems once per build."""
    if not os.path.isfile(path):
        messages.warn(path, "the bibliography file is missing")
        return {}
    entries, problems = bibliography.load(os.path.abspath(path), os.path.getmtime(path))
    for problem in problems:
        messages.warn_once((path, problem), path, problem)
    return entries


def source_list(entries: dict, keys: list[str], css_class: str) -> str:
    items = [f'<li id="source-{key}">{bibliography.format_entry(entries[key])}</li>'
             for key in keys]
    # Kept out of search: a reader searching "tetanus" wants the advice, not a title.
    return f'<ol class="{css_class}" data-search-exclude>\n' + "\n".join(items) + "\n</ol>\n"


class CitationPreprocessor(Preprocessor):
    def __init__(self, md, bibliography_path: str):
        super().__init__(md)
        self.bibliography_path = bibliography_path

    def run(self, lines: list[str]) -> list[str]:
        entries = load_bibliography(self.bibliography_path)
        text = "\n".join(lines)
        if BIBLIOGRAPHY_MARKER in text:
            keys = sorted(entries, key=lambda key: bibliography.sort_key(entries[key]))
            return text.replace(BIBLIOGRAPHY_MARKER,
                                source_list(entries, keys, "bibliography")).split("\n")

        numbers: dict[str, int] = {}

        def replace(match: re.Match) -> str:
            links = []
            for key in KEY.findall(match.group(1)):
                if key not in entries:
                    page = messages.current_page()
                    messages.warn_once((page, key), page, f"unknown citation key '@{key}' "
                                       f"(not in {self.bibliography_path})")
                    continue
                number = numbers.setdefault(key, len(numbers) + 1)
                links.append(f'<a href="#source-{key}">{number}</a>')
            return f'<sup class="cite">[{", ".join(links)}]</sup>' if links else ""

        text = CITATION.sub(replace, text)
        if numbers:
            text = (text.rstrip()
                    + "\n\n## Sources for this page { #page-sources data-search-exclude }\n\n"
                    + source_list(entries, list(numbers), "page-sources"))
        return text.split("\n")


class CitationExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"bibliography": [bibliography.BIBLIOGRAPHY_FILE,
                                        "BibTeX file, relative to the folder the build runs in"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(
            CitationPreprocessor(md, self.getConfig("bibliography")), "citations", PRIORITY)


def makeExtension(**kwargs):
    return CitationExtension(**kwargs)
