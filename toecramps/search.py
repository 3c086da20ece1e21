"""What the site's search knows, beyond the words on its pages.

Material's search plugin writes search/search_index.json (and, for file://, the offline
plugin copies it into search/search_index.js). The post-build step `search_index` adds:
- each warning sign as its own result, from safety.yml, so a reader who describes a sign
  lands on it (when-to-get-help.html#ID), ranked above exercises and causes (`boost`);
- the groups of other words readers use for the same thing, from search-synonyms.yml.
The search itself (docs/assets/javascripts/search-worker.js) reads both.
"""

from __future__ import annotations

import html
import json
import pathlib
import re

import yaml

from toecramps import messages, safety

SYNONYMS_FILE = "search-synonyms.yml"
INDEX_JSON = pathlib.Path("search", "search_index.json")
INDEX_SCRIPT = pathlib.Path("search", "search_index.js")  # for file://, by the offline plugin
INDEX_SCRIPT_PREFIX = "var __index = "
WARNING_SIGN_BOOST = 1.3  # a sign that matches as well as a stretch or a cause ranks first
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Roughly the search's own words (search-worker.js `words`): enough to tell whether a
    synonym occurs on the site."""
    text = re.sub(r"['\u2018\u2019`]s\b", "", text.lower())
    text = re.sub(r"['\u2018\u2019`]", "", text)
    return WORD.findall(re.sub(r"([a-z])&([a-z])", r"\1\2", text))


def load_synonyms(path: pathlib.Path) -> list[list[str]]:
    """search-synonyms.yml's groups. A malformed file or group is reported, naming the
    file and line, and left out."""
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        messages.warn(where, "is missing: search needs its groups of other words")
        return []
    try:
        data = yaml.compose(text)
    except yaml.YAMLError as error:
        messages.warn(where, f"is not valid YAML: {' '.join(str(error).split())}")
        return []
    if data is None:
        return []
    if not isinstance(data, yaml.SequenceNode):
        messages.warn(where, "must be a list of groups, one per line: - [word, other word]")
        return []
    groups: list[list[str]] = []
    first_line: dict[str, int] = {}
    for node in data.value:
        line = node.start_mark.line + 1
        terms = ([item.value.strip() for item in node.value if isinstance(item, yaml.ScalarNode)]
                 if isinstance(node, yaml.SequenceNode) else [])
        if len(terms) < 2 or not all(words(term) for term in terms):
            messages.warn(f"{where}:{line}", "a group needs two or more words or phrases, "
                                             "written as - [word, other word]")
            continue
        for term in terms:
            key = " ".join(words(term))
            if key in first_line and first_line[key] != line:
                messages.warn(f"{where}:{line}", f"'{term}' is also in the group on line "
                                                 f"{first_line[key]}: merge the two groups")
            first_line.setdefault(key, line)
        groups.append(terms)
    return groups


def unused_groups(groups: list[list[str]], site_text: str) -> list[list[str]]:
    """Groups none of whose words or phrases appear anywhere on the site: they find nothing."""
    joined = f" {' '.join(words(site_text))} "
    return [group for group in groups
            if not any(f" {' '.join(words(term))} " in joined for term in group)]


def warning_sign_documents(triage_page_html: str, triage_location: str,
                           found: safety.Safety) -> list[dict]:
    """Each red flag as a search result: its tier's call to action, then its wording."""
    documents = []
    for flag in found.red_flags:
        item = re.search(rf'<li id="{re.escape(flag.id)}">(.*?)</li>', triage_page_html, re.S)
        if item is None:
            raise LookupError(f"{triage_location} has no item with id '{flag.id}' for "
                              "the search: has the triage marker moved?")
        documents.append({
            "location": f"{triage_location}#{flag.id}",
            "title": html.escape(found.tier(flag.tier).call, quote=False),
            # Without what the sign says only when linked: its tier's call is the title.
            "text": safety.LINKED_SIGN_ONLY.sub("", item[1]).strip(),
            "boost": WARNING_SIGN_BOOST,
        })
    return documents


def add_to_index(index: dict, *, signs: list[dict], synonyms: list[list[str]]) -> dict:
    """Material's index with the warning signs, each after its tier's section, and the
    groups of other words in its config."""
    docs = list(index["docs"])
    for sign in signs:
        page = sign["location"].split("#")[0]
        last_of_page = max(i for i, doc in enumerate(docs) if doc["location"].split("#")[0] == page)
        docs.insert(last_of_page + 1, sign)
    return {**index, "config": {**index["config"], "synonyms": synonyms}, "docs": docs}


def site_text(index: dict) -> str:
    """Every word the index holds, as plain text."""
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def write_index(site: pathlib.Path, project: pathlib.Path) -> None:
    """The post-build step: the finished index, for http(s) and for file://."""
    index_path = site / INDEX_JSON
    index = json.loads(index_path.read_text(encoding="utf-8"))
    synonyms = load_synonyms(project / SYNONYMS_FILE)
    for group in unused_groups(synonyms, site_text(index)):
        messages.warn(SYNONYMS_FILE, f"no page uses any of {', '.join(group)}: "
                                     "the group finds nothing; remove it or fix its words")
    found, problems = safety.parse((project / safety.SAFETY_FILE).read_text(encoding="utf-8"))
    if problems:
        return  # the build has reported them already; the index keeps Material's sections
    triage_location = safety.TRIAGE_PAGE.removesuffix(".md") + ".html"
    signs = warning_sign_documents((site / triage_location).read_text(encoding="utf-8"),
                                   triage_location, found)
    finished = add_to_index(index, signs=signs, synonyms=synonyms)
    text = json.dumps(finished, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(text, encoding="utf-8")
    script = site / INDEX_SCRIPT
    if script.exists():
        script.write_text(INDEX_SCRIPT_PREFIX + text, encoding="utf-8")
