"""Link previews and machine-readable data on every page: canonical URL, Open Graph and
Twitter cards, schema.org MedicalWebPage JSON-LD, and a sitemap with lastmod."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from support.project import PAGES, front_matter, html_name, site_url

SITE_URL = site_url()


def json_ld(soup) -> dict:
    script = soup.find("script", type="application/ld+json")
    assert script is not None, "no JSON-LD"
    return json.loads(script.string)


@pytest.mark.parametrize("page", PAGES)
def test_canonical_url_and_link_previews(soups, page):
    soup, url = soups[page], SITE_URL + html_name(page)
    assert soup.find("link", rel="canonical")["href"] == url, f"{html_name(page)}: canonical"
    meta = front_matter(page)
    expected = {
        ("property", "og:url"): url,
        ("property", "og:title"): meta["title"],
        ("property", "og:description"): meta["description"],
        ("name", "twitter:card"): "summary",
        ("name", "twitter:title"): meta["title"],
        ("name", "twitter:description"): meta["description"],
    }
    for (attribute, name), value in expected.items():
        tag = soup.find("meta", attrs={attribute: name})
        assert tag is not None and tag["content"] == value, f"{html_name(page)}: {name}"


@pytest.mark.parametrize("page", PAGES)
def test_json_ld_describes_a_medical_web_page(soups, page):
    data, meta = json_ld(soups[page]), front_matter(page)
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == meta["title"] and data["description"] == meta["description"]
    assert data["url"] == SITE_URL + html_name(page)
    assert data["lastReviewed"] == meta["last_reviewed"].isoformat()
    assert data["dateModified"] == meta["last_reviewed"].isoformat()
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["audience"]["@type"] == "MedicalAudience"
    assert data["publisher"]["name"]
    cited = {a["href"] for a in soups[page].select("ol.page-sources a")}
    for work in data["citation"]:
        assert work["url"] in cited, f"{html_name(page)}: JSON-LD cites {work['url']} not on page"
    assert len(data["citation"]) == len(soups[page].select("ol.page-sources > li"))


def test_sitemap_lists_every_page_with_its_review_date(site_dir):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    entries = {u.find("s:loc", namespace).text: u.find("s:lastmod", namespace).text
               for u in root.findall("s:url", namespace)}
    for page in PAGES:
        url = SITE_URL + html_name(page)
        assert url in entries, f"sitemap.xml lacks {url}"
        assert entries[url] == front_matter(page)["last_reviewed"].isoformat(), url
