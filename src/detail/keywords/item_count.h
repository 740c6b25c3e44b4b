// invitekit keywords "minItems" and "maxItems": how many elements an array may have.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct item_count_keyword {
  static constexpr std::uint8_t applies_to = kind_array;
  std::optional<std::uint64_t> min, max;

  static std::optional<item_count_keyword> compile(compile_context& c) {
    item_count_keyword k{c.count("minItems"), c.count("maxItems")};
    if (!k.min && !k.max) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const std::uint64_t count = v.size();
    bool ok = true;
    if (min && count < *min) {
      ok = false;
      if (w.fail(n, "minItems", [&] { return message(n, "List at least", *min, count); })) return false;
    }
    if (max && count > *max) {
      ok = false;
      if (w.fail(n, "maxItems", [&] { return message(n, "List at most", *max, count); })) return false;
    }
    return ok;
  }

  // "List at most 50 items in the website IDs (it has 51)." — no verb to agree with the title.
  static std::string message(const schema_node& n, std::string_view bound, std::uint64_t limit, std::uint64_t count) {
    return (sentence() << bound << " " << counted{limit, "item"} << " in " << the_title(title_of(n), "this list")
                       << " (it has " << count << ").")
        .str();
  }
};

}  // namespace invitekit::detail
