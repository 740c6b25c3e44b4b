// invitekit keyword "multipleOf": a number must be a whole multiple of another.
#pragma once

#include <cfloat>
#include <cmath>

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct multiple_of_keyword {
  static constexpr std::uint8_t applies_to = kind_number;
  double divisor = 1;
  std::string text;

  static std::optional<multiple_of_keyword> compile(compile_context& c) {
    const json* divisor = c.find("multipleOf");
    if (divisor == nullptr) return std::nullopt;
    if (!divisor->is_number() || !(number_of(*divisor) > 0)) {
      c.fail("multipleOf", "'multipleOf' must be greater than 0.");
      return std::nullopt;
    }
    return multiple_of_keyword{number_of(*divisor), to_json_text(*divisor)};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    if (is_multiple(number_of(v))) return true;
    w.fail(n, "multipleOf", [&] { return (sentence() << subject(title_of(n)) << " must be a multiple of " << text << ".").str(); });
    return false;
  }

  // 0.0075 is a multiple of 0.0001 although 0.0075 / 0.0001 is 75.00000000000001 in doubles:
  // a quotient within a few ulps of an integer counts. One that overflows is no multiple.
  bool is_multiple(double value) const {
    const double q = value / divisor;
    if (!std::isfinite(q)) return false;
    return std::fabs(q - std::nearbyint(q)) <= 8 * DBL_EPSILON * std::fabs(q);
  }
};

}  // namespace invitekit::detail
