"""Helpers for the service worker's tests (tests/browser/test_offline_phone.py): what
sw.js was given at build time, what a browser has kept, and saving the whole guide the
way a reader does."""

from __future__ import annotations

import json
import pathlib
import re

PHONE_SMALL = {"width": 360, "height": 740}  # a small Android phone
BUILD = re.compile(r"const BUILD = (\{.*?\});\n")
# Every text the Download page's status line shows, in order.
RECORD_STATUS = """
window.__statuses = [];
addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-saved-copy='controls'] [data-status]");
  if (status) new MutationObserver(() => window.__statuses.push(status.textContent))
    .observe(status, {childList: true, characterData: true, subtree: true});
});
"""


def build_list(site: pathlib.Path) -> dict:
    """What toecramps/serviceworker.py wrote into the site's sw.js."""
    found = BUILD.search((site / "sw.js").read_text(encoding="utf-8"))
    if not found:
        raise AssertionError(f"{site / 'sw.js'}: no build list (const BUILD = {{...}};)")
    return json.loads(found[1])


def wait_until_controlled(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def kept_urls(page) -> list[str]:
    """Every URL in every cache of this origin."""
    return page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    }""")


def wait_until(page, check: str, arg=None, *, timeout_ms: int = 10_000) -> None:
    """Wait until the async JavaScript function check(arg) is true in the page, looking
    every 50 ms (Playwright's wait_for_function does not wait for a promise)."""
    page.evaluate(f"""async (arg) => {{
      const check = {check};
      for (let waited = 0; !(await check(arg)); waited += 50) {{
        if (waited > {timeout_ms}) throw new Error("still not true: " + check);
        await new Promise(resolve => setTimeout(resolve, 50));
      }}
    }}""", arg)


def wait_until_kept(page, url: str) -> None:
    wait_until(page, "async (url) => !!(await caches.match(url))", url)


def wait_until_active(page) -> None:
    """Until the newest service worker has finished taking over (old caches deleted)."""
    page.evaluate("""async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (worker.state !== "activated") await new Promise(resolve => worker.addEventListener(
        "statechange", () => worker.state === "activated" && resolve()));
    }""")


def save_whole_guide(page, base_url: str) -> list[str]:
    """On the Download page, tap "Save this guide to read offline" and wait until it says
    saved (or failed). Returns every status the page showed, in order."""
    page.add_init_script(RECORD_STATUS)
    page.goto(base_url + "download.html")
    button = page.get_by_role("button", name="Save this guide to read offline")
    button.click()
    page.wait_for_selector("[data-saved-copy='controls'][data-state='saved'], "
                           "[data-saved-copy='controls'][data-state='failed']", state="attached")
    return page.evaluate("window.__statuses")


def installability_errors(page) -> list[dict]:
    """What Chromium says stops the page's site from being installed (none: installable)."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        session.detach()
