"""Source files the tests read are well formed."""

from __future__ import annotations

from support.contract import contract_entries
from support.project import TESTS


def test_there_are_at_least_30_realistic_search_queries():
    lines = (TESTS / "search_queries.txt").read_text().splitlines()
    queries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(queries) >= 30
    assert all(" | " in line for line in queries), [q for q in queries if " | " not in q]


def test_url_contract_lists_each_address_once():
    entries = contract_entries()
    assert len(entries) == len(set(entries)), sorted(e for e in entries if entries.count(e) > 1)
