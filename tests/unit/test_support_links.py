"""The in-process link and anchor checker (support/links.py) on tiny hand-made sites."""

from __future__ import annotations

from support.links import check_site


def write(folder, files: dict[str, str]):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_reports_a_missing_page_and_missing_anchors_but_not_good_links(tmp_path):
    write(tmp_path, {
        "target.html": "<h2 id='real'>Real</h2><a name='old'></a>",
        "index.html": "<a href='target.html#missing-anchor'>a</a><a href='target.html#real'>b</a>"
                      "<a href='target.html#old'>c</a><a href='#nowhere'>d</a><a href='gone.html'>e</a>"
                      "<a href='https://example.org/x.html#y'>outside</a><a href='mailto:a@b.c'>m</a>",
    })
    report = check_site(tmp_path)
    assert len(report.problems) == 3, report.problems
    assert any("target.html#missing-anchor" in p for p in report.problems)
    assert any("index.html#nowhere" in p for p in report.problems)
    assert any("gone.html" in p for p in report.problems)
    assert report.reached == {"index.html", "target.html"}


def test_follows_folders_stylesheets_images_and_redirect_stubs(tmp_path):
    write(tmp_path, {
        "index.html": "<link rel='stylesheet' href='css/site.css'><img src='pics/a.svg'>"
                      "<a href='sub/'>sub</a><a href='old.html'>old</a>",
        "css/site.css": "body { background: url('../pics/missing.png') }",
        "pics/a.svg": "<svg/>",
        "sub/index.html": "<a href='../index.html'>home</a>",
        "old.html": '<meta http-equiv="refresh" content="0; url=new.html#part">',
        "new.html": "<p>no part here</p>",
    })
    report = check_site(tmp_path)
    assert sorted(report.problems) == [
        "css/site.css: link to ../pics/missing.png: pics/missing.png does not exist",
        "old.html: link to new.html#part: no such anchor",
    ], report.problems
    assert {"sub/index.html", "old.html", "new.html"} <= report.reached


def test_a_link_out_of_the_site_folder_is_broken(tmp_path):
    write(tmp_path, {"index.html": "<a href='../elsewhere.html'>x</a>"})
    (tmp_path.parent / "elsewhere.html").write_text("x")
    assert check_site(tmp_path).problems
