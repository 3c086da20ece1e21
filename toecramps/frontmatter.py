"""Each page's front matter: what it must hold, and its review dates.

Each page needs: title, description (at most 160 characters, used as the meta
description), last_reviewed and next_review (ISO dates, next after last).
"""

from __future__ import annotations

import datetime
import os
import re

MAX_DESCRIPTION = 160
REQUIRED = ("title", "description", "last_reviewed", "next_review")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_date(value) -> datetime.date | None:
    """A front matter date: YAML already turns an unquoted ISO date into a date; a quoted
    one is accepted too. None when it is not a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not ISO_DATE.match(str(value)):  # Python accepts 20261122 too; readers' tools do not
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def problems(meta: dict) -> list[str]:
    """Every problem with a page's front matter, each a sentence naming the field."""
    found = []
    missing = [field for field in REQUIRED if not meta.get(field)]
    if missing:
        found.append(f"front matter is missing {', '.join(missing)}")
    description = str(meta.get("description") or "").strip()
    if len(description) > MAX_DESCRIPTION:
        found.append(f"front matter 'description' has {len(description)} characters; "
                     f"the most is {MAX_DESCRIPTION}")
    dates = {}
    for field in ("last_reviewed", "next_review"):
        if meta.get(field):
            dates[field] = as_date(meta[field])
            if dates[field] is None:
                found.append(f"front matter '{field}' must be a date like 2026-11-20, "
                             f"not {meta[field]!r}")
    last, due = dates.get("last_reviewed"), dates.get("next_review")
    if last and due and due <= last:
        found.append(f"next_review ({due}) must come after last_reviewed ({last})")
    return found


def today() -> datetime.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds, tests), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def is_overdue(next_review, on: datetime.date | None = None) -> bool:
    """Whether the review date has passed on the given day (default: the build's date)."""
    due = as_date(next_review)
    return due is not None and due < (on or today())
