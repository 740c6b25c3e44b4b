// invitekit: src/number_engine.h for WebAssembly — numbers are read by the JS engine's Number(),
// the same conversion JSON.parse uses, so a body reads the same in the package as in JS.
//
// Why not strtod: musl's strtod computes in 128-bit soft-float long double, which linked about
// 14 KB of code (6 KB gzip) into a package whose size is a goal. Only numbers that are not plain
// integers of up to 15 digits come here (json_value::as_number converts those itself).
#include <emscripten/emscripten.h>

#include "number_engine.h"

// clang-format off
EM_JS(double, invitekit_parse_number, (const char* text, int length), {
  // JSON number tokens are ASCII.
  var s = "";
  for (var i = 0; i < length; i++) s += String.fromCharCode(HEAPU8[text + i]);
  return Number(s);
});
// clang-format on

namespace invitekit {

double parse_number(std::string_view text) {
  return invitekit_parse_number(text.data(), static_cast<int>(text.size()));
}

}  // namespace invitekit
