"""Source files the tests read are well formed."""

from __future__ import annotations

from support.contract import contract_entries
from support.project import TESTS


def test_the_query_list_is_large_and_nearly_all_queries_are_found():
    """At least 120 queries, at least 30 of them sentences; at most 3 in 100 marked as
    known misses (each with its reason), so the list holds the search to 97%."""
    lines = (TESTS / "search_queries.txt").read_text().splitlines()
    queries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(queries) >= 120
    assert all(" | " in line for line in queries), [q for q in queries if " | " not in q]
    sentences = [q for q in queries if len(q.split(" | ")[0].split()) >= 5]
    assert len(sentences) >= 30, len(sentences)
    known_misses = [q for q in queries if " | known miss: " in q]
    assert len(known_misses) <= 0.03 * len(queries), known_misses


def test_url_contract_lists_each_address_once():
    entries = contract_entries()
    assert len(entries) == len(set(entries)), sorted(e for e in entries if entries.count(e) > 1)
