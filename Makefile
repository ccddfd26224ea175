# Leerwijzer: one Makefile for set-up, running and checking. `make help` lists targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
APP := .venvs/app/bin
RASA := .venvs/rasa/bin
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
DB := var/catalogue.db
CATALOGUE_INPUTS := $(wildcard catalogue/data/*) $(wildcard catalogue/*.py) $(wildcard catalogue/migrations/versions/*.py)

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

# --- set-up -------------------------------------------------------------------

.venvs/app/.installed: requirements.txt requirements-dev.txt
	test -x $(APP)/python || $(PYTHON) -m venv .venvs/app
	$(APP)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Rasa 3.6 declares Python < 3.11; the full lock installs and works on 3.11
# only without dependency resolution (see shared architecture notes).
.venvs/rasa/.installed: requirements-rasa.lock.txt requirements-rasa-test.txt
	test -x $(RASA)/python || $(PYTHON) -m venv .venvs/rasa
	$(RASA)/pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python -r requirements-rasa.lock.txt -r requirements-rasa-test.txt
	# Rasa puts the project root on sys.path before site-packages; our catalogue/
	# would then shadow PyPI's "catalogue" that spaCy needs. Import it first.
	printf '# Leerwijzer: load PyPI catalogue before the project root shadows it\nimport catalogue\n' \
		> $$(ls -d .venvs/rasa/lib/python3*/site-packages)/leerwijzer_pin_catalogue.pth
	touch $@

.PHONY: install
install: .venvs/app/.installed .venvs/rasa/.installed ## Create both Python environments from the pinned files

# Browser tests: Debian's Chromium (Playwright must not download its own) and
# axe-core from the npm registry, pinned by tests/browser/package-lock.json.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.PHONY: browser
browser: tests/browser/node_modules/.installed ## Install Chromium (Debian package) and axe-core for the browser tests
	@test -x /usr/bin/chromium || $(SUDO) apt-get install -y chromium \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund
	touch $@

$(DB): .venvs/app/.installed $(CATALOGUE_INPUTS)
	$(APP)/python -m catalogue.build

.PHONY: catalogue
catalogue: $(DB) ## Build the sample catalogue database (SQLite)

.PHONY: import
import: catalogue ## Import offerings: make import FILE=path/to/offerings.csv (or .json)
	$(APP)/python -m catalogue.import_cli $(FILE)

.PHONY: relevance
relevance: .venvs/app/.installed ## Print nDCG@5 and MRR of the relevance set on SQLite and PostgreSQL
	$(APP)/python -m pytest tests/catalogue/test_relevance.py -q -rA -k "ndcg or same" | grep -E "nDCG|same total|^  [0-9]"

.PHONY: nlu-export
nlu-export: .venvs/app/.installed ## Export place names and ESCO job titles to nlu/vocabulary
	$(APP)/python -m catalogue.export_nlu

.PHONY: model
model: .venvs/rasa/.installed ## Train the Rasa model if config, domain, data or components changed
	$(RASA)/python scripts/model.py >/dev/null  # prints only the model path

# --- run ----------------------------------------------------------------------

.PHONY: run
run: install catalogue model ## Run the whole product (embedded default) until Ctrl-C
	$(APP)/python -m scripts.run "$$($(RASA)/python scripts/model.py --print-path)"

.PHONY: chat
chat: .venvs/app/.installed ## Chat in the terminal with the running stack (make run first)
	$(APP)/python -m scripts.chat $(if $(URL),--url $(URL))

.PHONY: purge
purge: .venvs/app/.installed ## Erase conversations idle longer than LEERWIJZER_RETENTION_DAYS (run daily)
	$(APP)/python -m bot.console.cli purge

# --- checks -------------------------------------------------------------------

.PHONY: lint
lint: .venvs/app/.installed ## ruff (lint and format check)
	$(APP)/ruff check .
	$(APP)/ruff format --check .

.PHONY: typecheck
typecheck: .venvs/app/.installed ## mypy (strict on the app runtime)
	$(APP)/mypy

.PHONY: validate
validate: .venvs/rasa/.installed ## rasa data validate (domain, stories, rules, NLU)
	$(RASA)/rasa data validate --config config.yml --domain bot/domain.yml --data bot/data nlu/data --fail-on-warnings

.PHONY: test-stories
test-stories: install model catalogue ## Test stories against the trained model, failing on any wrong prediction
	$(APP)/python -m pytest tests/e2e/test_stories.py -q

.PHONY: pytest
pytest: install browser catalogue model ## All pytest tests (unit, API, end-to-end)
	$(APP)/python -m pytest

# Rasa components import Rasa, so their tests run in the rasa runtime, without
# the app runtime's conftest (it imports SQLAlchemy and the catalogue).
.PHONY: test-nlu
test-nlu: install spacy-model ## NLU component tests (rasa runtime)
	$(RASA)/python -m pytest --noconftest -p no:cacheprovider -q -W ignore::DeprecationWarning tests/nlu/components tests/bot/rasa

.PHONY: spacy-model
spacy-model: .venvs/rasa/.installed
	test -d var/spacy/nl_blank_lookup || $(RASA)/python -m nlu.spacy_model var/spacy/nl_blank_lookup

.PHONY: eval-nlu
eval-nlu: install spacy-model ## NLU evaluation vs the rasa-init pipeline: 5-fold CV, held-out set, off-domain (~80 min)
	$(RASA)/python scripts/eval_nlu.py --folds 5

.PHONY: bench-parse
bench-parse: install model ## Parse latency through Rasa's /model/parse (p50/p95 over 500 messages)
	$(APP)/python -m scripts.bench_parse "$$($(RASA)/python scripts/model.py --print-path)"

.PHONY: test
test: lint typecheck validate test-nlu pytest ## The whole test suite (what CI runs)

.PHONY: test-fast
test-fast: .venvs/app/.installed catalogue ## Tests that need no Rasa (skips the slow ones)
	$(APP)/python -m pytest -m "not slow"

.PHONY: clean
clean: ## Remove built data, logs and caches (keeps the environments and the model cache)
	rm -rf var .pytest_cache .mypy_cache .ruff_cache results

.PHONY: bench
bench: install catalogue model ## Print start-up time, chat and search latency, and memory per process
	$(APP)/python -m scripts.bench "$$($(RASA)/python scripts/model.py --print-path)"

.PHONY: load
load: install catalogue model ## 50 people with 1-3 s think time, then no wait, vs bare Rasa (embedded)
	$(APP)/python -u -m scripts.load "$$($(RASA)/python scripts/model.py --print-path)" --users 50 --seconds 60

.PHONY: load-production
load-production: install model ## The same load on PostgreSQL + Redis + two Rasa instances
	$(APP)/python -u -m scripts.load "$$($(RASA)/python scripts/model.py --print-path)" --users 50 --seconds 60 --production

.PHONY: soak
soak: install model ## 10 minutes of moderate load (25 people), memory of every process at start and end
	$(APP)/python -u -m scripts.load "$$($(RASA)/python scripts/model.py --print-path)" --soak

.PHONY: drills
drills: install model ## Fault drills mid-load: action server, one Rasa, PostgreSQL connections
	$(APP)/python -u -m scripts.drills "$$($(RASA)/python scripts/model.py --print-path)"

.PHONY: bench-cpu
bench-cpu: install catalogue model ## CPU ms per turn of Rasa, action server and gateway vs bare Rasa (one person)
	$(APP)/python -m scripts.bench_cpu "$$($(RASA)/python scripts/model.py --print-path)"

.PHONY: bench-tracker-store
bench-tracker-store: .venvs/rasa/.installed ## Rasa's SQL tracker store (ORM) vs ours (Core statements), CPU per turn
	$(RASA)/python -m scripts.bench_tracker_store

.PHONY: bench-gateway
bench-gateway: .venvs/app/.installed ## The gateway's own CPU per chat turn (Rasa stood in for), httpx vs aiohttp
	$(APP)/python -m scripts.bench_gateway

.PHONY: bench-plan
bench-plan: catalogue ## Time of one path plan per profile on the sample catalogue
	$(APP)/python -m scripts.bench_plan

.PHONY: bench-search
bench-search: .venvs/app/.installed ## Search p50/p95 at 200,000 offerings on SQLite and PostgreSQL vs a LIKE baseline
	$(APP)/python -m scripts.bench_search --offerings 200000
