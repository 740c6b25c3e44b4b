// invitekit: the regular-expression interface behind the JSON Schema "pattern" keyword.
//
// Patterns use ECMAScript syntax (lookaheads included). The native build links
// regex_std.cpp (std::wregex, ECMAScript grammar, on code points); the WebAssembly build links
// the JS engine's own RegExp instead, which is exact and keeps std::regex out of the .wasm.
// Exactly one implementation is linked; the core calls it through these two functions.
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

// Anything built with src/ on its include path finds this file for <regex.h> too (GoogleTest
// includes the C library's POSIX <regex.h>), so hand such includes on to the system header.
// (system_header: #include_next is an extension -Wpedantic would flag in every includer.)
#if defined(__has_include_next)
#if __has_include_next(<regex.h>)
#pragma GCC system_header
#include_next <regex.h>
#endif
#endif
