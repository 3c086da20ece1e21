"""Turn [@key] citations into numbered links and a list of sources on each page.

The bibliography is references.bib beside mkdocs.yml (BibTeX, read with pybtex); the
build also publishes it as references.bib for reference managers. In Markdown, cite
with [@key] or [@a; @b] right after the claim. Each page that cites gets a numbered
"Sources for this page" section, in order of first citation. The page that holds the
line `<!-- bibliography -->` gets the whole bibliography there instead.

An unknown key, or an entry with no DOI, PMID or URL, stops the build and says where.
"""

from __future__ import annotations

import codecs
import datetime
import functools
import html
import os
import re
import shutil

import latexcodec  # noqa: F401  (registers the "ulatex" codec used below)
from mkdocs.exceptions import PluginError
from pybtex.database import parse_file

BIBLIOGRAPHY_FILE = "references.bib"
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
CITATION = re.compile(r"[ \t]*\[(@[\w.:-]+(?:\s*;\s*@[\w.:-]+)*)\]")
KEY = re.compile(r"@([\w.:-]+)")
MAX_AUTHORS = 3

_bibliography: dict = {}
_bibliography_path = ""


def on_config(config):
    global _bibliography, _bibliography_path
    _bibliography_path = os.path.join(os.path.dirname(config.config_file_path), BIBLIOGRAPHY_FILE)
    shown_path = os.path.relpath(_bibliography_path)
    try:
        database = parse_file(_bibliography_path, bib_format="bibtex")
    except Exception as error:  # pybtex raises several types; all mean "fix the file"
        raise PluginError(f"{shown_path}: cannot read the bibliography: {error}") from None
    _bibliography = dict(database.entries)
    _formatted.cache_clear()  # `mkdocs serve` rereads the file on every rebuild
    for key, entry in _bibliography.items():
        fields = entry.fields
        if not any(fields.get(name) for name in ("doi", "pmid", "url")):
            raise PluginError(f"{shown_path}: entry '{key}' needs a doi, pmid or url")
        if fields.get("url") and not fields.get("doi") and not fields.get("pmid"):
            _checked_date(key, fields.get("urldate"), shown_path)
    return config


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_path
    if BIBLIOGRAPHY_MARKER in markdown:
        entries = sorted(_bibliography, key=lambda key: _sort_key(_bibliography[key]))
        listing = _source_list(entries, css_class="bibliography")
        return markdown.replace(BIBLIOGRAPHY_MARKER, listing)

    numbers: dict[str, int] = {}

    def replace(match: re.Match) -> str:
        links = []
        for key in KEY.findall(match.group(1)):
            if key not in _bibliography:
                raise PluginError(
                    f"{src}: unknown citation key '@{key}' (not in {BIBLIOGRAPHY_FILE})"
                )
            number = numbers.setdefault(key, len(numbers) + 1)
            links.append(f'<a href="#source-{key}">{number}</a>')
        return f'<sup class="cite">[{", ".join(links)}]</sup>'

    markdown = CITATION.sub(replace, markdown)
    page.meta["citations"] = [
        {"key": key, "title": _plain(_bibliography[key].fields.get("title", "")),
         "url": _entry_url(_bibliography[key])}
        for key in numbers
    ]
    if not numbers:
        return markdown
    return (
        markdown.rstrip()
        # Kept out of search: a reader searching "tetanus" wants the advice, not a title.
        + "\n\n## Sources for this page { #page-sources data-search-exclude }\n\n"
        + _source_list(list(numbers), css_class="page-sources")
    )


def on_post_build(config):
    shutil.copy2(_bibliography_path, os.path.join(config.site_dir, BIBLIOGRAPHY_FILE))


# ----------------------------------------------------------------------------- formatting


def _source_list(keys: list[str], css_class: str) -> str:
    items = "\n".join(
        f'<li id="source-{key}">{_formatted(key)}</li>' for key in keys
    )
    return f'<ol class="{css_class}" data-search-exclude>\n{items}\n</ol>\n'


def _entry_url(entry) -> str:
    """The one address that best identifies a source: DOI, then PubMed, then the web page."""
    fields = entry.fields
    if fields.get("doi"):
        return f"https://doi.org/{fields['doi']}"
    if fields.get("pmid"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{fields['pmid']}/"
    return fields["url"]


def _checked_date(key, value, shown_path) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(
            f"{shown_path}: web entry '{key}' needs urldate (the date the page was checked), "
            f"as YYYY-MM-DD; found {value!r}"
        ) from None


@functools.lru_cache(maxsize=None)  # decoding LaTeX is slow, and the same text recurs
def _plain(text: str) -> str:
    """BibTeX field text as plain Unicode: LaTeX escapes decoded, braces dropped."""
    return codecs.decode(text, "ulatex").replace("{", "").replace("}", "").strip()


def _authors(entry) -> str:
    people = entry.persons.get("author", [])
    names = []
    for person in people:
        last = _plain(" ".join(person.prelast_names + person.last_names))
        if last.lower() == "others":
            names.append("et al.")
            break
        initials = "".join(_plain(name)[:1] for name in person.first_names + person.middle_names)
        names.append(f"{last} {initials}".strip())
    if len(names) > MAX_AUTHORS:
        names = names[:MAX_AUTHORS] + ["et al."]
    if names and names[-1] == "et al.":
        return ", ".join(names[:-1]) + ", et al."
    return ", ".join(names)


def _sort_key(entry) -> str:
    return (_authors(entry) + _plain(entry.fields.get("title", ""))).lower()


@functools.lru_cache(maxsize=None)  # each entry is listed on several pages
def _formatted(key: str) -> str:
    return _format_entry(_bibliography[key])


def _format_entry(entry) -> str:
    fields = entry.fields
    esc = html.escape
    authors = _authors(entry)
    parts = [esc(authors) + ("" if authors.endswith(".") else "."), f"<cite>{esc(_plain(fields.get('title', '')))}</cite>."]

    if fields.get("journal"):
        citation = esc(_plain(fields["journal"])) + ". " + esc(fields.get("year", ""))
        if fields.get("volume"):
            citation += ";" + esc(fields["volume"])
        if fields.get("number"):
            citation += f"({esc(fields['number'])})"
        if fields.get("pages"):
            citation += ":" + esc(fields["pages"].replace("--", "-"))
        parts.append(citation + ".")
    else:
        published = [_plain(fields[name]) for name in ("howpublished",) if fields.get(name)]
        if fields.get("year"):
            published.append(_plain(fields.get("month", "")).capitalize() + " " + fields["year"])
        if published:
            parts.append(esc(", ".join(p.strip() for p in published)) + ".")

    links = []
    if fields.get("doi"):
        doi = fields["doi"]
        links.append(f'<a href="https://doi.org/{esc(doi)}">doi:{esc(doi)}</a>')
    if fields.get("pmid"):
        pmid = fields["pmid"]
        links.append(
            f'<a href="https://pubmed.ncbi.nlm.nih.gov/{esc(pmid)}/">PubMed {esc(pmid)}</a>'
        )
    if fields.get("url") and not links:
        url = fields["url"]
        checked = datetime.date.fromisoformat(fields["urldate"])
        links.append(
            f'<a href="{esc(url)}">{esc(url)}</a> '
            f'<span class="source-checked">(checked {checked.day} {checked:%B %Y})</span>'
        )
    parts.append(" ".join(links))
    return " ".join(parts)
