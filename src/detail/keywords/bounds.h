// invitekit keywords "minimum", "maximum", "exclusiveMinimum" and "exclusiveMaximum": the range
// a number must lie in.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct bounds_keyword {
  static constexpr std::uint8_t applies_to = kind_number;

  struct bound {
    std::string_view keyword;  // the error code
    std::string_view words;    // " must be at least "
    double value;
    std::string text;          // the limit as a message shows it ("250")
  };
  std::vector<bound> bounds;  // in the order above

  static std::optional<bounds_keyword> compile(compile_context& c) {
    constexpr std::pair<std::string_view, std::string_view> kinds[] = {
        {"minimum", " must be at least "},
        {"maximum", " must be at most "},
        {"exclusiveMinimum", " must be greater than "},
        {"exclusiveMaximum", " must be less than "}};
    bounds_keyword k;
    for (const auto& [keyword, words] : kinds) {
      const json* limit = c.find(keyword);
      if (limit == nullptr) continue;
      if (!limit->is_number()) {
        c.fail(keyword, single_quoted(keyword) + " must be a number.");
        continue;
      }
      k.bounds.push_back({keyword, words, number_of(*limit), to_json_text(*limit)});
    }
    if (k.bounds.empty()) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const double d = number_of(v);
    bool ok = true;
    for (const bound& b : bounds) {
      const bool inside = b.keyword == "minimum"            ? d >= b.value
                          : b.keyword == "maximum"          ? d <= b.value
                          : b.keyword == "exclusiveMinimum" ? d > b.value
                                                            : d < b.value;
      if (inside) continue;
      ok = false;
      if (w.fail(n, b.keyword, [&] { return (sentence() << subject(title_of(n)) << b.words << b.text << ".").str(); }))
        return false;
    }
    return ok;
  }
};

}  // namespace invitekit::detail
