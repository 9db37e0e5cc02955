# rnn-tutorial: the two commands a learner needs are `make lab` and `make test`.
# Both create .venv from the pins in requirements.txt when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root unless told; CI machines and containers run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_ARGS ?=

.PHONY: venv lab test lint unit notebooks regen nav bench test-colab test-latest test-oldest test-browser site test-site lock clean

venv: $(STAMP)  ## create or update .venv from the pins

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else f"Python 3.11 or newer is needed; $(PYTHON) is {v.major}.{v.minor}. Try: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

lab: venv  ## open JupyterLab on notebooks/
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

test: lint unit  ## ruff, then pytest: unit tests and every notebook under nbval

lint: venv
	$(BIN)/ruff check rnn_tutorial tests tools notebooks conftest.py

unit: venv
	$(BIN)/python -m pytest

notebooks: venv  ## only the notebooks, under nbval
	$(BIN)/python -m pytest notebooks

regen: venv nav  ## re-execute every notebook in place, top to bottom, in the pinned environment
	$(BIN)/python tools/notebooks.py regen

nav: venv  ## rewrite the navigation, Colab badges and setup-cell installs of the notebooks
	$(BIN)/python tools/notebooks.py nav

bench: venv  ## each notebook's cost in floors and peak memory, against the bars; numpy batched vs one by one
	$(BIN)/python tools/bench.py

test-colab: venv  ## the wheel in a fresh environment with Colab's versions (Python 3.13 if here), notebooks alone, no network
	PYTHON=$(PYTHON) tools/test_versions.sh colab

test-latest: venv  ## the same with the newest release of every dependency (no pins)
	PYTHON=$(PYTHON) tools/test_versions.sh latest

test-oldest: venv  ## the same with every lower bound in pyproject.toml, on Python 3.11
	PYTHON=$(PYTHON) tools/test_versions.sh oldest

test-browser: venv  ## every notebook run in JupyterLab, in headless Chromium (needs Debian's chromium)
	$(BIN)/python -m pip install --quiet -c requirements.txt -r requirements-browser.txt
	$(BIN)/python tools/browser_test.py

# The book: its own pins (requirements-site.txt), installed with the main pins as constraints, so none of them moves.
$(VENV)/.site-installed: $(STAMP) requirements-site.txt
	$(BIN)/python -m pip install --quiet -c requirements.txt -r requirements-site.txt
	touch $@

site: $(VENV)/.site-installed  ## the series as a static HTML book in _build/html/, from the stored notebooks (nothing runs)
	$(BIN)/python tools/site.py

test-site: venv  ## every page of the book (make site first) in headless Chromium (needs Debian's chromium)
	$(BIN)/python -m pip install --quiet -c requirements.txt -r requirements-browser.txt
	$(BIN)/python tools/site_test.py

lock: ## re-resolve requirements.txt from requirements.in in a fresh environment
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Exact versions for CI and make venv, resolved from requirements.in by 'make lock'."; \
	  echo "# environment.yml names the same versions (tests/test_environment.py checks)."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude pip; } > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build _build *.egg-info .pytest_cache .ruff_cache
