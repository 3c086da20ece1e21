"""Plain English, measured on what a reader reads in the built pages (textstat 0.7.8)."""

from __future__ import annotations

import statistics

import pytest
import textstat

from support.html import main_text
from support.project import PAGES, html_name

MAX_GRADE = 7.0
MAX_MEDIAN_GRADE = 6.0


def grade(soup) -> float:
    return textstat.flesch_kincaid_grade(main_text(soup))


@pytest.mark.parametrize("page", PAGES)
def test_page_reads_at_grade_7_or_below(soups, page):
    score = grade(soups[page])
    assert score <= MAX_GRADE, (
        f"{html_name(page)}: Flesch-Kincaid grade {score:.1f} is above {MAX_GRADE}; "
        "use shorter sentences and everyday words"
    )


def test_median_grade_is_6_or_below(soups):
    scores = {page: grade(soup) for page, soup in soups.items()}
    median = statistics.median(scores.values())
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f} > {MAX_MEDIAN_GRADE}: {scores}"


def test_main_text_leaves_out_sources_and_chrome(soups):
    text = main_text(soups["causes.md"])
    assert "Sources for this page" not in text and "doi:" not in text
    assert "Page last reviewed" not in text
