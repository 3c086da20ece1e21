"""safety.yml, the one source of red flags and cautions: what it rejects, and how its
entries are rendered. Pure functions, no build."""

from __future__ import annotations

import pathlib

import pytest

from toecramps import bibliography, safety

pytestmark = pytest.mark.unit
ROOT = pathlib.Path(__file__).resolve().parents[2]
TIERS = """
tiers:
  - {id: emergency, when: Now, call: Call now, admonition: danger}
  - {id: urgent, when: Today, call: Get seen today, admonition: warning}
  - {id: appointment, when: Soon, call: Book a visit, admonition: info}
"""
EVIDENCE = "evidence: [{source: a, quote: It says so., checked: 2026-11-22, read_in: source}]"


def flag(flag_id="one", tier="emergency", text="Text [@a].", short="short", evidence=EVIDENCE):
    return (f"  - id: {flag_id}\n    tier: {tier}\n    text: {text}\n    short: {short}\n"
            f"    {evidence}\n")


def parsed(red_flags: str, cautions: str = "", known=frozenset({"a", "b"})):
    every_tier = flag("e") + flag("u", tier="urgent") + flag("p", tier="appointment")
    text = TIERS + "red_flags:\n" + every_tier + red_flags + ("cautions:\n" + cautions if cautions else "")
    return safety.parse(text, set(known))


def test_the_real_safety_file_has_no_problems():
    entries, _ = bibliography.parse((ROOT / "references.bib").read_text(encoding="utf-8"))
    data, problems = safety.parse((ROOT / "safety.yml").read_text(encoding="utf-8"), set(entries))
    assert problems == []
    assert {flag.tier for flag in data.red_flags} == set(safety.TIER_IDS)


def test_a_valid_entry_has_no_problems():
    assert parsed(flag())[1] == []


@pytest.mark.parametrize("entry, problem", [
    (flag(evidence="evidence: []"), "'one' has no evidence"),
    (flag(evidence="evidence: [{source: a, quote: " + "word " * 31 + ", checked: 2026-11-22, read_in: copy}]"),
     "the quote has 31 words; the most is 30"),
    (flag(evidence="evidence: [{source: b, quote: Said., checked: 2026-11-22, read_in: copy}]"),
     "evidence from 'b': the text does not cite [@b]"),
    (flag(evidence="evidence: [{source: a, quote: Said., checked: last week, read_in: copy}]"),
     "'checked' must be a date"),
    (flag(evidence="evidence: [{source: a, quote: Said., checked: 2026-11-22}]"),
     "'read_in' must say where you read the quote"),
    (flag(text="Text [@nope]."), "unknown citation key '@nope'"),
    (flag(tier="soon"), "tier must be one of emergency, urgent, appointment, not 'soon'"),
    (flag(flag_id="Cold_Foot"), "id must be lower-case words joined by hyphens"),
    (flag(flag_id="e"), "'e': the id is used twice"),
    (flag(short="a sign [@a]"), "'short' wording takes no citations"),
    (flag(text="No source at all."), "'text' must cite a source, or a 'note' must say why"),
])
def test_an_authors_mistake_is_named(entry, problem):
    problems = parsed(entry)[1]
    assert any(problem in found for found in problems), problems


def test_a_precaution_without_a_source_needs_a_note_saying_so():
    bare = "  - {id: driving, title: Driving, page: x.md, text: Pull over.}\n"
    noted = "  - {id: driving, title: Driving, page: x.md, text: Pull over., note: Our precaution.}\n"
    assert any("'driving' has no evidence" in problem for problem in parsed("", bare)[1])
    assert parsed("", noted)[1] == []


def test_a_caution_names_the_page_that_shows_it():
    problems = parsed("", "  - {id: c, title: C, text: 'T [@a].', " + EVIDENCE + "}\n")[1]
    assert any("'page' (a .md file)" in problem for problem in problems), problems


def test_tiers_must_be_the_three_in_order():
    text = TIERS.replace("urgent", "soon") + "red_flags:\n" + flag()
    assert any("tiers must be exactly" in problem for problem in safety.parse(text)[1])


def test_a_tier_box_lists_its_signs_with_their_permanent_ids():
    data, _ = parsed(flag("second"))
    box = safety.tier_box(data, "emergency")
    assert box.startswith('!!! danger "Call now if:"')
    assert "{ #e }" in box and "{ #second }" in box and "{ #u }" not in box
    # Each sign carries its tier's call (shown when a link lands on it), out of search.
    assert box.count('<span class="sign-tier" hidden data-search-exclude>Call now if:</span>') == 2


CAUTION = ("  - id: wait\n    title: While you wait\n    page: when-to-get-help.md\n"
           "    text: Sit down [@a].\n    " + EVIDENCE + "\n")


def test_a_linked_sign_says_what_to_do_next_as_its_tier_says():
    text = (TIERS.replace("admonition: danger}", "admonition: danger, see: wait}")
            .replace("admonition: warning}", "admonition: warning, note: 'At night call 111 [@a].'}")
            + "red_flags:\n" + flag("e") + flag("u", tier="urgent") + flag("p", tier="appointment")
            + "cautions:\n" + CAUTION)
    data, problems = safety.parse(text, {"a"})
    assert problems == []
    shown_when_linked = {tier: safety.LINKED_SIGN_ONLY.findall(safety.tier_box(data, tier))
                         for tier in safety.TIER_IDS}
    assert shown_when_linked["emergency"][1].endswith(">Then read: [While you wait](#wait)</span>")
    assert shown_when_linked["urgent"][1].endswith(">At night call 111 [@a].</span>")
    assert len(shown_when_linked["appointment"]) == 1  # its call only


@pytest.mark.parametrize("page", ["when-to-get-help.md", "home-remedies.md"])
def test_a_tier_must_see_a_caution_on_the_triage_page(page):
    text = (TIERS.replace("admonition: danger}", "admonition: danger, see: wiat}")
            + "red_flags:\n" + flag("e") + flag("u", tier="urgent") + flag("p", tier="appointment")
            + "cautions:\n" + CAUTION.replace("when-to-get-help.md", page))
    problems = safety.parse(text, {"a"})[1]
    assert problems == ["tier 'emergency': 'see: wiat' must name a caution whose page is when-to-get-help.md"]


def test_a_summary_shows_every_sign_in_its_tier_in_order():
    data, _ = parsed(flag("second"))
    summary = safety.summary_box(data, page_prefix="../")
    order = [summary.index(text) for text in
             ("**Call now**", "when-to-get-help.md#e", "when-to-get-help.md#second",
              "**Get seen today**", "when-to-get-help.md#u", "**Book a visit**",
              "when-to-get-help.md#p")]
    assert order == sorted(order)
    assert "](../when-to-get-help.md#e) [@a]" in summary


def test_one_sentence_joins_signs_of_one_tier():
    data, _ = parsed(flag("second", short="another sign"))
    sentence = safety.flag_sentence(data, ["e", "second"])
    assert sentence == ("**Call now** if short, or another sign [@a]. "
                        "[About these signs](when-to-get-help.md#e).")


def test_the_ledger_quotes_every_sign_and_caution_with_its_date():
    caution = ("  - {id: c, title: Heat, page: home-remedies.md, text: 'T [@b].', note: Careful.,"
               " evidence: [{source: b, quote: Hot is hot., checked: 2026-01-02, read_in: older}]}\n")
    data, problems = parsed("", caution)
    assert problems == []
    ledger = safety.evidence_ledger(data)
    assert "<q>It says so.</q> [@a] (read on the source's own site, 22 November 2026)" in ledger
    assert ("[Heat](home-remedies.md#c) | <q>Hot is hot.</q> [@b] (read in an older version "
            "of the page, 2 January 2026)<br>*Our note:* Careful.") in ledger


def test_the_guide_table_gives_each_tier_its_timing_call_and_link():
    data, _ = parsed(flag("second"))
    assert safety.tier_guide(data).splitlines()[2] == (
        "| **Now** | Call now | [The 2 signs in this list](when-to-get-help.md#emergency) |")
