"""`make engines`: build the site with each engine and compare what readers get.

MkDocs (the default), ProperDocs (the maintained drop-in fork of MkDocs) and Zensical
(Material's successor: it runs our Python-Markdown extensions and templates, but no
MkDocs hooks, so the post-build step is run by hand after it). Each engine gets its own
pinned environment (.venv-ENGINE, from tests/engines/ENGINE.txt), builds into
dist/engines/ENGINE/, and the same content checks run on every output. Prints a table of
what matches and what differs, and writes it to dist/engines.json. Not part of make test.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toecramps import safety  # noqa: E402

DIST = ROOT / "dist" / "engines"
SAFETY, _ = safety.parse((ROOT / "safety.yml").read_text(encoding="utf-8"))
CDN = re.compile(r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|fonts\.googleapis\.com)")


class Engine:
    def __init__(self, name: str, build: list[str], skip: tuple[str, ...] = ()):
        self.name, self.build_args, self.skip = name, build, skip

    @property
    def venv(self) -> pathlib.Path:
        # MkDocs is the project's own environment (make sets it up from requirements.lock).
        return ROOT / (".venv" if self.name == "mkdocs" else f".venv-{self.name}")

    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    def install(self) -> None:
        """A pinned environment of the engine's own, rebuilt when its list changes."""
        if self.name == "mkdocs":
            return
        pins = ROOT / "tests" / "engines" / f"{self.name}.txt"
        marker = self.venv / ".installed"
        if marker.exists() and marker.stat().st_mtime >= pins.stat().st_mtime:
            return
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(self.venv)], check=True)
        subprocess.run([self.python(), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "-r", str(pins)], check=True,
                       stderr=subprocess.DEVNULL)
        marker.touch()

    def build(self, site: pathlib.Path) -> tuple[bool, str, float]:
        """Build into site; the engine runs our MkDocs hook, and so the post-build step."""
        shutil.rmtree(site, ignore_errors=True)
        env = {"PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
        started = time.monotonic()
        result = subprocess.run([self.python(), "-m", *self.build_args, str(site)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            return False, (result.stdout + result.stderr).strip()[-600:], 0.0
        return True, "", time.monotonic() - started


ENGINES = [
    Engine("mkdocs", ["mkdocs", "build", "--strict", "--site-dir"]),
    Engine("properdocs", ["properdocs", "build", "--strict", "--site-dir"]),
    # No MkDocs hooks: built from a scratch copy, then the post-build step by hand, less
    # the patch to Material's bundle (Zensical ships its own).
    Engine("zensical", [], skip=("patch_material_bundle", "search_index")),
]


def build_zensical(engine: Engine, site: pathlib.Path) -> tuple[bool, str, float]:
    """Zensical writes site/ next to mkdocs.yml: build a scratch copy of the project."""
    scratch = DIST / "zensical-project"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    for name in ("mkdocs.yml", "references.bib", "safety.yml", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, scratch / name)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    started = time.monotonic()
    result = subprocess.run([engine.python(), "-m", "zensical", "build", "-f", "mkdocs.yml"],
                            cwd=scratch, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        return False, (result.stdout + result.stderr).strip()[-600:], 0.0
    shutil.rmtree(site, ignore_errors=True)
    shutil.move(str(scratch / "site"), site)
    post = subprocess.run([engine.python(), "-m", "toecramps.postbuild", str(site),
                           "--project", str(scratch),
                           *[arg for step in engine.skip for arg in ("--skip", step)]],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if post.returncode != 0:
        return False, (post.stdout + post.stderr).strip()[-600:], 0.0
    return True, "", time.monotonic() - started


# ----------------------------------------------------------------------------- checks
# Each takes a built site folder and returns (passed, detail).


def read(site: pathlib.Path, name: str) -> str:
    path = site / name
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def every_page_built(site):
    pages = [p.relative_to(ROOT / "docs").with_suffix(".html").as_posix()
             for p in (ROOT / "docs").glob("*.md")]
    missing = [page for page in pages if not (site / page).is_file()]
    return not missing, f"missing: {missing}" if missing else f"{len(pages)} pages"


def red_flags_on_triage_page(site):
    page = read(site, "when-to-get-help.html")
    missing = [flag.id for flag in SAFETY.red_flags if f'<li id="{flag.id}">' not in page]
    return not missing, f"missing: {missing}" if missing else f"{len(SAFETY.red_flags)} signs"


def summary_on_home_page(site):
    page = read(site, "index.html")
    missing = [flag.id for flag in SAFETY.red_flags if f"when-to-get-help.html#{flag.id}" not in page]
    return not missing, f"missing: {missing}" if missing else "every sign linked"


def citations_numbered_with_sources(site):
    page = read(site, "causes.html")
    ok = 'class="cite"' in page and 'class="page-sources"' in page and "[@" not in page
    return ok, "numbered, with a source list" if ok else "raw [@key] or no source list"


def illustrations_inlined(site):
    page = read(site, "index.html")
    ok = 'class="illustration"' in page and "<img" not in page.split("<article", 1)[-1]
    return ok, "SVG in the page" if ok else "not inlined"


def review_dates_in_words(site):
    page = read(site, "index.html")
    ok = re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}</time>', page)
    return bool(ok), "22 November 2026 style" if ok else "not shown in words"


def schema_org_data(site):
    ok = '"@type": "MedicalWebPage"' in read(site, "index.html")
    return ok, "MedicalWebPage" if ok else "missing"


def qr_code_in_print_header(site):
    ok = re.search(r'data-qr="[^"]+">\s*<svg', read(site, "index.html"))
    return bool(ok), "inline SVG" if ok else "missing"


def scripts_start_after_paint(site):
    """No script is fetched before the first paint: each script tag is inert, for the
    starter written into the page (toecramps/material.py)."""
    page = read(site, "index.html")
    fetched = re.findall(r"<script\b[^>]*\ssrc=[^>]*>", page)
    inert = re.findall(r'<script type="text/plain" data-start="[a-z]+"', page)
    if fetched or not inert:
        return False, f"fetched before the first paint: {fetched}" if fetched else "no inert scripts"
    return True, f"{len(inert)} started after paint"


def first_paint_waits_for_the_menus(site):
    """The mark the first paint waits for comes after both menus (overrides/main.html, block
    site_nav): an engine without that block would drop it, and every page would wait until
    it had been read whole."""
    page = read(site, "index.html")
    waits = 'href="#menus-read" blocking="render"' in page
    mark = page.find('id="menus-read"')
    if not waits or mark < 0:
        return False, "no rel=expect link" if not waits else "no #menus-read mark"
    if page.find("md-sidebar--", mark) >= 0 or page.find("<article", mark) < 0:
        return False, "the mark is not between the menus and the text"
    return True, "waits for the menus only"


def header_controls_after_the_header(site):
    """The script that puts in the keyboard's menu button and shows the scheme switch
    follows the header (overrides/main.html, block header): an engine without that block
    would drop both."""
    page = read(site, "index.html")
    header_end = page.find("</header>")
    script = page.find('label[for="__drawer"]', header_end)
    if header_end < 0 or script < 0:
        return False, "no header" if header_end < 0 else "no menu button script after the header"
    if page.find("md-sidebar--", header_end) < script:
        return False, "the script is not between the header and the menus"
    return True, "after the header, before the menus"


def copy_buttons_on_for_clinics(site):
    """For clinics has its Copy buttons written in (the site_address extension), the head
    script that shows them, its canonical link (without it, every copy counts as read at
    another address), and the end script that shows this copy's addresses: the templates
    find the page by its content (page.content), which an engine may not give."""
    page = read(site, "for-clinics.html")
    head = page.split("</head>", 1)[0]
    buttons = page.count('class="copy-button"')
    parts = {"head script": any("can-copy" in script for script in re.findall(r"<script>(.*?)</script>", head, re.S)),
             "canonical link": 'rel="canonical"' in head,
             "status line": 'class="copy-status"' in page,
             "end script": 'id="copy-addresses-ran"' in page}
    missing = [name for name, found in parts.items() if not found]
    if not buttons or missing:
        return False, f"{buttons} buttons; missing: {', '.join(missing) or 'none'}"
    return True, f"{buttons} buttons, head and end scripts"


def stylesheets_in_page(site):
    """The trimmed stylesheets are written into each page (postbuild.inline_stylesheets)."""
    page = read(site, "index.html")
    linked = re.findall(r'<link rel="stylesheet"[^>]*>', page)
    written = re.findall(r'<style data-stylesheet="([^"]+)">', page)
    if linked or not written:
        return False, f"linked: {linked}" if linked else "none written in"
    return True, ", ".join(written)


def no_third_party_addresses(site):
    found = sorted({match for path in site.rglob("*.js")
                    for match in CDN.findall(path.read_text(encoding="utf-8", errors="ignore"))})
    return not found, "none" if not found else ", ".join(found)


def search_index_built(site):
    for name in ("search/search_index.json", "search.json"):
        if (site / name).is_file():
            return True, name
    return False, "none"


def offline_zip(site):
    path = site / "download" / "toe-cramps-site.zip"
    if not path.is_file():
        return False, "missing"
    names = zipfile.ZipFile(path).namelist()
    has_search = any(name.endswith("search_index.js") for name in names)
    return has_search, f"{len(names)} files, search from file:// {'yes' if has_search else 'no'}"


def security_headers(site):
    ok = "Content-Security-Policy" in read(site, "_headers")
    return ok, "_headers with CSP" if ok else "missing"


CHECKS = [every_page_built, red_flags_on_triage_page, summary_on_home_page,
          citations_numbered_with_sources, illustrations_inlined, review_dates_in_words,
          schema_org_data, qr_code_in_print_header, scripts_start_after_paint,
          first_paint_waits_for_the_menus, header_controls_after_the_header,
          copy_buttons_on_for_clinics, stylesheets_in_page,
          no_third_party_addresses, search_index_built, offline_zip, security_headers]


def main() -> int:
    results: dict[str, dict] = {}
    for engine in ENGINES:
        site = DIST / engine.name
        print(f"{engine.name}: installing and building...", flush=True)
        try:
            engine.install()
        except subprocess.CalledProcessError as error:
            results[engine.name] = {"built": False, "error": f"install failed: {error}"}
            continue
        if engine.name == "zensical":
            built, error, seconds = build_zensical(engine, site)
        else:
            built, error, seconds = engine.build(site)
        results[engine.name] = {"built": built, "error": error, "seconds": round(seconds, 2),
                                "skipped_post_build_steps": list(engine.skip),
                                "checks": {check.__name__: check(site) for check in CHECKS}
                                if built else {}}

    names = [engine.name for engine in ENGINES]
    width = max(len(check.__name__) for check in CHECKS) + 2
    print("\n" + "check".ljust(width) + "".join(name.ljust(34) for name in names))
    print("build (seconds)".ljust(width) + "".join(
        (f"ok ({results[n]['seconds']} s)" if results[n]["built"] else "FAILED").ljust(34)
        for n in names))
    for check in CHECKS:
        row = check.__name__.ljust(width)
        for name in names:
            outcome = results[name].get("checks", {}).get(check.__name__)
            cell = "-" if outcome is None else ("same" if outcome[0] else "DIFFERS") + f": {outcome[1]}"
            row += cell[:32].ljust(34)
        print(row)
    for name in names:
        if results[name]["error"]:
            print(f"\n{name} failed:\n{results[name]['error']}")
        if results[name].get("skipped_post_build_steps"):
            print(f"\n{name}: post-build steps left out (Material-only patches): "
                  f"{', '.join(results[name]['skipped_post_build_steps'])}")
    (ROOT / "dist").mkdir(exist_ok=True)
    (ROOT / "dist" / "engines.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("\nwritten to dist/engines.json")
    return 0 if results["mkdocs"]["built"] else 1


if __name__ == "__main__":
    sys.exit(main())
