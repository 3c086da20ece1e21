"""What the build adds to the search index (toecramps/search.py): the groups of other
words from search-synonyms.yml, checked, and each warning sign as its own result."""

from __future__ import annotations

import logging

from support.project import ROOT
from toecramps import safety, search


def warnings_of(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]


def test_the_projects_groups_load_without_a_warning(caplog):
    groups = search.load_synonyms(ROOT / search.SYNONYMS_FILE)
    assert len(groups) >= 20 and all(len(group) >= 2 for group in groups)
    assert ["paracetamol", "acetaminophen", "tylenol", "calpol"] in groups
    assert warnings_of(caplog) == []


def test_a_malformed_group_is_named_with_its_line_and_left_out(tmp_path, caplog):
    path = tmp_path / search.SYNONYMS_FILE
    path.write_text("# comment\n- [gp, doctor]\n- [alone]\n- just words\n- [doctor, physician]\n")
    groups = search.load_synonyms(path)
    assert groups == [["gp", "doctor"], ["doctor", "physician"]]
    assert warnings_of(caplog) == [
        "search-synonyms.yml:3: a group needs two or more words or phrases, written as - [word, other word]",
        "search-synonyms.yml:4: a group needs two or more words or phrases, written as - [word, other word]",
        "search-synonyms.yml:5: 'doctor' is also in the group on line 2: merge the two groups",
    ]


def test_a_file_that_is_not_a_list_is_named(tmp_path, caplog):
    path = tmp_path / search.SYNONYMS_FILE
    path.write_text("gp: doctor\n")
    assert search.load_synonyms(path) == []
    assert "must be a list of groups" in warnings_of(caplog)[0]


def test_a_group_no_page_uses_is_found():
    groups = [["gp", "doctor"], ["a&e", "emergency room"], ["zzq", "qqz"]]
    assert search.unused_groups(groups, "See your doctor. Go to A&E.") == [["zzq", "qqz"]]
    assert search.unused_groups([["pins and needles", "tingling"]], "pins and needles") == []
    assert search.unused_groups([["pins and needles", "tingles"]], "pins or needles") == [
        ["pins and needles", "tingles"]]


def test_each_warning_sign_becomes_a_result_after_its_page(tmp_path):
    found, problems = safety.parse((ROOT / safety.SAFETY_FILE).read_text(encoding="utf-8"))
    assert problems == []
    page = "".join(f'<li id="{flag.id}">Sign {flag.id}<sup>[1]</sup></li>' for flag in found.red_flags)
    signs = search.warning_sign_documents(page, "when-to-get-help.html", found)
    first = signs[0]
    assert first["location"] == f"when-to-get-help.html#{found.red_flags[0].id}"
    assert first["title"] == found.tier(found.red_flags[0].tier).call
    assert first["boost"] > 1
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "when-to-get-help.html", "title": "T", "text": ""},
        {"location": "when-to-get-help.html#urgent", "title": "U", "text": ""},
        {"location": "zz.html", "title": "Z", "text": ""}]}
    finished = search.add_to_index(index, signs=signs, synonyms=[["gp", "doctor"]])
    locations = [doc["location"] for doc in finished["docs"]]
    assert locations[2] == first["location"] and locations[-1] == "zz.html"
    assert finished["config"]["synonyms"] == [["gp", "doctor"]]
