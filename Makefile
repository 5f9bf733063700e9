# Quick start: `make demo` and `make test` on a machine with only Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean gazetteer

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --quiet -e ".[test,build,cluster]"
	touch $(STAMP)

install: $(STAMP)

SEED_EVENTS := SELECT event_date AS date, concat_ws(', ', location, admin1, country) AS place, \
	event_type AS type, fatalities, coalesce(perpetrator, '') AS perpetrator, claim_status AS claim \
	FROM events ORDER BY event_date, event_id_cnty

demo: $(STAMP)
	@$(BIN)/events ingest seeds/
	@COLUMNS=120 $(BIN)/events query "$(SEED_EVENTS)" --format table
	@$(BIN)/events summary --by region --format table
	@$(BIN)/events report --output data/report.html

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_cli.py --reuse

gazetteer: $(STAMP)
	$(BIN)/python -m events.geo.build

clean:
	rm -rf $(VENV) data/*.parquet data/articles data/events data/event_sources data/events.duckdb data/manifest.json data/.lock
