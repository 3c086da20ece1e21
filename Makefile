# Everything a newcomer needs: `make serve` to read the site, `make check` while editing
# (under a minute, no browser), `make test` to check everything.
# Each target sets up the virtual environment (.venv) first when it is missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SITE_DIR ?= site

.DEFAULT_GOAL := help
.PHONY: help serve site lint check test offline bench engines check-external lock clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# The environment is rebuilt whenever the pinned dependency list changes.
$(INSTALLED): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile -r requirements.lock
	@# The build's own code (toecramps/) is imported by name by MkDocs, ProperDocs,
	@# Zensical and the tests: put this checkout on the environment's import path.
	$(BIN)/python -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'toe-cramps-project.pth').write_text('$(CURDIR)\n')"
	@touch $@

serve: $(INSTALLED)  ## Serve the site with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

site: $(INSTALLED)  ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict --clean --site-dir $(SITE_DIR)

lint: $(INSTALLED)  ## Check the Python code of the tests with ruff
	$(BIN)/ruff check toecramps tests

check: lint  ## Fast checks, no browser: lint, then the unit and build tiers
	$(BIN)/python -m pytest -m "unit or build"

test: lint  ## Run every test (lint, unit, build and browser tiers)
	$(BIN)/python -m pytest

offline: site  ## Pack the site as one zip in dist/, with a SHA-256 checksum beside it
	@mkdir -p dist
	@version=$$($(BIN)/python -c "import zipfile; d = zipfile.ZipFile('$(SITE_DIR)/download/toe-cramps-site.zip').infolist()[0].date_time; print('%04d-%02d-%02d' % d[:3])"); \
	name=toe-cramps-site-$$version.zip; \
	cp $(SITE_DIR)/download/toe-cramps-site.zip dist/$$name; \
	(cd dist && sha256sum $$name > $$name.sha256); \
	echo "dist/$$name: $$(stat -c %s dist/$$name) bytes"; \
	echo "checksum: dist/$$name.sha256 (check with: cd dist && sha256sum -c $$name.sha256)"

bench: $(INSTALLED)  ## Build time, page weights, Lighthouse, offline zip and search speed
	$(BIN)/python tests/benchmark.py

engines: $(INSTALLED)  ## Build with MkDocs, ProperDocs and Zensical; compare what readers get
	$(BIN)/python tests/engines.py

check-external: site  ## Check links to other websites too (needs internet)
	$(BIN)/python tests/support/linkchecker.py --check-extern $(SITE_DIR)

# A fresh environment, so packages dropped from pyproject.toml leave the lock too.
lock:  ## Re-pin every dependency after editing pyproject.toml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet $$($(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print(' '.join(p['dependencies'] + [d for g in p['optional-dependencies'].values() for d in g]))")
	.lock-venv/bin/python -m pip freeze --all | grep -v -E '^pip==' | sort -f > requirements.lock
	rm -rf .lock-venv

clean:  ## Remove site/, dist/ (zips and bench report), the environment and caches
	rm -rf $(SITE_DIR) $(VENV) .venv-properdocs .venv-zensical .pytest_cache .ruff_cache dist
