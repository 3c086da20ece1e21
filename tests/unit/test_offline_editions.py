"""The Download page's two editions: online, and inside the zip."""

from __future__ import annotations

import pytest

from toecramps import offline

pytestmark = pytest.mark.unit
PAGE = ("<!-- offline-only --><p>Offline copy from <!-- zip-date -->.</p><!-- /offline-only -->"
        "<!-- online-only --><a>Download (<!-- zip-size -->)</a><!-- /online-only -->")


def test_each_edition_keeps_its_own_part_and_drops_the_other():
    assert offline.edition(PAGE, keep="offline", drop="online") == \
        "<p>Offline copy from <!-- zip-date -->.</p>"
    assert offline.edition(PAGE, keep="online", drop="offline") == \
        "<a>Download (<!-- zip-size -->)</a>"


def test_the_mark_the_first_paint_waits_for_stays_in_either_edition():
    mark = offline.FIRST_SCREEN_MARK
    page = PAGE.replace("</a>", f"</a>{mark}")
    assert offline.edition(page, keep="offline", drop="online") == \
        f"<p>Offline copy from <!-- zip-date -->.</p>{mark}"
    assert offline.edition(page, keep="online", drop="offline") == \
        f"<a>Download (<!-- zip-size -->)</a>{mark}"


def test_a_missing_part_or_marker_names_the_download_page():
    with pytest.raises(offline.DownloadPageError, match="docs/download.md: no <!-- offline-only -->"):
        offline.edition("<p>nothing</p>", keep="offline", drop="online")
    with pytest.raises(offline.DownloadPageError, match="the <!-- zip-sha256 --> marker is missing"):
        offline.fill(PAGE, "zip-sha256", "abc")


def test_the_post_build_step_never_runs_twice_on_one_folder(tmp_path):
    """A second run would add a second QR code and schema.org block to every page."""
    from toecramps import postbuild

    (tmp_path / postbuild.STARTED_MARKER).write_text("a run failed part way")
    with pytest.raises(postbuild.AlreadyProcessed):
        postbuild.run(tmp_path, tmp_path)
