"""Building the site. Tests build in-process (MkDocs' own build function, strict mode),
which is faster than a subprocess and gives the same warnings and errors."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from .project import ROOT

# Never copied into a scratch project: version control, environments, outputs, tests.
NOT_COPIED = {".git", ".venv", "site", "dist", "node_modules", "tests", ".pytest_cache",
              ".ruff_cache", "__pycache__", ".lock-venv"}


@dataclasses.dataclass
class BuildResult:
    ok: bool
    output: str  # every log line the build wrote, and the error that stopped it

    def __str__(self) -> str:
        return self.output


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build(project: pathlib.Path, site_dir: pathlib.Path, env: dict[str, str] | None = None) -> BuildResult:
    """Build project/mkdocs.yml into site_dir in strict mode, in this process.

    env: extra environment variables, set for the build only (mkdocs.yml's !ENV tags and
    the hooks read them). The build runs from the project folder, as `make site` does."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    saved_env = {name: os.environ.get(name) for name in (env or {})}
    try:
        os.environ.update(env or {})
        with contextlib.chdir(project):
            config = load_config(config_file=str(project / "mkdocs.yml"), strict=True,
                                 site_dir=str(site_dir))
            mkdocs_build(config)
        ok = True
    except Exception as error:  # PluginError, Abort, a YAML error: all are build failures
        collect.lines.append(f"{type(error).__name__}: {error}")
        ok = False
    finally:
        logger.removeHandler(collect)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return BuildResult(ok, "\n".join(collect.lines))


def build_subprocess(project: pathlib.Path, site_dir: pathlib.Path,
                     env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` command (make bench times this one). Never with -v.
    env: the whole environment to build in (default: this process's)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"},
    )


def copy_project(destination: pathlib.Path, source: pathlib.Path = ROOT) -> pathlib.Path:
    """A scratch copy of everything the build reads, for tests that break things on purpose:
    every top-level item but version control, environments, outputs and the tests, so a
    new top-level file or package is copied without anyone editing this list."""
    destination.mkdir(parents=True)
    for item in source.iterdir():
        if item.name in NOT_COPIED or item.name.startswith(".venv"):  # .venv-zensical too
            continue
        if item.is_dir():
            shutil.copytree(item, destination / item.name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, destination / item.name)
    return destination


@contextlib.contextmanager
def readable_tmpdir():
    """A temporary folder any user can read. linkchecker, run as root, drops to the user
    "nobody", and so do nginx's workers: neither can read pytest's private folders."""
    path = pathlib.Path(tempfile.mkdtemp(prefix="toe-cramps-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# ----------------------------------------------------------------------------- editing copies


def append(path: pathlib.Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def set_field(page: pathlib.Path, field: str, value: str | None) -> None:
    """Set a front matter field's value (None removes the field)."""
    text = page.read_text(encoding="utf-8")
    line = "" if value is None else f"{field}: {value}\n"
    new = re.sub(rf"^{field}: .*\n", line, text, count=1, flags=re.M)
    if new == text and value is not None and line not in text:
        raise ValueError(f"{page.name} has no front matter field {field}")
    page.write_text(new, encoding="utf-8")
