"""The bibliography, references.bib: reading it, checking it, and formatting its entries.

Pure functions over pybtex entries, shared by the citations extension (numbered links and
each page's source list) and the post-build step (a page's sources as schema.org data).
"""

from __future__ import annotations

import codecs
import datetime
import functools
import html
import pathlib

import latexcodec  # noqa: F401  (registers the "ulatex" codec used below)
from pybtex.database import parse_string

BIBLIOGRAPHY_FILE = "references.bib"
MAX_AUTHORS = 3


def parse(text: str) -> tuple[dict, list[str]]:
    """The entries of a BibTeX file's text by key, and every problem found in them."""
    try:
        entries = dict(parse_string(text, bib_format="bibtex").entries)
    except Exception as error:  # pybtex raises several types; all mean "fix the file"
        return {}, [f"cannot be read: {' '.join(str(error).split())}"]
    problems = []
    for key, entry in entries.items():
        fields = entry.fields
        if not any(fields.get(name) for name in ("doi", "pmid", "url")):
            problems.append(f"entry '{key}' needs a doi, pmid or url")
        elif fields.get("url") and not fields.get("doi") and not fields.get("pmid"):
            if checked_date(fields.get("urldate")) is None:
                problems.append(f"web entry '{key}' needs urldate (the date the page was "
                                f"checked), as YYYY-MM-DD; found {fields.get('urldate')!r}")
    return entries, problems


@functools.lru_cache(maxsize=4)
def load(path: str, modified: float) -> tuple[dict, tuple[str, ...]]:
    """Read once per change of the file (`mkdocs serve` rebuilds often)."""
    entries, problems = parse(pathlib.Path(path).read_text(encoding="utf-8"))
    return entries, tuple(problems)


def checked_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def entry_url(entry) -> str:
    """The one address that best identifies a source: DOI, then PubMed, then the web page."""
    fields = entry.fields
    if fields.get("doi"):
        return f"https://doi.org/{fields['doi']}"
    if fields.get("pmid"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{fields['pmid']}/"
    return fields.get("url", "")  # parse() reports an entry with none


def title(entry) -> str:
    return plain(entry.fields.get("title", ""))


@functools.lru_cache(maxsize=None)  # decoding LaTeX is slow, and the same text recurs
def plain(text: str) -> str:
    """BibTeX field text as plain Unicode: LaTeX escapes decoded, braces dropped."""
    return codecs.decode(text, "ulatex").replace("{", "").replace("}", "").strip()


def authors(entry) -> str:
    people = entry.persons.get("author", [])
    names = []
    for person in people:
        last = plain(" ".join(person.prelast_names + person.last_names))
        if last.lower() == "others":
            names.append("et al.")
            break
        initials = "".join(plain(name)[:1] for name in person.first_names + person.middle_names)
        names.append(f"{last} {initials}".strip())
    if len(names) > MAX_AUTHORS:
        names = names[:MAX_AUTHORS] + ["et al."]
    if names and names[-1] == "et al.":
        return ", ".join(names[:-1]) + ", et al."
    return ", ".join(names)


def sort_key(entry) -> str:
    return (authors(entry) + plain(entry.fields.get("title", ""))).lower()


def format_entry(entry) -> str:
    """One source as HTML: authors, title, where published, and its link."""
    fields = entry.fields
    esc = html.escape
    names = authors(entry)
    parts = [esc(names) + ("" if names.endswith(".") else "."),
             f"<cite>{esc(plain(fields.get('title', '')))}</cite>."]

    if fields.get("journal"):
        citation = esc(plain(fields["journal"])) + ". " + esc(fields.get("year", ""))
        if fields.get("volume"):
            citation += ";" + esc(fields["volume"])
        if fields.get("number"):
            citation += f"({esc(fields['number'])})"
        if fields.get("pages"):
            citation += ":" + esc(fields["pages"].replace("--", "-"))
        parts.append(citation + ".")
    else:
        published = [plain(fields[name]) for name in ("howpublished",) if fields.get(name)]
        if fields.get("year"):
            published.append(plain(fields.get("month", "")).capitalize() + " " + fields["year"])
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
        checked = checked_date(fields.get("urldate")) or datetime.date.min
        links.append(
            f'<a href="{esc(url)}">{esc(url)}</a> '
            f'<span class="source-checked">(checked {checked.day} {checked:%B %Y})</span>'
        )
    parts.append(" ".join(links))
    return " ".join(parts)
