// invitekit keywords "minProperties" and "maxProperties": how many members an object may have.
#pragma once

#include "detail/keywords/bounded_count.h"

namespace invitekit::detail {

struct property_counting {
  static constexpr std::uint8_t kind = kind_object;
  static constexpr std::string_view min_name = "minProperties", max_name = "maxProperties";

  template <class Json>
  static std::uint64_t count(const Json& v) {
    return members_of(v).size();
  }

  // "Give at most 3 fields in the permissions (it has 4)."
  static std::string message(const schema_node& n, bool at_least, std::uint64_t limit, std::uint64_t count) {
    return (sentence() << (at_least ? "Give at least " : "Give at most ") << counted{limit, "field"} << " in "
                       << the_title(title_of(n), "this object") << " (it has " << count << ").")
        .str();
  }
};

using property_count_keyword = bounded_count_keyword<property_counting>;

}  // namespace invitekit::detail
