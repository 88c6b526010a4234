# snapshot-extract: every target creates the virtual environment it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The layout sweep's committed sample (fixtures/sweep) must not fall below what the reader reaches
# today; the goal is F1 1.0 and no silent error (issue 12): raise these as the reader gets there.
SWEEP_MIN_F1     ?= 0.996
SWEEP_MAX_SILENT ?= 0
# The same for the dumps real tools made of the PDF fixtures (fixtures/dumps, issue 13)
DUMPS_MIN_F1     ?= 0.980
DUMPS_MAX_SILENT ?= 0
N    ?= 300
SEED ?= 1
DUMPS_N ?= 100

.PHONY: run test lint bench memory chaos fixtures bad-fixtures scans ocr-engine sweep sweep-sample sweep-producers dumps dumps-sweep dumps-tools docs clean

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

## test: lint, the test suite, the golden-fixture checks (both PDF backends), then the fixtures through the batch scored by
## eval; the scans (OCR) too, scored by eval: F1 >= 0.98, no silent error (check compares warnings too: OCR adds its doubts);
## then the tools' dumps and the layout sweep's sample, each held to its floor (above)
test: $(STAMP) ocr-engine
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto
	$(BIN)/snapshot-extract check fixtures/text fixtures/pdf
	$(BIN)/snapshot-extract check fixtures/pdf --backend pdfplumber
	$(BIN)/snapshot-extract batch fixtures/text fixtures/pdf --out .eval-out --quiet --format jsonl
	$(BIN)/snapshot-extract eval fixtures/text fixtures/pdf .eval-out/records.jsonl --strict
	$(BIN)/snapshot-extract batch fixtures/scans --out .eval-scans --quiet --format jsonl --timeout 120
	$(BIN)/snapshot-extract eval fixtures/scans .eval-scans/records.jsonl --strict --min-f1 0.98
	$(BIN)/snapshot-extract batch fixtures/dumps --out .eval-dumps --quiet --format jsonl
	$(BIN)/snapshot-extract eval fixtures/dumps .eval-dumps/records.jsonl --strict --min-f1 $(DUMPS_MIN_F1) --max-silent $(DUMPS_MAX_SILENT)
	$(BIN)/snapshot-extract batch fixtures/sweep --out .eval-sweep --quiet --format jsonl
	$(BIN)/snapshot-extract eval fixtures/sweep .eval-sweep/records.jsonl --strict --min-f1 $(SWEEP_MIN_F1) --max-silent $(SWEEP_MAX_SILENT)

lint: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m tools.bench

## memory: peak memory of a batch with every output, 500 vs 5,000 documents (target: <= 1.2x)
memory: $(STAMP)
	$(BIN)/python -m tools.memory

## chaos: INTERRUPTS random SIGINT/SIGTERM/SIGKILL of a 1,000-document batch, each resumed and compared
## byte for byte with an uninterrupted run; a concurrent run; a full disk (tmpfs as root). ~30 min at 100
INTERRUPTS ?= 100
chaos: $(STAMP)
	$(BIN)/python -m tools.chaos --interrupts $(INTERRUPTS)

fixtures: $(STAMP)
	$(BIN)/python -m tools.make_fixtures --out fixtures/pdf

## bad-fixtures: the hostile inputs of fixtures/bad and their expectations.json
bad-fixtures: $(STAMP)
	$(BIN)/python -m tools.make_bad_fixtures --out fixtures/bad

## docs: docs/record.md from the record model, docs/vocabulary.md from the packaged vocabulary
docs: $(STAMP)
	$(BIN)/python -m tools.make_docs

## scans: image-only renderings of fixtures/pdf (dpi, small turns, JPEG, grey) and their truth (tools/make_scans.py)
scans: $(STAMP)
	$(BIN)/python -m tools.make_scans --out fixtures/scans

## sweep: N random layouts (default 300) of seed SEED rendered by five producers, read and scored per producer and
## per layout dimension (tools/sweep); failing documents are copied to sweep-out/failures for inspect
sweep: $(STAMP) sweep-producers
	$(BIN)/python -m tools.sweep --n $(N) --seed $(SEED) --out sweep-out --snapshot-extract $(BIN)/snapshot-extract --failures sweep-out/failures

## sweep-sample: re-render the fixed sample of 40 sweep documents that make test scores (fixtures/sweep)
sweep-sample: $(STAMP) sweep-producers
	$(BIN)/python -m tools.sweep --sample 40 --out fixtures/sweep --render-only

## sweep-producers: headless Chromium and the fonts the sweep's designs use (Debian packages), installed when missing (root)
sweep-producers:
	@if command -v chromium >/dev/null 2>&1 && fc-list | grep -qi "wenquanyi"; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu \
			fonts-liberation fonts-freefont-ttf fonts-noto-cjk fonts-wqy-zenhei >/dev/null; \
	else echo "sweep producers missing: apt-get install chromium fonts-dejavu fonts-liberation fonts-freefont-ttf fonts-noto-cjk fonts-wqy-zenhei"; exit 1; fi

## dumps: every kind of text dump real tools make of the PDF fixtures (tools/dumps), read and scored per kind
dumps: $(STAMP) dumps-tools
	$(BIN)/python -m tools.dumps.run fixtures/pdf --work dumps-out --snapshot-extract $(BIN)/snapshot-extract

## dumps-sweep: the same dump kinds made of a DUMPS_N-document sweep (default 100, seed SEED), read and scored per kind
dumps-sweep: $(STAMP) dumps-tools sweep-producers
	$(BIN)/python -m tools.sweep --n $(DUMPS_N) --seed $(SEED) --out sweep-dumps-out --render-only
	$(BIN)/python -m tools.dumps.run sweep-dumps-out/corpus --work sweep-dumps-out/dumps --snapshot-extract $(BIN)/snapshot-extract

## dumps-tools: pdftotext, node (pdf.js) and pymupdf4llm, which the dump kinds need; Debian packages installed when missing (root)
dumps-tools: $(STAMP)
	@missing="$$(command -v pdftotext >/dev/null 2>&1 || echo poppler-utils) $$(command -v npm >/dev/null 2>&1 || echo nodejs npm)"; \
	if [ -z "$$(echo $$missing)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "dump tools missing: apt-get install $$missing"; exit 1; fi
	$(BIN)/python -m pip install --quiet -r tools/dumps/requirements.txt
	npm ci --silent --prefix tools/dumps/pdfjs

## ocr-engine: Tesseract with the Latin-script data (Debian packages), installed only when missing (needs root)
ocr-engine:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx Latin; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-script-latn >/dev/null; \
	else echo "OCR engine missing: apt-get install tesseract-ocr tesseract-ocr-script-latn (as root); OCR tests will be skipped"; fi

clean:
	rm -rf $(VENV) build out .eval-out .eval-scans .eval-sweep .eval-dumps sweep-out sweep-dumps-out dumps-out .pytest_cache .mypy_cache .ruff_cache
