#!/usr/bin/env bash
# Installs the system packages invitekit needs (Debian apt only), and only those missing.
# Idempotent: a machine that already has everything runs no apt command at all.
#
# usage: scripts/install-deps.sh [core|fuzz|wasm|npm-test|web|serve|all]   (default: all)
set -euo pipefail

core=(cmake g++ make pkg-config nlohmann-json3-dev libgtest-dev libbenchmark-dev
      libvalijson-dev json-schema-test-suite libpcre2-dev)
fuzz=(clang-14 libclang-rt-14-dev   # libFuzzer and the sanitizers' runtimes for clang 14
      python3)                      # tests/fuzz/make_seeds.py writes the seed corpora
wasm=(emscripten nodejs)
serve=(python3-pytest python3-jsonschema)
browser=(chromium)   # the npm suite's CSP test and the page's browser tests
web=(fonts-dejavu-core xz-utils dpkg-dev python3-fonttools)

want=()
case "${1:-all}" in
  core)  want=("${core[@]}") ;;
  fuzz)  want=("${core[@]}" "${fuzz[@]}") ;;
  wasm)  want=("${core[@]}" "${wasm[@]}") ;;
  npm-test) want=("${core[@]}" "${wasm[@]}" "${browser[@]}") ;;
  serve) want=("${serve[@]}") ;;
  web|all) want=("${core[@]}" "${fuzz[@]}" "${wasm[@]}" "${serve[@]}" "${browser[@]}" "${web[@]}") ;;
  *) echo "usage: $0 [core|fuzz|wasm|npm-test|web|serve|all]" >&2; exit 2 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  # nodejs: any node >= 18 on PATH will do (the machine image ships its own).
  if [[ $pkg == nodejs ]] && command -v node >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
