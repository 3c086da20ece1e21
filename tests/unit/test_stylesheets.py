"""Material's stylesheet trimmed to what the site uses (toecramps/stylesheets.py)."""

from __future__ import annotations

from toecramps import stylesheets

PAGE = ('<html class="no-js"><body data-md-color-scheme="default"><div class="md-typeset used">'
        '<p class="note">x</p><input data-md-color-scheme="slate"></div></body></html>')
BUNDLE = 'x("li",{class:"md-search-result__item"});e.classList.add("md-top--hidden");' \
         'x("span",{class:`md-tag md-tag--${t}`})'


def test_classes_come_from_pages_and_from_what_scripts_add():
    used = stylesheets.used_classes([PAGE], [BUNDLE])
    assert {"md-typeset", "used", "note", "md-search-result__item", "md-top--hidden",
            "md-tag", "md-tag--", "js", "no-js"} <= used
    assert "unused" not in used


def test_rules_for_classes_no_page_or_script_uses_are_dropped():
    used = stylesheets.used_classes([PAGE], [BUNDLE])
    css = (".used{color:red}.unused{color:blue}.used,.unused .x{margin:0}"
           "@media screen{.unused{a:b}.md-search-result__item{c:d}}"
           "p{e:f}[data-md-color-scheme=slate]{g:h}"
           ".md-typeset :is(.admonition,.used){i:j}.md-tag--warning{k:l}"
           "@keyframes spin{0%{transform:none}}")
    assert stylesheets.trim(css, used) == (
        ".used{color:red}.used{margin:0}"
        "@media screen{.md-search-result__item{c:d}}"
        "p{e:f}[data-md-color-scheme=slate]{g:h}"
        ".md-typeset :is(.admonition,.used){i:j}.md-tag--warning{k:l}"
        "@keyframes spin{0%{transform:none}}")


def test_custom_properties_nothing_uses_are_dropped_even_through_other_properties():
    css = (":root{--used:1px;--icon:url('data:image/svg+xml;a,b{c}');--only-by-unused:2px;"
           "--chain:var(--used)}.used{margin:var(--chain)}.unused{margin:var(--only-by-unused)}")
    assert stylesheets.trim(css, {"used"}) == ":root{--used:1px;--chain:var(--used)}.used{margin:var(--chain)}"
    assert "--icon" in stylesheets.trim(css, {"used"}, other_css=".x{mask:var(--icon)}")


def test_strings_and_urls_with_braces_or_semicolons_do_not_split_rules():
    css = '.used:before{content:"}{;"}.used{background:url("a;b}")}'
    assert stylesheets.trim(css, {"used"}) == css


def test_rules_for_attribute_values_no_page_sets_are_dropped():
    used = stylesheets.used_classes([PAGE], [BUNDLE])
    css = ('[dir=rtl] .used{a:b}[dir=ltr] .used{c:d}[data-md-color-scheme=slate]{e:f}'
           '[data-md-color-scheme="default"]{g:h}[data-md-color-primary=red]{i:j}'
           '[data-md-color-switching] *{k:l}.used:not([dir=rtl]){m:n}')
    assert stylesheets.trim(css, used) == (
        '[data-md-color-scheme=slate]{e:f}[data-md-color-scheme="default"]{g:h}'
        '[data-md-color-switching] *{k:l}.used:not([dir=rtl]){m:n}')


def test_minify_drops_comments_and_spaces_but_not_inside_strings():
    css = '/* why */\n.a ,\n.b {\n  content: ", " ;\n  margin : 0 ;\n}\n.c :is(.d) { e: f }'
    assert stylesheets.minify(css) == '.a,.b{content: ", ";margin : 0}.c :is(.d){e: f}'


def test_minify_drops_comments_with_quotes_and_keeps_strings_with_comment_marks():
    css = '/* the "hidden" one, don\'t */ .a { content: "/* not a comment */" } /* a\n"b */ .c {}'
    assert stylesheets.minify(css) == '.a{content: "/* not a comment */"}.c{}'


def test_dark_scheme_rules_outside_media_screen_are_found():
    css = ('a{color:red}@media screen{[data-md-color-scheme=slate]{--x:1}}'
           '[data-md-color-scheme="slate"] img,.md-foo{display:none}'
           ':not([data-md-color-scheme=slate]) p{color:blue}'
           '@media screen and (min-width:60em){[data-md-color-scheme=slate] .b{color:#fff}}'
           '@media print,screen{[data-md-color-scheme=slate] .c{color:#fff}}'
           ':where([data-md-color-scheme=slate]) a{color:#fff}')
    assert stylesheets.dark_scheme_rules_off_screen(css) == [
        '[data-md-color-scheme="slate"] img', '[data-md-color-scheme=slate] .c',
        ':where([data-md-color-scheme=slate]) a']
