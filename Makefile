# snapshot-extract: every target creates the virtual environment it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench memory fixtures bad-fixtures docs clean

# The package is installed in editable mode: an edit to any module needs no reinstall. The stamp
# only re-installs when the dependencies (pyproject.toml) change.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: convert the bundled fixtures into out/ (every bundled fixture must convert)
run: $(STAMP)
	$(BIN)/snapshot-extract batch fixtures/text fixtures/pdf --out out

## test: lint, the test suite, the golden-fixture checks (both PDF backends), then the fixtures through the batch scored by eval
test: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/snapshot-extract check fixtures/text fixtures/pdf
	$(BIN)/snapshot-extract check fixtures/pdf --backend pdfplumber
	$(BIN)/snapshot-extract batch fixtures/text fixtures/pdf --out .eval-out --quiet --format jsonl
	$(BIN)/snapshot-extract eval fixtures/text fixtures/pdf .eval-out/records.jsonl --strict

lint: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m tools.bench

## memory: peak memory of a batch with every output, 500 vs 5,000 documents (target: <= 1.2x)
memory: $(STAMP)
	$(BIN)/python -m tools.memory

fixtures: $(STAMP)
	$(BIN)/python -m tools.make_fixtures --out fixtures/pdf

## bad-fixtures: the hostile inputs of fixtures/bad and their expectations.json
bad-fixtures: $(STAMP)
	$(BIN)/python -m tools.make_bad_fixtures --out fixtures/bad

## docs: docs/record.md from the record model, docs/vocabulary.md from the packaged vocabulary
docs: $(STAMP)
	$(BIN)/python -m tools.make_docs

clean:
	rm -rf $(VENV) build out .eval-out .pytest_cache .mypy_cache .ruff_cache
