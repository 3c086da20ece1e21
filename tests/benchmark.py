"""`make bench`: figures to watch, not pass/fail tests. Prints a table and writes
dist/bench.json:

- cold build time of the site, and of a bare Material build of the same Markdown (no
  hooks, no extra plugins) in the same run: the ratio is the figure to watch;
- each page's first view: bytes transferred with gzip and number of requests;
- Lighthouse (mobile preset) scores and LCP for the home, causes and red-flags pages,
  served by the tests' static server with gzip and the site's own headers;
- the offline zip's size and, from file://, the time to the first search results.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from support.browser import CHROMIUM_ARGS, PHONE, crawl, installed_chromium  # noqa: E402
from support.build import build_subprocess as build_site  # noqa: E402
from support.build import readable_tmpdir  # noqa: E402
from support.project import PAGES, ROOT, html_name  # noqa: E402
from support.serving import serve  # noqa: E402


def first_view_transfer(browser, url: str) -> dict[str, int]:
    """Each file a phone's first view of url loads, with its size under gzip -6."""
    base, name = url.rsplit("/", 1)
    return crawl(browser, base + "/", [name], viewport=PHONE, first_views=True)[name].transfer


BUILD_RUNS = 3
SEARCH_RUNS = 5
QUERY = "dehydration"
LIGHTHOUSE_DIR = ROOT / "tests" / "lighthouse"
LIGHTHOUSE_PAGES = ["index.html", "causes.html", "when-to-get-help.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


# ----------------------------------------------------------------------------- build time


def bare_config(folder: pathlib.Path) -> pathlib.Path:
    """Material with the same Markdown and Markdown extensions, and nothing of ours."""
    from mkdocs.utils.yaml import yaml_load

    ours = yaml_load((ROOT / "mkdocs.yml").read_text())
    config = {
        "site_name": "bare", "docs_dir": str(ROOT / "docs"), "use_directory_urls": False,
        "theme": {"name": "material"}, "plugins": ["search"],
        "markdown_extensions": ours["markdown_extensions"], "nav": ours["nav"],
    }
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config))  # JSON is YAML
    return path


def median_build_seconds(config_dir: pathlib.Path, extra: list[str]) -> float:
    times = []
    for _run in range(BUILD_RUNS):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", out, *extra],
                cwd=config_dir, capture_output=True, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            times.append(time.perf_counter() - started)
            if result.returncode:
                sys.exit(result.stdout + result.stderr)
    return statistics.median(times)


def build_times() -> dict:
    ours = median_build_seconds(ROOT, ["--strict"])
    with tempfile.TemporaryDirectory() as folder:
        bare_config(pathlib.Path(folder))
        bare = median_build_seconds(pathlib.Path(folder), [])
    return {"build_seconds": ours, "bare_build_seconds": bare, "build_ratio": ours / bare}


# ----------------------------------------------------------------------------- browser figures


def transfers(site: pathlib.Path, chromium: str) -> dict:
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        figures = {}
        for name in PAGES:
            sizes = first_view_transfer(browser, url + html_name(name))
            figures[html_name(name)] = {"bytes": sum(sizes.values()), "requests": len(sizes)}
        browser.close()
    return figures


def offline_search(site: pathlib.Path, folder: pathlib.Path, chromium: str) -> dict:
    from playwright.sync_api import sync_playwright

    zip_path = site / "download" / "toe-cramps-site.zip"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder / "unpacked")
    index = (folder / "unpacked" / "toe-cramps-site" / "index.html").as_uri()
    open_to_results, typed_to_results = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(SEARCH_RUNS):
            page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            started = time.perf_counter()
            page.goto(index)
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(QUERY)
            typed = time.perf_counter()
            page.locator(".md-search-result__item").first.wait_for(state="visible")
            done = time.perf_counter()
            open_to_results.append((done - started) * 1000)
            typed_to_results.append((done - typed) * 1000)
            page.context.close()
        browser.close()
    return {"zip_bytes": zip_path.stat().st_size,
            "open_to_results_ms": statistics.median(open_to_results),
            "typed_to_results_ms": statistics.median(typed_to_results)}


# ----------------------------------------------------------------------------- Lighthouse


def lighthouse(site: pathlib.Path, chromium: str | None) -> dict | str:
    if not shutil.which("node") or not shutil.which("npm"):
        return "skipped: Node.js and npm are not installed (Debian: apt-get install nodejs npm)"
    if not chromium:
        return "skipped: no Chromium (Debian: apt-get install chromium)"
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                                   cwd=LIGHTHOUSE_DIR, capture_output=True, text=True)
        if installed.returncode:
            return f"skipped: npm ci failed in tests/lighthouse: {installed.stderr[-300:]}"
    results = {}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with serve(site, with_headers=True, compress=True) as url, tempfile.TemporaryDirectory() as out:
        for name in LIGHTHOUSE_PAGES:
            report = pathlib.Path(out) / f"{name}.json"
            for _attempt in range(2):  # Lighthouse now and then fails to record a trace
                run = subprocess.run(
                    [str(binary), url + name, "--quiet", "--output=json", f"--output-path={report}",
                     f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                    env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
                if run.returncode == 0 and report.exists():
                    break
            if run.returncode or not report.exists():
                results[name] = {"error": run.stderr[-300:]}
                continue
            data = json.loads(report.read_text())
            results[name] = {category: round(data["categories"][category]["score"] * 100)
                             for category in CATEGORIES}
            results[name]["lcp_ms"] = round(data["audits"]["largest-contentful-paint"]["numericValue"])
    return results


# ----------------------------------------------------------------------------- report


def main() -> None:
    chromium = installed_chromium()
    report: dict = {"build": build_times()}
    with readable_tmpdir() as folder:
        site = folder / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        if chromium:
            report["first_view"] = transfers(site, chromium)
            report["offline"] = offline_search(site, folder, chromium)
        else:
            report["first_view"] = report["offline"] = "skipped: no Chromium (apt-get install chromium)"
        report["lighthouse"] = lighthouse(site, chromium)
    print_table(report)
    out = ROOT / "dist" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten {out.relative_to(ROOT)}")


def print_table(report: dict) -> None:
    build = report["build"]
    print("Build (median of 3 cold builds)")
    print(f"  this site          {build['build_seconds']:6.2f} s")
    print(f"  bare Material      {build['bare_build_seconds']:6.2f} s")
    print(f"  ratio              {build['build_ratio']:6.2f}    target: at most 1.5")
    print("\nFirst view, as a phone (gzip)          bytes  requests   budget: 90 KB, 10 requests")
    if isinstance(report["first_view"], str):
        print(f"  {report['first_view']}")
    else:
        for page, figures in report["first_view"].items():
            print(f"  {page:30} {figures['bytes']:9,}  {figures['requests']:8}")
    print("\nLighthouse, mobile preset          perf  a11y  best   seo   LCP    targets: 100, LCP <= 1.5 s")
    if isinstance(report["lighthouse"], str):
        print(f"  {report['lighthouse']}")
    else:
        for page, scores in report["lighthouse"].items():
            if "error" in scores:
                print(f"  {page:30} error: {scores['error']}")
                continue
            print(f"  {page:30} {scores['performance']:5} {scores['accessibility']:5} "
                  f"{scores['best-practices']:5} {scores['seo']:5} {scores['lcp_ms'] / 1000:5.2f} s")
    print("\nOffline zip")
    if isinstance(report["offline"], str):
        print(f"  {report['offline']}")
    else:
        offline = report["offline"]
        print(f"  size                               {offline['zip_bytes'] / 1000:7.0f} KB   target: at most 1500 KB")
        print(f"  file://: open to first results     {offline['open_to_results_ms']:7.0f} ms")
        print(f"  file://: query typed to results    {offline['typed_to_results_ms']:7.0f} ms   target: at most 500 ms")


if __name__ == "__main__":
    main()
