# Repère — the commands. Everything goes through scripts/bootstrap.sh first, which installs what is
# missing from the package registries (crates.io, npm, Debian apt) and takes seconds when all is
# there. Nothing is downloaded after it: Trunk and cargo run --offline.
#
#   make serve   the app on http://127.0.0.1:8080 (rebuilds on change)
#   make test    everything CI checks: fmt, clippy, native tests, the build scripts' tests,
#                wasm tests in Chromium, release build, first-load size budget, end-to-end +
#                accessibility tests
#   make bench   benchmarks of the core (cargo bench) and, if present, tests/e2e/bench*.mjs
#   make perf    Lighthouse mobile + desktop on the release build served with gzip (3 runs each,
#                medians; installs scripts/perf's own npm packages the first time)
#   make build   release build into dist/ (prerendered first screen, then the CSP meta tag)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The steps of `make test` run in the order listed, even under `make -j`.
.NOTPARALLEL:

# npm's binaryen wasm-opt (v132) must come before any other wasm-opt (Debian's v108 breaks the
# app at run time); cargo-installed trunk and wasm-bindgen come next.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

TRUNK_FLAGS := --skip-version-check --offline
ADDRESS ?= 127.0.0.1
PORT ?= 8080
WASM_TESTS := $(wildcard tests/wasm*.rs)
WASM_TEST_FLAGS := $(foreach f,$(WASM_TESTS),--test $(basename $(notdir $(f))))
BROWSER_BENCHES := $(wildcard tests/e2e/bench*.mjs)
NODE_TEST := node --test --test-concurrency=1 --test-reporter=spec

.PHONY: help bootstrap serve serve-dist build size fmt-check clippy lint test-native test-scripts test-wasm \
        e2e test bench perf clean

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

bootstrap:
	@scripts/bootstrap.sh

serve: bootstrap
	trunk serve --address $(ADDRESS) --port $(PORT) $(TRUNK_FLAGS)

# Serves the release build as any static host would (no rewrite rules), like the e2e tests.
serve-dist: build
	node tests/e2e/server.mjs dist $(PORT)

build: bootstrap
	@echo "==> trunk build --release (wasm-opt: $$(command -v wasm-opt))"
	trunk build --release $(TRUNK_FLAGS)
	node scripts/prerender.mjs dist
	node scripts/csp.mjs dist
	node scripts/sw.mjs dist

size:
	node scripts/size-report.mjs dist

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins $(WASM_TEST_FLAGS) --test bench_wasm -- -D warnings

lint: fmt-check clippy

test-native:
	cargo test

# wasm-bindgen-test in headless Chromium (runner set in .cargo/config.toml; chromedriver on PATH).
test-wasm:
ifneq ($(WASM_TESTS),)
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg repere_unsplit" \
		cargo test --target wasm32-unknown-unknown $(WASM_TEST_FLAGS)
else
	@echo "==> no tests/wasm*.rs: skipping wasm-bindgen tests"
endif

e2e:
	$(NODE_TEST) tests/e2e/

# The build scripts' own tests (no browser).
test-scripts:
	$(NODE_TEST) tests/scripts/

test: bootstrap lint test-native test-scripts test-wasm build size e2e
	@echo "==> make test: all passed"

bench: bootstrap
	cargo bench --benches
	@echo "==> core benchmarks in wasm, in headless Chromium"
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg repere_unsplit" cargo test --release --target wasm32-unknown-unknown --test bench_wasm -- --nocapture 2>&1 | grep -E 'BENCH|test result'
ifneq ($(BROWSER_BENCHES),)
	$(MAKE) --no-print-directory build
	$(foreach f,$(BROWSER_BENCHES),node $(f) &&) true
endif

# Lighthouse lives in scripts/perf (its own package.json): `make test` never installs it.
perf: build
	@if [ ! -f scripts/perf/node_modules/.installed ] || [ scripts/perf/package-lock.json -nt scripts/perf/node_modules/.installed ]; then \
		echo "==> npm ci in scripts/perf (lighthouse)"; \
		npm ci --prefix scripts/perf --no-audit --no-fund && touch scripts/perf/node_modules/.installed; \
	fi
	CHROME_PATH=/usr/bin/chromium node scripts/perf/lighthouse.mjs dist
# The importer's benchmark alone (also part of `cargo bench --benches`): a 600 MB generated
# export by default, IMPORT_BENCH_MB=… to change it.
.PHONY: bench-import
bench-import:
	cargo bench --bench import

clean:
	rm -rf dist test-results
