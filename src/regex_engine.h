// invitekit: the regular-expression interface behind the JSON Schema "pattern" keyword.
//
// Patterns use ECMAScript syntax (lookaheads included). The native build links
// regex_pcre2.cpp (PCRE2 with its JavaScript-compatibility options, JIT-compiled); the
// WebAssembly build links the JS engine's own RegExp instead, which is exact and keeps a
// regex engine out of the .wasm. Exactly one implementation is linked; the core calls it
// through these two functions. (Named regex_engine.h, not regex.h, so that it never shadows
// the C library's POSIX <regex.h> for anything built with src/ on its include path.)
#pragma once

#include <cstdint>
#include <string_view>

namespace invitekit {

// Compiles an ECMAScript pattern (UTF-8). Returns a handle >= 0, or -1 if it does not compile.
// Compiling the same pattern twice may return the same handle.
std::int32_t regex_compile(std::string_view pattern);

// True if the pattern matches anywhere in text (UTF-8), as RegExp.prototype.test does.
bool regex_search(std::int32_t handle, std::string_view text);

}  // namespace invitekit
