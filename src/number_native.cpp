// invitekit: src/number_engine.h natively — the C++ library's correctly rounded conversion.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "number_engine.h"

namespace invitekit {

double parse_number(std::string_view text) {
#if defined(__cpp_lib_to_chars)
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves v alone on overflow and underflow; JSON.parse gives ±Infinity or ±0.
    // strtod gives exactly those (HUGE_VAL, or the correctly rounded tiny value or 0).
    return std::strtod(text.data(), nullptr);
  }
  return v;
#else
  // The token is followed by a byte that cannot continue it, so strtod stops at its end; the
  // core never changes the C locale, whose decimal point is '.'.
  return std::strtod(text.data(), nullptr);
#endif
}

}  // namespace invitekit
