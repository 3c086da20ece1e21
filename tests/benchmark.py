"""`make bench`: measurements to watch, not pass/fail tests.

Prints a table and writes dist/bench.json: the offline zip's size, and from file:// the
time from opening index.html to the first search results, and from the last key press
of the query to the results (median of several runs, in a real Chromium).
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import CHROMIUM_ARGS, ROOT, build_site, readable_tmpdir  # noqa: E402

RUNS = 5
QUERY = "dehydration"
TARGETS = {"zip_bytes": 1_500_000, "typed_to_results_ms": 500}


def chromium_path() -> str:
    import os
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("bench: no Chromium found; install one with: apt-get install chromium")


def measure_search(index_url: str) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    open_to_results, typed_to_results = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(RUNS):
            page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            started = time.perf_counter()
            page.goto(index_url)
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
    return statistics.median(open_to_results), statistics.median(typed_to_results)


def main() -> None:
    report: dict[str, float] = {}
    with readable_tmpdir() as folder:
        site = folder / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        zip_path = site / "download" / "toe-cramps-site.zip"
        report["zip_bytes"] = zip_path.stat().st_size
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder / "unpacked")
        index = (folder / "unpacked" / "toe-cramps-site" / "index.html").as_uri()
        report["open_to_results_ms"], report["typed_to_results_ms"] = measure_search(index)

    rows = [
        ("Offline zip size", f"{report['zip_bytes'] / 1000:.0f} KB", "at most 1500 KB"),
        ("file://: open index.html to first search results",
         f"{report['open_to_results_ms']:.0f} ms", ""),
        ("file://: query typed to first search results",
         f"{report['typed_to_results_ms']:.0f} ms", "at most 500 ms"),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'Measure':{width}}  {'Value':>9}  Target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>9}  {target}")
    out = ROOT / "dist" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"runs": RUNS, "query": QUERY, **report}, indent=2) + "\n")
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
