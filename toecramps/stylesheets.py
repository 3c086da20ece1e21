"""Material's stylesheet, trimmed to the rules this site can use.

Material's main stylesheet (about 24 KB with gzip) styles every feature of the theme: tabs,
code highlighting, annotations, tags, versions, a dozen admonition types, and more. A phone
must download it before it can show a word. A rule is kept when the site can use it: each
class it names is on a built page, or named in a script (Material's bundle adds classes of
its own, such as search results and the back-to-top button). Material also styles every
language direction and every palette colour ([dir=rtl], [data-md-color-primary=red]); a
rule naming one value of those attributes is kept only when a page sets that value (the
bundle copies palette values from the pages' own scheme inputs). Rules without classes,
@keyframes, @font-face and the like are always kept.

The trimmed stylesheets are then written into every page (postbuild.inline_stylesheets).
"""

from __future__ import annotations

import re
from collections.abc import Callable

CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Classes inside these are alternatives or conditions: a rule with one unknown class in
# :is(.a, .b) may still apply through the other, so they never decide.
FUNCTIONAL_PSEUDO = re.compile(r":(?:is|where|not|has)\(")
# Where a script gives an element a class: Material's bundle builds elements with
# x("li", {class: "md-search-result__item"}); any script may use classList or className.
CLASS_SET_IN_SCRIPT = (
    re.compile(r'class:`?"?([^"`,}]*)'),
    re.compile(r"classList\.(?:add|toggle|replace)\(([^)]*)\)"),
    re.compile(r'className\s*[+]?=\s*"?([^";]*)'),
    re.compile(r'setAttribute\("class",\s*"([^"]*)"'),
)
CLASS_NAME = re.compile(r"-?[_a-zA-Z][\w-]*")
SCRIPTED_STATE = {"js", "no-js"}  # on the root element: overrides/main.html, Material
CUSTOM_PROPERTY = re.compile(r"^\s*(--[\w-]+)\s*:")
PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")
# Attributes whose every value Material styles, though a site uses one or two of them.
VALUED_ATTRIBUTE = re.compile(r'\b(dir|data-md-color-[\w-]+)="([^"]*)"')
VALUED_ATTRIBUTE_IN_SELECTOR = re.compile(r"""\[(dir|data-md-color-[\w-]+)=["']?([^"'\]]*)["']?\]""")


def used_classes(pages: list[str], scripts: list[str]) -> set[str]:
    """Class names on the built pages, and every class a script can give an element; and,
    written name=value, each value the pages give the attributes VALUED_ATTRIBUTE names."""
    used: set[str] = set(SCRIPTED_STATE)
    for page in pages:
        for attribute in CLASS_ATTRIBUTE.findall(page):
            used.update(attribute.split())
        used.update(f"{name}={value}" for name, value in VALUED_ATTRIBUTE.findall(page))
    for script in scripts:
        for pattern in CLASS_SET_IN_SCRIPT:
            for value in pattern.findall(script):
                used.update(CLASS_NAME.findall(value.replace("${", " ")))
    return used


def _without_functional_pseudos(selector: str, pseudo: re.Pattern = FUNCTIONAL_PSEUDO) -> str:
    """The selector with the arguments of :is(), :where(), :not() and :has() removed (or
    of the pseudo-classes pseudo matches)."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = pseudo.match(selector, i) if depth == 0 else None
        if match:
            depth, i = 1, match.end()
            continue
        char = selector[i]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _dynamic_modifier_known(name: str, used: set[str]) -> bool:
    """md-tag--warning is used if a script builds md-tag--<something> at run time."""
    base, separator, _ = name.rpartition("--")
    return bool(separator) and f"{base}--" in used


def selector_can_match(selector: str, used: set[str]) -> bool:
    deciding = _without_functional_pseudos(selector)
    for name in CLASS_IN_SELECTOR.findall(deciding):
        if name not in used and not _dynamic_modifier_known(name, used):
            return False
    return all(f"{name}={value}" in used for name, value in VALUED_ATTRIBUTE_IN_SELECTOR.findall(deciding))


def _split_top_level(text: str, separator: str) -> list[str]:
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _blocks(css: str):
    """(prelude, body) for each top-level block of minified CSS; body without braces.
    Statements such as @charset come as (statement, None)."""
    i, start, depth, quote = 0, 0, 0, ""
    prelude = ""
    while i < len(css):
        char = css[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                prelude, start = css[start:i], i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield prelude.strip(), css[start:i]
                start = i + 1
        elif char == ";" and depth == 0:
            yield css[start:i + 1].strip(), None
            start = i + 1
        i += 1


# At-rules whose body is rules to trim; any other block (@keyframes, @font-face, @page,
# @property) is kept whole.
NESTED_AT_RULES = ("@media", "@supports", "@container", "@layer")


def trim(css: str, used: set[str], other_css: str = "") -> str:
    """The rules that can match, then only the custom properties something still uses
    (Material defines dozens of icons as properties, one per feature)."""
    rules = _trim_rules(css, used)
    while True:
        referenced = set(PROPERTY_USE.findall(rules + other_css))
        pruned = _drop_properties(rules, referenced)
        if pruned == rules:
            return rules
        rules = pruned


def _map_style_rules(css: str, rewrite: Callable[[str, str], str]) -> str:
    """css with each style rule replaced by rewrite(selectors, declarations) ("" drops it),
    inside @media and the like too; other at-rules are kept whole."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(NESTED_AT_RULES):
            inner = _map_style_rules(body, rewrite)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            out.append(rewrite(prelude, body))
    return "".join(out)


def _drop_properties(css: str, referenced: set[str]) -> str:
    def keep_declarations(prelude: str, body: str) -> str:
        declarations = [d for d in _split_top_level(body, ";") if d.strip()
                        if not ((name := CUSTOM_PROPERTY.match(d)) and name[1] not in referenced)]
        return f"{prelude}{{{';'.join(declarations)}}}" if declarations else ""

    return _map_style_rules(css, keep_declarations)


def _trim_rules(css: str, used: set[str]) -> str:
    def keep_selectors(prelude: str, body: str) -> str:
        selectors = [s for s in _split_top_level(prelude, ",") if selector_can_match(s, used)]
        return f"{','.join(selectors)}{{{body}}}" if selectors else ""

    return _map_style_rules(css, keep_selectors)


NOT_PSEUDO = re.compile(r":not\(")


def _names_dark_scheme(selector: str) -> bool:
    """Whether selector matches only in the dark scheme: it names the scheme, and not
    inside a :not() (inside :is(), :where() or :has() it still does)."""
    attributes = VALUED_ATTRIBUTE_IN_SELECTOR.findall(_without_functional_pseudos(selector, NOT_PSEUDO))
    return (DARK_SCHEME_ATTRIBUTE, DARK_SCHEME) in attributes


DARK_SCHEME_ATTRIBUTE, DARK_SCHEME = "data-md-color-scheme", "slate"  # Material's dark scheme


SCREEN_ONLY_MEDIA = re.compile(r"@media\s+screen\b[^,]*")  # one query, for screens


def dark_scheme_rules_off_screen(css: str, on_screen: bool = False) -> list[str]:
    """Selectors of rules for the dark colour scheme that are not inside @media screen.
    On paper they would print the dark scheme's pale colours on white, for a reader who
    has the dark scheme on (their device's setting, or the switch). Material keeps its
    own inside @media screen."""
    found = []
    for prelude, body in _blocks(css):
        if body is None:
            continue
        if prelude.startswith(NESTED_AT_RULES):
            inner = on_screen or bool(SCREEN_ONLY_MEDIA.fullmatch(prelude))
            found += dark_scheme_rules_off_screen(body, inner)
        elif not prelude.startswith("@") and not on_screen:
            found += [selector for selector in _split_top_level(prelude, ",")
                      if _names_dark_scheme(selector)]
    return found


STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
SPACE_AROUND_PUNCTUATION = re.compile(r"\s*([{};,])\s*")
COMMENT_OR_STRING = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'""", re.S)


def minify(css: str) -> str:
    """Comments and spaces a browser does not need (for our own stylesheet; Material's is
    minified already). Quoted strings are kept as written; spaces beside ":" and "+" are
    kept too: they mean something there. Comments and strings are found in one pass, left
    to right: a quote inside a comment starts no string, nor "/*" inside a string a comment."""
    def squeeze(code: str) -> str:
        code = re.sub(r"\s+", " ", code)
        return SPACE_AROUND_PUNCTUATION.sub(r"\1", code).replace(";}", "}")

    out, code = [], []
    start = 0
    for token in COMMENT_OR_STRING.finditer(css):
        code.append(css[start:token.start()])
        if not token[0].startswith("/*"):
            out += [squeeze("".join(code)), token[0]]
            code = []
        start = token.end()
    code.append(css[start:])
    out.append(squeeze("".join(code)))
    return "".join(out).strip()


def inline_links(page: str, stylesheet: Callable[[str], str]) -> str:
    """page with each <link rel="stylesheet"> replaced, in place (the cascade keeps its
    order), by a <style> holding stylesheet(href). data-stylesheet is a label: the name of
    the file it came from (Material's names carry the hash of its untrimmed content)."""
    def style(link: re.Match) -> str:
        css = stylesheet(link[1])
        if "</style" in css.lower():
            raise ValueError(f"{link[1]} contains </style, which would end the inlined style")
        return f'<style data-stylesheet="{link[1].rsplit("/", 1)[-1]}">{css}</style>'

    return STYLESHEET_LINK.sub(style, page)
