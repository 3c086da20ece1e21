"""Speed budgets, as counts and bytes (not times, which vary from run to run): every page's
first view transfers at most 90 KB compressed in at most 10 requests, and no image is
over 30 KB. Sizes are what gzip (level 6, a common server default) makes of each file."""

from __future__ import annotations

import pytest

from conftest import PAGES, first_view_transfer, html_name

MAX_FIRST_VIEW_BYTES = 90_000
MAX_REQUESTS = 10
MAX_IMAGE_BYTES = 30_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


@pytest.fixture(scope="module")
def first_views(browser, site_url):
    return {name: first_view_transfer(browser, site_url + html_name(name)) for name in PAGES}


@pytest.mark.parametrize("page", PAGES)
def test_first_view_fits_the_budget(first_views, page):
    sizes = first_views[page]
    total = sum(sizes.values())
    listing = "\n".join(f"  {size:7,} {url}" for url, size in sorted(sizes.items(), key=lambda x: -x[1]))
    assert len(sizes) <= MAX_REQUESTS, f"{html_name(page)}: {len(sizes)} requests\n{listing}"
    assert total <= MAX_FIRST_VIEW_BYTES, f"{html_name(page)}: {total:,} bytes\n{listing}"


def test_search_loads_only_when_a_reader_uses_it(first_views):
    """hooks/lazy_search.py keeps the search index out of the first view."""
    for page, sizes in first_views.items():
        assert not any("search_index" in url for url in sizes), f"{html_name(page)} loads the index"


def test_no_image_is_over_30_kb(site_dir):
    large = [f"{p.relative_to(site_dir)} ({p.stat().st_size:,} bytes)" for p in site_dir.rglob("*")
             if p.suffix.lower() in IMAGE_SUFFIXES and p.stat().st_size > MAX_IMAGE_BYTES]
    assert not large, f"images over {MAX_IMAGE_BYTES:,} bytes: {large}"
