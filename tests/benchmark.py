"""`make bench`: figures to watch, not pass/fail tests. Prints a table and writes
dist/bench.json:

- cold build time of the site, and of a bare Material build of the same Markdown (no
  hooks, no extra plugins) in the same run: the ratio is the figure to watch;
- each page's first view: bytes transferred with gzip and number of requests;
- Lighthouse (mobile preset), median of 3 runs, for every page, side by side in one run:
  ours (built for the address it is served at, as published), bare Material on the same
  Markdown, and the no-script limit (our page with every script removed and its
  stylesheets inlined): scores, LCP, TBT, CLS, transfer and requests, the ratios of our
  LCP to the other two, and which targets our page misses (below: MAX_...), if any. All
  three are served as the site is published, with its security headers (each with a
  policy for its own pages);
- the offline zip's size and, from file://, the time to the first search results.

BENCH_PAGES=index.html,causes.html and BENCH_RUNS=1 make a quicker, rougher run.
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import re
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
from toecramps import headers  # noqa: E402


def first_view_transfer(browser, url: str) -> dict[str, int]:
    """Each file a phone's first view of url loads, with its size under gzip -6."""
    base, name = url.rsplit("/", 1)
    return crawl(browser, base + "/", [name], viewport=PHONE, first_views=True)[name].transfer


BUILD_RUNS = 3
SEARCH_RUNS = 5
QUERY = "dehydration"
LIGHTHOUSE_DIR = ROOT / "tests" / "lighthouse"
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_RUNS", "3"))
VARIANTS = ("ours", "bare", "limit")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The targets for each of our pages (with scores of 100 and CLS 0), read off its medians.
MAX_LCP_VS_LIMIT = 1.1
MAX_TBT_MS = 50
MAX_TRANSFER_BYTES = 60_000  # before any interaction: Lighthouse does not interact


# ----------------------------------------------------------------------------- build time


def bare_config(folder: pathlib.Path) -> pathlib.Path:
    """Material with the same Markdown and Markdown extensions, and nothing of ours."""
    from mkdocs.utils.yaml import yaml_load

    ours = yaml_load((ROOT / "mkdocs.yml").read_text())
    config = {
        "site_name": "bare", "docs_dir": str(ROOT / "docs"), "use_directory_urls": False,
        # No Google Fonts: nothing may be fetched from another host, here or in the bench.
        "theme": {"name": "material", "font": False}, "plugins": ["search"],
        "markdown_extensions": ours["markdown_extensions"], "nav": ours["nav"],
        "exclude_docs": ours["exclude_docs"],
    }
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config))  # JSON is YAML
    return path


def median_build_seconds(config_file: pathlib.Path, extra: list[str]) -> float:
    """Builds run from the project folder, where the Markdown extensions and snippets
    find their files, whichever configuration they use."""
    times = []
    for _run in range(BUILD_RUNS):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file),
                 "--site-dir", out, *extra],
                cwd=ROOT, capture_output=True, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            times.append(time.perf_counter() - started)
            if result.returncode:
                sys.exit(result.stdout + result.stderr)
    return statistics.median(times)


def build_times() -> dict:
    ours = median_build_seconds(ROOT / "mkdocs.yml", ["--strict"])
    with tempfile.TemporaryDirectory() as folder:
        bare = median_build_seconds(bare_config(pathlib.Path(folder)), [])
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


STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
ANY_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def no_script_limit(site: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    """Our site with every script removed from every page and each page's stylesheets
    inlined: as fast as this page can be as plain HTML and CSS. (The build now writes the
    stylesheets into the pages itself; a page that still links one gets it inlined here.)"""
    limit = folder / "limit"
    shutil.copytree(site, limit)
    def inlined(link: re.Match, folder: pathlib.Path) -> str:
        href = link[1]
        path = limit / href.lstrip("/") if href.startswith("/") else folder / href
        return f"<style>{path.read_text(encoding='utf-8')}</style>" if path.is_file() else link[0]

    for page in limit.rglob("*.html"):
        html = ANY_SCRIPT.sub("", page.read_text(encoding="utf-8"))
        html = STYLESHEET_LINK.sub(lambda link, folder=page.parent: inlined(link, folder), html)
        page.write_text(html, encoding="utf-8")
    headers.write(limit)  # its policy names its own inline styles
    return limit


def bare_site(folder: pathlib.Path) -> pathlib.Path:
    """Bare Material on the same Markdown, built."""
    config_dir = folder / "bare-config"
    config_dir.mkdir()
    bare_config(config_dir)
    out = folder / "bare"
    # From the project folder, where our Markdown extensions find safety.yml and the rest.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                             str(config_dir / "mkdocs.yml"), "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    headers.write(out)  # served as ours is: see the module's docstring
    return out


def lighthouse_binary() -> pathlib.Path | str:
    if not shutil.which("node") or not shutil.which("npm"):
        return "skipped: Node.js and npm are not installed (Debian: apt-get install nodejs npm)"
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                                   cwd=LIGHTHOUSE_DIR, capture_output=True, text=True)
        if installed.returncode:
            return f"skipped: npm ci failed in tests/lighthouse: {installed.stderr[-300:]}"
    return binary


def lighthouse_once(binary: pathlib.Path, url: str, chromium: str, report: pathlib.Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    for _attempt in range(2):  # Lighthouse now and then fails to record a trace
        run = subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
            env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
        if run.returncode == 0 and report.exists():
            break
    if run.returncode or not report.exists():
        return {"error": run.stderr[-300:]}
    data = json.loads(report.read_text())
    audits = data["audits"]
    figures = {category: round(data["categories"][category]["score"] * 100) for category in CATEGORIES}
    figures.update({
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
    })
    return figures


def target_misses(ours: dict, limit_lcp_ms: float) -> list[str]:
    """Each target our page misses, said with its figure: [] when it meets them all.
    Figures are medians, so may end in .5: never rounded onto the target."""
    def exact(number: float) -> str:
        return f"{number:,.1f}".removesuffix(".0")

    misses = [f"{category} {exact(ours[category])}" for category in CATEGORIES
              if ours[category] < 100]
    if ours["lcp_ms"] > MAX_LCP_VS_LIMIT * limit_lcp_ms:
        misses.append(f"LCP {exact(ours['lcp_ms'])} ms, over {MAX_LCP_VS_LIMIT} x the limit's "
                      f"{exact(limit_lcp_ms)} ms")
    if ours["tbt_ms"] > MAX_TBT_MS:
        misses.append(f"TBT {exact(ours['tbt_ms'])} ms")
    if ours["cls"] > 0:
        misses.append(f"CLS {ours['cls']}")
    if ours["transfer_bytes"] > MAX_TRANSFER_BYTES:
        misses.append(f"transfer {exact(ours['transfer_bytes'])} bytes")
    return misses


def median_of(runs: list[dict]) -> dict:
    good = [run for run in runs if "error" not in run]
    if not good:
        return runs[-1]
    return {key: statistics.median(run[key] for run in good) for key in good[0]}


def lighthouse(urls: dict[str, str], pages: list[str], chromium: str | None) -> dict | str:
    """For each page, each variant's median figures, measured in turn (page by page, the
    variants interleaved, so a busy moment of the machine falls on all three alike).
    urls: each variant's base address, served."""
    if not chromium:
        return "skipped: no Chromium (Debian: apt-get install chromium)"
    binary = lighthouse_binary()
    if isinstance(binary, str):
        return binary
    results: dict = {}
    with tempfile.TemporaryDirectory() as out:
        for name in pages:
            runs: dict[str, list] = {variant: [] for variant in VARIANTS}
            for run in range(LIGHTHOUSE_RUNS):
                for variant in VARIANTS:
                    report = pathlib.Path(out) / f"{variant}-{run}.json"
                    report.unlink(missing_ok=True)
                    runs[variant].append(lighthouse_once(binary, urls[variant] + name, chromium, report))
            results[name] = {variant: median_of(variant_runs) for variant, variant_runs in runs.items()}
            # Blocking time and LCP vary more from run to run than the other figures: each
            # run's is kept, so the spread can be read beside the median. Blocking time: a
            # busy moment of a 2-core machine, times 4 for the phone's slower CPU. LCP:
            # Lighthouse estimates it from the requests that ended before the paint it
            # saw, so a request that ends just before or just after it (the manifest, which
            # Chromium fetches once the page has loaded) moves the estimate by a step.
            for variant, variant_runs in runs.items():
                if "error" not in results[name][variant]:
                    for figure, each_run in (("tbt_ms", "tbt_runs_ms"), ("lcp_ms", "lcp_runs_ms")):
                        results[name][variant][each_run] = sorted(
                            run[figure] for run in variant_runs if "error" not in run)
            ours, bare, limit = (results[name][v] for v in ("ours", "bare", "limit"))
            if "error" not in ours and "error" not in limit:  # bare Material is only compared
                results[name]["lcp_vs_limit"] = round(ours["lcp_ms"] / limit["lcp_ms"], 2)
                results[name]["target_misses"] = target_misses(ours, limit["lcp_ms"])
            if "error" not in ours and "error" not in bare:
                results[name]["lcp_vs_bare"] = round(ours["lcp_ms"] / bare["lcp_ms"], 2)
            print(f"  measured {name}", file=sys.stderr)
    return results


# ----------------------------------------------------------------------------- report


def main() -> None:
    chromium = installed_chromium()
    report: dict = {"build": build_times()}
    with readable_tmpdir() as folder, contextlib.ExitStack() as servers:
        site = folder / "site"
        site.mkdir()
        # Ours as published: built for the address Lighthouse reads it at, so served first,
        # which holds that address while it builds. (Read at another address, For clinics
        # waits to show that address in its copy-ready links.) With the site's own headers.
        urls = {"ours": servers.enter_context(serve(site, with_headers=True, compress=True))}
        result = build_site(ROOT, site, env={**os.environ, "SITE_URL": urls["ours"]})
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        if chromium:
            report["first_view"] = transfers(site, chromium)
            report["offline"] = offline_search(site, folder, chromium)
        else:
            report["first_view"] = report["offline"] = "skipped: no Chromium (apt-get install chromium)"
        for variant, built in (("bare", bare_site(folder)), ("limit", no_script_limit(site, folder))):
            urls[variant] = servers.enter_context(serve(built, with_headers=True, compress=True))
        pages = os.environ.get("BENCH_PAGES", "").split(",") if os.environ.get("BENCH_PAGES") \
            else [html_name(page) for page in PAGES]
        report["lighthouse"] = lighthouse(urls, pages, chromium)
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
    print(f"\nLighthouse, mobile preset, median of {LIGHTHOUSE_RUNS}: ours | bare Material | "
          "no-script limit")
    print(f"  targets: scores 100, LCP <= {MAX_LCP_VS_LIMIT} x the limit, TBT <= {MAX_TBT_MS} ms, "
          f"CLS 0, transfer <= {MAX_TRANSFER_BYTES // 1000} KB")
    if isinstance(report["lighthouse"], str):
        print(f"  {report['lighthouse']}")
    else:
        print(f"  {'page':24} {'variant':8} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4} "
              f"{'LCP s':>6} {'TBT ms':>6} {'CLS':>5} {'KB':>6} {'req':>4}  each run: TBT ms | LCP s")
        for page, variants in report["lighthouse"].items():
            for variant in VARIANTS:
                scores = variants[variant]
                if "error" in scores:
                    print(f"  {page:24} {variant:8} error: {scores['error']}")
                    continue
                print(f"  {page:24} {variant:8} {scores['performance']:4.0f} {scores['accessibility']:4.0f} "
                      f"{scores['best-practices']:4.0f} {scores['seo']:4.0f} {scores['lcp_ms'] / 1000:6.2f} "
                      f"{scores['tbt_ms']:6.0f} {scores['cls']:5.3f} {scores['transfer_bytes'] / 1000:6.1f} "
                      f"{scores['requests']:4.0f}  {' '.join(str(tbt) for tbt in scores['tbt_runs_ms'])} | "
                      f"{' '.join(f'{lcp / 1000:.2f}' for lcp in scores['lcp_runs_ms'])}")
            if "target_misses" in variants:
                misses = variants["target_misses"]
                verdict = f"missed: {', '.join(misses)}" if misses else "met"
                vs_bare = f", ours / bare {variants['lcp_vs_bare']:.2f}" if "lcp_vs_bare" in variants else ""
                print(f"  {'':24} LCP ours / limit {variants['lcp_vs_limit']:.2f}{vs_bare}; targets {verdict}")
        measured = [page for page, variants in report["lighthouse"].items() if "target_misses" in variants]
        met = [page for page in measured if not report["lighthouse"][page]["target_misses"]]
        print(f"  Targets met on {len(met)} of {len(report['lighthouse'])} pages"
              + (f" ({len(report['lighthouse']) - len(measured)} not measured: an error above)"
                 if len(measured) < len(report["lighthouse"]) else ""))
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
