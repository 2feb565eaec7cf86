# Specmark developer tasks. `make demo` and `make test` are the two quick-start commands.

SWIFT ?= swift
SAMPLES ?= docs-samples
CORPUS ?= ../shared/corpus/graph-docs
RELEASE_BIN := .build/release/specmark

.PHONY: all deps build release demo test format lint-swift corpus-check check-reports check-html check-msgraph check-openapi check-lsp bench bench-instructions bench-mock fuzz test-asan test-tsan clean

all: build

# libcmark is a system library (Debian's libcmark-dev). Install it when we can, otherwise say how. The release
# build also links mimalloc when it is there (libmimalloc-dev, installed with it; see scripts/swift-release.sh).
deps:
	@if pkg-config --exists libcmark 2>/dev/null || [ -f /usr/include/cmark.h ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "installing libcmark-dev and libmimalloc-dev"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmimalloc-dev || echo "libmimalloc-dev not installed"; \
	else \
		echo "libcmark is missing; install it with:"; \
		echo "  sudo apt-get update && sudo apt-get install -y libcmark-dev pkg-config"; \
		exit 2; \
	fi

build: deps
	$(SWIFT) build

release: deps
	SWIFT=$(SWIFT) scripts/swift-release.sh

# Lint the bundled sample pages, then replay their examples against the built-in mock. The pages
# under docs-samples/defects/ are seeded with defects on purpose, so both exit 1 (the replay fails on
# the one page whose example contradicts its resource); any other exit status fails the demo.
demo: release
	@echo "== specmark lint $(SAMPLES)"
	@$(RELEASE_BIN) lint $(SAMPLES); status=$$?; \
	if [ $$status -gt 1 ]; then echo "lint failed with exit status $$status"; exit $$status; fi
	@echo
	@echo "== specmark replay --mock $(SAMPLES)"
	@$(RELEASE_BIN) replay --mock $(SAMPLES); status=$$?; \
	if [ $$status -gt 1 ]; then echo "replay failed with exit status $$status"; exit $$status; fi

# One test at a time: the replay and mock tests run HTTP servers in process, and tests running beside them
# could hold every thread of Swift's cooperative pool (two on a two-core machine) long enough for their
# requests to time out (2 runs in 6 failed that way in parallel).
test: deps
	$(SWIFT) test --no-parallel

# Full corpus lint against cmark, peak memory, 1x/2x/4x scaling, warm cache and one changed page; BIN=path measures
# another build (an earlier one, for before and after) without building this one
# (CORPUS=dir RUNS=5).
bench: deps
	scripts/bench.sh

# libFuzzer targets with address sanitizer, FUZZ_SECONDS (60) each; crashes minimised into fuzz/crashes/.
fuzz: deps
	scripts/fuzz.sh

# The test suite under address and thread sanitizers (separate build directories).
# SPECMARK_FREE_AT_EXIT: the CLI frees its model before exiting, so LeakSanitizer sees every allocation freed.
test-asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt \
		$(SWIFT) test --no-parallel --sanitize=address --scratch-path .build/asan -Xswiftc -DSPECMARK_FREE_AT_EXIT

test-tsan: deps
	$(SWIFT) test --no-parallel --sanitize=thread --scratch-path .build/tsan

# Instructions, mallocs, retains and releases per page for each phase of the lint (read, parse, extract, lint),
# counted by valgrind's callgrind: repeatable where wall times are not (BIN=driver EVERY=n DOCS=dir).
bench-instructions: deps
	scripts/bench-instructions.sh

# Throughput of the mock against a minimal Hummingbird server (wrk, loopback; DURATION=30s RUNS=3).
bench-mock: deps
	scripts/bench-mock.sh

# The mock through a real typed client: the Microsoft Graph SDK for Python (msgraph-sdk, from PyPI) in a
# virtual environment under .build/, against `specmark serve $(DOCS)` on loopback. DOCS defaults to the Graph
# reference pages of the corpus; METADATA=file adds --metadata. Never needed by the tests.
MSGRAPH_VENV ?= .build/msgraph-venv
DOCS ?= $(CORPUS)/api-reference/v1.0
check-msgraph: release
	@if [ ! -d "$(DOCS)" ]; then echo "no docs at $(DOCS); set DOCS=dir (Graph reference pages)"; exit 2; fi
	@[ -x $(MSGRAPH_VENV)/bin/python ] || python3 -m venv $(MSGRAPH_VENV)
	@$(MSGRAPH_VENV)/bin/python -c "import msgraph" 2>/dev/null || $(MSGRAPH_VENV)/bin/pip install -q msgraph-sdk
	$(MSGRAPH_VENV)/bin/python scripts/msgraph-check.py --specmark $(RELEASE_BIN) --docs "$(DOCS)" \
		$(if $(METADATA),--serve-option=--metadata --serve-option=$(METADATA))

# `specmark openapi` checked by the OpenAPI ecosystem: the export of $(DOCS) (and with METADATA=file) validated by
# openapi-spec-validator, then Schemathesis's examples phase against `specmark serve $(DOCS)` on loopback for
# OPENAPI_PATHS (a regular expression). Both tools from PyPI, in a virtual environment under .build/; never needed
# by the tests. Writes the documents and the JUnit report to .build/openapi-check/.
OPENAPI_VENV ?= .build/openapi-venv
OPENAPI_PATHS ?= ^/(users|groups|me)(/|$$)
check-openapi: release
	@if [ ! -d "$(DOCS)" ]; then echo "no docs at $(DOCS); set DOCS=dir (Graph reference pages)"; exit 2; fi
	@[ -x $(OPENAPI_VENV)/bin/python ] || python3 -m venv $(OPENAPI_VENV)
	@$(OPENAPI_VENV)/bin/python -c "import schemathesis, openapi_spec_validator" 2>/dev/null || \
		$(OPENAPI_VENV)/bin/pip install -q schemathesis openapi-spec-validator
	$(OPENAPI_VENV)/bin/python scripts/openapi-check.py --specmark $(RELEASE_BIN) --docs "$(DOCS)" \
		--paths '$(OPENAPI_PATHS)' $(if $(METADATA),--metadata "$(METADATA)")

# `specmark lsp` driven as an editor drives it: opens PAGE in the workspace DOCS, makes 20 edits and times each
# one until its diagnostics are published, asks for code actions, shuts down; prints the median and worst latency
# and the server's peak memory.
check-lsp: release
	@if [ ! -f "$(PAGE)" ]; then echo "set DOCS=workspace PAGE=a page in it"; exit 2; fi
	python3 scripts/lsp-check.py $(abspath $(RELEASE_BIN)) "$(DOCS)" "$(PAGE)"

# Every report format for docs-samples, SARIF validated against the official 2.1.0 schema when present.
check-reports: release
	scripts/check-reports.sh

# The HTML report of docs-samples (and of the corpus, where it exists) in headless Chromium: size, time, a
# screenshot, and the filter script checked against the JSON report (OUT=dir keeps the files).
check-html: release
	scripts/check-html.sh

# Extraction counts over the Graph corpus (pages by kind, examples, pairing, resources, diagnostics by id).
# Runs only where the corpus exists; it is never needed by the tests.
corpus-check: release
	@if [ -d "$(CORPUS)/api-reference/v1.0" ]; then \
		$(RELEASE_BIN) model --format summary $(CORPUS)/api-reference/v1.0; \
	else echo "corpus not found at $(CORPUS); set CORPUS=dir"; fi

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint-swift:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
