"""Every page is in the nav, has valid front matter, one h1, headings that never skip a
level, a meta description, review dates a reader can see, and is not past its review
date. (Alt text: tests/build/test_author_mistakes.py and tests/build/test_illustrations.py.)"""

from __future__ import annotations

import datetime

import pytest

from support.project import DOCS, PAGES, build_day, front_matter, html_name, nav_pages, not_in_nav_pages, root_prefix

MAX_DESCRIPTION = 160


def test_every_page_is_in_nav_and_every_nav_entry_exists():
    nav = nav_pages()
    missing_from_nav = sorted(set(PAGES) - set(nav) - set(not_in_nav_pages()))
    assert not missing_from_nav, f"pages in docs/ but not in mkdocs.yml nav: {missing_from_nav}"
    missing_files = sorted(set(nav) - set(PAGES))
    assert not missing_files, f"nav entries with no file in docs/: {missing_files}"


@pytest.mark.parametrize("page", PAGES)
def test_front_matter_is_complete_and_valid(page):
    meta = front_matter(page)
    for field in ("title", "description", "last_reviewed", "next_review"):
        assert meta.get(field), f"docs/{page}: front matter has no {field}"
    description = str(meta["description"]).strip()
    assert len(description) <= MAX_DESCRIPTION, (
        f"docs/{page}: description is {len(description)} characters (max {MAX_DESCRIPTION})"
    )
    dates = {}
    for field in ("last_reviewed", "next_review"):
        try:
            dates[field] = datetime.date.fromisoformat(str(meta[field]))
        except ValueError:
            pytest.fail(f"docs/{page}: {field} must be an ISO date like 2026-11-20, not {meta[field]!r}")
    assert dates["next_review"] > dates["last_reviewed"], (
        f"docs/{page}: next_review must come after last_reviewed"
    )


@pytest.mark.parametrize("page", PAGES)
def test_exactly_one_h1_matching_the_title(soups, page):
    article = soups[page].select_one("article.md-content__inner")
    h1s = article.find_all("h1")
    assert len(h1s) == 1, f"docs/{page}: {len(h1s)} h1 headings; a page needs exactly one"
    title = front_matter(page)["title"]
    heading = h1s[0].get_text(" ", strip=True).rstrip("¶").strip()
    assert heading == title, f"docs/{page}: h1 {heading!r} differs from title {title!r}"


@pytest.mark.parametrize("page", PAGES)
def test_heading_levels_never_skip(soups, page):
    article = soups[page].select_one("article.md-content__inner")
    previous = 1
    for heading in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        assert level <= previous + 1, (
            f"docs/{page}: heading {heading.get_text(strip=True)!r} is h{level} after h{previous}"
        )
        previous = level


@pytest.mark.parametrize("page", PAGES)
def test_every_linkable_heading_has_a_permanent_id(page):
    """Ids written in the Markdown survive rewording; generated ones do not."""
    text = (DOCS / page).read_text(encoding="utf-8")
    in_code = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not line.startswith(("## ", "### ", "#### ")):
            continue
        assert "{ #" in line or "{#" in line, (
            f"docs/{page}:{number}: heading has no permanent id, add {{ #some-id }}: {line!r}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_meta_description_comes_from_front_matter(soups, page):
    tag = soups[page].find("meta", attrs={"name": "description"})
    assert tag is not None, f"{html_name(page)}: no meta description"
    assert tag["content"] == str(front_matter(page)["description"]).strip(), (
        f"{html_name(page)}: meta description differs from docs/{page} front matter"
    )


@pytest.mark.parametrize("page", PAGES)
def test_review_dates_are_shown_near_the_content(soups, page):
    meta = front_matter(page)
    box = soups[page].select_one("article .page-review")
    assert box is not None, f"{html_name(page)}: no review dates under the content"
    dates = [time["datetime"] for time in box.find_all("time")]
    assert dates == [meta["last_reviewed"].isoformat(), meta["next_review"].isoformat()], (
        f"{html_name(page)}: review dates shown {dates} differ from the front matter"
    )
    assert "not a diagnosis" in box.get_text(), f"{html_name(page)}: no disclaimer by the dates"


@pytest.mark.parametrize("page", PAGES)
def test_overdue_notice_matches_the_review_date(soups, page):
    notice = soups[page].select_one(".review-overdue")
    assert notice is not None, f"{html_name(page)}: no review notice element"
    overdue = front_matter(page)["next_review"] < build_day()
    assert notice.has_attr("hidden") != overdue, (
        f"{html_name(page)}: overdue notice should be {'shown' if overdue else 'hidden'}"
    )


def test_no_page_is_past_its_review_date():
    """Content, not code: this fails on the day a page's review falls due, on purpose.
    (SOURCE_DATE_EPOCH sets the day; see support/project.py.)"""
    today = build_day()
    overdue = [f"docs/{page}: next_review {front_matter(page)['next_review']} has passed"
               for page in PAGES if front_matter(page)["next_review"] < today]
    assert not overdue, (
        f"Pages past their review date on {today}. Check each page against its sources, then "
        "set last_reviewed to the day you checked it and next_review to the next check:\n"
        + "\n".join(overdue))


@pytest.mark.parametrize("page", PAGES)
def test_footer_says_general_information_and_links_to_about(soups, page):
    footer = soups[page].select_one("footer .footer-disclaimer")
    assert footer is not None, f"{html_name(page)}: footer disclaimer missing"
    assert "not medical advice" in footer.get_text()
    assert footer.find("a", href=root_prefix(page) + "about.html#disclaimer"), \
        f"{html_name(page)}: no link to about"


@pytest.mark.parametrize("page", [p for p in PAGES if p != "when-to-get-help.md"])
def test_red_flags_are_one_click_away(soups, page):
    link = soups[page].select_one("article .help-link a")
    assert link is not None and link["href"] == root_prefix(page) + "when-to-get-help.html", (
        f"{html_name(page)}: no link to when-to-get-help.html at the top of the content"
    )


def test_the_site_map_lists_every_page_in_the_nav(soups):
    """Without JavaScript the search box leads to the home page's site map: every page
    a reader can reach from the menu is listed there."""
    site_map = soups["index.md"].select_one("#site-map + ul")
    assert site_map is not None, "index.md: no list after the Find your way around heading (#site-map)"
    listed = {link["href"].split("#")[0] for link in site_map.select("a[href]")}
    missing = [page for page in nav_pages() if page != "index.md" and html_name(page) not in listed]
    assert not missing, f"docs/index.md: the site map (#site-map) does not list {missing}"
