// invitekit admin page: src/regex.h implemented with the browser's own RegExp, so the .wasm
// carries no std::regex and patterns behave exactly as ECMAScript says. (wasm/ has the same
// backend for the npm package; when its target exists, CMake links that one and this file is
// compiled empty.)
#ifndef INVITEKIT_WEB_HAS_REGEX

#include <emscripten.h>

#include "regex.h"

// Compiled patterns live in one JS array; equal patterns share a handle. The "u" flag gives
// code-point semantics as the core expects; a pattern only valid without it still compiles.
// clang-format off
EM_JS(int, invitekit_js_regex_compile, (const char* pattern, int length), {
  var text = UTF8ToString(pattern, length);
  var cache = Module.invitekitRegex || (Module.invitekitRegex = { list: [], index: new Map() });
  if (cache.index.has(text)) return cache.index.get(text);
  var re = null;
  try { re = new RegExp(text, "u"); } catch (e) {
    try { re = new RegExp(text); } catch (e2) { return -1; }
  }
  cache.list.push(re);
  cache.index.set(text, cache.list.length - 1);
  return cache.list.length - 1;
});

EM_JS(int, invitekit_js_regex_search, (int handle, const char* text, int length), {
  var cache = Module.invitekitRegex;
  var re = cache && cache.list[handle];
  if (!re) return 0;
  return re.test(UTF8ToString(text, length)) ? 1 : 0;
});
// clang-format on

namespace invitekit {

std::int32_t regex_compile(std::string_view pattern) {
  // UTF8ToString stops at the length given, so the view needs no terminator.
  return invitekit_js_regex_compile(pattern.data(), static_cast<int>(pattern.size()));
}

bool regex_search(std::int32_t handle, std::string_view text) {
  if (handle < 0) return false;
  return invitekit_js_regex_search(handle, text.data(), static_cast<int>(text.size())) != 0;
}

}  // namespace invitekit

#endif  // INVITEKIT_WEB_HAS_REGEX
