// invitekit: the decimal-to-double conversion behind json_value::as_number.
//
// A JSON number's text is converted as JSON.parse converts it: correctly rounded, ±Infinity
// beyond the double range, ±0 below it. The native build links number_native.cpp (std::from_chars
// or strtod); the WebAssembly build links the JS engine's own Number() instead, which is exact and
// keeps musl's strtod out of the .wasm (it computes in 128-bit soft-float long double: ~6 KB gzip).
// Exactly one implementation is linked, as for regex_engine.h.
#pragma once

#include <string_view>

namespace invitekit {

// `text` is a whole number token of valid RFC 8259 JSON (the parser checked it), followed in
// memory by at least one byte that cannot continue a number.
double parse_number(std::string_view text);

}  // namespace invitekit
