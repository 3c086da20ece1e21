"""No broken link or #anchor in the built site, checked in-process from the home page.
linkchecker stays for `make check-external` (links to other websites); the guard below
makes sure its settings really check anchors, also in a clone other users cannot read.
(The offline copy's links: tests/build/test_offline.py.)"""

from __future__ import annotations

import pytest

from support.build import readable_tmpdir
from support.linkchecker import AnchorPluginOff, run_linkchecker
from support.links import check_site


def test_no_broken_internal_links_or_anchors(site_dir, site_soups, soups):
    report = check_site(site_dir, parsed=site_soups)
    assert not report.problems, "broken links:\n" + "\n".join(report.problems)
    # The check only counts if it walked the whole site.
    unreached = sorted({page.replace(".md", ".html") for page in soups} - report.reached)
    assert not unreached, f"never reached from index.html: {unreached}"


def test_linkchecker_catches_a_broken_link_and_a_broken_anchor():
    """Guard for `make check-external`: linkchecker with our settings, its anchor plugin on."""
    with readable_tmpdir() as folder:
        (folder / "target.html").write_text("<html><body><h2 id='real'>Real</h2></body></html>")
        (folder / "index.html").write_text(
            "<html><body><a href='target.html#missing-anchor'>anchor</a>"
            "<a href='gone.html'>page</a></body></html>"
        )
        result = run_linkchecker(folder / "index.html")
    assert result.returncode != 0, result.stdout
    assert "missing-anchor" in result.stdout and "gone.html" in result.stdout, result.stdout


def test_linkchecker_run_fails_when_its_anchor_plugin_is_off(monkeypatch, tmp_path):
    """The plugin check itself can fail: settings without [AnchorCheck] are refused."""
    import support.linkchecker

    config = tmp_path / "rc"
    config.write_text("[checking]\nthreads=1\n")
    monkeypatch.setattr(support.linkchecker, "CONFIG", config)
    with readable_tmpdir() as folder:
        (folder / "index.html").write_text("<html><body><a href='#x'>x</a></body></html>")
        with pytest.raises(AnchorPluginOff):
            run_linkchecker(folder / "index.html")
