"""Links never break: every address in tests/url_contract.txt still works in the built
site, directly or through a redirect, and every linkable section is in the contract.
(A reader following a moved page's old link: tests/browser/test_redirects.py.)"""

from __future__ import annotations

import re

from support.build import build
from support.contract import contract_entries, contract_problems
from support.html import linkable_ids
from support.project import site_url


def test_every_contracted_url_and_anchor_still_works(site_dir):
    problems = contract_problems(site_dir)
    assert not problems, (
        "addresses in tests/url_contract.txt that no longer work; restore them or add a "
        "redirect:\n" + "\n".join(problems)
    )


def test_every_page_and_section_is_in_the_contract(soups):
    listed = set(contract_entries())
    missing = []
    for page, soup in soups.items():
        name = page.replace(".md", ".html")
        missing += [name] if name not in listed else []
        missing += [f"{name}#{i}" for i in sorted(linkable_ids(soup)) if f"{name}#{i}" not in listed]
    assert not missing, (
        "new pages or sections: add them to tests/url_contract.txt so their addresses are "
        "kept:\n" + "\n".join(missing)
    )


def test_renamed_section_breaks_the_contract(project):
    for page in (project / "docs").glob("*.md"):
        text = page.read_text().replace("{ #dehydration }", "{ #not-enough-fluid }")
        text = text.replace("causes.md#dehydration", "causes.md#not-enough-fluid")
        page.write_text(text.replace("(#dehydration)", "(#not-enough-fluid)"))
    result = build(project, project / "site")
    assert result.ok, result
    problems = contract_problems(project / "site")
    assert any("causes.html#dehydration" in problem for problem in problems), problems


def test_renamed_section_with_an_alias_keeps_the_contract(project):
    """README's way to rename a section: keep the old id as an empty <span> in it."""
    for page in (project / "docs").glob("*.md"):
        text = re.sub(r"^(### .*) \{ #dehydration \}$",
                      r'\1 { #not-enough-fluid }\n\n<span id="dehydration"></span>',
                      page.read_text(), flags=re.M)
        page.write_text(text.replace("#dehydration)", "#not-enough-fluid)"))
    result = build(project, project / "site")
    assert result.ok, result
    assert contract_problems(project / "site") == []


def test_moved_page_breaks_the_contract_until_a_redirect_is_added(project):
    docs = project / "docs"
    (docs / "causes.md").rename(docs / "why-toes-cramp.md")
    # Everything that names the page: pages, includes, the nav and safety.yml's cautions.
    for path in [*docs.rglob("*.md"), project / "mkdocs.yml", project / "safety.yml"]:
        path.write_text(path.read_text().replace("causes.md", "why-toes-cramp.md"))
    result = build(project, project / "site")
    assert result.ok, result
    assert any(p.startswith("causes.html") for p in contract_problems(project / "site"))

    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "redirect_maps:\n", "redirect_maps:\n        causes.md: why-toes-cramp.md\n"))
    result = build(project, project / "site")
    assert result.ok, result
    assert contract_problems(project / "site") == []


def test_clinic_page_addresses_match_their_links(soups):
    """Each copy-ready address in the For clinics table opens what its link opens."""
    base = site_url().rstrip("/")
    clinics = soups["for-clinics.md"]
    rows = [row for section in ("deep-links", "handouts")
            for row in clinics.find(id=section).find_next("table").select("tbody tr")]
    assert len(rows) >= 15, "the deep-link or handouts table is missing or short"
    listed = set(contract_entries())
    for row in rows:
        link, address = row.find("a"), row.find("code").get_text()
        assert address == f"{base}/{link['href']}", f"{address} != {link['href']}"
        assert link["href"] in listed, f"{link['href']} is not in the URL contract"


def test_clinic_page_is_linked_from_footer_and_about(soups):
    assert soups["index.md"].select_one("footer a[href='for-clinics.html']"), "footer link"
    assert soups["about.md"].select_one("article a[href='for-clinics.html']"), "about link"
