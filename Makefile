# Mishov — everyday commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run run-prod test install install-site tools system db snapshot lint messages check-messages bench \
	bench-search bench-analysis bench-reindex bench-flood bench-scale screenshots lighthouse budgets clean

## run: install, migrate an embedded SQLite database, load the seed content, serve on :8000
## (scripts/prepare.py: the steps of `make db`, then runserver, in one process)
run: install-site
	@$(PY) scripts/prepare.py --admin-url http://$(HOST):$(PORT)/admin/ --serve $(HOST):$(PORT)

## run-prod: the production stack on this machine (nginx page cache -> gunicorn -> Django, task
## worker) against PostgreSQL (DATABASE_URL, default mishov_prod) and Redis (REDIS_URL); PROD_PORT=8080
PROD_PORT ?= 8080
run-prod: install
	$(PY) deploy/stack.py --port $(PROD_PORT)

## test: the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set) on TEST_WORKERS
## processes (pytest-xdist; each has its own test database); installs the Debian packages it needs
## first when run as root (scripts/setup-system.sh), or names the command
TEST_WORKERS ?= 2
test: system install tools
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## system: the Debian packages the tests need (Chromium, Java, Node, Redis, nginx, gettext, Voikko)
system:
	@scripts/setup-system.sh

## install: everything for development and tests (.venv); install-site: only what `make run` needs
install: $(VENV)/.installed
install-site: $(VENV)/.installed-site

## tools: the browser quality tools from npm (axe-core, vnu-jar, Lighthouse); Java runs vnu
tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# uv (a PyPI package) installs in parallel and much faster than pip, straight from pyproject.toml's
# lists (the project itself needs no installing: manage.py, pytest and the scripts run from here).
# PIP=1, or a machine where uv does not install, uses pip (`pip install -e .`) the same way.
# $(1): the optional dependency group ("" or test).
define pip_install
	@if [ -z "$(PIP)" ] && { [ -x $(VENV)/bin/uv ] || $(VENV)/bin/pip install --quiet \
		--disable-pip-version-check uv >/dev/null 2>&1; }; then \
		$(VENV)/bin/uv pip install --quiet --python $(PY) -r pyproject.toml $(if $(1),--extra $(1)); \
	else $(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.$(if $(1),[$(1)])'; fi
endef

$(VENV)/.installed-site: pyproject.toml
	@echo "Installing the site's Python packages into $(VENV) …"
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(call pip_install,)
	@touch $@

$(VENV)/.installed: $(VENV)/.installed-site
	@echo "Installing the test tools into $(VENV) …"
	$(call pip_install,test)
	@touch $@

## db: migrate, fill the translation fields, load the seed content, reindex, editor account
db: install-site
	@$(PY) scripts/prepare.py --admin-url http://$(HOST):$(PORT)/admin/

## snapshot: write scripts/empty-database.sql.gz (every migration on an empty SQLite database, as
## SQL) after adding a migration; `make run`'s first start loads it instead of migrating
snapshot: install-site
	$(PY) scripts/prepare.py --write-snapshot

## lint: ruff, models and migrations agree, the layers contract (pyproject.toml), no function
## over 50 lines outside bench/, and the average cyclomatic complexity of apps/ (radon; the
## target is 2.5 or less)
lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/check_function_length.py
	@$(VENV)/bin/radon cc -a -s apps | tail -1

## messages: extract UI strings into locale/*/django.po, then compile after translating
messages: install
	$(PY) manage.py makemessages -l he -l fa -l fi --no-location \
		--ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages --ignore=.venv

## check-messages: every string in the code is in the catalogs (makemessages run on a copy of
## the tree finds nothing new), every catalog complete and valid, the committed .mo files current;
## the same for locale/packages (what the installed packages' admin catalogs lack in he/fa/fi)
check-messages:
	@tmp=$$(mktemp -d) && cp -r apps config templates locale manage.py $$tmp/ && \
	(cd $$tmp && $(CURDIR)/$(PY) manage.py makemessages -l he -l fa -l fi --no-location \
		--ignore=.venv >/dev/null) && \
	for lang in he fa fi; do \
		po=locale/$$lang/LC_MESSAGES/django.po; mo=locale/$$lang/LC_MESSAGES/django.mo; \
		msgfmt --check --statistics -o /tmp/mishov-$$lang.mo $$po || exit 1; \
		if msgfmt --statistics -o /dev/null $$tmp/$$po 2>&1 | grep -Eq 'untranslated|fuzzy'; then \
			echo "$$po lacks translations (or strings): run make messages and translate"; exit 1; fi; \
		cmp -s /tmp/mishov-$$lang.mo $$mo || { echo "$$mo is stale: run make messages"; exit 1; }; \
		for po in locale/packages/$$lang/LC_MESSAGES/*.po; do \
			msgfmt --check -o /tmp/mishov-$$lang.mo $$po || exit 1; \
			if msgfmt --statistics -o /dev/null $$po 2>&1 | grep -Eq 'untranslated|fuzzy'; then \
				echo "$$po has untranslated or fuzzy entries"; exit 1; fi; \
			cmp -s /tmp/mishov-$$lang.mo $${po%.po}.mo || { echo "$${po%.po}.mo is stale: run make messages"; exit 1; }; \
		done; \
	done; rm -rf $$tmp

## bench: the production stack under wrk (home, a post with 200 comments, search; cached by
## nginx and uncached) against nginx serving the same HTML as a file; prints ratios and memory
bench: install
	$(PY) bench/production.py

## bench-scale: 30,000 pages, 1,000,000 comments, 2,000 topics, 100,000 logged searches on
## PostgreSQL (mishov_scale_bench): build time of each part, reindex, uncached render of every
## page type and search, the moderation queue, a purge set, worker memory; SCALE=0.01 for a quick run
SCALE ?= 1.0
bench-scale: install
	$(PY) bench/scale.py --scale $(SCALE)

## bench-flood: only the flood of refused comment posts, readers' latency with and without it
bench-flood: install
	$(PY) bench/production.py --flood-only

## bench-search: search quality per language (recall@5, MRR) against an exact-word baseline,
## on a temporary SQLite database that the benchmark migrates and seeds itself
bench-search: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) bench/search_quality.py

## bench-analysis: lemma-level analysis against UD treebank pairs (bench/data): match rate,
## over-merge, words/s and memory per language, with the targets beside the figures
bench-analysis: install
	$(PY) bench/analysis_quality.py

## bench-reindex: time manage.py reindex_search on 10,000 generated pages (temporary SQLite)
bench-reindex: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) bench/reindex.py

## screenshots: every page type in he, fa, fi at 375 and 1280 px, light and dark, into var/screenshots
screenshots: install
	$(PY) bench/screenshots.py

## lighthouse: Lighthouse mobile scores (performance, accessibility, best practices, SEO) per language
lighthouse: install tools
	$(PY) bench/lighthouse.py

## budgets: bytes a phone downloads for a post with its comments, against the page budgets
budgets: install
	$(PY) bench/budgets.py

clean:
	rm -rf var .pytest_cache
