// invitekit detail: the shape "minX"/"maxX" keywords share — a count of the value (its items, its
// members, its characters) held between two optional bounds. Each keyword that has it is a
// Counting policy in its own file (item_count.h, property_count.h, length.h):
//   kind                  the kind of value it applies to
//   min_name, max_name    its two keywords ("minItems", "maxItems")
//   count(v)              the value's count
//   message(n, at_least, limit, count)   the sentence for a count below (at_least) or above a bound
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

template <class Counting>
struct bounded_count_keyword {
  static constexpr std::uint8_t applies_to = Counting::kind;
  std::optional<std::uint64_t> min, max;

  static std::optional<bounded_count_keyword> compile(compile_context& c) {
    bounded_count_keyword k{c.count(Counting::min_name), c.count(Counting::max_name)};
    if (!k.min && !k.max) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const std::uint64_t count = Counting::count(v);
    bool ok = true;
    if (min && count < *min) {
      ok = false;
      if (w.fail(n, Counting::min_name, [&] { return Counting::message(n, true, *min, count); })) return false;
    }
    if (max && count > *max) {
      ok = false;
      if (w.fail(n, Counting::max_name, [&] { return Counting::message(n, false, *max, count); })) return false;
    }
    return ok;
  }
};

}  // namespace invitekit::detail
