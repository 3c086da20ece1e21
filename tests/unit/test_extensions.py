"""Our Python-Markdown extensions, run in-process on small pages: what they render and
how they report an author's mistake (a warning naming the page and line)."""

from __future__ import annotations

import logging
import pathlib

import markdown
import pytest
from bs4 import BeautifulSoup

from toecramps import messages

pytestmark = pytest.mark.unit
ROOT = pathlib.Path(__file__).resolve().parents[2]
FRONT_MATTER = "---\ntitle: Test\ndescription: A test page.\n---\n\n"  # 5 lines
EXTENSIONS = ["toecramps.extensions.triage", "toecramps.extensions.site_address",
              "toecramps.extensions.citations", "toecramps.extensions.illustrations",
              "admonition", "attr_list", "md_in_html", "tables"]


@pytest.fixture
def render(monkeypatch, caplog):
    """Render Markdown as page docs/test.md with the project's real safety.yml and
    references.bib; return (html, warnings)."""
    monkeypatch.chdir(ROOT)

    def render_page(text: str, site_url: str = "https://example.org/guide/", page: str = "test.md"):
        # As MkDocs does: the extensions see the text without its front matter.
        messages.set_current_page(page, FRONT_MATTER + text)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.toecramps"):
            html = markdown.Markdown(
                extensions=EXTENSIONS,
                extension_configs={"toecramps.extensions.site_address": {"site_url": site_url}},
            ).convert(text)
        return html, [record.getMessage() for record in caplog.records]

    return render_page


def test_a_tier_written_by_hand_is_named_with_its_file_and_line(render):
    _, warnings = render("Fine.\n\nIf it hurts, call your emergency number.\n")
    assert len(warnings) == 1
    assert warnings[0].startswith("docs/test.md:8: states a red-flag tier's call to action by hand")


@pytest.mark.parametrize("text", [
    "## Get emergency help now { #emergency }",   # tier headings stay
    "Stretch your toes [[red-flag cramp-over-10-minutes]]",
])
def test_headings_and_markers_are_not_hand_written_tiers(render, text):
    assert render(text + "\n")[1] == []


def test_a_summary_shows_every_red_flag_linked_to_its_full_wording(render):
    from toecramps import safety

    data, _ = safety.parse((ROOT / "safety.yml").read_text(encoding="utf-8"))
    html, warnings = render("[[red-flags summary]]\n")
    assert warnings == []
    for flag in data.red_flags:
        assert f'href="when-to-get-help.md#{flag.id}"' in html
    assert html.count('class="admonition warning"') == 1


def test_a_tier_box_gives_each_sign_its_permanent_id(render):
    html, warnings = render("[[red-flags emergency]]\n")
    assert warnings == []
    assert '<div class="admonition danger">' in html and '<li id="cold-pale-foot">' in html


@pytest.mark.parametrize("text, problem", [
    ("See [[red-flag no-such-sign]].", "no red flag with the id no-such-sign"),
    ("[[red-flag cold-pale-foot keep-coming-back]]", "the signs are in different tiers"),
    ("[[caution no-such-caution]]", "unknown marker [[caution no-such-caution]]"),
    ("[[red-flags sometimes]]", "unknown marker [[red-flags sometimes]]"),
])
def test_a_wrong_marker_is_named(render, text, problem):
    _, warnings = render(text + "\n")
    assert any(warning.startswith("docs/test.md:6:") and problem in warning
               for warning in warnings), warnings


def test_citations_are_numbered_in_order_and_listed_at_the_end(render):
    html, warnings = render("One [@nhs-dvt]. Two [@allen2012; @nhs-dvt]. Three [@allen2012].\n")
    assert warnings == []
    assert html.index('href="#source-nhs-dvt">1<') < html.index('href="#source-allen2012">2<')
    assert html.count('href="#source-nhs-dvt">1<') == 2
    sources = html[html.index('id="page-sources"'):]
    assert sources.index('id="source-nhs-dvt"') < sources.index('id="source-allen2012"')


def test_an_unknown_citation_key_is_named_with_its_page(render):
    _, warnings = render("Claim [@no-such-source].\n")
    assert warnings == ["docs/test.md: unknown citation key '@no-such-source' (not in references.bib)"]


def test_an_image_without_alt_text_is_named(render):
    _, warnings = render("![](assets/photo.png)\n")
    assert warnings == ["docs/test.md: image without alt text: assets/photo.png"]


def test_an_illustration_is_inlined_and_labelled_by_its_alt_text(render):
    html, warnings = render("![A foot & its toes](assets/illustrations/balance.svg)\n")
    assert warnings == []
    assert '<svg role="img" aria-label="A foot &amp; its toes" class="illustration"' in html
    assert "<img" not in html


def test_a_missing_illustration_is_named(render):
    _, warnings = render("![A foot](assets/illustrations/no-such-drawing.svg)\n")
    assert warnings == ["docs/test.md: illustration docs/assets/illustrations/no-such-drawing.svg "
                        "does not exist"]


def test_the_site_address_is_written_without_its_trailing_slash(render):
    html, _ = render("`[[site_url]]/causes.html`\n")
    assert "<code>https://example.org/guide/causes.html</code>" in html


def test_a_copy_ready_address_wraps_only_after_a_slash_a_hash_or_a_dot(render):
    html, warnings = render("| Link | Address |\n| --- | --- |\n"
                            "| x | <code>[[address when-to-get-help.html#appointment]]</code> |\n")
    assert warnings == []
    soup = BeautifulSoup(html, "html.parser")
    address = soup.select_one("code .site-address")
    assert address["data-path"] == "when-to-get-help.html#appointment"
    pieces = [span.get_text() for span in address.find_all("span")]
    assert "".join(pieces) == address.get_text() == \
        "https://example.org/guide/when-to-get-help.html#appointment"
    assert pieces == ["https://", "example.", "org/", "guide/", "when-to-get-help.", "html#",
                      "appointment"]
    assert len(address.find_all("wbr")) == len(pieces) - 1


def test_an_address_on_a_page_in_a_folder_is_found_from_there(render):
    html, _ = render("<code>[[address causes.html#pregnancy]]</code>\n", page="handouts/test.md")
    assert 'data-path="../causes.html#pregnancy"' in html
    assert "https://example.org/guide/causes.html#pregnancy" in BeautifulSoup(html, "html.parser").get_text()


def test_a_handout_carries_a_copy_of_a_caution_without_its_id(render):
    html, warnings = render("[[caution while-waiting]]\n", page="handouts/test.md")
    assert warnings == []
    box = BeautifulSoup(html, "html.parser").select_one(".admonition.caution")
    assert box["data-caution"] == "while-waiting" and not box.get("id")


def test_a_marker_that_is_not_alone_on_its_line_is_named(render):
    _, warnings = render("Intro.\n\nSee [[red-flags summary]] here.\n")
    assert any(warning.startswith("docs/test.md:8:") and "stand alone on their line" in warning
               for warning in warnings), warnings


def test_a_caution_shown_away_from_its_page_is_named(render):
    _, warnings = render("[[caution pain-relievers]]\n")
    assert any("belongs on home-remedies.md" in warning for warning in warnings), warnings


def test_a_line_from_an_included_part_names_the_page(render):
    messages.set_current_page("test.md", FRONT_MATTER + "Text.\n")
    assert messages.where("A line only the include has.") == "docs/test.md (in an included part)"


def test_each_copy_ready_text_gets_a_copy_button_after_it_labelled_with_what_it_copies(render):
    html, warnings = render(
        "| Link | Address |\n| --- | --- |\n"
        '| x | <code class="copy-text">[[address causes.html#night-cramps]]</code> |\n\n'
        '<pre class="link-snippet"><code class="copy-text" data-copy-label="Copy the link">'
        '&lt;a href="[[address causes.html]]"&gt;Causes&lt;/a&gt;</code></pre>\n')
    assert warnings == []
    soup = BeautifulSoup(html, "html.parser")
    in_table, after_snippet = soup.select("button.copy-button")
    assert in_table.find_previous_sibling().name == "code"
    assert in_table["aria-label"] == "Copy https://example.org/guide/causes.html#night-cramps"
    assert after_snippet.find_previous_sibling().name == "pre"  # after the block, not inside it
    assert after_snippet["aria-label"] == "Copy the link"
    assert all(button.has_attr("data-search-exclude") and button.get_text() == "Copy"
               for button in (in_table, after_snippet))


@pytest.mark.parametrize("markup", ['<code data-copy-label="Copy it > now" class="copy-text">text</code>',
                                    "<code class='copy-text'>text</code>",
                                    "<code class=copy-text>text</code>"])
def test_a_copy_ready_text_gets_its_button_however_its_attributes_are_written(render, markup):
    html, warnings = render(f"Copy this: {markup}\n")
    assert warnings == []
    button = BeautifulSoup(html, "html.parser").select_one("code + button.copy-button")
    assert button is not None and button["aria-label"] in ("Copy it > now", "Copy text")


def test_other_classes_that_only_contain_the_words_are_not_named(render):
    assert render('<p class="no-copy-text">A paragraph.</p>\n')[1] == []


@pytest.mark.parametrize("markup", ['<span class="copy-text">text</span>',
                                    '<code class="copy-text wide">text</code>'])
def test_a_copy_ready_text_written_otherwise_is_named(render, markup):
    html, warnings = render(f"Copy this: {markup}\n")
    assert "copy-button" not in html
    assert len(warnings) == 1 and warnings[0].startswith("docs/test.md: <")
    assert "gets no Copy button" in warnings[0]


FIRST_SCREEN_EXTENSIONS = ["tables", "toecramps.extensions.first_screen"]


def test_the_paint_mark_follows_a_pages_first_12_blocks_and_their_tables_are_marked():
    table = "| a | b |\n| - | - |\n| 1 | 2 |\n"
    text = "\n".join([table, *[f"Paragraph {n}.\n" for n in range(11)], table])
    soup = BeautifulSoup(markdown.Markdown(extensions=FIRST_SCREEN_EXTENSIONS).convert(text), "html.parser")
    first, far_down = soup.find_all("table")
    assert first.has_attr("data-first-screen") and not far_down.has_attr("data-first-screen")
    blocks = soup.find_all(recursive=False)
    assert [block.name for block in blocks[11:14]] == ["p", "template", "table"]
    assert blocks[12]["id"] == "first-screen-read" and not first.find("template")


def test_the_paint_mark_never_follows_a_heading_or_a_table():
    """A paint ending there would show a heading without its text, and Material spaces the
    block after a table or an h2 by what it is (table + *, h2 + h3)."""
    table = "| a | b |\n| - | - |\n| 1 | 2 |\n"
    text = "\n".join([*[f"Paragraph {n}.\n" for n in range(10)], "## Heading", table, "Text.\n"])
    soup = BeautifulSoup(markdown.Markdown(extensions=FIRST_SCREEN_EXTENSIONS).convert(text), "html.parser")
    assert [block.name for block in soup.find_all(recursive=False)][10:] == ["h2", "table", "p", "template"]


def test_a_short_page_ends_with_the_paint_mark_and_one_without_blocks_has_none():
    soup = BeautifulSoup(markdown.Markdown(extensions=FIRST_SCREEN_EXTENSIONS).convert(
        "# Title\n\nOne paragraph.\n"), "html.parser")
    assert [block.name for block in soup.find_all(recursive=False)] == ["h1", "p", "template"]
    only_a_link_definition = "[nhs]: https://www.nhs.uk/\n"
    assert markdown.Markdown(extensions=FIRST_SCREEN_EXTENSIONS).convert(only_a_link_definition) == ""
