#!/usr/bin/env bash
# Browser tests of the admin page: installs what is missing (Debian's Chromium and the WASM
# toolchain through install-deps.sh, playwright-core through npm ci), builds the page, then runs
# tests/web with node's test runner against serve.py on a free port with a fresh sandbox.
# Screenshots land in tests/artifacts/.
#
# usage: scripts/test-web.sh [node --test options, e.g. --test-name-pattern=paste]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/install-deps.sh web
if [[ ! -d tests/web/node_modules/playwright-core ]] ||
   [[ tests/web/package-lock.json -nt tests/web/node_modules/.package-lock.json ]]; then
  (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
fi

make --no-print-directory web   # web/dist: the page with content-hashed asset names (web/hash_assets.py)

rm -rf tests/artifacts && mkdir -p tests/artifacts   # this run's screenshots only
# One test file at a time: each starts its own serve.py and Chromium, and the machine is small.
# The timeout (which node applies to a whole file too) only stops a hung run: every wait in
# tests/web fails on its own after 15 s.
exec node --test --test-concurrency=1 --test-timeout=900000 "$@" tests/web/*.test.js
