// invitekit: two C library functions for the WebAssembly builds, in place of musl's, for size.
//
// nlohmann/json is the only caller of either:
//   strtod    its lexer converts each number token (already checked to be JSON) with it. musl's
//             strtod computes in 128-bit software long double; JS's Number() converts a JSON
//             number exactly as JSON.parse does (correctly rounded, Infinity past the range,
//             which nlohmann then refuses as too large).
//   snprintf  it formats "\u%04x" escapes and "<U+%.4X>" in error text with it, integers only.
//             musl's snprintf brings the floating-point formatter and, again, the long double
//             arithmetic; the C library's integer-only vsniprintf formats these the same.
// They are linked in as __wrap_strtod and __wrap_snprintf (wasm-ld --wrap, see CMakeLists.txt):
// musl's own stay in the C library, unused. Only the npm package links them: the admin page
// (and anything else that formats floating-point numbers with snprintf) must not. Natively, the
// C library's own are used.
#include <emscripten/emscripten.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>

extern "C" int vsniprintf(char* buffer, std::size_t size, const char* format, va_list args);

// clang-format off
EM_JS(double, invitekit_js_number, (const char* text, int length), {
  return Number(UTF8ToString(text, length));
});
// clang-format on

extern "C" double __wrap_strtod(const char* text, char** end) {
  const std::size_t length = std::strlen(text);
  if (end != nullptr) *end = const_cast<char*>(text + length);
  return invitekit_js_number(text, static_cast<int>(length));
}

extern "C" int __wrap_snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int written = vsniprintf(buffer, size, format, args);
  va_end(args);
  return written;
}
