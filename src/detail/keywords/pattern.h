// invitekit keyword "pattern": text must match an ECMAScript regular expression (anywhere in it,
// as RegExp.prototype.test does), through regex_engine.h.
#pragma once

#include "detail/keyword_support.h"
#include "regex_engine.h"

namespace invitekit::detail {

struct pattern_keyword {
  static constexpr std::uint8_t applies_to = kind_string;
  std::int32_t regex = -1;

  static std::optional<pattern_keyword> compile(compile_context& c) {
    const json* pattern = c.find("pattern");
    if (pattern == nullptr || !pattern->is_string()) return std::nullopt;
    const std::int32_t regex = regex_compile(string_of(*pattern));
    if (regex < 0) {
      c.fail("pattern", "This pattern is not a valid regular expression.");
      return std::nullopt;
    }
    return pattern_keyword{regex};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    if (regex_search(regex, string_of(v))) return true;
    w.fail(n, "pattern", [&] { return (sentence() << subject(title_of(n)) << " does not have the expected form.").str(); });
    return false;
  }
};

}  // namespace invitekit::detail
