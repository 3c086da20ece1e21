"""Check every page's front matter and work out whether its review is overdue.

Each page needs: title, description (at most 160 characters, used as the meta
description), last_reviewed and next_review (ISO dates, next after last). A missing
or malformed field stops the build with the file's name and the problem.
"""

from __future__ import annotations

import datetime

import yaml
from mkdocs.exceptions import PluginError

MAX_DESCRIPTION = 160
REQUIRED = ("title", "description", "last_reviewed", "next_review")


def _as_date(value, field: str, src: str) -> datetime.date:
    # YAML already turns an unquoted ISO date into a date; accept a quoted one too.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(
            f"{src}: front matter '{field}' must be a date like 2026-11-20, not {value!r}"
        ) from None


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_path
    meta = page.meta
    if markdown.startswith("---"):
        # MkDocs drops front matter it cannot parse and leaves it in the text; say why.
        try:
            yaml.safe_load(markdown.split("---", 2)[1])
            problem = "is not a mapping of field: value lines"
        except Exception as error:  # any YAML or date error: report it as it is
            problem = f"is not valid YAML: {' '.join(str(error).split())}"
        raise PluginError(f"{src}: front matter {problem}")
    missing = [field for field in REQUIRED if not meta.get(field)]
    if missing:
        raise PluginError(f"{src}: front matter is missing {', '.join(missing)}")

    description = str(meta["description"]).strip()
    if len(description) > MAX_DESCRIPTION:
        raise PluginError(
            f"{src}: front matter 'description' has {len(description)} characters; "
            f"the most is {MAX_DESCRIPTION}"
        )

    last = _as_date(meta["last_reviewed"], "last_reviewed", src)
    due = _as_date(meta["next_review"], "next_review", src)
    if due <= last:
        raise PluginError(
            f"{src}: next_review ({due}) must come after last_reviewed ({last})"
        )

    # The templates show these; the overdue flag is rechecked in the reader's browser
    # (assets/javascripts/review-status.js) because a built site may be read for years.
    meta["last_reviewed"] = last
    meta["next_review"] = due
    meta["review_overdue"] = due < datetime.date.today()
    # The sitemap's lastmod: when the page's content was last checked, not the build date.
    page.update_date = last.isoformat()
    return markdown
