#!/usr/bin/env bash
# Fetches the Dear ImGui 1.86 sources for the admin page from Debian's source package
# (Debian's libimgui-dev has headers and a native library only) into build/third_party/imgui.
# Idempotent: does nothing when the sources are already there. The files are used unmodified.
#
# usage: scripts/fetch-imgui.sh [DEST]   (default: build/third_party/imgui)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/build/third_party/imgui}
want=(imgui.h imgui.cpp imgui_internal.h imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp
      imconfig.h imstb_rectpack.h imstb_textedit.h imstb_truetype.h
      backends/imgui_impl_glfw.cpp backends/imgui_impl_glfw.h
      backends/imgui_impl_opengl3.cpp backends/imgui_impl_opengl3.h
      backends/imgui_impl_opengl3_loader.h LICENSE.txt)

have_all() { for f in "${want[@]}"; do [[ -f $dest/$f ]] || return 1; done; }
if have_all; then exit 0; fi

sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"

# apt-get source needs a deb-src entry: add one for bookworm main on the mirror apt already uses.
if ! apt-cache showsrc imgui 2>/dev/null | grep -q '^Package: imgui'; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "fetch-imgui: adding a deb-src entry for $mirror bookworm main"
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" | $sudo tee /etc/apt/sources.list.d/invitekit-src.sources >/dev/null
  $sudo apt-get update -qq
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source --download-only -qq imgui >/dev/null 2>&1 || apt-get source --download-only imgui)
orig=$(ls "$work"/imgui_*.orig.tar.* | head -n1)
mkdir -p "$work/src"
tar -xf "$orig" -C "$work/src" --strip-components=1

mkdir -p "$dest/backends"
for f in "${want[@]}"; do
  if [[ ! -f $work/src/$f ]]; then echo "fetch-imgui: $f is missing from $(basename "$orig")" >&2; exit 1; fi
  cp "$work/src/$f" "$dest/$f"
done
echo "fetch-imgui: $(grep -m1 'define IMGUI_VERSION ' "$dest/imgui.h" | awk '{print $3}') sources in $dest"
