"""The guarded Material patches: each fails loudly when its target is gone."""

from __future__ import annotations

import pathlib

import pytest

from toecramps import material

pytestmark = pytest.mark.unit
ROOT = pathlib.Path(__file__).resolve().parents[2]


def installed_bundle() -> str:
    bundle = next((material.templates_dir() / "assets" / "javascripts").glob("bundle.*.min.js"))
    return bundle.read_text(encoding="utf-8")


def test_the_installed_material_is_the_version_the_patches_fit():
    material.check_version()


def test_the_bundle_patch_loads_search_on_first_use_and_nothing_from_a_cdn():
    patched = material.patch_bundle(installed_bundle())
    assert material.LAZY_SEARCH in patched and material.EAGER_SEARCH not in patched
    assert material.TABLE_WRAPPING not in patched
    assert "unpkg.com" not in patched


@pytest.mark.parametrize("target", [material.EAGER_SEARCH, material.TABLE_WRAPPING,
                                    material.CDN_SCRIPTS[0], material.SCROLL_LOCK])
def test_the_bundle_patch_fails_when_its_target_is_gone(target):
    with pytest.raises(material.MaterialChanged, match="update in toecramps/material.py"):
        material.patch_bundle(installed_bundle().replace(target, "something else"))


def test_the_bundle_patch_names_every_target_that_is_gone():
    changed = installed_bundle().replace(material.EAGER_SEARCH, "").replace(material.TABLE_WRAPPING, "")
    with pytest.raises(material.MaterialChanged) as raised:
        material.patch_bundle(changed)
    assert "EAGER_SEARCH" in str(raised.value) and "TABLE_WRAPPING" in str(raised.value)
    assert "CDN_SCRIPTS" not in str(raised.value)


# Our copies of Material's partials, each checked at every build against Material's own:
# the search partial plus the dialog's label; the content partial only on pages with tabs.
PARTIAL_CHECKS = {
    "search": (material.SEARCH_PARTIAL, material.check_search_partial, ("md-search__form", "md-form")),
    "content": (material.CONTENT_PARTIAL, material.check_content_partial, ("__tabbed_", "__tab_")),
}


@pytest.mark.parametrize("name", PARTIAL_CHECKS)
def test_our_partials_are_materials_with_our_changes_and_a_drifted_copy_is_caught(tmp_path, name):
    partial, check, (original, drifted_to) = PARTIAL_CHECKS[name]
    ours = ROOT / "overrides" / partial
    check(ours)
    drifted = tmp_path / pathlib.Path(partial).name
    drifted.write_text(ours.read_text(encoding="utf-8").replace(original, drifted_to))
    with pytest.raises(material.MaterialChanged):
        check(drifted)


def test_scripts_become_inert_for_the_starter_material_on_interaction_ours_on_load():
    html = ('<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
            '<script>inline()</script>'
            '<script src="../assets/javascripts/vendor/shim.js" defer></script>'
            '<script src="assets/javascripts/sw-register.js" defer></script>'
            '<script src="assets/javascripts/start-scripts.js" defer></script>')
    assert material.start_scripts_later_in_page(html, "start()") == (
        '<script type="text/plain" data-start="interaction" '
        'data-src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script>inline()</script>'
        '<script type="text/plain" data-start="interaction" '
        'data-src="../assets/javascripts/vendor/shim.js"></script>'
        '<script type="text/plain" data-start="load" '
        'data-src="assets/javascripts/sw-register.js"></script>'
        '<script>start()</script>')


def test_a_page_without_the_starter_is_left_alone():
    stub = '<script>location.replace("new.html")</script>'
    assert material.start_scripts_later_in_page(stub, "start()") == stub


def test_the_starter_loses_its_comments_not_its_strings_or_lines():
    script = ('(function () {\n'
              '  /* why this is so,\n     over two lines */\n'
              '  var a = "/* kept */", b = \'it\\\'s /*\';  /* trailing */\n'
              '\n'
              '  go(a, b);\n'
              '})();\n')
    assert material.without_comments(script) == (
        '(function () {\n'
        'var a = "/* kept */", b = \'it\\\'s /*\';\n'
        'go(a, b);\n'
        '})();')


def test_a_comment_over_lines_still_ends_the_statement_it_follows():
    # "return /* ... */ 1" returns nothing when the comment holds a line break.
    assert material.without_comments("return /* a\n b */ 1;") == "return\n1;"


@pytest.mark.parametrize("script", [
    "go(); // a line comment", "go(`template`);", "go(); /* open",
    "var r = /[/*]/; go(); /* note */ done();", 'var s = "one \\\n two";'])
def test_the_starter_refuses_what_it_cannot_strip_safely(script):
    with pytest.raises(ValueError, match="start-scripts.js"):
        material.without_comments(script)


def test_the_starter_as_written_can_lose_its_comments():
    starter = (ROOT / "docs" / material.SCRIPT_STARTER).read_text(encoding="utf-8")
    stripped = material.without_comments(starter)
    assert "/*" not in stripped and stripped.startswith('(function () {\n"use strict";')
