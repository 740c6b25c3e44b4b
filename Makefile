# invitekit — the two commands a newcomer needs:
#   make serve   build the admin page and start serve.py with the sandbox API
#   make test    install what is missing, build everything, run every test suite
# Everything else here is a step of those two, or a benchmark.

BUILD      ?= build
NATIVE_DIR := $(BUILD)/native
JOBS       ?= $(shell nproc)

.PHONY: all deps native serve test test-native test-serve bench clean

all: native

deps:
	bash scripts/install-deps.sh all

native:
	bash scripts/install-deps.sh core
	cmake -S . -B $(NATIVE_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(NATIVE_DIR) -j $(JOBS)

test-native: native
	cd $(NATIVE_DIR) && ctest --output-on-failure -j $(JOBS)

# serve.py runs on Debian's python3 (it sees python3-jsonschema; the pyenv python3 does not).
# The page is built first once web/ has its build; until then serve.py says it is not built.
serve:
	bash scripts/install-deps.sh serve
	if [ -f web/CMakeLists.txt ]; then $(MAKE) web; fi
	/usr/bin/python3 serve.py $(SERVE_ARGS)

test-serve:
	bash scripts/install-deps.sh serve
	/usr/bin/python3 -m pytest -q tests/serve

test: test-native test-serve

# Speed next to valijson (a benchmark, not a test): one row per case ending in ratio=<ours/valijson>.
bench: native
	$(NATIVE_DIR)/bench/invitekit_bench --benchmark_min_time=0.3

clean:
	rm -rf $(BUILD)
