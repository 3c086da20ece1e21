"""Where things are, and what the project's own files say."""

from __future__ import annotations

import datetime
import os
import pathlib

from mkdocs.utils.yaml import yaml_load

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TESTS = ROOT / "tests"
# Every Markdown page, known at collection time so tests can be parametrized by page.
# docs/_includes/ holds parts shared by several pages, not pages (exclude_docs).
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")
               if not path.relative_to(DOCS).as_posix().startswith("_includes/"))

# One-page handouts to print, built from the same shared parts as the pages.
HANDOUTS = [page for page in PAGES if page.startswith("handouts/")]


def html_name(page: str) -> str:
    """docs/causes.md is published as causes.html (use_directory_urls is off)."""
    return page[: -len(".md")] + ".html"


def root_prefix(page: str) -> str:
    """How a built page's links reach the site's root: "" for causes.md, "../" for
    handouts/stretches.md."""
    return "../" * page.count("/")


def config() -> dict:
    """mkdocs.yml, read with MkDocs' own loader (it understands the !ENV tags)."""
    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def site_url() -> str:
    return config()["site_url"]


def front_matter(page: str, docs: pathlib.Path = DOCS) -> dict:
    text = (docs / page).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml_load(text.split("---\n", 2)[1]) or {}


def nav_pages() -> list[str]:
    """The Markdown files named in mkdocs.yml's nav, in order."""
    found: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(value)

    walk(config()["nav"])
    return found


def not_in_nav_pages() -> list[str]:
    """Pages mkdocs.yml's not_in_nav lists on purpose (the offline page), as "/name.md"."""
    return [line.strip().lstrip("/") for line in (config().get("not_in_nav") or "").splitlines()
            if line.strip()]


def build_day(environ=os.environ) -> datetime.date:
    """'Today' for the build and the tests: the UTC day of SOURCE_DATE_EPOCH when it is set
    (reproducible builds), else the real UTC day."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    else:
        moment = datetime.datetime.now(datetime.timezone.utc)
    return moment.date()
