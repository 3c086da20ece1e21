"""Running linkchecker so that its settings and plugins really apply.

Run as root, linkchecker drops to the user "nobody" after reading its settings, and
only then looks for its plugins by listing its own package folder. In a clone inside a
folder other users cannot read (as `mktemp -d` makes), nobody cannot list .venv/, finds
no plugin, and linkchecker runs silently without its anchor check. So:

- linkchecker runs with that drop turned off (it reads only our own files here; the
  external check fetches other sites' pages but only parses them);
- its settings and the pages are still put in a folder anyone can read, for a
  linkchecker run by hand as root;
- every run must report, in its own debug output, that the anchor plugin is on.

Also a command: `python tests/support/linkchecker.py [options] SITE_FOLDER` (make
check-external) copies the site into such a folder and checks it from index.html.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

if __package__ in (None, ""):  # run as a script by make check-external
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
    from support.build import readable_tmpdir
else:
    from .build import readable_tmpdir

CONFIG = pathlib.Path(__file__).resolve().parents[1] / "linkcheckerrc"
# linkchecker's command, without its switch to the user nobody.
RUN_LINKCHECKER = ("import sys, linkcheck.command.linkchecker as command; "
                   "command.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; "
                   "command.linkchecker()")
ANCHOR_PLUGIN_ON = "Enable content plugin AnchorCheck"


class AnchorPluginOff(AssertionError):
    pass


def run_linkchecker(start: pathlib.Path, *options: str) -> subprocess.CompletedProcess:
    """Check from start (in a folder anyone can read) with tests/linkcheckerrc. Fails
    unless linkchecker reports that its anchor plugin is on."""
    with readable_tmpdir() as folder:
        config = folder / "linkcheckerrc"
        shutil.copyfile(CONFIG, config)
        config.chmod(0o644)
        result = subprocess.run(
            [sys.executable, "-c", RUN_LINKCHECKER, "--config", str(config), "--no-status",
             "--output", "text", "--debug", "plugin", *options, str(start)],
            capture_output=True, text=True,
        )
    if ANCHOR_PLUGIN_ON not in result.stderr:
        raise AnchorPluginOff(
            "linkchecker ran without its anchor plugin (were its settings unreadable?):\n"
            + result.stderr[-3000:])
    return result


def main(arguments: list[str]) -> int:
    *options, site = arguments
    with readable_tmpdir() as folder:
        copy = folder / "site"
        shutil.copytree(site, copy)
        result = run_linkchecker(copy / "index.html", *options)
    print(result.stdout)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
