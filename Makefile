# Everything installs into .venv from pyproject.toml; nothing needs to be installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install console run test lint bench kb-check migrate clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
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

bench: install  ## benchmarks (not tests): hit rate, search latency, throughput, fan-out
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
