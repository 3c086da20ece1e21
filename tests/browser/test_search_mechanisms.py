"""Each way the search understands a reader's words, proven twice in Chromium: the query
finds its target with the site's search as built, and misses it when that one mechanism
is taken out of the same worker (docs/assets/javascripts/search-worker.js), run on the
same index. So none of these queries passes by luck of the wording on the page.

The site is written in American spelling, so an American spelling is found as written;
American words for British ones (ER for A&E) come from search-synonyms.yml."""

from __future__ import annotations

import json

import pytest

from support.browser import DESKTOP, PHONE, search

TOP = 3

# How each mechanism is taken out: JavaScript run after the worker's own code.
WITHOUT = {
    # Material's default separator: words split at spaces and hyphens only.
    "tokenising": 'words = function (text) { return fold(text).split(/[\\s\\-]+/).filter(Boolean); };',
    "word forms": "stemOf = function (word) { return word; };",
    "other words": "",  # the index's groups of other words are emptied instead
    "British spelling": "americanSpelling = function (word) { return word; };",
    "typos": "withinOneEdit = function (a, b) { return a === b; };",
}

CASES = [
    # (mechanism, query, a target: page#section among the first results)
    ("tokenising", "cirrhosis", "causes.html#organ-problems"),         # "(cirrhosis)"
    ("tokenising", "phalanges", "anatomy.html#bones"),                  # "(phalanges)"
    ("word forms", "dehydrated", "causes.html#dehydration"),
    ("other words", "painkillers", "home-remedies.html#pain-relief"),
    ("other words", "tylenol", "home-remedies.html#pain-relief"),
    ("other words", "ER", "when-to-get-help.html#emergency"),         # American for A&E
    ("British spelling", "colours", "when-to-get-help.html#swelling-or-color-change"),
    ("typos", "magnesuim", "home-remedies.html#magnesium"),
]

RUN_WORKER = """async ([source, index, query]) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})));
  const reply = (type) => new Promise(resolve => worker.addEventListener(
    "message", function listen(event) {
      if (event.data.type === type) { worker.removeEventListener("message", listen); resolve(event.data); }
    }));
  const ready = reply(1);
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {}}});
  await ready;
  const result = reply(3);
  worker.postMessage({type: 2, data: query});
  const items = (await result).data.items;
  worker.terminate();
  return items.map(group => group.map(doc => doc.location));
}"""


@pytest.fixture(scope="module")
def worker_page(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "index.html")
    yield page
    page.close()


def worker_results(page, site_url: str, query: str, *, without: str | None = None) -> list[list[str]]:
    """The worker's first result groups for a query, with one mechanism taken out."""
    source = page.request.get(site_url + "assets/javascripts/search-worker.js").text()
    index = page.request.get(site_url + "search/search_index.json").json()
    if without == "other words":
        index = {**index, "config": {**index["config"], "synonyms": []}}
    elif without:
        source += "\n" + WITHOUT[without]
    return page.evaluate(RUN_WORKER, [source, json.loads(json.dumps(index)), query])[:TOP]


def holds(groups: list[list[str]], target: str) -> bool:
    return any(target in group for group in groups)


@pytest.mark.parametrize(("mechanism", "query", "target"), CASES,
                         ids=[f"{m}: {q}" for m, q, _ in CASES])
def test_query_needs_its_mechanism(worker_page, site_url, mechanism, query, target):
    with_it = worker_results(worker_page, site_url, query)
    assert holds(with_it, target), f"{query!r} should find {target}: {with_it}"
    without_it = worker_results(worker_page, site_url, query, without=mechanism)
    assert not holds(without_it, target), (
        f"{query!r} finds {target} even without {mechanism}: pick a query that needs it")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("typed", ["mag", "deh", "sta"])
def test_the_first_three_letters_typed_show_results(browser, site_url, viewport, typed):
    """Search as you type: the unfinished last word is a prefix, and the words it
    matched are marked."""
    page = browser.new_page(viewport=viewport)
    page.goto(site_url + "index.html")
    results = search(page, typed)
    marked = results.first.locator("mark").evaluate_all("marks => marks.map(m => m.textContent)")
    assert marked and all(word.lower().startswith(typed) for word in marked), marked
    page.close()


def test_results_name_the_matched_section_without_missing_words(worker_page, site_url):
    """A reader sees the section that answers a sentence, in the page's own words, and
    never Material's struck-through "Missing:" list."""
    page = worker_page
    results = search(page, "pregnant and my feet cramp at night", typed=False)
    first = results.first
    assert first.locator("h2").count() >= 1, "the matching section is shown under the page"
    assert page.locator(".md-search-result__terms, .md-search-result del").count() == 0
    assert first.locator("mark").count() >= 1, "the words that matched are marked"
