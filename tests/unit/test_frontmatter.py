"""Front matter checks and review dates, with the clock set by SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime

import pytest

from toecramps import frontmatter, pages

pytestmark = pytest.mark.unit
GOOD = {"title": "T", "description": "D", "last_reviewed": datetime.date(2026, 11, 22),
        "next_review": datetime.date(2027, 5, 22)}


def test_complete_front_matter_has_no_problems():
    assert frontmatter.problems(GOOD) == []


@pytest.mark.parametrize("change, problem", [
    ({"description": None}, "front matter is missing description"),
    ({"description": "x" * 161}, "'description' has 161 characters; the most is 160"),
    ({"next_review": "next spring"}, "'next_review' must be a date like 2026-11-20, not 'next spring'"),
    ({"next_review": datetime.date(2026, 1, 1)}, "next_review (2026-01-01) must come after"),
])
def test_each_problem_is_named(change, problem):
    found = frontmatter.problems({**GOOD, **change})
    assert any(problem in item for item in found), found


def test_a_quoted_date_is_accepted():
    assert frontmatter.problems({**GOOD, "last_reviewed": "2026-11-22"}) == []


def at(day: str, monkeypatch) -> None:
    moment = datetime.datetime.fromisoformat(day + "T12:00:00+00:00")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def test_a_page_is_overdue_only_after_its_review_date(monkeypatch):
    at("2027-05-22", monkeypatch)
    assert not frontmatter.is_overdue("2027-05-22")
    at("2027-05-23", monkeypatch)
    assert frontmatter.is_overdue("2027-05-22")


def test_dates_read_the_same_in_every_english_speaking_country():
    assert pages.long_date(datetime.date(2027, 5, 2)) == "2 May 2027"


def test_skip_to_content_goes_to_the_link_to_the_warning_signs_where_a_page_has_it():
    skip = '<a href="#the-title" class="md-skip">Skip to content</a>'
    help_link = '<p class="help-link" id="help-link"><a href="when-to-get-help.html">'
    assert pages.skip_to_help_link(skip + help_link) == skip.replace("#the-title", "#help-link") + help_link
    assert pages.skip_to_help_link(skip + "<h1 id='the-title'>") == skip + "<h1 id='the-title'>"
