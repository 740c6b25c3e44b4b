# invitekit — the two commands a newcomer needs:
#   make serve   build the admin page and start serve.py with the sandbox API
#   make test    install what is missing, build everything, run every test suite
# Everything else here is a step of those two, or a benchmark.

BUILD        ?= build
NATIVE_DIR   := $(BUILD)/native
WASM_DIR     := $(BUILD)/wasm
WEB_DIR      := $(BUILD)/web
SANITIZE_DIR := $(BUILD)/sanitize
FUZZ_DIR     := $(BUILD)/fuzz
JOBS         ?= $(shell nproc)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=

.PHONY: all deps native sanitize web serve test test-native test-sanitize test-fuzz fuzz test-serve test-web bench bench-page bench-batch clean wasm npm-deps test-npm bench-npm size-npm

all: native

deps:
	bash scripts/install-deps.sh all

native:
	bash scripts/install-deps.sh core
	cmake -S . -B $(NATIVE_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(NATIVE_DIR) -j $(JOBS)

# The admin page: Dear ImGui from Debian's source package, built with Emscripten into web/dist/.
# emcc's JS optimizer needs Debian's acorn (NODE_PATH); -Oz everywhere for a small download, and
# the JavaScript minified with terser from wasm/node_modules (npm-deps).
web: npm-deps
	bash scripts/install-deps.sh web
	bash scripts/fetch-imgui.sh
	NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B $(WEB_DIR) -DCMAKE_BUILD_TYPE=MinSizeRel -DINVITEKIT_BUILD_PACKAGE=OFF \
	  "-DCMAKE_CXX_FLAGS_MINSIZEREL=-Oz -DNDEBUG"
	NODE_PATH=/usr/share/nodejs cmake --build $(WEB_DIR) --target invitekit_page -j $(JOBS)

test-native: native
	cd $(NATIVE_DIR) && ctest --output-on-failure -j $(JOBS)

# The core, the GoogleTest suite and the libFuzzer targets (tests/fuzz/) built by clang 14 with
# ASan + UBSan, in their own tree so the native build stays a plain release build. -O1 with line
# tables only (OSS-Fuzz's flags) builds about a third faster than -O2 -g and still gives file:line
# in every report; asserts stay on.
sanitize:
	bash scripts/install-deps.sh fuzz
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DINVITEKIT_FUZZ=ON -DINVITEKIT_BUILD_BENCH=OFF
	cmake --build $(SANITIZE_DIR) -j $(JOBS)

# The whole GoogleTest suite once more, under the sanitizers, in one process (one per CTest
# entry would pay the sanitizers' start-up hundreds of times).
test-sanitize: sanitize
	$(SANITIZE_DIR)/tests/invitekit_tests --gtest_brief=1

# Each fuzz target for FUZZ_SECONDS (or only FUZZ_TARGETS="validate …"); corpora and crashes go
# to $(FUZZ_DIR). make test gives each target 20 s.
fuzz: sanitize
	bash scripts/fuzz.sh $(SANITIZE_DIR) $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-fuzz: sanitize
	bash scripts/fuzz.sh $(SANITIZE_DIR) $(FUZZ_DIR) 20 $(FUZZ_TARGETS)

# The npm package (wasm/): Emscripten build into wasm/dist, its dev tools from package-lock.json.
wasm: npm-deps
	bash scripts/install-deps.sh wasm
	NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B $(WASM_DIR) -DCMAKE_BUILD_TYPE=Release -DINVITEKIT_BUILD_PAGE=OFF
	NODE_PATH=/usr/share/nodejs cmake --build $(WASM_DIR) -j $(JOBS)

npm-deps: wasm/node_modules/.package-lock.json
wasm/node_modules/.package-lock.json: wasm/package-lock.json
	cd wasm && npm ci --no-audit --no-fund

# The suite's CSP test runs the ES module build in Debian's Chromium.
test-npm: wasm npm-deps
	bash scripts/install-deps.sh npm-test
	node --test --test-concurrency=1 tests/npm/

bench-npm: wasm npm-deps
	node wasm/scripts/bench.mjs
	node wasm/scripts/size.mjs

size-npm: wasm npm-deps
	node wasm/scripts/size.mjs

# A table of 1,000 people sent to the sandbox by the CLI at concurrency 1, 4 and 16, next to a bare
# fetch loop and a curl loop (a benchmark, not a test); the CLI's peak memory on 10,000 rows. Then
# the admin page sending the same, next to a bare fetch loop in the same browser, with its longest
# main-thread task and frames per second while it sends.
bench-batch: wasm npm-deps web tests/web/node_modules/.package-lock.json
	bash scripts/install-deps.sh serve
	node bench/batch/bench-batch.mjs
	node bench/batch/bench-batch-page.mjs

# serve.py runs on Debian's python3 (it sees python3-jsonschema; the pyenv python3 does not).
# The page is built first once web/ has its build; until then serve.py says it is not built.
serve:
	bash scripts/install-deps.sh serve
	if [ -f web/CMakeLists.txt ]; then $(MAKE) web; fi
	/usr/bin/python3 serve.py $(SERVE_ARGS)

test-serve:
	bash scripts/install-deps.sh serve
	/usr/bin/python3 -m pytest -q tests/serve

# Browser tests of the admin page (playwright-core + Debian's Chromium against serve.py).
test-web:
	bash scripts/test-web.sh

test: test-native test-sanitize test-fuzz test-serve test-npm test-web

# Speed next to valijson (a benchmark, not a test): one row per case ending in ratio=<ours/valijson>.
bench: native
	$(NATIVE_DIR)/bench/invitekit_bench --benchmark_min_time=0.3

# The admin page in headless Chromium against serve.py (a benchmark, not a test): bytes over the
# wire, first frame, idle frames, main-thread time per keystroke, next to Swagger UI's bytes.
bench-page: web bench/page/node_modules/.package-lock.json tests/web/node_modules/.package-lock.json
	node bench/page/bench-page.mjs

# --ignore-scripts: swagger-ui-dist needs no build, and a dependency's install script phones home.
bench/page/node_modules/.package-lock.json: bench/page/package-lock.json
	cd bench/page && npm ci --no-audit --no-fund --ignore-scripts
tests/web/node_modules/.package-lock.json: tests/web/package-lock.json
	cd tests/web && npm ci --no-audit --no-fund

clean:
	rm -rf $(BUILD)
