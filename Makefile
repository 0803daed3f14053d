# article-ingest: `make demo` runs the local stack end to end; `make test` runs every suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus/readability-test-pages
SHARED_CORPORA ?= ../shared/corpus
# Every dev corpus (HTML and as-text); a user's clone passes its own folders: make bench-quality CORPORA="a b"
CORPORA ?= $(addprefix $(SHARED_CORPORA)/,readability-test-pages dragnet l3s-gn1 cleanportaleval readability-test-pages-as-text)
# HTML corpora also scored rendered as text (bench/as_text.py): the text path on pages it was not tuned
# on; AS_TEXT= skips them
AS_TEXT ?= $(addprefix $(SHARED_CORPORA)/,dragnet l3s-gn1 cleanportaleval)

.PHONY: setup lock browser demo test test-unit test-integration test-e2e test-quality lint typecheck lint-template bench bench-quality bench-diff bench-speed clean

setup: $(STAMP)

# The venv installs requirements-dev.lock (every package pinned, with hashes) through uv, a
# lock-file installer (old system pips also fail on readability-lxml's extras), then the project.
UV_VERSION := 0.13.9
LAYER_LOCK := layers/article_ingest/requirements.lock
REQUIREMENTS := pyproject.toml requirements-dev.txt local/requirements.txt \
	$(addprefix layers/article_ingest/,requirements.txt requirements-extraction.txt requirements-lambda.txt)
$(STAMP): requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements-dev.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# After changing a requirements file: re-resolve both locks (tests/unit/test_locks.py checks them).
lock: setup
	$(BIN)/uv pip compile --quiet --no-cache --generate-hashes --universal --python-version 3.11 \
		pyproject.toml --extra dev -o requirements-dev.lock
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.12 \
		--python-platform aarch64-manylinux2014 layers/article_ingest/requirements.txt -o $(LAYER_LOCK)

demo: setup
	$(BIN)/article-ingest demo

test: setup lint typecheck lint-template test-security test-unit test-integration test-quality test-e2e

test-unit: setup
	$(BIN)/pytest tests/unit -q

test-integration: setup
	$(BIN)/pytest tests/integration -q

test-quality: setup
	$(BIN)/pytest tests/quality -q

# The reader page's test drives Debian's headless Chromium; installed here when missing (as root,
# as in CI). Without it the test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) ; } || \
		echo "note: no Chromium could be installed; the reader page's browser test will be skipped" >&2

test-e2e: setup browser
	$(BIN)/pytest tests/e2e -q

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy

# cfn-lint on the SAM template and on its CloudFormation translation (catches more).
lint-template: setup
	$(BIN)/pytest tests/template -q

bench-quality: setup
	$(BIN)/python -m bench.quality $(CORPORA) $(if $(strip $(AS_TEXT)),--as-text $(AS_TEXT)) --json build/quality.json

# Time, throughput, cold start, package size, memory, scaling, cost and hot spots in one run
# (~5-10 minutes): markdown on stdout, figures in build/bench-speed.json.
bench-speed: setup
	$(BIN)/python -m bench.speed $(CORPUS) --json build/bench-speed.json

# Pages won and lost between two bench-quality runs: make bench-diff BEFORE=old.json [AFTER=build/quality.json]
AFTER ?= build/quality.json
bench-diff: setup
	$(BIN)/python -m bench.diff $(BEFORE) $(AFTER)

bench: bench-quality bench-speed

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .article-ingest

# ---- faults, hostile input, security, load (issue 3) -------------------------------------------
.PHONY: test-security security-tools bench-load

# checkov lives in a tool venv of its own: its pins (boto3 1.35...) conflict with the project's.
security-tools: setup
	test -x $(VENV)/tools/checkov/bin/checkov || ( $(BIN)/python -m venv $(VENV)/tools/checkov && \
		$(VENV)/tools/checkov/bin/python -m pip install --quiet -r tests/security/requirements-checkov.txt )

# Least privilege, encryption, TLS, no public endpoint, and checkov with zero failures.
test-security: security-tools
	$(BIN)/pytest tests/security -q

# Drop COUNT varied documents (samples + hostile inputs) into a fresh local stack and account for each.
COUNT ?= 2000
bench-load: setup
	$(BIN)/python -m bench.load --count $(COUNT)
