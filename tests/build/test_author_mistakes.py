"""An author's mistake stops the build with a message naming the file and the problem.
Each test breaks a scratch copy of the project and builds it for real. Every mistake is
a warning (strict mode collects them all), so one build checks them all."""

from __future__ import annotations

import re

from support.build import append, build, set_field


def failed_build(project) -> str:
    result = build(project, project / "site")
    assert not result.ok, f"the build should have failed:\n{result}"
    return result.output


def test_every_authors_mistake_is_named_in_one_build(project):
    """Author mistakes are warnings, so strict mode lists them all from one build, each
    naming its file (and line, where there is one) and the problem."""
    docs = project / "docs"
    append(docs / "causes.md", "\nSee [this page](no-such-page.md).\n")
    append(docs / "index.md", "\nSee [this part](causes.md#no-such-section).\n")
    (docs / "orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: x\nlast_reviewed: 2026-01-01\n"
        "next_review: 2026-06-01\n---\n\n# Orphan\n")
    set_field(docs / "prevention.md", "next_review", "'next spring'")
    set_field(docs / "sources.md", "next_review", "2027-13-45")
    set_field(docs / "anatomy.md", "last_reviewed", None)
    set_field(docs / "about.md", "description", "word " * 40)
    append(docs / "treatment.md", "\nA claim [@nobody2099].\n")
    append(project / "references.bib", "\n@misc{no-link-entry,\n  title = {Somewhere},\n}\n")
    append(docs / "questions.md", "\n![](assets/javascripts/sw-register.js)\n")
    append(docs / "download.md", "\nIf it hurts, call your emergency number.\n")
    append(docs / "for-clinics.md", "\nSee [[red-flag no-such-sign]].\n")
    safety_file = project / "safety.yml"
    safety_file.write_text(safety_file.read_text().replace(
        "\ncautions:\n",
        "\n  - id: new-sign\n    tier: urgent\n    text: A new sign [@nhs-dvt].\n"
        "    short: a new sign\n\ncautions:\n", 1))
    append(project / "search-synonyms.yml",
           "\n- [lonely]\n- [zzzqx, qqqzz]\n- [gp, general practitioner]\n")

    output = failed_build(project)
    lines = output.splitlines()
    expected = [
        ("causes.md", "no-such-page.md"),
        ("index.md", "no-such-section"),
        ("orphan.md", ""),
        ("docs/prevention.md", "front matter 'next_review' must be a date"),
        ("docs/sources.md", "front matter is not valid YAML"),
        ("docs/anatomy.md", "front matter is missing last_reviewed"),
        ("docs/about.md", "front matter 'description' has"),
        ("docs/treatment.md", "unknown citation key '@nobody2099'"),
        ("references.bib", "entry 'no-link-entry' needs a doi, pmid or url"),
        ("docs/questions.md", "image without alt text"),
        ("docs/download.md:", "states a red-flag tier's call to action by hand"),
        ("docs/for-clinics.md:", "no red flag with the id no-such-sign"),
        ("safety.yml", "red flag 'new-sign' has no evidence"),
        ("search-synonyms.yml:", "a group needs two or more words"),
        ("search-synonyms.yml", "no page uses any of zzzqx, qqqzz"),
        ("search-synonyms.yml:", "'gp' is also in the group on line"),
    ]
    missing = [pair for pair in expected
               if not any(pair[0] in line and pair[1] in line for line in lines)]
    assert not missing, f"not named: {missing}\n{output}"


def test_a_dark_scheme_rule_that_would_print_is_named(project):
    """A dark-scheme colour outside @media screen would print pale ink for a reader who
    has the dark scheme on."""
    append(project / "docs/assets/stylesheets/site.css",
           '\n[data-md-color-scheme="slate"] .alpha { color: #ddd; }\n'
           '\n[data-md-color-scheme="slate"] .beta { color: #eee; }\n')
    output = failed_build(project)
    assert "assets/stylesheets/site.css" in output and "dark scheme outside @media screen" in output, output
    assert ".alpha" in output and ".beta" in output, f"not every rule is named: {output}"


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
