// invitekit keywords "minProperties" and "maxProperties": how many members an object may have.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct property_count_keyword {
  static constexpr std::uint8_t applies_to = kind_object;
  std::optional<std::uint64_t> min, max;

  static std::optional<property_count_keyword> compile(compile_context& c) {
    property_count_keyword k{c.count("minProperties"), c.count("maxProperties")};
    if (!k.min && !k.max) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const std::uint64_t count = v.size();
    bool ok = true;
    if (min && count < *min) {
      ok = false;
      if (w.fail(n, "minProperties", [&] { return message(n, "Give at least", *min, count); })) return false;
    }
    if (max && count > *max) {
      ok = false;
      if (w.fail(n, "maxProperties", [&] { return message(n, "Give at most", *max, count); })) return false;
    }
    return ok;
  }

  // "Give at most 3 fields in the permissions (it has 4)."
  static std::string message(const schema_node& n, std::string_view bound, std::uint64_t limit, std::uint64_t count) {
    return (sentence() << bound << " " << counted{limit, "field"} << " in " << the_title(title_of(n), "this object")
                       << " (it has " << count << ").")
        .str();
  }
};

}  // namespace invitekit::detail
