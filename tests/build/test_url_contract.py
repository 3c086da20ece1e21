"""Links never break: every address in tests/url_contract.txt still works in the built
site, directly or through a redirect, and every linkable section is in the contract."""

from __future__ import annotations

import pathlib
import re

from bs4 import BeautifulSoup

from conftest import build_site, copy_project, serve

CONTRACT = pathlib.Path(__file__).with_name("url_contract.txt")
REFRESH = re.compile(r"url=([^\"'>]+)", re.I)


def contract_entries() -> list[str]:
    lines = CONTRACT.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def linkable_ids(soup: BeautifulSoup) -> set[str]:
    """Ids a clinic may link to: every id in the article (headings, red-flag signs, and
    <span id> aliases kept for renamed sections) but the h1, whose id comes from the
    title, and the citation targets and per-page sources list."""
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return set()
    return {
        element["id"] for element in article.select("[id]")
        if element.name != "h1" and element["id"] != "page-sources"
        and not element["id"].startswith(("source-", "__"))
    }


def redirect_target(html: str) -> str | None:
    """The page a mkdocs-redirects stub sends readers to (it keeps the #anchor)."""
    soup = BeautifulSoup(html, "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return REFRESH.search(refresh["content"]).group(1).split("#")[0]


def contract_problems(site: pathlib.Path) -> list[str]:
    problems = []
    for entry in contract_entries():
        path, _, anchor = entry.partition("#")
        target = site / path
        if not target.is_file():
            problems.append(f"{entry}: {path} is gone and no redirect replaces it")
            continue
        if not path.endswith(".html"):
            continue
        html = target.read_text(encoding="utf-8")
        moved_to = redirect_target(html)
        if moved_to:
            target = (target.parent / moved_to).resolve()
            if not target.is_file():
                problems.append(f"{entry}: redirects to {moved_to}, which does not exist")
                continue
            html = target.read_text(encoding="utf-8")
        if anchor and anchor not in linkable_ids(BeautifulSoup(html, "html.parser")):
            problems.append(f"{entry}: section #{anchor} is gone from {target.name}")
    return problems


def test_every_contracted_url_and_anchor_still_works(site_dir):
    problems = contract_problems(site_dir)
    assert not problems, (
        "addresses in tests/url_contract.txt that no longer work; restore them or add a "
        "redirect:\n" + "\n".join(problems)
    )


def test_every_page_and_section_is_in_the_contract(site_dir, soups):
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


def test_renamed_section_breaks_the_contract(tmp_path):
    project = copy_project(tmp_path / "project")
    for page in (project / "docs").glob("*.md"):
        text = page.read_text().replace("{ #dehydration }", "{ #not-enough-fluid }")
        text = text.replace("causes.md#dehydration", "causes.md#not-enough-fluid")
        page.write_text(text.replace("(#dehydration)", "(#not-enough-fluid)"))
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    problems = contract_problems(project / "site")
    assert any("causes.html#dehydration" in problem for problem in problems), problems


def test_renamed_section_with_an_alias_keeps_the_contract(tmp_path):
    """README's way to rename a section: keep the old id as an empty <span> in it."""
    project = copy_project(tmp_path / "project")
    for page in (project / "docs").glob("*.md"):
        text = page.read_text().replace(
            "### Dehydration { #dehydration }",
            '### Dehydration { #not-enough-fluid }\n\n<span id="dehydration"></span>')
        page.write_text(text.replace("#dehydration)", "#not-enough-fluid)"))
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert contract_problems(project / "site") == []


def test_moved_page_breaks_the_contract_until_a_redirect_is_added(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "causes.md").rename(docs / "why-toes-cramp.md")
    for path in [*docs.glob("*.md"), project / "mkdocs.yml"]:
        path.write_text(path.read_text().replace("causes.md", "why-toes-cramp.md"))
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(p.startswith("causes.html") for p in contract_problems(project / "site"))

    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "redirect_maps: {}", "redirect_maps:\n        causes.md: why-toes-cramp.md"))
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert contract_problems(project / "site") == []

    # And a reader following an old link with a section lands on that section.
    page = browser.new_page()
    with serve(project / "site") as url:
        page.goto(url + "causes.html#dehydration")
        page.wait_for_url("**/why-toes-cramp.html#dehydration")
    page.close()


def test_clinic_page_addresses_match_their_links(soups):
    """Each copy-ready address in the For clinics table opens what its link opens."""
    from mkdocs.utils.yaml import yaml_load

    from conftest import ROOT

    site_url = yaml_load((ROOT / "mkdocs.yml").read_text())["site_url"].rstrip("/")
    rows = soups["for-clinics.md"].select("#deep-links ~ table tbody tr")
    assert len(rows) >= 10, "the deep-link table is missing or short"
    listed = set(contract_entries())
    for row in rows:
        link, address = row.find("a"), row.find("code").get_text()
        assert address == f"{site_url}/{link['href']}", f"{address} != {link['href']}"
        assert link["href"] in listed, f"{link['href']} is not in the URL contract"


def test_clinic_page_is_linked_from_footer_and_about(soups):
    assert soups["index.md"].select_one("footer a[href='for-clinics.html']"), "footer link"
    assert soups["about.md"].select_one("article a[href='for-clinics.html']"), "about link"
