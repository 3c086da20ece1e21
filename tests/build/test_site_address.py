"""The address the site is published at: `make site` says when it is still the
placeholder, a build with SITE_URL uses it everywhere, and the publishing workflow's
check step refuses the placeholder."""

from __future__ import annotations

import os
import subprocess

import yaml
from bs4 import BeautifulSoup

from support.build import build_subprocess
from support.project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
CLINIC = "https://clinic.example/toe-guide/"


def environment(**values: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    return {**env, **values}


def test_a_build_without_site_url_says_so_and_still_succeeds(tmp_path):
    result = build_subprocess(ROOT, tmp_path / "site", env=environment())
    assert result.returncode == 0, result.stderr[-2000:]
    notice = [line for line in result.stderr.splitlines() if "placeholder" in line]
    assert notice, "no notice that site_url is the placeholder"
    assert "SITE_URL" in notice[0] and "mkdocs.yml" in notice[0], notice[0]


def test_a_build_with_site_url_uses_it_and_says_nothing(tmp_path):
    result = build_subprocess(ROOT, tmp_path / "site", env=environment(SITE_URL=CLINIC))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "placeholder" not in result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "for-clinics.html").read_text(encoding="utf-8"),
                         "html.parser")
    addresses = [element.get_text() for element in soup.select(".site-address")]
    assert addresses and all(address.startswith(CLINIC) for address in addresses), addresses
    assert soup.select_one('link[rel="canonical"]')["href"] == CLINIC + "for-clinics.html"


def publish_steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]


def check_step() -> dict:
    steps = publish_steps()
    names = [step.get("name", "") for step in steps]
    check = next(i for i, name in enumerate(names) if name.startswith("Check the address"))
    build = next(i for i, step in enumerate(steps) if step.get("run") == "make site")
    assert check < build, "the workflow must check SITE_URL before it builds"
    assert steps[check]["env"]["SITE_URL"] == steps[build]["env"]["SITE_URL"], \
        "the check and the build must see the same SITE_URL"
    return steps[check]


def run_step(step: dict, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, capture_output=True,
                          text=True, env=environment(**env))


def test_the_publishing_workflow_stops_on_the_placeholder_or_no_address():
    step = check_step()
    for env in ({"SITE_URL": "https://toe-cramps-guide.example/"}, {"SITE_URL": ""}, {}):
        result = run_step(step, **env)
        assert result.returncode != 0, f"the check passed with {env}"
        assert "SITE_URL" in result.stderr, result.stderr


def test_the_publishing_workflow_goes_on_with_a_real_address():
    result = run_step(check_step(), SITE_URL=CLINIC)
    assert result.returncode == 0, result.stderr
