"""The smaller helpers in tests/support/: the build day, scratch copies, front matter
edits, reading built pages, the URL contract check, locality of URLs, QR decoding."""

from __future__ import annotations

import datetime

import pytest
import segno
from bs4 import BeautifulSoup

from support.browser import BLOCKS, is_local, with_blocks_selector
from support.build import copy_project, set_field
from support.contract import contract_entries, contract_problems
from support.html import linkable_ids, main_text, redirect_target
from support.project import ROOT, build_day
from support.qr import decode_qr


def test_build_day_comes_from_source_date_epoch_when_set():
    assert build_day({"SOURCE_DATE_EPOCH": "1810944000"}) == datetime.date(2027, 5, 22)
    assert build_day({"SOURCE_DATE_EPOCH": "1811030399"}) == datetime.date(2027, 5, 22)
    assert build_day({}) == datetime.datetime.now(datetime.timezone.utc).date()


def test_scratch_copy_takes_every_top_level_item_but_outputs_and_tests(tmp_path):
    source = tmp_path / "repo"
    for name in ("docs/a.md", "toecramps/__init__.py", "safety.yml", "mkdocs.yml",
                 ".git/HEAD", ".venv/x", "site/index.html", "dist/z.zip", "node_modules/m",
                 "tests/test_x.py", "toecramps/__pycache__/x.pyc"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text("x")
    copy = copy_project(tmp_path / "copy", source)
    found = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file())
    assert found == ["docs/a.md", "mkdocs.yml", "safety.yml", "toecramps/__init__.py"]


def test_set_field_changes_removes_and_refuses_unknown_fields(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: T\nnext_review: 2027-01-01\n---\n\nnext_review: in text\n")
    set_field(page, "next_review", "2099-01-01")
    assert page.read_text() == "---\ntitle: T\nnext_review: 2099-01-01\n---\n\nnext_review: in text\n"
    set_field(page, "title", None)
    assert page.read_text().startswith("---\nnext_review")
    with pytest.raises(ValueError):
        set_field(page, "description", "x")


ARTICLE = """<html><body><article class="md-content__inner">
<h1 id="t">Title</h1><p class="help-link">When to get help</p>
<h2 id="why">Why it happens<a class="headerlink" href="#why">¶</a></h2>
<p>Cramps hurt<sup class="cite"><a href="#source-a">1</a></sup></p>
<ul><li>Drink water</li></ul><span id="old-why"></span><li id="source-a">A source</li>
<p>Copy <code>https://x.example/</code></p>
<h2 id="page-sources">Sources</h2><ol class="page-sources"><li>doi:1</li></ol>
</article></body></html>"""


def test_main_text_is_the_prose_with_each_block_a_sentence():
    text = main_text(BeautifulSoup(ARTICLE, "html.parser"))
    assert text.splitlines() == ["Title.", "Why it happens.", "Cramps hurt.", "Drink water.",
                                 "A source.", "Copy."]


def test_linkable_ids_leave_out_the_title_sources_and_citations():
    assert linkable_ids(BeautifulSoup(ARTICLE, "html.parser")) == {"why", "old-why"}


def test_linkable_ids_leave_out_the_marks_the_first_paint_waits_for():
    article = ('<article class="md-content__inner"><table id="signs"><tr><td>Row</td></tr>'
               '</table><template id="first-screen-read"></template></article>')
    assert linkable_ids(BeautifulSoup(article, "html.parser")) == {"signs"}


def test_redirect_target_reads_a_refresh_stub():
    stub = '<meta http-equiv="refresh" content="0; url=why-toes-cramp.html#dehydration">'
    assert redirect_target(BeautifulSoup(stub, "html.parser")) == "why-toes-cramp.html"
    assert redirect_target(BeautifulSoup("<p>page</p>", "html.parser")) is None


def test_contract_problems_name_gone_pages_sections_and_bad_redirects(tmp_path):
    (tmp_path / "a.html").write_text(ARTICLE)
    (tmp_path / "moved.html").write_text('<meta http-equiv="refresh" content="0; url=a.html">')
    (tmp_path / "lost.html").write_text('<meta http-equiv="refresh" content="0; url=nowhere.html">')
    (tmp_path / "file.zip").write_text("z")
    entries = contract_entries("# comment\na.html#why\na.html#old-why\nmoved.html#why\n"
                               "file.zip\n\na.html#gone\nb.html\nlost.html\n")
    assert contract_problems(tmp_path, entries) == [
        "a.html#gone: section #gone is gone from a.html",
        "b.html: b.html is gone and no redirect replaces it",
        "lost.html: redirects to nowhere.html, which does not exist",
    ]


@pytest.mark.parametrize("url,local", [
    ("http://127.0.0.1:8000/x", True), ("http://localhost/", True), ("file:///x", True),
    ("data:image/png;base64,x", True), ("https://fonts.googleapis.com/css", False),
    ("http://127.0.0.2.example.org/", False),
])
def test_is_local(url, local):
    assert is_local(url) is local


def test_decode_qr_reads_what_a_qr_code_says(tmp_path):
    path = tmp_path / "qr.png"
    segno.make("https://toe-cramps-guide.example/causes.html", error="m").save(str(path), scale=4)
    assert decode_qr(path.read_bytes()) == ["https://toe-cramps-guide.example/causes.html"]
    blank = tmp_path / "blank.png"
    segno.make("x").save(str(blank), scale=1, dark="#fff")
    assert decode_qr(blank.read_bytes()) == []


def test_the_tests_mean_the_blocks_the_starter_renders():
    """start-scripts.js renders the blocks above a linked section; the tests render every
    block: the same blocks, those site.css renders on demand (an article's, a handout's
    in its card)."""
    assert BLOCKS in (ROOT / "docs/assets/javascripts/start-scripts.js").read_text(encoding="utf-8")
    assert with_blocks_selector("[BLOCKS, FIRST_BLOCKS]") == f'["{BLOCKS}", FIRST_BLOCKS]'
