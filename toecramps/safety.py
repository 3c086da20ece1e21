"""The one source of truth for red flags and safety cautions: safety.yml.

Every red flag (a sign that needs medical help, in one of three tiers) and every safety
caution (medicines, heat, cold, bandages...) is written once in safety.yml, with the
evidence for it: a short passage quoted from its source and the date it was checked.
Pages never restate them; they show them through markers (see extensions/triage.py),
rendered here as Markdown. This module is pure: it reads and checks data and returns
text, so its logic is tested without a build.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import re

import yaml

SAFETY_FILE = "safety.yml"
TRIAGE_PAGE = "when-to-get-help.md"
MAX_QUOTE_WORDS = 30
TIER_IDS = ("emergency", "urgent", "appointment")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CITATION_KEY = re.compile(r"@([\w.:-]+)")


# Where the quoted text was read: many health-service pages reach us only as copies or
# older versions, and a clinician checking the guide needs to know which.
READ_IN = {
    "source": "on the source's own site",
    "copy": "in a copy of the page",
    "older": "in an older version of the page",
}


@dataclasses.dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    checked: datetime.date
    read_in: str = "source"


@dataclasses.dataclass(frozen=True)
class Tier:
    id: str
    call: str          # the call to action, ending before "if:"
    admonition: str    # Material admonition type, which sets the box's colour and icon
    when: str = ""     # how soon, in a reader's words, for the guide table
    note: str = ""     # Markdown shown under the tier's list in summaries
    see: str = ""      # a caution on the triage page that a linked sign points to


@dataclasses.dataclass(frozen=True)
class RedFlag:
    id: str
    tier: str
    text: str          # full wording (Markdown, with citations) on the triage page
    short: str         # a clause that follows "if", for summary boxes
    evidence: tuple[Evidence, ...]
    note: str = ""     # the editors' note for clinicians: a tier choice, a gap in the sources

    @property
    def cited(self) -> list[str]:
        return CITATION_KEY.findall(self.text)


@dataclasses.dataclass(frozen=True)
class Caution:
    id: str
    title: str
    page: str          # the page that shows it in full (others link there)
    text: str          # Markdown, with citations
    evidence: tuple[Evidence, ...]
    note: str = ""

    @property
    def cited(self) -> list[str]:
        return CITATION_KEY.findall(self.text)


@dataclasses.dataclass(frozen=True)
class Safety:
    tiers: tuple[Tier, ...]
    red_flags: tuple[RedFlag, ...]
    cautions: tuple[Caution, ...]

    def tier(self, tier_id: str) -> Tier:
        return next(tier for tier in self.tiers if tier.id == tier_id)

    def flag(self, flag_id: str) -> RedFlag | None:
        return next((flag for flag in self.red_flags if flag.id == flag_id), None)

    def caution(self, caution_id: str) -> Caution | None:
        return next((caution for caution in self.cautions if caution.id == caution_id), None)

    def flags_in(self, tier_id: str) -> list[RedFlag]:
        return [flag for flag in self.red_flags if flag.tier == tier_id]


# ----------------------------------------------------------------------------- reading


def parse(text: str, known_sources: set[str] | None = None) -> tuple[Safety, list[str]]:
    """safety.yml's text as a Safety, and every problem found in it (empty when none).

    known_sources, when given, is the set of bibliography keys; evidence and citations
    must use them. Problems name the entry, so an author can find it in the file."""
    problems: list[str] = []
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        return Safety((), (), ()), [f"is not valid YAML: {' '.join(str(error).split())}"]
    if not isinstance(data, dict):
        return Safety((), (), ()), ["must be a mapping with tiers, red_flags and cautions"]

    tiers = []
    for raw in data.get("tiers") or []:
        tiers.append(Tier(id=str(raw.get("id", "")), call=str(raw.get("call", "")).strip(),
                          admonition=str(raw.get("admonition", "note")),
                          when=str(raw.get("when") or "").strip(),
                          note=" ".join(str(raw.get("note") or "").split()),
                          see=str(raw.get("see") or "").strip()))
    if any(not tier.when for tier in tiers):
        problems.append("every tier needs 'when': how soon, in a reader's words")
    if tuple(tier.id for tier in tiers) != TIER_IDS:
        problems.append(f"tiers must be exactly {', '.join(TIER_IDS)}, in that order")

    seen: set[str] = set()

    def check_id(kind: str, entry_id: str) -> None:
        if not ID.match(entry_id):
            problems.append(f"{kind} '{entry_id}': id must be lower-case words joined by hyphens")
        if entry_id in seen:
            problems.append(f"{kind} '{entry_id}': the id is used twice")
        seen.add(entry_id)

    def evidence_of(kind: str, entry_id: str, raw_list, cited: list[str],
                    note: str) -> tuple[Evidence, ...]:
        found = []
        if not raw_list and not note:
            problems.append(f"{kind} '{entry_id}' has no evidence: quote its source "
                            f"(at most {MAX_QUOTE_WORDS} words) with the date you checked it, or, "
                            "where no source says it, explain the precaution in a 'note'")
        for raw in raw_list or []:
            source = str(raw.get("source", ""))
            quote = " ".join(str(raw.get("quote", "")).split())
            checked = raw.get("checked")
            where = f"{kind} '{entry_id}', evidence from '{source}'"
            if not quote:
                problems.append(f"{where}: the quote is missing")
            elif len(quote.split()) > MAX_QUOTE_WORDS:
                problems.append(f"{where}: the quote has {len(quote.split())} words; "
                                f"the most is {MAX_QUOTE_WORDS}")
            if not isinstance(checked, datetime.date):
                problems.append(f"{where}: 'checked' must be a date like 2026-11-22")
                checked = datetime.date.min
            if source not in cited:
                problems.append(f"{where}: the text does not cite [@{source}]")
            read_in = str(raw.get("read_in", ""))
            if read_in not in READ_IN:
                problems.append(f"{where}: 'read_in' must say where you read the quote: "
                                f"{', '.join(READ_IN)}")
            found.append(Evidence(source=source, quote=quote, checked=checked, read_in=read_in))
        if known_sources is not None:
            for key in cited:
                if key not in known_sources:
                    problems.append(f"{kind} '{entry_id}': unknown citation key '@{key}'")
        return tuple(found)

    def entries(section: str, kind: str):
        """Each mapping in a section with its id (checked); anything else is a problem."""
        for raw in data.get(section) or []:
            if not isinstance(raw, dict):
                problems.append(f"{section}: every entry must be a mapping (id:, ...), not {raw!r}")
                continue
            entry_id = str(raw.get("id", ""))
            check_id(kind, entry_id)
            yield raw, entry_id, " ".join(str(raw.get("note") or "").split())

    flags = []
    for raw, flag_id, note in entries("red_flags", "red flag"):
        tier = str(raw.get("tier", ""))
        if tier not in TIER_IDS:
            problems.append(f"red flag '{flag_id}': tier must be one of {', '.join(TIER_IDS)}, "
                            f"not '{tier}'")
        text = " ".join(str(raw.get("text", "")).split())
        short = " ".join(str(raw.get("short", "")).split())
        if not text or not short:
            problems.append(f"red flag '{flag_id}' needs both 'text' and 'short' wording")
        if CITATION_KEY.search(short):
            problems.append(f"red flag '{flag_id}': 'short' wording takes no citations "
                            "(summaries cite the sources of 'text')")
        if not CITATION_KEY.search(text) and not note:
            problems.append(f"red flag '{flag_id}': 'text' must cite a source, or a 'note' "
                            "must say why none does")
        evidence = evidence_of("red flag", flag_id, raw.get("evidence"),
                               CITATION_KEY.findall(text), note)
        if tier in TIER_IDS:  # a flag in no tier cannot be shown; its problem is reported
            flags.append(RedFlag(id=flag_id, tier=tier, text=text, short=short,
                                 evidence=evidence, note=note))

    cautions = []
    for raw, caution_id, note in entries("cautions", "caution"):
        text = str(raw.get("text", "")).strip()
        title = str(raw.get("title", "")).strip()
        page = str(raw.get("page", "")).strip()
        if not text or not title or not page.endswith(".md"):
            problems.append(f"caution '{caution_id}' needs a 'title', a 'text' and the "
                            "'page' (a .md file) that shows it")
        evidence = evidence_of("caution", caution_id, raw.get("evidence"),
                               CITATION_KEY.findall(text), note)
        cautions.append(Caution(id=caution_id, title=title, page=page, text=text,
                                evidence=evidence, note=note))

    for tier in TIER_IDS:
        if not any(flag.tier == tier for flag in flags):
            problems.append(f"tier '{tier}' has no red flags")
    for tier in tiers:
        shown_there = [c for c in cautions if c.id == tier.see and c.page == TRIAGE_PAGE]
        if tier.see and not shown_there:
            problems.append(f"tier '{tier.id}': 'see: {tier.see}' must name a caution "
                            f"whose page is {TRIAGE_PAGE}")
    return Safety(tuple(tiers), tuple(flags), tuple(cautions)), problems


# ----------------------------------------------------------------------------- rendering
# Each function returns Markdown. Links use the triage page's file name, which the engine
# turns into the right address and checks, anchors included.


def _indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def _cites(keys: list[str]) -> str:
    unique = list(dict.fromkeys(keys))
    return f" [{'; '.join('@' + key for key in unique)}]" if unique else ""


def _triage_link(flag_id: str, page_prefix: str) -> str:
    return f"{page_prefix}{TRIAGE_PAGE}#{flag_id}"


# What a sign on the triage page says only when a link lands on it (tier_box): its tier's
# call, which the box's heading says once, and what to do next. Hidden until then
# (site.css shows it for li:target), and left out of search.
SIGN_TIER = "sign-tier"
SIGN_NEXT = "sign-next"
LINKED_SIGN_ONLY = re.compile(rf'<span class="(?:{SIGN_TIER}|{SIGN_NEXT})" hidden data-search-exclude>.*?</span>', re.S)


def tier_box(safety: Safety, tier_id: str) -> str:
    """One tier in full, for the triage page: its call to action, then every sign with
    its permanent id. A link to one sign often lands with the box's heading above the
    screen, so each sign also carries what site.css shows only then: the tier's call
    before it, and after it the tier's note (what to do at night) and a link to the
    caution the tier names in 'see' (what to do while waiting)."""
    tier = safety.tier(tier_id)
    before = f'<span class="{SIGN_TIER}" hidden data-search-exclude>{tier.call} if:</span>'
    next_steps = [tier.note] if tier.note else []
    if see := safety.caution(tier.see):  # None when unset or unknown (a problem parse reports)
        next_steps.append(f"Then read: [{see.title}](#{see.id})")
    after = "".join(f' <span class="{SIGN_NEXT}" hidden data-search-exclude>{step}</span>'
                    for step in next_steps)
    lines = [f'!!! {tier.admonition} "{tier.call} if:"']
    for flag in safety.flags_in(tier_id):
        lines.append(f"    - {before} {flag.text}{after}")
        lines.append(f"        {{ #{flag.id} }}")
    return "\n".join(lines)


def summary_box(safety: Safety, page_prefix: str = "") -> str:
    """Every tier with every sign in short wording, each linked to its full wording.
    The same signs in the same tiers wherever a summary is shown."""
    lines = ['!!! warning "When to get medical help"', ""]
    for tier in safety.tiers:
        lines.append(f"    **{tier.call}** if:")
        lines.append("")
        for flag in safety.flags_in(tier.id):
            link = _triage_link(flag.id, page_prefix)
            lines.append(f"    - [{flag.short}]({link}){_cites(flag.cited)}")
        lines.append("")
        if tier.note:
            lines += [f"    {tier.note}", ""]
    lines.append(f"    If you are not sure which fits, read [when to get medical help]"
                 f"({page_prefix}{TRIAGE_PAGE}) or call a doctor, nurse or pharmacist.")
    return "\n".join(lines)


def tier_guide(safety: Safety, page_prefix: str = "") -> str:
    """A table for choosing a tier at a glance: how soon, what to do, and a link to the
    tier's signs."""
    lines = ["| How soon | What to do | Which signs |", "| --- | --- | --- |"]
    for tier in safety.tiers:
        count = len(safety.flags_in(tier.id))
        link = f"{page_prefix}{TRIAGE_PAGE}#{tier.id}"
        lines.append(f"| **{tier.when}** | {tier.call} | [The {count} signs in this list]({link}) |")
    return "\n".join(lines)


def flag_sentence(safety: Safety, flag_ids: list[str], page_prefix: str = "") -> str:
    """Signs of one tier as a sentence inside a paragraph: the tier's call, the signs
    joined by "or", and a link to the first sign's full wording."""
    flags = [safety.flag(flag_id) for flag_id in flag_ids]
    tier = safety.tier(flags[0].tier)
    signs = ", or ".join(flag.short for flag in flags)
    cited = [key for flag in flags for key in flag.cited]
    link = _triage_link(flags[0].id, page_prefix)
    label = "About this sign" if len(flags) == 1 else "About these signs"
    return f"**{tier.call}** if {signs}{_cites(cited)}. [{label}]({link})."


def caution_box(safety: Safety, caution_id: str, *, printed_copy: bool = False) -> str:
    """A caution as a box with a permanent id, so other pages link to it. A printed
    copy (on a handout) has no id: the caution's address stays on its own page."""
    caution = safety.caution(caution_id)
    name = "data-caution" if printed_copy else "id"
    return (f'<div class="admonition caution" {name}="{caution.id}" markdown>\n'
            f'<p class="admonition-title">{caution.title}</p>\n\n'
            f"{caution.text}\n\n</div>")


def evidence_ledger(safety: Safety, page_prefix: str = "") -> str:
    """Every red flag and caution with its tier, sources and quoted passages: what a
    clinic's clinician reads to check this guide before linking to it."""
    lines = []
    for tier in safety.tiers:
        lines += [f"**{tier.call}** if:", "",
                  "| Sign | What the source says (date checked) |", "| --- | --- |"]
        for flag in safety.flags_in(tier.id):
            sign = f"[{flag.short}]({_triage_link(flag.id, page_prefix)})"
            lines.append(f"| {sign} | {_passages(flag.evidence, flag.note)} |")
        lines.append("")
    lines += ["**Safety cautions**", "",
              "| Caution | What the source says (date checked) |", "| --- | --- |"]
    for caution in safety.cautions:
        link = f"{page_prefix}{caution.page}#{caution.id}"
        lines.append(f"| [{caution.title}]({link}) | {_passages(caution.evidence, caution.note)} |")
    return "\n".join(lines) + "\n"


def _passages(evidence: tuple[Evidence, ...], note: str) -> str:
    # <q>: the source's own words, which the browser puts in quotation marks.
    passages = [f'<q>{html.escape(item.quote).replace("|", "&#124;")}</q> [@{item.source}] '
                f"(read {READ_IN.get(item.read_in, '')}, {item.checked.day} "
                f"{item.checked:%B %Y})" for item in evidence]
    if note:
        passages.append(f"*Our note:* {note.replace('|', '&#124;')}")
    return "<br>".join(passages)
