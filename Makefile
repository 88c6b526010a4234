# snapshot-extract: every target creates the virtual environment it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench chaos fixtures bad-fixtures vocabulary clean

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
	$(BIN)/python tools/bench.py

## chaos: INTERRUPTS random SIGINT/SIGTERM/SIGKILL of a 1,000-document batch, each resumed and compared
## byte for byte with an uninterrupted run; a concurrent run; a full disk (tmpfs as root). ~30 min at 100
INTERRUPTS ?= 100
chaos: $(STAMP)
	$(BIN)/python tools/chaos.py --interrupts $(INTERRUPTS)

fixtures: $(STAMP)
	$(BIN)/python tools/make_fixtures.py --out fixtures/pdf

## bad-fixtures: the hostile inputs of fixtures/bad and their expectations.json
bad-fixtures: $(STAMP)
	$(BIN)/python tools/make_bad_fixtures.py --out fixtures/bad

vocabulary: $(STAMP)
	$(BIN)/python tools/build_vocabulary.py ../shared/spec/VOCABULARY.md src/snapshot_extract/data/vocabulary.json

clean:
	rm -rf $(VENV) build out .eval-out .pytest_cache .mypy_cache .ruff_cache
