"""Red flags and safety cautions, shown on pages from their one source, safety.yml.

Markers an author writes in a page (each alone on its line, except `[[red-flag ID]]`):

    [[red-flags emergency]]   one tier in full, with each sign's permanent id (also
                              `urgent`, `appointment`); used on the triage page
    [[red-flags summary]]     every tier, every sign in short wording, linked to its
                              full wording: the same signs in the same tiers everywhere
    [[red-flags guide]]       a table: how soon, what to do, and a link to each tier
    [[red-flag ID]]           one sign as a sentence, inside a paragraph; several ids
                              of the same tier (`[[red-flag ID ID]]`) join with "or"
    [[caution ID]]            a safety caution box, with the caution's id, on the page
                              safety.yml names; on a handout (docs/handouts/), a
                              printed copy of it without the id
    [[evidence-ledger]]       every sign and caution with its quoted evidence

Because the tiers live only in safety.yml, a page that writes a tier's call to action
by hand ("call your emergency number", "urgent appointment"...) is a warning naming
the page and line: strict mode fails the build, and the tiers cannot drift apart again.
"""

from __future__ import annotations

import os
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from toecramps import bibliography, messages, safety

HANDOUTS = "handouts/"
PRIORITY = 28  # after snippets (32) include files; before citations (25)
BLOCK_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)\[\[(?P<kind>red-flags|caution|evidence-ledger)(?:\s+(?P<arg>[\w-]+))?\]\]\s*$")
INLINE_MARKER = re.compile(r"\[\[red-flag\s+(?P<ids>[\w-]+(?:\s+[\w-]+)*)\]\]")
ANY_MARKER = re.compile(r"\[\[(red-flags?|caution|evidence-ledger)\b[^\]]*\]\]")
# Calls to action that belong to the tiers. Headings may name a tier; sentences may not.
HAND_WRITTEN_CALL = re.compile(
    r"call (?:your|the|an?) (?:local )?emergency (?:number|services)|\b(?:911|999|112)\b"
    r"|urgent appointment|book an appointment|emergency help|\burgently\b|\bA&E\b",
    re.I)



def load_safety(path: str, bibliography_path: str) -> safety.Safety | None:
    """safety.yml, checked against the bibliography; its problems reported once per build."""
    if not os.path.isfile(path):
        messages.warn(path, "the safety file is missing")
        return None
    known = None
    if os.path.isfile(bibliography_path):
        entries, _ = bibliography.load(os.path.abspath(bibliography_path),
                                       os.path.getmtime(bibliography_path))
        known = set(entries)
    with open(path, encoding="utf-8") as file:
        data, problems = safety.parse(file.read(), known)
    for problem in problems:
        messages.warn_once((path, problem), path, problem)
    return data


def is_handout(page: str) -> bool:
    """A one-page handout to print (docs/handouts/): it copies what pages say in full."""
    return page.startswith(HANDOUTS)


def page_prefix() -> str:
    """How to reach the triage page from the page being rendered (pages in folders)."""
    return "../" * messages.current_page().removeprefix("docs/").count("/")


class TriagePreprocessor(Preprocessor):
    def __init__(self, md, safety_path: str, bibliography_path: str):
        super().__init__(md)
        self.safety_path = safety_path
        self.bibliography_path = bibliography_path

    def run(self, lines: list[str]) -> list[str]:
        if not any(ANY_MARKER.search(line) or HAND_WRITTEN_CALL.search(line) for line in lines):
            return lines
        data = load_safety(self.safety_path, self.bibliography_path)
        prefix = page_prefix()
        output: list[str] = []
        cautions_shown: set[str] = set()
        for line in lines:
            where = messages.where(line)
            block = BLOCK_MARKER.match(line)
            if block:
                if block["kind"] == "caution":
                    self.check_caution_place(data, block["arg"], cautions_shown, where)
                rendered = self.block(data, block["kind"], block["arg"], prefix, where)
                output += [block["indent"] + part if part else ""
                           for part in rendered.split("\n")]
                continue
            if not line.lstrip().startswith("#") and HAND_WRITTEN_CALL.search(
                    INLINE_MARKER.sub("", line)):
                messages.warn(where, "states a red-flag tier's call to action by hand "
                              f"(\"{HAND_WRITTEN_CALL.search(line)[0]}\"). Write "
                              "[[red-flag ID]] or [[red-flags summary]] instead, so the "
                              "wording comes from safety.yml")
            rest = INLINE_MARKER.sub("", line)
            if ANY_MARKER.search(rest):
                messages.warn(where, f"{ANY_MARKER.search(rest)[0]} is not a marker this page can "
                              "show: block markers stand alone on their line, and only "
                              "[[red-flag ID]] goes inside a sentence")
            output.append(INLINE_MARKER.sub(
                lambda match, where=where: self.inline(data, match["ids"].split(), prefix, where),
                line))
        return output

    @staticmethod
    def check_caution_place(data, caution_id: str | None, shown: set[str], where: str) -> None:
        """A caution is shown once, on the page safety.yml names; others link to it.
        A handout, printed on paper where a link cannot be followed, may carry a copy."""
        caution = data.caution(caution_id) if data and caution_id else None
        if caution is None:
            return
        page = messages.current_page().removeprefix("docs/")
        if page != "a Markdown page" and page != caution.page and not is_handout(page):
            messages.warn(where, f"[[caution {caution_id}]] belongs on {caution.page} (its "
                          "'page' in safety.yml); link to it from here instead")
        if caution_id in shown:
            messages.warn(where, f"[[caution {caution_id}]] is shown twice on this page")
        shown.add(caution_id)

    @staticmethod
    def block(data, kind: str, arg: str | None, prefix: str, where: str) -> str:
        if data is None:
            return ""
        if kind == "red-flags" and arg in safety.TIER_IDS:
            return safety.tier_box(data, arg)
        if kind == "red-flags" and arg == "summary":
            return safety.summary_box(data, prefix)
        if kind == "red-flags" and arg == "guide":
            return safety.tier_guide(data, prefix)
        if kind == "caution" and arg and data.caution(arg):
            page = messages.current_page().removeprefix("docs/")
            return safety.caution_box(data, arg, printed_copy=is_handout(page))
        if kind == "evidence-ledger" and arg is None:
            return safety.evidence_ledger(data, prefix)
        messages.warn(where, f"unknown marker [[{kind}{' ' + arg if arg else ''}]]: "
                      "see the list at the top of toecramps/extensions/triage.py and the ids "
                      "in safety.yml")
        return ""

    @staticmethod
    def inline(data, flag_ids: list[str], prefix: str, where: str) -> str:
        if data is None:
            return ""
        unknown = [flag_id for flag_id in flag_ids if data.flag(flag_id) is None]
        if unknown:
            messages.warn(where, f"[[red-flag {' '.join(flag_ids)}]]: no red flag with the id "
                          f"{', '.join(unknown)} in safety.yml")
            return ""
        if len({data.flag(flag_id).tier for flag_id in flag_ids}) > 1:
            messages.warn(where, f"[[red-flag {' '.join(flag_ids)}]]: the signs are in different "
                          "tiers; give each tier its own marker")
            return ""
        return safety.flag_sentence(data, flag_ids, prefix)


class TriageExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "safety": [safety.SAFETY_FILE, "safety file, relative to the folder the build runs in"],
            "bibliography": [bibliography.BIBLIOGRAPHY_FILE, "BibTeX file, likewise"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(
            TriagePreprocessor(md, self.getConfig("safety"), self.getConfig("bibliography")),
            "triage", PRIORITY)


def makeExtension(**kwargs):
    return TriageExtension(**kwargs)
