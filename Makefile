# Quick start: `make demo` and `make test` on a machine with only Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean gazetteer

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,build]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/events ingest seeds/
	$(BIN)/events summary --by region

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_extract.py

gazetteer: $(STAMP)
	$(BIN)/python -m events.geo.build

clean:
	rm -rf $(VENV) data/*.parquet data/articles data/events data/event_sources data/events.duckdb data/manifest.json data/.lock
