"""Dependencies are pinned exactly, and pyproject.toml and requirements.lock agree."""

from __future__ import annotations

import re
import tomllib

from support.project import ROOT


def lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned with =="
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [dep for group in project.get("optional-dependencies", {}).values() for dep in group]
    return project["dependencies"] + extras


def test_pyproject_pins_every_dependency_exactly():
    loose = [dep for dep in declared() if "==" not in dep]
    assert not loose, f"pyproject.toml: not pinned with ==: {loose}"


def test_lock_matches_pyproject():
    pins = lock()
    for dep in declared():
        name, version = dep.split("==")
        key = re.sub(r"[-_.]+", "-", name).lower()
        assert pins.get(key) == version, (
            f"pyproject.toml pins {dep} but requirements.lock has {pins.get(key)}; run make lock"
        )


def test_textstat_stays_on_the_version_that_works_offline():
    # 0.7.9+ downloads a dictionary at run time; 0.7.5-0.7.7 crash on unknown words.
    assert lock()["textstat"] == "0.7.8"
