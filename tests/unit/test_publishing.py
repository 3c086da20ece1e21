"""Publishing only for a real address: the check the publishing workflow runs first."""

from __future__ import annotations

import pytest

from toecramps import publishing


@pytest.mark.parametrize("site_url", [None, "", "  ", "https://toe-cramps-guide.example/",
                                      "https://toe-cramps-guide.example/guide/",
                                      "toe-cramps.org", "ftp://clinic.example/"])
def test_no_address_the_placeholder_or_a_non_web_address_cannot_be_published(site_url):
    problem = publishing.site_url_problem(site_url)
    assert problem and "SITE_URL" in problem, site_url


@pytest.mark.parametrize("site_url", ["https://clinic.example/guide/", "http://intranet.local/"])
def test_a_real_address_can_be_published(site_url):
    assert publishing.site_url_problem(site_url) is None
