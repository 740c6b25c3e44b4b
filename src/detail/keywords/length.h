// invitekit keywords "minLength" and "maxLength": how long text may be, in characters (Unicode
// code points, as draft-07 counts them).
#pragma once

#include "detail/keywords/bounded_count.h"

namespace invitekit::detail {

struct length_counting {
  static constexpr std::uint8_t kind = kind_string;
  static constexpr std::string_view min_name = "minLength", max_name = "maxLength";

  template <class Json>
  static std::uint64_t count(const Json& v) {
    std::uint64_t length = 0;
    for (char c : string_of(v)) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return length;
  }

  // "The first name is too long: at most 250 characters (it has 251)."
  static std::string message(const schema_node& n, bool at_least, std::uint64_t limit, std::uint64_t count) {
    return (sentence() << subject(title_of(n)) << (at_least ? " is too short: at least " : " is too long: at most ")
                       << counted{limit, "character"} << " (it has " << count << ").")
        .str();
  }
};

using length_keyword = bounded_count_keyword<length_counting>;

}  // namespace invitekit::detail
