// invitekit: src/number_engine.h natively — the C++ library's correctly rounded conversion.
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "number_engine.h"

namespace invitekit {
namespace {

// What JSON.parse gives for a number beyond the double range: ±Infinity when its magnitude is
// at least 1e308-ish, ±0 when it is tiny. Decided from the text (the position of the first
// significant digit), so the answer does not depend on the C locale as strtod's would.
double out_of_range(std::string_view t) {
  const bool negative = !t.empty() && t[0] == '-';
  long long magnitude = 0;  // decimal exponent of the first significant digit, plus one
  bool significant = false;
  const std::size_t point = t.find('.');  // npos: no fraction, every digit is before it
  std::size_t i = negative;
  for (; i < t.size() && t[i] != 'e' && t[i] != 'E'; ++i) {
    if (t[i] == '.') continue;
    const bool before_point = i < point;
    if (t[i] != '0') significant = true;
    if (before_point && significant) ++magnitude;
    if (!before_point && !significant) --magnitude;
  }
  long long exponent = 0;
  if (i < t.size()) {
    ++i;
    const bool minus = i < t.size() && t[i] == '-';
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    for (; i < t.size() && exponent < 100000; ++i) exponent = exponent * 10 + (t[i] - '0');
    if (minus) exponent = -exponent;
  }
  const double value = significant && magnitude + exponent > 0 ? HUGE_VAL : 0.0;
  return negative ? -value : value;
}

}  // namespace

double parse_number(std::string_view text) {
#if defined(__cpp_lib_to_chars)
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) return out_of_range(text);  // from_chars leaves v alone
  return v;
#else
  // The token is followed by a byte that cannot continue it, so strtod stops at its end; the
  // core never changes the C locale, whose decimal point is '.'.
  return std::strtod(text.data(), nullptr);
#endif
}

}  // namespace invitekit
