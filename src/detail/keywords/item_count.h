// invitekit keywords "minItems" and "maxItems": how many elements an array may have.
#pragma once

#include "detail/keywords/bounded_count.h"

namespace invitekit::detail {

struct item_counting {
  static constexpr std::uint8_t kind = kind_array;
  static constexpr std::string_view min_name = "minItems", max_name = "maxItems";

  template <class Json>
  static std::uint64_t count(const Json& v) {
    return elements_of(v).size();
  }

  // "List at most 50 items in the website IDs (it has 51)." — no verb to agree with the title.
  static std::string message(const schema_node& n, bool at_least, std::uint64_t limit, std::uint64_t count) {
    return (sentence() << (at_least ? "List at least " : "List at most ") << counted{limit, "item"} << " in "
                       << the_title(title_of(n), "this list") << " (it has " << count << ").")
        .str();
  }
};

using item_count_keyword = bounded_count_keyword<item_counting>;

}  // namespace invitekit::detail
