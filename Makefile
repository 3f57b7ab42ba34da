# Everything installs into .venv: the pinned versions in requirements-dev.lock (resolved from pyproject.toml's ranges
# by `make lock`), then the bot itself and the development sandbox (sandbox/: the Bot API stand-in behind the tests,
# the benchmarks and `make console`; not part of the bot's wheel or image); nothing needs to be installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# pip-compile keeps the versions already in a lock file unless asked to upgrade (`make lock UPGRADE=--upgrade`);
# no index or find-links lines are written, so the files hold only what to install, for any machine.
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links $(UPGRADE)

.PHONY: install console run test lint bench kb-check migrate lock clean

install: $(STAMP)

$(STAMP): pyproject.toml sandbox/pyproject.toml requirements-dev.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip install --quiet --no-deps -e sandbox
	@touch $(STAMP)

lock: install  ## re-resolve requirements.lock (the bot) and requirements-dev.lock (+ test, bench) from pyproject.toml
	$(COMPILE) --output-file=requirements.lock pyproject.toml
	$(COMPILE) --extra=test --extra=bench --output-file=requirements-dev.lock pyproject.toml
	$(PY) -m pip install --quiet -r requirements-dev.lock
	@touch $(STAMP)

console: install  ## chat with the bot offline: no token, no network
	$(PY) -m bot console

run: install  ## run the bot for real (BOT_TOKEN in .env)
	$(PY) -m bot

migrate: install
	$(PY) -m bot migrate

lint: install
	$(VENV)/bin/ruff check .

kb-check: install
	$(PY) -m bot kb check

test: install  ## ruff, the knowledge check and the whole test suite
	$(VENV)/bin/ruff check .
	$(PY) -m bot kb check
	$(PY) -m pytest

bench: install  ## benchmarks (not tests): hit rate, search latency, throughput, start-up, fan-out
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist
