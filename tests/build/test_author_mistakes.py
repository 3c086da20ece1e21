"""An author's mistake stops the build with a message naming the file and the problem.
Each test breaks one thing in a scratch copy of the project and builds it for real."""

from __future__ import annotations

import re

import pytest

from conftest import build_site, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def set_field(page, field, value):
    """Set a front matter field's value (None removes the field)."""
    text = page.read_text(encoding="utf-8")
    line = "" if value is None else f"{field}: {value}\n"
    page.write_text(re.sub(rf"{field}: .*\n", line, text, count=1), encoding="utf-8")


def failed_build(project) -> str:
    result = build_site(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    return output


def test_broken_link_names_the_page_and_target(project):
    append(project / "docs/causes.md", "\nSee [this page](no-such-page.md).\n")
    output = failed_build(project)
    assert "causes.md" in output and "no-such-page.md" in output, output


def test_broken_anchor_names_the_page_and_anchor(project):
    append(project / "docs/index.md", "\nSee [this part](causes.md#no-such-section).\n")
    output = failed_build(project)
    assert "index.md" in output and "no-such-section" in output, output


def test_review_date_that_is_not_a_date_names_the_page_and_field(project):
    set_field(project / "docs/prevention.md", "next_review", "'next spring'")
    output = failed_build(project)
    assert "prevention.md" in output and "'next_review' must be a date" in output, output


def test_impossible_date_names_the_page_and_the_front_matter(project):
    set_field(project / "docs/prevention.md", "next_review", "2027-13-45")
    output = failed_build(project)
    assert "prevention.md: front matter is not valid YAML" in output, output


def test_missing_review_date_names_the_page(project):
    set_field(project / "docs/anatomy.md", "last_reviewed", None)
    output = failed_build(project)
    assert "anatomy.md" in output and "last_reviewed" in output, output


def test_unknown_citation_key_names_the_page_and_key(project):
    append(project / "docs/treatment.md", "\nA claim [@nobody2099].\n")
    output = failed_build(project)
    assert "treatment.md" in output and "nobody2099" in output, output


def test_bibliography_entry_without_doi_pmid_or_url_is_named(project):
    append(project / "references.bib", "\n@misc{no-link-entry,\n  title = {Somewhere},\n}\n")
    output = failed_build(project)
    assert "no-link-entry" in output and "doi, pmid or url" in output, output


def test_page_left_out_of_nav_is_named(project):
    (project / "docs/orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: x\nlast_reviewed: 2026-01-01\n"
        "next_review: 2026-06-01\n---\n\n# Orphan\n"
    )
    output = failed_build(project)
    assert "orphan.md" in output, output


def test_image_without_alt_text_names_the_page(project):
    append(project / "docs/questions.md", "\n![](assets/javascripts/review-status.js)\n")
    output = failed_build(project)
    assert "questions.md" in output and "alt text" in output, output


def test_long_description_names_the_page(project):
    set_field(project / "docs/about.md", "description", "word " * 40)
    output = failed_build(project)
    assert "about.md" in output and "description" in output, output


def test_overdue_page_shows_the_review_notice(project):
    set_field(project / "docs/questions.md", "last_reviewed", "2020-01-01")
    set_field(project / "docs/questions.md", "next_review", "2020-07-01")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site/questions.html").read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition warning review-overdue"[^>]*>', html).group(0)
    assert "hidden" not in notice, notice
    assert "due for review" in html
