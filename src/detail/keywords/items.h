// invitekit keywords "items" and "additionalItems": a schema for every element, or one per
// position (a tuple) and one for the elements beyond it.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct items_keyword {
  static constexpr std::uint8_t applies_to = kind_array;
  std::int32_t each = no_node;           // one schema for every element, or …
  std::vector<std::int32_t> positions;  // … one per position, then
  std::int32_t beyond = no_node;         // additionalItems as a schema …
  bool beyond_forbidden = false;         // … or false: each extra element is its own error

  static std::optional<items_keyword> compile(compile_context& c) {
    const json* items = c.find("items");
    if (items == nullptr) return std::nullopt;
    items_keyword k;
    if (!items->is_array()) {
      k.each = c.subschema("items", *items);
      return k;
    }
    for (std::size_t i = 0; i < items->size(); ++i) k.positions.push_back(c.subschema("items", i, (*items)[i]));
    if (const json* beyond = c.find("additionalItems"); beyond != nullptr) {
      k.beyond_forbidden = beyond->is_boolean() && !beyond->template get<bool>();
      if (!k.beyond_forbidden) k.beyond = c.optional_subschema("additionalItems");
    }
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    bool ok = true;
    std::size_t i = 0;
    for (const Json& item : elements_of(v)) {
      const bool extra = each == no_node && i >= positions.size();
      if (extra && beyond_forbidden) {
        ok = false;
        if (w.fail(n, "additionalItems", [] { return std::string("This value is not allowed here."); },
                   path_segment::element(i)))
          return false;
      } else {
        const std::int32_t s = each != no_node ? each : extra ? beyond : positions[i];
        if (s != no_node && !w.descend(s, path_segment::element(i), item)) {
          ok = false;
          if (w.stopped()) return false;
        }
      }
      ++i;
    }
    return ok;
  }
};

}  // namespace invitekit::detail
