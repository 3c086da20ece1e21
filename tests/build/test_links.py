"""linkchecker walks the built site from the home page: no broken link or #anchor.
External links are not fetched here (see `make check-external`)."""

from __future__ import annotations

import pathlib
import subprocess
import sys

from conftest import readable_tmpdir

CONFIG = pathlib.Path(__file__).with_name("linkcheckerrc")


def run_linkchecker(start: pathlib.Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(CONFIG), "--no-status",
         "--output", "text", *options, str(start)],
        capture_output=True, text=True,
    )


def test_no_broken_internal_links_or_anchors(site_dir, soups):
    result = run_linkchecker(site_dir / "index.html", "--verbose")
    assert result.returncode == 0, f"linkchecker found problems:\n{result.stdout}\n{result.stderr}"
    assert " 0 errors found" in result.stdout, result.stdout
    # The check only counts if linkchecker walked the whole site.
    unreached = [page for page in soups if (site_dir / page.replace(".md", ".html")).as_uri()
                 not in result.stdout]
    assert not unreached, f"linkchecker never reached: {unreached}"


def test_linkchecker_catches_a_broken_link_and_a_broken_anchor():
    """Guard against a configuration that silently stops checking."""
    with readable_tmpdir() as folder:
        (folder / "target.html").write_text("<html><body><h2 id='real'>Real</h2></body></html>")
        (folder / "index.html").write_text(
            "<html><body><a href='target.html#missing-anchor'>anchor</a>"
            "<a href='gone.html'>page</a></body></html>"
        )
        result = run_linkchecker(folder / "index.html")
    assert result.returncode != 0, result.stdout
    assert "missing-anchor" in result.stdout and "gone.html" in result.stdout, result.stdout
