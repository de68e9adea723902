# zvh-tui: one virtual environment in .venv, made (or repaired) on first use, filled from the
# lock file with hashes. `make lock` re-locks after a change of dependencies in pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements-dev.lock
RUNTIME_LOCK := requirements.lock
# Where the locks must hold: every Python we support, every operating system.
LOCK_FLAGS := --universal --python-version 3.10 --generate-hashes --custom-compile-command "make lock"

.PHONY: venv run test test-pythons lint bench demo lock clean i18n i18n-extract i18n-update i18n-compile

# The venv is checked on every use (a broken one is made anew); the install runs only when
# pyproject.toml or the lock changed since the last one.
venv:
	@PYTHON="$(PYTHON)" sh scripts/ensure-venv $(VENV)
	@$(MAKE) --no-print-directory $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	@echo "Installing zvh-tui's dependencies into $(VENV) from $(LOCK) (the first time downloads about 30 MB and takes a minute or two) ..."
	$(BIN)/python -m pip install --require-hashes --no-input --progress-bar on -r $(LOCK)
	$(BIN)/python -m pip install --no-deps --no-input --quiet -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; echo "$(LOCK) does not match pyproject.toml: run 'make lock'."; exit 1; }
	@touch $(STAMP)

run: venv
	$(BIN)/zvh

# On two processes (pytest-xdist): the tmux and wheel tests share one of them, one after
# another (the group is made in tests/conftest.py), the other takes the rest as it comes.
# Nothing is skipped; TEST_WORKERS=0 runs the same tests in one process. A worker that dies
# (pytest-timeout ends it after printing every thread's stack) is not replaced: xdist 3.8 can
# hang when it replaces one under loadgroup (pytest-xdist #1323, #1327); the run fails at once
# with that test named, as a run in one process ends there.
TEST_WORKERS ?= 2
test: venv
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadgroup --max-worker-restart 0 --durations=25

# The domain and store tests on the oldest and newest supported Python (CI runs this too), also
# on TEST_WORKERS processes.
test-pythons: venv
	TEST_WORKERS=$(TEST_WORKERS) sh scripts/test-pythons 3.10 3.13

# ruff, then the layer rules (import-linter contracts in pyproject.toml: screens and widgets never
# import the store, services never Textual, ...). tests/packaging/test_import_contracts.py runs the
# contracts too, so `make test` fails on a broken one. Then vulture: dead code ([tool.vulture]).
lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports --no-cache
	$(BIN)/vulture

# Every key to the frame that shows its result, start-up against a bare Textual app, per scale
# (benchmarks/README.md). SCALES=1000,10000,30000 for the growth; profiles are cached.
SCALES ?= 1000,10000
bench: venv
	$(BIN)/python -m benchmarks.run --scales $(SCALES)

demo: venv
	$(BIN)/zvh demo

# Translations (src/zvh_tui/core/i18n.py): Dutch is the source language, English is
# locale/en/LC_MESSAGES/zvh.po. `make i18n` extracts the marked texts into locale/zvh.pot, brings
# the English catalogue up to date with it (new texts arrive empty: translate them; texts gone
# from the code are dropped) and compiles it. tests/i18n fails while a text is missing or
# untranslated. No locations and sorted: the files change only when a text does.
LOCALE := src/zvh_tui/locale
POT := $(LOCALE)/zvh.pot
I18N_KEYWORDS := -k M:1c,2 -k Mn:1c,2,3
i18n: i18n-update i18n-compile

i18n-extract: venv
	$(BIN)/pybabel -q extract $(I18N_KEYWORDS) --no-location --sort-output --no-wrap \
		--add-comments "i18n:" --project zvh-tui --copyright-holder "zvh-tui" \
		--msgid-bugs-address "" -o $(POT) src/zvh_tui

i18n-update: i18n-extract
	$(BIN)/pybabel -q update -i $(POT) -d $(LOCALE) -D zvh -l en --no-wrap --no-fuzzy-matching --ignore-obsolete

i18n-compile: venv
	$(BIN)/pybabel -q compile -d $(LOCALE) -D zvh --statistics

# Not through the stamp: after a dependency was added to pyproject.toml, the install (pip check)
# refuses until the lock is made anew. uv comes from the current lock.
lock:
	@PYTHON="$(PYTHON)" sh scripts/ensure-venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --no-input --require-hashes -r $(LOCK)
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_FLAGS) -o $(LOCK)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) -c $(LOCK) -o $(RUNTIME_LOCK)

clean:
	rm -rf $(VENV) .venv-py* build src/*.egg-info
