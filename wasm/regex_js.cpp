// invitekit: src/regex_engine.h for WebAssembly — "pattern" runs on the JS engine's own RegExp.
//
// Why RegExp: JSON Schema patterns are ECMA-262 regular expressions, and the engine's RegExp is
// that, exactly (lookaheads, \p{…}, …), at no cost in .wasm size (std::regex would add ~139 KB).
//
// Why the 'u' flag: the native backend (regex_pcre2.cpp) matches on code points, and so does
// RegExp with 'u': "." and quantifiers take a whole astral character, \p{Letter} works, and
// the JSON-Schema-Test-Suite's optional/ecmascript-regex.json expects exactly that. The price is
// 'u' mode's stricter syntax (no "\a"-style identity escapes); a pattern it rejects does not
// compile (-1), which the schema engine reports as a "schema" issue — never a silent mismatch.
// No 'g' or 'y' flag: those make test() stateful (lastIndex).
//
// Compiled RegExp objects live in a JS array indexed by handle; the same pattern text returns
// the same handle, so a schema compiled twice does not grow the table.
#include <emscripten/emscripten.h>

#include "regex_engine.h"

// clang-format off
EM_JS(int, invitekit_regex_compile, (const char* pattern, int length), {
  var state = Module["invitekitRegex"];
  if (!state) {
    state = Module["invitekitRegex"] = { list: [], handles: new Map(), decoder: new TextDecoder(), codes: [] };
  }
  var source = state.decoder.decode(HEAPU8.subarray(pattern, pattern + length));
  var handle = state.handles.get(source);
  if (handle !== undefined) return handle;
  try {
    handle = state.list.push(new RegExp(source, "u")) - 1;
  } catch (e) {
    handle = -1;
  }
  state.handles.set(source, handle);
  return handle;
});

EM_JS(int, invitekit_regex_search, (int handle, const char* text, int length), {
  var state = Module["invitekitRegex"];
  var re = state && state.list[handle];
  if (!re) return 0;
  // Short ASCII strings (ids, emails) are faster to build from their char codes, in one flat
  // string, than through TextDecoder and a subarray (or += per character, which leaves a rope
  // for RegExp to flatten): half the time of a call.
  var s = null;
  if (length <= 64) {
    // One array per length: resizing a shared one cost as much as the test.
    var codes = state.codes[length] || (state.codes[length] = new Array(length));
    for (var i = 0; i < length; i++) {
      var c = HEAPU8[text + i];
      if (c >= 128) break;
      codes[i] = c;
    }
    if (i === length) s = String.fromCharCode.apply(null, codes);
  }
  if (s === null) s = state.decoder.decode(HEAPU8.subarray(text, text + length));
  return re.test(s) ? 1 : 0;
});
// clang-format on

namespace invitekit {

std::int32_t regex_compile(std::string_view pattern) {
  return invitekit_regex_compile(pattern.data(), static_cast<int>(pattern.size()));
}

bool regex_search(std::int32_t handle, std::string_view text) {
  if (handle < 0) return false;
  return invitekit_regex_search(handle, text.data(), static_cast<int>(text.size())) != 0;
}

}  // namespace invitekit
