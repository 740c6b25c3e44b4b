#!/usr/bin/env bash
# Fetches the Dear ImGui 1.90.1 sources for the admin page from Debian trixie's source package
# (Debian's libimgui-dev has headers and a native library only; bookworm's source is 1.86, which
# predates the input event queue) into build/third_party/imgui. The files are used unmodified.
#
# The system's apt sources are left alone: a private source list and package lists under
# build/apt-trixie point apt-get at trixie's deb-src on the mirror apt already uses.
# Idempotent: does nothing when the 1.90.1 sources are already there.
#
# usage: scripts/fetch-imgui.sh [DEST]   (default: build/third_party/imgui)
set -euo pipefail

version=1.90.1
package_version=1.90.1+ds-1
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/build/third_party/imgui}
want=(imgui.h imgui.cpp imgui_internal.h imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp
      imconfig.h imstb_rectpack.h imstb_textedit.h imstb_truetype.h
      backends/imgui_impl_glfw.cpp backends/imgui_impl_glfw.h
      backends/imgui_impl_opengl3.cpp backends/imgui_impl_opengl3.h
      backends/imgui_impl_opengl3_loader.h LICENSE.txt)

have_all() {
  for f in "${want[@]}"; do [[ -f $dest/$f ]] || return 1; done
  grep -q "define IMGUI_VERSION  *\"$version\"" "$dest/imgui.h"
}
if have_all; then exit 0; fi

apt_dir=$root/build/apt-trixie
mkdir -p "$apt_dir/lists/partial"
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
echo "deb-src ${mirror:-http://deb.debian.org/debian} trixie main" > "$apt_dir/sources.list"
apt_private=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
             -o "Dir::State::Lists=$apt_dir/lists")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt-get "${apt_private[@]}" update -qq
(cd "$work" && apt-get "${apt_private[@]}" source --download-only -qq "imgui=$package_version" >/dev/null 2>&1 ||
               apt-get "${apt_private[@]}" source --download-only "imgui=$package_version")
orig=$(ls "$work"/imgui_*.orig.tar.* | head -n1)
mkdir -p "$work/src"
tar -xf "$orig" -C "$work/src" --strip-components=1

rm -rf "$dest"
mkdir -p "$dest/backends"
for f in "${want[@]}"; do
  if [[ ! -f $work/src/$f ]]; then echo "fetch-imgui: $f is missing from $(basename "$orig")" >&2; exit 1; fi
  cp "$work/src/$f" "$dest/$f"
done
echo "fetch-imgui: $(grep -m1 'define IMGUI_VERSION ' "$dest/imgui.h" | awk '{print $3}') sources in $dest"
