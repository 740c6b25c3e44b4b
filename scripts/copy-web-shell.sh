#!/usr/bin/env bash
# Copies the admin page's shell (web/index.html, the page's JS glue, CSS and icon) next to the
# WASM build in web/dist, which is what serve.py serves. Run after the Emscripten build.
#
# usage: scripts/copy-web-shell.sh [DIST]   (default: web/dist)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$root/web/dist}
mkdir -p "$dist"
cp "$root"/web/index.html "$root"/web/app.js "$root"/web/*.css "$root"/web/favicon.svg "$dist"/
if [[ -d $root/web/shell ]]; then
  mkdir -p "$dist/shell"
  cp "$root"/web/shell/*.js "$dist/shell/"
fi
