# therapist-directory: `make` (or `make help`) lists every target.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The sentinel is rebuilt only when pyproject.toml changes (or a previous install failed).
SENTINEL := $(VENV)/.installed
THERAPISTS := $(BIN)/therapists
DB ?= data/directory.duckdb
NEAR ?= 78701
RADIUS ?= 25
TECHNIQUE ?=

.PHONY: help demo test lint run due scrape geocode resolve load check export site site-serve site-screenshots search status report cron sql bench clean

help: ## List the targets (this message)
	@echo "therapist-directory: massage therapists who help with sciatica, from public listings to DuckDB and JSON"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: NEAR=78701|\"Austin, TX\"|30.27,-97.74  RADIUS=25  TECHNIQUE=trigger_point  DB=$(DB)"

$(SENTINEL): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "therapist-directory needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

demo: $(SENTINEL) ## Run the whole pipeline offline on the bundled sample site, then search Austin
	$(THERAPISTS) demo

test: lint ## Lint, then run the test suite (offline; real local HTTP servers and DuckDB files)
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

lint: $(SENTINEL) ## Lint and format-check with ruff, type-check pipeline/ with mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

run: $(SENTINEL) ## Run every stage on the configured sources (pipeline.toml)
	$(THERAPISTS) run

due: $(SENTINEL) ## Run only the sources whose cadence (`every`) has come round (what cron runs)
	$(THERAPISTS) run --due

scrape: $(SENTINEL) ## Fetch, extract, normalize and classify listings into staging
	$(THERAPISTS) scrape

geocode: $(SENTINEL) ## Locate the staged listings (offline ZIP/city centroids by default)
	$(THERAPISTS) geocode

resolve: $(SENTINEL) ## Cluster listings into therapists with stable IDs
	$(THERAPISTS) resolve

load: $(SENTINEL) ## Merge staging into the warehouse, run the checks, publish data/directory.duckdb
	$(THERAPISTS) load

check: $(SENTINEL) ## Run the data-quality checks on the working database
	$(THERAPISTS) check

export: $(SENTINEL) ## Write data/export/ (JSON, per-therapist files, GeoJSON, facets, manifest) from the published database
	$(THERAPISTS) export

site: $(SENTINEL) ## Build the static directory website data/site/ from data/export/ (incremental)
	$(THERAPISTS) site

site-serve: $(SENTINEL) ## Serve data/site/ on http://127.0.0.1:8000/ to browse it (Ctrl-C stops)
	@test -f data/site/index.html || { echo "Error: data/site/ does not exist yet; run 'make demo' or 'make site' first." >&2; exit 1; }
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory data/site

site-screenshots: $(SENTINEL) ## Regenerate docs/screenshots/*.png (search page on desktop and phone, a profile) in headless Chromium
	SITE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q -p no:randomly tests/site -k screenshots

search: $(SENTINEL) ## Search the published database: make search NEAR=78701 RADIUS=25 TECHNIQUE=trigger_point
	$(THERAPISTS) search --near "$(NEAR)" --radius "$(RADIUS)" $(if $(TECHNIQUE),--technique "$(TECHNIQUE)")

status: $(SENTINEL) ## Show the latest runs, each source's freshness (ok/warn/error) and failing checks
	$(THERAPISTS) status

report: $(SENTINEL) ## Write the operator's HTML run report (data/report.html)
	$(THERAPISTS) report

cron: $(SENTINEL) ## Print a crontab line running the due sources every 15 minutes
	@echo "*/15 * * * * cd $(CURDIR) && $(CURDIR)/$(THERAPISTS) -q run --due >> $(CURDIR)/data/cron.log 2>&1"

sql: $(SENTINEL) ## Open the DuckDB shell (read-only) on the published database, macros included
	@test -f "$(DB)" || { echo "Error: $(DB) does not exist yet; run 'make demo' first." >&2; exit 1; }
	$(BIN)/duckdb -readonly "$(DB)"

bench: $(SENTINEL) ## Run the benchmarks in bench/ (results in bench/results/*.json); with pip install '.[bench]', dlt, splink and Scrapy side by side
	$(BIN)/python bench/run.py

clean: ## Delete generated databases, exports and caches (keeps data/raw/ and .venv)
	rm -rf data/*.duckdb data/*.duckdb.wal data/*.lock data/export data/site data/.export-* data/.*.tmp data/stage-*.ndjson data/tmp*/ data/report.html
	rm -rf bench/results .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +
