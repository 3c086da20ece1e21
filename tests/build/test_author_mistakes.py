"""An author's mistake stops the build with a message naming the file and the problem.
Each test breaks a scratch copy of the project and builds it for real. Mistakes that
MkDocs reports as warnings (strict mode collects them all) share one build; mistakes
that a hook stops the build for get a build each."""

from __future__ import annotations

import re

import pytest

from support.build import append, build, set_field


def failed_build(project) -> str:
    result = build(project, project / "site")
    assert not result.ok, f"the build should have failed:\n{result}"
    return result.output


def test_broken_link_broken_anchor_and_page_left_out_of_nav_are_each_named(project):
    append(project / "docs/causes.md", "\nSee [this page](no-such-page.md).\n")
    append(project / "docs/index.md", "\nSee [this part](causes.md#no-such-section).\n")
    (project / "docs/orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: x\nlast_reviewed: 2026-01-01\n"
        "next_review: 2026-06-01\n---\n\n# Orphan\n"
    )
    output = failed_build(project)
    lines = output.splitlines()
    assert any("causes.md" in line and "no-such-page.md" in line for line in lines), output
    assert any("index.md" in line and "no-such-section" in line for line in lines), output
    assert any("orphan.md" in line for line in lines), output


@pytest.mark.parametrize("page,field,value,expected", [
    ("prevention.md", "next_review", "'next spring'", ["'next_review' must be a date"]),
    ("prevention.md", "next_review", "2027-13-45", ["prevention.md: front matter is not valid YAML"]),
    ("anatomy.md", "last_reviewed", None, ["last_reviewed"]),
    ("about.md", "description", "word " * 40, ["description"]),
], ids=["review-date-not-a-date", "impossible-date", "missing-review-date", "long-description"])
def test_bad_front_matter_names_the_page_and_field(project, page, field, value, expected):
    set_field(project / "docs" / page, field, value)
    output = failed_build(project)
    assert page in output and all(words in output for words in expected), output


def test_unknown_citation_key_names_the_page_and_key(project):
    append(project / "docs/treatment.md", "\nA claim [@nobody2099].\n")
    output = failed_build(project)
    assert "treatment.md" in output and "nobody2099" in output, output


def test_bibliography_entry_without_doi_pmid_or_url_is_named(project):
    append(project / "references.bib", "\n@misc{no-link-entry,\n  title = {Somewhere},\n}\n")
    output = failed_build(project)
    assert "no-link-entry" in output and "doi, pmid or url" in output, output


def test_image_without_alt_text_names_the_page(project):
    append(project / "docs/questions.md", "\n![](assets/javascripts/review-status.js)\n")
    output = failed_build(project)
    assert "questions.md" in output and "alt text" in output, output


def test_review_notice_is_shown_when_overdue_and_hidden_when_not(project):
    """Built with one page long overdue and one not due for centuries: true on any day."""
    set_field(project / "docs/questions.md", "last_reviewed", "2020-01-01")
    set_field(project / "docs/questions.md", "next_review", "2020-07-01")
    set_field(project / "docs/causes.md", "next_review", "2999-01-01")
    result = build(project, project / "site")
    assert result.ok, result
    notices = {}
    for name in ("questions.html", "causes.html"):
        html = (project / "site" / name).read_text(encoding="utf-8")
        notices[name] = re.search(r'<div class="admonition warning review-overdue"[^>]*>', html).group(0)
    assert "hidden" not in notices["questions.html"], notices
    assert "hidden" in notices["causes.html"], notices
    assert "due for review" in (project / "site/questions.html").read_text(encoding="utf-8")
